// A trace for people: the journey numbered, leg by leg, each rule hit with the step that made it,
// then the NAT conntrack recorded and the verdict in one line.
import type { Hop, Leg } from '../trace/journey.js';
import type { Trace } from '../trace/run.js';
import { bold, dim, green, red, yellow } from './style.js';

const width = () => Math.max(60, Math.min(process.stdout.columns ?? 100, 120));

/** Words wrapped to the terminal, every line after the first indented by `indent`. */
function wrapped(text: string, indent: string, first = indent): string {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + word.length + 1 > width()) {
      out.push(line.trimEnd());
      line = indent;
    }
    line += (line.trim() ? ' ' : '') + word;
  }
  out.push(line.trimEnd());
  return out.join('\n');
}

const hopVerdict = (h: Hop) => {
  const v = h.verdict;
  return /^(drop|reject)/.test(v) ? red(v) : /^accept/.test(v) ? green(v) : v;
};

function legText(n: number, leg: Leg, shownSteps: Set<string>): string[] {
  const at = `${leg.who} ${dim(`[${leg.namespace}]`)}`;
  const by = leg.bridge ? `${leg.in} (a port of ${leg.bridge})` : leg.in;
  const what =
    leg.end === 'sent'
      ? `sends ${leg.packet}${leg.out ? ` by ${leg.out}` : ''}`
      : `gets ${leg.packet}${by ? ` by ${by}` : ''}`;
  const end: Record<Leg['end'], string> = {
    sent: '',
    delivered: ': delivered here',
    forwarded: leg.bridged
      ? `, bridges it out by ${leg.bridged.out}`
      : `, routes it out by ${leg.out ?? '?'}`,
    dropped: `: ${red('dropped here')}`,
    vanished: ': it goes no further (no input, no forward)',
  };
  const lines = [wrapped(`${at} ${what}${end[leg.end]}`, '      ', `${String(n).padStart(3)}. `)];
  // a bridged frame is switched by the fdb, not routed
  if (leg.route && !leg.bridged) lines.push(wrapped(dim(leg.route), '         ', '      route  '));
  if (leg.bridged?.fdb)
    lines.push(wrapped(dim(`bridge fdb: ${leg.bridged.fdb}`), '         ', '      fdb    '));
  if (leg.bridged && leg.hops.some((h) => h.table === 'filter'))
    lines.push(
      wrapped(
        dim(
          'br_netfilter: this bridged frame went through iptables too (net.bridge.bridge-nf-call-iptables=1)',
        ),
        '         ',
        '      ',
      ),
    );
  for (const h of leg.hops) {
    if (h.verdict === 'continue') continue;
    const rule = h.rule ?? `policy ${h.verdict.toUpperCase()}`;
    const where = `${h.hook} ${h.table} ${h.chain}`;
    // a NAT rule's verdict is accept: its target says what it did
    const target = / -j (MASQUERADE|DNAT|SNAT|REDIRECT)\b/.exec(rule ?? '')?.[1];
    const verdict = target ? `${target} (${hopVerdict(h)})` : hopVerdict(h);
    lines.push(wrapped(`${dim(where)}  ${rule}  → ${verdict}`, '           ', '      · '));
    const made = h.fault ? yellow(`the exercise's fault: ${h.fault}`) : h.step;
    if (made && !shownSteps.has(made) && !/^(jump|return)/.test(h.verdict)) {
      shownSteps.add(made);
      lines.push(wrapped(dim(made), '           ', '          '));
      // a planted fault sits in whatever step it was put into: that step's Docker line is not about it
      if (h.docker && !h.fault) lines.push(wrapped(dim(`docker: ${h.docker}`), '           ', '          '));
    }
  }
  if (leg.leftAs) lines.push(wrapped(`leaves as ${leg.leftAs}`, '         ', '      '));
  return lines;
}

export function traceText(title: string, t: Trace): string {
  const lines = [bold(title), ''];
  if (t.method === 'counters')
    lines.push(
      yellow(
        'iptables-legacy here: no nft trace; these are the rules whose counters moved while the probe ran',
      ),
      '',
    );
  if ((t.tries ?? 1) > 1)
    lines.push(
      dim(`(try ${t.tries} of 3: the tries before it got no answer; this is the last one's journey)`),
      '',
    );
  const shown = new Set<string>();
  let direction: Leg['direction'] | null = null;
  t.legs.forEach((leg, i) => {
    if (leg.direction !== direction && leg.direction === 'reply') lines.push(dim('    ← the answer'));
    direction = leg.direction;
    lines.push(...legText(i + 1, leg, shown));
  });
  if (t.method === 'counters')
    for (const h of t.hops)
      lines.push(`  ${h.namespace} ${h.table} ${h.chain}: ${h.rule ?? `policy ${h.verdict.toUpperCase()}`}`);
  if (t.legs.length === 0 && t.method === 'nft trace')
    lines.push('    no packet was seen in any namespace of the lab');
  if (t.nat.length) {
    lines.push('', 'NAT, as conntrack recorded it:');
    for (const n of t.nat)
      lines.push(wrapped(`${n.kind} in ${n.who}: sent ${n.original}, answered ${n.reply}`, '      ', '    '));
  }
  const colour = t.verdict === 'delivered' ? green : t.verdict === 'interrupted' ? yellow : red;
  lines.push('', wrapped(`${colour(t.verdict.toUpperCase())}: ${t.reason}`, '    ', ''));
  return lines.join('\n');
}

/**
 * Where a journey ended, in a few lines: the leg it was dropped in (with only the rule or policy
 * that dropped it), or the last place it was seen, or where it arrived; then the verdict.
 */
export function traceBrief(t: Trace): string[] {
  const numbered = t.legs.map((leg, i) => ({ leg, n: i + 1 }));
  const isDrop = (h: Hop) => /^(drop|reject)/.test(h.verdict);
  const at =
    t.verdict === 'dropped'
      ? numbered.filter((x) => x.leg.end === 'dropped').at(-1)
      : t.verdict === 'delivered'
        ? (numbered.find((x) => x.leg.direction === 'request' && x.leg.end === 'delivered') ??
          numbered.at(-1))
        : numbered.filter((x) => x.leg.direction === 'request').at(-1);
  const lines: string[] = [];
  if (at) {
    const hop = at.leg.hops.find(isDrop);
    lines.push(...legText(at.n, { ...at.leg, hops: hop ? [hop] : [] }, new Set()));
  } else if (t.method === 'counters') {
    const hop = t.hops.find(isDrop);
    if (hop)
      lines.push(
        `  ${hop.namespace} ${hop.table} ${hop.chain}: ${hop.rule ?? `policy ${hop.verdict.toUpperCase()}`}`,
      );
  }
  const colour = t.verdict === 'delivered' ? green : t.verdict === 'interrupted' ? yellow : red;
  lines.push(wrapped(`${colour(t.verdict.toUpperCase())}: ${t.reason}`, '    ', ''));
  return lines;
}
