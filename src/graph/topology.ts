// What a diagram draws, in the learner's words: Docker hosts with their bridges, each bridge's
// ports (veth host end ⇄ eth0 in a container), containers without a cable of their own, and the
// NAT / port / isolation rules. Built from the lab file (what should be) or from the kernel
// (what is, --live), so both draw the same way.
import type { LinkState, ObservedNetwork, RuleLine } from '../inspect/observe.js';
import type { Lab } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import type { Plan } from '../plan/types.js';
import { t } from '../i18n/index.js';

export interface Port {
  /** the veth's host end (null for macvlan/ipvlan children, which have none) */
  hostEnd: string | null;
  container: string;
  inside: string;
  address: string | null;
  kind: string;
  /** what is not working, as the kernel says it (live only): `eth0 DOWN`, `ve-b UP, no carrier` */
  down?: string[];
}

interface Segment {
  /** a bridge, or the parent interface of macvlan/ipvlan children */
  name: string;
  kind: string;
  address: string | null;
  ports: Port[];
  /** `DOWN`, or `UP, no carrier` (live only) */
  down?: string;
}

/**
 * A device of the Docker host that is neither bridge nor container cable: a VXLAN device (a port
 * of its overlay's bridge, or on none when unplugged), a macvlan/ipvlan shim on its parent.
 */
export interface HostDevice {
  name: string;
  kind: 'vxlan' | 'macvlan' | 'ipvlan';
  /** `VNI 42 → 198.51.100.3 udp/4789 via eth0`, `shim 192.168.0.200/32` */
  detail: string;
  /** the bridge it is a port of (vxlan), or the parent it hangs off (shim); null: none */
  on: string | null;
  /** what is not working (live only) */
  down?: string;
  /** vxlan: its network identifier and the UDP port it sends to */
  vni?: number;
  dstport?: number;
}

/** What decides whether this host forwards at all (live only): the kernel's word for each. */
export interface Forwarding {
  ipForward: string | null;
  /** the filter table's FORWARD policy */
  forwardPolicy: string | null;
  /** br_netfilter: bridged frames pass iptables (null: the module is not loaded) */
  bridgeNfCallIptables: string | null;
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
  /**
   * a host another machine builds (`up --as`), or one of several hosts that only `up --as` can
   * build on a real machine: said in words, nothing of it drawn as this machine's
   */
  elsewhere?: string;
  uplink: string | null;
  segments: Segment[];
  /** veths whose host end is on no bridge (live: a learner unplugged it) */
  unplugged: Port[];
  /** containers with no interface of their own: network none, host, container:X */
  others: { container: string; mode: string }[];
  rules: string[];
  /** docker-proxy processes (userland-proxy on) */
  processes: HostProcess[];
  /** VXLAN devices and macvlan/ipvlan shims */
  devices: HostDevice[];
  forwarding?: Forwarding;
  /** rules in the same tables that are not the lab's (live, host target): counted, not listed */
  notLab?: { docker: number; other: number };
}

