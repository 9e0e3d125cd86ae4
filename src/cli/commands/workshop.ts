// workshop: every lab's exercises in workshop order, solved or not on this machine, and the
// command that starts the next one (no root: the progress file is readable by all).
import { t } from '../../i18n/index.js';
import { progressFile, readSolved } from '../../run/progress.js';
import { catalogueExercises, workshopOf } from '../../session/workshop.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { bold, dim, green } from '../style.js';

export function workshop(out: Output): number {
  const w = workshopOf(catalogueExercises(), readSolved());
  const command = w.next ? `sudo nslab exercise ${w.next.lab} ${w.next.number}` : null;
  out.data({ ok: true, progress: progressFile(), ...w, command });
  out.line(
    bold(
      t('The workshop: {solved} of {total} exercises solved on this machine', {
        solved: w.solved,
        total: w.total,
      }),
    ),
  );
  out.line(dim(t('(recorded in {file} by a check that says Solved)', { file: progressFile() })));
  w.labs.forEach((l, i) => {
    out.line(`\n${String(i + 1).padStart(2)}. ${bold(l.lab)} — ${l.title}`);
    for (const x of l.exercises) out.line(`    ${x.solved ? green('✓') : '·'} ${x.number}  ${x.title}`);
  });
  out.line(
    command
      ? '\n' +
          t('Next: {lab} exercise {number}, "{title}":', {
            lab: w.next!.lab,
            number: w.next!.number,
            title: w.next!.title,
          }) +
          `\n  ${command}`
      : '\n' + t('Every exercise is solved. Any can be done again: sudo nslab exercise LAB N'),
  );
  return EXIT.ok;
}
