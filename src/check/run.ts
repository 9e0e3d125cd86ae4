// Runs a plan's checks concurrently (bounded) and judges each against what it expects. A
// must-fail probe is held open beside the others and stopped when the run's window has passed
// (window.ts); every failure says how it was proved.
import type { LanPort, PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';
import { pool } from '../run/batch.js';
import { pingArgv, probeArgv } from '../plan/probe.js';
import { answeredAfter, runHeld, silenceProof } from './held.js';
import { meshable, pingMesh } from './mesh.js';
import { forgetUnresolved } from './neighbours.js';
import { parsePing, ping, pingRefusal } from './ping.js';
import { getentAddresses, mechanismIn } from './resolve.js';
import { Hold } from './window.js';

export interface CheckResult {
  name: string;
  kind: PlannedCheck['kind'];
  expect: 'reach' | 'fail';
  /** did the probe get what it asked for (an answer, a connection, a name, a bound port) */
  reached: boolean;
  /** true when what happened is what the lab expects */
  ok: boolean;
  rttMs: number | null;
  /** what happened instead, in the probe's words */
  detail: string | null;
  /**
   * when it did not reach: how that was proved ("kernel: Network is unreachable", "refused (RST)",
   * "no answer within 153 ms (10× the slowest answer, 0.061 ms; floor 150 ms)")
   */
  proof?: string;
  why?: string;
  /** set when one line of the lab made many checks (`from: all`) */
  group?: string;
  argv: string[];
  /** resolve checks: what answered (or was asked), `/etc/hosts` or `DNS 127.0.0.11` */
  via?: string;
  /** the probe never finished (killed by this signal, or `timeout`): no verdict, never ok */
  interrupted?: string;
}

export interface Probe {
  reached: boolean;
  rttMs: number | null;
  detail: string | null;
  argv: string[];
  proof?: string;
  /** the slowest single answer since its request went out, when it says (else rttMs): what
   * sizes the must-fail window (a node probe's `ms` counts its own start-up too) */
  answerMs?: number;
  via?: string;
  interrupted?: string;
}

/** The old fixed timeouts of the probes a must-fail check can hold open: its window's cap. */
const HELD_CAP_MS: Partial<Record<PlannedCheck['kind'], number>> = {
  ping: 1000,
  tcp: 1500,
  udp: 1000,
  http: 1500,
};
// A held ping's own limit, far beyond any window: nslab stops it long before.
const HELD_PING_WAIT_S = 10;

type Out = {
  ok: boolean;
  ms?: number;
  answerMs?: number;
  error?: string;
  bodies?: string[];
  status?: number;
};

async function nodeProbe(c: PlannedCheck, hold?: Hold) {
  const argv = probeArgv(c);
  const held = hold ? await runHeld([...argv, '--until-stopped'], HELD_CAP_MS[c.kind]!, hold) : null;
  const r = held?.result ?? (await run(argv, { timeoutMs: 30_000 }));
  const interrupted = r.interruptedBy ? { interrupted: r.interruptedBy } : {};
  const line = r.stdout.split('\n').at(-1) ?? '';
  let out: Out;
  try {
    out = JSON.parse(line) as Out;
  } catch {
    out = { ok: false, error: r.stderr.trim() || `probe exited ${r.exitCode}` };
  }
  const silence = held?.silence && !out.ok && out.error === 'no answer' ? held.silence : null;
  const proof = out.ok ? undefined : silence ? silenceProof(silence) : nodeRefusal(c.kind, out);
  const late = held && out.ok && out.answerMs !== undefined ? answeredAfter(out.answerMs, held.window) : null;
  const answer = out.ok && out.answerMs !== undefined ? { answerMs: out.answerMs } : {};
  return { argv, out, late, ...answer, ...(proof ? { proof } : {}), ...interrupted };
}

/** How a node probe's failure was proved, from the error node gave (or the HTTP status). */
function nodeRefusal(kind: PlannedCheck['kind'], out: Out): string | undefined {
  switch (out.error) {
    case 'ECONNREFUSED':
      return kind === 'udp' ? 'refused (ICMP port unreachable)' : 'refused (RST)';
    case 'ECONNRESET':
      return 'reset (RST)';
    case 'EHOSTUNREACH':
      return 'kernel: No route to host (EHOSTUNREACH)';
    case 'ENETUNREACH':
      return 'kernel: Network is unreachable';
    case 'EPERM':
    case 'EACCES':
      return `kernel: Operation not permitted (${out.error})`;
    case undefined:
      return out.status !== undefined ? `answered HTTP ${out.status}` : undefined;
    default:
      return out.error;
  }
}

/** A must-fail ping held open: one echo request, its answer awaited until nslab stops it. */
async function heldPing(c: PlannedCheck & { kind: 'ping' }, hold: Hold): Promise<Probe> {
  const argv = pingArgv(c.netns, c.address, c.size);
  // ping block-buffers a pipe: line-buffered, its "PING …" line comes as it sends.
  const live = ['stdbuf', '-oL', ...pingArgv(c.netns, c.address, c.size, HELD_PING_WAIT_S)];
  const { result: r, silence, window } = await runHeld(live, HELD_CAP_MS.ping!, hold);
  const p = parsePing(r.stdout, r.stderr);
  const interrupted = r.interruptedBy ? { interrupted: r.interruptedBy } : {};
  if (p.received > 0) {
    const detail = answeredAfter(p.rttMs ?? 0, window);
    return { reached: true, rttMs: p.rttMs, detail, argv, ...interrupted };
  }
  const proof =
    pingRefusal(p) ??
    (silence ? silenceProof(silence) : p.transmitted > 0 ? `no answer within ${HELD_PING_WAIT_S} s` : null);
  // No echo request went out and nothing refused it: nothing is proved.
  const said = r.stderr.trim() || `exit ${r.exitCode}`;
  const unproved = proof === null && !r.interruptedBy ? { interrupted: said } : {};
  const detail = p.error ?? (silence ? `no answer within ${silence.waitedMs} ms` : 'no answer');
  return {
    reached: false,
    rttMs: null,
    detail,
    argv,
    ...(proof ? { proof } : {}),
    ...interrupted,
    ...unproved,
  };
}

/**
 * A check's probe, run once; `tries` pings (a reach check gets three, see ping()). With `hold`
 * (a must-fail check in a run), a ping, tcp, udp or http probe is held open until the run's
 * window has passed (window.ts).
 */
export async function probe(
  c: PlannedCheck,
  tries = c.expect === 'reach' ? 3 : 1,
  hold?: Hold,
): Promise<Probe> {
  const held = hold && c.expect === 'fail' && HELD_CAP_MS[c.kind] !== undefined ? hold : undefined;
  switch (c.kind) {
    case 'ping': {
      if (held) return heldPing(c, held);
      const p = await ping(c.netns, c.address, tries, c.size);
      const silence = `no answer within 1 s${tries > 1 ? `, ${tries} tries` : ''}`;
      const detail = p.received > 0 ? null : (p.error ?? 'no answer within 1 s');
      const proof = p.received > 0 ? {} : { proof: pingRefusal(p) ?? silence };
      const interrupted = p.interrupted ? { interrupted: p.interrupted } : {};
      return { reached: p.received > 0, rttMs: p.rttMs, detail, argv: p.argv, ...proof, ...interrupted };
    }
    case 'tcp': {
      const { argv, out, late, ...rest } = await nodeProbe(c, held);
      return {
        reached: out.ok,
        rttMs: out.ms ?? null,
        detail: out.ok ? late : (out.error ?? null),
        argv,
        ...rest,
      };
    }
    case 'udp': {
      const { argv, out, late, ...rest } = await nodeProbe(c, held);
      const answer = out.bodies?.[0];
      const wrongBody = c.body !== undefined && answer !== undefined && !answer.includes(c.body);
      const reached = out.ok && !wrongBody;
      const detail = !out.ok
        ? (out.error ?? null)
        : wrongBody
          ? `answered "${answer}", which lacks "${c.body}"`
          : answer !== undefined
            ? `"${answer}"${late ? `, ${late}` : ''}`
            : late;
      return {
        reached,
        rttMs: out.ms ?? null,
        detail,
        argv,
        ...rest,
        ...(wrongBody ? { proof: detail! } : {}),
      };
    }
    case 'http': {
      const { argv, out, late, ...rest } = await nodeProbe(c, held);
      const bodies = out.bodies ?? [];
      const missing = (c.answers ?? []).filter((a) => !bodies.some((b) => b.startsWith(`${a} `)));
      const wrongBody = c.body !== undefined ? bodies.find((b) => !b.includes(c.body!)) : undefined;
      const reached = out.ok && wrongBody === undefined && missing.length === 0;
      const detail = !out.ok
        ? (out.error ?? `HTTP ${out.status}`)
        : wrongBody !== undefined
          ? `answered "${wrongBody}", which lacks "${c.body}"`
          : missing.length > 0
            ? `${bodies.length} answers, none from ${missing.join(', ')}`
            : null;
      const said = detail ?? (bodies.length ? `"${bodies[0]}"${late ? `, ${late}` : ''}` : late);
      const proof = out.ok && !reached ? { proof: detail! } : {};
      return { reached, rttMs: out.ms ?? null, detail: said, argv, ...rest, ...proof };
    }
    case 'resolve': {
      const argv = probeArgv(c);
      const r = await run(argv, { timeoutMs: 10_000 });
      // every address it gave: a name several containers share answers with all of theirs
      const found = r.exitCode === 0 ? getentAddresses(r.stdout) : [];
      const reached = found.length > 0 && (c.address === null || found.includes(c.address));
      const by = mechanismIn(c.netns, c.lookup);
      const detail =
        found.length === 0
          ? `${c.lookup} does not resolve: not in /etc/hosts, and ${by} gave no address`
          : `${c.lookup} is ${found.join(', ')} (${by})`;
      // getent waits for the resolver's answer (NXDOMAIN, no address) or its timeout: either way
      // it exits 2, and how long it took tells which.
      const took = `${Math.round(r.durationMs)} ms`;
      const proof =
        found.length === 0
          ? `not in /etc/hosts, no address from ${by} (getent exited ${r.exitCode} after ${took})`
          : detail;
      return {
        reached,
        rttMs: null,
        detail,
        argv,
        via: by,
        ...(reached ? {} : { proof }),
        ...(r.interruptedBy ? { interrupted: r.interruptedBy } : {}),
      };
    }
    case 'listen': {
      const { argv, out, interrupted } = await nodeProbe(c);
      const detail = out.ok ? `port ${c.port} is free here` : `cannot bind port ${c.port}: ${out.error}`;
      const proof = out.error === 'EADDRINUSE' ? `port ${c.port} is taken (EADDRINUSE)` : detail;
      return {
        reached: out.ok,
        rttMs: null,
        detail,
        argv,
        ...(out.ok ? {} : { proof }),
        ...(interrupted ? { interrupted } : {}),
      };
    }
  }
}

const judge = (c: PlannedCheck, p: Probe): CheckResult => ({
  name: c.name,
  kind: c.kind,
  expect: c.expect,
  reached: p.reached,
  // A probe that never finished proves nothing either way: never a pass.
  ok: !p.interrupted && p.reached === (c.expect === 'reach'),
  rttMs: p.rttMs,
  detail: p.detail,
  ...(p.proof && !p.reached ? { proof: p.proof } : {}),
  ...(c.why ? { why: c.why } : {}),
  ...(c.group ? { group: c.group } : {}),
  argv: p.argv,
  ...(p.via ? { via: p.via } : {}),
  ...(p.interrupted ? { interrupted: p.interrupted } : {}),
});

/**
 * Runs every check, at most `limit` probes at once; results in the order of the checks. Many
 * plain pings (a mesh) go through fping, in waves the neighbour table can hold; `namespaces`
 * are the lab's, whose neighbours may be flushed between waves (through `ports`, their veths'
 * host ends, where that works).
 */
export async function runChecks(
  checks: PlannedCheck[],
  namespaces: string[] = [],
  ports: LanPort[] = [],
  /** set by the caller's signal handler: a probe that ends after it proves nothing */
  interrupt: { signal: NodeJS.Signals | null } = { signal: null },
  limit = 32,
): Promise<CheckResult[]> {
  // ping traps SIGINT and exits as if unanswered: only the flag tells that Ctrl-C stopped it.
  const stopped = (p: Probe): Probe =>
    interrupt.signal && !p.interrupted ? { ...p, interrupted: interrupt.signal } : p;
  const meshed = meshable(checks)
    ? await pingMesh(
        checks.filter(
          (c): c is PlannedCheck & { kind: 'ping' } =>
            c.kind === 'ping' && c.size === undefined && c.netns !== null,
        ),
        namespaces,
        ports,
      )
    : new Map<PlannedCheck, Probe>();
  // Must-fail probes start first and listen until every other check is done and their window
  // has passed; the others run meanwhile, their own pool of `limit`, so none waits for a slot.
  const isHeld = (c: PlannedCheck) =>
    !meshed.has(c) && c.expect === 'fail' && HELD_CAP_MS[c.kind] !== undefined;
  const held = checks.filter(isHeld);
  const others = checks.filter((c) => !isHeld(c));
  const hold = new Hold(held.length);
  await forgetUnresolved([...new Set(held.flatMap((c) => (c.netns ? [c.netns] : [])))]);
  const heldProbes = pool(held, limit, async (c) => stopped(await probe(c, 1, hold)));
  let settled: Probe[] = [];
  try {
    const first = await pool(others, limit, async (c) => stopped(meshed.get(c) ?? (await probe(c))));
    // A reach check that fping missed gets one more try with ping, as single checks do.
    settled = await pool(others, limit, async (c, i) => {
      const p = first[i]!;
      const again = meshed.has(c) && !p.reached && c.expect === 'reach' && !interrupt.signal;
      return again ? stopped(await probe(c)) : p;
    });
  } finally {
    // Also when a probe threw: the held ones then end at the old timeout, not never.
    hold.open(
      others.flatMap((c, i) => {
        const p = settled[i];
        const took = p ? (p.answerMs ?? p.rttMs) : null;
        return c.expect === 'reach' && p?.reached && !p.interrupted && took !== null ? [took] : [];
      }),
    );
  }
  const heldDone = (await heldProbes).reverse();
  const settledLeft = settled.reverse();
  return checks.map((c) => judge(c, (isHeld(c) ? heldDone : settledLeft).pop()!));
}
