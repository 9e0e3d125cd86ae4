// A probe's journey, made from what the kernel reported: the events of each namespace cut into
// legs (one pass of the packet through one namespace), put in the order the packet took them,
// each rule hit named by the plan's step that made it. Pure: run.ts gathers the material.

import type { Plan } from '../plan/types.js';
import { ruleKey } from '../inspect/differences.js';
import { natOf, reversed, sameTuple, type Connection, type Tuple } from './conntrack.js';
import { tcpFlagNames, type PacketFields, type TraceEvent } from './events.js';
import { peerKey, type Peers } from './links.js';
import { TRACE_TABLE } from './tracer.js';
import { t } from '../i18n/index.js';

type Direction = 'request' | 'reply';

/** One pass of a packet through one namespace, its events in the kernel's order. */
export interface Visit {
  ns: string | null;
  events: TraceEvent[];
  direction: Direction;
  /** which connection it belongs to (index into the connections), or a key of its own */
  flow: string;
}

export interface Hop {
  namespace: string;
  hook: string;
  table: string;
  chain: string;
  /** the rule as `iptables -S` prints it where it could be matched; else as nft prints it; null for a policy */
  rule: string | null;
  verdict: string;
  /** the nslab step that made it: `step 12: …` */
  step?: string;
  /** what Docker does to the same end */
  docker?: string;
  /** the exercise's fault that put it there */
  fault?: string;
}

export interface Leg {
  namespace: string;
  /** who the namespace plays: `c1`, `the Docker host (host)`, `the outside` */
  who: string;
  direction: Direction;
  /** the packet as it arrived or was sent: `icmp echo-request 172.31.0.2 → 203.0.113.10` */
  packet: string;
  /** the same packet as it left, when NAT changed it on the way through */
  leftAs?: string;
  in?: string;
  out?: string;
  /** the bridge the frame came in by, when `in` is one of its ports */
  bridge?: string;
  /** bridged: the port the frame came in by and the port (the fdb's choice) it left by */
  bridged?: { in: string; out: string; fdb?: string };
  /** what `ip route get` says in this namespace for this packet */
  route?: string;
  hops: Hop[];
  end: 'delivered' | 'forwarded' | 'sent' | 'dropped' | 'vanished';
}

/** The rules of one chain in one namespace, in order, as nft and as iptables-save print them. */
interface ChainListing {
  nft: string[];
  save: string[][];
}
/** `NS|TABLE|CHAIN` → its rules */
export type Listings = Map<string, ChainListing>;
export const listingKey = (ns: string | null, table: string, chain: string): string =>
  `${ns ?? ''}|${table}|${chain}`;

/** Counters change while the probe runs: a rule is its words without them. */
export const withoutCounters = (rule: string): string =>
  rule
    .replace(/counter packets \d+ bytes \d+/g, 'counter')
    .replace(/\s+/g, ' ')
    .trim();

export function nsName(ns: string | null): string {
  return ns ?? t('this machine’s own namespace');
}

/** Who a namespace plays in the lab, in the lab's words. */
export function whoIs(plan: Plan, ns: string | null): string {
  const containers = Object.entries(plan.containerNs)
    .filter(([, n]) => n === ns)
    .map(([c]) => c);
  const hosts = Object.entries(plan.hosts)
    .filter(([, n]) => n === ns)
    .map(([h]) => h);
  if (hosts.length) {
    return containers.length
      ? t('the Docker host ({hosts}) and {containers}', {
          hosts: hosts.join(', '),
          containers: containers.join(', '),
        })
      : t('the Docker host ({hosts})', { hosts: hosts.join(', ') });
  }
  if (containers.length) return containers.join(', ');
  if (ns !== null && ns === plan.outsideNs) return t('the outside');
  return nsName(ns);
}

// ── legs ────────────────────────────────────────────────────────────────────────────────────

const ours = (e: TraceEvent) => e.table === TRACE_TABLE;

/** Cuts one namespace's events into passes: a new one starts where a packet enters or is sent. */
function passes(events: TraceEvent[]): TraceEvent[][] {
  const out: TraceEvent[][] = [];
  let cur: TraceEvent[] = [];
  for (const e of events) {
    const entering =
      ours(e) &&
      e.type === 'packet' &&
      (e.family === 'bridge'
        ? e.chain === 'prerouting'
        : e.chain === 'output' ||
          (e.chain === 'prerouting' &&
            // a bridged frame that goes up to IP is the same pass
            !cur.some((p) => p.family === 'bridge' && p.id === e.id && p.chain === 'prerouting')));
    if (entering && cur.length) {
      out.push(cur);
      cur = [];
    }
    cur.push(e);
  }
  if (cur.length) out.push(cur);
  return out;
}

const firstPacket = (events: TraceEvent[]): PacketFields =>
  events.find((e) => e.type === 'packet')?.packet ?? {};
