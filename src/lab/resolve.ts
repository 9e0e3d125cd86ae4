// Raw → resolved: fills defaults (gateway, addresses, interface names, hosts files) and checks
// what the schema cannot say (references, clashes, subnets). Collects every problem, then returns.
import {
  contains,
  formatSubnet,
  isUsableHost,
  lowestFree,
  offsetIn,
  overlaps,
  parseCidr,
  specialRangesIn,
  type Subnet,
} from '../net/ipv4.js';
import { pick, type Text } from '../i18n/index.js';
import { exposedPorts, linkEnv } from './links.js';
import { parsePort, type PortSpec } from './ports.js';
import type { SourceDoc } from './load.js';
import {
  containerIfname,
  hostAddress,
  hostIfname,
  IFNAMSIZ,
  LAN,
  RESERVED,
  SANDBOX_RANGES,
  SANDBOX_UPLINK,
  SINGLE_HOST,
} from './names.js';
import type { Problem } from './problems.js';
import { resolveChecks, type RawCheck } from './resolve-checks.js';
import { resolveExercises, type RawExercise } from './resolve-exercises.js';
import type {
  Container,
  DockerHost,
  Driver,
  Endpoint,
  HostsEntry,
  Lab,
  Network,
  NetworkMode,
  Server,
  Service,
} from './types.js';

type RawServe = { http?: number; tcp?: number; udp?: number }[];
interface RawLab {
  title: Text;
  description?: Text;
  hosts?: string[] | Record<string, { machine: string }>;
  networks: Record<
    string,
    {
      driver?: Driver;
      subnet: string;
      gateway?: string;
      nat?: boolean;
      dns?: boolean;
      isolated?: boolean;
      internal?: boolean;
      parent?: 'uplink';
      shim?: string;
      vni?: number;
    }
  >;
  containers: Record<
    string,
    {
      count?: number;
      host?: string;
      network_mode?: string;
      networks?: Record<string, { address?: string; veth?: string; aliases?: string[] } | null>;
      ports?: string[];
      links?: string[];
      serve?: RawServe;
    }
  >;
  services?: Record<string, { vip: string; port: number; target_port?: number; backends: string[] }>;
  outside?: { serve?: RawServe };
  daemon?: { 'userland-proxy'?: boolean };
  checks?: RawCheck[];
  exercises?: RawExercise[];
}

export type Report = (path: (string | number)[], message: string, key?: string) => void;

/** A lab's own entry by name: "constructor" must not find the one every object inherits. */
const own = <T>(record: Record<string, T>, name: string): T | undefined =>
  Object.hasOwn(record, name) ? record[name] : undefined;

const servers = (raw: RawServe | undefined): Server[] =>
  (raw ?? []).map((s) =>
    s.http !== undefined
      ? { kind: 'http', port: s.http }
      : s.udp !== undefined
        ? { kind: 'udp', port: s.udp }
        : { kind: 'tcp', port: s.tcp! },
  );

export function resolve(src: SourceDoc, labName: string): { lab: Lab; problems: Problem[] } {
  const problems: Problem[] = [];
  // A problem of a counted container (c17 of c × 250) is pointed at the entry that made it.
  const origin = new Map<string, string>();
  const report: Report = (path, message, key) => {
    const at =
      path[0] === 'containers' && typeof path[1] === 'string' && origin.has(path[1])
        ? ['containers', origin.get(path[1])!, ...path.slice(2)]
        : path;
    const k = path.length === 1 && path[0] === 'containers' && key && origin.has(key) ? origin.get(key) : key;
    problems.push({ ...src.at(at, k), message });
  };
  if (tooBig(src.data as RawLab, report)) return { lab: emptyLab(src, labName), problems };
  const raw = expandCounts(src.data as RawLab, origin, report);

  const hosts = resolveHosts(raw, report);
  const networks = resolveNetworks(raw, report);
  const containers = resolveContainers(raw, networks, hosts, report);
  for (const n of networks)
    n.hosts = hosts
      .map((h) => h.name)
      .filter(
        (h) =>
          hosts.length === 1 ||
          containers.some((c) => c.host === h && c.endpoints.some((e) => e.network === n.name)),
      );
  const services = resolveServices(raw, containers, networks, report);
  const lab: Lab = {
    name: labName,
    file: src.file,
    title: pick(raw.title),
    description: raw.description === undefined ? '' : pick(raw.description).trim(),
    daemon: { userlandProxy: raw.daemon?.['userland-proxy'] ?? true },
    hosts,
    remoteHosts: [],
    networks,
    containers,
    services,
    // macvlan/ipvlan children need the uplink's LAN, which is the outside's
    outside: {
      serve: servers(raw.outside?.serve),
      used: raw.outside !== undefined || networks.some((n) => onLan(n.driver)),
    },
    checks: [],
    exercises: [],
  };
  lab.checks = resolveChecks(raw.checks ?? [], lab, report);
  lab.exercises = resolveExercises(raw.exercises ?? [], lab, report);
  return { lab, problems };
}

