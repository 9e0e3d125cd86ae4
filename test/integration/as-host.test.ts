// `up LAB --as HOST`: one lab file, two machines, each building its own part of an overlay.
// Two namespaces of the test's play the two machines (nslab runs in each under nsenter --net),
// joined by a veth that plays the LAN between the VMs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { cli, fixtureLab, needsRoot, sandboxName, type Run } from '../helpers/machine.js';

const lab = fixtureLab('overlay-vms');
const containers = ['tvm-a', 'tvm-b', 'tvm-c'];
const globalNamespaces = async () =>
  (JSON.parse(String((await execa('ip', ['-j', 'netns', 'list'])).stdout) || '[]') as { name: string }[])
    .map((n) => n.name)
    .filter((n) => containers.includes(n));

t.test(
  'overlay --as h1 on one machine and --as h2 on the other: a reaches b across the machines',
  { skip: needsRoot },
  async (t) => {
    const [vm1, vm2] = [sandboxName('vm1'), sandboxName('vm2')];
    // Each machine keeps its own state directory, as two VMs would.
    const state = {
      [vm1]: mkdtempSync(join(tmpdir(), 'nslab-vm1-')),
      [vm2]: mkdtempSync(join(tmpdir(), 'nslab-vm2-')),
    };
    const on =
      (vm: string) =>
      async (args: string[]): Promise<Run> => {
        const r = await execa('nsenter', [`--net=/run/netns/${vm}`, 'node', cli, ...args], {
          reject: false,
          env: { NO_COLOR: '1', NSLAB_STATE_DIR: state[vm]! },
        });
        return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
      };
    const [m1, m2] = [on(vm1), on(vm2)];
    t.teardown(async () => {
      await m1(['down', lab]);
      await m2(['down', lab]);
      for (const vm of [vm1, vm2]) {
        await execa('ip', ['netns', 'del', vm], { reject: false });
        rmSync(state[vm]!, { recursive: true, force: true });
      }
    });
    for (const vm of [vm1, vm2]) {
      await execa('ip', ['netns', 'add', vm]);
      await execa('ip', ['-n', vm, 'link', 'set', 'lo', 'up']);
    }
    // The LAN between the two VMs (the Vagrantfile's private network).
    await execa('ip', [
      '-n',
      vm1,
      'link',
      'add',
      'eth1',
      'type',
      'veth',
      'peer',
      'name',
      'eth1',
      'netns',
      vm2,
    ]);
    for (const [vm, address] of [
      [vm1, '198.18.0.11/24'],
      [vm2, '198.18.0.12/24'],
    ] as const) {
      await execa('ip', ['-n', vm, 'addr', 'add', address, 'dev', 'eth1']);
      await execa('ip', ['-n', vm, 'link', 'set', 'eth1', 'up']);
    }

    const wrong = await m2(['up', lab, '--as', 'h1', '-q']);
    t.equal(wrong.exitCode, 3, 'the machine without h1’s address is refused');
    t.match(wrong.stderr, /no interface here has 198\.18\.0\.11, the machine overlay-vms says plays h1/);
    t.same(await globalNamespaces(), [], 'and nothing was built');

    const up1 = await m1(['up', lab, '--as', 'h1', '-q', '--no-check']);
    t.equal(up1.exitCode, 0, 'h1’s part builds on the first machine', up1);
    t.match(
      up1.stdout,
      /VXLAN vx-tov0 \(VNI 4242, udp\/4789\) to h2 198\.18\.0\.12/,
      'its VXLAN points at the other machine',
    );
    const up2 = await m2(['up', lab, '--as', 'h2', '-q', '--no-check']);
    t.equal(up2.exitCode, 0, 'h2’s part builds on the second machine', up2);
    t.same(
      (await globalNamespaces()).sort(),
      containers,
      'a and c from the first machine, b from the second',
    );

    const v1 = await m1(['verify', lab, '--json']);
    const r1 = JSON.parse(v1.stdout) as { ok: boolean; checks: { name: string; ok: boolean }[] };
    t.same(
      r1.checks.map((c) => [c.name, c.ok]),
      [
        ['tvm-a → tvm-b (10.0.19.3)', true],
        ['tvm-a → tvm-b (10.0.19.3) with 1422 bytes, DF', true],
        ['tvm-a ↛ tvm-b (10.0.19.3) with 1423 bytes, DF', true],
        ['h1 → h2 (198.18.0.12)', true],
      ],
      'the first machine runs the checks that start on it: across the VXLAN, at 1450 bytes and not one more',
    );
    const v2 = await m2(['verify', lab, '--json']);
    t.same(
      (JSON.parse(v2.stdout) as { checks: { name: string; ok: boolean }[] }).checks.map((c) => [
        c.name,
        c.ok,
      ]),
      [['tvm-b → tvm-c (10.0.19.4)', true]],
    );

    t.equal((await m1(['down', lab])).exitCode, 0);
    t.equal((await m2(['down', lab])).exitCode, 0);
    t.same(await globalNamespaces(), []);
    const left = String((await execa('ip', ['-n', vm2, '-br', 'link'])).stdout);
    t.notMatch(left, /tov0|vx-tov0|ve-/, 'no bridge, VXLAN or veth left on the second machine');
  },
);

t.test('--as is refused where it makes no sense', async (t) => {
  const { nslab } = await import('../helpers/machine.js');
  const one = await nslab(['up', 'bridge-basic', '--as', 'h1']);
  t.equal(one.exitCode, isRootExit(one), one.stderr);
  t.match(one.stderr, /bridge-basic has one Docker host; --as is for labs that span several/);
  const sandbox = await nslab(['up', 'overlay', '--as', 'h1', '--sandbox']);
  t.match(
    sandbox.stderr,
    /--as builds one host’s part on this machine; a sandbox builds every host by itself/,
  );
});

/** Usage errors come before the root check, so the exit code is 2 as root or not. */
const isRootExit = (_: Run) => 2;
