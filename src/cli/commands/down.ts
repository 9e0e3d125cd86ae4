// down: everything a lab made, found through the kernel's marks, removed (root). It needs only
// a lab's name, so it starts without the parser, the compiler or execa.
import { t } from '../../i18n/index.js';
import { dockerSideKept } from '../../compare/names.js';
import { placeLabel } from '../../lab/names.js';
import { EnvError } from '../../run/errors.js';
import { requireRoot } from '../../run/preflight.js';
import { lockPlace, type PlaceLock } from '../../run/lock.js';
import { listStates } from '../../run/state.js';
import { teardown } from '../../run/teardown.js';
import { labNameOf } from '../../session/name.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { placeFrom, type PlaceOptions } from '../target.js';

/** down takes a lab's name even when its file is gone: the marks in the kernel are enough. */
export async function down(out: Output, nameOrPath: string, opts: PlaceOptions): Promise<number> {
  const lab = labNameOf(nameOrPath);
  requireRoot('down');
  const place = placeFrom(lab, opts);
  // Never beside an up/exercise/compare of the same place: wait for it, or say who holds it.
  const found = [{ kind: 'host' as const }, ...listStates().flatMap((s) => (s.lab === lab ? [s.place] : []))];
  // Each place once: a second flock of the same file, even by this process, would wait on the first.
  const places = place
    ? [place]
    : found.filter((p, i) => found.findIndex((q) => placeLabel(q) === placeLabel(p)) === i);
  const locks: PlaceLock[] = [];
  for (const p of places) locks.push(await lockPlace(lab, p, 'down'));
  const report = await teardown(lab, place).finally(() => locks.forEach((l) => l.release()));
  // What `compare --keep` left with Docker goes too (only when its names are there: no Docker call otherwise).
  const docker =
    !place && dockerSideKept(lab)
      ? await (await import('../../compare/docker.js')).removeDockerSide(lab)
      : [];
  out.data({
    ok: report.leftovers.length === 0,
    lab,
    ...report,
    places: report.places.map(placeLabel),
    ...(docker.length ? { docker } : {}),
  });
  if (report.places.length === 0 && report.leftovers.length === 0 && docker.length === 0) {
    out.line(
      place
        ? t('{lab} is not up ({place}): nothing to remove', { lab, place: placeLabel(place) })
        : t('{lab} is not up: nothing to remove', { lab }),
    );
    return EXIT.ok;
  }
  for (const p of report.places) out.line(t('removed {lab} ({place})', { lab, place: placeLabel(p) }));
  for (const r of report.removed) out.line(`  - ${r}`);
  if (docker.length > 0)
    out.line(
      `${t("removed Docker's copy of {lab} that compare --keep left:", { lab })}\n${docker.map((r) => `  - ${r}`).join('\n')}`,
    );
  if (report.leftovers.length > 0)
    throw new EnvError(
      `some of ${lab} could not be removed:\n  ${report.leftovers.join('\n  ')}`,
      'run nslab down again; if it stays, the objects are busy (a process still runs in a namespace?)',
    );
  return EXIT.ok;
}
