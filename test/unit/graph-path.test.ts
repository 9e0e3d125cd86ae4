// A traced probe drawn on the picture: the boxes and cables each leg passed, and where it stopped.
// Pure: the legs are written here as a trace of bridge-nat and of bridge-basic exercise 2 gives them.
import { execa } from 'execa';
import t from 'tap';
import { ascii, dot, mermaid } from '../../src/graph/draw.js';
import { tracedPath } from '../../src/graph/path.js';
import { fromLab } from '../../src/graph/topology.js';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import type { Leg } from '../../src/trace/journey.js';

const hasDot = (await execa('dot', ['-V'], { reject: false })).exitCode === 0;

const leg = (l: Partial<Leg> & Pick<Leg, 'namespace' | 'direction' | 'end'>): Leg => ({
  who: l.namespace,
  packet: 'icmp',
  hops: [],
  ...l,
});

function pictureOf(name: string) {
  const lab = loadLab(name);
  const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
  return { plan, topology: fromLab(lab, plan) };
}

// c1 → outside in bridge-nat: out by the bridge and the uplink, MASQUERADEd, and back
const natLegs: Leg[] = [
  leg({ namespace: 'sb-c1', direction: 'request', out: 'eth0', end: 'sent' }),
  leg({
    namespace: 'sb-host',
    direction: 'request',
    in: 've-c1',
    bridge: 'br0',
    out: 'eth0',
    end: 'forwarded',
  }),
  leg({ namespace: 'sb-outside', direction: 'request', in: 've-host', bridge: 'lan', end: 'delivered' }),
  leg({ namespace: 'sb-outside', direction: 'reply', out: 'lan', end: 'sent' }),
  leg({ namespace: 'sb-host', direction: 'reply', in: 'eth0', out: 'br0', end: 'forwarded' }),
  leg({ namespace: 'sb-c1', direction: 'reply', in: 'eth0', end: 'delivered' }),
];

// c1 → c2 in bridge-basic exercise 2: the bridged frame meets FORWARD's policy DROP
const dropLegs: Leg[] = [
  leg({ namespace: 'sb-c1', direction: 'request', out: 'eth0', end: 'sent' }),
  leg({
    namespace: 'sb-host',
    direction: 'request',
    in: 've-c1',
    bridge: 'br0',
    bridged: { in: 've-c1', out: 've-c2' },
    hops: [
      {
        namespace: 'sb-host',
        hook: 'forward',
        table: 'filter',
        chain: 'FORWARD',
        rule: null,
        verdict: 'drop',
      },
    ],
    end: 'dropped',
  }),
];

t.test('a delivered ping: every box it passed, by leg, and the cables used both ways', async (t) => {
  const { plan, topology } = pictureOf('bridge-nat');
  const path = tracedPath(
    topology,
    plan,
    { legs: natLegs, verdict: 'delivered', reason: 'delivered to the outside' },
    'c1 → outside (203.0.113.10)',
    'sb-c1',
  );
  t.same(path.nodes, {
    c1_eth0: [1, 6],
    host_end_ve_c1: [2, 5],
    host_seg_br0: [2, 5],
    host_uplink: [2, 5],
    outside: [3, 4],
  });
  t.same(
    path.wires,
    {
      'c1_eth0 -- host_end_ve_c1': 'both',
      'host_end_ve_c1 -- host_seg_br0': 'both',
      'host_uplink -- outside': 'both',
    },
    'no cable between the bridge and the uplink: the host routes between them',
  );
  t.equal(path.stop, null);
  t.equal(path.verdict, 'DELIVERED: delivered to the outside');

  const d = dot(topology, path);
  t.match(d, 'host_uplink -- outside [color="#1565c0:#2e7d32", penwidth=4];');
  t.match(d, 'host_seg_br0 -- host_end_ve_c1 [color="#1565c0:#2e7d32", penwidth=4];');
  t.match(d, 'host_end_ve_c2 -- c2_eth0 [label="veth", penwidth=2];', 'c2’s cable as it was');
  t.match(d, /c1_eth0 \[label="eth0\n172\.31\.0\.2\/16\n▶ 1 · 6", color="#1565c0", penwidth=3\]/);
  t.match(d, /c2_eth0 \[label="eth0\n172\.31\.0\.3\/16"\];/);
  t.match(
    d,
    /label="[^"]*\ntraced: c1 → outside \(203\.0\.113\.10\)[^"]*\nDELIVERED: delivered to the outside"/,
  );
  if (hasDot) {
    const r = await execa('dot', ['-Tsvg'], { input: d, reject: false });
    t.equal(r.exitCode, 0, 'Graphviz reads it', { stderr: r.stderr });
  }

  const m = mermaid(topology, path);
  const links = m.split('\n').filter((l) => / (---|===|-\.-)/.test(l));
  const styled = [...m.matchAll(/linkStyle (\d+) /g)].map((x) => links[Number(x[1])]!.trim()).sort();
  t.same(
    styled,
    ['host_end_ve_c1 ===|veth| c1_eth0', 'host_seg_br0 --- host_end_ve_c1', 'host_uplink --- outside'],
    'linkStyle numbers the links the probe used',
  );
  t.match(m, 'style c1_eth0 stroke:#1565c0');
  t.notMatch(m, 'style c2_eth0');

  const text = ascii(topology, path);
  t.match(text, /└── br0 {2}bridge {2}172\.31\.0\.1\/16 {2}◀ 2,5\n/);
  t.match(text, /├── ve-c1 ══ eth0 172\.31\.0\.2\/16 {2}c1 {2}◀ 1,2,5,6\n/);
  t.match(text, /└── ve-c2 ══ eth0 172\.31\.0\.3\/16 {2}c2\n/);
  t.match(text, /traced: c1 → outside/);
  t.match(text, /DELIVERED: delivered to the outside$/);
  t.same(
    text.split('\n').filter((l) => [...l].length > 80),
    [],
    'still 80 columns',
  );
});

