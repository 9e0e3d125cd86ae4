// The pure compiler: golden scripts pin what `plan` prints (and so what `up` runs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile, teardownOf } from '../../src/plan/compile.js';
import { argvOf, commandLine, shellQuote } from '../../src/plan/command.js';
import { renderScript } from '../../src/plan/script.js';
import type { Plan, Target } from '../../src/plan/types.js';

const repo = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const targets: Record<string, Target> = {
  host: { kind: 'host', facts: { forwardDrop: false, ipForward: '0' } },
  'host-docker': { kind: 'host', facts: { forwardDrop: true, ipForward: '1' } },
  sandbox: { kind: 'sandbox', name: 'sb' },
};

// UPDATE_GOLDEN=1 npm test -- test/unit/compile.test.ts rewrites them after a deliberate change.
for (const { name } of listLabs()) {
  for (const [label, target] of Object.entries(targets)) {
    t.test(`${name} on ${label} matches its golden script`, async (t) => {
      const lab = loadLab(name);
      const script = renderScript(compile(lab, target), lab)
        .replaceAll(lab.file, `labs/${name}.yaml`)
        .replaceAll(repo, '<nslab>');
      const golden = new URL(`../golden/${name}.${label}.sh`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, script);
      if (!existsSync(golden))
        return t.fail(
          `no golden file ${golden.pathname}: run UPDATE_GOLDEN=1 npx tap ${'test/unit/compile.test.ts'} and review it`,
        );
      t.equal(script, readFileSync(golden, 'utf8'));
    });
  }
}

// Where verify, diagnose and down look for each container: not in the scripts, so not pinned above.
const placed: { lab: string; target: string; want: Partial<Plan> }[] = [
  {
    lab: 'bridge-basic',
    target: 'sandbox',
    want: {
      mark: 'nslab:bridge-basic@sb',
      hosts: { host: 'sb-host' },
      containerNs: { c1: 'sb-c1', c2: 'sb-c2' },
      outsideNs: 'sb-outside',
    },
  },
  {
    // no outside on the host target unless a check or server uses it
    lab: 'bridge-basic',
    target: 'host',
    want: {
      mark: 'nslab:bridge-basic',
      hosts: { host: null },
      containerNs: { c1: 'c1', c2: 'c2' },
      outsideNs: null,
    },
  },
  // network_mode host: the Docker host's namespace; on the host target the machine's own (null)
  {
    lab: 'host-mode',
    target: 'sandbox',
    want: { containerNs: { web: 'sb-host', c1: 'sb-c1' }, outsideNs: 'sb-outside' },
  },
  { lab: 'host-mode', target: 'host', want: { containerNs: { web: null, c1: 'c1' }, outsideNs: 'outside' } },
  // network_mode container:web: the sidecar is in web's namespace
  {
    lab: 'container-mode',
    target: 'sandbox',
    want: { containerNs: { web: 'sb-web', sidecar: 'sb-web', client: 'sb-client' } },
  },
];

for (const c of placed)
  t.test(`${c.lab} on ${c.target}: the namespace of every container and host`, async (t) => {
    const plan = compile(loadLab(c.lab), targets[c.target]!);
    const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, plan[k as keyof Plan]]));
    t.strictSame(got, c.want);
  });

t.test('a sandbox plan never changes the machine’s own namespace', async (t) => {
  const plan = compile(loadLab('bridge-basic'), targets.sandbox!);
  for (const c of plan.steps.flatMap((s) => s.commands.flatMap((c) => [c, ...(c.undo ? [c.undo] : [])]))) {
    const inNamespace = c.ns?.startsWith('sb-') || (c.tool === 'netns' && c.name.startsWith('sb-'));
    // …or a file of the sandbox's own containers, which only `ip netns exec` mounts.
    const ownFile = c.tool === 'file' && c.path.startsWith('/etc/netns/sb-');
    t.ok(inNamespace || ownFile, commandLine(argvOf(c)));
  }
  t.same(plan.rootLinks, []);
  t.same(plan.namespaces, ['sb-host', 'sb-outside', 'sb-c1', 'sb-c2']);
});

t.test('everything a plan creates is undone, newest first, and marked', async (t) => {
  const plan = compile(loadLab('bridge-basic'), targets['host-docker']!);
  t.same(teardownOf(plan).map(argvOf), [
    ['ip', 'link', 'del', 've-c2'],
    ['ip', 'link', 'del', 've-c1'],
    [
      'iptables',
      '-t',
      'filter',
      '-D',
      'FORWARD',
      '-i',
      'br0',
      '-o',
      'br0',
      '-m',
      'comment',
      '--comment',
      'nslab:bridge-basic',
      '-j',
      'ACCEPT',
    ],
    ['ip', 'link', 'del', 'br0'],
    ['rm', '-rf', '/etc/netns/c2'],
    ['ip', 'netns', 'del', 'c2'],
    ['rm', '-rf', '/etc/netns/c1'],
    ['ip', 'netns', 'del', 'c1'],
  ]);
  const argvs = plan.steps.flatMap((s) => s.commands.map((c) => argvOf(c).join(' ')));
  for (const name of ['br0', 've-c1', 've-c2'])
    t.ok(argvs.includes(`ip link set dev ${name} alias nslab:bridge-basic`), `${name} is marked`);
  for (const ns of ['c1', 'c2'])
    t.ok(argvs.includes(`ip -n ${ns} link set dev lo alias nslab:bridge-basic`), `namespace ${ns} is marked`);
});

t.test('the script quotes only what needs quoting', async (t) => {
  t.equal(shellQuote('172.30.0.2/16'), '172.30.0.2/16');
  t.equal(shellQuote('nslab:lab@sb'), 'nslab:lab@sb');
  t.equal(shellQuote("it's"), `'it'\\''s'`);
  t.equal(shellQuote('a b'), "'a b'");
});
