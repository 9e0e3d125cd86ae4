// A trace for people: the journey numbered, leg by leg, each rule hit with the step that made it,
// then the NAT conntrack recorded and the verdict in one line.
import type { Hop, Leg } from '../trace/journey.js';
import type { Trace } from '../trace/run.js';
import { verdictWord } from '../trace/verdict.js';
import { bold, dim, green, red, yellow } from './style.js';
import { t } from '../i18n/index.js';
import { cols } from '../i18n/width.js';

const width = () => Math.max(60, Math.min(process.stdout.columns ?? 100, 120));

/** Words wrapped to the terminal, every line after the first indented by `indent`. */
function wrapped(text: string, indent: string, first = indent): string {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() && cols(line) + cols(word) + 1 > width()) {
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
  const by = leg.bridge ? t('{in} (a port of {bridge})', { in: leg.in ?? '', bridge: leg.bridge }) : leg.in;
  const v = { at, packet: leg.packet, out: leg.out ?? '?', by: by ?? '' };
  // whole sentences: the order of who, packet, interface and outcome is not the same in every language
  const sentence =
    leg.end === 'sent'
      ? leg.out
        ? t('{at} sends {packet} by {out}', v)
        : t('{at} sends {packet}', v)
      : by
        ? {
            delivered: t('{at} gets {packet} by {by}: delivered here', v),
            forwarded: leg.bridged
              ? t('{at} gets {packet} by {by}, bridges it out by {out}', { ...v, out: leg.bridged.out })
              : t('{at} gets {packet} by {by}, routes it out by {out}', v),
            dropped: t('{at} gets {packet} by {by}: {dropped}', { ...v, dropped: red(t('dropped here')) }),
            vanished: t('{at} gets {packet} by {by}: it goes no further (no input, no forward)', v),
          }[leg.end]
        : {
            delivered: t('{at} gets {packet}: delivered here', v),
            forwarded: leg.bridged
              ? t('{at} gets {packet}, bridges it out by {out}', { ...v, out: leg.bridged.out })
              : t('{at} gets {packet}, routes it out by {out}', v),
            dropped: t('{at} gets {packet}: {dropped}', { ...v, dropped: red(t('dropped here')) }),
            vanished: t('{at} gets {packet}: it goes no further (no input, no forward)', v),
          }[leg.end];
  const lines = [wrapped(sentence, '      ', `${String(n).padStart(3)}. `)];
  // a bridged frame is switched by the fdb, not routed
  if (leg.route && !leg.bridged) lines.push(wrapped(dim(leg.route), '         ', '      route  '));
  if (leg.bridged?.fdb)
    lines.push(wrapped(dim(`bridge fdb: ${leg.bridged.fdb}`), '         ', '      fdb    '));
  if (leg.bridged && leg.hops.some((h) => h.table === 'filter'))
    lines.push(
      wrapped(
        dim(
          t(
            'br_netfilter: this bridged frame went through iptables too (net.bridge.bridge-nf-call-iptables=1)',
          ),
        ),
        '         ',
        '      ',
      ),
    );
  for (const h of leg.hops) {
    if (h.verdict === 'continue') continue;
    const rule = h.rule ?? t('policy {policy}', { policy: h.verdict.toUpperCase() });
    const where = `${h.hook} ${h.table} ${h.chain}`;
    // a NAT rule's verdict is accept: its target says what it did
    const target = / -j (MASQUERADE|DNAT|SNAT|REDIRECT)\b/.exec(rule ?? '')?.[1];
    const verdict = target ? `${target} (${hopVerdict(h)})` : hopVerdict(h);
    lines.push(wrapped(`${dim(where)}  ${rule}  → ${verdict}`, '           ', '      · '));
    const made = h.fault ? yellow(t("the exercise's fault: {fault}", { fault: h.fault })) : h.step;
    if (made && !shownSteps.has(made) && !/^(jump|return)/.test(h.verdict)) {
      shownSteps.add(made);
      lines.push(wrapped(dim(made), '           ', '          '));
      // a planted fault sits in whatever step it was put into: that step's Docker line is not about it
      if (h.docker && !h.fault) lines.push(wrapped(dim(`docker: ${h.docker}`), '           ', '          '));
    }
  }
  if (leg.leftAs) lines.push(wrapped(t('leaves as {packet}', { packet: leg.leftAs }), '         ', '      '));
  return lines;
}

