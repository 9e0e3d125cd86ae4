// How long a must-fail probe listens before its silence counts as the proof. On this kind of
// machine an answer that comes at all comes within a millisecond, so waiting a full second for
// the one that must not come is mostly waiting. The window is a generous multiple of the slowest
// answer the run's must-work probes got (the same machine, the same moment), never under a floor,
// never over the probe's old fixed timeout; with no answer to go by, that old timeout itself.
// A probe held open listens on after its window while the run still has checks going: an answer
// that comes late but comes is still seen, and turns the check.

const WINDOW_MULTIPLE = 10;
// The floor: 150 ms is some 3,000 times the answers here (0.02–0.07 ms), and what a `verify` of
// bridge-basic may spend waiting if it is to stay under 0.3 s (its start-up takes the rest).
export const WINDOW_FLOOR_MS = 150;

export interface Window {
  ms: number;
  /** how the length was chosen, in words: part of the check's proof */
  why: string;
}

const ms = (x: number) => (x >= 10 ? String(Math.round(x)) : String(Math.round(x * 1000) / 1000));

/** The window for a probe whose old timeout is `capMs`, from the must-work answers' times. */
export function mustFailWindow(answersMs: number[], capMs: number): Window {
  if (answersMs.length === 0) return { ms: capMs, why: `no must-work probe answered: the full ${capMs} ms` };
  const slowest = Math.max(...answersMs);
  const wanted = WINDOW_MULTIPLE * slowest;
  const head = `${WINDOW_MULTIPLE}× the slowest answer, ${ms(slowest)} ms`;
  if (wanted < WINDOW_FLOOR_MS) return { ms: WINDOW_FLOOR_MS, why: `${head}; floor ${WINDOW_FLOOR_MS} ms` };
  if (wanted > capMs) return { ms: capMs, why: `${head}; capped at ${capMs} ms` };
  return { ms: Math.ceil(wanted), why: head };
}

interface Held {
  capMs: number;
  /** when its request went out (performance.now()); null until it says so */
  sentAt: number | null;
  stop: () => void;
}

/**
 * The must-fail probes held open in one run, and when each may be stopped. None before every
 * must-work probe has finished (open()); then each one once its own window has passed since its
 * send, and, while no more are waiting to start, only all together, when the last window has
 * passed: an answer that comes to any of them before then still counts.
 */
export class Hold {
  private answers: number[] | null = null;
  private readonly held = new Map<number, Held>();
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  private opening: () => void = () => {};
  /** resolves when open() is called: from then on every window is known */
  readonly opened = new Promise<void>((resolve) => (this.opening = resolve));

  /** `queued`: how many held probes this run will start */
  constructor(private queued: number) {}

  /** Every must-work probe has finished; these are the times of the answers they got. */
  open(answersMs: number[]): void {
    this.answers = answersMs;
    this.opening();
    this.plan();
  }

  /** The window a probe with this old timeout gets; null while the must-work probes run. */
  windowFor(capMs: number): Window | null {
    return this.answers === null ? null : mustFailWindow(this.answers, capMs);
  }

  /** A held probe started; `stop` asks it to end (it then reports what it saw). */
  start(capMs: number, stop: () => void): number {
    const id = this.next++;
    this.queued--;
    this.held.set(id, { capMs, sentAt: null, stop });
    this.plan();
    return id;
  }

  sent(id: number, at: number): void {
    const h = this.held.get(id);
    if (h) h.sentAt = at;
    this.plan();
  }

  /** It ended, stopped or by itself. */
  ended(id: number): void {
    this.held.delete(id);
    this.plan();
  }

  private plan(): void {
    clearTimeout(this.timer);
    if (this.answers === null || this.held.size === 0) return;
    const now = performance.now();
    const deadline = (h: Held) => (h.sentAt === null ? Infinity : h.sentAt + this.windowFor(h.capMs)!.ms);
    const all = [...this.held.values()];
    // Others wait for a slot: each one goes as soon as its own window has passed.
    // None waiting: they go together, after the last window (one not yet sent holds them all).
    const due =
      this.queued > 0
        ? all.filter((h) => deadline(h) <= now)
        : all.every((h) => deadline(h) <= now)
          ? all
          : [];
    for (const h of due) h.stop();
    for (const [id, h] of this.held) if (due.includes(h)) this.held.delete(id);
    const waiting = [...this.held.values()].map(deadline);
    const soonest = this.queued > 0 ? Math.min(...waiting) : Math.max(...waiting);
    if (Number.isFinite(soonest))
      this.timer = setTimeout(() => this.plan(), Math.max(0, Math.ceil(soonest - now)));
  }
}
