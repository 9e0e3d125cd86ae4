// The kernel beside the plan's intended state, rule by rule, in a Docker host's namespace: every
// rule the plan adds that is not there, every rule in the plan's chains that the plan never adds,
// every filter policy that is not the plan's. It names a difference for any state a learner can
// reach (a flushed table, a rule with `-o` where the plan has `! -o`), not only the planted fault.
import { inNs, type Command, type IptablesCommand } from '../plan/command.js';
import { run } from '../run/exec.js';
import type { Plan } from '../plan/types.js';
import type { Finding } from './diagnose.js';
import type { RuleLine } from './observe.js';
import { t } from '../i18n/index.js';

/**
 * A rule as a bag of words, so that what the learner typed and what iptables-save prints compare
 * equal: order, `-m tcp`, the /32 of an address and nslab's comment mark do not count.
 */
export function ruleKey(args: string[]): string {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const next = args[i + 1];
    if (w === '-m' && next === 'comment') {
      i += 3; // -m comment --comment MARK
      continue;
    }
    if (w === '-m' && (next === 'tcp' || next === 'udp')) {
      i += 1;
      continue;
    }
    const prev = args[i - 1];
    if ((prev === '-s' || prev === '-d') && !w.includes('/')) words.push(`${w}/32`);
    else if (prev === '--probability') words.push(Number(w).toFixed(5));
    else words.push(w.replace(/^"(.*)"$/, '$1'));
  }
  return words.sort().join(' ');
}

const isRule = (c: Command, ns: string | null): c is IptablesCommand =>
  c.tool === 'iptables' && c.ns === ns && (c.op === '-A' || c.op === '-I');

/** Every difference in the rules and filter policies of namespace `ns` (the Docker host `where`). */
export function ruleDifferences(
  plan: Plan,
  ns: string | null,
  where: string,
  seen: { rules: RuleLine[]; policies: Record<string, string> },
): Finding[] {
  const commands = plan.steps.flatMap((s) => s.commands);
  const found: Finding[] = [];
  const at = ns ?? t('this machine’s own namespace');
  // chain → the intended rules' keys, as a multiset; and the words to show for each
  const intended = new Map<string, string[]>();
  const shown = new Map<string, string>();
  for (const c of commands.filter((x) => isRule(x, ns))) {
    const chain = `${c.table ?? 'filter'} ${c.chain}`;
    const key = ruleKey(c.args);
    intended.set(chain, [...(intended.get(chain) ?? []), key]);
    shown.set(`${chain} ${key}`, c.args.join(' '));
  }
  for (const c of commands)
    if (c.tool === 'iptables' && c.ns === ns && c.op === '-N')
      intended.set(
        `${c.table ?? 'filter'} ${c.chain}`,
        intended.get(`${c.table ?? 'filter'} ${c.chain}`) ?? [],
      );
  for (const [chain, keys] of intended) {
    const there = seen.rules
      .filter((r) => `${r.table} ${r.chain}` === chain)
      .map((r) => ({ key: ruleKey(r.rule.split(/\s+/)), text: r.rule }));
    const left = [...there];
    for (const key of keys) {
      const i = left.findIndex((r) => r.key === key);
      if (i >= 0) left.splice(i, 1);
      else
        found.push({
          layer: 'rules',
          where,
          what: t('in {at}, {chain} lacks a rule the lab has: {rule}', {
            at,
            chain,
            rule: shown.get(`${chain} ${key}`) ?? '',
          }),
        });
    }
    // On the machine's own namespace other programs (Docker itself) add rules: only a sandbox's are all ours.
    if (ns !== null)
      for (const r of left)
        found.push({
          layer: 'rules',
          where,
          what: t('in {at}, {chain} has a rule the lab does not: {rule}', { at, chain, rule: r.text }),
        });
  }
  for (const c of commands)
    if (c.tool === 'iptables' && c.ns === ns && c.op === '-P' && (c.table ?? 'filter') === 'filter') {
      const want = c.args[0]!;
      const got = seen.policies[c.chain];
      if (got && got !== want)
        found.push({
          layer: 'rules',
          where,
          what: t("in {at}, the filter table's {chain} policy is {got}; the lab's is {want}", {
            at,
            chain: c.chain,
            got,
            want,
          }),
        });
    }
  return found;
}

/**
 * Every sysctl the plan sets in namespace `ns` that the kernel has otherwise (ip_forward has its
 * own finding in diagnose). Read with `sysctl -n` in that namespace: the one I/O of this module.
 */
export async function sysctlDifferences(plan: Plan, ns: string | null, where: string): Promise<Finding[]> {
  const wanted = new Map<string, string>();
  for (const c of plan.steps.flatMap((s) => s.commands))
    if (c.tool === 'sysctl' && c.ns === ns && c.key !== 'net.ipv4.ip_forward') wanted.set(c.key, c.value);
  const at = ns ?? t('this machine’s own namespace');
  const found = await Promise.all(
    [...wanted].map(async ([key, value]): Promise<Finding | null> => {
      const r = await run(inNs(ns, 'sysctl', '-n', key));
      const got = r.exitCode === 0 ? r.stdout.trim() : t('unreadable');
      return got === value
        ? null
        : {
            layer: 'host',
            where,
            what: t('in {at}, {key} is {got}; the lab sets {value}', { at, key, got, value }),
          };
    }),
  );
  return found.filter((f): f is Finding => f !== null);
}