export function traceText(title: string, tr: Trace): string {
  const lines = [bold(title), ''];
  if (tr.method === 'counters')
    lines.push(
      yellow(
        t('iptables-legacy here: no nft trace; these are the rules whose counters moved while the probe ran'),
      ),
      '',
    );
  if ((tr.tries ?? 1) > 1)
    lines.push(
      dim(
        t("(try {n} of 3: the tries before it got no answer; this is the last one's journey)", {
          n: tr.tries ?? 1,
        }),
      ),
      '',
    );
  const shown = new Set<string>();
  let direction: Leg['direction'] | null = null;
  tr.legs.forEach((leg, i) => {
    if (leg.direction !== direction && leg.direction === 'reply') lines.push(dim(t('    ← the answer')));
    direction = leg.direction;
    lines.push(...legText(i + 1, leg, shown));
  });
  if (tr.method === 'counters')
    for (const h of tr.hops)
      lines.push(
        `  ${h.namespace} ${h.table} ${h.chain}: ${h.rule ?? t('policy {policy}', { policy: h.verdict.toUpperCase() })}`,
      );
  if (tr.legs.length === 0 && tr.method === 'nft trace')
    lines.push(t('    no packet was seen in any namespace of the lab'));
  if (tr.nat.length) {
    lines.push('', t('NAT, as conntrack recorded it:'));
    for (const n of tr.nat)
      lines.push(
        wrapped(
          t('{kind} in {who}: sent {original}, answered {reply}', {
            kind: n.kind,
            who: n.who,
            original: n.original,
            reply: n.reply,
          }),
          '      ',
          '    ',
        ),
      );
  }
  const colour = tr.verdict === 'delivered' ? green : tr.verdict === 'interrupted' ? yellow : red;
  lines.push('', wrapped(`${colour(verdictWord(tr.verdict))}: ${tr.reason}`, '    ', ''));
  return lines.join('\n');
}

/**
 * Where a journey ended, in a few lines: the leg it was dropped in (with only the rule or policy
 * that dropped it), or the last place it was seen, or where it arrived; then the verdict.
 */
export function traceBrief(tr: Trace): string[] {
  const numbered = tr.legs.map((leg, i) => ({ leg, n: i + 1 }));
  const isDrop = (h: Hop) => /^(drop|reject)/.test(h.verdict);
  const at =
    tr.verdict === 'dropped'
      ? numbered.filter((x) => x.leg.end === 'dropped').at(-1)
      : tr.verdict === 'delivered'
        ? (numbered.find((x) => x.leg.direction === 'request' && x.leg.end === 'delivered') ??
          numbered.at(-1))
        : numbered.filter((x) => x.leg.direction === 'request').at(-1);
  const lines: string[] = [];
  if (at) {
    const hop = at.leg.hops.find(isDrop);
    lines.push(...legText(at.n, { ...at.leg, hops: hop ? [hop] : [] }, new Set()));
  } else if (tr.method === 'counters') {
    const hop = tr.hops.find(isDrop);
    if (hop)
      lines.push(
        `  ${hop.namespace} ${hop.table} ${hop.chain}: ${hop.rule ?? t('policy {policy}', { policy: hop.verdict.toUpperCase() })}`,
      );
  }
  const colour = tr.verdict === 'delivered' ? green : tr.verdict === 'interrupted' ? yellow : red;
  lines.push(wrapped(`${colour(verdictWord(tr.verdict))}: ${tr.reason}`, '    ', ''));
  return lines;
}
