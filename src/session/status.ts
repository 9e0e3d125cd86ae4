// What is up, read from the kernel's marks (state files only add whether `up` finished).
import { placeLabel, type Place } from '../lab/names.js';
import { listLinks, listMarkedRules, listNamespaces, listServers, type Owned } from '../run/inventory.js';
import { listStates, stateFileHealth } from '../run/state.js';

export interface LabStatus {
  lab: string;
  place: Place;
  target: string;
  namespaces: string[];
  links: string[];
  rules: number;
  servers: number;
  /** the state file: complete, incomplete (an up that never finished), missing, or unreadable */
  state: 'complete' | 'incomplete' | 'missing' | 'unreadable';
}

/** Every lab (or only `lab`) at every place it is up, with what carries its mark there. */
export async function labsUp(lab?: string): Promise<LabStatus[]> {
  const [namespaces, links, rules] = await Promise.all([listNamespaces(), listLinks(), listMarkedRules()]);
  const states = listStates();
  const byKey = new Map<string, LabStatus>();
  const entry = (o: Owned) => {
    const key = `${o.lab} ${placeLabel(o.place)}`;
    if (!byKey.has(key)) {
      const s = states.find((st) => st.lab === o.lab && placeLabel(st.place) === placeLabel(o.place));
      // A state file that is there but does not parse is unreadable (down still works: it reads the marks).
      const health = stateFileHealth(o.lab, o.place);
      const state = s ? (s.complete ? 'complete' : 'incomplete') : health === 'ok' ? 'missing' : health;
      // In this order: status --json prints the keys so.
      byKey.set(key, {
        lab: o.lab,
        place: o.place,
        target: placeLabel(o.place),
        namespaces: [],
        links: [],
        rules: 0,
        servers: 0,
        state,
      });
    }
    return byKey.get(key)!;
  };
  for (const n of namespaces) if (n.owner) entry(n.owner).namespaces.push(n.name);
  for (const l of links) if (l.owner) entry(l.owner).links.push(l.name);
  for (const r of rules) entry(r.owner).rules += 1;
  for (const s of listServers()) entry(s.owner).servers += 1;
  return [...byKey.values()]
    .filter((s) => lab === undefined || s.lab === lab)
    .sort((a, b) => `${a.lab} ${a.target}`.localeCompare(`${b.lab} ${b.target}`));
}
