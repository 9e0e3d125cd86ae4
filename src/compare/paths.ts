// The path that answered a hairpin: a container calls its own Docker host's published port, and
// the server tells which address and port the connection came from. Docker's userland proxy
// makes a connection of its own (the bridge's address, a new port); NAT keeps the client's port
// (MASQUERADE) or its address too (DNAT alone). Run the same way on both sides.
import { fileURLToPath } from 'node:url';
import { inNs } from '../plan/command.js';
import type { PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';

const probeScript = fileURLToPath(new URL('../../src/serve/probe.js', import.meta.url));

export interface HairpinSeen {
  /** the container that called, and the port it called on its host */
  from: string;
  port: number;
  /** this end's address:port, the one the server saw (null: no answer) */
  local: string | null;
  seen: string | null;
  error?: string;
}

/** The lab's http checks from a container to its host (a published port) are the hairpins to try. */
const isHairpin = (c: PlannedCheck | { skipped: string }, containers: Set<string>): boolean =>
  !('skipped' in c) && c.kind === 'http' && c.to === 'host' && containers.has(c.from);

export async function hairpinPaths(checks: (PlannedCheck | { skipped: string })[], containers: Set<string>) {
  const out: HairpinSeen[] = [];
  for (const c of checks) {
    if ('skipped' in c || c.kind !== 'http' || !isHairpin(c, containers)) continue;
    const r = await run(inNs(c.netns, 'node', probeScript, 'peer', c.address, String(c.port)), {
      timeoutMs: 10_000,
    });
    let got: { ok?: boolean; local?: string | null; seen?: string | null; error?: string } = {};
    try {
      got = JSON.parse(r.stdout) as typeof got;
    } catch {
      got = { error: r.stderr.trim() || `probe exited ${r.exitCode}` };
    }
    out.push({
      from: c.from,
      port: c.port,
      local: got.local ?? null,
      seen: got.ok ? (got.seen ?? null) : null,
      ...(got.ok ? {} : { error: got.error ?? 'no answer' }),
    });
  }
  return out;
}