/** A VXLAN between two hosts' bridges of one overlay network. */
interface Tunnel {
  network: string;
  from: string;
  to: string;
  label: string;
  /** live: what keeps it from carrying frames (`vx-ov0 on h1 is on no bridge`) */
  broken?: string[];
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
    ? t('network none: only lo')
    : mode.kind === 'host'
      ? t('network host: the host’s own namespace')
      : mode.kind === 'container'
        ? t('network container:{of}: {of}’s namespace', { of: mode.of })
        : '';

function labRules(lab: Lab, host: string): string[] {
  return [
    ...lab.networks
      .filter((n) => n.nat && n.hosts.includes(host))
      .map((n) =>
        t('MASQUERADE {subnet} leaving by anything but {bridge}', {
          subnet: formatSubnet(n.subnet),
          bridge: n.name,
        }),
      ),
    ...lab.containers
      .filter((c) => c.host === host)
      .flatMap((c) =>
        c.ports.map((p) => {
          const v = {
            port: `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}`,
            target: `${p.address}:${p.containerPort}`,
            container: c.name,
          };
          return p.proto === 'udp'
            ? t('DNAT host udp port {port} → {target} ({container})', v)
            : t('DNAT host port {port} → {target} ({container})', v);
        }),
      ),
    ...lab.networks
      .filter((n) => n.isolated && n.hosts.includes(host))
      .map((n) =>
        t('isolation: nothing forwarded between {network} and the other bridges', { network: n.name }),
      ),
    ...lab.networks
      .filter((n) => n.internal && n.hosts.includes(host))
      .map((n) =>
        t('internal: nothing forwarded into or out of {network} ({subnet})', {
          network: n.name,
          subnet: formatSubnet(n.subnet),
        }),
      ),
    ...lab.services.map((s) =>
      t('service {name}: {vip} → {backends} (DNAT, round robin)', {
        name: s.name,
        vip: `${s.vip}:${s.port}`,
        backends: s.backends.map((b) => b.container).join(', '),
      }),
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

/** Where each host's address leads, in the learner's names: `h2 198.51.100.3`. */
const hostNamed = (lab: Lab) => {
  const all = [...lab.hosts, ...lab.remoteHosts];
  return (address: string) => {
    const h = all.find((x) => x.address === address);
    return h ? `${h.name} ${address}` : address;
  };
};

/** The VXLAN devices and macvlan shims the lab builds on a host. */
function labDevices(lab: Lab, host: string, place: Plan['place'], oneMachineEach: boolean): HostDevice[] {
  const named = hostNamed(lab);
  // Built one host per machine, the VXLAN devices send to the machines (as `up --as` does).
  const addressOf = (h: Lab['hosts'][number]) =>
    oneMachineEach && h.machine ? `${h.name} ${h.machine}` : named(h.address);
  const peers = (hosts: string[]) =>
    [...lab.hosts, ...lab.remoteHosts].filter((h) => hosts.includes(h.name) && h.name !== host);
  return lab.networks
    .filter((n) => n.hosts.includes(host))
    .flatMap((n): HostDevice[] =>
      n.driver === 'overlay'
        ? [
            {
              name: `vx-${n.name}`,
              kind: 'vxlan',
              detail: vxlanText(n.vni ?? 0, 4789, peers(n.hosts).map(addressOf)),
              on: n.name,
              vni: n.vni ?? 0,
              dstport: 4789,
            },
          ]
        : (n.driver === 'macvlan' || n.driver === 'ipvlan') && n.shim
          ? [
              {
                name: `mvs-${n.name}`,
                kind: n.driver,
                detail: `shim ${n.shim}/32 (the host’s way in)`,
                on: place.kind === 'sandbox' ? 'eth0' : 'nsl-uplink',
              },
            ]
          : [],
    );
}

/** `VNI 42 udp/4789, floods to h2 198.51.100.3`: what a VXLAN device does with a frame. */
function vxlanText(vni: number, dstport: number, floods: string[], remote?: string | null): string {
  const to = remote
    ? t('sends to {remote}', { remote })
    : floods.length
      ? t('floods to {hosts}', { hosts: floods.join(', ') })
      : t('floods to nobody (no fdb entry 00:00:00:00:00:00)');
  return `VNI ${vni} udp/${dstport}, ${to}`;
}

/** How a host that is not this machine's (or not yet any machine's) is said. */
const elsewhereText = (lab: Lab, h: Lab['hosts'][number], built: boolean) =>
  built
    ? h.machine
      ? t('another machine builds it ({machine}): up {lab} --as {host} there; not read from here', {
          machine: h.machine,
          lab: lab.name,
          host: h.name,
        })
      : t('another machine builds it: up {lab} --as {host} there; not read from here', {
          lab: lab.name,
          host: h.name,
        })
    : h.machine
      ? t('one machine each: up {lab} --as {host} on {machine}', {
          lab: lab.name,
          host: h.name,
          machine: h.machine,
        })
      : t('one machine each: up {lab} --as {host}', { lab: lab.name, host: h.name });

/** The lab as its file describes it, with the namespace names of this plan. */
export function fromLab(lab: Lab, plan: Plan): Topology {
  // On the host target a lab of several hosts is built one host per machine (`up --as`).
  const oneMachineEach = plan.place.kind === 'host' && lab.hosts.length > 1;
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
            ? 'bridge (overlay)'
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
      ...(oneMachineEach ? { elsewhere: elsewhereText(lab, h, false) } : {}),
      uplink: oneMachineEach
        ? null
        : plan.place.kind === 'sandbox'
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
      devices: labDevices(lab, h.name, plan.place, oneMachineEach),
    };
  });
  // The hosts another machine builds: named, with their overlay bridges as the tunnels' far ends.
  const remote = lab.remoteHosts.map((h): HostView => ({
    name: h.name,
    ns: null,
    elsewhere: elsewhereText(lab, h, true),
    uplink: null,
    segments: lab.networks
      .filter((n) => n.driver === 'overlay' && n.hosts.includes(h.name))
      .map((n) => ({ name: n.name, kind: 'bridge + vxlan, not read from here', address: null, ports: [] })),
    unplugged: [],
    others: [],
    rules: [],
    processes: [],
    devices: [],
  }));
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
    hosts: [...hosts, ...remote],
    outside: plan.outsideNs ? t('198.51.100.1, servers 203.0.113.10') : null,
    tunnels,
  };
}

