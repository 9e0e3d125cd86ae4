// Exercises: each fault must name something the lab has, of the kind the fault breaks.
import { pick, type Text } from '../i18n/index.js';
import type { Report } from './resolve.js';
import type { Exercise, Fault, Guard, Lab } from './types.js';
import { usesDns } from './dns.js';

type RawFault = Record<string, string | { container: string; prefix?: number; name?: string; mtu?: number }>;
export interface RawExercise {
  title: Text;
  break: RawFault[];
  task: Text;
  hints: Text[];
  guards?: RawGuard[];
}
type RawGuard =
  | { policy: { chain: string; table?: 'filter' | 'nat'; is: 'ACCEPT' | 'DROP'; host?: string } }
  | { sysctl: { name: string; is: '0' | '1'; host?: string } };

const ON_CONTAINER = [
  'lo-down',
  'link-down',
  'host-end-down',
  'unplugged',
  'no-default-route',
  'no-output-dnat',
  'no-dns-jump',
  'no-hairpin',
  'macvlan-private',
  'wrong-gateway',
  'dnat-wrong-port',
  'backend-missing',
  'resolv-no-dns',
] as const;
const ON_NETWORK = [
  'no-gateway',
  'bridge-down',
  'no-masquerade',
  'no-shim',
  'no-isolation',
  'masquerade-wrong-way',
  'no-route-localnet',
] as const;
const ON_HOST = [
  'ip-forward-off',
  'forward-drop',
  'vxlan-unplugged',
  'no-isolation-jump',
  'no-vxlan-peers',
] as const;

export function resolveExercises(raw: RawExercise[], lab: Lab, report: Report): Exercise[] {
  return raw.map((x, i) => ({
    title: pick(x.title),
    key: typeof x.title === 'string' ? x.title : x.title.en,
    task: pick(x.task).trim(),
    hints: x.hints.map(pick),
    faults: x.break.flatMap((f, j) => {
      const [kind, value] = Object.entries(f)[0]!;
      const at = ['exercises', i, 'break', j, kind];
      const fault = toFault(kind, value);
      const problem = fault && whatIsWrong(fault, lab);
      if (problem) report(at, problem);
      return fault && !problem ? [fault] : [];
    }),
    guards: (x.guards ?? []).flatMap((g, j): Guard[] => {
      const [kind, v] = Object.entries(g)[0]! as ['policy' | 'sysctl', { host?: string }];
      const host = v.host ?? lab.hosts[0]!.name;
      if (!lab.hosts.some((h) => h.name === host)) {
        report(['exercises', i, 'guards', j, kind, 'host'], `no Docker host "${host}" in this lab`);
        return [];
      }
      if ('policy' in g) return [{ kind: 'policy', table: 'filter', ...g.policy, host }];
      return [{ kind: 'sysctl', ...g.sysctl, host }];
    }),
  }));
}

function toFault(kind: string, value: RawFault[string]): Fault | null {
  if (typeof value === 'object') {
    if (kind === 'prefix') return { kind, container: value.container, prefix: value.prefix! };
    if (kind === 'hosts-missing' || kind === 'hosts-stale')
      return { kind, container: value.container, name: value.name! };
    if (kind === 'mtu') return { kind, container: value.container, mtu: value.mtu! };
    return null;
  }
  if ((ON_CONTAINER as readonly string[]).includes(kind))
    return { kind: kind as (typeof ON_CONTAINER)[number], container: value };
  if ((ON_NETWORK as readonly string[]).includes(kind))
    return { kind: kind as (typeof ON_NETWORK)[number], network: value };
  if ((ON_HOST as readonly string[]).includes(kind))
    return { kind: kind as (typeof ON_HOST)[number], host: value };
  return null;
}

