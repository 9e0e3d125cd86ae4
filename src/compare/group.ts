// What a learner reads first: compare's rows counted, a property that Docker and the lab set
// the same way in every container shown once with the containers it covers, and the rows that
// say something (a difference, a choice, an explanation) before those that only agree. Pure.
import type { Row, Verdict } from './diff.js';
import { t } from '../i18n/index.js';

/** One line of the table: a row, or the same finding about several containers. */
export interface Shown {
  property: string;
  /** the containers this finding covers (empty: a row about the host, a bridge, a rule, a check) */
  containers: string[];
  /** what it is about (bridge br0, host, iptables, check, or the containers) and which property of it */
  subject: string;
  aspect: string;
  hand: string;
  docker: string;
  verdict: Verdict;
  why: string;
}

export interface Summary {
  rows: number;
  counts: Record<Verdict, number>;
  /** each differing property in one line: what it is on each side */
  differing: string[];
}

/**
 * Many values in one cell: the value when all agree; else what they share up to a separator
 * (02:42:ac:11:00:…) when that is most of each; else each container's own, or, when that is
 * long (random MACs), the first one's and "likewise" for the others (the JSON has every row).
 */
function merged(values: string[], who: string[]): string {
  if (values.every((v) => v === values[0])) return values[0]!;
  let common = values[0]!;
  for (const v of values) while (!v.startsWith(common)) common = common.slice(0, -1);
  const cut = Math.max(common.lastIndexOf(':'), common.lastIndexOf('.'), common.lastIndexOf(' '));
  const shortest = Math.min(...values.map((v) => v.length));
  if (cut >= 5 && cut + 1 >= shortest / 2) return `${common.slice(0, cut + 1)}…`;
  // a cell is a third of the table: two random MACs side by side would fill four lines of it
  const each = values.map((v, i) => `${who[i]}: ${v}`).join('; ');
  return each.length <= 40
    ? each
    : t('{first}: {value}; likewise {others}', {
        first: who[0]!,
        value: values[0]!,
        others: who.slice(1).join(', '),
      });
}

/**
 * Rows about containers merged when the property, verdict and explanation agree (unless `merge`
 * is false: `--group none`); order kept.
 */
export function groupRows(rows: Row[], merge = true): Shown[] {
  const groups = new Map<string, Row[]>();
  const order: (Row[] | Row)[] = [];
  for (const r of rows) {
    if (!r.container || !r.aspect || !merge) {
      order.push(r);
      continue;
    }
    const key = JSON.stringify([r.aspect, r.verdict, r.why]);
    const g = groups.get(key);
    if (g) g.push(r);
    else {
      const fresh = [r];
      groups.set(key, fresh);
      order.push(fresh);
    }
  }
  return order.map((g): Shown => {
    if (!Array.isArray(g) || g.length === 1) {
      const r = Array.isArray(g) ? g[0]! : g;
      const cut = r.property.indexOf(': ');
      const [subject, aspect] =
        r.container && r.aspect
          ? [r.container, r.aspect]
          : cut < 0
            ? [r.property, '']
            : [r.property.slice(0, cut), r.property.slice(cut + 2)];
      return { ...pick(r), containers: r.container ? [r.container] : [], subject, aspect };
    }
    const who = g.map((r) => r.container!);
    return {
      property: `${g[0]!.aspect!} — ${who.join(', ')}`,
      containers: who,
      subject: who.join(', '),
      aspect: g[0]!.aspect!,
      hand: merged(
        g.map((r) => r.hand),
        who,
      ),
      docker: merged(
        g.map((r) => r.docker),
        who,
      ),
      verdict: g[0]!.verdict,
      why: g[0]!.why,
    };
  });
}

const pick = ({ property, hand, docker, verdict, why }: Row) => ({ property, hand, docker, verdict, why });

export function summarise(rows: Row[]): Summary {
  const counts: Record<Verdict, number> = { same: 0, docker: 0, lab: 0, skipped: 0, differs: 0 };
  for (const r of rows) counts[r.verdict]++;
  return {
    rows: rows.length,
    counts,
    differing: groupRows(rows.filter((r) => r.verdict === 'differs')).map((s) =>
      t('{property}: hand-built {hand} · Docker {docker}', {
        property: s.property,
        hand: s.hand,
        docker: s.docker,
      }),
    ),
  };
}

/** `--group`: by what was found (the default), in the order measured, or each container's own rows. */
export const GROUP = ['verdict', 'section', 'none'] as const;
export type Group = (typeof GROUP)[number];

/** The table's order for `--group verdict`: what to repair, then the choices and why, then the rest. */
const RANK: Record<Verdict, number> = { differs: 0, docker: 1, lab: 2, skipped: 3, same: 4 };
export const byVerdict = (shown: Shown[]): Shown[] =>
  shown
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => RANK[a.verdict] - RANK[b.verdict] || i - j)
    .map(([s]) => s);

/** A row that only agrees: the same on both sides, with nothing to explain. */
export const plainSame = (s: Shown): boolean => s.verdict === 'same' && !s.why;

/**
 * Rows that only agree, named in a few lines: "bridge br0: MTU, STP; c1, c2 eth0: kind, MTU" —
 * each subject once, its properties after it; rules and checks counted (their text is long).
 */
export function sameList(shown: Shown[]): string[] {
  const bySubject = new Map<string, string[]>();
  for (const s of shown) {
    // "eth0: MTU" of c1, c2 is said as "c1, c2 eth0: MTU", so their eth0's properties go together
    const inner = s.containers.length > 0 ? /^(\S+): (.+)$/.exec(s.aspect) : null;
    const subject = inner ? `${s.subject} ${inner[1]!}` : s.subject;
    const list = bySubject.get(subject) ?? [];
    list.push(inner ? inner[2]! : s.aspect);
    bySubject.set(subject, list);
  }
  return [...bySubject].map(
    ([subject, aspects]) => COUNTED.get(subject)?.(aspects.length) ?? `${subject}: ${aspects.join(', ')}`,
  );
}
const COUNTED = new Map<string, (n: number) => string>([
  ['iptables', (n) => (n > 1 ? t('{n} iptables rules', { n }) : t('{n} iptables rule', { n }))],
  ['check', (n) => t('{n} of the lab’s checks', { n })],
  ['hairpin', (n) => (n > 1 ? t('{n} hairpin paths', { n }) : t('{n} hairpin path', { n }))],
]);

/** `--only`: a verdict, or `choice` for Docker’s and the lab’s choices together. */
export const ONLY = ['same', 'differ', 'choice', 'skipped'] as const;
export type Only = (typeof ONLY)[number];
export const onlyMatches = (only: Only | undefined, v: Verdict): boolean =>
  !only ||
  (only === 'differ' ? v === 'differs' : only === 'choice' ? v === 'docker' || v === 'lab' : v === only);
