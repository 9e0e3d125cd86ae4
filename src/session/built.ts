// A lab as it stands where it is up: the part this machine built, and the plan that names its
// namespaces and carries its checks.
import type { Place } from '../lab/names.js';
import { asHost } from '../lab/project.js';
import type { Lab } from '../lab/types.js';
import { compile } from '../plan/compile.js';
import type { Plan } from '../plan/types.js';
import { readState } from '../run/state.js';

/** The lab as this machine built it: after `up --as HOST`, only HOST's part (from the state file). */
export function asBuilt(lab: Lab, place: Place): Lab {
  const as = place.kind === 'host' ? readState(lab.name, place)?.as : undefined;
  return as ? asHost(lab, as) : lab;
}

/**
 * The plan of a lab as it stands at a place, for its names and checks: what the machine was like
 * before `up` (the host facts) changes only build steps, so it is left at a neutral value.
 */
export const planAt = (lab: Lab, place: Place): Plan =>
  compile(
    lab,
    place.kind === 'host'
      ? { kind: 'host', facts: { forwardDrop: false, ipForward: '1' } }
      : { kind: 'sandbox', name: place.name },
  );
