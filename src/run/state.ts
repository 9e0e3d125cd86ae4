// What `up` did, kept in /run/nslab (gone at reboot, like the kernel objects it describes).
// The kernel's marks stay the truth; this file adds what the kernel cannot tell: the order of
// the undo commands, and whether `up` finished.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../lab/names.js';
import type { Command } from '../plan/command.js';

export interface LabState {
  lab: string;
  file: string;
  place: Place;
  mark: string;
  /** the undo command of every command that succeeded, oldest first */
  undo: Command[];
  complete: boolean;
  /** built by `nslab exercise`: which one (from 1), and how many hints were shown */
  exercise?: { index: number; hints: number };
  /** built by `up --as HOST`: this machine's part of a multi-host lab */
  as?: string;
}

export const stateDir = (): string => process.env.NSLAB_STATE_DIR ?? '/run/nslab';

const fileOf = (lab: string, place: Place) =>
  join(stateDir(), place.kind === 'host' ? `${lab}.json` : `${lab}@${place.name}.json`);

export function readState(lab: string, place: Place): LabState | null {
  try {
    return JSON.parse(readFileSync(fileOf(lab, place), 'utf8')) as LabState;
  } catch {
    return null;
  }
}

/** The state directory, made (root only) if it is not there yet. */
export function madeStateDir(): string {
  mkdirSync(stateDir(), { recursive: true, mode: 0o700 });
  return stateDir();
}

/** Written whole to a temporary file and renamed, so a crash never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  madeStateDir();
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export const writeState = (state: LabState): void =>
  writeFileAtomic(fileOf(state.lab, state.place), JSON.stringify(state, null, 1));

/** Whether a place's state file is there and parses: a corrupt one is `unreadable`, not missing. */
export function stateFileHealth(lab: string, place: Place): 'ok' | 'missing' | 'unreadable' {
  if (!existsSync(fileOf(lab, place))) return 'missing';
  return readState(lab, place) ? 'ok' : 'unreadable';
}

/** What an exercise saw when it was built (inspect/snapshot.ts): not `.json`, so listStates skips it. */
export const snapshotFile = (lab: string, place: Place): string =>
  fileOf(lab, place).replace(/\.json$/, '.snapshot');

export function removeState(lab: string, place: Place): void {
  rmSync(fileOf(lab, place), { force: true });
  rmSync(snapshotFile(lab, place), { force: true });
}

export function listStates(): LabState[] {
  let files: string[];
  try {
    files = readdirSync(stateDir()).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    try {
      return [JSON.parse(readFileSync(join(stateDir(), f), 'utf8')) as LabState];
    } catch {
      return [];
    }
  });
}
