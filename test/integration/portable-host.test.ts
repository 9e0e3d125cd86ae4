// `plan --portable --host`: the handout built in "the machine's own namespace", here a stand-in
// namespace (nsenter --net), so this machine's is never touched. What it decides when it runs:
// the FORWARD accept only where Docker's DROP is (with br_netfilter on), ip_forward on and put
// back on down; and down leaves the stand-in as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { loadLab } from '../../src/lab/index.js';
import { renderPortable } from '../../src/plan/portable.js';
import { cli, hostTargetTurn, needsRoot, standIn } from '../helpers/machine.js';

const dir = mkdtempSync(join(tmpdir(), 'nslab-portable-host-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

async function handout(t: Test, lab: string, drop: boolean) {
  await hostTargetTurn(t);
  const m = await standIn(t);
  const file = join(dir, `${lab}.sh`);
  writeFileSync(file, renderPortable(loadLab(lab), null));
  const bash = async (action: string) => {
    const r = await m.inside(['bash', file, action]);
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  t.teardown(() => bash('down'));
  if (drop) await m.inside(['iptables', '-P', 'FORWARD', 'DROP']); // what dockerd does at start
  await m.inside(['sysctl', '-qw', 'net.ipv4.ip_forward=0']);
  return { ...m, bash, before: await m.snapshot() };
}

const forwardRules = async (m: Awaited<ReturnType<typeof handout>>) =>
  String((await m.inside(['iptables', '-S', 'FORWARD'])).stdout);

for (const drop of [true, false])
  t.test(
    `bridge-basic on a machine ${drop ? 'where Docker set FORWARD to DROP' : 'without Docker'}`,
    { skip: needsRoot },
    async (t) => {
      const m = await handout(t, 'bridge-basic', drop);
      const up = await m.bash('up');
      t.equal(up.exitCode, 0, 'up exits 0', up);
      const accept = /-A FORWARD -i br0 -o br0 -m comment --comment "?nslab:bridge-basic"? -j ACCEPT/;
      if (drop) t.match(await forwardRules(m), accept, 'the accept for br0 went in');
      else t.notMatch(await forwardRules(m), accept, 'no accept where nothing drops');
      const check = await m.bash('check');
      t.equal(check.exitCode, 0, 'its own checks pass', check);
      const verify = await m.inside(['node', cli, 'verify', 'bridge-basic', '--host', '--json']);
      t.equal(verify.exitCode, 0, 'nslab verify passes', { stdout: verify.stdout, stderr: verify.stderr });
      const down = await m.bash('down');
      t.equal(down.exitCode, 0, 'down exits 0', down);
      t.same(await m.snapshot(), m.before, 'the stand-in machine is as it was');
    },
  );

t.test('bridge-nat: ip_forward turned on, and put back on down', { skip: needsRoot }, async (t) => {
  const m = await handout(t, 'bridge-nat', true);
  const up = await m.bash('up');
  t.equal(up.exitCode, 0, 'up exits 0', up);
  t.equal(String((await m.inside(['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout), '1');
  const check = await m.bash('check');
  t.equal(check.exitCode, 0, 'its own checks pass', check);
  const down = await m.bash('down');
  t.equal(down.exitCode, 0, 'down exits 0', down);
  t.same(await m.snapshot(), m.before, 'ip_forward is 0 again, and nothing is left');
});
