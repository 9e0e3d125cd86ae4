// Checks: what each one probes, from where, to which address. Only addresses inside the lab
// (its subnets, its VIPs, nslab's documentation ranges, loopback) may be probed.
import { pick, type Text } from '../i18n/index.js';
import { contains, formatSubnet, isIPv4 } from '../net/ipv4.js';
import { OUTSIDE_SERVER, SANDBOX_RANGES } from './names.js';
import type { Report } from './resolve.js';
import type { Check, Lab } from './types.js';

const KINDS = ['ping', 'http', 'tcp', 'udp', 'resolve', 'listen'] as const;
type Kind = (typeof KINDS)[number];

export interface RawCheck {
  name?: Text;
  expect?: 'reach' | 'fail';
  why?: Text;
  ping?: { from: string; to: string; size?: number };
  http?: { from: string; to: string; port: number; body?: string; answers?: string[] };
  tcp?: { from: string; to: string; port: number };
  udp?: { from: string; to: string; port: number; body?: string };
  resolve?: { from: string; name: string; to?: string };
  listen?: { from: string; port: number };
}
/** A raw check with its texts in the learner's language. */
type Picked = Omit<RawCheck, 'name' | 'why'> & { name?: string; why?: string };
const picked = ({ name, why, ...rest }: RawCheck): Picked => ({
  ...rest,
  ...(name === undefined ? {} : { name: pick(name) }),
  ...(why === undefined ? {} : { why: pick(why) }),
});

const LOOPBACK = { network: '127.0.0.0', prefix: 8 };

/** The address a check's `to` names, or why it names none. */
function targetAddress(to: string, lab: Lab): { address: string } | { error: string } {
  const container = lab.containers.find((c) => c.name === to);
  if (container) {
    const owner =
      container.mode.kind === 'container'
        ? lab.containers.find((c) => c.name === (container.mode as { of: string }).of)
        : container;
    if (container.mode.kind === 'host')
      return use(lab, lab.hosts.find((h) => h.name === container.host)!.address);
    const address = owner?.endpoints[0]?.address;
    return address
      ? { address }
      : {
          error:
            `container ${to} has no address (network_mode ${container.mode.kind}): ` +
            'probe it from inside instead',
        };
  }
  const network = lab.networks.find((n) => n.name === to);
  if (network) return { address: network.gateway };
  const service = lab.services.find((s) => s.name === to);
  if (service) return { address: service.vip };
  const dockerHost = lab.hosts.find((h) => h.name === to);
  if (dockerHost) return use(lab, dockerHost.address);
  if (to === 'outside') return use(lab, OUTSIDE_SERVER);
  if (to === 'localhost')
    return {
      error:
        'name the loopback address, to: 127.0.0.1: from: host it is the Docker host’s own ' +
        '(where docker-proxy answers a published port), from a container the container’s own',
    };
  if (!isIPv4(to))
    return {
      error: `"${to}" is not a container, a network, a service, host, outside or an address of this lab`,
    };
  if (
    lab.networks.some((n) => contains(n.subnet, to)) ||
    contains(LOOPBACK, to) ||
    lab.services.some((s) => s.vip === to)
  )
    return { address: to };
  if (SANDBOX_RANGES.some((r) => contains(r.subnet, to))) return use(lab, to);
  const inside = [
    ...lab.networks.map((n) => formatSubnet(n.subnet)),
    ...SANDBOX_RANGES.map((r) => formatSubnet(r.subnet)),
    '127.0.0.0/8',
  ];
  return {
    error:
      `${to} is on none of this lab's networks: ` +
      `nslab only sends packets to addresses inside the lab (${inside.join(', ')})`,
  };
}

/** Probing the host's uplink address or the outside needs the outside built (host target). */
function use(lab: Lab, address: string): { address: string } {
  lab.outside.used = true;
  return { address };
}

/** Checks a lab may have in all: a full mesh of 1000 containers is 999,000 (seconds, and a gigabyte). */
const MAX_CHECKS = 100_000;

