// The one place nslab starts processes: argv arrays only, never a shell string.
import { execa } from 'execa';
import { commandLine } from '../plan/script.js';

export interface CommandResult {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  /** own process group: a Ctrl-C meant for nslab does not cut a kernel change in half */
  detached?: boolean;
}

export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<CommandResult> {
  const [file, ...args] = argv;
  const r = await execa(file!, args, {
    reject: false,
    stdin: opts.input === undefined ? 'ignore' : 'pipe',
    ...(opts.input === undefined ? {} : { input: opts.input }),
    timeout: opts.timeoutMs ?? 30_000,
    detached: opts.detached ?? false,
    stripFinalNewline: true,
  });
  const notFound = (r as { code?: string }).code === 'ENOENT';
  return {
    argv: [...argv],
    exitCode: r.exitCode ?? (notFound ? 127 : 128),
    stdout: String(r.stdout ?? ''),
    stderr: notFound ? `${file}: command not found` : String(r.stderr ?? '') || (r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : ''),
    durationMs: r.durationMs,
  };
}

/** A command that had to succeed and did not; the message names it and what it said. */
export class CommandError extends Error {
  constructor(readonly result: CommandResult) {
    super(`\`${commandLine(result.argv)}\` failed (exit ${result.exitCode})${result.stderr ? `: ${result.stderr.trim()}` : ''}`);
    this.name = 'CommandError';
  }
}

export async function mustRun(argv: readonly string[], opts: RunOptions = {}): Promise<CommandResult> {
  const r = await run(argv, opts);
  if (r.exitCode !== 0) throw new CommandError(r);
  return r;
}

/** `ip -j …` parsed; [] when the output is empty. */
export async function ipJson<T>(argv: readonly string[]): Promise<T[]> {
  const r = await mustRun(argv);
  return r.stdout.trim() ? (JSON.parse(r.stdout) as T[]) : [];
}
