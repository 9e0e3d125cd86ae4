// `nslab trace` for real, in sandboxes: a MASQUERADEd ping, a published port's DNAT, a drop by
// FORWARD's policy (an exercise's fault) and by Docker's isolation rule, each hop named; then
// every check of every lab of the catalogue traced to the verdict its lab expects, the tracer
// leaving every namespace's ruleset as it found it; and Ctrl-C in the middle of a trace.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t, { type Test } from 'tap';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import type { Plan } from '../../src/plan/types.js';
import { missingKinds } from '../../src/run/features.js';
import type { Hop } from '../../src/trace/journey.js';
import { cli, needsRoot, nslab, sandboxName, type Run } from '../helpers/machine.js';

// `exercise` records what was built; the learner's progress is not the tests' business.
const progress = mkdtempSync(join(tmpdir(), 'nslab-progress-'));
process.env.NSLAB_PROGRESS_DIR = progress;
t.teardown(() => rmSync(progress, { recursive: true, force: true }));

interface Traced {
  check: { name: string; expect: 'reach' | 'fail' };
  verdict: 'delivered' | 'dropped' | 'lost' | 'interrupted';
  reason: string;
  hops: Hop[];
  legs: { namespace: string; direction: string; end: string }[];
  nat: { kind: string; namespace: string }[];
  faults?: string[];
}

const planOf = (lab: string, sb: string): Plan => compile(loadLab(lab), { kind: 'sandbox', name: sb });
/** The namespace of the lab's (first) Docker host in sandbox `sb`. */
const dockerHost = (lab: string, sb: string) => Object.values(planOf(lab, sb).hosts)[0]!;

async function trace(lab: string, sb: string, ...args: string[]): Promise<{ run: Run; json: Traced | null }> {
  const run = await nslab(['trace', lab, ...args, '--sandbox-name', sb, '--json']);
  let json: Traced | null = null;
  try {
    json = JSON.parse(run.stdout) as Traced;
  } catch {
    // no JSON: the assertions on it show the run
  }
  return { run, json };
}

/** Builds `lab` in a sandbox of its own, removed when the test ends, passed or not. */
async function upIn(t: Test, lab: string, tag: string, ...verb: string[]): Promise<string> {
  const sb = sandboxName(tag);
  t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
  const up = await nslab([...(verb.length ? verb : ['up', lab, '--no-check', '-q']), '--sandbox-name', sb]);
  t.equal(up.exitCode, 0, `${lab} is up in ${sb}`, up);
  return sb;
}

/** `nft list ruleset` of a namespace (null: the machine's own), counters left out: they move with traffic. */
async function ruleset(ns: string | null): Promise<string> {
  const argv = ns ? ['ip', 'netns', 'exec', ns, 'nft', 'list', 'ruleset'] : ['nft', 'list', 'ruleset'];
  const r = await execa(argv[0]!, argv.slice(1), { reject: false });
  return `${r.exitCode} ${String(r.stdout).replace(/counter packets \d+ bytes \d+/g, 'counter')}`;
}
const rulesets = async (namespaces: (string | null)[]) =>
  Object.fromEntries(await Promise.all(namespaces.map(async (ns) => [ns ?? '(machine)', await ruleset(ns)])));

const tracerTables = async (namespaces: (string | null)[]) =>
  (
    await Promise.all(namespaces.map(async (ns) => ((await ruleset(ns)).includes('nslab-trace') ? [ns] : [])))
  ).flat();

t.test(
  'bridge-nat: c1 → outside is MASQUERADEd by the Docker host, and conntrack says SNAT',
  { skip: needsRoot },
  async (t) => {
    const sb = await upIn(t, 'bridge-nat', 'trnat');
    const { run, json } = await trace('bridge-nat', sb, '--from', 'c1', '--to', 'outside');
    t.equal(run.exitCode, 0, 'exit 0: delivered, as a reach check expects', run);
    t.equal(json?.verdict, 'delivered', json?.reason ?? run.stderr);
    const host = dockerHost('bridge-nat', sb);
    const masq = json?.hops.find(
      (h) => h.table === 'nat' && h.chain === 'POSTROUTING' && /MASQUERADE/.test(h.rule ?? ''),
    );
    t.ok(masq, 'a hop: nat POSTROUTING, the MASQUERADE rule');
    t.equal(masq?.namespace, host, 'in the Docker host’s namespace');
    t.equal(masq?.hook, 'postrouting');
    t.match(masq?.step ?? '', /^step \d+: .*NAT/, 'named by the step that made it');
    t.ok(
      json?.nat.some((n) => n.kind === 'SNAT' && n.namespace === host),
      'conntrack recorded the SNAT in the Docker host',
    );
    const order = json?.legs.map((l) => `${l.direction} ${l.namespace} ${l.end}`);
    t.same(
      order,
      [
        `request ${sb}-c1 sent`,
        `request ${host} forwarded`,
        `request ${sb}-outside delivered`,
        `reply ${sb}-outside sent`,
        `reply ${host} forwarded`,
        `reply ${sb}-c1 delivered`,
      ],
      'the legs in the order the packets went',
    );
  },
);

