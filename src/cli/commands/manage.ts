// verify, down, status: verbs that look at (or remove) what is up, found through the kernel's marks.
import { runChecks } from '../../check/run.js';
import { findLabFile, loadLab } from '../../lab/index.js';
import { asHost } from '../../lab/project.js';
import type { Lab } from '../../lab/types.js';
import { readState } from '../../run/state.js';
import { isName, placeLabel, type Place } from '../../lab/names.js';
import { containerNamespaces } from '../../plan/compile.js';
import { EnvError } from '../../run/errors.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { labsUp } from '../../run/status.js';
import { teardown } from '../../run/teardown.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks } from '../render.js';
import { table } from '../style.js';
import { planAt, placeFrom, type PlaceOptions } from '../target.js';
import { UsageError } from '../usage.js';
import { basename, extname } from 'node:path';

/** The one place a lab is up, from the flags or, without them, from the kernel. */
export async function placeUp(lab: string, opts: PlaceOptions): Promise<Place> {
  const up = await labsUp(lab);
  const asked = placeFrom(lab, opts);
  if (asked) {
    if (!up.some((s) => placeLabel(s.place) === placeLabel(asked)))
      throw new EnvError(`${lab} is not up (${placeLabel(asked)})`, `build it first: npm run nslab -- up ${lab}${asked.kind === 'sandbox' ? ` --sandbox-name ${asked.name}` : ''}`);
    return asked;
  }
  if (up.length === 0) throw new EnvError(`${lab} is not up`, `build it first: sudo npm run lab ${lab}`);
  if (up.length > 1)
    throw new UsageError(`${lab} is up in ${up.length} places (${up.map((s) => s.target).join(', ')}): say which with --host or --sandbox-name NAME`);
  return up[0]!.place;
}

/** The lab as this machine built it: after `up --as HOST`, only HOST's part (from the state file). */
export function asBuilt(lab: Lab, place: Place): Lab {
  const as = place.kind === 'host' ? readState(lab.name, place)?.as : undefined;
  return as ? asHost(lab, as) : lab;
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
  const results = await runChecks(plan.checks, containerNamespaces(plan));
  const checksMs = Math.round(performance.now() - started);
  const ok = results.every((r) => r.ok);
  out.data({ ok, lab: lab.name, target: placeLabel(place), checksMs, maxRssKb: process.resourceUsage().maxRSS, checks: results });
  out.line(`nslab verify ${lab.name} (${placeLabel(place)})`);
  out.line(renderChecks(results));
  return ok ? EXIT.ok : EXIT.checkFailed;
}

/** down takes a lab's name even when its file is gone: the marks in the kernel are enough. */
const labNameOf = (nameOrPath: string): string => {
  const file = findLabFile(nameOrPath);
  const name = basename(file, extname(file));
  if (!isName(name)) throw new UsageError(`"${nameOrPath}" does not name a lab: lab names are lowercase letters, digits and '-'`);
  return name;
};

export async function down(out: Output, nameOrPath: string, opts: PlaceOptions): Promise<number> {
  const lab = labNameOf(nameOrPath);
  requireRoot('down');
  const place = placeFrom(lab, opts);
  const report = await teardown(lab, place);
  out.data({ ok: report.leftovers.length === 0, lab, ...report, places: report.places.map(placeLabel) });
  if (report.places.length === 0 && report.leftovers.length === 0) {
    out.line(`${lab} is not up${place ? ` (${placeLabel(place)})` : ''}: nothing to remove`);
    return EXIT.ok;
  }
  for (const p of report.places) out.line(`removed ${lab} (${placeLabel(p)})`);
  for (const r of report.removed) out.line(`  - ${r}`);
  if (report.leftovers.length > 0)
    throw new EnvError(`some of ${lab} could not be removed:\n  ${report.leftovers.join('\n  ')}`, 'run nslab down again; if it stays, the objects are busy (a process still runs in a namespace?)');
  return EXIT.ok;
}

export async function status(out: Output, nameOrPath: string | undefined): Promise<number> {
  requireRoot('status');
  const up = await labsUp(nameOrPath === undefined ? undefined : labNameOf(nameOrPath));
  out.data(up.map(({ place: _place, ...rest }) => rest));
  if (up.length === 0) {
    out.line(nameOrPath ? `${nameOrPath} is not up` : 'no lab is up');
    return EXIT.ok;
  }
  out.line(table(['lab', 'target', 'namespaces', 'links here', 'rules here', 'servers', 'state file'],
    up.map((s) => [s.lab, s.target, String(s.namespaces.length), String(s.links.length), String(s.rules), String(s.servers), s.state])));
  out.line('(what carries the lab’s mark; --json lists the namespaces and links by name)');
  return EXIT.ok;
}
