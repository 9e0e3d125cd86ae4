// The last hint of an exercise: what diagnose() names wrong in a network read from the kernel.
// A healthy network, written by hand in observe()'s shape, has no finding; each case breaks one
// thing and the first finding must name it.
import { linkState } from '../helpers/lab.js';
import t from 'tap';
import { diagnose, type Finding } from '../../src/inspect/diagnose.js';
import type { ContainerState, ObservedNetwork } from '../../src/inspect/observe.js';
import { labFromText } from '../../src/lab/index.js';

// One NATed bridge, two containers, c1 publishing 8080 → 80: every kind of rule diagnose reads.
const lab = labFromText(
  '/tmp/diagnosed.yaml',
  `title: diagnosed
networks:
  br0: { subnet: 172.30.0.0/16, nat: true }
containers:
  c1:
    networks:
      br0: { address: 172.30.0.2 }
    ports: ["8080:80"]
  c2:
    networks:
      br0: { address: 172.30.0.3 }
`,
);

const link = linkState;
const container = (n: number): ContainerState => ({
  sharesHost: false,
  lo: link('lo', { kind: 'loopback', state: 'UNKNOWN', addresses: ['127.0.0.1/8'] }),
  endpoints: [
    {
      container: `c${n}`,
      inside: link('eth0', { addresses: [`172.30.0.${n + 1}/16`] }),
      hostSide: link(`ve-c${n}`, { master: 'br0' }),
      disableIpv6: '1',
    },
  ],
  routes: [
    'default via 172.30.0.1 dev eth0',
    `172.30.0.0/16 dev eth0 proto kernel scope link src 172.30.0.${n + 1}`,
  ],
  hosts: ['127.0.0.1 localhost', `172.30.0.${n + 1} c${n}`],
  resolv: ['nameserver 127.0.0.1'],
});
const dnat = '-p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.30.0.2:80';
const healthy = (): ObservedNetwork => ({
  bridges: {
    br0: { ...link('br0', { kind: 'bridge', addresses: ['172.30.0.1/16'] }), stp: 0, forwardDelay: 1500 },
  },
  hostLinks: [],
  containers: { c1: container(1), c2: container(2) },
  sysctls: { ipForward: '1', bridgeNfCallIptables: '1' },
  policies: { INPUT: 'ACCEPT', FORWARD: 'ACCEPT', OUTPUT: 'ACCEPT' },
  rules: [
    { table: 'nat', chain: 'POSTROUTING', rule: '-s 172.30.0.0/16 ! -o br0 -j MASQUERADE' },
    { table: 'nat', chain: 'PREROUTING', rule: dnat },
    { table: 'nat', chain: 'OUTPUT', rule: dnat },
  ],
});

interface Case {
  name: string;
  breaks: (o: ObservedNetwork) => void;
  /** does the Docker host route for its containers (true unless said) */
  forwards?: boolean;
  /** the first finding: layer, where, what */
  first?: [Finding['layer'], string, string];
  /** how many findings in all: nothing else is reported */
  count: number;
}
const c1 = (o: ObservedNetwork) => o.containers.c1!;
const c2 = (o: ObservedNetwork) => o.containers.c2!;
const eth0 = (c: ContainerState) => c.endpoints[0]!;

