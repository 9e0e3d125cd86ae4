// The executor's fast paths: one `ip -batch` process per namespace, and the file commands
// nslab does itself. Used to build (apply) and to tear down (teardown).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { runLean, type CommandResult } from './exec.js';
import { ipKey, type Indexed, type IpQueues } from './schedule.js';

const ok = (c: Indexed, durationMs: number): CommandResult => ({ argv: c.command.argv, exitCode: 0, stdout: '', stderr: '', durationMs });

/** At most `limit` at once, results in order. */
export async function pool<T, R>(items: T[], limit: number, fn: (t: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }));
  return out;
}

/** One namespace's queued commands as one `ip -batch` process; stops at the first failing line. */
export async function runBatch(netns: string | null, commands: Indexed[], force = false): Promise<{ done: Indexed[]; failed?: { at: Indexed; result: CommandResult } }> {
  const lines = commands.map((c) => ipKey(c.command.argv)!.line.join(' '));
  const r = await runLean(['ip', ...(force ? ['-force'] : []), ...(netns ? ['-n', netns] : []), '-batch', '-'], `${lines.join('\n')}\n`);
  if (r.exitCode === 0) return { done: commands };
  // "Command failed -:N" names the line; what ip said about it comes just before.
  const line = Number(/Command failed -:(\d+)/.exec(r.stderr)?.[1] ?? commands.length);
  const at = commands[line - 1]!;
  const stderr = r.stderr.replace(/Command failed -:\d+\s*$/, '').trim();
  return { done: commands.slice(0, line - 1), failed: { at, result: { argv: at.command.argv, exitCode: r.exitCode, stdout: '', stderr, durationMs: r.durationMs } } };
}

/** `mkdir -p DIR`, `tee FILE` (with its content), `rm -rf DIR`, done here with the same effect. */
export function fileCommand(c: Indexed): CommandResult {
  const started = performance.now();
  const [tool, a, b] = c.command.argv;
  try {
    if (tool === 'mkdir') mkdirSync(b!, { recursive: true });
    else if (tool === 'tee') writeFileSync(a!, c.command.input!);
    else rmSync(b!, { recursive: true, force: true });
    return ok(c, performance.now() - started);
  } catch (e) {
    return { argv: c.command.argv, exitCode: 1, stdout: '', stderr: (e as Error).message, durationMs: performance.now() - started };
  }
}


/**
 * Runs what the queues hold, tier by tier (one batch per namespace, 16 at once), handing each
 * tier's outcomes to the caller, who may stop (throw) before the next tier.
 */
export async function* runTiers(queues: IpQueues, dockerHosts: ReadonlySet<string>, teardown = false) {
  for (const tier of queues.drain(dockerHosts, teardown))
    yield await pool(tier, 16, (b) => runBatch(b.netns, b.commands, teardown));
}