/**
 * How big a lab may be: far past what a lesson needs (the catalogue has 3 networks and 4
 * containers at most, the bench builds 250 containers), but a small file with a few `count: 1000`
 * kept validate busy for minutes, as the work grows with their products. Docker hosts share the
 * LAN 198.51.100.0/24, which has room for 253 (.2 to .254).
 */
const SIZE = { hosts: 253, networks: 256, containers: 1000, interfaces: 4000 } as const;

/** Reports the first place the lab grows past SIZE; true when it does (then nothing else is resolved). */
function tooBig(raw: RawLab, report: Report): boolean {
  const hosts = Array.isArray(raw.hosts) ? raw.hosts.length : Object.keys(raw.hosts ?? {}).length;
  if (hosts > SIZE.hosts) {
    report(
      ['hosts'],
      `${hosts} Docker hosts: the LAN they share (198.51.100.0/24) has room for ` +
        `${SIZE.hosts} (.2 to .254)`,
    );
    return true;
  }
  const networks = Object.keys(raw.networks);
  if (networks.length > SIZE.networks) {
    const extra = networks[SIZE.networks]!;
    report(
      ['networks'],
      `network ${extra} is the lab's ${SIZE.networks + 1}th: a lab may have ` + `${SIZE.networks} at most`,
      extra,
    );
    return true;
  }
  let containers = 0;
  let interfaces = 0;
  for (const [name, c] of Object.entries(raw.containers)) {
    const copies = c.count ?? 1;
    containers += copies;
    interfaces += copies * Object.keys(c.networks ?? {}).length;
    // a counted container at its count, one written out at its name
    const [at, key] =
      c.count === undefined ? [['containers'], name] : [['containers', name, 'count'], undefined];
    if (containers > SIZE.containers)
      report(
        at,
        `the lab has ${containers} containers by here: a lab may have ${SIZE.containers} at most`,
        key,
      );
    else if (interfaces > SIZE.interfaces)
      report(
        at,
        `the containers join networks ${interfaces} times by here, each a veth pair or a ` +
          `macvlan/ipvlan child: a lab may have ${SIZE.interfaces} such interfaces at most`,
        key,
      );
    else continue;
    return true;
  }
  return false;
}

/** The Lab of a file whose problems are all that is known of it. */
const emptyLab = (src: SourceDoc, name: string): Lab => ({
  name,
  file: src.file,
  title: '',
  description: '',
  daemon: { userlandProxy: true },
  hosts: [],
  remoteHosts: [],
  networks: [],
  containers: [],
  services: [],
  outside: { serve: [], used: false },
  checks: [],
  exercises: [],
});

/** `c: { count: 3 }` is c1, c2, c3, like compose's replicas (each gets the lowest free address). */
function expandCounts(raw: RawLab, origin: Map<string, string>, report: Report): RawLab {
  const containers: RawLab['containers'] = {};
  for (const [name, c] of Object.entries(raw.containers)) {
    if (c.count === undefined) {
      containers[name] = c;
      continue;
    }
    const { count, ...template } = c;
    if (Object.values(c.networks ?? {}).some((ep) => ep?.address !== undefined || ep?.veth !== undefined)) {
      report(
        ['containers', name, 'count'],
        `container ${name} has count ${count}: leave its addresses and veth names out, each copy gets its own`,
      );
      template.networks = Object.fromEntries(Object.keys(c.networks ?? {}).map((n) => [n, {}])); // one problem, not one per copy
    }
    for (let i = 1; i <= count; i++) {
      const copy = `${name}${i}`;
      if (own(raw.containers, copy) || own(containers, copy))
        report(
          ['containers', name, 'count'],
          `count ${count} makes a container ${copy}, but that name is taken: rename one of them`,
        );
      containers[copy] = template;
      origin.set(copy, name);
    }
  }
  return { ...raw, containers };
}

