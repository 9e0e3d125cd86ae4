// graph --live from observed networks written by hand: what the kernel says is drawn as it says
// it (VXLAN devices, carrier apart from admin state, forwarding), and only the lab's rules as the lab's.
import t from 'tap';
import { ascii, dot, mermaid } from '../../src/graph/draw.js';
import { condition, fromKernel, fromLab, labRulesSeen } from '../../src/graph/topology.js';
import type { ObservedNetwork } from '../../src/inspect/observe.js';
import { asHost } from '../../src/lab/project.js';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { linkState } from '../helpers/lab.js';

const bridge = (name: string, over = {}) => ({
  ...linkState(name, { kind: 'bridge', ...over }),
  stp: 0,
  forwardDelay: 0,
});

/** One overlay host as observe() reads it: bridge ov0, vx-ov0 (plugged unless said), one container. */
function overlayHost(
  container: string,
  address: string,
  peer: string,
  vx: Partial<ReturnType<typeof linkState>> = {},
  port: Partial<ReturnType<typeof linkState>> = {},
): ObservedNetwork {
  return {
    bridges: { ov0: bridge('ov0') },
    hostLinks: [
      linkState('vx-ov0', {
        kind: 'vxlan',
        master: 'ov0',
        vxlan: {
          vni: 42,
          remote: null,
          group: null,
          local: null,
          dstport: 4789,
          dev: 'eth0',
          floodTo: [peer],
        },
        ...vx,
      }),
    ],
    containers: {
      [container]: {
        sharesHost: false,
        lo: linkState('lo'),
        endpoints: [
          {
            container,
            inside: linkState('eth0', { addresses: [`${address}/24`] }),
            hostSide: linkState(`ve-${container}`, { master: 'ov0', ...port }),
            disableIpv6: '1',
          },
        ],
        routes: [],
        hosts: null,
        resolv: null,
      },
    },
    sysctls: { ipForward: '0', bridgeNfCallIptables: null },
    policies: { FORWARD: 'ACCEPT' },
    rules: [],
  };
}

t.test('condition: admin state first, then carrier', async (t) => {
  t.equal(condition(linkState('a')), null);
  t.equal(condition(linkState('a', { adminUp: false, carrier: false, state: 'DOWN' })), 'DOWN');
  t.equal(condition(linkState('a', { carrier: false, state: 'LOWERLAYERDOWN' })), 'UP, no carrier');
});

