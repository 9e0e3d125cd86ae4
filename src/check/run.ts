// Runs a plan's checks concurrently (bounded) and judges each against what it expects.
import type { LanPort, PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';
import { pool } from '../run/batch.js';
import { probeArgv } from '../plan/probe.js';
import { meshable, pingMesh } from './mesh.js';
import { ping } from './ping.js';
import { getentAddresses, mechanismIn } from './resolve.js';

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
  via?: string;
  interrupted?: string;
}

async function nodeProbe(c: PlannedCheck) {
  const argv = probeArgv(c);
  const r = await run(argv, { timeoutMs: 30_000 });
  const interrupted = r.interruptedBy ? { interrupted: r.interruptedBy } : {};
  try {
    type Out = { ok: boolean; ms?: number; error?: string; bodies?: string[]; status?: number };
    return { argv, out: JSON.parse(r.stdout) as Out, ...interrupted };
  } catch {
    return {
      argv,
      out: { ok: false, error: r.stderr.trim() || `probe exited ${r.exitCode}` },
      ...interrupted,
    };
  }
}

/** A check's probe, run once; `tries` pings (a reach check gets three, see ping()). */
export async function probe(c: PlannedCheck, tries = c.expect === 'reach' ? 3 : 1): Promise<Probe> {
  switch (c.kind) {
    case 'ping': {
      const p = await ping(c.netns, c.address, tries, c.size);
      const detail = p.received > 0 ? null : (p.error ?? 'no answer within 1 s');
      const interrupted = p.interrupted ? { interrupted: p.interrupted } : {};
      return { reached: p.received > 0, rttMs: p.rttMs, detail, argv: p.argv, ...interrupted };
    }
    case 'tcp': {
      const { argv, out, ...interrupted } = await nodeProbe(c);
      return {
        reached: out.ok,
        rttMs: out.ms ?? null,
        detail: out.ok ? null : (out.error ?? null),
        argv,
        ...interrupted,
      };
    }
    case 'udp': {
      const { argv, out, ...interrupted } = await nodeProbe(c);
      const answer = out.bodies?.[0];
      const wrongBody = c.body !== undefined && answer !== undefined && !answer.includes(c.body);
      const reached = out.ok && !wrongBody;
      const detail = !out.ok
        ? (out.error ?? null)
        : wrongBody
          ? `answered "${answer}", which lacks "${c.body}"`
          : answer !== undefined
            ? `"${answer}"`
            : null;
      return { reached, rttMs: out.ms ?? null, detail, argv, ...interrupted };
    }
    case 'http': {
      const { argv, out, ...interrupted } = await nodeProbe(c);
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
      const said = detail ?? (bodies.length ? `"${bodies[0]}"` : null);
      return { reached, rttMs: out.ms ?? null, detail: said, argv, ...interrupted };
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
      return {
        reached,
        rttMs: null,
        detail,
        argv,
        via: by,
        ...(r.interruptedBy ? { interrupted: r.interruptedBy } : {}),
      };
    }
    case 'listen': {
      const { argv, out, ...interrupted } = await nodeProbe(c);
      const detail = out.ok ? `port ${c.port} is free here` : `cannot bind port ${c.port}: ${out.error}`;
      return { reached: out.ok, rttMs: null, detail, argv, ...interrupted };
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
  const first = await pool(checks, limit, async (c) => stopped(meshed.get(c) ?? (await probe(c))));
  // A reach check that fping missed gets one more try with ping, as single checks do.
  return pool(checks, limit, async (c, i) => {
    const p = first[i]!;
    const again = meshed.has(c) && !p.reached && c.expect === 'reach' && !interrupt.signal;
    return judge(c, again ? stopped(await probe(c)) : p);
  });
}
