// The end of a journey in one sentence: delivered (and answered), dropped (where, by which rule
// or policy, made by which step or fault), or lost (no route, no neighbour, no listener, no
// answer). The probe's own result decides delivered; the kernel's trace decides the rest.
import type { Probe } from '../check/run.js';
import { ipIn } from '../plan/command.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';
import { whoIs, type Hop, type Leg } from './journey.js';

export type Verdict = 'delivered' | 'dropped' | 'lost' | 'interrupted';

const isDrop = (h: Hop) => /^(drop|reject)/.test(h.verdict);

const where = (h: Hop, plan: Plan, nsOf: Map<string, string | null>) =>
  `${whoIs(plan, nsOf.get(h.namespace) ?? null)} [${h.namespace}]`;

function dropText(h: Hop, plan: Plan, nsOf: Map<string, string | null>): string {
  const by = h.rule ? `the rule ${h.rule}` : `${h.chain}'s policy ${h.verdict.toUpperCase()}`;
  const hook = h.hook ? ` at ${h.hook}` : '';
  const made = h.fault ? ` — the exercise's fault (${h.fault})` : h.step ? ` — made by ${h.step}` : '';
  return `dropped in ${where(h, plan, nsOf)}${hook}, ${h.table} ${h.chain}: ${by}${made}`;
}

const target = (c: PlannedCheck) =>
  c.kind === 'resolve'
    ? c.lookup
    : c.kind === 'listen'
      ? `port ${c.port}`
      : 'port' in c
        ? `${c.address}:${c.port}`
        : c.address;

/** The next hop a namespace would use for `address`, and its neighbour entry's state. */
async function neighbourOf(ns: string | null, address: string): Promise<string | null> {
  const r = await run(ipIn(ns, 'route', 'get', address));
  if (r.exitCode !== 0) return null;
  const m = /^(\S+)(?: via (\S+))? dev (\S+)/.exec(r.stdout.trim());
  if (!m) return null;
  const hop = m[2] ?? m[1]!;
  const n = await run(ipIn(ns, 'neigh', 'show', 'to', hop, 'dev', m[3]!));
  const state = /(FAILED|INCOMPLETE)/.exec(n.stdout)?.[1];
  return state ? `nobody answered ARP for ${hop} on ${m[3]} (neighbour ${state})` : null;
}

export async function judgeJourney(
  plan: Plan,
  check: PlannedCheck,
  probe: Probe,
  legs: Leg[],
  namespaces: (string | null)[],
  counted?: Hop[],
): Promise<{ verdict: Verdict; reason: string }> {
  const nsOf = new Map(namespaces.map((n) => [n ?? 'this machine’s own namespace', n]));
  if (probe.interrupted)
    return {
      verdict: 'interrupted',
      reason: `the probe was stopped (${probe.interrupted}) before it could prove anything`,
    };
  const from = whoIs(plan, check.netns);
  if (probe.reached) {
    const arrived = legs.find(
      (l) => l.direction === 'request' && l.end === 'delivered' && l.namespace !== (check.netns ?? ''),
    );
    const answer = legs.some((l) => l.direction === 'reply') ? ', and the answer came back' : '';
    if (check.kind === 'resolve' && legs.length === 0)
      return { verdict: 'delivered', reason: `${probe.detail ?? check.lookup}: no packet needed` };
    return {
      verdict: 'delivered',
      reason: arrived
        ? `delivered to ${arrived.who} [${arrived.namespace}]${answer}`
        : `${target(check)} answered ${from}${answer}`,
    };
  }
  const hops = counted ?? legs.flatMap((l) => l.hops);
  const drop = hops.find(isDrop);
  if (drop) return { verdict: 'dropped', reason: dropText(drop, plan, nsOf) };
  const detail = probe.detail ?? '';
  const refused = legs.find(
    (l) => l.direction === 'reply' && (/^tcp \S*RST/.test(l.packet) || /port-unreachable/.test(l.packet)),
  );
  if (/ECONNREFUSED|refused/i.test(detail) || refused) {
    const answeredBy = refused
      ? ` (${refused.who} answered ${refused.packet.split(' ').slice(0, 2).join(' ')})`
      : '';
    return { verdict: 'lost', reason: `no listener: nothing listens on ${target(check)}${answeredBy}` };
  }
  if (/unreachable/i.test(detail) && !/host unreachable/i.test(detail)) {
    const route = await run(
      ipIn(check.netns, 'route', 'get', 'address' in check && check.address ? check.address : '0.0.0.0'),
    );
    const why = route.exitCode === 0 ? detail : route.stderr.trim().replace(/^RTNETLINK answers: /, '');
    return { verdict: 'lost', reason: `no route: ${from} has no route to ${target(check)} (${why})` };
  }
  // The last place the request was seen, and whether its next hop ever answered ARP.
  const last = [...legs].reverse().find((l) => l.direction === 'request');
  const lastNs = last ? (nsOf.get(last.namespace) ?? null) : check.netns;
  const address = 'address' in check ? check.address : null;
  const neighbour = address ? await neighbourOf(lastNs, address) : null;
  if (neighbour || /host unreachable/i.test(detail))
    return {
      verdict: 'lost',
      reason: `no neighbour: ${neighbour ?? detail} in ${whoIs(plan, lastNs)}`,
    };
  if (check.kind === 'resolve') return { verdict: 'lost', reason: `no answer: ${detail}` };
  const seen = last ? `last seen ${last.end} in ${last.who} [${last.namespace}]` : `never left ${from}`;
  return { verdict: 'lost', reason: `no answer: ${seen}${detail ? ` (${detail})` : ''}` };
}