function resolveHosts(raw: RawLab, report: Report): DockerHost[] {
  if (!raw.hosts) return [{ name: SINGLE_HOST, address: SANDBOX_UPLINK.host, machine: null }];
  // A list of names, or a map that also says which real machine plays each host.
  const entries: [string, string | null][] = Array.isArray(raw.hosts)
    ? raw.hosts.map((h) => [h, null])
    : Object.entries(raw.hosts).map(([h, v]) => [h, v.machine]);
  for (const [i, [h, machine]] of entries.entries()) {
    const at = Array.isArray(raw.hosts) ? ['hosts', i] : ['hosts', h];
    if (RESERVED.has(h)) report(at, `"${h}" is reserved: name the hosts like h1, h2`);
    if (own(raw.networks, h) || own(raw.containers, h))
      report(at, `"${h}" is already the name of a network or container: give the host its own name`);
    if (machine && entries.some(([, m], j) => j < i && m === machine))
      report(
        [...at, 'machine'],
        `${machine} is already the machine of another host: each host is a machine of its own`,
      );
    const unusable = machine && special(`machine ${machine}`, { network: machine, prefix: 32 });
    if (unusable)
      report(
        [...at, 'machine'],
        `${unusable}: give the machine's address on the network between ` +
          "the VMs (the Vagrantfile's are 192.168.56.11 and 192.168.56.12)",
      );
  }
  return entries.map(([name, machine], i) => ({ name, address: hostAddress(i), machine }));
}

/** Why a subnet or an address (a /32) cannot be a lab's, for one in a special range; else null. */
function special(what: string, s: Subnet): string | null {
  const hit = specialRangesIn(s);
  const [first] = hit;
  if (!first) return null;
  if (hit.length > 1)
    return (
      `${what} overlaps ${hit
        .slice(0, -1)
        .map((r) => r.name)
        .join(', ')} and ${hit.at(-1)!.name}, ` + 'ranges with meanings of their own'
    );
  const how =
    s.prefix === 32
      ? 'is in'
      : formatSubnet(s) === formatSubnet(first.subnet)
        ? 'is'
        : s.prefix > first.subnet.prefix
          ? 'lies in'
          : 'overlaps';
  return `${what} ${how} ${first.name}: ${first.why}`;
}
const PRIVATE =
  'use a private range instead, inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 ' +
  "(Docker's default is 172.17.0.0/16)";

/** macvlan and ipvlan children live on the uplink's LAN itself. */
const onLan = (driver: Driver) => driver === 'macvlan' || driver === 'ipvlan';

