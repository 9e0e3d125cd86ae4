// hint: the next hint of the exercise that is up, one at a time; after the last, what nslab
// itself sees wrong in the kernel, layer by layer (root).
import { t } from '../../i18n/index.js';
import { runChecks } from '../../check/run.js';
import { diagnose } from '../../inspect/diagnose.js';
import { ruleDifferences, sysctlDifferences } from '../../inspect/differences.js';
import { layoutOf } from '../../inspect/layout.js';
import { observe } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel, type Place } from '../../lab/names.js';
import type { Lab } from '../../lab/types.js';
import { commandLine } from '../../plan/command.js';
import { containerNamespaces, hostForwards, lanPorts } from '../../plan/compile.js';
import { EnvError } from '../../run/errors.js';
import { readState, writeState } from '../../run/state.js';
import type { Trace } from '../../trace/run.js';
import { planAt } from '../../session/built.js';
import { fill, sandboxFlag, traceCommand } from '../../session/exercise.js';
import { planAsUp, traceUnlocked } from '../../session/trace.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { bold, yellow } from '../style.js';
import { traceBrief } from '../trace-text.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function hint(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const place = await locate(lab.name, placeFrom(lab.name, opts), { mustBeUp: true });
  const state = readState(lab.name, place);
  if (!state?.exercise)
    throw new UsageError(
      `${lab.name} is up (${placeLabel(place)}) but not as an exercise: ` +
        `start one with sudo nslab exercise ${lab.name}`,
    );
  const ex = lab.exercises[state.exercise.index - 1]!;
  const plan = planAt(lab, place);
  const shown = Math.min(state.exercise.hints + 1, ex.hints.length);
  writeState({ ...state, exercise: { ...state.exercise, hints: shown } });
  const hints = ex.hints.slice(0, shown).map((h) => fill(h, plan));
  // Past the last written hint: what nslab itself sees wrong in the kernel, lowest layer first.
  // Each Docker host is read in its own namespace; on several hosts, findings name theirs.
  // Then every rule and policy that differs from the plan's, whatever the learner did.
  const onHost = async (host: string) => {
    const seen = await observe(layoutOf(lab, plan, host));
    return [
      ...diagnose(lab, seen, hostForwards(lab, host)),
      ...(await sysctlDifferences(plan, plan.hosts[host] ?? null, host)),
      ...ruleDifferences(plan, plan.hosts[host] ?? null, host, seen),
    ].map((f) => ({
      ...(lab.hosts.length > 1 ? { ...f, what: `on ${host}: ${f.what}` } : f),
      // the namespace to look in: the container's own, else the Docker host's (its bridges too)
      ns: plan.containerNs[f.where] ?? plan.hosts[host] ?? null,
    }));
  };
  const findings =
    state.exercise.hints >= ex.hints.length
      ? (await Promise.all(lab.hosts.map((h) => onHost(h.name)))).flat()
      : null;
  // The checks, past the last hint: the first failing one is run by hand (when nothing nslab
  // compares differs) and traced once, through the plan as planted, so the fault has its name.
  const results = findings
    ? await runChecks(plan.checks, containerNamespaces(plan), lanPorts(lab, plan), { signal: null })
    : [];
  const probe = findings?.length === 0 ? results.find((r) => !r.ok) : undefined;
  const traced = results.findIndex((r) => !r.ok && !r.interrupted && r.kind !== 'listen');
  const trace = traced >= 0 ? await traceOrWhy(lab, place, traced) : null;
  const exercise = { number: state.exercise.index, title: ex.title };
  const found = findings ? { findings } : {};
  const failing = probe
    ? {
        failing: {
          check: probe.name,
          command: commandLine(probe.argv),
          expected: probe.expect === 'reach' ? 'works' : 'fails',
          got: probe.reached ? 'works' : `fails${probe.detail ? `: ${probe.detail}` : ''}`,
        },
      }
    : {};
  const command = traced >= 0 ? traceCommand(lab, traced + 1, sandboxFlag(lab, place)) : '';
  const tracedData =
    trace && 'trace' in trace
      ? {
          trace: {
            check: results[traced]!.name,
            command,
            verdict: trace.trace.verdict,
            reason: trace.trace.reason,
            ...(trace.trace.faults ? { faults: trace.trace.faults } : {}),
          },
        }
      : {};
  out.data({
    ok: true,
    lab: lab.name,
    exercise,
    hint: shown,
    of: ex.hints.length,
    hints,
    ...found,
    ...failing,
    ...tracedData,
  });
  out.line(
    bold(
      t('{lab}, exercise {number}: {title}', {
        lab: lab.name,
        number: state.exercise.index,
        title: ex.title,
      }),
    ),
  );
  out.line(
    t('hint {number} of {count}: {hint}', { number: shown, count: ex.hints.length, hint: hints.at(-1)! }),
  );
  if (!findings) return EXIT.ok;
  out.line('\n' + t('That was the last hint. What nslab sees in the kernel, lowest layer first:'));
  if (findings.length)
    out.line(
      findings
        .map(
          (f) =>
            `  ${yellow(f.layer.padEnd(7))} ${f.what}${f.ns && !f.what.includes(f.ns) ? t(' (in {ns})', { ns: f.ns }) : ''}`,
        )
        .join('\n'),
    );
  else if (!failing.failing)
    out.line(
      `  ${t('nothing differs from the lab, and every check comes out as expected: it looks solved.')}`,
    );
  else {
    const f = failing.failing;
    const shownGot = probe!.reached
      ? t('works')
      : probe!.detail
        ? t('fails: {detail}', { detail: probe!.detail })
        : t('fails');
    const vars = { check: f.check, got: shownGot };
    out.line(
      `  ${
        f.expected === 'works'
          ? t(
              'every link, address, route and rule nslab compares is as the lab has it, yet "{check}" is expected to work and {got}.',
              vars,
            )
          : t(
              'every link, address, route and rule nslab compares is as the lab has it, yet "{check}" is expected to fail and {got}.',
              vars,
            )
      }\n  ${t('Run its probe by hand and follow the packet from there:')}\n    ${f.command}`,
    );
  }
  if (trace) {
    const r = results[traced]!;
    // what the one traced probe did, which is not always what the check saw (a round robin, a retry)
    const got = 'trace' in trace ? trace.trace.verdict : null;
    const heading =
      got === 'dropped' || got === 'lost'
        ? t('Where "{check}" dies, traced once:', { check: r.name })
        : got === 'delivered' && r.expect === 'fail'
          ? t('How "{check}" gets through, traced once:', { check: r.name })
          : t('"{check}", traced once:', { check: r.name });
    out.line(`\n${heading}`);
    out.line(
      'trace' in trace
        ? traceBrief(trace.trace).join('\n')
        : `  ${t('the trace could not run: {why}', { why: trace.why })}`,
    );
    out.line(t('The whole journey, hop by hop: {command}', { command }));
    if ('trace' in trace && trace.trace.verdict === 'interrupted') return exitForSignal('SIGINT');
  }
  return EXIT.ok;
}

/**
 * The trace of check `index`, or why there is none (no nft, a tracer that would not load, a
 * journey trace cannot follow): the hint has said its part already, so it goes on without it.
 */
async function traceOrWhy(
  lab: Lab,
  place: Place,
  index: number,
): Promise<{ trace: Trace } | { why: string }> {
  const plan = planAsUp(lab, place);
  try {
    return { trace: await traceUnlocked(plan, plan.checks[index]!) };
  } catch (e) {
    if (e instanceof EnvError) return { why: `${e.message}${e.hint ? ` (${e.hint})` : ''}` };
    return { why: e instanceof Error ? e.message : String(e) };
  }
}
