// `plan --portable`: every catalogue lab's handout, run by bash as a learner runs it, builds a
// network that nslab's own checks pass (its namespaces are named and marked as nslab's sandbox,
// so `nslab verify --sandbox-name` finds them), passes its own `check`, and its `down` leaves
// nothing: no namespace, no /etc/netns files, no state, no process.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { renderPortable } from '../../src/plan/portable.js';
import { missingKinds } from '../../src/run/features.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

interface Result {
  checks: { name: string; ok: boolean; detail?: string | null }[];
}

const dir = mkdtempSync(join(tmpdir(), 'nslab-portable-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the handout with bash; never throws on a non-zero exit. */
const bash = async (file: string, action: string, env: Record<string, string> = {}) => {
  const r = await execa('bash', [file, action], { reject: false, env, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
};

/** Every process running in the sandbox's namespaces, and those the script says it started. */
async function processesOf(sb: string, state: string): Promise<number[]> {
  const pids = new Set<number>();
  for (const ns of await namespacesOf(sb)) {
    const r = await execa('ip', ['netns', 'pids', ns], { reject: false });
    for (const p of String(r.stdout).split('\n').filter(Boolean)) pids.add(Number(p));
  }
  if (existsSync(`${state}/pids`))
    for (const p of readFileSync(`${state}/pids`, 'utf8').split('\n').filter(Boolean)) pids.add(Number(p));
  return [...pids];
}
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
};

const lacking = async (name: string): Promise<string | false> => {
  if (needsRoot) return needsRoot;
  const missing = await missingKinds(compile(loadLab(name), { kind: 'sandbox', name: 'probe' }));
  return missing.length > 0 ? `this kernel cannot create ${missing.join(', ')} links` : false;
};

const hasServers = (name: string) =>
  loadLab(name).containers.some((c) => c.serve.length > 0) || loadLab(name).outside.serve.length > 0;

// Each lab with the servers the machine offers first (busybox, then python3); the labs with
// servers once more with python3 alone, the other path a machine without busybox takes.
const runs = listLabs().flatMap(({ name }) => [
  { name, servers: '' },
  ...(hasServers(name) ? [{ name, servers: 'python3' }] : []),
]);

for (const { name, servers } of runs) {
  const skip = await lacking(name);
  t.test(
    `${name}${servers ? ` (servers: ${servers})` : ''}: the portable script builds what nslab's checks pass; down leaves nothing`,
    { skip },
    async (t) => {
      const sb = sandboxName(`p${name.slice(0, 5)}`);
      const file = join(dir, `${sb}.sh`);
      writeFileSync(file, renderPortable(loadLab(name), sb));
      const env: Record<string, string> = servers ? { NSLAB_SERVERS: servers } : {};
      const state = `/run/nslab-portable/${name}@${sb}`;
      t.teardown(async () => {
        await bash(file, 'down');
        await nslab(['down', name, '--sandbox-name', sb]); // in case the script's own down failed
      });

      const up = await bash(file, 'up', env);
      t.equal(up.exitCode, 0, 'bash lab.sh up exits 0', up);
      t.notMatch(up.stderr, /warning/, 'nothing degraded on this machine', up);

      const own = await bash(file, 'check');
      t.equal(own.exitCode, 0, 'bash lab.sh check passes', own);
      t.notMatch(own.stdout, /^FAIL/m, 'no FAIL line');
      t.match(own.stdout, /^0 of \d+ checks failed$/m);

      const verify = await nslab(['verify', name, '--sandbox-name', sb, '--json']);
      t.equal(verify.exitCode, 0, 'nslab verify passes every check', verify);
      const result = JSON.parse(verify.stdout || '{"checks":[]}') as Result;
      t.ok(result.checks.length >= 3, 'nslab ran the lab’s checks');
      t.same(
        result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
        [],
        'no check of nslab’s fails',
      );

      if (name === 'bridge-basic' && !servers) {
        // the script's own check can fail: take c2's cable off the bridge
        await execa('ip', ['-n', `${sb}-host`, 'link', 'set', 've-c2', 'nomaster']);
        // Leaving the bridge may change br0's MAC (the lowest of its ports'): c1's neighbour entry
        // for the gateway is stale until it is probed again. The answer that counts is the last one.
        const want = ['FAIL  c1 → c2 (172.30.0.3)', 'FAIL  c2 → c1 (172.30.0.2)'];
        const fails = (out: string) =>
          out
            .split('\n')
            .filter((l) => l.startsWith('FAIL'))
            .map((l) => l.split('    ')[0]);
        let broken = await bash(file, 'check');
        for (let i = 0; i < 3 && fails(broken.stdout).join() !== want.join(); i++) {
          await new Promise((r) => setTimeout(r, 3000));
          broken = await bash(file, 'check');
        }
        t.equal(broken.exitCode, 1, 'check exits 1 once c2 is cut off', broken);
        t.same(fails(broken.stdout), want, 'exactly the two pings between c1 and c2 fail');
      }

      const pids = await processesOf(sb, state);
      if (servers || hasServers(name)) t.ok(pids.length > 0, 'the lab’s servers run');
      const down = await bash(file, 'down');
      t.equal(down.exitCode, 0, 'bash lab.sh down exits 0', down);
      t.same(await namespacesOf(sb), [], 'no namespace left');
      t.same(
        readdirSync('/etc/netns').filter((d) => d.startsWith(`${sb}-`)),
        [],
        'no /etc/netns files left',
      );
      t.notOk(existsSync(state), 'no state left');
      await new Promise((r) => setTimeout(r, 200));
      t.same(pids.filter(alive), [], 'no process left');
      const links = String((await execa('ip', ['-o', 'link'])).stdout)
        .split('\n')
        .filter((l) => l.includes(`@${sb}`));
      t.same(links, [], 'no link of the lab in the machine’s own namespace');
      const again = await bash(file, 'down');
      t.equal(again.exitCode, 0, 'down again is fine (nothing to do)', again);
    },
  );
}
