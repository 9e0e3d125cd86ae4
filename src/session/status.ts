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
  /** the containers' servers (and Docker's embedded DNS server) */
  servers: number;
  /** Docker's userland proxies: `tcp 0.0.0.0:8080 → 172.28.0.2:80` */
  proxies: string[];
  /** the state file: complete, incomplete (an up that never finished), missing, or unreadable */
  state: 'complete' | 'incomplete' | 'missing' | 'unreadable';
}

/** A docker-proxy's flags as what it forwards: `tcp 0.0.0.0:8080 → 172.28.0.2:80`. */
function proxyLabel(args: string[]): string {
  const flag = (name: string) => {
    const i = args.indexOf(`-${name}`);
    return (i >= 0 ? args[i + 1] : undefined) ?? '?';
  };
  return (
    `${flag('proto')} ${flag('host-ip')}:${flag('host-port')} → ` +
    `${flag('container-ip')}:${flag('container-port')}`
  );
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
        proxies: [],
        state,
      });
    }
    return byKey.get(key)!;
  };
  for (const n of namespaces) if (n.owner) entry(n.owner).namespaces.push(n.name);
  for (const l of links) if (l.owner) entry(l.owner).links.push(l.name);
  for (const r of rules) entry(r.owner).rules += 1;
  for (const s of listServers())
    if (s.program === 'docker-proxy') entry(s.owner).proxies.push(proxyLabel(s.args));
    else entry(s.owner).servers += 1;
  return [...byKey.values()]
    .filter((s) => lab === undefined || s.lab === lab)
    .sort((a, b) => `${a.lab} ${a.target}`.localeCompare(`${b.lab} ${b.target}`));
}
