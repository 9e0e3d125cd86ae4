// verify: the lab's checks again, against what is up.
import { runChecks } from '../../check/run.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { containerNamespaces, lanPorts } from '../../plan/compile.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function verify(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  requireRoot('verify');
  requireTools(['ip', 'ping']);
  const whole = loadLab(name);
  const place = await locate(whole.name, placeFrom(whole.name, opts), { mustBeUp: true });
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
