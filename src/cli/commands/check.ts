// check: an exercise's verdict, solved or what still fails (root). The checks run as verify runs
// them (session/checks.ts); check adds the exercise's words on top.
import { labArg } from '../../lab/files.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { readState } from '../../run/state.js';
import { planAt } from '../../session/built.js';
import { checkWhereUp } from '../../session/checks.js';
import { judgeRepair } from '../../session/judged.js';
import { sandboxFlag } from '../../session/exercise.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { bold, green, red } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function check(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const whole = loadLab(name);
  const { lab, place, results, interrupted } = await checkWhereUp(whole, placeFrom(whole.name, opts));
  if (interrupted) return exitForSignal(interrupted); // no verdict, nothing removed
  const ex = readState(lab.name, place)?.exercise;
  const exercise = ex ? lab.exercises[ex.index - 1] : undefined;
  const title = exercise?.title;
  // How it was repaired, beside whether it works: a repair broader than Docker's is not solved.
  const judged = exercise ? await judgeRepair(lab, place, planAt(lab, place), exercise, results) : [];
  const works = results.every((r) => r.ok);
  const solved = works && judged.length === 0;
  const about = ex ? { exercise: { number: ex.index, title } } : {};
  out.data({
    ok: solved,
    solved,
    lab: lab.name,
    target: placeLabel(place),
    ...about,
    checks: results,
    ...(exercise ? { judged } : {}),
  });
  out.line(renderChecks(results));
  if (judged.length) {
    out.line(
      `\nHow it was repaired (${judged.length} thing${judged.length > 1 ? 's' : ''} Docker does otherwise):`,
    );
    for (const f of judged) out.line(`  ${red('✗')} ${f.what}\n    ${f.docker}`);
  }
  if (solved) {
    const all = ` All ${results.length} checks of ${lab.name} come out as the lab expects.`;
    out.line(green(bold(`Solved${title ? `: ${title}` : ''}.`)) + all);
    out.line(
      `Clean up with: sudo npm run nslab -- down ${labArg(lab.name, lab.file)}${sandboxFlag(lab, place)}`,
    );
    return EXIT.ok;
  }
  const failing = results.filter((r) => !r.ok);
  const names = failing.map((r) => r.name).join('; ');
  if (works)
    out.line(
      red(
        `Not solved: every check passes, but the repair is not the one Docker makes (see above); undo that part.`,
      ),
    );
  else out.line(red(`Not solved yet: ${failing.length} of ${results.length} checks still fail (${names}).`));
  if (ex)
    out.line(`Stuck? sudo npm run nslab -- hint ${labArg(lab.name, lab.file)}${sandboxFlag(lab, place)}`);
  return EXIT.checkFailed;
}