const cases: Case[] = [
  { name: 'nothing broken', breaks: () => {}, count: 0 },
  {
    name: 'c2’s port unplugged from the bridge',
    breaks: (o) => {
      eth0(c2(o)).hostSide!.master = null;
    },
    first: ['link', 'c2', "ve-c2, the host end of c2's cable, is on no bridge (the lab plugs it into br0)"],
    count: 1,
  },
  {
    name: 'c2’s port on another bridge',
    breaks: (o) => {
      eth0(c2(o)).hostSide!.master = 'br9';
    },
    first: [
      'link',
      'c2',
      "ve-c2, the host end of c2's cable, is plugged into br9 (the lab plugs it into br0)",
    ],
    count: 1,
  },
  {
    name: 'c2’s host end down',
    breaks: (o) => {
      eth0(c2(o)).hostSide!.adminUp = false;
    },
    first: ['link', 'c2', "ve-c2, the host end of c2's cable, is DOWN"],
    count: 1,
  },
  {
    name: 'c2’s cable has no host end',
    breaks: (o) => {
      eth0(c2(o)).hostSide = null;
    },
    first: ['link', 'c2', "c2's eth0 has no peer in the Docker host"],
    count: 1,
  },
  {
    name: 'c2 has no eth0 at all',
    breaks: (o) => {
      c2(o).endpoints = [];
    },
    first: ['link', 'c2', 'c2 has no eth0'],
    count: 1,
  },
  {
    name: 'eth0 down inside c1',
    breaks: (o) => {
      eth0(c1(o)).inside.adminUp = false;
    },
    first: ['link', 'c1', 'eth0 in c1 is DOWN'],
    count: 1,
  },
  {
    name: 'lo down in c1',
    breaks: (o) => {
      c1(o).lo!.adminUp = false;
    },
    first: ['link', 'c1', 'lo in c1 is DOWN: not even 127.0.0.1 answers'],
    count: 1,
  },
  {
    // the lower layer first: lo (link) before the route c1 also lacks
    name: 'lo down and no default route in c1',
    breaks: (o) => {
      c1(o).lo!.adminUp = false;
      c1(o).routes = [];
    },
    first: ['link', 'c1', 'lo in c1 is DOWN: not even 127.0.0.1 answers'],
    count: 2,
  },
  {
    name: 'the bridge lacks its gateway address',
    breaks: (o) => {
      o.bridges.br0!.addresses = [];
    },
    first: ['address', 'br0', 'bridge br0 lacks the gateway address 172.30.0.1/16'],
    count: 1,
  },
  {
    name: 'the bridge has another address than the gateway',
    breaks: (o) => {
      o.bridges.br0!.addresses = ['172.30.0.254/16'];
    },
    first: ['address', 'br0', 'bridge br0 lacks the gateway address 172.30.0.1/16 (it has 172.30.0.254/16)'],
    count: 1,
  },
  {
    name: 'no bridge',
    breaks: (o) => {
      o.bridges.br0 = null;
    },
    first: ['link', 'br0', 'there is no bridge br0'],
    count: 1,
  },
  {
    name: 'the bridge down',
    breaks: (o) => {
      o.bridges.br0!.adminUp = false;
    },
    first: ['link', 'br0', 'bridge br0 is DOWN (not set up)'],
    count: 1,
  },
  {
    name: 'a wrong prefix on c1’s eth0',
    breaks: (o) => {
      eth0(c1(o)).inside.addresses = ['172.30.0.2/24'];
    },
    first: ['address', 'c1', 'eth0 in c1 has 172.30.0.2/24; the lab gives it 172.30.0.2/16'],
    count: 1,
  },
  {
    name: 'no address on c1’s eth0',
    breaks: (o) => {
      eth0(c1(o)).inside.addresses = [];
    },
    first: ['address', 'c1', 'eth0 in c1 has no address; the lab gives it 172.30.0.2/16'],
    count: 1,
  },
  {
    name: 'no default route in c2',
    breaks: (o) => {
      c2(o).routes = ['172.30.0.0/16 dev eth0 proto kernel scope link src 172.30.0.3'];
    },
    first: ['route', 'c2', 'c2 has no default route via 172.30.0.1'],
    count: 1,
  },
  {
    name: 'a default route via another gateway',
    breaks: (o) => {
      c2(o).routes = ['default via 172.30.0.254 dev eth0'];
    },
    first: ['route', 'c2', 'c2 has no default route via 172.30.0.1'],
    count: 1,
  },
  {
    name: 'c1’s /etc/hosts lacks its own name',
    breaks: (o) => {
      c1(o).hosts = ['127.0.0.1 localhost'];
    },
    first: ['names', 'c1', "c1's /etc/hosts does not name 172.30.0.2 c1"],
    count: 1,
  },
  {
    name: 'ip_forward off on a host that routes',
    breaks: (o) => {
      o.sysctls.ipForward = '0';
    },
    first: ['host', 'host', 'net.ipv4.ip_forward is 0: the host routes nothing for its containers'],
    count: 1,
  },
  {
    name: 'ip_forward off on a host that need not route',
    breaks: (o) => {
      o.sysctls.ipForward = '0';
    },
    forwards: false,
    count: 0,
  },
  {
    name: 'FORWARD drops bridged frames',
    breaks: (o) => {
      o.policies.FORWARD = 'DROP';
    },
    first: [
      'rules',
      'host',
      "FORWARD's policy is DROP and bridged frames go through iptables " +
        '(bridge-nf-call-iptables=1): nothing accepts br0 → br0',
    ],
    count: 1,
  },
  {
    name: 'FORWARD drops, but accepts br0 → br0',
    breaks: (o) => {
      o.policies.FORWARD = 'DROP';
      o.rules.push({ table: 'filter', chain: 'FORWARD', rule: '-i br0 -o br0 -j ACCEPT' });
    },
    count: 0,
  },
  {
    name: 'FORWARD drops, but bridged frames skip iptables',
    breaks: (o) => {
      o.policies.FORWARD = 'DROP';
      o.sysctls.bridgeNfCallIptables = '0';
    },
    count: 0,
  },
  {
    name: 'no MASQUERADE',
    breaks: (o) => {
      o.rules = o.rules.filter((r) => r.chain !== 'POSTROUTING');
    },
    first: ['rules', 'host', 'nothing in nat POSTROUTING masquerades 172.30.0.0/16 on its way out'],
    count: 1,
  },
  {
    name: 'no DNAT for the host’s own requests',
    breaks: (o) => {
      o.rules = o.rules.filter((r) => r.chain !== 'OUTPUT');
    },
    first: ['rules', 'host', 'no DNAT in OUTPUT sends port 8080 to c1 (the host’s own requests)'],
    count: 1,
  },
  // Rules that look alike as text but are not the lab's: whole words decide.
  {
    name: 'DNAT for port 80801 only (8080 is a prefix of it)',
    breaks: (o) => {
      for (const r of o.rules) r.rule = r.rule.replace('--dport 8080', '--dport 80801');
    },
    first: ['rules', 'host', 'no DNAT in PREROUTING sends port 8080 to c1 (requests from elsewhere)'],
    count: 2,
  },
  {
    name: 'DNAT to c1’s port 8080 instead of 80',
    breaks: (o) => {
      for (const r of o.rules) r.rule = r.rule.replace('172.30.0.2:80', '172.30.0.2:8080');
    },
    first: ['rules', 'host', 'no DNAT in PREROUTING sends port 8080 to c1 (requests from elsewhere)'],
    count: 2,
  },
  {
    name: 'FORWARD DROP, and an ACCEPT for br01, not br0',
    breaks: (o) => {
      o.policies.FORWARD = 'DROP';
      o.rules.push({ table: 'filter', chain: 'FORWARD', rule: '-i br0 -o br01 -j ACCEPT' });
    },
    first: [
      'rules',
      'host',
      "FORWARD's policy is DROP and bridged frames go through iptables (bridge-nf-call-iptables=1): " +
        'nothing accepts br0 → br0',
    ],
    count: 1,
  },
  {
    name: 'Docker’s shape: the DNAT in nat DOCKER, jumped to from both',
    breaks: dockerShape,
    count: 0,
  },
  {
    name: 'Docker’s shape without the OUTPUT jump (the no-output-dnat exercise)',
    breaks: (o) => {
      dockerShape(o);
      o.rules = o.rules.filter((r) => r.chain !== 'OUTPUT');
    },
    first: ['rules', 'host', 'no DNAT in OUTPUT sends port 8080 to c1 (the host’s own requests)'],
    count: 1,
  },
  {
    name: 'Docker’s shape: the OUTPUT jump is there, the DNAT is not',
    breaks: (o) => {
      dockerShape(o);
      o.rules = o.rules.filter((r) => !r.rule.includes('DNAT'));
    },
    first: ['rules', 'host', 'no DNAT in PREROUTING sends port 8080 to c1 (requests from elsewhere)'],
    count: 2,
  },
];