t.test('a dropped ping: the box it was dropped in is marked, and nothing past it', async (t) => {
  const { plan, topology } = pictureOf('bridge-basic');
  const path = tracedPath(
    topology,
    plan,
    {
      legs: dropLegs,
      verdict: 'dropped',
      reason: "dropped in the Docker host (host), filter FORWARD: FORWARD's policy DROP",
    },
    'c1 → c2 (172.30.0.3)',
    'sb-c1',
  );
  t.same(
    path.nodes,
    { c1_eth0: [1], host_end_ve_c1: [2], host_seg_br0: [2] },
    've-c2 and c2 were never reached',
  );
  t.same(path.wires, { 'c1_eth0 -- host_end_ve_c1': 'request', 'host_end_ve_c1 -- host_seg_br0': 'request' });
  t.same(path.stop, { node: 'host_seg_br0', text: '✗ dropped: iptables -P FORWARD DROP' });

  const d = dot(topology, path);
  t.match(
    d,
    /host_seg_br0 \[label="br0\nbridge\n172\.30\.0\.1\/16\n▶ 2\n✗ dropped: iptables -P FORWARD DROP", [^\]]*color="#c62828"/,
  );
  t.match(d, 'host_end_ve_c1 -- c1_eth0 [label="veth", penwidth=2, color="#1565c0", penwidth=4];');
  t.match(d, 'host_seg_br0 -- host_end_ve_c2;', 'the cable it was headed for is not drawn as used');
  t.match(d, /\nDROPPED: dropped in the Docker host/);
  if (hasDot) t.equal((await execa('dot', ['-Tsvg'], { input: d, reject: false })).exitCode, 0);

  t.match(mermaid(topology, path), 'style host_seg_br0 stroke:#c62828');
  const text = ascii(topology, path);
  t.match(text, /└── br0 {2}bridge {2}172\.30\.0\.1\/16 {2}◀ 2 ✗\n/);
  t.match(text, /✗ dropped: iptables -P FORWARD DROP \(the line marked ✗\)/);
  t.match(text, /headed for ve-c2, dropped/);
});

t.test('a ping the kernel never sent (no route): the sender is where it stopped', async (t) => {
  const { plan, topology } = pictureOf('bridge-basic');
  const path = tracedPath(
    topology,
    plan,
    {
      legs: [],
      verdict: 'lost',
      reason: 'no route: c1 has no route to 203.0.113.10 (Network is unreachable)',
    },
    'c1 → 203.0.113.10',
    'sb-c1',
  );
  t.same(path.stop, { node: 'c1_eth0', text: '✗ lost: no route' });
  t.same(path.nodes, { c1_eth0: [] });
  t.same(path.wires, {});
  t.match(ascii(topology, path), /├── ve-c1 ══ eth0 172\.30\.0\.2\/16 {2}c1 {2}◀ ✗\n/);
  t.match(
    dot(topology, path),
    /c1_eth0 \[label="eth0\n172\.30\.0\.2\/16\n✗ lost: no route", color="#c62828"/,
  );
});

t.test('a rule that dropped it is named as iptables prints it', async (t) => {
  const { plan, topology } = pictureOf('bridge-isolation');
  const hop = {
    namespace: 'sb-host',
    hook: 'forward',
    table: 'filter',
    chain: 'DOCKER-ISOLATION-STAGE-2',
    rule: '-A DOCKER-ISOLATION-STAGE-2 -o back -j DROP',
    verdict: 'drop',
  };
  const legs = [
    leg({ namespace: 'sb-web', direction: 'request', out: 'eth0', end: 'sent' }),
    leg({
      namespace: 'sb-host',
      direction: 'request',
      in: 've-web',
      bridge: 'front',
      out: 'back',
      hops: [hop],
      end: 'dropped',
    }),
  ];
  const path = tracedPath(
    topology,
    plan,
    { legs, verdict: 'dropped', reason: 'isolated' },
    'web → db',
    'sb-web',
  );
  t.same(path.stop, {
    node: 'host_seg_front',
    text: '✗ dropped: iptables -A DOCKER-ISOLATION-STAGE-2 -o back -j DROP',
  });
  t.notOk(path.nodes.host_seg_back, 'the bridge it was headed for is not on the path');
});