const lastPacket = (events: TraceEvent[]): PacketFields =>
  [...events].reverse().find((e) => e.type === 'packet' && e.family !== 'bridge')?.packet ??
  firstPacket(events);

function tupleOf(p: PacketFields): Tuple | null {
  if (!p.proto || !p.saddr || !p.daddr) return null;
  return {
    proto: p.proto,
    src: p.saddr,
    dst: p.daddr,
    ...(p.sport !== undefined ? { sport: p.sport } : {}),
    ...(p.dport !== undefined ? { dport: p.dport } : {}),
    ...(p.proto === 'icmp' && p.icmpId !== undefined && /^echo/.test(p.icmpType ?? '')
      ? { id: p.icmpId }
      : {}),
  };
}

/** An endpoint as the flow keys write it: `10.0.0.2:5353`, or the bare address without ports. */
const endpoint = (a?: string, port?: number) => (port === undefined ? (a ?? '?') : `${a}:${port}`);

/**
 * Request or reply, and which exchange: conntrack's tuples decide where they know the packet.
 * Elsewhere (a namespace with no conntrack, such as a container's) the packet's own fields: an
 * echo request or a SYN opens, an ICMP error or an echo reply answers; for tcp and udp the
 * endpoint that sent first is the one that asks (`initiators`, by flow).
 */
function directionOf(
  p: PacketFields,
  conns: Connection[],
  initiators: Map<string, string>,
): { direction: Direction; flow: string } {
  const tuple = tupleOf(p);
  if (tuple) {
    const i = conns.findIndex((c) => sameTuple(tuple, c.original) || sameTuple(tuple, reversed(c.reply)));
    if (i >= 0) return { direction: 'request', flow: `ct${i}` };
    const j = conns.findIndex((c) => sameTuple(tuple, c.reply) || sameTuple(tuple, reversed(c.original)));
    if (j >= 0) return { direction: 'reply', flow: `ct${j}` };
  }
  if (p.proto === 'icmp') {
    const pair = [p.saddr, p.daddr].sort().join(' ');
    return { direction: p.icmpType === 'echo-request' ? 'request' : 'reply', flow: `icmp ${pair}` };
  }
  const flow = flowKey(p);
  const from = endpoint(p.saddr, p.sport);
  return { direction: (initiators.get(flow) ?? from) === from ? 'request' : 'reply', flow };
}

const flowKey = (p: PacketFields) =>
  `${p.proto} ${[endpoint(p.saddr, p.sport), endpoint(p.daddr, p.dport)].sort().join(' ')}`;

/** One packet's identity across namespaces: NAT rewrites addresses and ports, never the IP id. */
function packetKey(v: Visit): string {
  const p = firstPacket(v.events);
  const kind =
    p.proto === 'icmp' ? p.icmpType : p.proto === 'tcp' ? [...tcpFlagNames(p.tcpFlags)].sort().join() : '';
  return p.ipId === undefined ? `seq ${v.events[0]!.seq}` : `${v.flow} ${p.proto} ${p.ipId} ${kind}`;
}

/**
 * Every pass of every namespace, in the order the packets went. Each namespace's monitor prints
 * in the kernel's own order, so a namespace's passes keep theirs; the monitors run side by side,
 * so across namespaces the order lines were read in is only the last word. There, a packet is
 * sent before it is seen anywhere else; it is forwarded before it is delivered; its TTL falls
 * by one at each router; and a namespace that got it by an interface (veth, VXLAN) got it after
 * the namespace at that interface's other end (`peers`). The earliest packet in flight goes on
 * before another one starts.
 */