t.test(
  'without nft trace (iptables-legacy), the rules whose counters moved, and the method said',
  { skip: needsRoot },
  async (t) => {
    const sb = await upIn(t, 'bridge-nat', 'trcnt');
    const run = await execa(
      'node',
      [
        'src/cli/nslab.js',
        'trace',
        'bridge-nat',
        '--from',
        'c1',
        '--to',
        'outside',
        '--sandbox-name',
        sb,
        '--json',
      ],
      { reject: false, env: { NSLAB_TRACE_METHOD: 'counters' } },
    );
    const json = JSON.parse(String(run.stdout)) as Traced & { method: string };
    t.equal(json.method, 'counters', 'the fallback says what it is');
    t.equal(json.verdict, 'delivered', json.reason);
    t.ok(
      json.hops.some(
        (h) => h.table === 'nat' && h.chain === 'POSTROUTING' && /MASQUERADE/.test(h.rule ?? ''),
      ),
      'the MASQUERADE counted the probe',
    );
    t.notOk(
      json.hops.some((h) => /DOCKER-ISOLATION-STAGE-2 -o/.test(h.rule ?? '')),
      'a rule that did not match is not listed',
    );
  },
);

t.test('port-publish: outside → host:8080 is DNATed at prerouting', { skip: needsRoot }, async (t) => {
  const sb = await upIn(t, 'port-publish', 'trpub');
  const { run, json } = await trace(
    'port-publish',
    sb,
    '--from',
    'outside',
    '--to',
    'host',
    '--port',
    '8080',
  );
  t.equal(run.exitCode, 0, 'exit 0', run);
  t.equal(json?.verdict, 'delivered', json?.reason ?? run.stderr);
  const dnat = json?.hops.find(
    (h) =>
      h.table === 'nat' &&
      (h.chain === 'PREROUTING' || (h.chain === 'DOCKER' && h.hook === 'prerouting')) &&
      /DNAT/.test(h.rule ?? ''),
  );
  t.ok(dnat, 'a hop: nat PREROUTING, or DOCKER reached from it, with the DNAT rule');
  t.equal(dnat?.namespace, dockerHost('port-publish', sb));
  t.match(dnat?.rule ?? '', /--to-destination 172\.\d+\.\d+\.\d+:80/, 'to the container’s port 80');
  t.ok(
    json?.nat.some((n) => n.kind === 'DNAT'),
    'conntrack recorded the DNAT',
  );
  t.match(json?.reason ?? '', /^delivered to c1 /, 'delivered to the container that publishes it');
});

const bridgeNetfilter = existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables');
t.test(
  'bridge-basic exercise 2 (forward-drop): c1 → c2 dropped by FORWARD’s policy, the fault named',
  {
    skip:
      needsRoot || (!bridgeNetfilter && 'br_netfilter is not loaded, so FORWARD never sees bridged frames'),
  },
  async (t) => {
    const sb = await upIn(t, 'bridge-basic', 'trfwd', 'exercise', 'bridge-basic', '2');
    const { run, json } = await trace('bridge-basic', sb, '--from', 'c1', '--to', 'c2');
    t.equal(run.exitCode, 1, 'exit 1: a ping that should work does not', run);
    t.equal(json?.verdict, 'dropped', json?.reason ?? run.stderr);
    const drop = json?.hops.find((h) => /^drop/.test(h.verdict));
    t.match(
      drop,
      {
        namespace: dockerHost('bridge-basic', sb),
        table: 'filter',
        chain: 'FORWARD',
        rule: null,
        verdict: 'drop',
      },
      'the dropping hop: filter FORWARD’s policy, in the Docker host',
    );
    t.equal(drop?.fault, 'forward-drop', 'the hop names the fault');
    t.same(json?.faults, ['forward-drop'], 'the trace lists the exercise’s faults');
    t.match(json?.reason ?? '', /FORWARD's policy DROP — the exercise's fault \(forward-drop\)/);
  },
);

t.test(
  'bridge-isolation: across the two networks, DOCKER-ISOLATION-STAGE-2 drops',
  { skip: needsRoot },
  async (t) => {
    const sb = await upIn(t, 'bridge-isolation', 'triso');
    const checks = planOf('bridge-isolation', sb).checks;
    const n = checks.findIndex((c) => c.expect === 'fail' && c.kind === 'ping') + 1;
    t.ok(n > 0, 'the lab has a must-fail ping across its networks');
    const { run, json } = await trace('bridge-isolation', sb, String(n));
    t.equal(run.exitCode, 0, 'exit 0: it fails, as the check expects', run);
    t.equal(json?.verdict, 'dropped', json?.reason ?? run.stderr);
    const drop = json?.hops.find((h) => /^drop/.test(h.verdict));
    t.equal(drop?.chain, 'DOCKER-ISOLATION-STAGE-2');
    t.match(drop?.rule ?? '', /^-A DOCKER-ISOLATION-STAGE-2 -o \S+ -j DROP$/, 'by its DROP rule');
    t.equal(drop?.namespace, dockerHost('bridge-isolation', sb));
    t.match(drop?.step ?? '', /isolated from/, 'the step that isolates the networks');
  },
);

