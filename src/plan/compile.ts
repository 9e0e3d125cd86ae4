// Lab × Target → Plan. Pure: no I/O, no clock, no randomness — `plan` prints exactly what `up` runs.
import type { Lab } from '../lab/types.js';
import { contextFor } from './context.js';
import { build, type StepSpec } from './steps.js';
import type { Plan, PlannedCheck, Target } from './types.js';

export function compile(lab: Lab, target: Target): Plan {
  const ctx = contextFor(lab, target);
  const networkByName = new Map(lab.networks.map((n) => [n.name, n]));
  // The order of the workshop: namespaces, then the bridge, then the cables between them.
  const specs: StepSpec[] = [
    ...(target.kind === 'sandbox' ? [{ kind: 'sandbox-host' } as const, { kind: 'outside' } as const] : []),
    ...lab.containers.map((container) => ({ kind: 'namespace', container }) as const),
    ...lab.networks.flatMap((network) => [
      { kind: 'bridge', network } as const,
      ...(target.kind === 'host' && target.facts.forwardDrop ? [{ kind: 'forward-accept', network } as const] : []),
    ]),
    ...lab.containers.flatMap((c) =>
      c.endpoints.map((endpoint) => ({ kind: 'endpoint', endpoint, network: networkByName.get(endpoint.network)! }) as const),
    ),
  ];
  const checks: PlannedCheck[] = lab.checks.map((c) => ({
    kind: c.kind,
    name: c.name,
    netns: c.from === 'host' ? ctx.hostNs : ctx.ns(c.from),
    from: c.from,
    address: c.address,
    expect: c.expect,
    ...(c.why ? { why: c.why } : {}),
  }));
  const namespaces = [
    ...(ctx.hostNs ? [ctx.hostNs, ctx.ns('outside')] : []),
    ...lab.containers.map((c) => ctx.ns(c.name)),
  ];
  const rootLinks = target.kind === 'host'
    ? [...lab.networks.map((n) => n.name), ...lab.containers.flatMap((c) => c.endpoints.map((e) => e.hostIfname))]
    : [];
  const containerNs = Object.fromEntries(lab.containers.map((c) => [c.name, ctx.ns(c.name)]));
  return { lab: lab.name, title: lab.title, place: ctx.place, mark: ctx.mark, namespaces, hostNs: ctx.hostNs, containerNs, rootLinks, steps: specs.map((s) => build(s, ctx)), checks };
}

/** What `down` runs when it has the plan: every undo, newest first. */
export const teardownOf = (plan: Plan): string[][] =>
  plan.steps.flatMap((s) => s.commands).flatMap((c) => (c.undo ? [c.undo] : [])).reverse();
