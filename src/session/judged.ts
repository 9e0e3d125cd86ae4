// Judging an exercise's repair (issue 14): the snapshot taken when it was built, and the verdict
// of check on how the learner repaired it, beside what the lab's checks say.
import type { CheckResult } from '../check/run.js';
import { judge, type Finding } from '../inspect/judge.js';
import { readSnapshot, saveSnapshot, takeSnapshot } from '../inspect/snapshot.js';
import type { Place } from '../lab/names.js';
import type { Exercise, Lab } from '../lab/types.js';
import { faultNamespaces, guardsOf } from '../plan/faults.js';
import type { Plan } from '../plan/types.js';

/** Right after the exercise is built: the state of every namespace, and which checks pass. */
export async function snapshotAtStart(lab: Lab, place: Place, plan: Plan, results: CheckResult[]) {
  const passing = results.filter((r) => r.ok).map((r) => r.name);
  saveSnapshot(lab.name, place, await takeSnapshot(plan.namespaces, passing));
}

/** How a namespace is named to the learner. */
function labelOf(plan: Plan): (ns: string) => string {
  const names = new Map<string, string>();
  // A container:X sidecar shares X's namespace: X names it (the first to claim it).
  for (const [c, ns] of Object.entries(plan.containerNs))
    if (ns && !names.has(ns)) names.set(ns, `${c}'s namespace (${ns})`);
  const hosts = Object.entries(plan.hosts);
  for (const [h, ns] of hosts)
    if (ns) names.set(ns, `the Docker host${hosts.length > 1 ? ` ${h}` : ''}'s namespace (${ns})`);
  return (ns) => names.get(ns) ?? `the namespace ${ns}`;
}

/** What is wrong with the way the exercise was repaired; [] without a snapshot (an older nslab built it). */
export async function judgeRepair(
  lab: Lab,
  place: Place,
  plan: Plan,
  exercise: Exercise,
  results: CheckResult[],
): Promise<Finding[]> {
  const before = readSnapshot(lab.name, place);
  if (!before) return [];
  const now = await takeSnapshot(Object.keys(before.namespaces), []);
  const hostNs = Object.fromEntries(
    Object.entries(plan.hosts).flatMap(([h, ns]) => (ns ? [[h, ns] as const] : [])),
  );
  const bridges = Object.fromEntries(
    Object.entries(hostNs).map(([h, ns]) => [
      ns,
      lab.networks.filter((n) => n.driver === 'bridge' && n.hosts.includes(h)).map((n) => n.name),
    ]),
  );
  return judge(before, now, {
    guards: guardsOf(exercise),
    hostNs,
    faultNs: faultNamespaces(plan, lab, exercise),
    label: labelOf(plan),
    bridges,
    proxy: lab.daemon.userlandProxy,
    failing: results.filter((r) => !r.ok).map((r) => r.name),
  });
}