export function visitsOf(events: TraceEvent[], conns: Connection[], peers: Peers = new Map()): Visit[] {
  const byNs = new Map<string, TraceEvent[]>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const k = e.ns ?? '';
    byNs.set(k, [...(byNs.get(k) ?? []), e]);
  }
  const queues = [...byNs.values()].map((evs) => passes(evs));
  // who asked first in each tcp/udp flow conntrack does not know: the sender of the first SYN, else of the first packet sent
  const initiators = new Map<string, string>();
  const opening = queues
    .flat()
    .filter((pass) => ours(pass[0]!) && pass[0]!.chain === 'output')
    .sort((a, b) => a[0]!.seq - b[0]!.seq);
  const syn = (p: PacketFields) =>
    tcpFlagNames(p.tcpFlags).has('syn') && !tcpFlagNames(p.tcpFlags).has('ack');
  for (const pass of [...opening.filter((x) => syn(firstPacket(x))), ...opening]) {
    const p = firstPacket(pass);
    if ((p.proto === 'tcp' || p.proto === 'udp') && !initiators.has(flowKey(p)))
      initiators.set(flowKey(p), endpoint(p.saddr, p.sport));
  }
  const lanes: Visit[][] = queues.map((q) =>
    q.map((pass) => ({
      ns: pass[0]!.ns,
      events: pass,
      ...directionOf(firstPacket(pass), conns, initiators),
    })),
  );
  const all = lanes.flat();
  const packet = new Map(all.map((v) => [v, packetKey(v)]));
  const firstSeq = (key: (v: Visit) => string) => {
    const m = new Map<string, number>();
    for (const v of all) m.set(key(v), Math.min(m.get(key(v)) ?? Infinity, v.events[0]!.seq));
    return m;
  };
  const flowStart = firstSeq((v) => v.flow);
  const packetStart = firstSeq((v) => packet.get(v)!);

  const sent = (v: Visit) => ours(v.events[0]!) && v.events[0]!.chain === 'output';
  const delivered = (v: Visit) => v.events.some((e) => ours(e) && e.chain === 'input');
  const ttl = (v: Visit) => firstPacket(v.events).ttl ?? 0;
  const from = (v: Visit) => {
    const iif = firstPacket(v.events).iif;
    return iif ? (peers.get(peerKey(v.ns, iif)) ?? []) : [];
  };
  /** Of two passes of one packet, which came first: < 0 a, > 0 b, 0 when nothing tells. */
  const path = (a: Visit, b: Visit) =>
    Number(sent(b)) - Number(sent(a)) ||
    ttl(b) - ttl(a) ||
    (from(b).includes(a.ns) ? -1 : from(a).includes(b.ns) ? 1 : 0) ||
    Number(delivered(a)) - Number(delivered(b));

  const out: Visit[] = [];
  const done = new Set<Visit>();
  const started = new Map<string, number>();
  while (out.length < all.length) {
    const heads = lanes.filter((l) => l.length > 0).map((l) => l[0]!);
    // a pass waits while another pass of its packet, not taken yet, comes before it
    const ready = heads.filter((h) =>
      all.every((p) => p === h || done.has(p) || packet.get(p) !== packet.get(h) || path(p, h) >= 0),
    );
    const rank = (v: Visit) => started.get(packet.get(v)!) ?? Infinity;
    const pick = (ready.length ? ready : heads).reduce((a, b) => {
      const c =
        rank(a) - rank(b) ||
        (packet.get(a) === packet.get(b) ? path(a, b) : 0) ||
        flowStart.get(a.flow)! - flowStart.get(b.flow)! ||
        packetStart.get(packet.get(a)!)! - packetStart.get(packet.get(b)!)! ||
        a.events[0]!.seq - b.events[0]!.seq;
      return c <= 0 ? a : b;
    });
    lanes.find((l) => l[0] === pick)!.shift();
    done.add(pick);
    if (!started.has(packet.get(pick)!)) started.set(packet.get(pick)!, out.length);
    out.push(pick);
  }
  return out;
}

// ── rules and their steps ────────────────────────────────────────────────────────────────────

interface Attribution {
  step?: string;
  docker?: string;
  fault?: string;
}

const dockerName = (chain: string) => chain.replace(/^NSLAB/, 'DOCKER');

/** The step (and fault) behind an iptables rule or policy of namespace `ns`, from the plan. */
function attribute(
  plan: Plan,
  ns: string | null,
  table: string,
  chain: string,
  args: string[] | null,
  policy?: string,
): Attribution {
  const key = args ? ruleKey(args) : null;
  let found: Attribution = {};
  for (const [i, step] of plan.steps.entries())
    for (const c of step.commands) {
      if (c.tool !== 'iptables' || c.ns !== ns || (c.table ?? 'filter') !== table || c.chain !== chain)
        continue;
      // a policy is the last -P the plan sets, and only when it is the one the kernel applied
      const hit =
        key === null
          ? c.op === '-P' && c.args[0]?.toLowerCase() === policy
          : (c.op === '-A' || c.op === '-I') && ruleKey(c.args) === key;
      if (key === null && c.op === '-P') found = {};
      if (!hit) continue;
      const fault = c.tags?.find((tag) => tag.startsWith('fault:'))?.slice('fault:'.length);
      // a fault's command sits in whichever step plant() put it: what Docker does there is not its story
      found = {
        step: t('step {n}: {title}', { n: i + 1, title: step.title }),
        ...(fault ? { fault } : { docker: step.docker }),
      };
      if (key !== null) return found;
    }
  return found;
}

/** What Docker does about a chain's policy, for a policy that ended a packet's way. */
function policyBehind(chain: string, verdict: string | undefined): { docker?: string } {
  if (chain !== 'FORWARD' || verdict !== 'drop') return {};
  return {
    docker: t(
      'dockerd sets FORWARD’s policy to DROP when it turns ip_forward on, and accepts only its own bridges’ traffic (-i BRIDGE -o BRIDGE -j ACCEPT …); with br_netfilter, frames bridged between two containers meet it too',
    ),
  };
}

