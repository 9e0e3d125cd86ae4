// exercise: a lab built in a sandbox with one fault planted, and the task that asks the learner
// to repair it (root). check says when it is solved, hint helps one hint at a time.
import { t } from '../../i18n/index.js';
import { runChecks, type CheckResult } from '../../check/run.js';
import { labArg } from '../../lab/files.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import type { Exercise, Lab } from '../../lab/types.js';
import { containerNamespaces, lanPorts } from '../../plan/compile.js';
import { plant } from '../../plan/faults.js';
import type { Plan } from '../../plan/types.js';
import { apply, type Interrupt } from '../../run/apply.js';
import { readSolved } from '../../run/progress.js';
import { readState, writeState } from '../../run/state.js';
import { firstUnsolved } from '../../session/workshop.js';
import { fill, sandboxFlag, withoutWhy } from '../../session/exercise.js';
import { snapshotAtStart } from '../../session/judged.js';
import { prepare } from '../../session/prepare.js';
import { lockPlace } from '../../run/lock.js';
import { requireRoot } from '../../run/preflight.js';
import { catchSignals, rollBack } from '../../session/signals.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { bold } from '../style.js';
import { terminalWidth, wrapWords } from '../step-text.js';
import { placeFrom, type PlaceOptions } from '../target.js';

function pick(lab: Lab, number: string | undefined): { exercise: Exercise; index: number } {
  if (lab.exercises.length === 0)
    throw new UsageError(t('{lab} has no exercises; labs with exercises: see nslab list', { lab: lab.name }));
  // Without a number: the first this machine has not seen solved (run/progress.ts).
  const index =
    number === undefined
      ? firstUnsolved(
          lab.exercises.map((x) => x.key),
          readSolved()[lab.name],
        )
      : Number(number);
  if (!Number.isInteger(index) || index < 1 || index > lab.exercises.length)
    throw new UsageError(
      lab.exercises.length > 1
        ? t('{lab} has {count} exercises: {list}', {
            lab: lab.name,
            count: lab.exercises.length,
            list: lab.exercises.map((x, i) => `${i + 1} (${x.title})`).join(', '),
          })
        : t('{lab} has {count} exercise: {list}', {
            lab: lab.name,
            count: lab.exercises.length,
            list: lab.exercises.map((x, i) => `${i + 1} (${x.title})`).join(', '),
          }),
    );
  return { exercise: lab.exercises[index - 1]!, index };
}

export async function exercise(
  out: Output,
  name: string,
  number: string | undefined,
  opts: PlaceOptions,
): Promise<number> {
  const lab = loadLab(name);
  const { exercise: ex, index } = pick(lab, number);
  // Always a sandbox (there is no --host here): a planted fault such as FORWARD DROP or
  // ip_forward=0 must never break the machine's own network.
  const place = placeFrom(lab.name, opts) ?? { kind: 'sandbox' as const, name: lab.name };
  requireRoot('exercise'); // before the lock, whose file is root's
  const lock = await lockPlace(lab.name, place, 'exercise');
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt);
  let clean: Plan;
  let results: CheckResult[];
  try {
    clean = (await prepare(lab, place, 'exercise')).plan;
    await apply(plant(clean, lab, ex), lab.file, {}, interrupt);
    const state = readState(lab.name, place)!;
    writeState({ ...state, exercise: { index, hints: 0 } });
    results = withoutWhy(
      await runChecks(clean.checks, containerNamespaces(clean), lanPorts(lab, clean), interrupt),
    );
    // What check compares the repair with: the kernel as built, and the checks that passed.
    if (!interrupt.signal) await snapshotAtStart(lab, place, clean, results);
    // A signal after apply's last command (or in the checks): the exercise is removed whole.
    if (interrupt.signal) {
      await rollBack(lab.name, place);
      return exitForSignal(interrupt.signal);
    }
  } finally {
    release();
    lock.release();
  }
  const failing = results.filter((r) => !r.ok);
  out.data({
    ok: true,
    lab: lab.name,
    target: placeLabel(place),
    exercise: {
      number: index,
      of: lab.exercises.length,
      title: ex.title,
      task: fill(ex.task, clean),
      hints: ex.hints.length,
    },
    checks: results,
  });
  out.line(
    bold(
      t('nslab exercise {lab} {number} of {count}: {title}', {
        lab: lab.name,
        number: index,
        count: lab.exercises.length,
        title: ex.title,
      }),
    ),
  );
  out.line(
    t('{lab} is up in {place}, with something wrong.', { lab: lab.name, place: placeLabel(place) }) + '\n',
  );
  out.line(reflow(fill(ex.task, clean)));
  out.line(
    '\n' +
      t('Right now {failing} of {count} checks fail:', { failing: failing.length, count: results.length }),
  );
  out.line(renderChecks(results));
  out.line('\n' + t('Repair it with ordinary commands (ip, bridge, iptables, sysctl; as root). Then:'));
  const flag = sandboxFlag(lab, place);
  const arg = labArg(lab.name, lab.file);
  out.line(`  sudo nslab check ${arg}${flag}    # ${t('solved, or what still fails')}`);
  out.line(
    `  sudo nslab hint ${arg}${flag}     # ${t('one hint at a time ({count} in all)', { count: ex.hints.length })}`,
  );
  out.line(`  sudo nslab down ${arg}${flag}     # ${t('give up, or clean up once solved')}`);
  return EXIT.ok;
}

/**
 * A task as paragraphs, each rewrapped at the terminal's width by display width: a line of the lab
 * file may not fit the terminal, above all in Korean, where a letter takes two columns, and the
 * terminal's own wrap left a word alone on a line.
 */
const reflow = (text: string): string =>
  text
    .trimEnd()
    .split(/\n\s*\n/)
    .map((p) => wrapWords(p.replace(/\s*\n\s*/g, ' '), terminalWidth(), '', '').join('\n'))
    .join('\n\n');
