// `compare --inspect`: nslab's `inspect` of a network beside `docker network inspect` of Docker's
// copy, field by field. Ids and timestamps are left out (they are random on both sides);
// containers are keyed by their lab name, so c1 faces c1.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface InspectField {
  field: string;
  hand: string;
  docker: string;
}

const SKIPPED = new Set(['Id', 'Created', 'EndpointID', 'NetworkID']);

/** Leaf fields as `A.B[0].C` → value; a network's Containers keyed by name instead of id. */
function flatten(value: Json, path: string, out: Map<string, string>, name: (n: string) => string): void {
  if (value === null || typeof value !== 'object') {
    out.set(path, value === null ? 'null' : String(value));
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out, name));
    return;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) out.set(path, '{}');
  for (const [key, v] of entries) {
    if (SKIPPED.has(key)) continue;
    const inner = v as { Name?: unknown } | null;
    // Containers: { "<id>": { Name: … } } → Containers.NAME.…
    const keyed =
      path.endsWith('Containers') && inner && typeof inner === 'object' && typeof inner.Name === 'string'
        ? name(inner.Name)
        : key;
    flatten(v, path ? `${path}.${keyed}` : keyed, out, name);
  }
}

/** Both documents side by side, in the hand side's order then what only Docker has. */
export function pairInspect(hand: Json, docker: Json, dockerName: (name: string) => string): InspectField[] {
  const h = new Map<string, string>();
  const d = new Map<string, string>();
  flatten(hand, '', h, (n) => n);
  flatten(docker, '', d, dockerName);
  const fields = [...h.keys(), ...[...d.keys()].filter((k) => !h.has(k))];
  return fields
    .filter((f) => !/\.Name$/.test(f) || !f.includes('Containers.'))
    .map((field) => ({ field, hand: h.get(field) ?? '—', docker: d.get(field) ?? '—' }));
}
