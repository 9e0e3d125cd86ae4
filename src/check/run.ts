// Runs a plan's checks concurrently (bounded) and judges each against what it expects.
import type { PlannedCheck } from '../plan/types.js';
import { ping } from './ping.js';

export interface CheckResult {
  name: string;
  expect: 'reach' | 'fail';
  /** did the probe get an answer */
  reached: boolean;
  /** true when what happened is what the lab expects */
  ok: boolean;
  rttMs: number | null;
  /** what went wrong on the wire, in ping's words */
  detail: string | null;
  why?: string;
  argv: string[];
}

export async function runCheck(c: PlannedCheck): Promise<CheckResult> {
  const p = await ping(c.netns, c.address, c.expect === 'reach' ? 2 : 1);
  const reached = p.received > 0;
  return {
    name: c.name,
    expect: c.expect,
    reached,
    ok: reached === (c.expect === 'reach'),
    rttMs: p.rttMs,
    detail: reached ? null : (p.error ?? 'no answer within 1 s'),
    ...(c.why ? { why: c.why } : {}),
    argv: p.argv,
  };
}

/** A small pool: at most `limit` probes at once, results in the order of the checks. */
export async function runChecks(checks: PlannedCheck[], limit = 32): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const i = next++;
      results[i] = await runCheck(checks[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, checks.length) }, worker));
  return results;
}
