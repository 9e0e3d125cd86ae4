// A lab's checks run where it is up: what verify and check share (check adds the exercise's
// words on top).
import { runChecks, type CheckResult } from '../check/run.js';
import { t } from '../i18n/index.js';
import type { Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import { containerNamespaces, lanPorts } from '../plan/compile.js';
import type { Interrupt } from '../run/apply.js';
import { asBuilt, planAt } from './built.js';
import { catchSignals } from './signals.js';
import { locate } from './locate.js';

export interface CheckedUp {
  /** the lab as this machine built it: after `up --as HOST`, HOST's part */
  lab: Lab;
  place: Place;
  results: CheckResult[];
  /** how long the checks took, in whole milliseconds */
  checksMs: number;
  /** a signal came while they ran: the results are no verdict (the lab is left as it is) */
  interrupted: NodeJS.Signals | null;
}

/** Runs `whole`'s checks at the place `asked` names or, without it, the one place it is up. */
export async function checkWhereUp(whole: Lab, asked: Place | undefined): Promise<CheckedUp> {
  const place = await locate(whole.name, asked, { mustBeUp: true });
  const lab = asBuilt(whole, place);
  // Checks do not depend on host facts; only the build steps do.
  const plan = planAt(lab, place);
  const started = performance.now();
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt, t('stopping the checks; the lab stays as it is'));
  try {
    const results = await runChecks(plan.checks, containerNamespaces(plan), lanPorts(lab, plan), interrupt);
    const checksMs = Math.round(performance.now() - started);
    return { lab, place, results, checksMs, interrupted: interrupt.signal };
  } finally {
    release();
  }
}
