// ping as a probe: a thin process call around a pure parser of ping's own summary lines.
import { run } from '../run/exec.js';
import { pingArgv } from '../plan/probe.js';

export interface PingSummary {
  transmitted: number;
  received: number;
  /** average round-trip time in ms, when anything came back */
  rttMs: number | null;
  /** the first line of an error ping printed ("connect: Network is unreachable"), if any */
  error: string | null;
  /** who sent the ICMP error of `error`, when it came in a packet ("From 10.0.0.1 …") */
  from?: string;
  /** ping did not finish (killed, or out of nslab's time): its silence proves nothing */
  interrupted?: string;
}

export function parsePing(stdout: string, stderr = ''): PingSummary {
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(stdout);
  const rtt = /= [\d.]+\/([\d.]+)\/[\d.]+\/[\d.]+ ms/.exec(stdout);
  const icmp = stdout
    .split('\n')
    .find((l) => /Unreachable|unreachable|Prohibited|Time to live exceeded|filtered|Frag needed/.test(l));
  const errorLine =
    stderr.split('\n').find((l) => l.trim()) ?? icmp?.replace(/^From [^ ]+ (icmp_seq=\d+ )?/, '') ?? null;
  const from = stderr.trim() ? undefined : icmp && /^From (\S+) /.exec(icmp)?.[1];
  return {
    transmitted: counts ? Number(counts[1]) : 0,
    received: counts ? Number(counts[2]) : 0,
    rttMs: rtt ? Number(rtt[1]) : null,
    error: errorLine?.trim() ?? null,
    ...(from ? { from } : {}),
  };
}

/**
 * How a ping that got no echo reply proved it: the kernel refused to send (ping's own error), or
 * an ICMP error came back (its sender named); null when nothing but silence did (the caller knows
 * how long it listened).
 */
export function pingRefusal(p: PingSummary): string | null {
  if (p.error === null) return null;
  if (p.from) return `ICMP ${p.error} (from ${p.from})`;
  // Anything else on stderr is not ping's (`ip netns exec` could not enter, say): no proof.
  return p.error.startsWith('ping: ') ? `kernel: ${p.error.replace(/^ping: (connect: )?/, '')}` : null;
}

/**
 * One echo request at a time; a check that should reach gets up to three, so a first ARP request
 * lost on a busy machine (ARP retries after 1 s) is not a failure.
 */
export async function ping(
  netns: string | null,
  address: string,
  tries: number,
  size?: number,
): Promise<PingSummary & { argv: string[] }> {
  const argv = pingArgv(netns, address, size);
  let summary: PingSummary = { transmitted: 0, received: 0, rttMs: null, error: null };
  for (let i = 0; i < tries; i++) {
    const r = await run(argv, { timeoutMs: 5_000 });
    summary = parsePing(r.stdout, r.stderr);
    if (r.interruptedBy) return { ...summary, interrupted: r.interruptedBy, argv };
    if (summary.received > 0) break;
  }
  return { ...summary, argv };
}
