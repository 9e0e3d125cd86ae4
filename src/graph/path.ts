// A traced probe on the picture: the boxes each leg of the journey passed through, in order, the
// cables between them, and where the probe stopped. Pure: the legs come from a trace (src/trace),
// the boxes from topology.ts; draw.ts paints them.
import type { Plan } from '../plan/types.js';
import { nsName, type Hop, type Leg } from '../trace/journey.js';
import type { HostView, Port, Topology } from './topology.js';
import { t } from '../i18n/index.js';
import { verdictWord, type Verdict } from '../trace/verdict.js';

/** Identifiers for mermaid and dot: letters, digits and _ only. */
export const nodeId = (...parts: string[]) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');

/** Which way the probe's packets went along a cable: out, back, or both. */
type Way = 'request' | 'reply' | 'both';

export interface TracedPath {
  /** the probe: `c1 → outside (203.0.113.10)` */
  probe: string;
  /** `DELIVERED: …`, `DROPPED: …`, `LOST: …` */
  verdict: string;
  /** node → the numbers of the legs that passed through it, as trace numbers them */
  nodes: Record<string, number[]>;
  /** cable (its two nodes, sorted, joined by ` -- `) → which way the probe's packets went along it */
  wires: Record<string, Way>;
  /** where it was dropped, or last seen when lost */
  stop: { node: string; text: string } | null;
  /** each leg in one line: `2. host [ns]: in ve-c1 (br0) → out eth0, forwarded` */
  legs: string[];
}

export const wireKey = (a: string, b: string): string => [a, b].sort().join(' -- ');

/** The cables the pictures draw, as pairs of node ids (draw.ts draws the same ones). */
function wiresOf(topo: Topology): [string, string][] {
  const wires: [string, string][] = [];
  for (const h of topo.hosts) {
    if (h.uplink && topo.outside) wires.push([nodeId(h.name, 'uplink'), 'outside']);
    for (const s of h.segments)
      for (const p of s.ports)
        if (p.hostEnd)
          wires.push(
            [nodeId(h.name, 'seg', s.name), nodeId(h.name, 'end', p.hostEnd)],
            [nodeId(h.name, 'end', p.hostEnd), nodeId(p.container, p.inside)],
          );
        else wires.push([nodeId(h.name, 'seg', s.name), nodeId(p.container, p.inside)]);
    for (const p of h.unplugged)
      if (p.hostEnd) wires.push([nodeId(h.name, 'end', p.hostEnd), nodeId(p.container, p.inside)]);
  }
  for (const x of topo.tunnels)
    wires.push([nodeId(x.from, 'seg', x.network), nodeId(x.to, 'seg', x.network)]);
  return wires;
}

const portsOf = (h: HostView): { port: Port; segment: string | null }[] => [
  ...h.segments.flatMap((s) => s.ports.map((port) => ({ port, segment: s.name }))),
  ...h.unplugged.map((port) => ({ port, segment: null })),
];

/** The box an interface of a Docker host is drawn as: a bridge (or parent), a cable's host end, the uplink. */
function hostBox(h: HostView, ifname: string | undefined): string | null {
  if (!ifname) return null;
  if (h.segments.some((s) => s.name === ifname)) return nodeId(h.name, 'seg', ifname);
  if (portsOf(h).some((x) => x.port.hostEnd === ifname)) return nodeId(h.name, 'end', ifname);
  if (h.uplink?.split(' ')[0] === ifname) return nodeId(h.name, 'uplink');
  return null;
}

/** The boxes one leg touched, in order (boxes in between are found along the cables). */
function boxesOf(topo: Topology, plan: Plan, leg: Leg): string[] {
  const host = topo.hosts.find((h) => nsName(h.ns) === leg.namespace);
  if (host) {
    const came = (
      leg.bridge ? [hostBox(host, leg.in), nodeId(host.name, 'seg', leg.bridge)] : [hostBox(host, leg.in)]
    ).filter((b): b is string => b !== null);
    // dropped on the way through: it never left by the port or interface it was headed for
    const left =
      leg.end === 'delivered' || (leg.end === 'dropped' && came.length)
        ? null
        : hostBox(host, leg.bridged?.out ?? leg.out);
    return left ? [...came, left] : came;
  }
  if (plan.outsideNs !== null && leg.namespace === plan.outsideNs && topo.outside) return ['outside'];
  const containers = Object.entries(plan.containerNs)
    .filter(([, ns]) => nsName(ns) === leg.namespace)
    .map(([c]) => c);
  const ports = topo.hosts.flatMap(portsOf).filter((x) => containers.includes(x.port.container));
  const ifname = leg.end === 'sent' ? leg.out : leg.in;
  const port = ports.find((x) => x.port.inside === ifname) ?? ports[0];
  if (port) return [nodeId(port.port.container, port.port.inside)];
  // a container with no cable of its own (network none, host, container:X) is one box
  const other = topo.hosts.flatMap((h) => h.others).find((o) => containers.includes(o.container));
  return other ? [nodeId('c', other.container)] : [];
}

