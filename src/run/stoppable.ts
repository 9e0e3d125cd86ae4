// A command that runs until nslab has seen enough (a must-fail probe held open, check/window.ts):
// started as run() starts its commands (argv, nslab's own process group, so Ctrl-C at the terminal
// reaches it too), read as it prints, and stopped with SIGINT, on which ping prints its
// statistics and probe.js its verdict.
import { spawn } from 'node:child_process';
import type { CommandResult } from './exec.js';

export interface Stoppable {
  /** when its first line of stdout came (performance.now()); null when it ended without one */
  firstLine: Promise<number | null>;
  /** its end; `interruptedBy`: a signal that killed it, or `timeout` (hardTimeoutMs passed) */
  ended: Promise<CommandResult>;
  /** SIGINT, once, unless it has ended */
  stop(): void;
}

export function startStoppable(argv: readonly string[], hardTimeoutMs: number): Stoppable {
  const [file, ...args] = argv;
  const started = performance.now();
  const child = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let lineSeen: (at: number | null) => void = () => {};
  const firstLine = new Promise<number | null>((resolve) => (lineSeen = resolve));
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    if (stdout.includes('\n')) lineSeen(performance.now());
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, hardTimeoutMs);
  const ended = new Promise<CommandResult>((resolve) => {
    const end = (exitCode: number, signal: string | null, error?: string) => {
      clearTimeout(timer);
      lineSeen(null);
      resolve({
        argv: [...argv],
        exitCode,
        stdout: stdout.trimEnd(),
        stderr: error ?? stderr,
        durationMs: performance.now() - started,
        ...(timedOut ? { interruptedBy: 'timeout' } : signal ? { interruptedBy: signal } : {}),
      });
    };
    child.on('error', (e: NodeJS.ErrnoException) =>
      end(127, null, e.code === 'ENOENT' ? `${file}: command not found` : e.message),
    );
    child.on('close', (code, signal) => end(code ?? 128, signal));
  });
  let stopped = false;
  return {
    firstLine,
    ended,
    stop() {
      if (stopped || child.exitCode !== null || child.signalCode !== null) return;
      stopped = true;
      child.kill('SIGINT');
    },
  };
}