/**
 * The lab as the kernel has it now, per Docker host: what the learner changed shows (a port
 * unplugged, a link down, a VXLAN device off its bridge).
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
  const hosts = base.hosts.map((h) =>
    h.elsewhere
      ? h
      : {
          ...(seen[h.name] ? hostFromKernel(lab, plan, h, seen[h.name]!) : h),
          processes: running.filter((p) => p.host === h.name).map(({ host: _host, ...p }) => p),
        },
  );
  // A tunnel as the kernel has it: its VNI and port, and broken where a VXLAN device is unplugged.
  const tunnels = base.tunnels.map((x) => {
    const ends = [x.from, x.to].flatMap((name) => {
      const h = hosts.find((v) => v.name === name);
      const d = h?.elsewhere ? undefined : h?.devices.find((v) => v.name === `vx-${x.network}`);
      return h && !h.elsewhere ? [{ host: name, device: d }] : [];
    });
    const problems = ends.flatMap((e) =>
      !e.device
        ? [t('no VXLAN device on {host}', { host: e.host })]
        : e.device.on !== x.network
          ? [t('{device} on {host} is on no bridge', { device: e.device.name, host: e.host })]
          : e.device.down
            ? [`${e.device.name} on ${e.host} ${e.device.down}`]
            : [],
    );
    const d = ends.find((e) => e.device)?.device;
    return {
      ...x,
      label: d ? `VXLAN ${d.vni}, udp/${d.dstport}` : x.label,
      ...(problems.length ? { broken: problems } : {}),
    };
  });
  return { ...base, source: 'kernel', hosts, tunnels };
}

/** What keeps a link from carrying frames, in the kernel's words: admin state first, then carrier. */
export const condition = (l: LinkState): string | null =>
  !l.adminUp ? 'DOWN' : l.carrier === false ? 'UP, no carrier' : null;

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

/** A rule Docker adds for its own networks: in its chains, or about docker0 or a br-<id> bridge. */
const dockers = (r: RuleLine) => /DOCKER/.test(r.chain) || /DOCKER|docker0|br-[0-9a-f]{12}/.test(r.rule);

/**
 * The rules that are the lab's. In a sandbox everything in the lab's namespaces is the lab's; on
 * the machine only rules carrying its mark are (Docker's and anyone else's are counted apart).
 */
export function labRulesSeen(
  rules: RuleLine[],
  mark: string | null,
): { mine: RuleLine[]; notLab?: { docker: number; other: number } } {
  if (mark === null) return { mine: rules };
  const marked = (r: RuleLine) => new RegExp(`--comment "?${mark}"?(\\s|$)`).test(r.rule);
  const others = rules.filter((r) => !marked(r));
  return {
    mine: rules.filter(marked),
    notLab: { docker: others.filter(dockers).length, other: others.filter((r) => !dockers(r)).length },
  };
}

/** One Docker host as its namespace has it now. */
function hostFromKernel(lab: Lab, plan: Plan, host: HostView, seen: ObservedNetwork): HostView {
  const named = hostNamed(lab);
  const segments: Segment[] = Object.values(seen.bridges).flatMap((b) => {
    if (!b) return [];
    const down = condition(b);
    return [
      {
        name: b.name,
        kind: b.kind,
        address: b.addresses.join(' ') || null,
        ports: [] as Port[],
        ...(down ? { down } : {}),
      },
    ];
  });
  const unplugged: Port[] = [];
  for (const [name, c] of Object.entries(seen.containers)) {
    for (const e of c.endpoints) {
      const down = [e.inside, e.hostSide].flatMap((l) => {
        const why = l && condition(l);
        return why ? [`${l.name} ${why}`] : [];
      });
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
  const devices = seen.hostLinks.flatMap((l): HostDevice[] => {
    const down = condition(l);
    const more = down ? { down } : {};
    if (l.vxlan)
      return [
        {
          name: l.name,
          kind: 'vxlan',
          detail:
            vxlanText(
              l.vxlan.vni,
              l.vxlan.dstport,
              (l.vxlan.floodTo ?? []).map(named),
              l.vxlan.remote ?? l.vxlan.group,
            ) + `${l.vxlan.dev ? ` via ${l.vxlan.dev}` : ''}`,
          on: l.master,
          vni: l.vxlan.vni,
          dstport: l.vxlan.dstport,
          ...more,
        },
      ];
    if (l.kind === 'macvlan' || l.kind === 'ipvlan')
      return [
        {
          name: l.name,
          kind: l.kind,
          detail: `shim ${l.addresses.join(' ') || '(no address)'}${l.mode ? `, mode ${l.mode}` : ''}`,
          on: l.parent ?? null,
          ...more,
        },
      ];
    return [];
  });
  // Rules as the kernel has them: NAT, DNAT and the drops (in FORWARD, or Docker's isolation
  // chains: DOCKER-… in a sandbox, NSLAB-… on the machine), with nslab's mark left out.
  const { mine, notLab } = labRulesSeen(seen.rules, host.ns === null ? plan.mark : null);
  const rules = mine
    .filter(
      (r) =>
        (r.table === 'nat' && /-j (MASQUERADE|DNAT|SNAT)/.test(r.rule)) ||
        (r.table === 'filter' &&
          /^(FORWARD|\S+-ISOLATION-STAGE-[12])$/.test(r.chain) &&
          /-j DROP/.test(r.rule)),
    )
    .map((r) => `${r.table} ${r.chain} ${r.rule.replace(/\s*-m comment --comment ("[^"]*"|\S+)/g, '')}`);
  return {
    ...host,
    segments,
    unplugged,
    rules,
    devices,
    forwarding: {
      ipForward: seen.sysctls.ipForward,
      forwardPolicy: seen.policies.FORWARD ?? null,
      bridgeNfCallIptables: seen.sysctls.bridgeNfCallIptables,
    },
    ...(notLab ? { notLab } : {}),
  };
}
