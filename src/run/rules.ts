// iptables rules in groups: the plan's consecutive `iptables -t TABLE -A …` commands for one
// namespace go into one `iptables-restore --noflush`, one process instead of one per rule, as
// ip commands go into `ip -batch`. A restore commits a table whole or not at all, and the nft
// backend reports the failing COMMIT rather than the rule; so a group that fails is replayed
// rule by rule, and the rule that fails is named exactly, with what iptables said.
import { argvOf, inNs, restoreLine } from '../plan/command.js';
import { run, type CommandResult } from './exec.js';
import type { BatchOutcome } from './batch.js';
import type { Indexed } from './schedule.js';

export type RuleKey = NonNullable<ReturnType<typeof restoreLine>>;

/** Whether two rules can share one restore: the same namespace and table. */
export const sameGroup = (a: RuleKey, b: RuleKey): boolean => a.ns === b.ns && a.table === b.table;

/** Consecutive rules of one group (see sameGroup), each of which has a restore line. */
export async function runRules(commands: Indexed[]): Promise<BatchOutcome> {
  const keys = commands.map((c) => restoreLine(c.command)!);
  const { ns, table } = keys[0]!;
  if (commands.length > 1) {
    const input = `*${table}\n${keys.map((k) => k.line).join('\n')}\nCOMMIT\n`;
    const r = await run(inNs(ns, 'iptables-restore', '--noflush'), { input, detached: true });
    if (r.exitCode === 0) return { done: commands };
  }
  const done: Indexed[] = [];
  for (const c of commands) {
    const r: CommandResult = await run(argvOf(c.command), { detached: true });
    if (r.exitCode !== 0) return { done, failed: { at: c, result: r } };
    done.push(c);
  }
  return { done };
}
