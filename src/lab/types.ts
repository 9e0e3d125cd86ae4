// A lab after validation: every default filled in, every reference checked.
import type { Subnet } from '../net/ipv4.js';

export interface Lab {
  /** the file's base name, e.g. bridge-basic; also the mark on everything the lab creates */
  name: string;
  file: string;
  title: string;
  description: string;
  /** dockerd's settings that shape the networks (daemon.json) */
  daemon: { userlandProxy: boolean };
  /** the Docker hosts: one named "host" unless the lab lists several (overlay) */
  hosts: DockerHost[];
  /** hosts another machine builds (`up LAB --as HOST` keeps only HOST in hosts): VXLAN peers */
  remoteHosts: DockerHost[];
  networks: Network[];
  containers: Container[];
  services: Service[];
  /** the world outside the Docker host; on the host target it is built only when `used` */
  outside: { serve: Server[]; used: boolean };
  checks: Check[];
  exercises: Exercise[];
}

export interface DockerHost {
  name: string;
  /** its address on the LAN it shares with the outside (198.51.100.0/24) */
  address: string;
  /** the address of the real machine (a VM) that plays it, for `up LAB --as HOST` */
  machine: string | null;
}

export type Driver = 'bridge' | 'macvlan' | 'ipvlan' | 'overlay';

export interface Network {
  name: string; // also the bridge's interface name
  driver: Driver;
  /** overlay: the VXLAN network identifier */
  vni: number | null;
  /** macvlan: the host's own macvlan address, so host and containers reach each other */
  shim: string | null;
  /** the hosts this network is built on */
  hosts: string[];
  subnet: Subnet;
  gateway: string;
  /** ip_forward + MASQUERADE for traffic leaving the subnet by another interface */
  nat: boolean;
  /** containers on it resolve each other's names */
  dns: boolean;
  /** nothing is forwarded between it and the lab's other bridges */
  isolated: boolean;
  /** `docker network create --internal`: nothing forwarded into or out of its subnet, no NAT */
  internal: boolean;
}

/** Docker's --network: own namespace on bridges, only lo, the host's, or another container's. */
export type NetworkMode =
  { kind: 'bridge' } | { kind: 'none' } | { kind: 'host' } | { kind: 'container'; of: string };

export interface Container {
  name: string;
  /** the Docker host it runs on */
  host: string;
  mode: NetworkMode;
  endpoints: Endpoint[];
  ports: PublishedPort[];
  serve: Server[];
  /**
   * the container's /etc/hosts (Docker writes one per container): itself and its --link entries;
   * on user-defined networks the other containers' names come from the DNS server instead
   */
  hosts: HostsEntry[];
  /** the variables its --link entries set (DATABASE_PORT=tcp://…), in Docker's order */
  env: Record<string, string>;
}

/**
 * A container's interface on a network: a veth pair (`hostIfname` on the bridge, `ifname`
 * inside), or for macvlan/ipvlan a child of the uplink created as `hostIfname` and moved in.
 */
export interface Endpoint {
  kind: 'veth' | 'macvlan' | 'ipvlan';
  container: string;
  host: string;
  network: string;
  /** set when it differs from 1500 (overlay: 1450, room for VXLAN's 50 bytes) */
  mtu: number | null;
  ifname: string;
  hostIfname: string;
  address: string;
  prefix: number;
  /** the first network a container joins gives it its default route, as in Docker */
  defaultRoute: boolean;
  /** `--network-alias`: more names the network's DNS server answers with this address */
  aliases: string[];
}

export interface PublishedPort {
  /** the host address it is bound to (`-p 127.0.0.1:8080:80`); absent: every address */
  hostIp?: string;
  hostPort: number;
  proto: 'tcp' | 'udp';
  containerPort: number;
  address: string;
  network: string;
}
export interface Server {
  kind: 'http' | 'tcp' | 'udp';
  port: number;
}
export interface HostsEntry {
  address: string;
  names: string[];
}
export interface Service {
  name: string;
  vip: string;
  port: number;
  targetPort: number;
  backends: { container: string; address: string }[];
}

interface CheckBase {
  name: string;
  /** the line a check came from when one line made many (`from: all, to: all`): shown as one row */
  group?: string;
  /** a container name, 'host' or 'outside' */
  from: string;
  expect: 'reach' | 'fail';
  why?: string;
}
export type Check =
  | (CheckBase & { kind: 'ping'; to: string; address: string; size?: number })
  | (CheckBase & { kind: 'tcp'; to: string; address: string; port: number })
  | (CheckBase & { kind: 'udp'; to: string; address: string; port: number; body?: string })
  | (CheckBase & {
      kind: 'http';
      to: string;
      address: string;
      port: number;
      body?: string;
      answers?: string[];
    })
  | (CheckBase & { kind: 'resolve'; lookup: string; address: string | null })
  | (CheckBase & { kind: 'listen'; port: number });

/** Something left out or got wrong on purpose when the lab is built for an exercise. */
export type Fault =
  | {
      kind:
        | 'lo-down'
        | 'link-down'
        | 'host-end-down'
        | 'unplugged'
        | 'no-default-route'
        | 'no-output-dnat'
        | 'no-dns-jump'
        | 'no-hairpin'
        | 'macvlan-private'
        | 'wrong-gateway'
        | 'dnat-wrong-port'
        | 'backend-missing'
        | 'resolv-no-dns';
      container: string;
    }
  | { kind: 'prefix'; container: string; prefix: number }
  | { kind: 'mtu'; container: string; mtu: number }
  | { kind: 'hosts-missing' | 'hosts-stale'; container: string; name: string }
  | {
      kind:
        | 'no-gateway'
        | 'bridge-down'
        | 'no-masquerade'
        | 'no-shim'
        | 'no-isolation'
        | 'masquerade-wrong-way'
        | 'no-route-localnet';
      network: string;
    }
  | {
      kind: 'ip-forward-off' | 'forward-drop' | 'vxlan-unplugged' | 'no-isolation-jump' | 'no-vxlan-peers';
      host: string;
    };

export interface Exercise {
  title: string;
  /** the title in English: what this machine's progress file remembers, whatever the language */
  key: string;
  faults: Fault[];
  /** {NAME} stands for the namespace of container or host NAME */
  task: string;
  hints: string[];
  /** what a repair must leave as it is (the fault kinds add their own, see plan/guards.ts) */
  guards: Guard[];
}

/** One thing a repair must leave as it is on a Docker host. */
export type Guard =
  | { kind: 'policy'; host: string; table: 'filter' | 'nat'; chain: string; is: 'ACCEPT' | 'DROP' }
  | { kind: 'sysctl'; host: string; name: string; is: '0' | '1' };
