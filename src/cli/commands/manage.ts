// verify, and where a lab is up: what the verbs that work on a lab that is up share.
import { runChecks } from '../../check/run.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel, type Place } from '../../lab/names.js';
import { containerNamespaces, lanPorts } from '../../plan/compile.js';
import { EnvError } from '../../run/errors.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { isUpAt, placesUp } from '../../run/status.js';
import { asBuilt, planAt } from '../../session/built.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { placeFrom, type PlaceOptions } from '../target.js';

/** Where the lab is up, as the flags name it or, without them, the one place it is: null when not up there. */
export async function findUp(lab: string, opts: PlaceOptions): Promise<{ place: Place | null; asked: Place | undefined }> {
  const asked = placeFrom(lab, opts);
  if (asked) return { place: (await isUpAt(lab, asked)) ? asked : null, asked };
  const up = await placesUp(lab);
  if (up.length > 1)
    throw new UsageError(`${lab} is up in ${up.length} places (${up.map(placeLabel).join(', ')}): say which with --host or --sandbox-name NAME`);
  return { place: up[0] ?? null, asked };
}

/** The one place a lab is up, from the flags or, without them, from the kernel. */
export async function placeUp(lab: string, opts: PlaceOptions): Promise<Place> {
  const { place, asked } = await findUp(lab, opts);
  if (place) return place;
  if (asked) throw new EnvError(`${lab} is not up (${placeLabel(asked)})`, `build it first: npm run nslab -- up ${lab}${asked.kind === 'sandbox' ? ` --sandbox-name ${asked.name}` : ''}`);
  throw new EnvError(`${lab} is not up`, `build it first: sudo npm run lab ${lab}`);
}

export async function verify(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  requireRoot('verify');
  requireTools(['ip', 'ping']);
  const whole = loadLab(name);
  const place = await placeUp(whole.name, opts);
  const lab = asBuilt(whole, place);
  // Checks do not depend on host facts; only the build steps do.
  const plan = planAt(lab, place);
  const started = performance.now();
  const results = await runChecks(plan.checks, containerNamespaces(plan), lanPorts(lab, plan));
  const checksMs = Math.round(performance.now() - started);
  const ok = results.every((r) => r.ok);
  out.data({ ok, lab: lab.name, target: placeLabel(place), checksMs, maxRssKb: process.resourceUsage().maxRSS, checks: results });
  out.line(`nslab verify ${lab.name} (${placeLabel(place)})`);
  out.line(renderChecks(results));
  return ok ? EXIT.ok : EXIT.checkFailed;
}
