// Where a capture can listen: every interface a lab makes, named as `graph` draws it, with the
// namespace it is in. The Docker host's links keep their names (eth0, br0, ve-c1), HOST:NAME
// when the lab has several hosts (h1:ov0); a container's end is CONTAINER:IFNAME (c1:eth0), the
// outside's outside:NAME. A container's name alone means its first interface.
import type { Lab } from '../lab/types.js';
import type { Plan, StepKind } from '../plan/types.js';
import { fromLab, type HostView, type Port } from './topology.js';
import { t } from '../i18n/index.js';

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
    .find((tag) => tag.startsWith(prefix))
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
      const v = {
        host: h.name === 'host' ? t('the host') : h.name,
        address: `${address}/24`,
        kind: segment?.kind.split(' ')[0] ?? '',
        children: children.join(', '),
      };
      return children.length
        ? t(
            '{host}’s uplink {address}, cable to the outside’s LAN; parent of the {kind} children of {children}',
            v,
          )
        : t('{host}’s uplink {address}, cable to the outside’s LAN', v);
    }
    case 'bridge':
      return (
        `${segment?.kind ?? 'bridge'}${segment?.address ? t(', gateway {address}', { address: segment.address }) : ''}` +
        `${segment?.ports.length ? t('; ports {ports}', { ports: segment.ports.map((p) => p.hostEnd ?? p.container).join(', ') }) : ''}`
      );
    case 'vxlan': {
      const network = lab.networks.find((n) => n.name === taggedNetwork(m, 'vxlan-plug:'));
      return t(
        'VXLAN {vni} of {network}: the frames it carries to and from the other hosts, unwrapped (on the uplink they travel inside UDP/4789)',
        { vni: network?.vni ?? '', network: network?.name ?? '?' },
      );
    }
    case 'endpoint':
      return port
        ? t('{container}’s cable, host end, on {bridge}; the other end is {container}:{inside}', {
            container: port.p.container,
            bridge: port.on,
            inside: port.p.inside,
          })
        : t('a veth of {host}', { host: h.name });
    case 'shim':
      return t('macvlan shim of {network}: the host’s own way to its macvlan containers', {
        network: taggedNetwork(m, 'shim:') ?? '',
      });
    default:
      return t('a {kind} link of {host}', { kind: m.step, host: h.name });
  }
}

const containerEnd = (p: Port, on: string): string => {
  const v = {
    container: p.container,
    inside: p.inside,
    address: p.address ?? '',
    end: p.hostEnd ?? '',
    on,
    kind: p.kind,
  };
  return p.hostEnd
    ? t('{container}’s {inside} {address}, cable to {end} on {on}', v)
    : t('{container}’s {inside} {address}, {kind} child of {on}', v);
};

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
    return !host || host === 'host' ? t('the host') : host;
  };
  if (o) {
    for (const m of made.filter((x) => x.ns === o))
      points.push({
        name: `outside:${m.link}`,
        in: 'outside',
        ns: o,
        ifname: m.link,
        what: t('the outside’s LAN switch: every frame between the Docker hosts and the outside'),
      });
    for (const m of made.filter((x) => x.peer?.ns === o))
      points.push({
        name: `outside:${m.peer!.link}`,
        in: 'outside',
        ns: o,
        ifname: m.peer!.link,
        what: t('the outside’s end of {host}’s uplink ({link}), on its LAN switch', {
          host: uplinkOf(m),
          link: m.link,
        }),
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
      return {
        why: t('{container} runs on {host}, which another machine builds: capture there', {
          container: c.name,
          host: c.host,
        }),
      };
    }
    const mode = c.mode;
    return {
      why:
        mode.kind === 'container'
          ? t('{container} has network container:{of}: it shares {of}’s interfaces, capture {of}', {
              container: c.name,
              of: mode.of,
            })
          : mode.kind === 'host'
            ? t('{container} has network host: it uses the host’s own interfaces, capture on those', {
                container: c.name,
              })
            : t('{container} has network none: only lo, no cable to capture on', { container: c.name }),
    };
  }
  const hosts = new Set(points.filter((p) => !p.name.includes(':')).map((p) => p.in));
  const [host, link] = name.split(':');
  if (hosts.size === 1 && hosts.has(host!)) {
    const p = points.find((x) => x.name === link && x.in === host);
    if (p) return p;
  }
  return { why: t('{lab} has no link "{name}"', { lab: lab.name, name }) };
}
