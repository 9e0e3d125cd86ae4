// The executor's fast paths: one `ip -batch` process per namespace, and the file commands
// nslab does itself. Used to build (apply) and to tear down (teardown).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { asIpSays, manyMounts, runLean, type CommandResult } from './exec.js';
import { hasTool } from './tools.js';
import { argvOf, batchLine, type FileCommand } from '../plan/command.js';
import type { Indexed, IpQueues } from './schedule.js';
import { madeStateDir } from './state.js';

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
    ['ip', ...(netns ? ['-n', netns] : []), ...(force ? ['-force'] : []), '-batch', '-'],
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
 * One process per hand of namespaces: an sh that enters each with `nsenter --net=` and runs its
 * batch file there, in order. `ip -n NS` / `ip netns exec NS` would copy the mount table (one
 * entry per namespace) and remount /sys for every namespace, a cost that grows with the rack;
 * nsenter enters the network namespace only, which is all an ip batch needs. Measured by
 * scripts/spawn-cost.ts: 1000 namespaces in 2.0 s against 4.2 s for one `ip -batch` of
 * `netns exec` lines, and faster from 20 namespaces on. Names and paths are the script's
 * arguments, never part of it. A failing batch is followed by the line `nslab-batch-failed I`;
 * without -force that stops its hand (build), with it the hand goes on (teardown).
 */
const fanOutScript = `d=$1 f=$2; shift 2
while [ $# -gt 1 ]; do
  nsenter --net="/run/netns/$2" ip $f -batch "$d/$1" || { echo "nslab-batch-failed $1" >&2; [ -z "$f" ] && exit 1; }
  shift 2
done
exit 0`;

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
        const r = await runLean([
          'sh',
          '-c',
          fanOutScript,
          'nslab-fan-out', // $0
          dir,
          force ? '-force' : '',
          ...hand.flatMap((i) => [String(i), batches[i]!.netns]),
        ]);
        fanOutOutcomes(r, hand, dir, batches, force).forEach((o, k) => (outcomes[hand[k]!] = o));
      }),
    );
    return outcomes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What one hand's sh did to each of its batches, read from its exit code and stderr. */
export function fanOutOutcomes(
  r: CommandResult,
  hand: number[],
  dir: string,
  batches: { commands: Indexed[] }[],
  force: boolean,
): BatchOutcome[] {
  if (r.exitCode === 0 && !r.stderr.includes('nslab-batch-failed'))
    return hand.map((i) => ({ done: batches[i]!.commands }));
  // Each failed batch's own words are what its hand said since the previous marker.
  const failed = new Map<number, string>();
  let from = 0;
  for (const m of r.stderr.matchAll(/^nslab-batch-failed (\d+)$/gm)) {
    failed.set(Number(m[1]), r.stderr.slice(from, m.index));
    from = m.index + m[0].length;
  }
  // No marker and a failure: the hand itself failed (sh or nsenter missing), its first batch with it.
  if (failed.size === 0) failed.set(hand[0]!, r.stderr);
  const stoppedAt = force ? Infinity : hand.findIndex((i) => failed.has(i));
  return hand.map((i, k) => {
    const said = failed.get(i);
    if (said === undefined) return { done: k < stoppedAt ? batches[i]!.commands : [] };
    const lines = [...said.matchAll(/Command failed (\S+):(\d+)/g)].filter(
      (m) => m[1] === join(dir, String(i)),
    );
    return failedOutcome(
      batches[i]!.commands,
      lines.map((m) => Number(m[2])),
      force,
      asIpSays(said.slice(0, lines[0]?.index)),
      r,
    );
  });
}

/**
 * File commands in order, through Node's thread pool, so that they go on while ip batches run
 * (up of a rack of 1000 writes 3000 of them); stops at the first that fails.
 */
export async function fileCommands(
  group: (Indexed & { command: FileCommand })[],
): Promise<{ at: Indexed; result: CommandResult }[]> {
  const results: { at: Indexed; result: CommandResult }[] = [];
  for (const c of group) {
    const started = performance.now();
    const { op, path, content } = c.command;
    try {
      if (op === 'mkdir') await mkdir(path, { recursive: true });
      else if (op === 'write') await writeFile(path, content ?? '');
      else await rm(path, { recursive: true, force: true });
      results.push({ at: c, result: ok(c, performance.now() - started) });
    } catch (e) {
      const stderr = (e as Error).message;
      const durationMs = performance.now() - started;
      results.push({
        at: c,
        result: { argv: argvOf(c.command), exitCode: 1, stdout: '', stderr, durationMs },
      });
      break;
    }
  }
  return results;
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
    // Many mounts or few, nsenter makes single `ip -n NS` calls (runBatch) cheaper or not (exec.ts).
    manyMounts(true);
    if (inNamespaces.length > 1 && inNamespaces.length === tier.length && hasTool('nsenter'))
      yield await runFanOut(inNamespaces, teardown);
    else yield await pool(tier, 16, (b) => runBatch(b.netns, b.commands, teardown));
  }
}
