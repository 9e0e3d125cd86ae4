// Many pings at once (a full mesh is N×(N-1) of them): one fping per source namespace instead of
// one ping process per pair, in waves that fit the kernel's neighbour table. That table
// (gc_thresh3, 1024 by default) is shared by every namespace of the machine: 50 containers
// pinging each other need 2,450 ARP entries and would get "No buffer space available", so
// between waves the lab's own namespaces forget their neighbours (`ip neigh flush all`).
import type { PlannedCheck } from '../plan/types.js';
import { pool } from '../run/batch.js';
import { runLean } from '../run/exec.js';
import { readSysctl } from '../run/preflight.js';
import { hasTool } from '../run/tools.js';

export interface PingOutcome { reached: boolean; rttMs: number | null; detail: string | null; argv: string[] }

/** fping's per-target summary lines: "ADDR : xmt/rcv/%loss = 1/1/0%, min/avg/max = a/b/c". */
export function parseFping(text: string): Map<string, { received: number; rttMs: number | null }> {
  const out = new Map<string, { received: number; rttMs: number | null }>();
  for (const m of text.matchAll(/^(\S+)\s*: xmt\/rcv\/%loss = \d+\/(\d+)\/\d+%(?:, min\/avg\/max = [\d.]+\/([\d.]+)\/[\d.]+)?/gm))
    out.set(m[1]!, { received: Number(m[2]), rttMs: m[3] ? Number(m[3]) : null });
  return out;
}

const neighbourBudget = (): number => Math.floor(Number(readSysctl('net/ipv4/neigh/default/gc_thresh3') ?? 750) * 0.8);

/** Worth it when several plain pings leave one namespace and fping is there. */
export const meshable = (checks: PlannedCheck[]): boolean =>
  hasTool('fping') && checks.filter((c) => c.kind === 'ping' && c.size === undefined && c.netns).length >= 20;

export async function pingMesh(checks: (PlannedCheck & { kind: 'ping' })[], namespaces: string[]): Promise<Map<PlannedCheck, PingOutcome>> {
  const bySource = new Map<string, (PlannedCheck & { kind: 'ping' })[]>();
  for (const c of checks) bySource.set(c.netns!, [...(bySource.get(c.netns!) ?? []), c]);
  // Each source's pings need an entry per target in its own table and one in each target's.
  const waves: string[][] = [[]];
  let used = 0;
  for (const [source, list] of bySource) {
    const cost = 2 * list.length;
    if (used + cost > neighbourBudget() && waves.at(-1)!.length > 0) {
      waves.push([]);
      used = 0;
    }
    waves.at(-1)!.push(source);
    used += cost;
  }
  const results = new Map<PlannedCheck, PingOutcome>();
  for (const [w, sources] of waves.entries()) {
    await pool(sources, 16, async (source) => {
      const list = bySource.get(source)!;
      const addresses = [...new Set(list.map((c) => c.address))];
      const argv = ['ip', 'netns', 'exec', source, 'fping', '-q', '-c', '1', '-t', '1000', '-i', '1', ...addresses];
      const r = await runLean(argv);
      const seen = parseFping(r.stderr);
      for (const c of list) {
        const s = seen.get(c.address);
        results.set(c, { reached: (s?.received ?? 0) > 0, rttMs: s?.rttMs ?? null, detail: s && s.received > 0 ? null : 'no answer within 1 s', argv });
      }
    });
    if (w < waves.length - 1) await pool(namespaces, 16, (ns) => runLean(['ip', '-n', ns, 'neigh', 'flush', 'all']));
  }
  return results;
}