/** The hops of a pass: every rule that matched and every chain's end, with who made each. */
function hopsOf(plan: Plan, v: Visit, listings: Listings): Hop[] {
  const hops: Hop[] = [];
  let hook = '';
  for (const e of v.events) {
    if (ours(e)) {
      if (e.type === 'packet') hook = e.family === 'bridge' ? `bridge ${e.chain}` : e.chain;
      continue;
    }
    if (e.type === 'packet') continue;
    const base = { namespace: nsName(v.ns), hook, table: e.table, chain: e.chain, verdict: e.verdict ?? '' };
    if (e.type === 'rule') {
      const listing = listings.get(listingKey(v.ns, e.table, e.chain));
      const at = listing ? listing.nft.indexOf(withoutCounters(e.rule ?? '')) : -1;
      const args = at >= 0 ? (listing!.save[at] ?? null) : null;
      const who = args ? attribute(plan, v.ns, e.table, e.chain, args) : {};
      const rule = args
        ? `${e.table === 'filter' ? '' : `-t ${e.table} `}-A ${e.chain} ${args.join(' ')}`
        : withoutCounters(e.rule ?? '');
      hops.push({ ...base, rule, ...who });
    } else {
      const who = attribute(plan, v.ns, e.table, e.chain, null, e.verdict);
      hops.push({ ...base, rule: null, ...who, ...policyBehind(e.chain, e.verdict) });
    }
  }
  return hops.map((h) =>
    h.docker || !/^NSLAB/.test(h.chain)
      ? h
      : { ...h, docker: t("Docker's {chain}", { chain: dockerName(h.chain) }) },
  );
}

export function packetText(p: PacketFields): string {
  const port = (a?: string, n?: number) => (n === undefined ? (a ?? '?') : `${a}:${n}`);
  const what =
    p.proto === 'icmp'
      ? `icmp ${p.icmpType ?? ''}${/echo/.test(p.icmpType ?? '') || !p.icmpCode ? '' : ` (${p.icmpCode})`}`.trim()
      : p.proto === 'tcp'
        ? `tcp ${[...tcpFlagNames(p.tcpFlags)].join('+').toUpperCase()}`
        : (p.proto ?? 'ip');
  return `${what} ${port(p.saddr, p.sport)} → ${port(p.daddr, p.dport)}`;
}

const isDrop = (verdict: string | undefined) => /^(drop|reject)/.test(verdict ?? '');

export function legOf(plan: Plan, v: Visit, listings: Listings): Leg {
  const first = firstPacket(v.events);
  const last = lastPacket(v.events);
  const hops = hopsOf(plan, v, listings);
  const bridgeFwd = v.events.find((e) => ours(e) && e.family === 'bridge' && e.chain === 'forward');
  const dropped = hops.some((h) => isDrop(h.verdict));
  const has = (chain: string) => v.events.some((e) => ours(e) && e.family !== 'bridge' && e.chain === chain);
  const sentFirst = ours(v.events[0]!) && v.events[0]!.chain === 'output';
  const end: Leg['end'] = dropped
    ? 'dropped'
    : has('input')
      ? 'delivered'
      : sentFirst
        ? 'sent'
        : has('forward') || bridgeFwd
          ? 'forwarded'
          : 'vanished';
  // a frame that came in by a bridge port: IP sees it arrive on the bridge itself
  const bridgeIn =
    v.events[0]!.family === 'bridge'
      ? v.events.find((e) => e.type === 'packet' && e.family !== 'bridge')?.packet?.iif
      : undefined;
  const out = [...v.events].reverse().find((e) => e.type === 'packet' && e.packet?.oif)?.packet?.oif;
  const leftAs = packetText(last) !== packetText(first) ? { leftAs: packetText(last) } : {};
  return {
    namespace: nsName(v.ns),
    who: whoIs(plan, v.ns),
    direction: v.direction,
    packet: packetText(first),
    ...leftAs,
    ...(first.iif ? { in: first.iif } : {}),
    ...(bridgeIn ? { bridge: bridgeIn } : {}),
    ...(out ? { out } : {}),
    ...(bridgeFwd?.packet?.iif && bridgeFwd.packet.oif
      ? { bridged: { in: bridgeFwd.packet.iif, out: bridgeFwd.packet.oif } }
      : {}),
    hops,
    end,
  };
}

/** NAT of the connections the probe's packets belonged to. */
export const natsOf = (conns: Connection[], plan: Plan, visits: Visit[]) =>
  conns.flatMap((c, i) => {
    const n = visits.some((v) => v.flow === `ct${i}`) ? natOf(c) : null;
    return n ? [{ namespace: nsName(c.ns), who: whoIs(plan, c.ns), ...n }] : [];
  });
