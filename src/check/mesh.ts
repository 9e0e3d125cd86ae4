// Many pings at once (a full mesh is N×(N-1) of them): one fping per source namespace instead of
// one ping process per pair, in waves that fit the kernel's neighbour table. That table
// (gc_thresh3, 1024 by default) is shared by every namespace of the machine: 50 containers
// pinging each other need 2,450 ARP entries and would get "No buffer space available", so
// between waves the lab's own namespaces forget their neighbours (neighbours.ts).
import type { LanPort, PlannedCheck } from '../plan/types.js';
import { dealt, pool } from '../run/batch.js';
import { runLean } from '../run/exec.js';
import { hasTool } from '../run/tools.js';
import { flushablePorts, forgetNeighbours, neighbourBudget, neighbourEntries } from './neighbours.js';

export interface PingOutcome {
  reached: boolean;
  rttMs: number | null;
  detail: string | null;
  argv: string[];
  proof?: string;
}

/** fping's per-target summary lines: "ADDR : xmt/rcv/%loss = 1/1/0%, min/avg/max = a/b/c". */
export function parseFping(text: string): Map<string, { received: number; rttMs: number | null }> {
  const out = new Map<string, { received: number; rttMs: number | null }>();
  for (const m of text.matchAll(
    /^(\S+)\s*: xmt\/rcv\/%loss = \d+\/(\d+)\/\d+%(?:, min\/avg\/max = [\d.]+\/([\d.]+)\/[\d.]+)?/gm,
  ))
    out.set(m[1]!, { received: Number(m[2]), rttMs: m[3] ? Number(m[3]) : null });
  return out;
}

/** Worth it when several plain pings leave one namespace and fping is there. */
export const meshable = (checks: PlannedCheck[]): boolean =>
  hasTool('fping') && checks.filter((c) => c.kind === 'ping' && c.size === undefined && c.netns).length >= 20;

// -i 0: all requests at once (root may; 49 targets answer in ~27 ms instead of ~81 ms at -i 1).
const fpingArgv = (source: string, addresses: string[]) => [
  'ip',
  'netns',
  'exec',
  source,
  'fping',
  '-q',
  '-c',
  '1',
  '-t',
  '1000',
  '-i',
  '0',
  ...addresses,
];

/**
 * The fpings of a wave through at most 16 `ip -force -batch -` rather than one process each
 * from Node (see batch.ts, runFanOut); 16 at once, as before, because an fping mostly waits
 * for answers. Their reports share one stream, so each fping line is followed by a line that
 * fails on purpose, `link show dev nslabmarkK` (a read-only lookup of a name nobody has),
 * whose error marks where that report ends. What cannot be told apart that way (a marker
 * missing or seen twice) is null: run on its own.
 */
async function fpingThroughIp(argvs: string[][]): Promise<(string | null)[]> {
  const said: (string | null)[] = argvs.map(() => null);
  // Up to 16 there is nothing to save: each would be a process of its own anyway.
  if (argvs.length <= 16) return said;
  await Promise.all(
    dealt(argvs.length, 16).map(async (mine) => {
      // `ip netns exec SRC fping …` without its `ip` is a batch line.
      const lines = mine.flatMap((i) => [argvs[i]!.slice(1).join(' '), `link show dev nslabmark${i}`]);
      const r = await runLean(['ip', '-force', '-batch', '-'], `${lines.join('\n')}\n`);
      splitAtMarks(r.stderr, mine)?.forEach((report, k) => (said[mine[k]!] = report));
    }),
  );
  return said;
}

/**
 * One batch's stream cut at its markers: fping `mine[k]`'s report is what lies between marker
 * k-1 (or the start) and marker k. null unless the markers are exactly mine, in order.
 */
export function splitAtMarks(stderr: string, mine: number[]): string[] | null {
  const marks = [...stderr.matchAll(/Device "nslabmark(\d+)" does not exist\./g)];
  if (marks.length !== mine.length || marks.some((m, k) => Number(m[1]) !== mine[k])) return null;
  const endOf = (k: number) => (k < 0 ? 0 : marks[k]!.index! + marks[k]![0].length);
  return marks.map((m, k) => stderr.slice(endOf(k - 1), m.index));
}

export async function pingMesh(
  checks: (PlannedCheck & { kind: 'ping' })[],
  namespaces: string[],
  ports: LanPort[] = [],
): Promise<Map<PlannedCheck, PingOutcome>> {
  const bySource = new Map<string, (PlannedCheck & { kind: 'ping' })[]>();
  for (const c of checks) bySource.set(c.netns!, [...(bySource.get(c.netns!) ?? []), c]);
  // A ping needs an entry in the source's table and one in the target's, and a pair pinging
  // both ways needs the same two: a wave costs two entries per pair of containers it pings.
  const pairsOf = (source: string) => bySource.get(source)!.map((c) => [c.from, c.to].sort().join(' '));
  const costIn = (pairs: Set<string>, source: string) =>
    2 * new Set(pairsOf(source).filter((p) => !pairs.has(p))).size;
  const cost = (source: string) => costIn(new Set(), source);
  const budget = neighbourBudget();
  const pending = [...bySource.keys()];
  const all = 2 * new Set(pending.flatMap(pairsOf)).size;
  let flushable: LanPort[] | undefined;
  const forget = async (everyOne = false) =>
    forgetNeighbours(
      namespaces,
      (flushable ??= await flushablePorts(ports.filter((p) => namespaces.includes(p.netns)))),
      everyOne,
    );

  const results = new Map<PlannedCheck, PingOutcome>();
  // A table already busy (an earlier mesh's entries live on for seconds) is emptied first; the
  // machine's own few entries (its gateway's) are no reason to.
  if (neighbourEntries() > budget / 4 && neighbourEntries() + all > budget) await forget();
  let waves = 0;
  while (pending.length > 0) {
    if (waves++ > 0) await forget();
    // Not even one source fits: the ports did not empty the tables, so every namespace flushes its own.
    if (budget - neighbourEntries() < cost(pending[0]!)) await forget(true);
    // Sources, in order, while their entries fit in what the table has left (one at least).
    let room = budget - neighbourEntries();
    const sources: string[] = [];
    const pairs = new Set<string>();
    while (pending.length > 0 && (sources.length === 0 || costIn(pairs, pending[0]!) <= room)) {
      room -= costIn(pairs, pending[0]!);
      pairsOf(pending[0]!).forEach((p) => pairs.add(p));
      sources.push(pending.shift()!);
    }
    const argvOf = (source: string) =>
      fpingArgv(source, [...new Set(bySource.get(source)!.map((c) => c.address))]);
    const said = await fpingThroughIp(sources.map(argvOf));
    await pool(sources, 16, async (source, i) => {
      const list = bySource.get(source)!;
      const argv = argvOf(source);
      const seen = parseFping(said[i] ?? (await runLean(argv)).stderr);
      for (const c of list) {
        const s = seen.get(c.address);
        results.set(c, {
          reached: (s?.received ?? 0) > 0,
          rttMs: s?.rttMs ?? null,
          detail: s && s.received > 0 ? null : 'no answer within 1 s',
          argv,
          ...(s && s.received > 0 ? {} : { proof: 'no answer within 1 s (fping -t 1000)' }),
        });
      }
    });
  }
  // Leave the table as roomy as it was found, for whatever pings next.
  if (waves > 1) await forget();
  return results;
}
