// Lab × Target → Plan. Pure: no I/O, no clock, no randomness — `plan` prints exactly what `up` runs.
import { usesDns } from '../lab/dns.js';
import { HOST_UPLINK_IFNAME } from '../lab/names.js';
import type { Lab, Network } from '../lab/types.js';
import { contextFor } from './context.js';
import { dockerBridges } from './docker-rules.js';
import { build, type StepSpec } from './steps.js';
import type { Command, LanPort, Plan, PlannedCheck, Target } from './types.js';

/**
 * Does this Docker host route for its containers: NAT, published ports, services, isolated or
 * internal bridges (dockerd turns ip_forward on whatever the networks; there, the DROP rules are
 * what keep an internal network in).
 */
export const hostForwards = (lab: Lab, host: string): boolean =>
  lab.networks.some((n) => (n.nat || n.isolated || n.internal) && n.hosts.includes(host)) ||
  lab.containers.some((c) => c.host === host && c.ports.length > 0) ||
  (lab.services.length > 0 && host === lab.hosts[0]!.name);

export function compile(lab: Lab, target: Target): Plan {
  const ctx = contextFor(lab, target);
  const networkByName = new Map(lab.networks.map((n) => [n.name, n]));
  const own = lab.containers.filter((c) => c.mode.kind === 'bridge' || c.mode.kind === 'none');
  const forwardDrop = target.kind === 'host' && target.facts.forwardDrop;
  const alreadyForwarding = target.kind === 'host' && target.facts.ipForward === '1';
  const bridged = lab.networks.filter((n) => n.driver === 'bridge' || n.driver === 'overlay');
  // The hosts this plan builds (all of them, but for `up --as HOST`): other machines build the rest.
  const here = (n: Network) => n.hosts.filter((h) => lab.hosts.some((x) => x.name === h));
  const everyHost = [...lab.hosts, ...lab.remoteHosts];
  const forwards = (h: string) => hostForwards(lab, h);

  // The order of the workshop: hosts, namespaces, bridges, cables; then routing, NAT, ports; servers last.
  const specs: StepSpec[] = [
    ...(target.kind === 'sandbox' ? lab.hosts.map((host) => ({ kind: 'docker-host', host }) as const) : []),
    ...(ctx.outsideNs
      ? [{ kind: 'outside' } as const, ...lab.hosts.map((host) => ({ kind: 'uplink', host }) as const)]
      : []),
    ...own.flatMap((container) => [
      { kind: 'namespace', container } as const,
      { kind: 'files', container } as const,
    ]),
    ...bridged.flatMap((network) =>
      here(network).flatMap((host) => [
        { kind: 'bridge', network, host } as const,
        ...(network.driver === 'overlay'
          ? [
              {
                kind: 'vxlan',
                network,
                host: lab.hosts.find((h) => h.name === host)!,
                peers: everyHost.filter((h) => h.name !== host && network.hosts.includes(h.name)),
              } as const,
            ]
          : []),
        // A host playing dockerd accepts its bridges' traffic in its own rules, further down.
        ...(forwardDrop && !forwards(host)
          ? [{ kind: 'forward-accept', network, host, docker: false } as const]
          : []),
      ]),
    ),
    ...lab.containers.flatMap((c) =>
      c.endpoints.map(
        (endpoint) =>
          ({ kind: 'endpoint', endpoint, network: networkByName.get(endpoint.network)! }) as const,
      ),
    ),
    // Docker starts a container's DNS server once its endpoint on a user-defined network is up.
    ...own.filter((c) => usesDns(lab, c.name)).map((container) => ({ kind: 'dns', container }) as const),
    ...lab.networks
      .filter((n) => n.shim)
      .flatMap((network) => here(network).map((host) => ({ kind: 'shim', network, host }) as const)),
    ...(alreadyForwarding
      ? []
      : lab.hosts
          .filter((h) => forwards(h.name))
          .map((h) => ({ kind: 'ip-forward', host: h.name }) as const)),
    // A host that forwards plays dockerd with iptables: its chains, then each bridge network's
    // rules in the lab's order (Docker inserts them on top, so the newest comes first), then the
    // two jumps it keeps on top of FORWARD.
    ...lab.hosts
      .filter((h) => forwards(h.name))
      .flatMap((h) => {
        const host = h.name;
        const nets = dockerBridges(lab, host);
        return [
          { kind: 'chains', host } as const,
          ...nets
            .filter((network) => network.nat || !lab.daemon.userlandProxy)
            .map((network) => ({ kind: 'nat', network, host }) as const),
          ...nets.map((network) => ({ kind: 'forward-accept', network, host, docker: true }) as const),
          ...nets.map((network) =>
            network.internal
              ? ({ kind: 'internal', network, host } as const)
              : ({ kind: 'isolation', network, host } as const),
          ),
          { kind: 'forward-jumps', host } as const,
        ];
      }),
    ...lab.containers.flatMap((container) =>
      container.ports.flatMap((port) => [
        { kind: 'publish', container, port } as const,
        // dockerd starts the userland proxy right after the port's rules
        ...(lab.daemon.userlandProxy ? [{ kind: 'proxy', container, port } as const] : []),
      ]),
    ),
    ...lab.services.map((service) => ({ kind: 'service', service, host: lab.hosts[0]!.name }) as const),
    ...(ctx.outsideNs
      ? lab.outside.serve.map(
          (server) => ({ kind: 'server', owner: 'outside', ns: ctx.outsideNs, server }) as const,
        )
      : []),
    ...lab.containers.flatMap((c) =>
      c.serve.map((server) => ({ kind: 'server', owner: c.name, ns: ctx.ns(c.name), server }) as const),
    ),
  ];

  const hostNs = Object.fromEntries(lab.hosts.map((h) => [h.name, ctx.hostNs(h.name)]));
  const where = (from: string) =>
    from in hostNs ? hostNs[from]! : from === 'outside' ? ctx.outsideNs : ctx.ns(from);
  const checks: PlannedCheck[] = lab.checks.map((c) => ({ ...c, netns: where(c.from) }));
  const namespaces = [
    ...lab.hosts.flatMap((h) => (ctx.hostNs(h.name) ? [ctx.hostNs(h.name)!] : [])),
    ...(ctx.outsideNs ? [ctx.outsideNs] : []),
    ...own.map((c) => ctx.ownNs(c.name)),
  ];
  const onLanChildren = lab.containers.flatMap((c) =>
    c.endpoints.filter((e) => e.kind !== 'veth').map((e) => e.hostIfname),
  );
  const rootLinks =
    target.kind === 'host'
      ? [
          ...(ctx.outsideNs ? [HOST_UPLINK_IFNAME] : []),
          ...bridged.map((n) => n.name),
          ...lab.networks.filter((n) => n.shim).map((n) => `mvs-${n.name}`),
          ...lab.containers.flatMap((c) =>
            c.endpoints.filter((e) => e.kind === 'veth').map((e) => e.hostIfname),
          ),
          ...onLanChildren,
        ]
      : [];
  const containerNs = Object.fromEntries(lab.containers.map((c) => [c.name, ctx.ns(c.name)]));
  return {
    lab: lab.name,
    title: lab.title,
    place: ctx.place,
    mark: ctx.mark,
    namespaces,
    hosts: hostNs,
    outsideNs: ctx.outsideNs,
    containerNs,
    env: Object.fromEntries(lab.containers.map((c) => [c.name, { HOSTNAME: c.name, ...c.env }])),
    rootLinks,
    steps: specs.map((s) => build(s, ctx)),
    checks,
  };
}

/** The namespaces of a plan's containers (network_mode host/container:X shares another's). */
export const containerNamespaces = (plan: Plan): string[] => [
  ...new Set(Object.values(plan.containerNs).filter((n): n is string => n !== null)),
];

/** The host ends of containers plugged in by veths only (a macvlan child has no end on our side). */
export const lanPorts = (lab: Lab, plan: Plan): LanPort[] =>
  lab.containers
    .filter(
      (c) =>
        c.endpoints.length > 0 && c.endpoints.every((e) => e.kind === 'veth') && plan.containerNs[c.name],
    )
    .flatMap((c) =>
      c.endpoints.map((e) => ({
        netns: plan.containerNs[c.name]!,
        hostNs: plan.hosts[e.host] ?? null,
        name: e.hostIfname,
      })),
    );

/** What `down` runs when it has the plan: every undo, newest first. */
export const teardownOf = (plan: Plan): Command[] =>
  plan.steps
    .flatMap((s) => s.commands)
    .flatMap((c) => (c.undo ? [c.undo] : []))
    .reverse();
