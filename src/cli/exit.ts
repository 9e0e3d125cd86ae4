// Exit codes, one meaning each (documented in the README and in --help).
import { constants } from 'node:os';
export const EXIT = {
  ok: 0,
  /** a check did not come out as the lab expects */
  checkFailed: 1,
  /** bad input: a lab file, a name, a flag */
  badInput: 2,
  /** the machine: not root, a missing tool, a clash, a command that failed */
  environment: 3,
} as const;

/** Stopped by a signal: 128 + its number, as shells report it (Ctrl-C → 130, SIGTERM → 143). */
export const exitForSignal = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 2);
