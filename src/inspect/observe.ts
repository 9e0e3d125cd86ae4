// Reads one Docker-style network from the kernel, the same way for both sides of `compare`:
// a Docker host's namespace (a sandbox's, or the machine's own for Docker) with its bridges,
// and the containers' namespaces (nslab's, or Docker's attached under a name).
import { readFile } from 'node:fs/promises';
import { inNs, ipIn } from '../plan/command.js';
import { run } from '../run/exec.js';

/** Where one side lives: everything is addressed by namespace name (null: the machine's own). */
export interface SideLayout {
  hostNs: string | null;
  /** lab network name → the bridge device on this side */
  bridges: Record<string, string>;
  /** lab container name → its namespace (null: the Docker host's own, network_mode host) and files */
  containers: Record<string, { netns: string | null; hostsFile: string | null; resolvFile: string | null }>;
}

export interface LinkState {
  name: string;
  kind: string;
  mtu: number;
  qlen: number;
  state: string;
  /** set UP by an administrator (`ip link set … up`), whatever the carrier says */
  adminUp: boolean;
  /** the kernel sees a carrier (no NO-CARRIER flag): for a veth, its peer is up too */
  carrier?: boolean;
  /** a VXLAN device's settings, as `ip -d link` shows them */
  vxlan?: VxlanInfo;
  /** macvlan/ipvlan: the parent interface it hangs off */
  parent?: string;
  /** macvlan/ipvlan: bridge, private, l2, … */
  mode?: string;
  mac: string;
  /** the bridge it is plugged into */
  master: string | null;
  /** a bridge port: may a frame leave by the port it came in by (hairpin mode) */
  hairpin?: boolean;
  addresses: string[];
}

interface VxlanInfo {
  vni: number;
  /** where frames with no fdb entry go: a unicast `remote` or a multicast `group` (null: only the fdb) */
  remote: string | null;
  group: string | null;
  local: string | null;
  dstport: number;
  /** the interface its UDP packets leave by */
  dev: string | null;
  /** where unknown and broadcast frames go: the dst of its fdb's 00:00:00:00:00:00 entries */
  floodTo?: string[];
}

interface BridgeState extends LinkState {
  stp: number | null;
  forwardDelay: number | null;
}

interface EndpointState {
  container: string;
  inside: LinkState;
  /** the veth's other end, found in the Docker host's namespace by its interface index */
  hostSide: LinkState | null;
  disableIpv6: string | null;
}

export interface ContainerState {
  /** network_mode host: it has the Docker host's namespace, so no endpoint of its own */
  sharesHost: boolean;
  lo: LinkState | null;
  endpoints: EndpointState[];
  routes: string[];
  hosts: string[] | null;
  resolv: string[] | null;
  /** its own namespace's nat rules, `CHAIN RULE` (the embedded DNS server's DNAT is there) */
  nat?: string[];
  /** the embedded-DNS plumbing in its namespace: nat rules about 127.0.0.11, sockets bound there */
  dns?: { rules: string[]; listening: string[] };
}

/** A userland proxy listening in the Docker host's namespace (Docker's docker-proxy or nslab's). */
interface ProxyListener {
  /** ADDRESS:PORT/proto */
  listen: string;
  program: string;
  /** where it forwards to, when its command line says (docker-proxy -container-ip …) */
  target: string | null;
}

export interface RuleLine {
  table: string;
  chain: string;
  rule: string;
}

export interface ObservedNetwork {
  bridges: Record<string, BridgeState | null>;
  /** every link of the Docker host's namespace (VXLAN devices, macvlan shims, …) */
  hostLinks: LinkState[];
  containers: Record<string, ContainerState>;
  sysctls: { ipForward: string | null; bridgeNfCallIptables: string | null };
  /** chain policies of the filter table, e.g. FORWARD → DROP */
  policies: Record<string, string>;
  rules: RuleLine[];
  proxies?: ProxyListener[];
}

interface IpLink {
  ifindex: number;
  ifname: string;
  link_index?: number;
  /** the parent's name (macvlan/ipvlan/vxlan dev), when it is in the same namespace */
  link?: string;
  mtu: number;
  txqlen?: number;
  operstate: string;
  address?: string;
  flags?: string[];
  master?: string;
  linkinfo?: {
    info_kind?: string;
    info_data?: {
      stp_state?: number;
      forward_delay?: number;
      mode?: string;
      // vxlan
      id?: number;
      remote?: string;
      group?: string;
      local?: string;
      link?: string;
      port?: number;
    };
    info_slave_data?: { hairpin?: boolean };
  };
  addr_info?: { family: string; local: string; prefixlen: number }[];
}

