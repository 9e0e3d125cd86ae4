// The host target, for real, without touching this machine's own namespace: nslab runs under
// `nsenter --net`, so a namespace of the test's plays "the machine" — here a Docker host whose
// FORWARD policy is DROP with br_netfilter on (Docker's trap).
import { existsSync, rmSync } from 'node:fs';
import { execa } from 'execa';
import t, { type Test } from 'tap';
import { cli, fixtureLab, needsRoot, sandboxName, type Run } from '../helpers/machine.js';

const lab = fixtureLab('docker-host');
const containers = ['tdock-a', 'tdock-b'];

async function machine(t: Test, labToRemove = lab) {
  const ns = sandboxName('machine');
  await execa('ip', ['netns', 'add', ns]);
  await execa('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  const inside = (argv: string[]) => execa('nsenter', [`--net=/run/netns/${ns}`, ...argv], { reject: false });
  const nslab = async (args: string[]): Promise<Run> => {
    const r = await inside(['node', cli, ...args]);
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  t.teardown(async () => {
    await nslab(['down', labToRemove]);
    await execa('ip', ['netns', 'del', ns], { reject: false });
  });
  const snapshot = async () => ({
    links: String((await inside(['ip', '-br', 'link'])).stdout),
    routes: String((await inside(['ip', 'route'])).stdout),
    ipForward: String((await inside(['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout),
    // Rules and non-default policies: using a table (nat) makes iptables-nft list it, empty, from then on.
    iptables: String((await inside(['iptables-save'])).stdout)
      .split('\n')
      .map((l) => l.replace(/ \[\d+:\d+\]$/, ''))
      .filter((l) => l.startsWith('-A ') || (l.startsWith(':') && !l.endsWith(' ACCEPT'))),
  });
  return { ns, inside, nslab, snapshot };
}

const namespacesLeft = async () =>
  (
    JSON.parse(String((await execa('ip', ['-j', 'netns', 'list'])).stdout) || '[]') as { name: string }[]
  ).filter((n) => containers.includes(n.name));

t.test(
  'host target on a Docker host: FORWARD accept added, proven needed, removed on down',
  { skip: needsRoot },
  async (t) => {
    const m = await machine(t);
    await m.inside(['iptables', '-P', 'FORWARD', 'DROP']); // what dockerd does at start
    const before = await m.snapshot();

    const up = await m.nslab(['up', lab, '-q']);
    t.equal(up.exitCode, 0, 'up passes its checks', up);
    t.match(up.stdout, /FORWARD policy is DROP and br_netfilter is on/, 'the learner is told about the trap');
    t.match(
      String((await m.inside(['iptables', '-S', 'FORWARD'])).stdout),
      /-A FORWARD -i tdbr0 -o tdbr0 -m comment --comment "?nslab:docker-host"? -j ACCEPT/,
    );
    t.match(
      String((await m.inside(['ip', '-br', 'link', 'show', 'master', 'tdbr0'])).stdout),
      /ve-tdock-a[\s\S]*ve-tdock-b/,
      'the veths are ports of the bridge in "the machine"',
    );

    // Take the rule away by hand: the containers stop reaching each other, so the rule was needed.
    await m.inside([
      'iptables',
      '-D',
      'FORWARD',
      '-i',
      'tdbr0',
      '-o',
      'tdbr0',
      '-m',
      'comment',
      '--comment',
      'nslab:docker-host',
      '-j',
      'ACCEPT',
    ]);
    const broken = await m.nslab(['verify', lab, '--json']);
    t.equal(broken.exitCode, 1);
    t.same(
      (JSON.parse(broken.stdout) as { checks: { ok: boolean }[] }).checks.map((c) => c.ok),
      [false, true],
      'a→b dies in FORWARD; host→a does not cross FORWARD',
    );
    await m.inside([
      'iptables',
      '-I',
      'FORWARD',
      '-i',
      'tdbr0',
      '-o',
      'tdbr0',
      '-m',
      'comment',
      '--comment',
      'nslab:docker-host',
      '-j',
      'ACCEPT',
    ]);

    // Lose the state file: down must still find the bridge, the veths and the rule by their marks.
    rmSync('/run/nslab/docker-host.json', { force: true });
    const down = await m.nslab(['down', lab]);
    t.equal(down.exitCode, 0, 'down exits 0', down);
    t.match(down.stdout, /iptables -t filter -A FORWARD -i tdbr0/, 'the marked rule was found and removed');
    t.same(await m.snapshot(), before, 'links, routes and iptables of "the machine" are as before');
    t.same(await namespacesLeft(), []);
    t.notOk(existsSync('/run/nslab/docker-host.json'));
  },
);

t.test(
  'host target: a subnet already routed, or a name already taken, is refused untouched',
  { skip: needsRoot },
  async (t) => {
    const m = await machine(t);
    // Something of the machine's own (not nslab's) uses 10.66.0.0/24 and the name tdbr0.
    await m.inside(['ip', 'link', 'add', 'tdbr0', 'type', 'veth', 'peer', 'name', 'other0']);
    await m.inside(['ip', 'addr', 'add', '10.66.0.1/24', 'dev', 'other0']);
    await m.inside(['ip', 'link', 'set', 'other0', 'up']);
    const before = await m.snapshot();
    const up = await m.nslab(['up', lab]);
    t.equal(up.exitCode, 3, 'a clash is an environment error', up);
    t.match(up.stderr, /interface tdbr0 already exists: nslab did not create it/);
    t.match(
      up.stderr,
      /subnet 10\.66\.0\.0\/24 of network tdbr0 overlaps the route 10\.66\.0\.0\/24 dev other0/,
    );
    t.match(up.stderr, /what to do: .*--sandbox/);
    t.same(await m.snapshot(), before, 'nothing changed');
    t.same(await namespacesLeft(), []);
  },
);

// Catalogue labs that touch the host's own namespace most: an outside behind nsl-uplink,
// ip_forward, NAT, DNAT, a server in the host's namespace, macvlan on nslab's uplink.
for (const name of ['bridge-nat', 'port-publish', 'host-mode', 'macvlan']) {
  t.test(
    `${name} on the host target: checks pass, down puts ip_forward, links, routes and rules back`,
    { skip: needsRoot },
    async (t) => {
      const m = await machine(t, name);
      const before = await m.snapshot();
      const up = await m.nslab(['up', name, '--json']);
      t.equal(up.exitCode, 0, 'up passes every check', up);
      t.ok((JSON.parse(up.stdout) as { checks: { ok: boolean }[] }).checks.every((c) => c.ok));
      t.match(
        String((await m.inside(['ip', '-d', 'link', 'show', 'nsl-uplink'])).stdout),
        /alias nslab:/,
        'the uplink to the outside is nslab’s own, marked',
      );
      const down = await m.nslab(['down', name]);
      t.equal(down.exitCode, 0, 'down exits 0', down);
      t.same(await m.snapshot(), before, 'the machine is as before, ip_forward included');
    },
  );
}

t.test(
  'graph --live on the host target next to Docker: Docker’s rules are counted apart, never the lab’s',
  { skip: needsRoot },
  async (t) => {
    const m = await machine(t, 'bridge-nat');
    // What dockerd puts in the machine for docker0, unmarked.
    await m.inside([
      'iptables',
      '-t',
      'nat',
      '-A',
      'POSTROUTING',
      '-s',
      '172.17.0.0/16',
      '!',
      '-o',
      'docker0',
      '-j',
      'MASQUERADE',
    ]);
    await m.inside(['iptables', '-P', 'FORWARD', 'DROP']);
    const up = await m.nslab(['up', 'bridge-nat', '-q']);
    t.equal(up.exitCode, 0, 'up', up);
    const r = await m.nslab(['graph', 'bridge-nat', '--live']);
    t.equal(r.exitCode, 0, r.stderr);
    t.match(r.stdout, /^host \[this machine\]/m);
    t.match(
      r.stdout,
      /rules: nat POSTROUTING -s 172\.\d+\.0\.0\/16 ! -o \S+ -j MASQUERADE/,
      'the lab’s own NAT',
    );
    t.notMatch(r.stdout, /172\.17\.0\.0/, 'Docker’s MASQUERADE is not listed as the lab’s');
    t.match(r.stdout, /Docker’s own, not this lab’s: 1 rule\b/);
    t.match(r.stdout, /forwarding: net\.ipv4\.ip_forward=1, FORWARD policy DROP/);
  },
);
