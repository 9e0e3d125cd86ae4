// Types of dns-answers.js (plain JavaScript, run by node as it is), for the TypeScript that tests it.
import type { Packet } from 'dns-packet';

export interface Zone {
  network: string;
  names: Map<string, string[]>;
}
export function parseZones(words: string[]): Zone[];
export function lookup(zones: Zone[], qname: string): string[] | null;
export function answerer(zones: Zone[]): (query: Packet, overTcp?: boolean) => Packet | null;
