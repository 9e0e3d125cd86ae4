// The naming contract, in one place.
//
// - A lab is named by its file: labs/bridge-basic.yaml is the lab `bridge-basic`.
// - Networks and containers keep the names the lab gives them: network br0 is the bridge br0,
//   container c1 is the namespace c1 on the host target. On the sandbox target every namespace
//   is prefixed by the sandbox's name (`t1-c1`), the Docker host is `t1-host` and the world
//   outside it `t1-outside`, so several sandboxes can be up at once.
// - Inside a container the interfaces are eth0, eth1, … in the order of its networks; their
//   host-side veth ends are ve-CONTAINER (first network) and ve-CONTAINER-N after that.
// - Everything nslab creates carries a mark saying which lab made it: the interface alias
//   (`ip link set dev X alias nslab:LAB`; for a namespace, the alias of its lo) and the
//   comment of every iptables rule. `down` and `status` trust only these marks.

const NAME = /^[a-z][a-z0-9-]*$/;
export const IFNAMSIZ = 15; // the kernel's limit on interface names (16 bytes with the NUL)
export const MAX_LAB_NAME = 40;
export const RESERVED = new Set(['host', 'outside']);

export const isName = (s: string): boolean => NAME.test(s);

export const containerIfname = (index: number): string => `eth${index}`;
export const hostIfname = (container: string, index: number): string =>
  index === 0 ? `ve-${container}` : `ve-${container}-${index}`;

/** Where a lab is built: the machine's own namespace, or a named sandbox of namespaces. */
export type Place = { kind: 'host' } | { kind: 'sandbox'; name: string };

export const markOf = (lab: string, place: Place): string =>
  place.kind === 'host' ? `nslab:${lab}` : `nslab:${lab}@${place.name}`;

/** Parses a mark back; null when the alias is not one of nslab's. */
export function parseMark(alias: string | undefined): { lab: string; place: Place } | null {
  const m = /^nslab:([a-z][a-z0-9-]*)(?:@([a-z][a-z0-9-]*))?$/.exec(alias ?? '');
  if (!m) return null;
  return { lab: m[1]!, place: m[2] ? { kind: 'sandbox', name: m[2] } : { kind: 'host' } };
}

export const placeLabel = (place: Place): string =>
  place.kind === 'host' ? 'host' : `sandbox ${place.name}`;

// The uplink between the Docker host and "the outside", and the outside's servers:
// documentation ranges (RFC 5737), so nothing here can be mistaken for a real address.
// On the sandbox target the uplink is the host's eth0 and its default route; on the host target
// it is an extra veth (nsl-uplink) with a route to 203.0.113.0/24 only, built when a lab uses it.
export const SANDBOX_UPLINK = { host: '198.51.100.2', outside: '198.51.100.1', prefix: 24 };
export const OUTSIDE_SERVER = '203.0.113.10';
/** The Docker hosts' addresses on the LAN: 198.51.100.2 for the first, .3 for the second, … */
export const hostAddress = (index: number): string => `198.51.100.${2 + index}`;
export const LAN = { network: '198.51.100.0', prefix: 24 };
/** The name of the one Docker host of a single-host lab. */
export const SINGLE_HOST = 'host';
export const HOST_UPLINK_IFNAME = 'nsl-uplink';
export const SANDBOX_RANGES = [
  { subnet: { network: '198.51.100.0', prefix: 24 }, use: 'its uplink to the outside' },
  { subnet: { network: '203.0.113.0', prefix: 24 }, use: 'servers in the outside' },
];
