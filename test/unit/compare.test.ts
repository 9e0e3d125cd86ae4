// compare's pure half: normalising two copies of one network into the lab's vocabulary, judging
// rows, and aiming the lab's checks at Docker's copy.
import t from 'tap';
import { dockerChecks } from '../../src/compare/checks.js';
import type { DockerSide } from '../../src/compare/docker.js';
import { compareNetworks, normaliser, type Side } from '../../src/compare/diff.js';
import type { ObservedNetwork } from '../../src/inspect/observe.js';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';

const lab = loadLab('bridge-basic');
const handNets = [
  { lab: 'br0', bridge: 'br0', subnet: { network: '172.30.0.0', prefix: 16 }, gateway: '172.30.0.1' },
];
const dockerNets = [
  { lab: 'br0', bridge: 'docker0', subnet: { network: '172.17.0.0', prefix: 16 }, gateway: '172.17.0.1' },
];

t.test('one rule in two copies normalises to one text', async (t) => {
  const nh = normaliser({ networks: handNets, toLab: new Map() }, lab);
  const nd = normaliser({ networks: dockerNets, toLab: new Map([['172.17.0.5', '172.30.0.2']]) }, lab);
  t.equal(nh('-s 172.30.0.0/16 ! -o br0 -j MASQUERADE'), '-s <br0>/subnet ! -o <br0> -j MASQUERADE');
  t.equal(nd('-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE'), '-s <br0>/subnet ! -o <br0> -j MASQUERADE');
  t.equal(nd('default via 172.17.0.1 dev eth0'), nh('default via 172.30.0.1 dev eth0'));
  t.equal(nd('172.17.0.5 c1'), '<br0>.2 c1', 'an address Docker gave maps to the lab’s container');
  t.equal(nh('br0x -o br0'), 'br0x -o <br0>', 'only whole names are replaced');
  t.equal(nh('8.8.8.8'), '8.8.8.8', 'addresses outside the lab stay as they are');
});

const link = (name: string, over: object = {}) => ({
  name,
  kind: 'veth',
  mtu: 1500,
  qlen: 0,
  state: 'UP',
  adminUp: true,
  mac: '02:42:ac:11:00:02',
  master: null,
  addresses: [],
  ...over,
});
function observed(
  bridge: string,
  subnet: string,
  over: { mtu?: number; qlen?: number } = {},
): ObservedNetwork {
  const c = (n: number) => ({
    sharesHost: false,
    lo: link('lo', { kind: 'loopback', state: 'UNKNOWN', addresses: ['127.0.0.1/8'] }),
    endpoints: [
      {
        container: `c${n}`,
        inside: link('eth0', { addresses: [`${subnet}.${n + 1}/16`], qlen: over.qlen ?? 0 }),
        hostSide: link(`v${n}`, { master: bridge, qlen: over.qlen ?? 0 }),
        disableIpv6: '1',
      },
    ],
    routes: [`default via ${subnet}.1 dev eth0`],
    hosts: ['127.0.0.1 localhost', `${subnet}.${n + 1} c${n}`],
    resolv: ['nameserver 127.0.0.1'],
  });
  return {
    hostLinks: [],
    bridges: {
      br0: {
        ...link(bridge, { kind: 'bridge', addresses: [`${subnet}.1/16`], mtu: over.mtu ?? 1500 }),
        stp: 0,
        forwardDelay: 1500,
      },
    },
    containers: { c1: c(1), c2: c(2) },
    sysctls: { ipForward: '1', bridgeNfCallIptables: '1' },
    policies: { FORWARD: 'ACCEPT' },
    rules: [],
  };
}
const side = (o: ObservedNetwork, nets: Side['networks']): Side => ({
  observed: o,
  networks: nets,
  toLab: new Map(),
  checks: [],
});

t.test(
  'rows: equal copies are the same; a changed MTU is the one row that differs; qlen is the lab’s choice',
  async (t) => {
    const docker = { ...side(observed('docker0', '172.17.0'), dockerNets), version: '20.10.24' };
    const same = compareNetworks({ lab, hand: side(observed('br0', '172.30.0'), handNets), docker });
    t.same(
      same.filter((r) => r.verdict === 'differs'),
      [],
    );
    t.match(
      same.find((r) => r.property === 'bridge br0: device'),
      { verdict: 'docker', why: /docker0/ },
    );
    const broken = compareNetworks({
      lab,
      hand: side(observed('br0', '172.30.0', { mtu: 1400, qlen: 1000 }), handNets),
      docker,
    });
    t.same(
      broken.filter((r) => r.verdict === 'differs').map((r) => `${r.property}: ${r.hand} / ${r.docker}`),
      ['bridge br0: MTU: 1400 / 1500'],
    );
    t.match(
      broken.find((r) => r.property === 'c1 eth0: txqueuelen'),
      { verdict: 'lab', hand: '1000', docker: '0' },
    );
  },
);

t.test('the lab’s checks aimed at Docker: its namespaces, its addresses, no outside', async (t) => {
  const port = loadLab('port-publish');
  const plan = compile(port, { kind: 'sandbox', name: 'sb' });
  const dockerSide: DockerSide = {
    version: '20.10.24',
    networks: [
      {
        lab: 'br0',
        name: 'bridge',
        bridge: 'docker0',
        subnet: { network: '172.17.0.0', prefix: 16 },
        gateway: '172.17.0.1',
        created: false,
      },
    ],
    layout: {
      hostNs: null,
      bridges: { br0: 'docker0' },
      containers: {
        c1: { netns: 'nslab-dk-port-publish-c1', hostsFile: null, resolvFile: null },
        c2: { netns: 'nslab-dk-port-publish-c2', hostsFile: null, resolvFile: null },
      },
    },
    addresses: new Map([
      ['172.28.0.2', '172.17.0.2'],
      ['172.28.0.3', '172.17.0.3'],
    ]),
  };
  const aimed = dockerChecks(port, plan.checks, dockerSide);
  t.same(
    aimed.map((c) =>
      'skipped' in c ? 'skipped' : `${c.netns ?? 'machine'} → ${'address' in c ? c.address : ''}`,
    ),
    [
      'skipped', // outside → host
      'machine → 172.17.0.1', // the host's own request: the gateway stands for the host
      'skipped', // the host's own 127.0.0.1: Docker's copy publishes on the gateway only
      'nslab-dk-port-publish-c2 → 172.17.0.1',
      'skipped', // outside → host, udp
      'skipped', // 127.0.0.1, udp
      'nslab-dk-port-publish-c2 → 172.17.0.2',
      'skipped', // outside → host:8081
    ],
  );
  // what the server says names Docker's addresses: the gateway for the host and for c2's hairpin
  t.same(
    aimed.flatMap((c) => ('body' in c && c.body !== undefined ? [c.body] : [])),
    ['c1 answered; client 172.17.0.1', 'c1 answered; client 172.17.0.1'],
  );
});
