// down, status: what is up, found through the kernel's marks, and removing it. Kept apart from
// verify: they need only a lab's name, so they start without the parser, the compiler or execa.
import { basename, extname } from 'node:path';
import { dockerSideKept } from '../../compare/names.js';
import { findLabFile } from '../../lab/files.js';
import { isName, placeLabel } from '../../lab/names.js';
import { EnvError } from '../../run/errors.js';
import { requireRoot } from '../../run/preflight.js';
import { teardown } from '../../run/teardown.js';
import { labsUp } from '../../session/status.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { table } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

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
  // What `compare --keep` left with Docker goes too (only when its names are there: no Docker call otherwise).
  const docker = !place && dockerSideKept(lab) ? await (await import('../../compare/docker.js')).removeDockerSide(lab) : [];
  out.data({ ok: report.leftovers.length === 0, lab, ...report, places: report.places.map(placeLabel), ...(docker.length ? { docker } : {}) });
  if (report.places.length === 0 && report.leftovers.length === 0 && docker.length === 0) {
    out.line(`${lab} is not up${place ? ` (${placeLabel(place)})` : ''}: nothing to remove`);
    return EXIT.ok;
  }
  for (const p of report.places) out.line(`removed ${lab} (${placeLabel(p)})`);
  for (const r of report.removed) out.line(`  - ${r}`);
  if (docker.length > 0) out.line(`removed Docker's copy of ${lab} that compare --keep left:\n${docker.map((r) => `  - ${r}`).join('\n')}`);
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
