// The end of a journey in one sentence: delivered (and answered), dropped (where, by which rule
// or policy, made by which step or fault), or lost (no route, no neighbour, no listener, no
// answer). The probe's own result decides delivered; the kernel's trace decides the rest.
import type { Probe } from '../check/run.js';
import { ipIn } from '../plan/command.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';
import { t } from '../i18n/index.js';
import { nsName, whoIs, type Hop, type Leg } from './journey.js';

export type Verdict = 'delivered' | 'dropped' | 'lost' | 'interrupted';

/** The verdict as a trace's last line says it: DROPPED (and its word in the learner's language). */
export const verdictWord = (v: Verdict): string =>
  ({
    delivered: t('DELIVERED'),
    dropped: t('DROPPED'),
    lost: t('LOST'),
    interrupted: t('INTERRUPTED'),
  })[v];

const isDrop = (h: Hop) => /^(drop|reject)/.test(h.verdict);

const where = (h: Hop, plan: Plan, nsOf: Map<string, string | null>) =>
  `${whoIs(plan, nsOf.get(h.namespace) ?? null)} [${h.namespace}]`;

function dropText(h: Hop, plan: Plan, nsOf: Map<string, string | null>): string {
  const by = h.rule
    ? t('the rule {rule}', { rule: h.rule })
    : t("{chain}'s policy {policy}", { chain: h.chain, policy: h.verdict.toUpperCase() });
  const made = h.fault
    ? t(" — the exercise's fault ({fault})", { fault: h.fault })
    : h.step
      ? t(' — made by {step}', { step: h.step })
      : '';
  const vars = { where: where(h, plan, nsOf), hook: h.hook, table: h.table, chain: h.chain, by, made };
  return h.hook
    ? t('dropped in {where} at {hook}, {table} {chain}: {by}{made}', vars)
    : t('dropped in {where}, {table} {chain}: {by}{made}', vars);
}

const target = (c: PlannedCheck) =>
  c.kind === 'resolve'
    ? c.lookup
    : c.kind === 'listen'
      ? t('port {port}', { port: c.port })
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
  return state
    ? t('nobody answered ARP for {hop} on {dev} (neighbour {state})', { hop, dev: m[3]!, state })
    : null;
}

/**
 * A name that resolved: from /etc/hosts no packet is needed; the DNS queries a trace may still
 * show there are getent's first lookup, of an IPv6 address, which the hosts file lacks.
 */
function resolved(probe: Probe, legs: Leg[]): string {
  const said = probe.detail ?? t('resolved');
  if (probe.via === '/etc/hosts')
    return legs.length
      ? t(
          '{said}: /etc/hosts answered, no packet needed (the DNS queries traced are getent asking for an IPv6 address first, which /etc/hosts does not list)',
          { said },
        )
      : t('{said}: /etc/hosts answered, no packet needed', { said });
  const back = legs.some((l) => l.direction === 'reply' && l.end === 'delivered');
  const vars = { said, via: probe.via ?? t('the DNS server') };
  return back
    ? t('{said}: {via} answered, and the answer came back', vars)
    : t('{said}: {via} answered', vars);
}

