// Raw → resolved: fills defaults (gateway, addresses, interface names) and checks what the
// schema cannot say (references, clashes, subnets). Collects every problem, then throws once.
import { contains, formatSubnet, isIPv4, isUsableHost, lowestFree, overlaps, parseCidr, type Subnet } from '../net/ipv4.js';
import type { SourceDoc } from './load.js';
import { containerIfname, hostIfname, IFNAMSIZ, RESERVED, SANDBOX_RANGES } from './names.js';
import type { Problem } from './problems.js';
import type { Check, Container, Endpoint, Lab, Network } from './types.js';

interface RawEndpoint { address?: string; veth?: string }
interface RawLab {
  title: string;
  description?: string;
  networks: Record<string, { driver?: 'bridge'; subnet: string; gateway?: string }>;
  containers: Record<string, { networks: Record<string, RawEndpoint | null> }>;
  checks?: { name?: string; ping: { from: string; to: string }; expect?: 'reach' | 'fail'; why?: string }[];
}

export function resolve(src: SourceDoc, labName: string): { lab: Lab; problems: Problem[] } {
  const raw = src.data as RawLab;
  const problems: Problem[] = [];
  const report = (path: (string | number)[], message: string, key?: string) =>
    problems.push({ ...src.at(path, key), message });

  // Networks: subnet must be a network address, no two may overlap, gateway inside.
  const networks: Network[] = [];
  for (const [name, n] of Object.entries(raw.networks)) {
    const cidr = parseCidr(n.subnet)!;
    const subnet: Subnet = { network: cidr.network, prefix: cidr.prefix };
    if (cidr.address !== cidr.network)
      report(['networks', name, 'subnet'], `subnet ${n.subnet} has host bits set: did you mean ${formatSubnet(subnet)}?`);
    if (name.length > IFNAMSIZ)
      report(['networks'], `network name "${name}" is also the bridge's interface name and is ${name.length} characters long: the kernel allows ${IFNAMSIZ}; shorten it`, name);
    if (subnet.prefix > 30)
      report(['networks', name, 'subnet'], `subnet ${n.subnet} is too small for a gateway and a container: use /30 or wider`);
    for (const reserved of SANDBOX_RANGES)
      if (overlaps(reserved.subnet, subnet))
        report(['networks', name, 'subnet'], `subnet ${formatSubnet(subnet)} overlaps ${formatSubnet(reserved.subnet)}, which the sandbox uses for ${reserved.use}: pick another private range`);
    for (const other of networks)
      if (overlaps(other.subnet, subnet))
        report(['networks', name, 'subnet'], `subnet ${formatSubnet(subnet)} overlaps network ${other.name} (${formatSubnet(other.subnet)}): give each network its own range`);
    let gateway = n.gateway ?? lowestFree(subnet, new Set()) ?? cidr.network;
    if (n.gateway !== undefined && !isUsableHost(subnet, n.gateway)) {
      report(['networks', name, 'gateway'], `gateway ${n.gateway} is not a usable address in ${formatSubnet(subnet)}: pick one inside the subnet (not its network or broadcast address)`);
      gateway = n.gateway;
    }
    networks.push({ name, driver: n.driver ?? 'bridge', subnet, gateway });
  }
  const networkByName = new Map(networks.map((n) => [n.name, n]));

  // Addresses already given out, per network: the gateways first, as Docker's IPAM does.
  const taken = new Map<string, Map<string, string>>(networks.map((n) => [n.name, new Map([[n.gateway, `the gateway of ${n.name}`]])]));
  const hostIfnames = new Map<string, string>();
  for (const n of networks) hostIfnames.set(n.name, `network ${n.name}`);

  const containers: Container[] = [];
  for (const [name, c] of Object.entries(raw.containers)) {
    if (RESERVED.has(name))
      report(['containers'], `"${name}" is reserved (it names the machine or the world outside it in checks and in the sandbox): rename the container`, name);
    if (networkByName.has(name))
      report(['containers'], `"${name}" is already the name of a network: give the container its own name`, name);
    const endpoints: Endpoint[] = [];
    for (const [index, [netName, ep]] of Object.entries(c.networks).entries()) {
      const path = ['containers', name, 'networks'];
      const net = networkByName.get(netName);
      if (!net) {
        report(path, `container ${name} joins network "${netName}", which is not defined: networks are ${[...networkByName.keys()].join(', ')}`, netName);
        continue;
      }
      const veth = ep?.veth ?? hostIfname(name, index);
      if (veth.length > IFNAMSIZ)
        report(ep?.veth ? [...path, netName, 'veth'] : ['containers'], `the host-side veth name "${veth}" is ${veth.length} characters long: the kernel allows ${IFNAMSIZ}; shorten the container name or set networks.${netName}.veth`, ep?.veth ? undefined : name);
      const vethOwner = hostIfnames.get(veth);
      if (vethOwner) report(ep?.veth ? [...path, netName, 'veth'] : ['containers'], `interface name "${veth}" is already used by ${vethOwner}: set a different networks.${netName}.veth`, ep?.veth ? undefined : name);
      hostIfnames.set(veth, `container ${name}`);

      const used = taken.get(netName)!;
      let address = ep?.address;
      if (address !== undefined) {
        const addrPath = [...path, netName, 'address'];
        if (!contains(net.subnet, address))
          report(addrPath, `address ${address} is outside network ${netName} (${formatSubnet(net.subnet)}): pick one inside it`);
        else if (!isUsableHost(net.subnet, address))
          report(addrPath, `address ${address} is the network or broadcast address of ${formatSubnet(net.subnet)}: pick a host address`);
        else if (used.has(address))
          report(addrPath, `address ${address} is already taken by ${used.get(address)}: every endpoint needs its own address`);
      }
      endpoints.push({ container: name, network: netName, ifname: containerIfname(index), hostIfname: veth, address: address ?? '', prefix: net.subnet.prefix, defaultRoute: index === 0 });
      if (address !== undefined) used.set(address, `container ${name}`);
    }
    containers.push({ name, endpoints });
  }
  // Addresses left out are given the lowest free one, after every explicit address is known.
  for (const ep of containers.flatMap((c) => c.endpoints)) {
    if (ep.address !== '') continue;
    const net = networkByName.get(ep.network)!;
    const used = taken.get(ep.network)!;
    const free = lowestFree(net.subnet, new Set(used.keys()));
    if (free === null) report(['containers', ep.container, 'networks'], `network ${ep.network} (${formatSubnet(net.subnet)}) has no free address left for ${ep.container}: widen the subnet`, ep.network);
    ep.address = free ?? '';
    if (free) used.set(free, `container ${ep.container}`);
  }

  const checks: Check[] = (raw.checks ?? []).map((c, i) => {
    const path = ['checks', i, 'ping'];
    const { from, to } = c.ping;
    if (from !== 'host' && !containers.some((k) => k.name === from))
      report([...path, 'from'], `"${from}" is neither a container of this lab nor "host": checks run from one of ${['host', ...containers.map((k) => k.name)].join(', ')}`);
    const address = addressOf(to, containers, networks);
    if (address === null)
      report([...path, 'to'], isIPv4(to)
        ? `${to} is on none of this lab's networks: nslab only sends packets to addresses inside the lab (${networks.map((n) => formatSubnet(n.subnet)).join(', ')})`
        : `"${to}" is not a container, a network or an address of this lab`);
    const expect = c.expect ?? 'reach';
    const name = c.name ?? `${from} ${expect === 'reach' ? '→' : '↛'} ${to}${address && address !== to ? ` (${address})` : ''}`;
    return { kind: 'ping', name, from, to, address: address ?? '', expect, ...(c.why ? { why: c.why } : {}) };
  });

  const lab: Lab = { name: labName, file: src.file, title: raw.title, description: raw.description?.trim() ?? '', networks, containers, checks };
  return { lab, problems };
}

/** A check's target: a container (its first address), a network (its gateway) or an address on a lab network. */
function addressOf(to: string, containers: Container[], networks: Network[]): string | null {
  const container = containers.find((c) => c.name === to);
  if (container) return container.endpoints[0]?.address || null;
  const network = networks.find((n) => n.name === to);
  if (network) return network.gateway;
  if (isIPv4(to) && networks.some((n) => contains(n.subnet, to))) return to;
  return null;
}
