// Preflight and compile for the verbs that build (up, exercise, compare): refused here, a lab
// has touched nothing yet.
import type { Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import { compile } from '../plan/compile.js';
import type { Plan, Target } from '../plan/types.js';
import { EnvError } from '../run/errors.js';
import { missingKinds } from '../run/features.js';
import { checkRoom, requireRoot, requireTools, toolsFor } from '../run/preflight.js';
import { targetFor } from './target.js';

/**
 * Preflight and compile: everything `up` checks before it touches the machine. `verb` names the
 * verb in the not-root message; `underlay` is the interface `up --as HOST` runs VXLAN out of.
 */
export async function prepare(
  lab: Lab,
  place: Place,
  verb = 'up',
  underlay?: string,
): Promise<{ plan: Plan; target: Target }> {
  requireRoot(verb);
  if (place.kind === 'host' && lab.hosts.length > 1) {
    const hosts = lab.hosts.map((h) => h.name).join(', ');
    throw new EnvError(
      `${lab.name} spans ${lab.hosts.length} hosts (${hosts}); one machine can only be one of them`,
      'build it with --sandbox, where each host is a namespace, or on each machine its own part: ' +
        `--as ${lab.hosts[0]!.name} (the Vagrantfile's two VMs)`,
    );
  }
  const found = await targetFor(place);
  const target: Target =
    found.target.kind === 'host' && underlay
      ? { kind: 'host', facts: { ...found.target.facts, underlay } }
      : found.target;
  const plan = compile(lab, target);
  requireTools(toolsFor(plan));
  const missing = await missingKinds(plan);
  if (missing.length > 0)
    throw new EnvError(
      `this kernel cannot create ${missing.map((k) => `${k} links`).join(' or ')}, which ${lab.name} needs`,
      `load the module if your kernel has it (modprobe ${missing.join(' ')}); ` +
        'otherwise this lab cannot run on this machine — the other labs can',
    );
  await checkRoom(plan, lab);
  return { plan, target };
}