export async function judgeJourney(
  plan: Plan,
  check: PlannedCheck,
  probe: Probe,
  legs: Leg[],
  namespaces: (string | null)[],
  counted?: Hop[],
): Promise<{ verdict: Verdict; reason: string }> {
  const nsOf = new Map(namespaces.map((n) => [nsName(n), n]));
  if (probe.interrupted)
    return {
      verdict: 'interrupted',
      reason: t('the probe was stopped ({signal}) before it could prove anything', {
        signal: probe.interrupted,
      }),
    };
  const from = whoIs(plan, check.netns);
  if (probe.reached) {
    const answered = legs.some((l) => l.direction === 'reply');
    if (check.kind === 'resolve') return { verdict: 'delivered', reason: resolved(probe, legs) };
    // every namespace the request was delivered to, in order: a docker-proxy's is the first of two
    const sender = nsName(check.netns);
    const arrivals = [
      ...new Set(
        legs
          .filter((l) => l.direction === 'request' && l.end === 'delivered')
          .map((l) => `${l.who} [${l.namespace}]${l.namespace === sender ? t(' (itself)') : ''}`),
      ),
    ];
    return {
      verdict: 'delivered',
      reason: arrivals.length
        ? answered
          ? t('delivered to {places}, and the answer came back', { places: arrivals.join(t(', then to ')) })
          : t('delivered to {places}', { places: arrivals.join(t(', then to ')) })
        : answered
          ? t('{target} answered {from}, and the answer came back', { target: target(check), from })
          : t('{target} answered {from}', { target: target(check), from }),
    };
  }
  const hops = counted ?? legs.flatMap((l) => l.hops);
  const drop = hops.find(isDrop);
  if (drop) return { verdict: 'dropped', reason: dropText(drop, plan, nsOf) };
  const detail = probe.detail ?? '';
  const refused = legs.find(
    (l) => l.direction === 'reply' && (/^tcp \S*RST/.test(l.packet) || /port-unreachable/.test(l.packet)),
  );
  const answeredBy = refused
    ? t(' ({who} answered {packet})', {
        who: refused.who,
        packet: refused.packet.split(' → ')[0]!.replace(/ \S+$/, ''),
      })
    : '';
  if (check.kind === 'resolve') {
    // getent's DNS query: refused, answered without the name, or lost on the way
    const server = `${(probe.via ?? 'DNS').replace(/^DNS ?/, '') || t('the nameserver')}:53`;
    if (refused)
      return {
        verdict: 'lost',
        reason: t('no DNS server: nothing listens on {server} for {from}{answeredBy}', {
          server,
          from,
          answeredBy,
        }),
      };
    if (
      legs.some(
        (l) => l.direction === 'reply' && l.end === 'delivered' && l.namespace === nsName(check.netns),
      )
    )
      return {
        verdict: 'lost',
        reason: t('unknown name: {via} answered {from} without an address for {name}', {
          via: probe.via ?? 'DNS',
          from,
          name: check.lookup,
        }),
      };
  }
  if (/ECONNREFUSED|refused/i.test(detail) || refused)
    return {
      verdict: 'lost',
      reason: t('no listener: nothing listens on {target}{answeredBy}', {
        target: target(check),
        answeredBy,
      }),
    };
  if (/message too long|frag needed/i.test(detail))
    return {
      verdict: 'lost',
      reason: t('too big: {from} sends it with DF (do not fragment) over a smaller MTU ({detail})', {
        from,
        detail,
      }),
    };
  if (/unreachable/i.test(detail) && !/host unreachable/i.test(detail)) {
    const route = await run(
      ipIn(check.netns, 'route', 'get', 'address' in check && check.address ? check.address : '0.0.0.0'),
    );
    const why = route.exitCode === 0 ? detail : route.stderr.trim().replace(/^RTNETLINK answers: /, '');
    return {
      verdict: 'lost',
      reason: t('no route: {from} has no route to {target} ({why})', { from, target: target(check), why }),
    };
  }
  // The last place the request was seen, and whether its next hop ever answered ARP.
  const last = [...legs].reverse().find((l) => l.direction === 'request');
  const lastNs = last ? (nsOf.get(last.namespace) ?? null) : check.netns;
  const address = 'address' in check ? check.address : null;
  const neighbour = address ? await neighbourOf(lastNs, address) : null;
  if (neighbour || /host unreachable/i.test(detail))
    return {
      verdict: 'lost',
      reason: t('no neighbour: {what} in {who}', { what: neighbour ?? detail, who: whoIs(plan, lastNs) }),
    };
  if (check.kind === 'resolve') return { verdict: 'lost', reason: t('no answer: {detail}', { detail }) };
  const at = last ? `${last.who} [${last.namespace}]` : '';
  const seen = !last
    ? t('never left {from}', { from })
    : last.end === 'vanished'
      ? t('last seen in {at}, which neither delivered nor forwarded it', { at }) +
        (last.route ? ` (${last.route})` : '')
      : {
          delivered: t('last seen delivered in {at}', { at }),
          forwarded: t('last seen forwarded in {at}', { at }),
          sent: t('last seen sent in {at}', { at }),
          dropped: t('last seen dropped in {at}', { at }),
        }[last.end];
  return {
    verdict: 'lost',
    reason: t('no answer: {detail}', { detail: `${seen}${detail ? ` (${detail})` : ''}` }),
  };
}
