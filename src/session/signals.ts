// Ctrl-C and friends while a verb builds: it must roll back before it exits.
import type { Interrupt } from '../run/apply.js';

/** SIGINT/SIGTERM set a flag instead of killing nslab, so it can roll back first. */
export function catchSignals(interrupt: Interrupt): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (!interrupt.signal) process.stderr.write(`\n${signal}: stopping and removing what was built…\n`);
    else process.stderr.write('still cleaning up, please wait\n');
    interrupt.signal ??= signal;
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
