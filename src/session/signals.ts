// Ctrl-C and friends while a verb builds: it must roll back before it exits.
import type { Place } from '../lab/names.js';
import type { Interrupt } from '../run/apply.js';
import { teardown } from '../run/teardown.js';

/** SIGINT/SIGTERM set a flag instead of killing nslab, so it can roll back first. */
export function catchSignals(
  interrupt: Interrupt,
  doing = 'stopping and removing what was built…',
): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (!interrupt.signal) process.stderr.write(`\n${signal}: ${doing}\n`);
    else process.stderr.write('still cleaning up, please wait\n');
    interrupt.signal ??= signal;
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}

/** After a signal: remove everything this command built (its lock proves no one else builds there), and say so. */
export async function rollBack(lab: string, place: Place): Promise<void> {
  const r = await teardown(lab, place);
  const said =
    r.leftovers.length === 0 ? 'everything built was removed' : `left behind: ${r.leftovers.join(', ')}`;
  process.stderr.write(`interrupted: ${said}\n`);
}
