// verify: the lab's checks again, against what is up (root).
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { checkWhereUp } from '../../session/checks.js';
import { placeFlag, traceCommand } from '../../session/exercise.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks, traceSuggestion } from '../render.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function verify(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  requireRoot('verify');
  requireTools(['ip', 'ping']);
  const whole = loadLab(name);
  const { lab, place, results, checksMs, interrupted } = await checkWhereUp(
    whole,
    placeFrom(whole.name, opts),
  );
  if (interrupted) return exitForSignal(interrupted); // no verdict
  const ok = results.every((r) => r.ok);
  const maxRssKb = process.resourceUsage().maxRSS;
  out.data({ ok, lab: lab.name, target: placeLabel(place), checksMs, maxRssKb, checks: results });
  out.line(`nslab verify ${lab.name} (${placeLabel(place)})`);
  out.line(renderChecks(results));
  const suggest = traceSuggestion(results, (n) => traceCommand(lab, n, placeFlag(lab, place)));
  if (suggest) out.line(suggest);
  return ok ? EXIT.ok : EXIT.checkFailed;
}
