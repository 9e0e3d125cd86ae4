// check: an exercise's verdict, solved or what still fails (root). The checks run as verify runs
// them (session/checks.ts); check adds the exercise's words on top.
import { t } from '../../i18n/index.js';
import { labArg } from '../../lab/files.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { markSolved, progressFile, readSolved } from '../../run/progress.js';
import { readState } from '../../run/state.js';
import { catalogueExercises, nextAfter, workshopOf } from '../../session/workshop.js';
import { planAt } from '../../session/built.js';
import { checkWhereUp } from '../../session/checks.js';
import { judgeRepair } from '../../session/judged.js';
import { sandboxFlag, traceCommand, withoutWhy } from '../../session/exercise.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks, traceSuggestion } from '../render.js';
import { bold, green, red } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function check(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const whole = loadLab(name);
  const up = await checkWhereUp(whole, placeFrom(whole.name, opts));
  const { lab, place, interrupted } = up;
  if (interrupted) return exitForSignal(interrupted); // no verdict, nothing removed
  const ex = readState(lab.name, place)?.exercise;
  const results = ex ? withoutWhy(up.results) : up.results;
  const exercise = ex ? lab.exercises[ex.index - 1] : undefined;
  const title = exercise?.title;
  // How it was repaired, beside whether it works: a repair broader than Docker's is not solved.
  const judged = exercise ? await judgeRepair(lab, place, planAt(lab, place), exercise, results) : [];
  const works = results.every((r) => r.ok);
  const solved = works && judged.length === 0;
  const about = ex ? { exercise: { number: ex.index, title } } : {};
  // Solved: remembered on this machine (a failed write costs the memory, not the verdict)
  let recorded: string | null = null;
  if (solved && ex && exercise)
    try {
      markSolved(lab.name, exercise.key);
      recorded = progressFile();
    } catch {
      recorded = null;
    }
  const next =
    solved && ex ? nextAfter(workshopOf(catalogueExercises(), readSolved()), lab.name, ex.index) : null;
  const after =
    solved && ex ? { next: next && { lab: next.lab, number: next.number, title: next.title } } : {};
  out.data({
    ok: solved,
    solved,
    lab: lab.name,
    target: placeLabel(place),
    ...about,
    ...after,
    checks: results,
    ...(exercise ? { judged } : {}),
  });
  out.line(renderChecks(results));
  if (judged.length) {
    out.line(
      '\n' +
        (judged.length > 1
          ? t('How it was repaired ({count} things Docker does otherwise):', { count: judged.length })
          : t('How it was repaired ({count} thing Docker does otherwise):', { count: judged.length })),
    );
    for (const f of judged) out.line(`  ${red('✗')} ${f.what}\n    ${f.docker}`);
  }
  if (solved) {
    const all = t(' All {count} checks of {lab} come out as the lab expects.', {
      count: results.length,
      lab: lab.name,
    });
    out.line(green(bold(title ? t('Solved: {title}.', { title }) : t('Solved.'))) + all);
    const down = `sudo nslab down ${labArg(lab.name, lab.file)}${sandboxFlag(lab, place)}`;
    if (!ex) {
      out.line(t('Clean up with: {command}', { command: down }));
      return EXIT.ok;
    }
    if (recorded) out.line(t('Recorded as solved on this machine ({file}).', { file: recorded }));
    out.line(
      next
        ? t('Next: exercise {number} of {lab}, "{title}":', {
            number: next.number,
            lab: next.lab,
            title: next.title,
          }) + `\n  ${down}\n  sudo nslab exercise ${next.lab} ${next.number}`
        : t("That was the workshop's last exercise. Clean up with: {command}", { command: down }) +
            `\n  nslab workshop   # ${t('what is solved, what is left')}`,
    );
    return EXIT.ok;
  }
  const failing = results.filter((r) => !r.ok);
  const names = failing.map((r) => r.name).join('; ');
  if (works)
    out.line(
      red(
        t(
          'Not solved: every check passes, but the repair is not the one Docker makes (see above); undo that part.',
        ),
      ),
    );
  else
    out.line(
      red(
        t('Not solved yet: {failing} of {count} checks still fail ({names}).', {
          failing: failing.length,
          count: results.length,
          names,
        }),
      ),
    );
  const suggest = traceSuggestion(results, (n) => traceCommand(lab, n, sandboxFlag(lab, place)));
  if (suggest) out.line(suggest);
  if (ex)
    out.line(
      t('Stuck? {command}', {
        command: `sudo nslab hint ${labArg(lab.name, lab.file)}${sandboxFlag(lab, place)}`,
      }),
    );
  return EXIT.checkFailed;
}
