// bridge-basic for real, on the sandbox target: build, check, tear down, and prove nothing is left.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { namespacesOf, needsRoot, nslab, rootSnapshot, sandboxName } from '../helpers/machine.js';

t.test('bridge-basic: up → checks pass → verify → down leaves nothing', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('bb');
  t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
  const before = await rootSnapshot();

  const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '--json']);
  t.equal(up.exitCode, 0, 'up exits 0', up);
  const result = JSON.parse(up.stdout) as {
    ok: boolean;
    checks: { name: string; ok: boolean; reached: boolean; expect: string; rttMs: number | null }[];
  };
  t.equal(result.ok, true);
  t.equal(result.checks.length, 5);
  for (const c of result.checks) t.ok(c.ok, `${c.name} came out as expected`);
  t.same(
    result.checks.map((c) => c.reached),
    [true, true, true, true, false],
    'four answers, and no answer from the address nobody has',
  );
  t.ok(
    result.checks.filter((c) => c.reached).every((c) => typeof c.rttMs === 'number' && c.rttMs > 0),
    'round-trip times are reported',
  );

  t.same((await namespacesOf(sb)).sort(), [`${sb}-c1`, `${sb}-c2`, `${sb}-host`, `${sb}-outside`].sort());
  const ports = await execa('bridge', ['-n', `${sb}-host`, '-j', 'link']);
  t.same(
    (JSON.parse(ports.stdout) as { ifname: string; master: string }[])
      .map((p) => `${p.ifname}@${p.master}`)
      .sort(),
    ['ve-c1@br0', 've-c2@br0'],
    'both veths are ports of br0',
  );

  const status = await nslab(['status', 'bridge-basic', '--json']);
  t.match(JSON.parse(status.stdout), [{ lab: 'bridge-basic', target: `sandbox ${sb}`, state: 'complete' }]);

  const again = await nslab(['up', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(again.exitCode, 3, 'up of a lab that is up is refused');
  t.match(again.stderr, /already up/);

  const verify = await nslab(['verify', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(verify.exitCode, 0, 'verify exits 0', verify);
  t.match(verify.stdout, /5 of 5 checks as expected/);

  const down = await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(down.exitCode, 0, 'down exits 0', down);
  t.same(await namespacesOf(sb), [], 'no namespace left');
  t.same(
    await rootSnapshot(),
    before,
    'the machine’s own links, addresses, routes, iptables and ip_forward are as before',
  );

  const twice = await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(twice.exitCode, 0, 'down is safe to repeat');
  t.match(twice.stdout, /not up/);
});

t.test(
  'the plan script, run by bash, builds a network that passes the same checks',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('plan');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const plan = await nslab(['plan', 'bridge-basic', '--sandbox-name', sb]);
    t.equal(plan.exitCode, 0);
    t.match(plan.stdout, /^#!\/usr\/bin\/env bash\n/);
    t.match(plan.stdout, /\nset -euo pipefail\n/);
    const file = join(mkdtempSync(join(tmpdir(), 'nslab-')), 'lab.sh');
    writeFileSync(file, plan.stdout);
    const bash = await execa('bash', [file], { reject: false });
    t.equal(bash.exitCode, 0, 'bash runs the script', { stderr: bash.stderr });

    const verify = await nslab(['verify', 'bridge-basic', '--sandbox-name', sb, '--json']);
    t.equal(verify.exitCode, 0, 'verify exits 0', verify);
    t.equal((JSON.parse(verify.stdout) as { checks: unknown[] }).checks.length, 5);

    // No state file exists (bash built it): down must find everything through the kernel's marks.
    const down = await nslab(['down', 'bridge-basic']);
    t.equal(down.exitCode, 0, 'down exits 0', down);
    t.same(await namespacesOf(sb), []);
  },
);

t.test('a failing check exits 1 and says which', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('wrong');
  const lab = new URL('../fixtures/labs/wrong-expectations.yaml', import.meta.url).pathname;
  t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
  const up = await nslab(['up', lab, '--sandbox-name', sb, '-q']);
  t.equal(up.exitCode, 1, 'up exits 1 when a check fails', up);
  t.match(up.stdout, /PASS\s+│ c1 reaches c2/);
  t.match(up.stdout, /FAIL\s+│ c1 reaches an address nobody has/);
  t.match(up.stdout, /FAIL\s+│ c1 must not reach c2/);
  t.match(up.stdout, /1 of 3 checks as expected/);
  t.match(up.stdout, /The lab is up/, 'the lab stays up to be explored');
  const verify = await nslab(['verify', lab, '--sandbox-name', sb, '--json']);
  t.equal(verify.exitCode, 1);
  t.same(
    (JSON.parse(verify.stdout) as { checks: { ok: boolean }[] }).checks.map((c) => c.ok),
    [true, false, false],
  );
});

t.test('two different labs are up at once, each removed on its own', { skip: needsRoot }, async (t) => {
  const a = sandboxName('a');
  const b = sandboxName('b');
  const other = new URL('../fixtures/labs/two-nets.yaml', import.meta.url).pathname;
  t.teardown(async () => {
    await nslab(['down', 'bridge-basic', '--sandbox-name', a]);
    await nslab(['down', other, '--sandbox-name', b]);
  });
  t.equal((await nslab(['up', 'bridge-basic', '--sandbox-name', a, '-q'])).exitCode, 0);
  const second = await nslab(['up', other, '--sandbox-name', b, '-q']);
  t.equal(second.exitCode, 0, 'a second lab comes up beside the first', second);
  t.equal((await nslab(['verify', 'bridge-basic', '--sandbox-name', a])).exitCode, 0);
  t.equal((await nslab(['down', other, '--sandbox-name', b])).exitCode, 0);
  t.same(await namespacesOf(b), []);
  t.equal(
    (await nslab(['verify', 'bridge-basic', '--sandbox-name', a])).exitCode,
    0,
    'the first lab is untouched',
  );
  t.equal((await nslab(['down', 'bridge-basic', '--sandbox-name', a])).exitCode, 0);
  t.same(await namespacesOf(a), []);
});