function resolveNetworks(raw: RawLab, report: Report): Network[] {
  const networks: Network[] = [];
  for (const [name, n] of Object.entries(raw.networks)) {
    const cidr = parseCidr(n.subnet)!;
    const subnet: Subnet = { network: cidr.network, prefix: cidr.prefix };
    if (cidr.address !== cidr.network)
      report(
        ['networks', name, 'subnet'],
        `subnet ${n.subnet} has host bits set: did you mean ${formatSubnet(subnet)}?`,
      );
    if (name.length > IFNAMSIZ)
      report(
        ['networks'],
        `network name "${name}" is also the bridge's interface name and is ${name.length} characters long: the kernel allows ${IFNAMSIZ}; shorten it`,
        name,
      );
    if (subnet.prefix > 30)
      report(
        ['networks', name, 'subnet'],
        `subnet ${n.subnet} is too small for a gateway and a container: use /30 or wider`,
      );
    const driver = n.driver ?? 'bridge';
    const at = ['networks', name];
    if (onLan(driver)) {
      if (n.parent === undefined)
        report(
          ['networks'],
          `a ${driver} network needs parent: uplink (the host's uplink, which nslab creates; never the machine's real eth0)`,
          name,
        );
      if (formatSubnet(subnet) !== formatSubnet(LAN))
        report(
          [...at, 'subnet'],
          `a ${driver} network shares the uplink's LAN, so its subnet is ${formatSubnet(LAN)} (the outside router is ${SANDBOX_UPLINK.outside}, the host ${SANDBOX_UPLINK.host})`,
        );
      if (n.nat)
        report(
          [...at, 'nat'],
          `${driver} containers are on the LAN itself: there is nothing to NAT; remove nat`,
        );
    } else {
      if (n.internal && n.nat)
        report(
          [...at, 'nat'],
          'an internal network sends nothing out, so it has no NAT: remove nat or internal',
        );
      if (n.internal && driver !== 'bridge')
        report([...at, 'internal'], 'internal is for bridge networks (docker network create --internal)');
      if (n.parent !== undefined)
        report([...at, 'parent'], 'only macvlan and ipvlan networks have a parent interface');
      if (n.shim !== undefined) report([...at, 'shim'], 'only a macvlan network has a shim');
    }
    if (driver === 'ipvlan' && n.shim !== undefined)
      report([...at, 'shim'], 'the shim here is for macvlan; ipvlan children share the parent’s MAC');
    if (driver === 'overlay' && n.vni === undefined)
      report(['networks'], 'an overlay network needs a vni (the VXLAN id, e.g. 42)', name);
    if (driver !== 'overlay' && n.vni !== undefined)
      report([...at, 'vni'], 'only an overlay network has a vni');
    if (driver === 'overlay' && name.length > IFNAMSIZ - 3)
      report(
        ['networks'],
        `overlay network name "${name}" also names its VXLAN device vx-${name}, over ${IFNAMSIZ} characters: shorten it`,
        name,
      );
    const unusable = special(`subnet ${formatSubnet(subnet)}`, subnet);
    if (unusable) report(['networks', name, 'subnet'], `${unusable}: ${PRIVATE}`);
    if (!onLan(driver))
      for (const reserved of SANDBOX_RANGES)
        if (overlaps(reserved.subnet, subnet))
          report(
            ['networks', name, 'subnet'],
            `subnet ${formatSubnet(subnet)} overlaps ${formatSubnet(reserved.subnet)}, which nslab uses for ${reserved.use}: pick another private range`,
          );
    for (const other of networks)
      if (overlaps(other.subnet, subnet))
        report(
          ['networks', name, 'subnet'],
          `subnet ${formatSubnet(subnet)} overlaps network ${other.name} (${formatSubnet(other.subnet)}): give each network its own range`,
        );
    let gateway =
      n.gateway ?? (onLan(driver) ? SANDBOX_UPLINK.outside : (lowestFree(subnet, new Set()) ?? cidr.network));
    if (n.gateway !== undefined && !isUsableHost(subnet, n.gateway)) {
      report(
        ['networks', name, 'gateway'],
        `gateway ${n.gateway} is not a usable address in ${formatSubnet(subnet)}: pick one inside the subnet (not its network or broadcast address)`,
      );
      gateway = n.gateway;
    }
    if (n.shim !== undefined && (!contains(subnet, n.shim) || n.shim === gateway))
      report([...at, 'shim'], `shim ${n.shim} must be a free address of ${formatSubnet(subnet)}`);
    networks.push({
      name,
      driver,
      subnet,
      gateway,
      vni: n.vni ?? null,
      shim: n.shim ?? null,
      hosts: [],
      nat: n.nat ?? false,
      dns: n.dns ?? false,
      isolated: n.isolated ?? false,
      internal: n.internal ?? false,
    });
  }
  return networks;
}

function modeOf(text: string | undefined): NetworkMode {
  if (text === undefined || text === 'bridge') return { kind: 'bridge' };
  if (text === 'none' || text === 'host') return { kind: text };
  return { kind: 'container', of: text.slice('container:'.length) };
}

