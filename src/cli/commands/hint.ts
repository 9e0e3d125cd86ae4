// hint: the next hint of the exercise that is up, one at a time; after the last, what nslab
// itself sees wrong in the kernel, layer by layer (root).
import { diagnose } from '../../inspect/diagnose.js';
import { layoutOf } from '../../inspect/layout.js';
import { observe } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { hostForwards } from '../../plan/compile.js';
import { readState, writeState } from '../../run/state.js';
import { planAt } from '../../session/built.js';
import { fill } from '../../session/exercise.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { bold, yellow } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function hint(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const place = await locate(lab.name, placeFrom(lab.name, opts), { mustBeUp: true });
  const state = readState(lab.name, place);
  if (!state?.exercise)
    throw new UsageError(
      `${lab.name} is up (${placeLabel(place)}) but not as an exercise: ` +
        `start one with npm run nslab -- exercise ${lab.name}`,
    );
  const ex = lab.exercises[state.exercise.index - 1]!;
  const plan = planAt(lab, place);
  const shown = Math.min(state.exercise.hints + 1, ex.hints.length);
  writeState({ ...state, exercise: { ...state.exercise, hints: shown } });
  const hints = ex.hints.slice(0, shown).map((h) => fill(h, plan));
  // Past the last written hint: what nslab itself sees wrong in the kernel, lowest layer first.
  // Each Docker host is read in its own namespace; on several hosts, findings name theirs.
  const onHost = async (host: string) =>
    diagnose(lab, await observe(layoutOf(lab, plan, host)), hostForwards(lab, host)).map((f) =>
      lab.hosts.length > 1 ? { ...f, what: `on ${host}: ${f.what}` } : f,
    );
  const findings =
    state.exercise.hints >= ex.hints.length
      ? (await Promise.all(lab.hosts.map((h) => onHost(h.name)))).flat()
      : null;
  const exercise = { number: state.exercise.index, title: ex.title };
  const found = findings ? { findings } : {};
  out.data({ ok: true, lab: lab.name, exercise, hint: shown, of: ex.hints.length, hints, ...found });
  out.line(bold(`${lab.name}, exercise ${state.exercise.index}: ${ex.title}`));
  out.line(`hint ${shown} of ${ex.hints.length}: ${hints.at(-1)}`);
  if (!findings) return EXIT.ok;
  out.line(`\nThat was the last hint. What nslab sees in the kernel, lowest layer first:`);
  out.line(
    findings.length
      ? findings.map((f) => `  ${yellow(f.layer.padEnd(7))} ${f.what}`).join('\n')
      : '  nothing it knows to look for: run check, the failing checks say where',
  );
  return EXIT.ok;
}
