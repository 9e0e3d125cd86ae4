// Runs one probe with the tracer on: loads the tracer's tables into every namespace of the lab,
// listens to each namespace's trace monitor, sends the probe, then reads what the kernel kept
// (conntrack's NAT, the rules as iptables prints them, routes, the bridges' fdb) and removes
// every trace of the tracer, also when the probe fails or a signal comes.
import { readFileSync } from 'node:fs';
import { parsePing } from '../check/ping.js';
import { probe, type Probe } from '../check/run.js';
import { formatSubnet, parseCidr } from '../net/ipv4.js';
import { inNs, ipIn } from '../plan/command.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import { EnvError } from '../run/errors.js';
import { run, watchLines, type Watcher } from '../run/exec.js';
import { lockTracer } from '../run/lock.js';
import { hasTool } from '../run/tools.js';
import { parseConntrack, type Connection } from './conntrack.js';
import { parseTraceLine } from './events.js';
import {
  legOf,
  listingKey,
  natsOf,
  nsName,
  visitsOf,
  withoutCounters,
  type Hop,
  type Leg,
  type Listings,
  type Visit,
} from './journey.js';
import { linkPeers, type NamespaceLinks, type Peers } from './links.js';
import { judgeJourney, type Verdict } from './verdict.js';
import { TRACE_TABLE, tracerScript, untracerScript, type TraceProto } from './tracer.js';
import { t } from '../i18n/index.js';

export interface Trace {
  verdict: Verdict;
  /** one sentence: where it was delivered, dropped or lost, and why */
  reason: string;
  /** the probe got its answer */
  answered: boolean;
  probe: { argv: string[]; reached: boolean; detail: string | null };
  /** how the hops were found: the kernel's nftables trace, or rule counters around the probe */
  method: 'nft trace' | 'counters';
  /** how many times the probe was sent: a check that must work gets up to three tries, the journey is the last */
  tries?: number;
  legs: Leg[];
  hops: Hop[];
  nat: ReturnType<typeof natsOf>;
  /** the exercise's faults, when an exercise is up */
  faults?: string[];
}

const protoOf = (c: PlannedCheck): TraceProto =>
  c.kind === 'ping' ? 'icmp' : c.kind === 'tcp' || c.kind === 'http' ? 'tcp' : 'udp';

/** Where the tracer listens: every namespace of the plan, and the machine's own when a Docker host is there. */
function tracedNamespaces(plan: Plan): (string | null)[] {
  const own = Object.values(plan.hosts).includes(null) || Object.values(plan.containerNs).includes(null);
  return [...(own ? [null] : []), ...plan.namespaces];
}

/** The exercise's faults that are up, by kind: plant() tags what each adds or changes. */
const faultsOf = (plan: Plan): string[] => [
  ...new Set(
    plan.steps.flatMap((s) =>
      s.commands.flatMap((c) => (c.tags ?? []).filter((t) => t.startsWith('fault:')).map((t) => t.slice(6))),
    ),
  ),
];

/** The lab's subnets: in the machine's own namespace only their packets are traced. */
function labSubnets(plan: Plan): string[] {
  const found = new Set<string>();
  for (const c of plan.steps.flatMap((s) => s.commands))
    if (c.tool === 'ip' && c.args[0] === 'addr' && c.args[1] === 'add') {
      const s = parseCidr(c.args[2] ?? '');
      if (s && !s.network.startsWith('127.')) found.add(formatSubnet(s));
    }
  return [...found];
}

/** The kernel's NFNLGRP_NFTRACE (group 9): a monitor that has joined it sees every event from then on. */
function listening(pid: number): boolean {
  try {
    // the monitor runs under `timeout`: nft is its child
    const nft = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    if (!nft) return false;
    return readFileSync(`/proc/${nft}/net/netlink`, 'utf8')
      .split('\n')
      .some((l) => {
        const w = l.trim().split(/\s+/);
        return w[1] === '12' && w[2] === nft && (parseInt(w[3] ?? '0', 16) & 0x100) !== 0;
      });
  } catch {
    return false;
  }
}

/**
 * A monitor lives 5 minutes at most: were nslab killed (kill -9) before it stops them, an
 * orphaned monitor would keep its namespace alive after `down`.
 */
const MONITOR_LIFE_S = '300';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untrace(namespaces: (string | null)[]): Promise<void> {
  await Promise.all(
    namespaces.map((ns) => run(inNs(ns, 'nft', '-f', '-'), { input: untracerScript(), detached: true })),
  );
}

