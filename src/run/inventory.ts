// What the kernel holds right now, and which of it carries an nslab mark.
import { readdirSync, readFileSync } from 'node:fs';
import { parseMark, type Place } from '../lab/names.js';
import { overlaps, parseCidr, type Subnet } from '../net/ipv4.js';
import { ipJson, runLean } from './exec.js';
import { hasTool } from './tools.js';

export interface Owned {
  lab: string;
  place: Place;
}
export interface LinkInfo {
  name: string;
  owner: Owned | null;
  kind: string;
}
export interface NamespaceInfo {
  name: string;
  owner: Owned | null;
}
export interface RuleInfo {
  table: string;
  rule: string;
  owner: Owned;
}
export interface RouteInfo {
  dst: string;
  dev: string;
}

interface IpLink {
  ifname: string;
  ifalias?: string;
  linkinfo?: { info_kind?: string };
}

/** The names `ip netns` knows: its bind mounts in /run/netns (what `ip netns list` reads). */
export function namespaceNames(): string[] {
  try {
    return readdirSync('/run/netns');
  } catch {
    return [];
  }
}

/** The namespaces named as a sandbox's are (SANDBOX-host, SANDBOX-c1, …): only they can be its. */
export const sandboxNamespaces = (sandbox: string): string[] =>
  namespaceNames().filter((n) => n.startsWith(`${sandbox}-`));

/** The mark of a namespace: the alias of its lo (null when it has none, or is gone meanwhile). */
export async function runMarkOf(name: string): Promise<Owned | null> {
  const r = await runLean(['ip', '-n', name, '-j', 'link', 'show', 'dev', 'lo']);
  const lo = r.exitCode === 0 && r.stdout ? (JSON.parse(r.stdout) as IpLink[])[0] : undefined;
  return parseMark(lo?.ifalias);
}

/** Named namespaces with their marks (only those in `only`, when given: a mark costs a process). */
export async function listNamespaces(only?: readonly string[]): Promise<NamespaceInfo[]> {
  const names = namespaceNames().filter((n) => only === undefined || only.includes(n));
  return Promise.all(names.map(async (name) => ({ name, owner: await runMarkOf(name) })));
}

/** Links of the machine's own namespace (or of `netns`). */
export async function listLinks(netns?: string): Promise<LinkInfo[]> {
  const links = await ipJson<IpLink>([...(netns ? ['ip', '-n', netns] : ['ip']), '-d', '-j', 'link', 'show']);
  return links.map((l) => ({
    name: l.ifname,
    owner: parseMark(l.ifalias),
    kind: l.linkinfo?.info_kind ?? '',
  }));
}

/** The routes (not the default one) whose destination overlaps a subnet. */
export const overlappingRoutes = (routes: RouteInfo[], subnet: Subnet): RouteInfo[] =>
  routes.filter((r) => {
    const dst = r.dst === 'default' ? null : parseCidr(r.dst.includes('/') ? r.dst : `${r.dst}/32`);
    return dst !== null && overlaps(dst, subnet);
  });

export async function listRoutes(): Promise<RouteInfo[]> {
  return (
    await ipJson<{ dst: string; dev: string }>(['ip', '-j', '-4', 'route', 'show', 'table', 'main'])
  ).map((r) => ({ dst: r.dst, dev: r.dev }));
}

/** iptables rules of the machine's own namespace whose comment is an nslab mark. */
export async function listMarkedRules(): Promise<RuleInfo[]> {
  if (!hasTool('iptables-save')) return [];
  const r = await runLean(['iptables-save']);
  if (r.exitCode !== 0) return [];
  const rules: RuleInfo[] = [];
  let table = '';
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    // The whole comment must be the mark: "nslab:lab.old" is not lab "lab"'s.
    const m = /--comment "?(nslab:[a-z0-9@-]+)(?="|\s|$)/.exec(line);
    const owner = m ? parseMark(m[1]) : null;
    if (line.startsWith('-A ') && owner) rules.push({ table, rule: line, owner });
  }
  return rules;
}

/**
 * nslab's own chains on the machine (NSLAB, NSLAB-USER, NSLAB-ISOLATION-STAGE-1/2: see
 * plan/docker-rules.ts) that no rule is in and no rule jumps to, in iptables-save's text: what
 * the last lab down leaves.
 */
export function emptyNslabChainsIn(saved: string): { table: string; chain: string }[] {
  const chains: { table: string; chain: string }[] = [];
  const used = new Set<string>();
  let table = '';
  for (const line of saved.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    const declared = /^:(NSLAB(?:-[A-Z0-9-]+)?) /.exec(line);
    if (declared) chains.push({ table, chain: declared[1]! });
    const rule = /^-A (\S+)/.exec(line);
    const jump = / -j (\S+)/.exec(line);
    if (rule) used.add(`${table} ${rule[1]}`);
    if (rule && jump) used.add(`${table} ${jump[1]}`);
  }
  return chains.filter((c) => !used.has(`${c.table} ${c.chain}`));
}

export async function emptyNslabChains(): Promise<{ table: string; chain: string }[]> {
  if (!hasTool('iptables-save')) return [];
  const r = await runLean(['iptables-save']);
  return r.exitCode === 0 ? emptyNslabChainsIn(r.stdout) : [];
}

export const sameOwner = (o: Owned | null, lab: string, place?: Place): boolean =>
  o !== null && o.lab === lab && (place === undefined || JSON.stringify(o.place) === JSON.stringify(place));

export interface ServerInfo {
  pid: number;
  owner: Owned;
  /** server, docker-proxy or resolver */
  program: string;
  /** its words between the script and the mark */
  args: string[];
  what: string;
}
export interface FilesInfo {
  dir: string;
  owner: Owned;
}

/**
 * Processes of the programs in serve/ (server.js, docker-proxy.js, resolver.js): their pid, the
 * program and the words after its script.
 */
export function serverProcesses(): { pid: number; program: string; args: string[] }[] {
  const found: { pid: number; program: string; args: string[] }[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // gone meanwhile
    }
    const script = argv.findIndex((a) => /\/serve\/(server|docker-proxy|resolver)\.js$/.test(a));
    if (script >= 0)
      found.push({
        pid: Number(pid),
        program: /([a-z-]+)\.js$/.exec(argv[script]!)![1]!,
        args: argv.slice(script + 1),
      });
  }
  return found;
}

/** Servers nslab started: their last argument is a mark. */
export function listServers(): ServerInfo[] {
  return serverProcesses().flatMap(({ pid, program, args }) => {
    const owner = parseMark(args.at(-1));
    const words = args.slice(0, -1);
    return owner
      ? [{ pid, owner, program, args: words, what: `${program} ${words.join(' ')} (pid ${pid})` }]
      : [];
  });
}

/** /etc/netns/NS directories whose hosts file carries a mark (see plan/files.ts). */
export function listNetnsFiles(): FilesInfo[] {
  let dirs: string[];
  try {
    dirs = readdirSync('/etc/netns');
  } catch {
    return [];
  }
  return dirs.flatMap((d) => {
    try {
      const first = readFileSync(`/etc/netns/${d}/hosts`, 'utf8').split('\n')[0] ?? '';
      const owner = parseMark(/^# (nslab:[a-z0-9@-]+):/.exec(first)?.[1]);
      return owner ? [{ dir: `/etc/netns/${d}`, owner }] : [];
    } catch {
      return [];
    }
  });
}
