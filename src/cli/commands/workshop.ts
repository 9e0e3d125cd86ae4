// workshop: every lab's exercises in workshop order, solved or not on this machine, and the
// command that starts the next one (no root: the progress file is readable by all).
import { progressFile, readSolved } from '../../run/progress.js';
import { catalogueExercises, workshopOf } from '../../session/workshop.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { bold, dim, green } from '../style.js';

export function workshop(out: Output): number {
  const w = workshopOf(catalogueExercises(), readSolved());
  const command = w.next ? `sudo nslab exercise ${w.next.lab} ${w.next.number}` : null;
  out.data({ ok: true, progress: progressFile(), ...w, command });
  out.line(bold(`The workshop: ${w.solved} of ${w.total} exercises solved on this machine`));
  out.line(dim(`(recorded in ${progressFile()} by a check that says Solved)`));
  w.labs.forEach((l, i) => {
    out.line(`\n${String(i + 1).padStart(2)}. ${bold(l.lab)} — ${l.title}`);
    for (const x of l.exercises) out.line(`    ${x.solved ? green('✓') : '·'} ${x.number}  ${x.title}`);
  });
  out.line(
    command
      ? `\nNext: ${w.next!.lab} exercise ${w.next!.number}, "${w.next!.title}":\n  ${command}`
      : '\nEvery exercise is solved. Any can be done again: sudo nslab exercise LAB N',
  );
  return EXIT.ok;
}
