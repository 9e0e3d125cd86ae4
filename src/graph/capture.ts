// Where a capture can listen: every interface a lab makes, named as `graph` draws it, with the
// namespace it is in. The Docker host's links keep their names (eth0, br0, ve-c1), HOST:NAME
// when the lab has several hosts (h1:ov0); a container's end is CONTAINER:IFNAME (c1:eth0), the
// outside's outside:NAME. A container's name alone means its first interface.
import type { Lab } from '../lab/types.js';
import type { Plan, StepKind } from '../plan/types.js';
import { fromLab, type HostView, type Port } from './topology.js';

export interface CapturePoint {
  /** what the learner types */
  name: string;
  /** whose namespace it is, in the lab's words: a Docker host, a container, `outside` */
  in: string;
  /** the namespace (null: the machine's own) */
  ns: string | null;
  ifname: string;
  /** what it is and what passes there */
  what: string;
}

interface Made {
  ns: string | null;
  link: string;
  peer?: { link: string; ns: string };
  step: StepKind;
  tags: string[];
}

/** Every link the plan creates, with the step that makes it and that step's tags. */
const linksMade = (plan: Plan): Made[] =>
  plan.steps.flatMap((s) => {
    const tags = s.commands.flatMap((c) => c.tags ?? []);
    return s.commands.flatMap((c) =>
      c.tool === 'ip' && c.makes
        ? [
            {
              ns: c.ns,
              link: c.makes.link,
              step: s.kind,
              tags,
              ...(c.makes.peer ? { peer: c.makes.peer } : {}),
            },
          ]
        : [],
    );
  });

/** The network a step's tags name (`vxlan-plug:ov0@h1`, `shim:lan`). */
const taggedNetwork = (m: Made, prefix: string): string =>
  m.tags
    .find((t) => t.startsWith(prefix))
    ?.slice(prefix.length)
    .split('@')[0] ?? '?';

function hostLink(lab: Lab, h: HostView, m: Made): string {
  const segment = h.segments.find((s) => s.name === m.link);
  const port = h.segments
    .flatMap((s) => s.ports.map((p) => ({ p, on: s.name })))
    .find((x) => x.p.hostEnd === m.link);
  switch (m.step) {
    case 'uplink': {
      const address = lab.hosts.find((x) => x.name === h.name)?.address;
      const children = segment?.ports.map((p) => p.container) ?? [];
      return (
        `${h.name === 'host' ? 'the host' : h.name}’s uplink ${address}/24, cable to the outside’s LAN` +
        (children.length
          ? `; parent of the ${segment!.kind.split(' ')[0]} children of ${children.join(', ')}`
          : '')
      );
    }
    case 'bridge':
      return (
        `${segment?.kind ?? 'bridge'}${segment?.address ? `, gateway ${segment.address}` : ''}` +
        `${segment?.ports.length ? `; ports ${segment.ports.map((p) => p.hostEnd ?? p.container).join(', ')}` : ''}`
      );
    case 'vxlan': {
      const network = lab.networks.find((n) => n.name === taggedNetwork(m, 'vxlan-plug:'));
      return (
        `VXLAN ${network?.vni ?? ''} of ${network?.name ?? '?'}: the frames it carries to and from ` +
        'the other hosts, unwrapped (on the uplink they travel inside UDP/4789)'
      );
    }
    case 'endpoint':
      return port
        ? `${port.p.container}’s cable, host end, on ${port.on}; the other end is ${port.p.container}:${port.p.inside}`
        : `a veth of ${h.name}`;
    case 'shim':
      return `macvlan shim of ${taggedNetwork(m, 'shim:')}: the host’s own way to its macvlan containers`;
    default:
      return `a ${m.step} link of ${h.name}`;
  }
}

const containerEnd = (p: Port, on: string): string =>
  `${p.container}’s ${p.inside} ${p.address}, ` +
  (p.hostEnd ? `cable to ${p.hostEnd} on ${on}` : `${p.kind} child of ${on}`);