function resolveContainers(
  raw: RawLab,
  networks: Network[],
  hosts: DockerHost[],
  report: Report,
): Container[] {
  const networkByName = new Map(networks.map((n) => [n.name, n]));
  // Addresses already given out, per network: the gateways first, as Docker's IPAM does; on the
  // LAN also the hosts and a shim.
  const taken = new Map<string, Map<string, string>>(
    networks.map((n) => [
      n.name,
      new Map([
        [n.gateway, `the gateway of ${n.name}`],
        ...(onLan(n.driver) ? hosts.map((h) => [h.address, `host ${h.name}`] as [string, string]) : []),
        ...(n.shim ? [[n.shim, `the shim of ${n.name}`] as [string, string]] : []),
      ]),
    ]),
  );
  const hostIfnames = new Map<string, string>(networks.map((n) => [n.name, `network ${n.name}`]));
  const containers: Container[] = [];

  for (const [name, c] of Object.entries(raw.containers)) {
    const at = ['containers', name];
    if (RESERVED.has(name))
      report(
        ['containers'],
        `"${name}" is reserved (it names the machine or the world outside it in checks and in the sandbox): rename the container`,
        name,
      );
    if (networkByName.has(name))
      report(
        ['containers'],
        `"${name}" is already the name of a network: give the container its own name`,
        name,
      );
    const mode = modeOf(c.network_mode);
    const multiHost = hosts.length > 1;
    if (multiHost && c.host === undefined)
      report(
        ['containers'],
        `container ${name} needs host: (one of ${hosts.map((h) => h.name).join(', ')})`,
        name,
      );
    if (!multiHost && c.host !== undefined)
      report([...at, 'host'], 'host: is for labs with several hosts (a top-level hosts: list)');
    if (multiHost && c.host !== undefined && !hosts.some((h) => h.name === c.host))
      report(
        [...at, 'host'],
        `"${c.host}" is not one of the lab's hosts (${hosts.map((h) => h.name).join(', ')})`,
      );
    const host = multiHost ? (c.host ?? hosts[0]!.name) : SINGLE_HOST;
    const joins = Object.entries(c.networks ?? {});
    if (mode.kind === 'bridge' && joins.length === 0)
      report(
        ['containers'],
        `container ${name} joins no network: add networks (or network_mode: none, host or container:NAME)`,
        name,
      );
    if (mode.kind !== 'bridge' && joins.length > 0)
      report(
        [...at, 'networks'],
        `container ${name} uses network_mode ${c.network_mode}, so it cannot also join networks (as in Docker): remove one of them`,
      );
    if (mode.kind !== 'bridge' && (c.ports ?? []).length > 0)
      report(
        [...at, 'ports'],
        `ports cannot be published with network_mode ${c.network_mode} (Docker ignores -p there too): remove them`,
      );
    if (mode.kind === 'container') {
      const of = own(raw.containers, mode.of);
      if (!of || mode.of === name)
        report(
          [...at, 'network_mode'],
          `network_mode container:${mode.of} names no other container of this lab`,
        );
      else if (of.network_mode?.startsWith('container:'))
        report(
          [...at, 'network_mode'],
          `container ${mode.of} itself shares another container's namespace: point at the container that owns it`,
        );
    }

    const endpoints: Endpoint[] = [];
    for (const [index, [netName, ep]] of joins.entries()) {
      const path = [...at, 'networks'];
      const net = networkByName.get(netName);
      if (!net) {
        report(
          path,
          `container ${name} joins network "${netName}", which is not defined: networks are ${[...networkByName.keys()].join(', ')}`,
          netName,
        );
        continue;
      }
      const kind = net.driver === 'macvlan' || net.driver === 'ipvlan' ? net.driver : 'veth';
      // a macvlan/ipvlan child is created on the host under a temporary name, then moved in as ethN
      const veth =
        ep?.veth ??
        (kind === 'veth' ? hostIfname(name, index) : `${kind === 'macvlan' ? 'mv' : 'iv'}-${name}`);
      const vethAt = ep?.veth ? [...path, netName, 'veth'] : ['containers'];
      if (veth.length > IFNAMSIZ)
        report(
          vethAt,
          `the host-side veth name "${veth}" is ${veth.length} characters long: the kernel allows ${IFNAMSIZ}; shorten the container name or set networks.${netName}.veth`,
          ep?.veth ? undefined : name,
        );
      const vethOwner = hostIfnames.get(veth);
      if (vethOwner)
        report(
          vethAt,
          `interface name "${veth}" is already used by ${vethOwner}: set a different networks.${netName}.veth`,
          ep?.veth ? undefined : name,
        );
      hostIfnames.set(veth, `container ${name}`);

      const used = taken.get(netName)!;
      const address = ep?.address;
      if (address !== undefined) {
        const addrPath = [...path, netName, 'address'];
        if (!contains(net.subnet, address))
          report(
            addrPath,
            `address ${address} is outside network ${netName} (${formatSubnet(net.subnet)}): pick one inside it`,
          );
        else if (!isUsableHost(net.subnet, address))
          report(
            addrPath,
            `address ${address} is the network or broadcast address of ${formatSubnet(net.subnet)}: pick a host address`,
          );
        else if (used.has(address))
          report(
            addrPath,
            `address ${address} is already taken by ${used.get(address)}: every endpoint needs its own address`,
          );
        used.set(address, `container ${name}`);
      }
      const aliases = ep?.aliases ?? [];
      // Docker refuses --network-alias on the default bridge: aliases are names of its DNS server.
      if (aliases.length > 0 && !net.dns)
        report(
          [...path, netName, 'aliases'],
          `aliases are names the embedded DNS server answers, which only user-defined networks have: ` +
            `set dns: true on network ${netName}, or remove the aliases`,
        );
      for (const [i, alias] of aliases.entries())
        if (aliases.indexOf(alias) < i)
          report([...path, netName, 'aliases', i], `alias ${alias} is listed twice: once is enough`);
      endpoints.push({
        kind,
        container: name,
        host,
        network: netName,
        mtu: net.driver === 'overlay' ? 1450 : null,
        ifname: containerIfname(index),
        hostIfname: veth,
        address: address ?? '',
        prefix: net.subnet.prefix,
        defaultRoute: index === 0 && net.driver !== 'overlay',
        aliases: [...new Set(aliases)],
      });
    }
    containers.push({ name, host, mode, endpoints, ports: [], serve: servers(c.serve), hosts: [], env: {} });
  }

  // Addresses left out get the lowest free one, once every explicit address is known. Below the
  // last one handed out on a network all are taken: the search goes on from there.
  const handedOut = new Map<string, number>();
  for (const ep of containers.flatMap((c) => c.endpoints)) {
    if (ep.address !== '') continue;
    const net = networkByName.get(ep.network)!;
    const used = taken.get(ep.network)!;
    // the map itself: a copy of it for each container was quadratic
    const free = lowestFree(net.subnet, used, handedOut.get(ep.network));
    if (free) handedOut.set(ep.network, offsetIn(net.subnet, free) + 1);
    if (free === null)
      report(
        ['containers', ep.container, 'networks'],
        `network ${ep.network} (${formatSubnet(net.subnet)}) has no free address left for ${ep.container}: widen the subnet`,
        ep.network,
      );
    ep.address = free ?? '';
    if (free) used.set(free, `container ${ep.container}`);
  }

  resolvePorts(raw, containers, report);
  resolveHostsFiles(raw, containers, report);
  checkServerPorts(containers, report);
  return containers;
}

