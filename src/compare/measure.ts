// Both sides measured the same way, from the kernel: the lab's checks, the hairpin probe, and
// everything observe() reads; then the rows. Run again after a change to see it (the tests break
// one property at a time on the hand-built side and measure again).
import { runChecks } from '../check/run.js';
import { layoutOf } from '../inspect/layout.js';
import { observeSettled } from '../inspect/observe.js';
import type { Lab } from '../lab/types.js';
import { containerNamespaces, lanPorts } from '../plan/compile.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import { dockerChecks } from './checks.js';
import { compareNetworks, type Row, type Side } from './diff.js';
import type { DockerSide } from './docker.js';
import { hairpinPaths } from './paths.js';

export async function measure(lab: Lab, plan: Plan, docker: DockerSide): Promise<Row[]> {
  const handChecks = await runChecks(plan.checks, containerNamespaces(plan), lanPorts(lab, plan));
  const planned = dockerChecks(lab, plan.checks, docker);
  const runnable = planned.filter((c): c is PlannedCheck => !('skipped' in c));
  const ran = await runChecks(runnable, []);
  const containers = new Set(lab.containers.map((c) => c.name));
  const hand: Side = {
    observed: await observeSettled(layoutOf(lab, plan)),
    networks: lab.networks.map((n) => ({
      lab: n.name,
      bridge: n.name,
      subnet: n.subnet,
      gateway: n.gateway,
    })),
    toLab: new Map(lab.containers.flatMap((c) => c.endpoints.map((e) => [e.address, e.address] as const))),
    checks: handChecks,
    hairpin: await hairpinPaths(plan.checks, containers),
  };
  const dockerSide: Side & { version: string } = {
    observed: await observeSettled(docker.layout),
    networks: docker.networks,
    toLab: new Map([...docker.addresses].map(([labAddr, dockerAddr]) => [dockerAddr, labAddr])),
    checks: planned.map((c) => ('skipped' in c ? c : ran[runnable.indexOf(c)]!)),
    hairpin: await hairpinPaths(planned, containers),
    version: docker.version,
  };
  return compareNetworks({ lab, hand, docker: dockerSide });
}
