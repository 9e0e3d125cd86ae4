// Where each object of a lab lives on a given target, and how to address commands there.
import { markOf, type Place } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import type { Target } from './types.js';

export interface Context {
  lab: Lab;
  target: Target;
  place: Place;
  mark: string;
  /** the namespace playing the Docker host: null is the machine's own namespace */
  hostNs: string | null;
  /** the namespace of a container */
  ns(container: string): string;
  /** `ip` run in a namespace (`ip -n NS …`), or in the Docker host's namespace when ns is null */
  ip(ns: string | null, ...args: string[]): string[];
  /** any other tool run in the Docker host's namespace */
  onHost(...argv: string[]): string[];
}

export function contextFor(lab: Lab, target: Target): Context {
  const place: Place = target.kind === 'host' ? { kind: 'host' } : { kind: 'sandbox', name: target.name };
  const prefix = target.kind === 'sandbox' ? `${target.name}-` : '';
  const hostNs = target.kind === 'sandbox' ? `${prefix}host` : null;
  const ip = (ns: string | null, ...args: string[]) => {
    const where = ns ?? hostNs;
    return where ? ['ip', '-n', where, ...args] : ['ip', ...args];
  };
  const onHost = (...argv: string[]) => (hostNs ? ['ip', 'netns', 'exec', hostNs, ...argv] : argv);
  return { lab, target, place, mark: markOf(lab.name, place), hostNs, ns: (c) => `${prefix}${c}`, ip, onHost };
}
