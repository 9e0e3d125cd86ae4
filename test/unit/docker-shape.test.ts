// inspect's Docker shape: `docker network inspect` and `docker inspect` of a lab, from a network
// written by hand in observe()'s shape (no root), compared field by field with what is expected.
import { createHash } from 'node:crypto';
import { linkState } from '../helpers/lab.js';
import t from 'tap';
import { dockerContainers, dockerNetworks } from '../../src/inspect/docker-shape.js';
import type { ContainerState, LinkState, ObservedNetwork } from '../../src/inspect/observe.js';
import { labFromText } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';

const id = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

const bridgeLab = labFromText(
  '/tmp/shaped.yaml',
  `title: shaped
networks:
  br0: { subnet: 172.30.0.0/16, nat: true }
containers:
  c1:
    networks:
      br0: { address: 172.30.0.2 }
  side: { network_mode: container:c1 }
  loner: { network_mode: none }
`,
);
const macvlanLab = labFromText(
  '/tmp/lan.yaml',
  `title: lan
networks:
  lan: { driver: macvlan, parent: uplink, subnet: 198.51.100.0/24, gateway: 198.51.100.1 }
containers:
  m1:
    networks:
      lan: { address: 198.51.100.20 }
`,
);

const link = linkState;
const container = (name: string, eth0?: Partial<LinkState>): ContainerState => ({
  sharesHost: false,
  lo: link('lo', { kind: 'loopback', state: 'UNKNOWN', addresses: ['127.0.0.1/8'] }),
  endpoints: eth0 ? [{ container: name, inside: link('eth0', eth0), hostSide: null, disableIpv6: '1' }] : [],
  routes: [],
  hosts: null,
  resolv: null,
});
const observed = (over: Partial<ObservedNetwork>): ObservedNetwork => ({
  bridges: {},
  hostLinks: [],
  containers: {},
  sysctls: { ipForward: '1', bridgeNfCallIptables: '1' },
  policies: {},
  rules: [],
  ...over,
});

const bridgeSeen = observed({
  bridges: {
    br0: {
      ...link('br0', { kind: 'bridge', mtu: 1400, addresses: ['172.30.0.1/16'] }),
      stp: 0,
      forwardDelay: 0,
    },
  },
  containers: {
    c1: container('c1', { mac: '02:aa:bb:cc:dd:01', addresses: ['172.30.0.2/16'] }),
    side: container('side', { mac: '02:aa:bb:cc:dd:01', addresses: ['172.30.0.2/16'] }),
    loner: container('loner'),
  },
});

const common = {
  Created: null,
  EnableIPv6: false,
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigFrom: { Network: '' },
  ConfigOnly: false,
};
const noV6 = { IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0 };

