// Two copies of bridge-basic as observe() would read them, for compare's pure tests.
import type { Side } from '../../src/compare/diff.js';
import type { ObservedNetwork } from '../../src/inspect/observe.js';

export const handNets = [
  { lab: 'br0', bridge: 'br0', subnet: { network: '172.30.0.0', prefix: 16 }, gateway: '172.30.0.1' },
];
export const dockerNets = [
  { lab: 'br0', bridge: 'docker0', subnet: { network: '172.17.0.0', prefix: 16 }, gateway: '172.17.0.1' },
];

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
export function observed(
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
export const side = (o: ObservedNetwork, nets: Side['networks']): Side => ({
  observed: o,
  networks: nets,
  toLab: new Map(),
  checks: [],
});
