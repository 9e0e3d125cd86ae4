// The kernel's neighbour (ARP) table, as a mesh of pings sees it: how full it is, and how the
// lab's containers are made to forget their neighbours between waves of pings.
import { readFileSync } from 'node:fs';
import { parseMark } from '../lab/names.js';
import type { LanPort } from '../plan/types.js';
import { runTiers } from '../run/batch.js';
import { runLean } from '../run/exec.js';
import { ip } from '../plan/command.js';
import { readSysctl } from '../run/sysctl.js';
import { IpQueues } from '../run/schedule.js';

/** What a mesh may fill: 80% of gc_thresh3, the hard limit for all namespaces together. */
export const neighbourBudget = (): number =>
  Math.floor(Number(readSysctl('net/ipv4/neigh/default/gc_thresh3') ?? 750) * 0.8);

/** Ports by the namespace they are in ('' is the machine's own). */
function byHostOf(ports: LanPort[]): Map<string, LanPort[]> {
  const m = new Map<string, LanPort[]>();
  for (const p of ports) m.set(p.hostNs ?? '', [...(m.get(p.hostNs ?? '') ?? []), p]);
  return m;
}

interface IpLink {
  ifname: string;
  ifalias?: string;
  flags?: string[];
  master?: string;
  linkinfo?: { info_kind?: string; info_data?: { stp_state?: number } };
}

/**
 * The ports through which containers can be made to forget their neighbours from the bridge's
 * side: veth host ends that are up, on a bridge without STP (with STP a port that comes back
 * up listens and learns for 15 s). Read once, one process per Docker host.
 */
export async function flushablePorts(ports: LanPort[]): Promise<LanPort[]> {
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
      if (
        l?.linkinfo?.info_kind === 'veth' &&
        parseMark(l.ifalias) !== null &&
        l.flags?.includes('UP') &&
        bridge?.linkinfo?.info_kind === 'bridge' &&
        bridge.linkinfo.info_data?.stp_state === 0
      )
        usable.add(p);
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
export async function forgetNeighbours(
  namespaces: string[],
  ports: LanPort[],
  everyOne = false,
): Promise<void> {
  const byHost = byHostOf(everyOne ? [] : ports);
  const set = (state: 'down' | 'up') =>
    Promise.all(
      [...byHost].map(([hostNs, list]) =>
        runLean(
          ['ip', '-force', ...(hostNs ? ['-n', hostNs] : []), '-batch', '-'],
          `${list.map((p) => `link set dev ${p.name} ${state}`).join('\n')}\n`,
        ),
      ),
    );
  if (byHost.size > 0) {
    const before = neighbourEntries();
    await set('down');
    await carrierLossSeen(before);
    await set('up');
  }
  const viaPorts = new Set(everyOne ? [] : ports.map((p) => p.netns));
  const queues = new IpQueues();
  namespaces
    .filter((ns) => !viaPorts.has(ns))
    .forEach((ns, i) => queues.add(ns, { index: i + 1, command: ip(ns, 'neigh', 'flush', 'all') }));
  for await (const _ of runTiers(queues, new Set(), true));
}

/**
 * The kernel flushes on carrier loss when its link watcher gets to the event, a moment later;
 * a port back up before that keeps its neighbours. So: wait until the count has dropped and
 * holds still (100 ms at most).
 */
async function carrierLossSeen(before: number): Promise<void> {
  if (before === 0) return; // nothing to forget, nothing to see
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
    return (
      parseInt(readFileSync('/proc/net/stat/arp_cache', 'utf8').split('\n')[1]?.split(/\s+/)[0] ?? '0', 16) ||
      0
    );
  } catch {
    return 0;
  }
}

/**
 * Before must-fail probes are held open: the neighbour entries a namespace is still resolving
 * (INCOMPLETE, say from the last run's probe of an address nobody had) are forgotten. A packet
 * to such an entry waits for its next ARP request, up to a second away, which a must-fail
 * window does not wait for; a fresh entry asks at once. The kernel keeps no answer there to lose.
 */
export async function forgetUnresolved(namespaces: string[]): Promise<void> {
  await Promise.all(namespaces.map((ns) => runLean(['ip', '-n', ns, 'neigh', 'flush', 'nud', 'incomplete'])));
}