/** The boxes between two, along the cables: the shortest way, or none when no cable joins them (a routing decision). */
function between(from: string, to: string, adjacent: Map<string, string[]>): string[] | null {
  const before = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) {
      const way = [to];
      while (way[0] !== from) way.unshift(before.get(way[0]!)!);
      return way;
    }
    for (const next of adjacent.get(at) ?? [])
      if (!before.has(next)) {
        before.set(next, at);
        queue.push(next);
      }
  }
  return null;
}

const legLine = (leg: Leg, n: number): string => {
  const by = leg.bridge ? `${leg.in} (${leg.bridge})` : leg.in;
  const out = leg.bridged?.out ?? leg.out;
  const through = [
    by ? t('in {by}', { by }) : '',
    out && leg.end !== 'delivered'
      ? leg.end === 'dropped'
        ? t('headed for {out}', { out })
        : t('out {out}', { out })
      : '',
  ].filter(Boolean);
  const end = {
    delivered: t('delivered'),
    forwarded: t('forwarded'),
    sent: t('sent'),
    dropped: t('dropped'),
    vanished: t('vanished'),
  }[leg.end];
  return `${n}. ${leg.who} [${leg.namespace}]: ${leg.packet}${through.length ? `, ${through.join(' → ')}` : ''}, ${end}`;
};

/** What a trace says, put on the boxes and cables of `topo`. `sender`: the namespace the probe left from. */
export function tracedPath(
  topo: Topology,
  plan: Plan,
  trace: { legs: Leg[]; verdict: Verdict; reason: string },
  probe: string,
  sender: string | null,
): TracedPath {
  const adjacent = new Map<string, string[]>();
  for (const [a, b] of wiresOf(topo)) {
    adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
    adjacent.set(b, [...(adjacent.get(b) ?? []), a]);
  }
  const nodes: Record<string, number[]> = {};
  const wires: Record<string, Way> = {};
  const seen = (node: string, n?: number) => {
    const had = nodes[node] ?? [];
    nodes[node] = n === undefined || had.includes(n) ? had : [...had, n];
  };
  const walked = (a: string, b: string, way: Leg['direction']) => {
    const k = wireKey(a, b);
    wires[k] = wires[k] === undefined || wires[k] === way ? way : 'both';
  };
  const boxes = trace.legs.map((leg) => boxesOf(topo, plan, leg));
  // boxes found along the cables belong to the leg that was leaving by them (out br0: its port)
  let last: { box: string; direction: Leg['direction']; n: number } | null = null;
  for (const [i, leg] of trace.legs.entries())
    for (const box of boxes[i]!) {
      // from the box before, along the cables, when one joins them (inside one namespace the
      // kernel routes from interface to interface: no cable is drawn there)
      const way =
        last && last.direction === leg.direction && last.box !== box
          ? between(last.box, box, adjacent)
          : null;
      if (way)
        way.forEach((b, j) => {
          if (j > 0 && j < way.length - 1) seen(b, last!.n);
          if (j > 0) walked(way[j - 1]!, b, leg.direction);
        });
      seen(box, i + 1);
      last = { box, direction: leg.direction, n: i + 1 };
    }
  const stop = stopOf(topo, plan, trace, boxes, sender);
  if (stop) seen(stop.node);
  return {
    probe,
    verdict: `${verdictWord(trace.verdict)}: ${trace.reason}`,
    nodes,
    wires,
    stop,
    legs: trace.legs.map((leg, i) => legLine(leg, i + 1)),
  };
}

/** The rule or policy that dropped it, as the learner types it: `iptables -P FORWARD DROP`. */
function ruleText(h: Hop): string {
  const table = h.table === 'filter' ? '' : `-t ${h.table} `;
  if (h.rule === null) return `iptables ${table}-P ${h.chain} ${h.verdict.toUpperCase()}`;
  // as iptables prints it (`-A …`, `-t nat -A …`), or as nft does when iptables has no such rule
  return /^-[At] /.test(h.rule) ? `iptables ${h.rule}` : `${h.table} ${h.chain}: ${h.rule}`;
}

/** Where a dropped or lost probe stopped: the last box of the leg it was dropped in, or last seen in. */
function stopOf(
  topo: Topology,
  plan: Plan,
  trace: { legs: Leg[]; verdict: string; reason: string },
  boxes: string[][],
  sender: string | null,
): TracedPath['stop'] {
  if (trace.verdict !== 'dropped' && trace.verdict !== 'lost') return null;
  const legs = trace.legs.map((leg, i) => ({ leg, boxes: boxes[i]! }));
  const at =
    trace.verdict === 'dropped'
      ? legs.filter((x) => x.leg.end === 'dropped').at(-1)
      : legs.filter((x) => x.leg.direction === 'request').at(-1);
  const drop = at?.leg.hops.find((h) => /^(drop|reject)/.test(h.verdict));
  const text =
    trace.verdict === 'dropped'
      ? t('✗ dropped: {what}', { what: drop ? ruleText(drop) : t('here') })
      : t('✗ lost: {why}', { why: trace.reason.split(':')[0]! });
  // no packet seen anywhere (no route: the kernel refused to send it): the sender's box
  const node =
    at?.boxes.at(-1) ??
    boxesOf(topo, plan, {
      namespace: nsName(sender),
      who: '',
      direction: 'request',
      packet: '',
      hops: [],
      end: 'sent',
    })[0];
  return node ? { node, text } : null;
}
