// iptables rules in groups: the plan's consecutive `iptables -t TABLE -A …` commands for one
// namespace go into one `iptables-restore --noflush`, one process instead of one per rule, as
// ip commands go into `ip -batch`. A restore commits a table whole or not at all, and the nft
// backend reports the failing COMMIT rather than the rule; so a group that fails is replayed
// rule by rule, and the rule that fails is named exactly, with what iptables said.
import { fromNs, inNs } from '../plan/netns.js';
import { run, type CommandResult } from './exec.js';
import type { BatchOutcome } from './batch.js';
import { plainWords, type Indexed } from './schedule.js';

export interface RuleKey { netns: string | null; table: string; line: string }

/** `[ip netns exec NS] iptables -t TABLE -A|-I CHAIN …` with plain words (a restore line splits on blanks). */
export function ruleKey(argv: readonly string[]): RuleKey | null {
  const { ns, argv: rest } = fromNs(argv);
  if (rest[0] !== 'iptables' || rest[1] !== '-t' || !rest[2] || (rest[3] !== '-A' && rest[3] !== '-I') || !plainWords(rest)) return null;
  return { netns: ns, table: rest[2], line: rest.slice(3).join(' ') };
}

/** Whether two rules can share one restore: the same namespace and table. */
export const sameGroup = (a: RuleKey, b: RuleKey): boolean => a.netns === b.netns && a.table === b.table;

export async function runRules(commands: Indexed[]): Promise<BatchOutcome> {
  const keys = commands.map((c) => ruleKey(c.command.argv)!);
  const { netns, table } = keys[0]!;
  if (commands.length > 1) {
    const input = `*${table}\n${keys.map((k) => k.line).join('\n')}\nCOMMIT\n`;
    const r = await run(inNs(netns, 'iptables-restore', '--noflush'), { input, detached: true });
    if (r.exitCode === 0) return { done: commands };
  }
  const done: Indexed[] = [];
  for (const c of commands) {
    const r: CommandResult = await run(c.command.argv, { detached: true });
    if (r.exitCode !== 0) return { done, failed: { at: c, result: r } };
    done.push(c);
  }
  return { done };
}
