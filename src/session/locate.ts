// Where a lab is up: the one question verify, check, hint, graph --live and compare ask before
// they look at it. The kernel's marks decide; the state files only say where to look first.
import { placeLabel, type Place } from '../lab/names.js';
import { EnvError } from '../run/errors.js';
import { runMarkOf, sameOwner, sandboxNamespaces } from '../run/inventory.js';
import { listStates } from '../run/state.js';
import { labsUp } from './status.js';
import { UsageError } from './usage.js';

export interface LocateOptions {
  mustBeUp?: boolean;
}

/**
 * Where `lab` is up. `asked` is the place the caller's flags name: it comes back when the lab is
 * up there, null when not. Without it: the one place the lab is up, null when it is up nowhere,
 * and a UsageError when it is up in several (only the caller can say which). With `mustBeUp`,
 * "not up" is an EnvError that says how to build it, instead of null.
 */
export function locate(lab: string, asked: Place | undefined, opts: { mustBeUp: true }): Promise<Place>;
export function locate(lab: string, asked: Place | undefined, opts?: LocateOptions): Promise<Place | null>;
export async function locate(
  lab: string,
  asked: Place | undefined,
  { mustBeUp }: LocateOptions = {},
): Promise<Place | null> {
  const place = asked ? ((await isUpAt(lab, asked)) ? asked : null) : await onlyPlace(lab);
  if (place || !mustBeUp) return place;
  if (asked) {
    const flag = asked.kind === 'sandbox' ? ` --sandbox-name ${asked.name}` : '';
    throw new EnvError(
      `${lab} is not up (${placeLabel(asked)})`,
      `build it first: sudo nslab up ${lab}${flag}`,
    );
  }
  throw new EnvError(`${lab} is not up`, `build it first: sudo nslab up ${lab}`);
}

/** The one place `lab` is up, or null; up in several places, the caller must say which. */
async function onlyPlace(lab: string): Promise<Place | null> {
  const up = await placesUp(lab);
  if (up.length > 1) {
    const places = up.map(placeLabel).join(', ');
    throw new UsageError(
      `${lab} is up in ${up.length} places (${places}): say which with --host or --sandbox-name NAME`,
    );
  }
  return up[0] ?? null;
}

/**
 * Where `lab` is up. The state files say where to look; the marks decide. Without a state file
 * (or with several) every namespace's mark is read.
 */
async function placesUp(lab: string): Promise<Place[]> {
  const hinted = listStates()
    .filter((s) => s.lab === lab)
    .map((s) => s.place);
  if (hinted.length === 1 && hinted[0]!.kind === 'sandbox' && (await isUpAt(lab, hinted[0]!))) return hinted;
  return (await labsUp(lab)).map((s) => s.place);
}

/**
 * Whether the kernel holds something of `lab` at `place`. A sandbox is asked through its own
 * namespaces, one mark at a time until one is the lab's (the first, as a rule): a rack of 250
 * containers costs one process, not 250.
 */
async function isUpAt(lab: string, place: Place): Promise<boolean> {
  if (place.kind === 'host') return (await labsUp(lab)).some((s) => s.place.kind === 'host');
  for (const name of sandboxNamespaces(place.name).sort()) {
    if (sameOwner(await runMarkOf(name), lab, place)) return true;
  }
  return false;
}
