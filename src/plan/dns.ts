// Docker's embedded DNS server on user-defined networks (libnetwork resolver.go, resolver_unix.go):
// resolv.conf says nameserver 127.0.0.11; in the container's own namespace dockerd listens on
// 127.0.0.11 at two random ports (udp, tcp), and nat rules send port 53 there and back.
import { t } from '../i18n/index.js';
import { dnsZones } from '../lab/dns.js';
import type { Container } from '../lab/types.js';
import { tagged, type IptablesCommand, type ServerCommand } from './command.js';
import type { Context } from './context.js';
import type { Step } from './types.js';

export const RESOLVER_IP = '127.0.0.11';
/** Linux's ephemeral ports (net.ipv4.ip_local_port_range), where Docker's ports come from. */
const EPHEMERAL = { first: 32768, last: 60999 };

/** FNV-1a: a stable number from a word, so the plan stays pure and the same on every machine. */
const fnv1a = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/**
 * The resolver's "random" ports: Docker lets the kernel pick free ephemeral ones; nslab derives
 * them from the container's name (a pure plan prints exactly what `up` runs), stepping past a
 * port a server of the lab listens on in that namespace.
 */
function resolverPorts(container: Container, ctx: Context): { udp: number; tcp: number } {
  const ns = ctx.ownNs(container.name);
  const served = new Set(
    ctx.lab.containers.filter((c) => ctx.ns(c.name) === ns).flatMap((c) => c.serve.map((s) => s.port)),
  );
  const span = EPHEMERAL.last - EPHEMERAL.first + 1;
  const pick = (proto: string) => {
    let port = EPHEMERAL.first + (fnv1a(`${container.name}/${proto}`) % span);
    while (served.has(port)) port = port === EPHEMERAL.last ? EPHEMERAL.first : port + 1;
    return port;
  };
  return { udp: pick('udp'), tcp: pick('tcp') };
}

/** `NETWORK NAME=ADDR[,ADDR…] …`: the names the resolver answers, network by network. */
const zoneWords = (container: Container, ctx: Context): string[] =>
  dnsZones(ctx.lab, container).flatMap((z) => [
    z.network,
    ...z.names.map((n) => `${n.name}=${n.addresses.join(',')}`),
  ]);

/** A nat rule (or a new chain) in the container's namespace: nslab's own, so nothing to undo or mark. */
const nat = (ns: string, op: '-A' | '-N', chain: string, args: string[] = []): IptablesCommand => ({
  tool: 'iptables',
  ns,
  table: 'nat',
  op,
  chain,
  args,
});

export function dnsStep(container: Container, ctx: Context): Omit<Step, 'kind'> {
  const ns = ctx.ownNs(container.name);
  const { udp, tcp } = resolverPorts(container, ctx);
  const ip = `${RESOLVER_IP}/32`;
  const dnat = (proto: string, port: number) =>
    nat(ns, '-A', 'DOCKER_OUTPUT', [
      '-d',
      ip,
      '-p',
      proto,
      '-m',
      proto,
      '--dport',
      '53',
      '-j',
      'DNAT',
      '--to-destination',
      `${RESOLVER_IP}:${port}`,
    ]);
  const snat = (proto: string, port: number) =>
    nat(ns, '-A', 'DOCKER_POSTROUTING', [
      '-s',
      ip,
      '-p',
      proto,
      '-m',
      proto,
      '--sport',
      String(port),
      '-j',
      'SNAT',
      '--to-source',
      ':53',
    ]);
  const resolver: ServerCommand = {
    tool: 'server',
    ns,
    program: 'resolver',
    args: [`${RESOLVER_IP}:${udp}/udp`, `${RESOLVER_IP}:${tcp}/tcp`, ...zoneWords(container, ctx)],
    mark: ctx.mark,
  };
  return {
    title: t(
      'container {name}: DNS server at {resolver}:53 → {resolver}:{udp}/udp, :{tcp}/tcp, and its nat rules',
      {
        name: container.name,
        resolver: RESOLVER_IP,
        udp,
        tcp,
      },
    ),
    why: t(
      'resolv.conf sends lookups to {resolver}:53; DOCKER_OUTPUT DNATs them to the resolver’s ports (Docker’s are random; nslab derives {udp} and {tcp} from the name {name}, so the plan is the same every time), which answers the names of the containers on its networks',
      { resolver: RESOLVER_IP, udp, tcp, name: container.name },
    ),
    docker: t(
      'dockerd listens on 127.0.0.11 inside the container’s namespace at two random ports, then runs iptables there: chains DOCKER_OUTPUT and DOCKER_POSTROUTING, DNAT of port 53 (it inserts udp then tcp with -I, so tcp comes first), SNAT back to :53 (conntrack already undoes the DNAT for the answers)',
    ),
    commands: [
      resolver,
      nat(ns, '-N', 'DOCKER_OUTPUT'),
      nat(ns, '-N', 'DOCKER_POSTROUTING'),
      tagged(nat(ns, '-A', 'OUTPUT', ['-d', ip, '-j', 'DOCKER_OUTPUT']), `dns-jump:${container.name}`),
      nat(ns, '-A', 'POSTROUTING', ['-d', ip, '-j', 'DOCKER_POSTROUTING']),
      dnat('tcp', tcp),
      dnat('udp', udp),
      snat('tcp', tcp),
      snat('udp', udp),
    ],
  };
}
