// Where each object of a lab lives on a given target, and how to address commands there.
import { HOST_UPLINK_IFNAME, markOf, type Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import type { Target } from './types.js';

export interface Context {
  lab: Lab;
  target: Target;
  place: Place;
  mark: string;
  /** the namespace playing a Docker host: null is the machine's own namespace (host target) */
  hostNs(host: string): string | null;
  /** the Docker host's uplink to the LAN: eth0 in a sandbox, nsl-uplink on the real machine */
  uplink: string;
  /** the namespace of the world outside, when this plan builds it */
  outsideNs: string | null;
  /** the namespace a container's processes run in (network_mode host/container:X included) */
  ns(container: string): string | null;
  /** the namespace nslab creates for a container (bridge and none modes) */
  ownNs(container: string): string;
}

export function contextFor(lab: Lab, target: Target): Context {
  const place: Place = target.kind === 'host' ? { kind: 'host' } : { kind: 'sandbox', name: target.name };
  const prefix = target.kind === 'sandbox' ? `${target.name}-` : '';
  const hostNs = (h: string) => (target.kind === 'sandbox' ? `${prefix}${h}` : null);
  const outsideNs = target.kind === 'sandbox' || lab.outside.used ? `${prefix}outside` : null;
  const ownNs = (c: string) => `${prefix}${c}`;
  const ns = (c: string): string | null => {
    const container = lab.containers.find((k) => k.name === c);
    if (container?.mode.kind === 'host') return hostNs(container.host);
    if (container?.mode.kind === 'container') return ownNs(container.mode.of);
    return ownNs(c);
  };
  return {
    lab,
    target,
    place,
    mark: markOf(lab.name, place),
    hostNs,
    outsideNs,
    ns,
    ownNs,
    uplink: target.kind === 'sandbox' ? 'eth0' : (target.facts.underlay ?? HOST_UPLINK_IFNAME),
  };
}
