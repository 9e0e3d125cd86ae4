// What is up, read from the kernel's marks (state files only add whether `up` finished).
import { placeLabel, type Place } from '../lab/names.js';
import { listLinks, listMarkedRules, listNamespaces, listServers, runMarkOf, sandboxNamespaces, sameOwner, type Owned } from './inventory.js';
import { listStates } from './state.js';

export interface LabStatus {
  lab: string;
  place: Place;
  target: string;
  namespaces: string[];
  links: string[];
  rules: number;
  servers: number;
  /** the state file: complete, incomplete (an up that never finished), or missing */
  state: 'complete' | 'incomplete' | 'missing';
}

export async function labsUp(lab?: string): Promise<LabStatus[]> {
  const [namespaces, links, rules] = await Promise.all([listNamespaces(), listLinks(), listMarkedRules()]);
  const states = listStates();
  const byKey = new Map<string, LabStatus>();
  const entry = (o: Owned) => {
    const key = `${o.lab} ${placeLabel(o.place)}`;
    if (!byKey.has(key)) {
      const s = states.find((st) => st.lab === o.lab && placeLabel(st.place) === placeLabel(o.place));
      byKey.set(key, { lab: o.lab, place: o.place, target: placeLabel(o.place), namespaces: [], links: [], rules: 0, servers: 0, state: s ? (s.complete ? 'complete' : 'incomplete') : 'missing' });
    }
    return byKey.get(key)!;
  };
  for (const n of namespaces) if (n.owner) entry(n.owner).namespaces.push(n.name);
  for (const l of links) if (l.owner) entry(l.owner).links.push(l.name);
  for (const r of rules) entry(r.owner).rules += 1;
  for (const s of listServers()) entry(s.owner).servers += 1;
  return [...byKey.values()].filter((s) => lab === undefined || s.lab === lab).sort((a, b) => `${a.lab} ${a.target}`.localeCompare(`${b.lab} ${b.target}`));
}

/**
 * Whether the kernel holds something of `lab` at `place`. A sandbox is asked through its own
 * namespaces, one mark at a time until one is the lab's (the first, as a rule): a rack of 250
 * containers costs one process, not 250.
 */
export async function isUpAt(lab: string, place: Place): Promise<boolean> {
  if (place.kind === 'host') return (await labsUp(lab)).some((s) => s.place.kind === 'host');
  for (const name of sandboxNamespaces(place.name).sort()) {
    if (sameOwner(await runMarkOf(name), lab, place)) return true;
  }
  return false;
}

/**
 * Where `lab` is up. The state files say where to look; the marks decide. Without a state file
 * (or with several) every namespace's mark is read.
 */
export async function placesUp(lab: string): Promise<Place[]> {
  const hinted = listStates().filter((s) => s.lab === lab).map((s) => s.place);
  if (hinted.length === 1 && hinted[0]!.kind === 'sandbox' && (await isUpAt(lab, hinted[0]!))) return hinted;
  return (await labsUp(lab)).map((s) => s.place);
}
