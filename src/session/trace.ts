// What `trace` asks before it traces: where the lab is up, the plan as built there (with the
// exercise's faults, when one is up), and the probe: a check of the lab by number, or one made
// from --from/--to. The lab's lock is held meanwhile, so no `up` or `down` changes it under the tracer.
import type { Place } from '../lab/names.js';
import { resolveChecks, type RawCheck } from '../lab/resolve-checks.js';
import type { Lab } from '../lab/types.js';
import { compile } from '../plan/compile.js';
import { plant } from '../plan/faults.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import type { Interrupt } from '../run/apply.js';
import { lockPlace } from '../run/lock.js';
import { namespaceNames } from '../run/inventory.js';
import { readState } from '../run/state.js';
import { traceProbe, type Trace } from '../trace/run.js';
import { asBuilt, planAt } from './built.js';
import { catchSignals } from './signals.js';
import { locate } from './locate.js';
import { UsageError } from './usage.js';

export type TraceAsk =
  { check: number } | { from: string; to: string; port?: number; proto?: 'icmp' | 'tcp' | 'udp' };

/** `c1:outside` → a ping from c1 to outside, as --from c1 --to outside asks it. */
export function fromTo(text: string, flag: string): { from: string; to: string } {
  const m = /^([^:\s]+):([^:\s]+)$/.exec(text);
  if (!m) throw new UsageError(`${flag} ${text}: say FROM:TO, e.g. ${flag} c1:outside`);
  return { from: m[1]!, to: m[2]! };
}

/** The plan as it stands at `place`: with the exercise's faults when an exercise is up there. */
export function planAsUp(lab: Lab, place: Place): Plan {
  const plan = planAt(lab, place);
  const index = readState(lab.name, place)?.exercise?.index;
  const ex = index ? lab.exercises[index - 1] : undefined;
  return ex ? plant(plan, lab, ex) : plan;
}

/** A check made from --from/--to, resolved and placed as the lab's own checks are. */
function adHoc(lab: Lab, plan: Plan, ask: Extract<TraceAsk, { from: string }>): PlannedCheck {
  const proto = ask.proto ?? (ask.port === undefined ? 'icmp' : 'tcp');
  if (proto !== 'icmp' && ask.port === undefined)
    throw new UsageError(`--proto ${proto} needs --port: which port to connect to`);
  if (proto === 'icmp' && ask.port !== undefined)
    throw new UsageError('--port goes with --proto tcp or udp; a ping has no port');
  const raw: RawCheck =
    proto === 'icmp'
      ? { ping: { from: ask.from, to: ask.to } }
      : { [proto]: { from: ask.from, to: ask.to, port: ask.port! } };
  const problems: string[] = [];
  const copy: Lab = { ...lab, outside: { ...lab.outside } };
  const [check] = resolveChecks([raw], copy, (_path, message) => problems.push(message));
  if (problems.length || !check) throw new UsageError(`cannot trace that: ${problems.join('; ')}`);
  const placed = compile(
    { ...copy, checks: [check] },
    plan.place.kind === 'host'
      ? { kind: 'host', facts: { forwardDrop: false, ipForward: '1' } }
      : { kind: 'sandbox', name: plan.place.name },
  ).checks[0]!;
  if (placed.netns !== null && !plan.namespaces.includes(placed.netns))
    throw new UsageError(`${ask.from} is not built in this lab (no namespace ${placed.netns})`);
  return placed;
}

/** The check `ask` names: the lab's N-th, or one made from --from/--to. */
export function chosen(lab: Lab, plan: Plan, ask: TraceAsk): PlannedCheck {
  if ('check' in ask) {
    const c = plan.checks[ask.check - 1];
    if (!c)
      throw new UsageError(
        `${lab.name} has ${plan.checks.length} checks: say a number from 1 to ${plan.checks.length} (nslab verify lists them)`,
      );
    return c;
  }
  return adHoc(lab, plan, ask);
}

export interface Traced {
  lab: Lab;
  place: Place;
  check: PlannedCheck;
  trace: Trace;
}

export async function traceWhereUp(whole: Lab, asked: Place | undefined, ask: TraceAsk): Promise<Traced> {
  const place = await locate(whole.name, asked, { mustBeUp: true });
  const lab = asBuilt(whole, place);
  const plan = planAsUp(lab, place);
  const check = chosen(lab, plan, ask);
  const lock = await lockPlace(lab.name, place, 'trace');
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt, 'stopping the trace and removing the tracer…');
  try {
    return { lab, place, check, trace: await traceProbe(plan, check, interrupt) };
  } finally {
    release();
    lock.release();
  }
}

/**
 * Traces `check` without the lab's lock, for a verb that only reads the lab (hint): the tracer's
 * own lock keeps traces apart, and Ctrl-C still removes the tracer before nslab exits.
 */
export async function traceUnlocked(plan: Plan, check: PlannedCheck): Promise<Trace> {
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt, 'stopping the trace and removing the tracer…');
  try {
    return await traceProbe(plan, check, interrupt);
  } finally {
    release();
  }
}

/**
 * Traces `check` while `up --step` builds (the caller holds the lab's lock and catches signals):
 * only in the namespaces made so far, since the tracer cannot load into one not yet there.
 */
export async function traceWhileBuilding(
  plan: Plan,
  check: PlannedCheck,
  interrupt: Interrupt,
): Promise<Trace> {
  const there = new Set(namespaceNames());
  const made = plan.namespaces.filter((ns) => there.has(ns));
  return traceProbe({ ...plan, namespaces: made }, check, interrupt);
}
