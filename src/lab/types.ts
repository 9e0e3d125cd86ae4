// A lab after validation: every default filled in, every reference checked.
import type { Subnet } from '../net/ipv4.js';

export interface Lab {
  /** the file's base name, e.g. bridge-basic; also the mark on everything the lab creates */
  name: string;
  file: string;
  title: string;
  description: string;
  networks: Network[];
  containers: Container[];
  checks: Check[];
}

export interface Network {
  name: string; // also the bridge's interface name
  driver: 'bridge';
  subnet: Subnet;
  gateway: string;
}

export interface Container {
  name: string;
  endpoints: Endpoint[];
}

/** One veth pair: `hostIfname` on the bridge, `ifname` inside the container. */
export interface Endpoint {
  container: string;
  network: string;
  ifname: string;
  hostIfname: string;
  address: string;
  prefix: number;
  /** the first network a container joins gives it its default route, as in Docker */
  defaultRoute: boolean;
}

export interface PingCheck {
  kind: 'ping';
  name: string;
  /** a container name, or 'host' */
  from: string;
  to: string;
  address: string;
  expect: 'reach' | 'fail';
  why?: string;
}

export type Check = PingCheck;
