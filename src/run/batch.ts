// The executor's fast paths: one `ip -batch` process per namespace, and the file commands
// nslab does itself. Used to build (apply) and to tear down (teardown).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runLean, type CommandResult } from './exec.js';
import { argvOf, batchLine, type FileCommand } from '../plan/command.js';
import type { Indexed, IpQueues } from './schedule.js';
import { madeStateDir, stateDir } from './state.js';

export interface BatchOutcome {
  done: Indexed[];
  failed?: { at: Indexed; result: CommandResult };
}

const ok = (c: Indexed, durationMs: number): CommandResult => ({
  argv: argvOf(c.command),
  exitCode: 0,
  stdout: '',
  stderr: '',
  durationMs,
});

/** At most `limit` at once, results in order. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (t: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** One namespace's queued commands as one `ip -batch` process; stops at the first failing line. */
export async function runBatch(
  netns: string | null,
  commands: Indexed[],
  force = false,
): Promise<BatchOutcome> {
  const lines = batchLines(commands);
  const r = await runLean(
    ['ip', ...(force ? ['-force'] : []), ...(netns ? ['-n', netns] : []), '-batch', '-'],
    `${lines.join('\n')}\n`,
  );
  if (r.exitCode === 0) return { done: commands };
  // "Command failed -:N" names the line; what ip said about it comes just before.
  const failing = [...r.stderr.matchAll(/Command failed -:(\d+)/g)];
  return failedOutcome(
    commands,
    failing.map((m) => Number(m[1])),
    force,
    r.stderr.slice(0, failing[0]?.index),
    r,
  );
}

/**
 * A batch that failed at `lines` (1-based). None known: ip never got to its lines (it could not
 * enter the namespace). Without -force ip stopped at the first; with it (teardown) every other
 * line ran.
 */
function failedOutcome(
  commands: Indexed[],
  lines: number[],
  force: boolean,
  said: string,
  r: CommandResult,
): BatchOutcome {
  const first = lines[0] ?? 1;
  const at = commands[first - 1] ?? commands.at(-1)!;
  const done =
    lines.length === 0
      ? []
      : force
        ? commands.filter((_, i) => !lines.includes(i + 1))
        : commands.slice(0, first - 1);
  return {
    done,
    failed: {
      at,
      result: {
        argv: argvOf(at.command),
        exitCode: r.exitCode,
        stdout: '',
        stderr: said.trim(),
        durationMs: r.durationMs,
      },
    },
  };
}

/** 0…n-1 dealt round-robin into k hands, for k processes that each take a share. */
export const dealt = (n: number, k: number): number[][] =>
  Array.from({ length: Math.min(k, n) }, (_, hand) =>
    Array.from({ length: n }, (_, i) => i).filter((i) => i % Math.min(k, n) === hand),
  );

const batchLines = (commands: Indexed[]) => commands.map((c) => batchLine(c.command)!.line);

/**
 * Many namespaces' batches through one process: an `ip -batch -` whose lines are
 * `netns exec NS ip -batch FILE`. ip forks and enters each namespace itself, so nslab starts a
 * handful of processes instead of one per namespace; a process started by Node costs about
 * 1.7× one forked by ip (measured by scripts/spawn-cost.ts), and a rack of 250 containers is 250
 * namespaces. The outer batch runs without -force: iproute2 6.1's forked child, when it cannot
 * enter a namespace, carries on reading the outer batch and would run later lines twice. So a
 * failure stops its chunk (build), or the chunk starts again after it (teardown, `force`).
 */
async function runFanOut(
  batches: { netns: string; commands: Indexed[] }[],
  force: boolean,
): Promise<BatchOutcome[]> {
  const dir = mkdtempSync(join(madeStateDir(), 'batch-'));
  try {
    batches.forEach((b, i) =>
      writeFileSync(join(dir, String(i)), `${batchLines(b.commands).join('\n')}\n`, { mode: 0o600 }),
    );
    const outcomes: BatchOutcome[] = batches.map(() => ({ done: [] }));
    await Promise.all(
      dealt(batches.length, Math.min(4, availableParallelism())).map(async (hand) => {
        let todo = hand;
        while (todo.length > 0) {
          const lines = todo.map(
            (i) =>
              `netns exec ${batches[i]!.netns} ip${force ? ' -force' : ''} -batch ${join(dir, String(i))}`,
          );
          const r = await runLean(['ip', '-batch', '-'], `${lines.join('\n')}\n`);
          // Lines before the failing one ran whole; "Command failed -:K" names it.
          const k =
            r.exitCode === 0
              ? todo.length + 1
              : Number([...r.stderr.matchAll(/Command failed -:(\d+)/g)].at(-1)?.[1] ?? 1);
          for (const i of todo.slice(0, k - 1)) outcomes[i] = { done: batches[i]!.commands };
          if (r.exitCode === 0) break;
          const i = todo[k - 1]!;
          const { commands } = batches[i]!;
          // The inner batch names its own failing lines; without one, entering the namespace failed.
          const inner = [...r.stderr.matchAll(/Command failed (\S+):(\d+)/g)].filter(
            (m) => m[1] === join(dir, String(i)),
          );
          outcomes[i] = failedOutcome(
            commands,
            inner.map((m) => Number(m[2])),
            force,
            r.stderr.slice(0, inner[0]?.index).replace(/Command failed -:\d+\s*/g, ''),
            r,
          );
          todo = force ? todo.slice(k) : [];
        }
      }),
    );
    return outcomes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `mkdir -p DIR`, `tee FILE` (with its content), `rm -rf DIR`, done here with the same effect. */
export function fileCommand(c: Indexed & { command: FileCommand }): CommandResult {
  const started = performance.now();
  const { op, path, content } = c.command;
  try {
    if (op === 'mkdir') mkdirSync(path, { recursive: true });
    else if (op === 'write') writeFileSync(path, content ?? '');
    else rmSync(path, { recursive: true, force: true });
    return ok(c, performance.now() - started);
  } catch (e) {
    const stderr = (e as Error).message;
    return {
      argv: argvOf(c.command),
      exitCode: 1,
      stdout: '',
      stderr,
      durationMs: performance.now() - started,
    };
  }
}

/**
 * Runs what the queues hold, tier by tier (one batch per namespace, fanned out), handing each
 * tier's outcomes to the caller, who may stop (throw) before the next tier.
 */
export async function* runTiers(queues: IpQueues, dockerHosts: ReadonlySet<string>, teardown = false) {
  for (const tier of queues.drain(dockerHosts, teardown)) {
    const inNamespaces = tier.filter((b): b is { netns: string; commands: Indexed[] } => b.netns !== null);
    // The batch path goes into an ip batch line, which splits on blanks: fan out only where it can.
    if (inNamespaces.length > 1 && inNamespaces.length === tier.length && !/\s/.test(stateDir()))
      yield await runFanOut(inNamespaces, teardown);
    else yield await pool(tier, 16, (b) => runBatch(b.netns, b.commands, teardown));
  }
}
