// What exercise, check and hint share about an exercise at a place: its words, filled with the
// names the learner types, and how the commands they suggest name that place.
import { labArg } from '../lab/files.js';
import type { Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import type { Plan } from '../plan/types.js';

/** {c1} → c1's namespace, {host} → the Docker host's: the task speaks of what the learner types. */
export function fill(text: string, plan: Plan): string {
  return text.replace(
    /\{([a-z][a-z0-9-]*)\}/g,
    (all, name: string) => plan.containerNs[name] ?? plan.hosts[name] ?? all,
  );
}

/** The flag a suggested command needs: none for the sandbox named after the lab, where exercise builds. */
export const sandboxFlag = (lab: Lab, place: Place): string =>
  place.kind === 'sandbox' && place.name !== lab.name ? ` --sandbox-name ${place.name}` : '';

/** The flag that names `place` in a suggested command, spelled out as up prints it (none on the host). */
export const placeFlag = (lab: Lab, place: Place): string =>
  place.kind === 'host' ? '' : place.name === lab.name ? ' --sandbox' : ` --sandbox-name ${place.name}`;

/** The command that traces the lab's check number `n` (1-based, as the plan lists its checks). */
export const traceCommand = (lab: Lab, n: number, flag: string): string =>
  `sudo nslab trace ${labArg(lab.name, lab.file)} ${n}${flag}`;

/**
 * During an exercise a failing check's `why` would name the repair ("Docker adds the DNAT to
 * both"): the learner sees what the check tries (its name, its probe) and not why it matters.
 */
export const withoutWhy = <R extends { why?: string }>(results: R[]): Omit<R, 'why'>[] =>
  results.map(({ why: _, ...rest }) => rest);