export function resolveChecks(raw: RawCheck[], lab: Lab, report: Report): Check[] {
  const places = [...lab.hosts.map((h) => h.name), 'outside', ...lab.containers.map((c) => c.name)];
  let made = 0;
  return raw.map(picked).flatMap((c, i): Check[] => {
    if (c.ping && (c.ping.from === 'all' || c.ping.to === 'all')) {
      const checks = expandAll(c, i, lab, report, MAX_CHECKS - made);
      made += checks.length;
      return checks;
    }
    made += 1;
    const kinds = KINDS.filter((k) => c[k] !== undefined);
    if (kinds.length !== 1) {
      report(
        ['checks', i],
        kinds.length === 0
          ? `a check needs one of ${KINDS.join(', ')}`
          : `a check does one thing: it has ${kinds.join(' and ')}; split it in two`,
      );
      return [];
    }
    const kind: Kind = kinds[0]!;
    const body = c[kind]!;
    const at = ['checks', i, kind];
    const expect = c.expect ?? 'reach';
    const base = { from: body.from, expect, ...(c.why ? { why: c.why } : {}) };
    if (!places.includes(body.from))
      report(
        [...at, 'from'],
        `"${body.from}" is not a place checks run from: use one of ${places.join(', ')}`,
      );
    if (body.from === 'outside') lab.outside.used = true;
    const arrow = expect === 'reach' ? '→' : '↛';

    if (kind === 'resolve') {
      const r = c.resolve!;
      // A lookup outside a container's namespace would use this machine's own resolver.
      const from = lab.containers.find((k) => k.name === r.from);
      if (!from || from.mode.kind === 'host')
        report(
          [...at, 'from'],
          'resolve checks run inside a container with its own namespace (its /etc/hosts and resolv.conf), ' +
            `not in "${r.from}": the machine's own resolver would ask real DNS servers`,
        );
      let address: string | null = null;
      if (r.to !== undefined) {
        const t = targetAddress(r.to, lab);
        if ('error' in t) report([...at, 'to'], t.error);
        else address = t.address;
      }
      return [
        {
          ...base,
          kind,
          lookup: r.name,
          address,
          name:
            c.name ??
            `${r.from} resolves ${r.name}${address ? ` to ${address}` : ''}` +
              `${expect === 'fail' ? ': must not' : ''}`,
        },
      ];
    }
    if (kind === 'listen') {
      const l = c.listen!;
      return [
        {
          ...base,
          kind,
          port: l.port,
          name: c.name ?? `${l.from} can listen on port ${l.port}${expect === 'fail' ? ': must not' : ''}`,
        },
      ];
    }
    const p = body as { from: string; to: string; port?: number };
    const t = targetAddress(p.to, lab);
    if ('error' in t) report([...at, 'to'], t.error);
    const address = 'address' in t ? t.address : '';
    const onPort = p.port ? `:${p.port}` : '';
    const shown = `${p.to}${address && address !== p.to ? ` (${address}${onPort})` : onPort}`;
    if (kind === 'ping') {
      const size = c.ping!.size;
      return [
        {
          ...base,
          kind,
          to: p.to,
          address,
          ...(size !== undefined ? { size } : {}),
          name: c.name ?? `${p.from} ${arrow} ${shown}${size !== undefined ? ` with ${size} bytes, DF` : ''}`,
        },
      ];
    }
    if (kind === 'tcp')
      return [
        {
          ...base,
          kind,
          to: p.to,
          address,
          port: c.tcp!.port,
          name: c.name ?? `tcp ${p.from} ${arrow} ${shown}`,
        },
      ];
    if (kind === 'udp') {
      const u = c.udp!;
      return [
        {
          ...base,
          kind,
          to: p.to,
          address,
          port: u.port,
          ...(u.body !== undefined ? { body: u.body } : {}),
          name: c.name ?? `udp ${p.from} ${arrow} ${shown}`,
        },
      ];
    }
    const h = c.http!;
    for (const [j, a] of (h.answers ?? []).entries())
      if (!lab.containers.some((k) => k.name === a))
        report([...at, 'answers', j], `"${a}" is not a container of this lab`);
    return [
      {
        ...base,
        kind,
        to: p.to,
        address,
        port: h.port,
        ...(h.body !== undefined ? { body: h.body } : {}),
        ...(h.answers ? { answers: h.answers } : {}),
        name: c.name ?? `http ${p.from} ${arrow} ${shown}`,
      },
    ];
  });
}

/** `ping: { from: all, to: all }`: every container with an address to every other (a full mesh). */
function expandAll(c: Picked, i: number, lab: Lab, report: Report, room = MAX_CHECKS): Check[] {
  const { from, to, size } = c.ping!;
  const addressed = lab.containers.filter((k) => k.endpoints.length > 0).map((k) => k.name);
  const sources = from === 'all' ? addressed : [from];
  const targets = to === 'all' ? addressed : [to];
  const itself =
    from === 'all' && to === 'all' ? sources.length : sources.filter((s) => targets.includes(s)).length;
  const pairs = sources.length * targets.length - itself;
  if (pairs > room) {
    const before = MAX_CHECKS - room;
    const also = before ? `which with the ${before} before it are ` : '';
    report(
      ['checks', i, 'ping'],
      `ping from ${from} to ${to} makes ${pairs} checks, ${also}more than the ` +
        `${MAX_CHECKS} a lab may have: ping each container's gateway (to: a network) instead`,
    );
    return [];
  }
  const expect = c.expect ?? 'reach';
  const group = c.name ?? `ping ${from} ${expect === 'reach' ? '→' : '↛'} ${to}`;
  const checks: Check[] = [];
  // each target looked up once, not once a pair
  const addresses = new Map<string, ReturnType<typeof targetAddress>>();
  for (const s of sources)
    for (const t of targets) {
      if (s === t) continue;
      const target = addresses.get(t) ?? targetAddress(t, lab);
      addresses.set(t, target);
      if ('error' in target) {
        report(['checks', i, 'ping', 'to'], target.error);
        return [];
      }
      checks.push({
        kind: 'ping',
        from: s,
        to: t,
        address: target.address,
        expect,
        group,
        ...(size !== undefined ? { size } : {}),
        ...(c.why ? { why: c.why } : {}),
        name: `${s} ${expect === 'reach' ? '→' : '↛'} ${t}`,
      });
    }
  if (checks.length === 0) report(['checks', i, 'ping'], 'this check expands to no pair of containers');
  return checks;
}
