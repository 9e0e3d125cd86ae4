// exercise, check, hint: a lab built with one fault planted, the learner's repair checked by the
// lab's own checks, and hints one at a time (then what nslab sees wrong, layer by layer).
import { diagnose } from '../../check/diagnose.js';
import { runChecks } from '../../check/run.js';
import { layoutOf } from '../../inspect/layout.js';
import { observe } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel, type Place } from '../../lab/names.js';
import type { Exercise, Lab } from '../../lab/types.js';
import { containerNamespaces, hostForwards, lanPorts } from '../../plan/compile.js';
import { plant } from '../../plan/faults.js';
import type { Plan } from '../../plan/types.js';
import { apply, type Interrupt } from '../../run/apply.js';
import { readState, writeState } from '../../run/state.js';
import { planAt } from '../../session/built.js';
import { checkWhereUp } from '../../session/checks.js';
import { locate } from '../../session/locate.js';
import { prepare } from '../../session/prepare.js';
import { catchSignals } from '../../session/signals.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { bold, green, red, yellow } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

/** {c1} → c1's namespace, {host} → the Docker host's: the task speaks of what the learner types. */
export function fill(text: string, plan: Plan): string {
  return text.replace(/\{([a-z][a-z0-9-]*)\}/g, (all, name: string) => plan.containerNs[name] ?? plan.hosts[name] ?? all);
}

const flag = (lab: Lab, place: Place) => (place.kind === 'sandbox' && place.name !== lab.name ? ` --sandbox-name ${place.name}` : '');

function pick(lab: Lab, number: string | undefined): { exercise: Exercise; index: number } {
  if (lab.exercises.length === 0) throw new UsageError(`${lab.name} has no exercises; labs with exercises: see npm run nslab -- list`);
  const index = number === undefined ? 1 : Number(number);
  if (!Number.isInteger(index) || index < 1 || index > lab.exercises.length)
    throw new UsageError(`${lab.name} has ${lab.exercises.length} exercise${lab.exercises.length > 1 ? 's' : ''}: ${lab.exercises.map((x, i) => `${i + 1} (${x.title})`).join(', ')}`);
  return { exercise: lab.exercises[index - 1]!, index };
}

export async function exercise(out: Output, name: string, number: string | undefined, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const { exercise: ex, index } = pick(lab, number);
  // Always a sandbox (there is no --host here): a planted fault such as FORWARD DROP or
  // ip_forward=0 must never break the machine's own network.
  const place = placeFrom(lab.name, opts) ?? { kind: 'sandbox' as const, name: lab.name };
  const { plan: clean } = await prepare(lab, place, 'exercise');
  const plan = plant(clean, lab, ex);
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt);
  try {
    await apply(plan, lab.file, {}, interrupt);
  } finally {
    release();
  }
  const state = readState(lab.name, place)!;
  writeState({ ...state, exercise: { index, hints: 0 } });
  const results = await runChecks(clean.checks, containerNamespaces(clean), lanPorts(lab, clean));
  if (interrupt.signal) return exitForSignal(interrupt.signal);
  const failing = results.filter((r) => !r.ok);
  out.data({ ok: true, lab: lab.name, target: placeLabel(place), exercise: { number: index, of: lab.exercises.length, title: ex.title, task: fill(ex.task, clean), hints: ex.hints.length }, checks: results });
  out.line(bold(`nslab exercise ${lab.name} ${index} of ${lab.exercises.length}: ${ex.title}`));
  out.line(`${lab.name} is up in ${placeLabel(place)}, with something wrong.\n`);
  out.line(fill(ex.task, clean));
  out.line(`\nRight now ${failing.length} of ${results.length} checks fail:`);
  out.line(renderChecks(results));
  out.line(`\nRepair it with ordinary commands (ip, bridge, iptables, sysctl; as root). Then:`);
  out.line(`  sudo npm run nslab -- check ${lab.name}${flag(lab, place)}    # solved, or what still fails`);
  out.line(`  sudo npm run nslab -- hint ${lab.name}${flag(lab, place)}     # one hint at a time (${ex.hints.length} in all)`);
  out.line(`  sudo npm run nslab -- down ${lab.name}${flag(lab, place)}     # give up, or clean up once solved`);
  return EXIT.ok;
}

export async function check(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const whole = loadLab(name);
  const { lab, place, results } = await checkWhereUp(whole, placeFrom(whole.name, opts));
  const solved = results.every((r) => r.ok);
  const ex = readState(lab.name, place)?.exercise;
  const title = ex ? lab.exercises[ex.index - 1]?.title : undefined;
  out.data({ ok: solved, solved, lab: lab.name, target: placeLabel(place), ...(ex ? { exercise: { number: ex.index, title } } : {}), checks: results });
  out.line(renderChecks(results));
  if (solved) {
    out.line(green(bold(`Solved${title ? `: ${title}` : ''}.`)) + ` All ${results.length} checks of ${lab.name} come out as the lab expects.`);
    out.line(`Clean up with: sudo npm run nslab -- down ${lab.name}${flag(lab, place)}`);
    return EXIT.ok;
  }
  const failing = results.filter((r) => !r.ok);
  out.line(red(`Not solved yet: ${failing.length} of ${results.length} checks still fail (${failing.map((r) => r.name).join('; ')}).`));
  if (ex) out.line(`Stuck? sudo npm run nslab -- hint ${lab.name}${flag(lab, place)}`);
  return EXIT.checkFailed;
}

export async function hint(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const place = await locate(lab.name, placeFrom(lab.name, opts), { mustBeUp: true });
  const state = readState(lab.name, place);
  if (!state?.exercise) throw new UsageError(`${lab.name} is up (${placeLabel(place)}) but not as an exercise: start one with npm run nslab -- exercise ${lab.name}`);
  const ex = lab.exercises[state.exercise.index - 1]!;
  const plan = planAt(lab, place);
  const shown = Math.min(state.exercise.hints + 1, ex.hints.length);
  writeState({ ...state, exercise: { ...state.exercise, hints: shown } });
  const hints = ex.hints.slice(0, shown).map((h) => fill(h, plan));
  // Past the last written hint: what nslab itself sees wrong in the kernel, lowest layer first.
  // Each Docker host is read in its own namespace; on several hosts, findings name theirs.
  const findings = state.exercise.hints >= ex.hints.length
    ? (await Promise.all(lab.hosts.map(async (h) => diagnose(lab, await observe(layoutOf(lab, plan, h.name)), hostForwards(lab, h.name))
        .map((f) => (lab.hosts.length > 1 ? { ...f, what: `on ${h.name}: ${f.what}` } : f))))).flat()
    : null;
  out.data({ ok: true, lab: lab.name, exercise: { number: state.exercise.index, title: ex.title }, hint: shown, of: ex.hints.length, hints, ...(findings ? { findings } : {}) });
  out.line(bold(`${lab.name}, exercise ${state.exercise.index}: ${ex.title}`));
  out.line(`hint ${shown} of ${ex.hints.length}: ${hints.at(-1)}`);
  if (!findings) return EXIT.ok;
  out.line(`\nThat was the last hint. What nslab sees in the kernel, lowest layer first:`);
  out.line(findings.length ? findings.map((f) => `  ${yellow(f.layer.padEnd(7))} ${f.what}`).join('\n') : '  nothing it knows to look for: run check, the failing checks say where');
  return EXIT.ok;
}
