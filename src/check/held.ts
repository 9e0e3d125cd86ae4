// A must-fail probe held open (window.ts): started with the must-work probes, stopped by nslab
// once the run's window has passed since its send, or ended earlier by what it got.
import type { CommandResult } from '../run/exec.js';
import { startStoppable } from '../run/stoppable.js';
import type { Hold, Window } from './window.js';

export interface HeldRun {
  result: CommandResult;
  /** its window, known once every must-work probe has finished (runHeld waits for that) */
  window: Window;
  /** when nslab stopped it: how long it had listened since its send, and how that was chosen */
  silence: { waitedMs: number; window: Window } | null;
}

// nslab's own stop comes long before; this only ends a probe a bug forgot (then: no verdict).
const HARD_TIMEOUT_MS = 30_000;

/** Runs `argv`, whose first line of stdout marks its send; `capMs`: the probe's old timeout. */
export async function runHeld(argv: string[], capMs: number, hold: Hold): Promise<HeldRun> {
  const p = startStoppable(argv, HARD_TIMEOUT_MS);
  let stoppedAt: number | null = null;
  const id = hold.start(capMs, () => {
    stoppedAt = performance.now();
    p.stop();
  });
  void p.firstLine.then((at) => at !== null && hold.sent(id, at));
  const result = await p.ended;
  hold.ended(id);
  // Seen by nslab a little after the send: the listening time is, if anything, under-stated.
  const sentAt = await p.firstLine;
  // An answer may end it before the window is known: what it is said to be needs the window.
  await hold.opened;
  const window = hold.windowFor(capMs)!;
  return {
    result,
    window,
    silence:
      stoppedAt !== null && sentAt !== null ? { waitedMs: Math.floor(stoppedAt - sentAt), window } : null,
  };
}

/** The proof a held probe's silence gives. */
export const silenceProof = (s: NonNullable<HeldRun['silence']>): string =>
  `no answer within ${s.waitedMs} ms (${s.window.why})`;

/** What an answer that came to a held probe is said to be: late when after its window. */
export function answeredAfter(ms: number, window: Window): string {
  const after = ms >= 10 ? Math.round(ms) : Math.round(ms * 1000) / 1000;
  return ms > window.ms
    ? `answered after ${after} ms, past its ${window.ms} ms window`
    : `answered after ${after} ms`;
}