/** Why this fault cannot be planted in this lab, or null when it can. */
function whatIsWrong(f: Fault, lab: Lab): string | null {
  if ('container' in f) {
    const c = lab.containers.find((x) => x.name === f.container);
    if (!c) return `no container "${f.container}" in this lab`;
    const first = c.endpoints[0];
    const needsEndpoint = ![
      'lo-down',
      'hosts-missing',
      'no-output-dnat',
      'resolv-no-dns',
      'dnat-wrong-port',
      'backend-missing',
    ].includes(f.kind);
    if (needsEndpoint && !first)
      return `${f.container} has no interface of its own (network_mode ${c.mode.kind}) to break`;
    if (f.kind === 'lo-down' && (c.mode.kind === 'host' || c.mode.kind === 'container'))
      return `${f.container} shares another namespace's lo: break that one`;
    if ((f.kind === 'host-end-down' || f.kind === 'unplugged') && first?.kind !== 'veth')
      return `${f.container}'s interface is a ${first?.kind} child, which has no host end`;
    if (f.kind === 'macvlan-private' && first?.kind !== 'macvlan')
      return `${f.container} is not on a macvlan network`;
    if (f.kind === 'no-output-dnat' && c.ports.length === 0) return `${f.container} publishes no port`;
    if ((f.kind === 'no-dns-jump' || f.kind === 'resolv-no-dns') && !usesDns(lab, c.name))
      return `${f.container} is on no network with dns: true, so it has no DOCKER_OUTPUT chain`;
    if (f.kind === 'no-hairpin' && (first?.kind !== 'veth' || lab.daemon.userlandProxy))
      return 'hairpin mode is set on bridge ports only with daemon: { userland-proxy: false }';
    if (f.kind === 'hosts-missing' && !c.hosts.some((h) => h.names.includes(f.name)))
      return `${f.container}'s /etc/hosts has no name "${f.name}" to leave out`;
    if (
      f.kind === 'hosts-stale' &&
      !c.hosts.some((h) => h.names.includes(f.name) && h.address !== first?.address)
    )
      return `${f.container}'s /etc/hosts has no other container's name "${f.name}" to point elsewhere`;
    if ((f.kind === 'no-default-route' || f.kind === 'wrong-gateway') && !first?.defaultRoute)
      return `${f.container} has no default route to ${f.kind === 'wrong-gateway' ? 'get wrong' : 'leave out'}`;
    if (f.kind === 'dnat-wrong-port' && !c.ports.some((p) => !p.hostIp?.startsWith('127.')))
      return `${f.container} publishes no port that is DNATed`;
    if (
      f.kind === 'backend-missing' &&
      !lab.services.some((s) => s.backends.some((b) => b.container === c.name))
    )
      return `${f.container} is the backend of no service`;
    if (f.kind === 'mtu' && first?.kind !== 'veth') return `${f.container}'s interface is not a veth`;
    return null;
  }
  if ('network' in f) {
    const n = lab.networks.find((x) => x.name === f.network);
    if (!n) return `no network "${f.network}" in this lab`;
    if (
      (f.kind === 'no-gateway' || f.kind === 'bridge-down') &&
      n.driver !== 'bridge' &&
      n.driver !== 'overlay'
    )
      return `${f.network} is a ${n.driver} network, which has no bridge`;
    if (f.kind === 'no-masquerade' && !n.nat)
      return `${f.network} has no nat: true, so no MASQUERADE rule to leave out`;
    if (f.kind === 'no-shim' && !n.shim) return `${f.network} has no shim`;
    if (f.kind === 'no-isolation' && !n.isolated) return `${f.network} is not isolated`;
    if (f.kind === 'masquerade-wrong-way' && !n.nat)
      return `${f.network} has no nat: true, so no MASQUERADE rule to get wrong`;
    if (f.kind === 'no-route-localnet' && (n.driver !== 'bridge' || lab.daemon.userlandProxy))
      return 'route_localnet is set on bridges only with daemon: { userland-proxy: false }';
    return null;
  }
  if (!lab.hosts.some((h) => h.name === f.host))
    return `no Docker host "${f.host}" in this lab (its hosts: ${lab.hosts.map((h) => h.name).join(', ')})`;
  if (
    (f.kind === 'vxlan-unplugged' || f.kind === 'no-vxlan-peers') &&
    !lab.networks.some((n) => n.driver === 'overlay' && n.hosts.includes(f.host))
  )
    return `${f.host} has no overlay network`;
  if (f.kind === 'no-isolation-jump' && !lab.networks.some((n) => n.isolated && n.hosts.includes(f.host)))
    return `${f.host} has no isolated network`;
  return null;
}