async function links(netns: string | null): Promise<IpLink[]> {
  const r = await run(ipIn(netns, '-d', '-j', 'addr', 'show'));
  return r.exitCode === 0 && r.stdout ? (JSON.parse(r.stdout) as IpLink[]) : [];
}

const vxlanOf = (d: NonNullable<NonNullable<IpLink['linkinfo']>['info_data']>): VxlanInfo => ({
  vni: d.id ?? 0,
  remote: d.remote ?? null,
  group: d.group ?? null,
  local: d.local ?? null,
  // ip shows the port the device sends to as `port`; Linux's default is 8472, not 4789
  dstport: d.port ?? 8472,
  dev: d.link ?? null,
});

const linkState = (l: IpLink): LinkState => ({
  name: l.ifname,
  kind: l.linkinfo?.info_kind ?? (l.ifname === 'lo' ? 'loopback' : ''),
  mtu: l.mtu,
  qlen: l.txqlen ?? 0, // ip leaves txqlen out when it is 0
  state: l.operstate,
  adminUp: (l.flags ?? []).includes('UP'),
  carrier: !(l.flags ?? []).includes('NO-CARRIER'),
  ...(l.linkinfo?.info_kind === 'vxlan' ? { vxlan: vxlanOf(l.linkinfo.info_data ?? {}) } : {}),
  ...(/^(macvlan|ipvlan)$/.test(l.linkinfo?.info_kind ?? '') && l.link ? { parent: l.link } : {}),
  ...(l.linkinfo?.info_data?.mode ? { mode: l.linkinfo.info_data.mode } : {}),
  mac: l.address ?? '',
  master: l.master ?? null,
  ...(l.linkinfo?.info_slave_data?.hairpin !== undefined
    ? { hairpin: l.linkinfo.info_slave_data.hairpin }
    : {}),
  addresses: (l.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`),
});

/** A VXLAN device's head-end replication list: the hosts its all-zero fdb entries send floods to. */
async function floods(netns: string | null, dev: string): Promise<string[]> {
  const r = await run(inNs(netns, 'bridge', '-j', 'fdb', 'show', 'dev', dev));
  if (r.exitCode !== 0 || !r.stdout.trim()) return [];
  return (JSON.parse(r.stdout) as { mac: string; dst?: string }[]).flatMap((e) =>
    e.mac === '00:00:00:00:00:00' && e.dst ? [e.dst] : [],
  );
}

/** A file of /proc/sys/net as the namespace sees it (it depends on the reader's namespace). */
async function sysctl(netns: string | null, path: string): Promise<string | null> {
  const r = await run(inNs(netns, 'cat', `/proc/sys/net/${path}`));
  return r.exitCode === 0 ? r.stdout.trim() : null;
}

async function lines(file: string | null): Promise<string[] | null> {
  if (!file) return null;
  try {
    return (await readFile(file, 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  } catch {
    return null;
  }
}

/** Every `-A` line of the nat and filter tables, and the filter table's policies. */
async function iptables(
  netns: string | null,
  tables = ['nat', 'filter'],
): Promise<{ rules: RuleLine[]; policies: Record<string, string> }> {
  const rules: RuleLine[] = [];
  const policies: Record<string, string> = {};
  for (const table of tables) {
    const r = await run(inNs(netns, 'iptables-save', '-t', table));
    for (const line of r.exitCode === 0 ? r.stdout.split('\n') : []) {
      const policy = /^:(\S+) (ACCEPT|DROP)/.exec(line);
      if (policy && table === 'filter') policies[policy[1]!] = policy[2]!;
      const rule = /^-A (\S+) (.*)$/.exec(line);
      if (rule) rules.push({ table, chain: rule[1]!, rule: rule[2]! });
    }
  }
  return { rules, policies };
}

/** `ss -H -lntup` lines: proto, state, queues, local address, peer, process. */
export function parseListeners(text: string): { proto: string; local: string; pids: number[] }[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5 && (f[0] === 'tcp' || f[0] === 'udp'))
    .map((f) => ({
      proto: f[0]!,
      local: f[4]!,
      pids: [
        ...(f
          .slice(6)
          .join(' ')
          .matchAll(/pid=(\d+)/g) ?? []),
      ].map((m) => Number(m[1])),
    }));
}

/** The proxies among the listening sockets: a docker-proxy binary, or nslab's docker-proxy.js. */
async function proxies(netns: string | null): Promise<ProxyListener[]> {
  const r = await run(inNs(netns, 'ss', '-H', '-lntup'));
  const out: ProxyListener[] = [];
  for (const l of r.exitCode === 0 ? parseListeners(r.stdout) : []) {
    for (const pid of l.pids) {
      let argv: string[];
      try {
        argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      } catch {
        continue;
      }
      const program = argv.find((a) => /(^|\/)docker-proxy(\.js)?$/.test(a));
      if (!program) continue;
      const arg = (name: string) => argv[argv.indexOf(name) + 1];
      const target = argv.includes('-container-ip')
        ? `${arg('-container-ip')}:${arg('-container-port')}`
        : null;
      out.push({ listen: `${l.local}/${l.proto}`, program: program.split('/').at(-1)!, target });
      break;
    }
  }
  return out;
}

/** What makes 127.0.0.11 answer in a container: its nat rules about it, sockets bound to it. */
async function embeddedDns(netns: string | null): Promise<NonNullable<ContainerState['dns']>> {
  const [nat, ss] = await Promise.all([
    run(inNs(netns, 'iptables-save', '-t', 'nat')),
    run(inNs(netns, 'ss', '-H', '-lntu')),
  ]);
  return {
    rules: (nat.exitCode === 0 ? nat.stdout.split('\n') : []).filter(
      (l) => l.startsWith('-A ') && l.includes('127.0.0.11'),
    ),
    listening: (ss.exitCode === 0 ? parseListeners(ss.stdout) : [])
      .filter((l) => l.local.startsWith('127.0.0.11:'))
      .map((l) => `${l.local}/${l.proto}`),
  };
}

/**
 * observe(), once the kernel's link watcher has caught up: right after a build a bridge may
 * still say UNKNOWN for up to a second before UP (operstate changes are applied in batches).
 */
export async function observeSettled(side: SideLayout, tries = 6): Promise<ObservedNetwork> {
  for (let i = 1; ; i++) {
    const seen = await observe(side);
    if (i >= tries || !Object.values(seen.bridges).some((b) => b?.state === 'UNKNOWN')) return seen;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function observe(side: SideLayout): Promise<ObservedNetwork> {
  const hostLinks = await links(side.hostNs);
  const byName = new Map(hostLinks.map((l) => [l.ifname, l]));
  const byIndex = new Map(hostLinks.map((l) => [l.ifindex, l]));
  const bridges: ObservedNetwork['bridges'] = {};
  for (const [net, dev] of Object.entries(side.bridges)) {
    const l = byName.get(dev);
    const data = l?.linkinfo?.info_data;
    bridges[net] = l
      ? { ...linkState(l), stp: data?.stp_state ?? null, forwardDelay: data?.forward_delay ?? null }
      : null;
  }
  const containers: ObservedNetwork['containers'] = {};
  await Promise.all(
    Object.entries(side.containers).map(async ([name, c]) => {
      const own = c.netns === side.hostNs ? hostLinks : await links(c.netns);
      const endpoints = await Promise.all(
        own
          .filter((l) => l.ifname !== 'lo' && c.netns !== side.hostNs)
          .map(async (l) => ({
            container: name,
            inside: linkState(l),
            hostSide:
              l.link_index !== undefined && byIndex.get(l.link_index)?.link_index === l.ifindex
                ? linkState(byIndex.get(l.link_index)!)
                : null,
            disableIpv6: await sysctl(c.netns, `ipv6/conf/${l.ifname}/disable_ipv6`),
          })),
      );
      const routes = await run(ipIn(c.netns, '-4', 'route', 'show'));
      const lo = own.find((l) => l.ifname === 'lo');
      containers[name] = {
        sharesHost: c.netns === side.hostNs,
        lo: lo ? linkState(lo) : null,
        endpoints,
        routes:
          routes.exitCode === 0
            ? routes.stdout
                .split('\n')
                .map((r) => r.trim())
                .filter(Boolean)
            : [],
        hosts: await lines(c.hostsFile),
        resolv: await lines(c.resolvFile),
        ...(c.netns !== side.hostNs
          ? { nat: (await iptables(c.netns, ['nat'])).rules.map((r) => `${r.chain} ${r.rule}`) }
          : {}),
        dns: c.netns === side.hostNs ? { rules: [], listening: [] } : await embeddedDns(c.netns),
      };
    }),
  );
  const [ipForward, bridgeNfCallIptables, tables, proxiesHere] = await Promise.all([
    sysctl(side.hostNs, 'ipv4/ip_forward'),
    sysctl(side.hostNs, 'bridge/bridge-nf-call-iptables'),
    iptables(side.hostNs),
    proxies(side.hostNs),
  ]);
  const hostStates = await Promise.all(
    hostLinks.map(async (l) => {
      const state = linkState(l);
      return state.vxlan
        ? { ...state, vxlan: { ...state.vxlan, floodTo: await floods(side.hostNs, l.ifname) } }
        : state;
    }),
  );
  return {
    bridges,
    hostLinks: hostStates,
    containers,
    sysctls: { ipForward, bridgeNfCallIptables },
    ...tables,
    proxies: proxiesHere,
  };
}