/** The rules as Docker 20.10 writes them: DNAT in nat DOCKER, jumps from PREROUTING and OUTPUT. */
function dockerShape(o: ObservedNetwork) {
  o.rules = [
    { table: 'nat', chain: 'PREROUTING', rule: '-m addrtype --dst-type LOCAL -j DOCKER' },
    { table: 'nat', chain: 'OUTPUT', rule: '! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER' },
    { table: 'nat', chain: 'POSTROUTING', rule: '-s 172.30.0.0/16 ! -o br0 -j MASQUERADE' },
    { table: 'nat', chain: 'DOCKER', rule: '-i br0 -j RETURN' },
    { table: 'nat', chain: 'DOCKER', rule: `! -i br0 ${dnat}` },
  ];
}

for (const c of cases)
  t.test(`diagnose: ${c.name}`, async (t) => {
    const seen = healthy();
    c.breaks(seen);
    const found = diagnose(lab, seen, c.forwards ?? true);
    const [layer, where, what] = c.first ?? [];
    t.same(found[0], c.first && { layer, where, what }, 'the first finding');
    t.equal(found.length, c.count, `${c.count} finding(s): ${found.map((f) => f.what).join('; ')}`);
  });

t.test('diagnose: userland-proxy false and a bridge port without hairpin mode', async (t) => {
  const noProxy = labFromText(
    '/tmp/diagnosed.yaml',
    `title: diagnosed
daemon: { userland-proxy: false }
networks:
  br0: { subnet: 172.30.0.0/16, nat: true }
containers:
  c1:
    networks:
      br0: { address: 172.30.0.2 }
    ports: ["8080:80"]
  c2:
    networks:
      br0: { address: 172.30.0.3 }
`,
  );
  const seen = healthy();
  eth0(c1(seen)).hostSide!.hairpin = false;
  eth0(c2(seen)).hostSide!.hairpin = true;
  t.same(diagnose(noProxy, seen, true), [
    {
      layer: 'link',
      where: 'c1',
      what:
        "ve-c1, c1's port on br0, is not in hairpin mode: a frame cannot leave by the port it came in by " +
        '(c1 calling its own published port)',
    },
  ]);
  t.same(diagnose(lab, seen, true), [], 'with docker-proxy on, hairpin mode is not Docker’s');
});