function resolvePorts(raw: RawLab, containers: Container[], report: Report): void {
  const published: { spec: PortSpec; owner: string }[] = [];
  for (const c of containers) {
    for (const [i, text] of (raw.containers[c.name]!.ports ?? []).entries()) {
      const specs = parsePort(text);
      const at = ['containers', c.name, 'ports', i];
      if ('error' in specs) {
        report(at, specs.error);
        continue;
      }
      for (const spec of specs) {
        // one host port per protocol and address; an unbound one (0.0.0.0) takes every address
        const taken = published.find(
          (o) =>
            o.spec.proto === spec.proto &&
            o.spec.hostPort === spec.hostPort &&
            (!o.spec.hostIp || !spec.hostIp || o.spec.hostIp === spec.hostIp),
        );
        if (taken) {
          report(
            at,
            `host port ${spec.hostPort}${spec.proto === 'udp' ? '/udp' : ''} is already published by ${taken.owner}: each host port goes to one container`,
          );
          break;
        }
        published.push({ spec, owner: `container ${c.name}` });
        const ep = c.endpoints[0];
        if (ep) c.ports.push({ ...spec, address: ep.address, network: ep.network });
      }
    }
  }
}

/**
 * Docker gives every container an /etc/hosts: itself, plus names on user networks and --link; a
 * --link also sets variables in the environment of the container that links.
 */
