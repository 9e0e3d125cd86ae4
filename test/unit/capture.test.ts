// Where `nslab capture` listens: a name as graph draws it → the namespace and interface it is,
// over labs of one host, several hosts, macvlan children, and the host target.
import t from 'tap';
import { tcpdumpArgv } from '../../src/cli/commands/capture.js';
import { capturePoints, findPoint, type CapturePoint } from '../../src/graph/capture.js';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import type { Target } from '../../src/plan/types.js';

const sandbox: Target = { kind: 'sandbox', name: 'sb' };
const host: Target = { kind: 'host', facts: { forwardDrop: false, ipForward: '1' } };

const pointsOf = (name: string, target: Target) => {
  const lab = loadLab(name);
  const points = capturePoints(lab, compile(lab, target));
  const where = (link: string) => {
    const p = findPoint(lab, points, link);
    return 'why' in p ? p.why : `${p.ns ?? '-'} ${p.ifname}`;
  };
  return { lab, points, where };
};
const names = (points: CapturePoint[]) => points.map((p) => p.name);

t.test(
  'bridge-basic in a sandbox: both ends of every cable, the bridge, the uplink, the outside',
  async (t) => {
    const { points, where } = pointsOf('bridge-basic', sandbox);
    t.same(names(points), [
      'eth0',
      'br0',
      've-c1',
      've-c2',
      'c1:eth0',
      'c2:eth0',
      'outside:lan',
      'outside:ve-host',
    ]);
    t.equal(where('c1'), 'sb-c1 eth0', 'a container’s name: its eth0, in its namespace');
    t.equal(where('c1:eth0'), 'sb-c1 eth0');
    t.equal(where('ve-c1'), 'sb-host ve-c1', 'the host end, in the Docker host’s namespace');
    t.equal(where('host:ve-c1'), 'sb-host ve-c1', 'HOST:NAME works for the one host too');
    t.equal(where('br0'), 'sb-host br0');
    t.equal(where('eth0'), 'sb-host eth0', 'eth0 alone is the Docker host’s uplink');
    t.equal(where('outside:ve-host'), 'sb-outside ve-host', 'the uplink’s other end, in the outside');
    t.equal(where('outside:lan'), 'sb-outside lan');
    t.equal(where('c3'), 'bridge-basic has no link "c3"');
    t.equal(where('ve-host'), 'bridge-basic has no link "ve-host"', 'the outside’s links need outside:');
    t.match(points.find((p) => p.name === 'c2:eth0')!.what, '172.30.0.3/16, cable to ve-c2 on br0');
    t.match(points.find((p) => p.name === 'br0')!.what, 'gateway 172.30.0.1/16; ports ve-c1, ve-c2');
  },
);

t.test('bridge-basic on the host target: the host’s links are in the machine’s own namespace', async (t) => {
  const { points, where } = pointsOf('bridge-basic', host);
  t.same(names(points), ['br0', 've-c1', 've-c2', 'c1:eth0', 'c2:eth0'], 'no uplink, no outside');
  t.equal(where('ve-c2'), '- ve-c2');
  t.equal(where('c2'), 'c2 eth0');
  t.equal(where('eth0'), 'bridge-basic has no link "eth0"', 'the machine’s own eth0 is not the lab’s');
});

t.test('bridge-nat on the host target: nsl-uplink, and its other end in the outside', async (t) => {
  const { where } = pointsOf('bridge-nat', host);
  t.equal(where('nsl-uplink'), '- nsl-uplink');
  t.equal(where('outside:ve-host'), 'outside ve-host');
});

t.test('overlay: two hosts, so their links are named HOST:NAME', async (t) => {
  const { points, where } = pointsOf('overlay', sandbox);
  t.same(
    names(points).filter((n) => n.startsWith('h')),
    ['h1:eth0', 'h1:ov0', 'h1:vx-ov0', 'h1:ve-a', 'h1:ve-c', 'h2:eth0', 'h2:ov0', 'h2:vx-ov0', 'h2:ve-b'],
  );
  t.equal(where('h2:ov0'), 'sb-h2 ov0');
  t.equal(where('h1:vx-ov0'), 'sb-h1 vx-ov0');
  t.equal(where('ov0'), 'overlay has no link "ov0"', 'ambiguous without the host');
  t.equal(where('b'), 'sb-b eth0');
  t.equal(where('outside:ve-h2'), 'sb-outside ve-h2');
  t.match(points.find((p) => p.name === 'h1:vx-ov0')!.what, /^VXLAN 42 of ov0/);
});

t.test('macvlan: the children are in the containers, not in the host', async (t) => {
  const { points, where } = pointsOf('macvlan-shim', sandbox);
  t.notOk(
    names(points).some((n) => n.startsWith('mv-')),
    'mv-m1 is made in the host, then moved and renamed',
  );
  t.equal(where('m1'), 'sb-m1 eth0');
  t.equal(where('mvs-lan'), 'sb-host mvs-lan', 'the shim stays in the host');
  t.match(points.find((p) => p.name === 'eth0')!.what, 'parent of the macvlan children of m1, m2');
  t.match(points.find((p) => p.name === 'm2:eth0')!.what, 'macvlan child of eth0');
});

t.test('containers without a cable of their own say why', async (t) => {
  t.match(pointsOf('container-mode', sandbox).where('sidecar'), /network container:web: .*capture web/);
  t.match(pointsOf('none-mode', sandbox).where('lonely'), /network none: only lo/);
  t.match(pointsOf('host-mode', sandbox).where('web'), /network host: .*host’s own interfaces/);
});

t.test('the tcpdump command: in the namespace, argv only, the options as given', async (t) => {
  const { lab, points } = pointsOf('bridge-basic', sandbox);
  const c1 = findPoint(lab, points, 'c1') as CapturePoint;
  t.same(tcpdumpArgv(c1, {}, []), ['ip', 'netns', 'exec', 'sb-c1', 'tcpdump', '-n', '-l', '-i', 'eth0']);
  t.same(tcpdumpArgv(c1, { count: '2', write: 'a b.pcap', ethernet: true }, ['icmp', 'or', 'arp']), [
    ...['ip', 'netns', 'exec', 'sb-c1', 'tcpdump', '-n', '-U', '-w', 'a b.pcap'],
    ...['-e', '-c', '2', '-i', 'eth0', 'icmp', 'or', 'arp'],
  ]);
  const onHost = pointsOf('bridge-basic', host);
  const ve = findPoint(onHost.lab, onHost.points, 've-c1') as CapturePoint;
  t.same(tcpdumpArgv(ve, {}, []), ['tcpdump', '-n', '-l', '-i', 've-c1'], 'the machine’s own: no netns exec');
});

t.test('every catalogue lab, both targets: names are unique, and each is found as itself', async (t) => {
  for (const { name } of listLabs())
    for (const target of [sandbox, host]) {
      const { points, where } = pointsOf(name, target);
      t.equal(new Set(names(points)).size, points.length, `${name} (${target.kind}): no name twice`);
      t.same(
        points.filter((p) => where(p.name) !== `${p.ns ?? '-'} ${p.ifname}`),
        [],
        `${name} (${target.kind}): every link is found by its name`,
      );
    }
});
