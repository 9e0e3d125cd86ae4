// Many pings at once (a full mesh is N×(N-1) of them): one fping per source namespace instead of
// one ping process per pair, in waves that fit the kernel's neighbour table. That table
// (gc_thresh3, 1024 by default) is shared by every namespace of the machine: 50 containers
// pinging each other need 2,450 ARP entries and would get "No buffer space available", so
// between waves the lab's own namespaces forget their neighbours.
import { readFileSync } from 'node:fs';
import { parseMark } from '../lab/names.js';
import type { LanPort, PlannedCheck } from '../plan/types.js';
import { pool, runTiers } from '../run/batch.js';
import { runLean } from '../run/exec.js';
import { IpQueues } from '../run/schedule.js';
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

/** Ports by the namespace they are in ('' is the machine's own). */
function byHostOf(ports: LanPort[]): Map<string, LanPort[]> {
  const m = new Map<string, LanPort[]>();
  for (const p of ports) m.set(p.hostNs ?? '', [...(m.get(p.hostNs ?? '') ?? []), p]);
  return m;
}

interface IpLink { ifname: string; ifalias?: string; flags?: string[]; master?: string; linkinfo?: { info_kind?: string; info_data?: { stp_state?: number } } }

/**
 * The ports through which containers can be made to forget their neighbours from the bridge's
 * side: veth host ends that are up, on a bridge without STP (with STP a port that comes back
 * up listens and learns for 15 s). Read once, one process per Docker host.
 */
async function flushablePorts(ports: LanPort[]): Promise<LanPort[]> {
  const byHost = byHostOf(ports);
  const usable = new Set<LanPort>();
  for (const [hostNs, list] of byHost) {
    const r = await runLean(['ip', ...(hostNs ? ['-n', hostNs] : []), '-d', '-j', 'link', 'show']);
    if (r.exitCode !== 0) continue;
    const links = new Map((JSON.parse(r.stdout || '[]') as IpLink[]).map((l) => [l.ifname, l]));
    for (const p of list) {
      const l = links.get(p.name);
      const bridge = l?.master ? links.get(l.master) : undefined;
      // Only nslab's own ports (they carry its mark), and only those that are up.
      if (l?.linkinfo?.info_kind === 'veth' && parseMark(l.ifalias) !== null && l.flags?.includes('UP') && bridge?.linkinfo?.info_kind === 'bridge' && bridge.linkinfo.info_data?.stp_state === 0) usable.add(p);
    }
  }
  // A container forgets this way only when every one of its ports can do it.
  return ports.filter((p) => ports.every((q) => q.netns !== p.netns || usable.has(q)));
}

/**
 * Empties the neighbour tables of the lab's namespaces. Where a container hangs on bridges by
 * veths only, its host ends go down and up again, one batch per Docker host: losing carrier
 * flushes the container's neighbours (the kernel's neigh_carrier_down), and 100 ports take
 * one process and about 50 ms, where `ip neigh flush all` costs one process per namespace.
 * Each port is left up, as it was. The rest of the namespaces (all of them, with `everyOne`)
 * run `ip neigh flush all`.
 */
async function forgetNeighbours(namespaces: string[], ports: LanPort[], everyOne = false): Promise<void> {
  const byHost = byHostOf(everyOne ? [] : ports);
  const set = (state: 'down' | 'up') => Promise.all([...byHost].map(([hostNs, list]) =>
    runLean(['ip', '-force', ...(hostNs ? ['-n', hostNs] : []), '-batch', '-'], `${list.map((p) => `link set dev ${p.name} ${state}`).join('\n')}\n`)));
  if (byHost.size > 0) {
    const before = neighbourEntries();
    await set('down');
    await carrierLossSeen(before);
    await set('up');
  }
  const viaPorts = new Set(everyOne ? [] : ports.map((p) => p.netns));
  const queues = new IpQueues();
  namespaces.filter((ns) => !viaPorts.has(ns)).forEach((ns, i) => queues.add(ns, { index: i + 1, command: { argv: ['ip', '-n', ns, 'neigh', 'flush', 'all'] } }));
  for await (const _ of runTiers(queues, new Set(), true));
}

/**
 * The kernel flushes on carrier loss when its link watcher gets to the event, a moment later;
 * a port back up before that keeps its neighbours. So: wait until the count has dropped and
 * holds still (100 ms at most).
 */
async function carrierLossSeen(before: number): Promise<void> {
  let last = before;
  for (let waited = 0; waited < 100; waited += 2) {
    await new Promise((r) => setTimeout(r, 2));
    const now = neighbourEntries();
    if (now < before && now === last) return;
    last = now;
  }
}

/**
 * How many neighbour entries the kernel holds now, every namespace's together: the first
 * column of /proc/net/stat/arp_cache (hex). What other namespaces hold is room the mesh lacks.
 */
export function neighbourEntries(): number {
  try {
    return parseInt(readFileSync('/proc/net/stat/arp_cache', 'utf8').split('\n')[1]?.split(/\s+/)[0] ?? '0', 16) || 0;
  } catch {
    return 0;
  }
}

export async function pingMesh(checks: (PlannedCheck & { kind: 'ping' })[], namespaces: string[], ports: LanPort[] = []): Promise<Map<PlannedCheck, PingOutcome>> {
  const bySource = new Map<string, (PlannedCheck & { kind: 'ping' })[]>();
  for (const c of checks) bySource.set(c.netns!, [...(bySource.get(c.netns!) ?? []), c]);
  // Each source's pings need an entry per target in its own table and one in each target's.
  const cost = (source: string) => 2 * bySource.get(source)!.length;
  const budget = neighbourBudget();
  const pending = [...bySource.keys()];
  const all = pending.reduce((n, s) => n + cost(s), 0);
  let flushable: LanPort[] | undefined;
  const forget = async (everyOne = false) => forgetNeighbours(namespaces, (flushable ??= await flushablePorts(ports.filter((p) => namespaces.includes(p.netns)))), everyOne);

  const results = new Map<PlannedCheck, PingOutcome>();
  // A table already busy (an earlier mesh's entries live on for seconds) is emptied first.
  if (neighbourEntries() + all > budget) await forget();
  let waves = 0;
  while (pending.length > 0) {
    if (waves++ > 0) await forget();
    // Not even one source fits: the ports did not empty the tables, so every namespace flushes its own.
    if (budget - neighbourEntries() < cost(pending[0]!)) await forget(true);
    // Sources, in order, while their entries fit in what the table has left (one at least).
    let room = budget - neighbourEntries();
    const sources: string[] = [];
    while (pending.length > 0 && (sources.length === 0 || cost(pending[0]!) <= room)) {
      room -= cost(pending[0]!);
      sources.push(pending.shift()!);
    }
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
  }
  // Leave the table as roomy as it was found, for whatever pings next.
  if (waves > 1) await forget();
  return results;
}
