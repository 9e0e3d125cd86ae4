// doctor against this machine: what it says must match what the kernel really does.
import { execa } from 'execa';
import t from 'tap';
import { cli, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

interface Report {
  ok: boolean;
  findings: { what: string; status: string; fix?: string }[];
}

t.test('doctor reports root, tools and kernel features as they are', { skip: needsRoot }, async (t) => {
  const r = await nslab(['doctor', '--json']);
  const report = JSON.parse(r.stdout) as Report;
  t.equal(r.exitCode, report.ok ? 0 : 3, 'exit 0 unless something required fails');
  t.match(
    report.findings.find((f) => f.what === 'root'),
    { status: 'ok' },
  );
  // Ask the kernel directly, apart from nslab's own probe.
  const ns = sandboxName('doc');
  await execa('ip', ['netns', 'add', ns]);
  t.teardown(() => execa('ip', ['netns', 'del', ns], { reject: false }));
  await execa('ip', ['-n', ns, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1']);
  for (const [kind, args] of [
    ['ipvlan', ['link', 'p0', 'type', 'ipvlan', 'mode', 'l2']],
    ['macvlan', ['link', 'p0', 'type', 'macvlan', 'mode', 'bridge']],
  ] as const) {
    const made =
      (await execa('ip', ['-n', ns, 'link', 'add', `x-${kind}`, ...args], { reject: false })).exitCode === 0;
    t.equal(
      report.findings.find((f) => f.what === `kernel ${kind}`)?.status,
      made ? 'ok' : 'warn',
      `${kind}: doctor agrees with the kernel (${made ? 'supported' : 'missing'})`,
    );
  }
  const missing = report.findings.filter((f) => f.status !== 'ok');
  t.ok(
    missing.every((f) => f.fix),
    'every problem comes with a fix',
  );
});

t.test('doctor without root says so and exits 3', { skip: needsRoot }, async (t) => {
  const r = await execa(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', cli, 'doctor'],
    { reject: false, env: { NO_COLOR: '1' } },
  );
  t.equal(r.exitCode, 3);
  t.match(String(r.stdout), /FAIL {2}root: not root[\s\S]*fix: run nslab with sudo/);
});