t.test(
  'overlay --live: the VXLAN devices with VNI, port and peer; an unplugged one is said so',
  async (t) => {
    const lab = loadLab('overlay');
    const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
    const seen = {
      h1: overlayHost('a', '10.0.9.2', '198.51.100.3', { master: null }),
      h2: overlayHost('b', '10.0.9.3', '198.51.100.2', {}, { carrier: false, state: 'LOWERLAYERDOWN' }),
    };
    const topo = fromKernel(lab, plan, seen);
    const text = ascii(topo);
    t.match(
      text,
      /h2 \[namespace sb-h2\][\s\S]*├── vx-ov0 ── VXLAN VNI 42 udp\/4789, floods to h1 198\.51\.100\.2 via eth0/,
    );
    t.match(
      text,
      /on no bridge \(unplugged\):\n {4}└── vx-ov0 ── VXLAN VNI 42 udp\/4789, floods to h2 198\.51\.100\.3/,
    );
    t.match(text, /ve-b ══ eth0 10\.0\.9\.3\/24 {2}b {2}✗ ve-b UP, no carrier/, 'no carrier, not DOWN');
    t.notMatch(text, /ve-b DOWN/);
    t.match(text, /tunnel ov0: h1 ⇄ h2, VXLAN 42, udp\/4789 ✗ vx-ov0 on h1 is on no bridge/);
    t.match(text, /forwarding: net\.ipv4\.ip_forward=0, FORWARD policy ACCEPT, br_netfilter not\s+loaded/);
    t.same(
      text.split('\n').filter((l) => [...l].length > 80),
      [],
      'fits 80 columns',
    );
    const d = dot(topo);
    t.match(d, /h1_dev_vx_ov0 \[label="vx-ov0\nVXLAN VNI 42[^"]*\n✗ on no bridge", color=red\]/);
    t.match(d, /h2_seg_ov0 -- h2_dev_vx_ov0;/, 'h2’s VXLAN device is a port of its bridge');
    t.notMatch(d, /h1_seg_ov0 -- h1_dev_vx_ov0/, 'h1’s is not');
    t.match(mermaid(topo), /h2_seg_ov0 --- h2_dev_vx_ov0/);

    const fixed = fromKernel(lab, plan, { ...seen, h1: overlayHost('a', '10.0.9.2', '198.51.100.3') });
    t.notMatch(ascii(fixed), /unplugged|✗ vx/, 'plugged back: nothing said');
    const noPeers = fromKernel(lab, plan, {
      ...seen,
      h1: overlayHost('a', '10.0.9.2', '', {
        vxlan: { vni: 42, remote: null, group: null, local: null, dstport: 4789, dev: null, floodTo: [] },
      }),
    });
    t.match(ascii(noPeers), /vx-ov0 ── VXLAN VNI 42 udp\/4789, floods to nobody/, 'no-vxlan-peers shows');
  },
);

t.test('a multi-host lab on the host target: only the part this machine built is this machine', async (t) => {
  const lab = loadLab('overlay');
  const host = { kind: 'host', facts: { forwardDrop: false, ipForward: '1' } } as const;
  const whole = ascii(fromLab(lab, compile(lab, host)));
  t.notMatch(whole, /\[this machine\]/, 'not built: neither host is this machine');
  t.match(whole, /floods to h2 192\.168\.56\.12/, 'one machine each: the VXLAN goes to the machines');
  t.match(whole, /h1 \[not this machine\]\n {2}one machine each: up overlay --as h1 on 192\.168\.56\.11/);
  const mine = asHost(lab, 'h1');
  const plan = compile(mine, host);
  const live = ascii(fromKernel(mine, plan, { h1: overlayHost('a', '10.0.9.2', '192.168.56.12') }));
  t.match(live, /^h1 \[this machine\]/m);
  t.match(
    live,
    /^h2 \[not this machine\]\n {2}another machine builds it \(192\.168\.56\.12\): up overlay --as h2 there/m,
  );
  t.match(live, /floods to h2 192\.168\.56\.12/);
  t.equal(live.match(/\[this machine\]/g)?.length, 1, 'one host is this machine');
});

t.test(
  'on the machine only rules with the lab’s mark are the lab’s; Docker’s are counted apart',
  async (t) => {
    const rules = [
      { table: 'nat', chain: 'POSTROUTING', rule: '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE' },
      { table: 'nat', chain: 'DOCKER', rule: '-i docker0 -j RETURN' },
      { table: 'filter', chain: 'FORWARD', rule: '-o docker0 -j DOCKER' },
      {
        table: 'nat',
        chain: 'POSTROUTING',
        rule: '-s 172.28.0.0/16 ! -o br0 -m comment --comment nslab:bridge-nat -j MASQUERADE',
      },
      {
        table: 'nat',
        chain: 'POSTROUTING',
        rule: '-s 10.1.0.0/16 -m comment --comment nslab:bridge-nat-2 -j MASQUERADE',
      },
      { table: 'nat', chain: 'POSTROUTING', rule: '-s 10.9.0.0/16 -j MASQUERADE' },
    ];
    const seen = labRulesSeen(rules, 'nslab:bridge-nat');
    t.same(
      seen.mine.map((r) => r.rule.split(' ')[1]),
      ['172.28.0.0/16'],
    );
    t.same(seen.notLab, { docker: 3, other: 2 }, 'another lab’s rule is not this lab’s either');
    t.same(labRulesSeen(rules, null).mine.length, rules.length, 'in a sandbox everything is the lab’s');

    const lab = loadLab('bridge-nat');
    const plan = compile(lab, { kind: 'host', facts: { forwardDrop: false, ipForward: '1' } });
    const observed: ObservedNetwork = {
      bridges: {},
      hostLinks: [],
      containers: {},
      sysctls: { ipForward: '1', bridgeNfCallIptables: '1' },
      policies: { FORWARD: 'DROP' },
      rules,
    };
    const text = ascii(fromKernel(lab, plan, { host: observed }));
    t.match(text, /rules: nat POSTROUTING -s 172\.28\.0\.0\/16 ! -o br0 -j MASQUERADE\n/);
    t.notMatch(text, /172\.17\.0\.0/, 'Docker’s MASQUERADE is not listed as the lab’s');
    t.match(text, /Docker’s own, not this lab’s: 3 rules; others’, not this lab’s: 2 rules/);
    t.match(
      text,
      /FORWARD policy DROP,\s+bridge-nf-call-iptables=1 \(bridged frames pass iptables FORWARD\)/,
    );
  },
);

t.test('a macvlan shim is drawn on its parent, from the file and from the kernel', async (t) => {
  const lab = loadLab('macvlan-shim');
  const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
  t.match(
    ascii(fromLab(lab, plan)),
    /└── eth0 {2}macvlan parent \(lan\)\n {4}├── mvs-lan ── macvlan shim 198\.51\.100\.30\/32/,
  );
  const seen: ObservedNetwork = {
    bridges: {},
    hostLinks: [
      linkState('mvs-lan', {
        kind: 'macvlan',
        mode: 'bridge',
        parent: 'eth0',
        addresses: ['198.51.100.30/32'],
      }),
    ],
    containers: {
      m1: {
        sharesHost: false,
        lo: linkState('lo'),
        endpoints: [
          {
            container: 'm1',
            inside: linkState('eth0', { kind: 'macvlan', addresses: ['198.51.100.20/24'] }),
            hostSide: null,
            disableIpv6: '1',
          },
        ],
        routes: [],
        hosts: null,
        resolv: null,
      },
    },
    sysctls: { ipForward: '1', bridgeNfCallIptables: null },
    policies: {},
    rules: [],
  };
  t.match(
    ascii(fromKernel(lab, plan, { host: seen })),
    /└── eth0 {2}macvlan parent\n {4}├── mvs-lan ── macvlan shim 198\.51\.100\.30\/32, mode bridge\n {4}└── macvlan child ── eth0 198\.51\.100\.20\/24 {2}m1/,
  );
});
