// What a diagram draws, in the learner's words: Docker hosts with their bridges, each bridge's
// ports (veth host end ⇄ eth0 in a container), containers without a cable of their own, and the
// NAT / port / isolation rules. Built from the lab file (what should be) or from the kernel
// (what is, --live), so both draw the same way.
import type { ObservedNetwork } from '../inspect/observe.js';
import type { Lab } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import type { Plan } from '../plan/types.js';

export interface Port {
  /** the veth's host end (null for macvlan/ipvlan children, which have none) */
  hostEnd: string | null;
  container: string;
  inside: string;
  address: string | null;
  kind: string;
  /** anything but UP, as the kernel says it (live only) */
  down?: string[];
}

interface Segment {
  /** a bridge, or the parent interface of macvlan/ipvlan children */
  name: string;
  kind: string;
  address: string | null;
  ports: Port[];
  down?: boolean;
}

/** A process of the Docker host that forwards to a container: Docker's userland proxy. */
interface HostProcess {
  program: string;
  /** what it listens on: `tcp 0.0.0.0:8080` */
  listens: string;
  container: string;
  /** the container's interface it connects to, and its address and port */
  inside: string;
  target: string;
}

export interface HostView {
  name: string;
  ns: string | null;
  uplink: string | null;
  segments: Segment[];
  /** veths whose host end is on no bridge (live: a learner unplugged it) */
  unplugged: Port[];
  /** containers with no interface of their own: network none, host, container:X */
  others: { container: string; mode: string }[];
  rules: string[];
  /** docker-proxy processes (userland-proxy on) */
  processes: HostProcess[];
}

/** A VXLAN between two hosts' bridges of one overlay network. */
interface Tunnel {
  network: string;
  from: string;
  to: string;
  label: string;
}

export interface Topology {
  lab: string;
  title: string;
  source: 'lab file' | 'kernel';
  hosts: HostView[];
  outside: string | null;
  tunnels: Tunnel[];
}

const modeText = (mode: Lab['containers'][number]['mode']) =>
  mode.kind === 'none'
    ? 'network none: only lo'
    : mode.kind === 'host'
      ? 'network host: the host’s own namespace'
      : mode.kind === 'container'
        ? `network container:${mode.of}: ${mode.of}’s namespace`
        : '';

function labRules(lab: Lab, host: string): string[] {
  return [
    ...lab.networks
      .filter((n) => n.nat && n.hosts.includes(host))
      .map((n) => `MASQUERADE ${formatSubnet(n.subnet)} leaving by anything but ${n.name}`),
    ...lab.containers
      .filter((c) => c.host === host)
      .flatMap((c) =>
        c.ports.map(
          (p) =>
            `DNAT host ${p.proto === 'udp' ? 'udp ' : ''}port ${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort} → ${p.address}:${p.containerPort} (${c.name})`,
        ),
      ),
    ...lab.networks
      .filter((n) => n.isolated && n.hosts.includes(host))
      .map((n) => `isolation: nothing forwarded between ${n.name} and the other bridges`),
    ...lab.networks
      .filter((n) => n.internal && n.hosts.includes(host))
      .map((n) => `internal: nothing forwarded into or out of ${n.name} (${formatSubnet(n.subnet)})`),
    ...lab.services.map(
      (s) =>
        `service ${s.name}: ${s.vip}:${s.port} → ` +
        `${s.backends.map((b) => b.container).join(', ')} (DNAT, round robin)`,
    ),
  ];
}

/** Docker's userland proxies on a host: one per published port, when userland-proxy is on. */
const labProcesses = (lab: Lab, host: string): HostProcess[] =>
  lab.daemon.userlandProxy
    ? lab.containers
        .filter((c) => c.host === host)
        .flatMap((c) =>
          c.ports.map((p) => ({
            program: 'docker-proxy',
            listens: `${p.proto} ${p.hostIp ?? '0.0.0.0'}:${p.hostPort}`,
            container: c.name,
            inside: c.endpoints.find((e) => e.network === p.network)?.ifname ?? 'eth0',
            target: `${p.address}:${p.containerPort}`,
          })),
        )
    : [];

