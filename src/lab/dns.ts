// What Docker's embedded DNS server answers on user-defined networks (dns: true): on each network
// a container shares, every container's name and every network alias, with their addresses.
import type { Container, Lab } from './types.js';

/** The names one network answers: each with its addresses, in the lab's order of containers. */
export interface DnsZone {
  network: string;
  names: { name: string; addresses: string[] }[];
}

/** Does this container get Docker's DNS server (its own namespace, an endpoint on a dns network)? */
export const usesDns = (lab: Lab, container: string): boolean => {
  const c = lab.containers.find((x) => x.name === container);
  return (
    c !== undefined &&
    c.mode.kind === 'bridge' &&
    c.endpoints.some((e) => lab.networks.find((n) => n.name === e.network)?.dns)
  );
};

/**
 * What the container's DNS server knows, network by network in the order the container joined
 * them: Docker looks a name up in the asker's networks in that order and answers from the first
 * that has it (libnetwork sandbox.ResolveName).
 */
export function dnsZones(lab: Lab, container: Container): DnsZone[] {
  const dns = new Set(lab.networks.filter((n) => n.dns).map((n) => n.name));
  return container.endpoints
    .filter((e) => dns.has(e.network))
    .map((e) => {
      const names = new Map<string, string[]>();
      const add = (name: string, address: string) => {
        const list = names.get(name) ?? [];
        if (!list.includes(address)) list.push(address);
        names.set(name, list);
      };
      for (const other of lab.containers)
        for (const oe of other.endpoints.filter((x) => x.network === e.network)) {
          add(other.name, oe.address);
          for (const alias of oe.aliases) add(alias, oe.address);
        }
      return {
        network: e.network,
        names: [...names].map(([name, addresses]) => ({ name, addresses })),
      };
    });
}