/** nft and iptables-save of each namespace's ip tables, rule by rule in the same order. */
async function listingsOf(namespaces: (string | null)[]): Promise<Listings> {
  const listings: Listings = new Map();
  await Promise.all(
    namespaces.map(async (ns) => {
      const [nft, save] = await Promise.all([
        run(inNs(ns, 'nft', 'list', 'ruleset', 'ip')),
        run(inNs(ns, 'iptables-save')),
      ]);
      if (nft.exitCode !== 0 || save.exitCode !== 0) return;
      let table = '';
      let chain = '';
      for (const line of nft.stdout.split('\n')) {
        const t = /^table ip (\S+) \{/.exec(line);
        const c = /^\s+chain (\S+) \{/.exec(line);
        if (t) table = t[1]!;
        else if (c) chain = c[1]!;
        else if (/^\s+(type |policy |\}|$)/.test(line) || !line.trim()) continue;
        else {
          const k = listingKey(ns, table, chain);
          const l = listings.get(k) ?? { nft: [], save: [] };
          l.nft.push(withoutCounters(line));
          listings.set(k, l);
        }
      }
      for (const line of save.stdout.split('\n')) {
        const t = /^\*(\S+)/.exec(line);
        if (t) table = t[1]!;
        const a = /^-A (\S+) (.*)$/.exec(line);
        if (!a) continue;
        const k = listingKey(ns, table, a[1]!);
        const l = listings.get(k) ?? { nft: [], save: [] };
        l.save.push(a[2]!.split(' '));
        listings.set(k, l);
      }
    }),
  );
  return listings;
}

/** Where each interface of the lab leads (see links.ts); a namespace that cannot be read adds nothing. */
async function peersOf(namespaces: (string | null)[]): Promise<Peers> {
  const read = await Promise.all(
    namespaces.map(async (ns): Promise<NamespaceLinks> => {
      const [links, ids] = await Promise.all([
        run(ipIn(ns, '-j', '-d', 'link', 'show')),
        run(ipIn(ns, '-j', 'netns', 'list-id')),
      ]);
      const json = <T>(r: { exitCode: number; stdout: string }): T[] =>
        r.exitCode === 0 && r.stdout.trim() ? (JSON.parse(r.stdout) as T[]) : [];
      return { ns, links: json(links), ids: json(ids) };
    }),
  );
  return linkPeers(read);
}

async function conntrackOf(namespaces: (string | null)[]): Promise<Connection[]> {
  if (!hasTool('conntrack')) return [];
  const lists = await Promise.all(
    namespaces.map(async (ns) => {
      const r = await run(inNs(ns, 'conntrack', '-L'));
      return r.exitCode === 0 ? parseConntrack(r.stdout, ns) : [];
    }),
  );
  return lists.flat();
}

/** `ip route get` as this namespace decides for the packet of a leg, from the interface it came in by. */
async function routeOf(v: Visit): Promise<string | undefined> {
  const packets = v.events.filter((e) => e.type === 'packet' && e.family !== 'bridge').map((e) => e.packet!);
  const first = packets[0];
  // the destination after DNAT (nat PREROUTING and OUTPUT come before the routing decision)
  const routed = packets.find((p) => p.oif) ?? packets[packets.length - 1];
  // what came in by lo was sent here, to here: `ip route get … iif lo` only says Invalid argument
  if (!first?.daddr || !routed?.daddr || !first.saddr || first.iif === 'lo') return undefined;
  const sent = v.events[0]!.chain === 'output';
  const args = sent
    ? ['route', 'get', routed.daddr]
    : ['route', 'get', routed.daddr, 'from', first.saddr, 'iif', first.iif ?? 'lo'];
  const r = await run(ipIn(v.ns, ...args));
  const text = (
    r.exitCode === 0 ? r.stdout.split('\n')[0]! : r.stderr.trim().replace(/^RTNETLINK answers: /, '')
  )
    .replace(/\s+uid \d+/, '')
    .trim();
  return `ip route get ${args.slice(2).join(' ')}: ${text}`;
}

async function fdbOf(v: Visit, bridgeOut: string): Promise<string | undefined> {
  const mac = v.events.find((e) => e.family === 'bridge' && e.type === 'packet')?.packet?.etherDaddr;
  if (!mac) return undefined;
  const r = await run(v.ns ? ['bridge', '-n', v.ns, 'fdb', 'show'] : ['bridge', 'fdb', 'show']);
  const line = r.stdout.split('\n').find((l) => l.startsWith(`${mac} dev ${bridgeOut}`));
  return line?.trim();
}

/** Whether nft can trace here: iptables-nft, and nft itself. iptables-legacy rules never show in a trace. */
async function nftTraceWorks(): Promise<boolean> {
  // NSLAB_TRACE_METHOD=counters: the fallback on a machine that could trace, so tests reach it
  if (process.env.NSLAB_TRACE_METHOD === 'counters' || !hasTool('nft')) return false;
  const r = await run(['iptables', '--version']);
  return !/legacy/.test(r.stdout);
}

/**
 * Traces `check`'s probe (sent once) through the lab `plan` describes. Holds the tracer's lock
 * for its whole run; the caller holds the lab's.
 */
export async function traceProbe(
  plan: Plan,
  check: PlannedCheck,
  interrupt: { signal: NodeJS.Signals | null } = { signal: null },
): Promise<Trace> {
  if (check.kind === 'listen')
    throw new EnvError(
      t('"{check}" binds a port and sends no packet: there is nothing to trace', { check: check.name }),
      t('trace a check that sends something (ping, tcp, udp, http, resolve), or --from/--to'),
    );
  const namespaces = tracedNamespaces(plan);
  const faults = faultsOf(plan);
  const lock = await lockTracer('trace');
  try {
    if (!(await nftTraceWorks())) return await byCounters(plan, check, namespaces, faults);
    const own = { proto: protoOf(check), addresses: labSubnets(plan) };
    const loaded: (string | null)[] = [];
    const watchers: Watcher[] = [];
    const lines: { ns: string | null; line: string }[] = [];
    try {
      for (const ns of namespaces) {
        if (interrupt.signal) break;
        loaded.push(ns);
        const script = tracerScript(ns === null ? own : { proto: own.proto });
        const r = await run(inNs(ns, 'nft', '-f', '-'), { input: script, detached: true });
        // Ctrl-C while the tables go in is an interruption, not a broken nft
        if (r.exitCode !== 0 && (interrupt.signal || r.interruptedBy)) {
          interrupt.signal ??= /^SIG/.test(r.interruptedBy ?? '')
            ? (r.interruptedBy as NodeJS.Signals)
            : 'SIGINT';
          break;
        }
        if (r.exitCode !== 0)
          throw new EnvError(
            `cannot load the tracer's table in ${nsName(ns)}: ${r.stderr.trim()}`,
            'nft (Debian package nftables) and a kernel with nf_tables are needed for trace',
          );
      }
      for (const ns of interrupt.signal ? [] : namespaces)
        watchers.push(
          watchLines(inNs(ns, 'timeout', MONITOR_LIFE_S, 'nft', 'monitor', 'trace'), (line) =>
            lines.push({ ns, line }),
          ),
        );
      // Sending before every monitor has joined the trace group would lose the first hops.
      const deadline = performance.now() + 3000;
      while (!watchers.every((w) => listening(w.pid))) {
        if (performance.now() > deadline)
          throw new EnvError('the trace monitors did not start within 3 s', 'run nslab doctor');
        await sleep(5);
      }
      // The kernel reports as it processes; let the monitors print the last events.
      const quiet = async () => {
        let seen = -1;
        while (seen !== lines.length) {
          seen = lines.length;
          await sleep(60);
        }
      };
      // A check that must work gets three tries, as verify gives it: a link just made drops its
      // first packets until the kernel activates it (about a second after `up`). Only the last
      // try's packets are the journey. A ping needs none: its one echo request waits as long.
      let from = 0;
      // a signal while the tracer was being set up: no probe, nothing to judge
      let sent: Probe = interrupt.signal
        ? { reached: false, rttMs: null, detail: null, argv: [], interrupted: interrupt.signal }
        : await probeOnce(check);
      let tries = 1;
      while (
        !sent.reached &&
        !sent.interrupted &&
        check.expect === 'reach' &&
        check.kind !== 'ping' &&
        tries < 3 &&
        !interrupt.signal
      ) {
        await quiet();
        from = lines.length;
        sent = await probeOnce(check);
        tries += 1;
      }
      await quiet();
      await Promise.all(watchers.map((w) => w.stop()));
      watchers.length = 0;
      const events = lines.slice(from).flatMap((l, i) => {
        const e = parseTraceLine(l.line, l.ns, i);
        return e ? [e] : [];
      });
      const [conns, listings, peers] = await Promise.all([
        conntrackOf(namespaces),
        // only where a rule of the lab's matched: the other namespaces have none to name
        listingsOf(
          namespaces.filter((ns) =>
            events.some((e) => e.ns === ns && e.type === 'rule' && e.table !== TRACE_TABLE),
          ),
        ),
        peersOf(namespaces),
      ]);
      const visits = visitsOf(events, conns, peers);
      const legs = await Promise.all(
        visits.map(async (v) => {
          const leg = legOf(plan, v, listings);
          const [route, fdb] = await Promise.all([
            routeOf(v),
            leg.bridged ? fdbOf(v, leg.bridged.out) : Promise.resolve(undefined),
          ]);
          return {
            ...leg,
            ...(route ? { route } : {}),
            ...(leg.bridged && fdb ? { bridged: { ...leg.bridged, fdb } } : {}),
          };
        }),
      );
      const stopped =
        interrupt.signal && !sent.interrupted ? { ...sent, interrupted: interrupt.signal } : sent;
      const judged = await judgeJourney(plan, check, stopped, legs, namespaces);
      return {
        ...judged,
        answered: stopped.reached && !stopped.interrupted,
        probe: { argv: sent.argv, reached: sent.reached, detail: sent.detail },
        method: 'nft trace',
        tries,
        legs,
        hops: legs.flatMap((l) => l.hops),
        nat: natsOf(conns, plan, visits),
        ...(faults.length ? { faults } : {}),
      };
    } finally {
      await Promise.all(watchers.map((w) => w.stop()));
      await untrace(loaded);
    }
  } finally {
    lock.release();
  }
}

/** The probe as a check sends it, but once: one echo request, one http request. */
function probeOnce(check: PlannedCheck): Promise<Probe> {
  if (check.kind === 'ping') return pingOnce(check);
  if (check.kind === 'http') {
    const { answers: _all, ...one } = check;
    return probe(one, 1);
  }
  return probe(check, 1);
}

/**
 * One echo request, waited for 3 s: as long as a reach check's three tries. Right after `up`, a
 * link's first packets can be lost while the kernel readies it (the ARP request goes again after
 * 1 s), and the one echo request of a trace must not be judged on that.
 */
async function pingOnce(c: Extract<PlannedCheck, { kind: 'ping' }>): Promise<Probe> {
  const size = c.size !== undefined ? ['-M', 'do', '-s', String(c.size)] : [];
  const argv = inNs(c.netns, 'ping', '-n', '-c', '1', '-W', '3', ...size, c.address);
  const r = await run(argv, { timeoutMs: 10_000 });
  const p = parsePing(r.stdout, r.stderr);
  return {
    reached: p.received > 0,
    rttMs: p.rttMs,
    detail: p.received > 0 ? null : (p.error ?? t('no answer within 3 s')),
    argv,
    ...(r.interruptedBy ? { interrupted: r.interruptedBy } : {}),
  };
}

/**
 * Where nft cannot trace (iptables-legacy): every rule whose packet counter moved while the
 * probe ran, and every chain policy that counted a packet. No order across chains, no hooks.
 */
async function byCounters(
  plan: Plan,
  check: PlannedCheck,
  namespaces: (string | null)[],
  faults: string[],
): Promise<Trace> {
  const counters = async () =>
    new Map(
      await Promise.all(
        namespaces.map(async (ns) => [ns, (await run(inNs(ns, 'iptables-save', '-c'))).stdout] as const),
      ),
    );
  const before = await counters();
  const sent = await probeOnce(check);
  const after = await counters();
  const hops: Hop[] = [];
  for (const ns of namespaces) {
    const was = new Map<string, number>();
    let table = '';
    const key = (t: string, rest: string) => `${t} ${rest}`;
    const parse = (text: string, each: (table: string, packets: number, rest: string) => void) => {
      for (const line of text.split('\n')) {
        const t = /^\*(\S+)/.exec(line);
        if (t) table = t[1]!;
        const rule = /^\[(\d+):\d+\] (-A .*)$/.exec(line);
        const policy = /^:(\S+) (ACCEPT|DROP) \[(\d+):\d+\]$/.exec(line);
        if (rule) each(table, Number(rule[1]), rule[2]!);
        if (policy) each(table, Number(policy[3]), `-P ${policy[1]} ${policy[2]}`);
      }
    };
    parse(before.get(ns) ?? '', (t, n, rest) => was.set(key(t, rest), n));
    parse(after.get(ns) ?? '', (t, n, rest) => {
      if (n <= (was.get(key(t, rest)) ?? 0)) return;
      const words = rest.split(' ');
      const isPolicy = words[0] === '-P';
      const target = isPolicy ? words[2]! : (words[words.indexOf('-j') + 1] ?? '');
      hops.push({
        namespace: nsName(ns),
        hook: '',
        table: t,
        chain: words[1]!,
        rule: isPolicy ? null : `${t === 'filter' ? '' : `-t ${t} `}${rest}`,
        verdict: target.toLowerCase(),
      });
    });
  }
  const judged = await judgeJourney(plan, check, sent, [], namespaces, hops);
  return {
    ...judged,
    answered: sent.reached && !sent.interrupted,
    probe: { argv: sent.argv, reached: sent.reached, detail: sent.detail },
    method: 'counters',
    legs: [],
    hops,
    nat: [],
    ...(faults.length ? { faults } : {}),
  };
}
