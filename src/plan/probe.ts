// The command each kind of check runs: pure, so `plan` can print it and `verify` can run it.
import { fileURLToPath } from 'node:url';
import { inNs } from './command.js';
import type { PlannedCheck } from './types.js';

// Resolved from the repository, so it is found from src/ and from the compiled dist/ alike.
const probeScript = fileURLToPath(new URL('../../src/serve/probe.js', import.meta.url));

/**
 * One echo request, its answer waited for `waitS` seconds (1 as `plan` prints it; a must-fail
 * check held open by nslab waits longer and is stopped, see check/window.ts); with a size,
 * don't-fragment is set so the path's MTU decides.
 */
export const pingArgv = (netns: string | null, address: string, size?: number, waitS = 1): string[] =>
  inNs(
    netns,
    'ping',
    '-n',
    '-c',
    '1',
    '-W',
    String(waitS),
    ...(size !== undefined ? ['-M', 'do', '-s', String(size)] : []),
    address,
  );

/** How many requests an http check with `answers` sends: enough to meet every backend. */
const LOAD_BALANCE_REQUESTS = 12;

export function probeArgv(c: PlannedCheck): string[] {
  switch (c.kind) {
    case 'ping':
      return pingArgv(c.netns, c.address, c.size);
    case 'tcp':
      return inNs(c.netns, 'node', probeScript, 'tcp', c.address, String(c.port));
    case 'udp':
      return inNs(c.netns, 'node', probeScript, 'udp', c.address, String(c.port));
    case 'http':
      return inNs(
        c.netns,
        'node',
        probeScript,
        'http',
        c.address,
        String(c.port),
        String(c.answers ? LOAD_BALANCE_REQUESTS : 1),
      );
    case 'resolve':
      return inNs(c.netns, 'getent', 'hosts', c.lookup);
    case 'listen':
      return inNs(c.netns, 'node', probeScript, 'listen', String(c.port));
  }
}
