// IPv4 arithmetic the labs need, on top of ipaddr.js (parsing and prefix matching).
import ipaddr from 'ipaddr.js';

export interface Subnet {
  /** network address, e.g. 172.30.0.0 */
  network: string;
  prefix: number;
}

export const isIPv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);

/** Parses "a.b.c.d/n"; null when it is not IPv4 CIDR notation. */
export function parseCidr(text: string): (Subnet & { address: string }) | null {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined || addr === undefined || bits === undefined || !/^\d{1,2}$/.test(bits)) return null;
  const prefix = Number(bits);
  if (!isIPv4(addr) || prefix > 32) return null;
  const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
  return { address: addr, network, prefix };
}

export const formatSubnet = (s: Subnet): string => `${s.network}/${s.prefix}`;

const toInt = (address: string): number =>
  ipaddr.IPv4.parse(address).octets.reduce((n, octet) => n * 256 + octet, 0);
const fromInt = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
const size = (s: Subnet): number => 2 ** (32 - s.prefix);

export function contains(s: Subnet, address: string): boolean {
  return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parse(s.network), s.prefix);
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  const [wide, narrow] = a.prefix <= b.prefix ? [a, b] : [b, a];
  return contains(wide, narrow.network);
}

/** The network and broadcast addresses cannot be given to an interface (except in /31 and /32). */
export function isUsableHost(s: Subnet, address: string): boolean {
  if (!contains(s, address) || s.prefix >= 31) return contains(s, address);
  const n = toInt(address) - toInt(s.network);
  return n !== 0 && n !== size(s) - 1;
}

/**
 * Lowest usable host address of the subnet not in `taken`, like Docker's IPAM; null when full.
 * `from` (an offset in the subnet) skips what is known to be taken already.
 */
export function lowestFree(s: Subnet, taken: { has(address: string): boolean }, from = 0): string | null {
  const first = toInt(s.network);
  const [lo, hi] = s.prefix >= 31 ? [0, size(s) - 1] : [1, size(s) - 2];
  for (let i = Math.max(lo, from); i <= hi; i++) {
    const candidate = fromInt(first + i);
    if (!taken.has(candidate)) return candidate;
  }
  return null;
}

/** The address at a place in a subnet: 172.17.0.2 for 2 in 172.17.0.0/16. */
export const addressAt = (s: Subnet, offset: number): string => fromInt(toInt(s.network) + offset);

/** Where an address sits in its subnet: 1 for 172.17.0.1 in 172.17.0.0/16. */
export const offsetIn = (s: Subnet, address: string): number => toInt(address) - toInt(s.network);

/** A range the kernel and the Internet give a meaning of their own: no lab may number a network in it. */
export interface SpecialRange {
  subnet: Subnet;
  /** what it is, with its CIDR */
  name: string;
  /** why a lab cannot use it */
  why: string;
}

// ipaddr.js's range() names them unspecified, loopback, linkLocal, multicast and reserved
// (255.255.255.255: broadcast); its "reserved" also holds the documentation ranges nslab uses.
export const SPECIAL_RANGES: readonly SpecialRange[] = [
  {
    subnet: { network: '0.0.0.0', prefix: 8 },
    name: '"this network" (0.0.0.0/8)',
    why: '0.0.0.0 stands for any address, and nothing in 0.0.0.0/8 is routed',
  },
  {
    subnet: { network: '127.0.0.0', prefix: 8 },
    name: 'loopback (127.0.0.0/8)',
    why: 'every namespace has it on its own lo, and the kernel never sends it out of one',
  },
  {
    subnet: { network: '169.254.0.0', prefix: 16 },
    name: 'link-local (169.254.0.0/16)',
    why: 'hosts pick these for themselves when no DHCP server answers, and routers never forward them',
  },
  {
    subnet: { network: '224.0.0.0', prefix: 4 },
    name: 'multicast (224.0.0.0/4)',
    why: 'they address groups of receivers, never one interface',
  },
  {
    subnet: { network: '240.0.0.0', prefix: 4 },
    name: 'reserved (240.0.0.0/4, with the broadcast 255.255.255.255)',
    why: 'it is set aside for future use and dropped by routers',
  },
];

/** The special ranges a subnet overlaps (an address: a /32). */
export const specialRangesIn = (s: Subnet): SpecialRange[] =>
  SPECIAL_RANGES.filter((r) => overlaps(r.subnet, s));
