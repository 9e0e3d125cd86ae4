// The state a repair may change, read from the kernel: taken when an exercise is built, read
// again by check, compared by inspect/judge.ts. Read-only everywhere, the machine's own
// namespace included (of which only chain policies and sysctls are kept: the rest of it belongs
// to Docker and to whatever else runs there).
import { readFileSync } from 'node:fs';
import type { Place } from '../lab/names.js';
import { inNs, ipIn } from '../plan/command.js';
import { ipJson, run } from '../run/exec.js';
import { readSysctl } from '../run/sysctl.js';
import { snapshotFile, writeFileAtomic } from '../run/state.js';

export interface NsState {
  /** link name → `up|down, master, hairpin` as one comparable line */
  links: Record<string, string>;
  /** `dev address/prefix` */
  addresses: string[];
  /** `ip route` lines of the main table */
  routes: string[];
  /** table → its rules as iptables-save prints them (`-A CHAIN …`) */
  rules: Record<string, string[]>;
  /** `table CHAIN` → the built-in chain's policy */
  policies: Record<string, string>;
  /** sysctl name → value; a setting the namespace does not have is left out */
  sysctls: Record<string, string>;
  /** /etc/netns/NS/hosts and resolv.conf (what `ip netns exec` shows as /etc/…) → their lines */
  files?: Record<string, string[]>;
}

export interface Snapshot {
  /** lab namespace → its state */
  namespaces: Record<string, NsState>;
  /** the machine's own namespace: policies and sysctls only */
  machine: Pick<NsState, 'policies' | 'sysctls'>;
  /** the checks that came out as expected right after the exercise was built */
  passing: string[];
}

const SYSCTLS = [
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.route_localnet',
  'net.bridge.bridge-nf-call-iptables',
] as const;
const TABLES = ['filter', 'nat'] as const;

interface IpLink {
  ifname: string;
  flags: string[];
  master?: string;
  linkinfo?: { info_slave_kind?: string; info_slave_data?: { hairpin?: boolean } };
}
interface IpAddr {
  ifname: string;
  addr_info: { family: string; local: string; prefixlen: number }[];
}

/** iptables-save of one table: its rules, and the policies of its built-in chains. */
export function parseSave(table: string, text: string): Pick<NsState, 'rules' | 'policies'> {
  const rules: string[] = [];
  const policies: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('-A ')) rules.push(line);
    const p = /^:(\S+) (ACCEPT|DROP)\b/.exec(line);
    if (p) policies[`${table} ${p[1]}`] = p[2]!;
  }
  return { rules: { [table]: rules }, policies };
}

async function tables(ns: string | null): Promise<Pick<NsState, 'rules' | 'policies'>> {
  const out: Pick<NsState, 'rules' | 'policies'> = { rules: {}, policies: {} };
  for (const t of TABLES) {
    const r = await run(inNs(ns, 'iptables-save', '-t', t));
    const one = parseSave(t, r.exitCode === 0 ? r.stdout : '');
    Object.assign(out.rules, one.rules);
    Object.assign(out.policies, one.policies);
  }
  return out;
}

async function sysctlsIn(ns: string): Promise<Record<string, string>> {
  // One process for all: grep -H prints FILE:VALUE for each setting the namespace has.
  const files = SYSCTLS.map((k) => `/proc/sys/${k.replaceAll('.', '/')}`);
  const r = await run(inNs(ns, 'grep', '-H', '.', ...files));
  const out: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const at = files.findIndex((f) => line.startsWith(`${f}:`));
    if (at >= 0) out[SYSCTLS[at]!] = line.slice(files[at]!.length + 1).trim();
  }
  return out;
}

async function readNs(ns: string): Promise<NsState> {
  const [links, addrs, routes, t, sysctls] = await Promise.all([
    ipJson<IpLink>(ipIn(ns, '-d', '-j', 'link', 'show')),
    ipJson<IpAddr>(ipIn(ns, '-j', '-4', 'addr', 'show')),
    run(ipIn(ns, 'route', 'show')),
    tables(ns),
    sysctlsIn(ns),
  ]);
  return {
    links: Object.fromEntries(
      links.map((l) => {
        const hairpin = l.linkinfo?.info_slave_data?.hairpin;
        // The administrative state (`ip link set … up`), not the carrier's: that settles on its own.
        const line = [l.flags.includes('UP') ? 'up' : 'down', l.master ? `master ${l.master}` : 'no master'];
        if (hairpin !== undefined) line.push(`hairpin ${hairpin ? 'on' : 'off'}`);
        return [l.ifname, line.join(', ')];
      }),
    ),
    addresses: addrs.flatMap((a) => a.addr_info.map((x) => `${a.ifname} ${x.local}/${x.prefixlen}`)).sort(),
    // Without the carrier's `linkdown` (it settles on its own, as for links above): with the
    // checks over in a few hundred ms, the first snapshot can come before a bridge's carrier.
    routes: routes.stdout
      .split('\n')
      .filter(Boolean)
      .map((r) => r.replace(/ linkdown\b/, '').trimEnd())
      .sort(),
    ...t,
    sysctls,
    files: Object.fromEntries(
      ['hosts', 'resolv.conf'].flatMap((f) => {
        try {
          return [[`/etc/${f}`, readFileSync(`/etc/netns/${ns}/${f}`, 'utf8').split('\n').filter(Boolean)]];
        } catch {
          return [];
        }
      }),
    ),
  };
}

/** Every namespace of the lab, and the machine's own policies and sysctls. */
export async function takeSnapshot(namespaces: string[], passing: string[]): Promise<Snapshot> {
  const states = await Promise.all(namespaces.map(readNs));
  const { policies } = await tables(null);
  const sysctls: Record<string, string> = {};
  for (const k of SYSCTLS) {
    const v = readSysctl(k.replaceAll('.', '/'));
    if (v !== null) sysctls[k] = v;
  }
  return {
    namespaces: Object.fromEntries(namespaces.map((n, i) => [n, states[i]!])),
    machine: { policies, sysctls },
    passing,
  };
}

// Next to the lab's state file; `down` removes both (run/state.ts removeState).
export const saveSnapshot = (lab: string, place: Place, s: Snapshot): void =>
  writeFileAtomic(snapshotFile(lab, place), JSON.stringify(s));

export function readSnapshot(lab: string, place: Place): Snapshot | null {
  try {
    return JSON.parse(readFileSync(snapshotFile(lab, place), 'utf8')) as Snapshot;
  } catch {
    return null;
  }
}
