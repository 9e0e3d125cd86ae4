// Where each object of a lab lives on a given target, and how to address commands there.
import { fileURLToPath } from 'node:url';
import { markOf, type Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import type { Target } from './types.js';

/** The tiny server nslab starts inside namespaces (plain JavaScript: starts in ~40 ms). */
export const serverScript = fileURLToPath(new URL('../serve/server.js', import.meta.url));

export interface Context {
  lab: Lab;
  target: Target;
  place: Place;
  mark: string;
  /** the namespace playing the Docker host: null is the machine's own namespace */
  hostNs: string | null;
  /** the namespace of the world outside, when this plan builds it */
  outsideNs: string | null;
  /** the namespace a container's processes run in (network_mode host/container:X included) */
  ns(container: string): string | null;
  /** the namespace nslab creates for a container (bridge and none modes) */
  ownNs(container: string): string;
  /** `ip` run in a namespace (`ip -n …`), or in the Docker host's namespace when ns is null */
  ip(ns: string | null, ...args: string[]): string[];
  /** any other tool run in a namespace, or in the Docker host's when ns is null */
  inNs(ns: string | null, ...argv: string[]): string[];
}

export function contextFor(lab: Lab, target: Target): Context {
  const place: Place = target.kind === 'host' ? { kind: 'host' } : { kind: 'sandbox', name: target.name };
  const prefix = target.kind === 'sandbox' ? `${target.name}-` : '';
  const hostNs = target.kind === 'sandbox' ? `${prefix}host` : null;
  const outsideNs = target.kind === 'sandbox' || lab.outside.used ? `${prefix}outside` : null;
  const ownNs = (c: string) => `${prefix}${c}`;
  const ns = (c: string): string | null => {
    const mode = lab.containers.find((k) => k.name === c)?.mode;
    if (mode?.kind === 'host') return hostNs;
    if (mode?.kind === 'container') return ownNs(mode.of);
    return ownNs(c);
  };
  const ip = (where: string | null, ...args: string[]) => {
    const n = where ?? hostNs;
    return n ? ['ip', '-n', n, ...args] : ['ip', ...args];
  };
  const inNs = (where: string | null, ...argv: string[]) => {
    const n = where ?? hostNs;
    return n ? ['ip', 'netns', 'exec', n, ...argv] : argv;
  };
  return { lab, target, place, mark: markOf(lab.name, place), hostNs, outsideNs, ns, ownNs, ip, inNs };
}