/** The lab as its file describes it, with the namespace names of this plan. */
export function fromLab(lab: Lab, plan: Plan): Topology {
  const hosts = lab.hosts.map((h): HostView => {
    const mine = lab.containers.filter((c) => c.host === h.name);
    const segments: Segment[] = lab.networks
      .filter((n) => n.hosts.includes(h.name))
      .map((n) => ({
        name:
          n.driver === 'macvlan' || n.driver === 'ipvlan'
            ? plan.place.kind === 'sandbox'
              ? 'eth0'
              : 'nsl-uplink'
            : n.name,
        kind:
          n.driver === 'overlay'
            ? `bridge + vxlan ${n.vni} to ${n.hosts.filter((o) => o !== h.name).join(', ')}`
            : n.driver === 'bridge'
              ? 'bridge'
              : `${n.driver} parent (${n.name})`,
        // An overlay's bridges are layer 2 only: no gateway address.
        address: n.driver === 'bridge' ? `${n.gateway}/${n.subnet.prefix}` : null,
        ports: mine.flatMap((c) =>
          c.endpoints
            .filter((e) => e.network === n.name)
            .map((e) => ({
              hostEnd: e.kind === 'veth' ? e.hostIfname : null,
              container: c.name,
              inside: e.ifname,
              address: `${e.address}/${e.prefix}`,
              kind: e.kind,
            })),
        ),
      }));
    return {
      name: h.name,
      ns: plan.hosts[h.name] ?? null,
      uplink:
        plan.place.kind === 'sandbox'
          ? `eth0 ${h.address}/24`
          : plan.outsideNs
            ? 'nsl-uplink 198.51.100.2/24'
            : null,
      segments,
      unplugged: [],
      others: mine
        .filter((c) => c.endpoints.length === 0)
        .map((c) => ({ container: c.name, mode: modeText(c.mode) })),
      rules: labRules(lab, h.name),
      processes: labProcesses(lab, h.name),
    };
  });
  const tunnels = lab.networks
    .filter((n) => n.driver === 'overlay')
    .flatMap((n) =>
      n.hosts.flatMap((a, i) =>
        n.hosts
          .slice(i + 1)
          .map((b) => ({ network: n.name, from: a, to: b, label: `VXLAN ${n.vni}, udp/4789` })),
      ),
    );
  return {
    lab: lab.name,
    title: lab.title,
    source: 'lab file',
    hosts,
    outside: plan.outsideNs ? '198.51.100.1, servers 203.0.113.10' : null,
    tunnels,
  };
}

/**
 * The lab as the kernel has it now, per Docker host: what the learner changed shows (a port
 * unplugged, a link down).
 */
export function fromKernel(
  lab: Lab,
  plan: Plan,
  seen: Record<string, ObservedNetwork>,
  /** the flags of the lab's docker-proxy processes running now */
  proxies: string[][] = [],
): Topology {
  const base = fromLab(lab, plan);
  const running = proxies.map(proxyOf(lab));
  return {
    ...base,
    source: 'kernel',
    hosts: base.hosts.map((h) => ({
      ...(seen[h.name] ? hostFromKernel(h, seen[h.name]!) : h),
      processes: running.filter((p) => p.host === h.name).map(({ host: _host, ...p }) => p),
    })),
  };
}

/** A running docker-proxy, from its flags: the container it forwards to is the one with that address. */
const proxyOf =
  (lab: Lab) =>
  (args: string[]): HostProcess & { host: string } => {
    const flag = (name: string): string =>
      (args.includes(`-${name}`) ? args[args.indexOf(`-${name}`) + 1] : undefined) ?? '?';
    const address = flag('container-ip');
    const container = lab.containers.find((c) => c.endpoints.some((e) => e.address === address));
    return {
      program: 'docker-proxy',
      listens: `${flag('proto')} ${flag('host-ip')}:${flag('host-port')}`,
      container: container?.name ?? address,
      inside: container?.endpoints.find((e) => e.address === address)?.ifname ?? 'eth0',
      target: `${address}:${flag('container-port')}`,
      host: container?.host ?? lab.hosts[0]!.name,
    };
  };

/** One Docker host as its namespace has it now. */
function hostFromKernel(host: HostView, seen: ObservedNetwork): HostView {
  const segments: Segment[] = Object.values(seen.bridges).flatMap((b) =>
    b
      ? [
          {
            name: b.name,
            kind: b.kind,
            address: b.addresses.join(' ') || null,
            ports: [] as Port[],
            ...(b.state === 'DOWN' ? { down: true } : {}),
          },
        ]
      : [],
  );
  const unplugged: Port[] = [];
  for (const [name, c] of Object.entries(seen.containers)) {
    for (const e of c.endpoints) {
      const down = [e.inside, e.hostSide].flatMap((l) => (l && l.state === 'DOWN' ? [`${l.name} DOWN`] : []));
      const port: Port = {
        hostEnd: e.hostSide?.name ?? null,
        container: name,
        inside: e.inside.name,
        address: e.inside.addresses.join(' ') || null,
        kind: e.inside.kind,
        ...(down.length ? { down } : {}),
      };
      const on = segments.find((s) => s.name === e.hostSide?.master);
      if (on) on.ports.push(port);
      else if (e.inside.kind === 'veth') unplugged.push(port);
      else {
        const parent =
          segments.find((s) => s.kind.includes('parent')) ??
          segments[
            segments.push({ name: 'eth0', kind: `${e.inside.kind} parent`, address: null, ports: [] }) - 1
          ]!;
        parent.ports.push(port);
      }
    }
  }
  // Rules as the kernel has them: NAT, DNAT and the drops (in FORWARD, or Docker's isolation
  // chains: DOCKER-… in a sandbox, NSLAB-… on the machine), with nslab's mark left out.
  const rules = seen.rules
    .filter(
      (r) =>
        (r.table === 'nat' && /-j (MASQUERADE|DNAT|SNAT)/.test(r.rule)) ||
        (r.table === 'filter' &&
          /^(FORWARD|\S+-ISOLATION-STAGE-[12])$/.test(r.chain) &&
          /-j DROP/.test(r.rule)),
    )
    .map((r) => `${r.table} ${r.chain} ${r.rule.replace(/\s*-m comment --comment ("[^"]*"|\S+)/g, '')}`);
  return { ...host, segments, unplugged, rules };
}