interface Case {
  name: string;
  lab: typeof bridgeLab;
  seen: ObservedNetwork;
  kind: 'networks' | 'containers';
  expected: unknown;
}
const cases: Case[] = [
  {
    name: 'a NATed bridge: the MAC, address and MTU the kernel has; only its own endpoints listed',
    lab: bridgeLab,
    seen: bridgeSeen,
    kind: 'networks',
    expected: [
      {
        Name: 'br0',
        Id: id('network', 'shaped', 'br0'),
        ...common,
        Scope: 'local',
        Driver: 'bridge',
        IPAM: {
          Driver: 'default',
          Options: {},
          Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }],
        },
        Containers: {
          [id('container', 'shaped', 'c1')]: {
            Name: 'c1',
            EndpointID: id('endpoint', 'shaped', 'br0', 'c1'),
            MacAddress: '02:aa:bb:cc:dd:01',
            IPv4Address: '172.30.0.2/16',
            IPv6Address: '',
          },
        },
        Options: {
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'br0',
          'com.docker.network.driver.mtu': '1400',
        },
        Labels: {},
      },
    ],
  },
  {
    name: 'a container whose eth0 is gone: empty MAC and address, no MTU for a missing bridge',
    lab: bridgeLab,
    seen: observed({ containers: { c1: container('c1') } }),
    kind: 'networks',
    expected: [
      {
        Name: 'br0',
        Id: id('network', 'shaped', 'br0'),
        ...common,
        Scope: 'local',
        Driver: 'bridge',
        IPAM: {
          Driver: 'default',
          Options: {},
          Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }],
        },
        Containers: {
          [id('container', 'shaped', 'c1')]: {
            Name: 'c1',
            EndpointID: id('endpoint', 'shaped', 'br0', 'c1'),
            MacAddress: '',
            IPv4Address: '',
            IPv6Address: '',
          },
        },
        Options: {
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'br0',
        },
        Labels: {},
      },
    ],
  },
  {
    name: 'a macvlan network: its parent is the sandbox’s uplink',
    lab: macvlanLab,
    seen: observed({
      containers: {
        m1: container('m1', { kind: 'macvlan', mac: '02:00:00:00:00:14', addresses: ['198.51.100.20/24'] }),
      },
    }),
    kind: 'networks',
    expected: [
      {
        Name: 'lan',
        Id: id('network', 'lan', 'lan'),
        ...common,
        Scope: 'local',
        Driver: 'macvlan',
        IPAM: {
          Driver: 'default',
          Options: {},
          Config: [{ Subnet: '198.51.100.0/24', Gateway: '198.51.100.1' }],
        },
        Containers: {
          [id('container', 'lan', 'm1')]: {
            Name: 'm1',
            EndpointID: id('endpoint', 'lan', 'lan', 'm1'),
            MacAddress: '02:00:00:00:00:14',
            IPv4Address: '198.51.100.20/24',
            IPv6Address: '',
          },
        },
        Options: { parent: 'eth0' },
        Labels: {},
      },
    ],
  },
  {
    name: 'containers: on the bridge, joined to another’s namespace, and none',
    lab: bridgeLab,
    seen: bridgeSeen,
    kind: 'containers',
    expected: [
      {
        Id: id('container', 'shaped', 'c1'),
        State: { Status: 'running', Running: true, Pid: null },
        Name: '/c1',
        HostConfig: { NetworkMode: 'br0' },
        NetworkSettings: {
          SandboxKey: '/run/netns/sb-c1',
          Networks: {
            br0: {
              NetworkID: id('network', 'shaped', 'br0'),
              EndpointID: id('endpoint', 'shaped', 'br0', 'c1'),
              Gateway: '172.30.0.1',
              IPAddress: '172.30.0.2',
              IPPrefixLen: 16,
              ...noV6,
              MacAddress: '02:aa:bb:cc:dd:01',
            },
          },
        },
      },
      {
        Id: id('container', 'shaped', 'side'),
        State: { Status: 'running', Running: true, Pid: null },
        Name: '/side',
        HostConfig: { NetworkMode: `container:${id('container', 'shaped', 'c1')}` },
        NetworkSettings: { SandboxKey: '', Networks: {} },
      },
      {
        Id: id('container', 'shaped', 'loner'),
        State: { Status: 'running', Running: true, Pid: null },
        Name: '/loner',
        HostConfig: { NetworkMode: 'none' },
        NetworkSettings: {
          SandboxKey: '/run/netns/sb-loner',
          Networks: {
            none: {
              NetworkID: id('network', 'shaped', 'none'),
              EndpointID: id('endpoint', 'shaped', 'none', 'loner'),
              Gateway: '',
              IPAddress: '',
              IPPrefixLen: 0,
              ...noV6,
              MacAddress: '',
            },
          },
        },
      },
    ],
  },
  {
    name: 'a container whose namespace is gone is not running',
    lab: macvlanLab,
    seen: observed({}),
    kind: 'containers',
    expected: [
      {
        Id: id('container', 'lan', 'm1'),
        State: { Status: 'exited', Running: false, Pid: null },
        Name: '/m1',
        HostConfig: { NetworkMode: 'lan' },
        NetworkSettings: {
          SandboxKey: '/run/netns/sb-m1',
          Networks: {
            lan: {
              NetworkID: id('network', 'lan', 'lan'),
              EndpointID: id('endpoint', 'lan', 'lan', 'm1'),
              Gateway: '198.51.100.1',
              IPAddress: '',
              IPPrefixLen: 0,
              ...noV6,
              MacAddress: '',
            },
          },
        },
      },
    ],
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const plan = compile(c.lab, { kind: 'sandbox', name: 'sb' });
    const seen = { [c.lab.hosts[0]!.name]: c.seen };
    const got =
      c.kind === 'networks' ? dockerNetworks(c.lab, plan, seen) : dockerContainers(c.lab, plan, seen);
    t.strictSame(got, c.expected);
  });
}

t.test('keys come in Docker’s order and ids are 64 hex digits', async (t) => {
  const plan = compile(bridgeLab, { kind: 'sandbox', name: 'sb' });
  const [net] = dockerNetworks(bridgeLab, plan, { host: bridgeSeen });
  t.same(Object.keys(net!), [
    'Name',
    'Id',
    'Created',
    'Scope',
    'Driver',
    'EnableIPv6',
    'IPAM',
    'Internal',
    'Attachable',
    'Ingress',
    'ConfigFrom',
    'ConfigOnly',
    'Containers',
    'Options',
    'Labels',
  ]);
  t.match(net!.Id, /^[0-9a-f]{64}$/);
});
