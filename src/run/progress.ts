// Which exercises were solved on this machine: /var/lib/nslab/solved.json. Not /run/nslab, where
// the state of what is up lives and rightly vanishes at reboot with the kernel objects it
// describes: a learner's progress is theirs and must outlast a reboot of the VM. Kept by lab and
// exercise title, so adding an exercise to a lab does not shift what was solved.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Solved = Record<string, string[]>;

const progressDir = (): string => process.env.NSLAB_PROGRESS_DIR ?? '/var/lib/nslab';
export const progressFile = (): string => join(progressDir(), 'solved.json');

/** What was solved; nothing when the file is missing or unreadable (progress is a convenience). */
export function readSolved(): Solved {
  try {
    const data = JSON.parse(readFileSync(progressFile(), 'utf8')) as unknown;
    return data && typeof data === 'object' ? (data as Solved) : {};
  } catch {
    return {};
  }
}

/** Records one solved exercise (root writes; anyone may read, so `workshop` needs no root). */
export function markSolved(lab: string, title: string): void {
  const solved = readSolved();
  if (solved[lab]?.includes(title)) return;
  const next = { ...solved, [lab]: [...(solved[lab] ?? []), title] };
  mkdirSync(progressDir(), { recursive: true, mode: 0o755 });
  writeFileSync(`${progressFile()}.tmp`, JSON.stringify(next, null, 1), { mode: 0o644 });
  renameSync(`${progressFile()}.tmp`, progressFile());
}
