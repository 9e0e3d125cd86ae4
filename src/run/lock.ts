// One writer per lab place: `up`, `down`, `exercise` and `compare` hold a lock for their whole
// run, so a second command on the same place never builds beside the first or rolls back what
// the first made. The lock is flock(2) on a file in the state directory, taken through an
// open file of this process: the kernel releases it when the process ends, even by kill -9.
import { closeSync, constants, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../lab/names.js';
import { placeLabel } from '../lab/names.js';
import { EnvError } from './errors.js';
import { runLean } from './exec.js';
import { madeStateDir } from './state.js';

/** Who holds a lock: written into the lock file once it is taken. */
interface Holder {
  pid: number;
  verb: string;
  since: string;
}

export interface PlaceLock {
  release(): void;
}

/** flock's exit code when the lock is taken by another (-E). */
const BUSY = 75;

// A sandbox is one set of namespaces whatever lab is built in it; on the host each lab has
// its own names (preflight refuses clashes), so labs there lock apart.
const lockFile = (lab: string, place: Place) =>
  join(madeStateDir(), place.kind === 'sandbox' ? `sandbox-${place.name}.lock` : `${lab}.lock`);

function holderOf(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of a lab's place, waiting up to `waitMs` for another command to finish;
 * after that, an EnvError (exit 3) that says who holds it.
 */
export const lockPlace = (lab: string, place: Place, verb: string, waitMs = 2000): Promise<PlaceLock> =>
  takeLock(lockFile(lab, place), `${lab} (${placeLabel(place)})`, verb, waitMs);

/**
 * The tracer's lock, one for the machine: two traces at once would each read the other's
 * packets in their monitors (and the machine's own namespace has one tracer table).
 */
export const lockTracer = (verb: string): Promise<PlaceLock> =>
  takeLock(join(madeStateDir(), 'trace.lock'), 'the tracer', verb, 10_000);

async function takeLock(file: string, what: string, verb: string, waitMs: number): Promise<PlaceLock> {
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  const deadline = performance.now() + waitMs;
  for (;;) {
    const r = await runLean(
      ['flock', '--nonblock', '--conflict-exit-code', String(BUSY), '3'],
      undefined,
      fd,
    );
    if (r.exitCode === 0) break;
    if (r.exitCode !== BUSY) {
      closeSync(fd);
      throw new EnvError(
        `cannot lock ${file}: ${r.stderr.trim() || `flock exited ${r.exitCode}`}`,
        'flock comes with util-linux',
      );
    }
    if (performance.now() >= deadline) {
      closeSync(fd);
      const h = holderOf(file);
      const ago = h ? Math.round((Date.now() - Date.parse(h.since)) / 1000) : 0;
      const since = h ? `${new Date(h.since).toLocaleTimeString('en-GB')}, ${ago} s ago` : '';
      const who = h
        ? `pid ${h.pid} runs \`nslab ${h.verb}\` there (since ${since})`
        : 'another nslab command holds it';
      throw new EnvError(
        `${what} is busy: ${who}`,
        'wait for it to finish, or stop it (Ctrl-C in its terminal); nslab never builds beside it',
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const holder: Holder = { pid: process.pid, verb, since: new Date().toISOString() };
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify(holder), 0);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      ftruncateSync(fd, 0);
      closeSync(fd);
    },
  };
}
