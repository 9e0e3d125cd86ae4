// Lab × Target → Plan. Pure: no I/O, no clock, no randomness — `plan` prints exactly what `up` runs.
import { HOST_UPLINK_IFNAME } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import { contextFor } from './context.js';
import { build, type StepSpec } from './steps.js';
import type { Plan, PlannedCheck, Target } from './types.js';

export function compile(lab: Lab, target: Target): Plan {
  const ctx = contextFor(lab, target);
  const networkByName = new Map(lab.networks.map((n) => [n.name, n]));
  const own = lab.containers.filter((c) => c.mode.kind === 'bridge' || c.mode.kind === 'none');
  const forwardDrop = target.kind === 'host' && target.facts.forwardDrop;
  const forwarding = lab.networks.some((n) => n.nat) || lab.containers.some((c) => c.ports.length > 0) || lab.services.length > 0 || lab.networks.some((n) => n.isolated);
  const alreadyForwarding = target.kind === 'host' && target.facts.ipForward === '1';

  // The order of the workshop: namespaces, the bridge, the cables; then routing, NAT, ports; servers last.
  const specs: StepSpec[] = [
    ...(target.kind === 'sandbox' ? [{ kind: 'sandbox-host' } as const] : []),
    ...(ctx.outsideNs ? [{ kind: 'outside' } as const] : []),
    ...own.flatMap((container) => [{ kind: 'namespace', container } as const, { kind: 'files', container } as const]),
    ...lab.networks.flatMap((network) => [
      { kind: 'bridge', network } as const,
      ...(forwardDrop ? [{ kind: 'forward-accept', network } as const] : []),
    ]),
    ...lab.containers.flatMap((c) =>
      c.endpoints.map((endpoint) => ({ kind: 'endpoint', endpoint, network: networkByName.get(endpoint.network)! }) as const)),
    ...(forwarding && !alreadyForwarding ? [{ kind: 'ip-forward' } as const] : []),
    ...lab.networks.filter((n) => n.nat).map((network) => ({ kind: 'nat', network }) as const),
    ...lab.networks.filter((n) => n.isolated).map((network, i, isolated) => ({
      kind: 'isolation', network,
      // each pair once: an isolated network against every network not already paired with it
      others: lab.networks.filter((o) => o !== network && !(o.isolated && isolated.indexOf(o) < i)),
    }) as const).filter((s) => s.others.length > 0),
    ...lab.containers.flatMap((container) => container.ports.map((port) => ({ kind: 'publish', container, port }) as const)),
    ...lab.services.map((service) => ({ kind: 'service', service, networks: lab.networks }) as const),
    ...lab.outside.serve.filter(() => ctx.outsideNs).map((server) => ({ kind: 'server', owner: 'outside', ns: ctx.outsideNs, server }) as const),
    ...lab.containers.flatMap((c) => c.serve.map((server) => ({ kind: 'server', owner: c.name, ns: ctx.ns(c.name), server }) as const)),
  ];

  const where = (from: string) => (from === 'host' ? ctx.hostNs : from === 'outside' ? ctx.outsideNs : ctx.ns(from));
  const checks: PlannedCheck[] = lab.checks.map((c) => ({ ...c, netns: where(c.from) }));
  const namespaces = [
    ...(ctx.hostNs ? [ctx.hostNs] : []),
    ...(ctx.outsideNs ? [ctx.outsideNs] : []),
    ...own.map((c) => ctx.ownNs(c.name)),
  ];
  const rootLinks = target.kind === 'host'
    ? [...(ctx.outsideNs ? [HOST_UPLINK_IFNAME] : []), ...lab.networks.map((n) => n.name), ...lab.containers.flatMap((c) => c.endpoints.map((e) => e.hostIfname))]
    : [];
  const containerNs = Object.fromEntries(lab.containers.map((c) => [c.name, ctx.ns(c.name)]));
  return {
    lab: lab.name, title: lab.title, place: ctx.place, mark: ctx.mark,
    namespaces, hostNs: ctx.hostNs, outsideNs: ctx.outsideNs, containerNs, rootLinks,
    steps: specs.map((s) => build(s, ctx)), checks,
  };
}

/** What `down` runs when it has the plan: every undo, newest first. */
export const teardownOf = (plan: Plan): string[][] =>
  plan.steps.flatMap((s) => s.commands).flatMap((c) => (c.undo ? [c.undo] : [])).reverse();