/** Every interface of the lab where tcpdump can listen, the Docker hosts first. */
export function capturePoints(lab: Lab, plan: Plan): CapturePoint[] {
  const made = linksMade(plan);
  const hosts = fromLab(lab, plan).hosts.filter((h) => h.name in plan.hosts);
  const several = hosts.length > 1;
  // A macvlan or ipvlan child is made in the host, then moved into its container and renamed.
  const moved = new Set(
    lab.containers.flatMap((c) => c.endpoints.filter((e) => e.kind !== 'veth').map((e) => e.hostIfname)),
  );
  const points: CapturePoint[] = [];
  for (const h of hosts) {
    const ns = plan.hosts[h.name] ?? null;
    for (const m of made.filter((x) => x.ns === ns && !moved.has(x.link) && x.step !== 'outside'))
      points.push({
        name: several ? `${h.name}:${m.link}` : m.link,
        in: h.name,
        ns,
        ifname: m.link,
        what: hostLink(lab, h, m),
      });
  }
  for (const h of hosts)
    for (const s of h.segments)
      for (const p of s.ports.filter((x) => x.container in plan.containerNs))
        points.push({
          name: `${p.container}:${p.inside}`,
          in: p.container,
          ns: plan.containerNs[p.container] ?? null,
          ifname: p.inside,
          what: containerEnd(p, s.name),
        });
  const o = plan.outsideNs;
  const uplinkOf = (m: Made) => {
    const host = hosts.find((h) => (plan.hosts[h.name] ?? null) === m.ns)?.name;
    return !host || host === 'host' ? 'the host’s' : `${host}’s`;
  };
  if (o) {
    for (const m of made.filter((x) => x.ns === o))
      points.push({
        name: `outside:${m.link}`,
        in: 'outside',
        ns: o,
        ifname: m.link,
        what: 'the outside’s LAN switch: every frame between the Docker hosts and the outside',
      });
    for (const m of made.filter((x) => x.peer?.ns === o))
      points.push({
        name: `outside:${m.peer!.link}`,
        in: 'outside',
        ns: o,
        ifname: m.peer!.link,
        what: `the outside’s end of ${uplinkOf(m)} uplink (${m.link}), on its LAN switch`,
      });
  }
  // On the host target every host is the machine itself: one entry per interface.
  return points.filter((p, i) => points.findIndex((q) => q.name === p.name) === i);
}

/**
 * The capture point a name means: a point's own name; a container's name (its first interface);
 * HOST:NAME for a link of the one Docker host. A container without an interface of its own, or
 * a name the lab does not have, comes back as the reason.
 */
export function findPoint(lab: Lab, points: CapturePoint[], name: string): CapturePoint | { why: string } {
  const exact = points.find((p) => p.name === name);
  if (exact) return exact;
  const c = lab.containers.find((x) => x.name === name);
  if (c) {
    const first = c.endpoints[0];
    if (first) {
      const p = points.find((x) => x.name === `${c.name}:${first.ifname}`);
      if (p) return p;
      return { why: `${c.name} runs on ${c.host}, which another machine builds: capture there` };
    }
    const mode = c.mode;
    return {
      why:
        mode.kind === 'container'
          ? `${c.name} has network container:${mode.of}: it shares ${mode.of}’s interfaces, capture ${mode.of}`
          : mode.kind === 'host'
            ? `${c.name} has network host: it uses the host’s own interfaces, capture on those`
            : `${c.name} has network none: only lo, no cable to capture on`,
    };
  }
  const hosts = new Set(points.filter((p) => !p.name.includes(':')).map((p) => p.in));
  const [host, link] = name.split(':');
  if (hosts.size === 1 && hosts.has(host!)) {
    const p = points.find((x) => x.name === link && x.in === host);
    if (p) return p;
  }
  return { why: `${lab.name} has no link "${name}"` };
}