function resolveHostsFiles(raw: RawLab, containers: Container[], report: Report): void {
  const byName = new Map(containers.map((c) => [c.name, c]));
  for (const c of containers) {
    if (c.mode.kind !== 'bridge' && c.mode.kind !== 'none') continue; // they use their owner's files
    const entries: HostsEntry[] = [{ address: '127.0.0.1', names: ['localhost'] }];
    const byAddress = new Map(entries.map((e) => [e.address, e]));
    const add = (address: string, ...names: string[]) => {
      const found = byAddress.get(address);
      if (found) found.names.push(...names.filter((n) => !found.names.includes(n)));
      else {
        const entry = { address, names: [...names] };
        entries.push(entry);
        byAddress.set(address, entry);
      }
    };
    // On user-defined networks (dns: true) the other containers are not in the file: Docker's
    // embedded DNS server answers their names (plan/dns.ts).
    for (const ep of c.endpoints) add(ep.address, c.name);
    for (const [i, link] of (raw.containers[c.name]!.links ?? []).entries()) {
      const [target, alias] = link.split(':') as [string, string | undefined];
      const other = byName.get(target);
      const shared = other?.endpoints.find((oep) => c.endpoints.some((ep) => ep.network === oep.network));
      if (!other || other === c)
        report(
          ['containers', c.name, 'links', i],
          `--link ${link}: "${target}" is not another container of this lab`,
        );
      else if (!shared)
        report(
          ['containers', c.name, 'links', i],
          `--link ${link}: ${target} shares no network with ${c.name}, so its address would not be reachable: put them on one network`,
        );
      else {
        add(shared.address, ...(alias ? [alias, target] : [target]));
        for (const [k, v] of linkEnv(c.name, alias ?? target, shared.address, exposedPorts(other)))
          c.env[k] = v;
      }
    }
    c.hosts = entries;
  }
}

/** Two servers cannot listen on one port in the same namespace (the checks show that on purpose). */
function checkServerPorts(containers: Container[], report: Report): void {
  const owner = (c: Container) =>
    c.mode.kind === 'container' ? c.mode.of : c.mode.kind === 'host' ? 'host' : c.name;
  const seen = new Map<string, string>();
  for (const c of containers)
    for (const [i, s] of c.serve.entries()) {
      // tcp and udp ports are separate: a DNS server listens on both 53s
      const key = `${owner(c)}:${s.port}/${s.kind === 'udp' ? 'udp' : 'tcp'}`;
      if (seen.has(key))
        report(
          ['containers', c.name, 'serve', i],
          `${s.kind === 'udp' ? 'udp ' : ''}port ${s.port} is already served by ${seen.get(key)} in the same network namespace: a second server would fail to bind (show that with a listen check instead)`,
        );
      seen.set(key, `container ${c.name}`);
    }
}

function resolveServices(
  raw: RawLab,
  containers: Container[],
  networks: Network[],
  report: Report,
): Service[] {
  return Object.entries(raw.services ?? {}).map(([name, s]) => {
    const at = ['services', name];
    const unusable = special(`vip ${s.vip}`, { network: s.vip, prefix: 32 });
    const inLab =
      networks.some((n) => contains(n.subnet, s.vip)) ||
      SANDBOX_RANGES.some((r) => contains(r.subnet, s.vip));
    if (unusable)
      report(
        [...at, 'vip'],
        `${unusable}: a virtual IP is still an address packets are sent to; ` +
          'pick an unused private one (Kubernetes uses a separate service range such as 10.96.0.0/12)',
      );
    else if (inLab)
      report(
        [...at, 'vip'],
        `vip ${s.vip} lies inside a network of the lab or nslab's own ranges: a virtual IP belongs to no subnet (Kubernetes uses a separate service range such as 10.96.0.0/12)`,
      );
    const backends = s.backends.flatMap((b, i) => {
      const c = containers.find((k) => k.name === b);
      if (!c || !c.endpoints[0]) {
        report([...at, 'backends', i], `backend "${b}" is not a container of this lab with an address`);
        return [];
      }
      return [{ container: b, address: c.endpoints[0].address }];
    });
    return { name, vip: s.vip, port: s.port, targetPort: s.target_port ?? s.port, backends };
  });
}