// ── the catalogue ─────────────────────────────────────────────────────────────────────────────

/** Every (lab, check, verdict) the catalogue's traces gave, printed at the end for the record. */
const seen: string[] = [];

for (const { name } of listLabs()) {
  const missing = needsRoot ? [] : await missingKinds(planOf(name, 'probe'));
  const skip = needsRoot || (missing.length > 0 && `this kernel cannot create ${missing.join(', ')} links`);
  t.test(
    `${name}: every check traces to the verdict the lab expects; the tracer leaves no rule`,
    { skip },
    async (t) => {
      const sb = await upIn(t, name, `tr${name.slice(0, 5)}`);
      const plan = planOf(name, sb);
      const namespaces = [null, ...plan.namespaces];
      const before = await rulesets(namespaces);
      for (const [i, check] of plan.checks.entries()) {
        const n = String(i + 1);
        const { run, json } = await trace(name, sb, n);
        if (check.kind === 'listen') {
          t.equal(run.exitCode, 3, `${n} ${check.name}: a listen check sends no packet, exit 3`, run);
          // with --json the error is the JSON document's `error`
          t.match(run.stdout + run.stderr, /binds a port and sends no packet: there is nothing to trace/);
          seen.push(`${name}\t${n}\t${check.name}\t(listen: not traced, exit 3)`);
          continue;
        }
        seen.push(`${name}\t${n}\t${check.name}\t${check.expect}\t${json?.verdict}\t${json?.reason}`);
        if (check.expect === 'reach') {
          t.equal(json?.verdict, 'delivered', `${n} ${check.name}: delivered`, {
            reason: json?.reason,
            stderr: run.stderr,
          });
          t.equal(run.exitCode, 0, `${n}: exit 0`);
        } else {
          t.match(json?.verdict, /^(dropped|lost)$/, `${n} ${check.name}: dropped or lost`, {
            reason: json?.reason,
            stderr: run.stderr,
          });
          t.match(json?.reason, /\S/, `${n}: with a reason`);
          t.equal(run.exitCode, 0, `${n}: exit 0, it fails as the lab expects`);
        }
      }
      t.same(await rulesets(namespaces), before, 'every namespace’s ruleset (and the machine’s) as before');
    },
  );
}

// ── Ctrl-C ────────────────────────────────────────────────────────────────────────────────────

// 0 ms: as the tracer's table appears (the monitors are starting); 600 ms: the probe is out.
for (const delay of [0, 600]) {
  t.test(
    `SIGINT ${delay} ms into a trace: exit 130, no nslab-trace table anywhere`,
    { skip: needsRoot },
    async (t) => {
      const sb = await upIn(t, 'bridge-basic', `trint${delay}`);
      const plan = planOf('bridge-basic', sb);
      const namespaces = [null, ...plan.namespaces];
      const before = await rulesets(namespaces);
      // the must-fail ping to an address nobody has: its probe waits for an answer that never comes
      const n = plan.checks.findIndex((c) => c.expect === 'fail') + 1;
      const child = execa('node', [cli, 'trace', 'bridge-basic', String(n), '--sandbox-name', sb], {
        reject: false,
        detached: true,
        env: { NO_COLOR: '1' },
      });
      const host = dockerHost('bridge-basic', sb);
      const started = performance.now();
      while ((await tracerTables([host])).length === 0 && performance.now() - started < 10_000)
        await new Promise((r) => setTimeout(r, 10));
      t.ok(performance.now() - started < 10_000, 'the tracer’s table appeared');
      await new Promise((r) => setTimeout(r, delay));
      process.kill(-child.pid!, 'SIGINT');
      const r = await child;
      t.equal(r.exitCode, 130, 'exit 128+SIGINT', r);
      t.match(String(r.stderr), /SIGINT: stopping the trace and removing the tracer/);
      t.match(String(r.stdout), /INTERRUPTED/, 'the verdict says interrupted');
      t.same(await tracerTables(namespaces), [], 'no nslab-trace table in any namespace');
      t.same(await rulesets(namespaces), before, 'every ruleset as before');
    },
  );
}

t.test('nothing of this file is left', { skip: needsRoot }, async (t) => {
  if (seen.length) t.comment(`traced:\n${seen.join('\n')}`);
  const mine = `t${process.pid.toString(36)}`;
  const { stdout } = await execa('ip', ['-j', 'netns', 'list']);
  const left = (JSON.parse(String(stdout) || '[]') as { name: string }[]).filter((n) =>
    n.name.startsWith(mine),
  );
  t.same(left, [], 'no namespace of this file’s sandboxes');
});
