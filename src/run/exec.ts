// The one place nslab starts processes: argv arrays only, never a shell string.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { constants } from 'node:os';
import { CommandError } from './errors.js';

// execa takes ~55 ms to import: only background servers use it (startBackground), loaded then.
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = () => (execaModule ??= import('execa'));

export interface CommandResult {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** set when the process did not end by itself: the signal that killed it, or `timeout` (nslab's) */
  interruptedBy?: string;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  /** own process group: a Ctrl-C meant for nslab does not cut a kernel change in half */
  detached?: boolean;
}

/**
 * The mounts of nslab's mount namespace (each named network namespace is one: its
 * /run/netns/NS), counted on first use or when `fresh` (up adds namespaces as it goes).
 */
let mounts: number | undefined;
const mountCount = (fresh: boolean): number => {
  if (mounts !== undefined && !fresh) return mounts;
  try {
    return (mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').length - 1);
  } catch {
    return (mounts = 0);
  }
};

/** Programs that use a namespace's network only (netlink, sockets, /proc/sys), never its /sys or /etc. */
const netOnly = new Set(['ip', 'iptables', 'iptables-save', 'iptables-restore', 'sysctl', 'ping', 'fping']);

/**
 * `ip -n NS …` and `ip netns exec NS …` as they run: `ip` enters NS by unsharing the mount
 * namespace (a copy of the whole mount table, one entry per named namespace) and remounting
 * /sys, on every call: 1.7 ms with 100 namespaces, 6.0 ms with 1000. `nsenter --net=` enters the
 * network namespace only (2.4 ms, 3.5 ms with 1000), so with many mounts a program that needs
 * neither the namespace's /sys nor its /etc/netns/NS files (a ping by address, not getent or a
 * lookup by name) runs through it. The plan, the results and what the learner reads keep the
 * `ip -n`/`ip netns exec` form: this is how nslab executes it, not what it does.
 */
export function entered(argv: readonly string[], manyMounts: boolean): readonly string[] {
  if (!manyMounts || argv[0] !== 'ip') return argv;
  const into = (ns: string | undefined, rest: readonly string[]) =>
    ns && !ns.includes('/') ? ['nsenter', `--net=/run/netns/${ns}`, ...rest] : argv;
  if (argv[1] === '-n') return into(argv[2], ['ip', ...argv.slice(3)]);
  if (argv[1] !== 'netns' || argv[2] !== 'exec' || !netOnly.has(argv[4] ?? '')) return argv;
  // ping and fping by name would read the namespace's /etc/hosts: only addresses and numbers.
  const byName = (a: string) => !a.startsWith('-') && isIP(a) === 0 && !/^\d+$/.test(a);
  if (/ping$/.test(argv[4]!) && argv.slice(5).some(byName)) return argv;
  return into(argv[3], argv.slice(4));
}

/** nsenter's words for a namespace it cannot enter, as ip says them (the learner reads `ip -n NS`). */
export const asIpSays = (stderr: string): string =>
  stderr.replace(
    /^nsenter: cannot open \/run\/netns\/([^:\s]+): (.*)$/gm,
    'Cannot open network namespace "$1": $2',
  );

/**
 * Enough mounts that nsenter is the cheaper way into a namespace for one command: measured
 * per call, `ip -n` takes 1.7 ms with 100 namespaces and 6.0 with 1000, nsenter (two programs)
 * 2.4 and 3.5, even near 300. (A fan-out of batches always uses nsenter: batch.ts.)
 */
const NSENTER_FROM_MOUNTS = 300;
export const manyMounts = (fresh = false): boolean => mountCount(fresh) >= NSENTER_FROM_MOUNTS;

/**
 * A command to its end: stdout and stderr collected (their final newline dropped), killed with
 * SIGTERM at `timeoutMs` (SIGKILL 2 s later) and then said to be interrupted by `timeout`. Node's
 * own spawn: execa took ~55 ms to import, a fifth of a `verify` (servers still use it).
 */
export function run(argv: readonly string[], opts: RunOptions = {}): Promise<CommandResult> {
  const running = entered(argv, manyMounts());
  const [file, ...args] = running;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file!, args, {
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: opts.detached ?? false,
    });
    if (opts.input !== undefined) {
      child.stdin!.on('error', () => {}); // a command that stops early closes its stdin
      child.stdin!.end(opts.input);
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    let timedOut = false;
    let force: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      force = setTimeout(() => child.kill('SIGKILL'), 2_000);
    }, opts.timeoutMs ?? 30_000);
    const strip = (text: string) => text.replace(/\r?\n$/, '');
    const end = (exitCode: number, signal: string | null, error?: string) => {
      clearTimeout(timer);
      clearTimeout(force);
      const said = error ?? (running === argv ? strip(stderr) : asIpSays(strip(stderr)));
      resolve({
        argv: [...argv],
        exitCode,
        stdout: strip(stdout),
        stderr: said || (timedOut ? 'timed out' : signal ? `killed by ${signal}` : ''),
        durationMs: performance.now() - started,
        ...(timedOut ? { interruptedBy: 'timeout' } : signal ? { interruptedBy: signal } : {}),
      });
    };
    let ended = false;
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (ended) return;
      ended = true;
      end(
        e.code === 'ENOENT' ? 127 : 128,
        null,
        e.code === 'ENOENT' ? `${file}: command not found` : e.message,
      );
    });
    child.on('close', (code, signal) => {
      if (ended) return;
      ended = true;
      end(code ?? 128, signal);
    });
  });
}

export async function mustRun(argv: readonly string[], opts: RunOptions = {}): Promise<CommandResult> {
  const r = await run(argv, opts);
  if (r.exitCode !== 0) throw new CommandError(r);
  return r;
}

/** `ip -j …` parsed; [] when the output is empty. */
export async function ipJson<T>(argv: readonly string[]): Promise<T[]> {
  const r = await runLean(argv);
  if (r.exitCode !== 0) throw new CommandError(r);
  return r.stdout.trim() ? (JSON.parse(r.stdout) as T[]) : [];
}

/**
 * Starts a server that keeps running after nslab exits: own process group, not killed with us.
 * Ready when it prints its first line ("listening"); a failure to start is an ordinary failed
 * command with the server's stderr.
 */
export async function startBackground(
  argv: readonly string[],
  readyTimeoutMs = 10_000,
): Promise<CommandResult> {
  const [file, ...args] = argv;
  const started = performance.now();
  const { execa } = await loadExeca();
  const child = execa(file!, args, {
    detached: true,
    cleanup: false,
    reject: false,
    stdin: 'ignore',
    buffer: false,
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const outcome = await new Promise<'ready' | 'exited' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), readyTimeoutMs);
    child.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve('ready');
    });
    void child.then(() => {
      clearTimeout(timer);
      resolve('exited');
    });
  });
  const durationMs = performance.now() - started;
  if (outcome === 'ready') {
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
    return { argv: [...argv], exitCode: 0, stdout: 'listening', stderr: '', durationMs };
  }
  if (outcome === 'timeout') child.kill('SIGKILL');
  const r = await child;
  return {
    argv: [...argv],
    exitCode: r.exitCode || 1,
    stdout: '',
    stderr:
      stderr.trim() || (outcome === 'timeout' ? `not ready after ${readyTimeoutMs} ms` : 'exited at once'),
    durationMs,
  };
}

/**
 * The same as run() for the hot paths (hundreds of short `ip` calls): node's own spawn, still
 * an argv array and never a shell, at about half execa's cost per process (measured: 250 calls
 * in 475 ms against 928 ms).
 */
export function runLean(argv: readonly string[], input?: string, fd3?: number): Promise<CommandResult> {
  const running = entered(argv, manyMounts());
  const [file, ...args] = running;
  const started = performance.now();
  return new Promise((resolve) => {
    // Own process group, as for run(..., { detached: true }): Ctrl-C does not cut a batch in half.
    // fd3: an open file of ours the child gets as its fd 3 (flock locks it for us).
    const stdin = input === undefined ? 'ignore' : 'pipe';
    const stdio = fd3 === undefined ? [stdin, 'pipe', 'pipe'] : [stdin, 'pipe', 'pipe', fd3];
    const child = spawn(file!, args, { stdio: stdio as ('pipe' | 'ignore' | number)[], detached: true });
    if (input !== undefined) {
      child.stdin!.on('error', () => {}); // a batch that stops early closes its stdin
      child.stdin!.end(input);
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) =>
      resolve({
        argv: [...argv],
        exitCode: 127,
        stdout,
        stderr: e.message,
        durationMs: performance.now() - started,
      }),
    );
    child.on('close', (code, signal) =>
      resolve({
        argv: [...argv],
        exitCode: code ?? 128,
        stdout: stdout.trimEnd(),
        stderr: running === argv ? stderr : asIpSays(stderr),
        durationMs: performance.now() - started,
        ...(signal ? { interruptedBy: signal } : {}),
      }),
    );
  });
}

/**
 * Runs a command attached to nslab's own stdin, stdout and stderr, as `docker exec -it` does, with
 * exactly the environment `env`. Resolves to its exit code, or 128+signal when a signal ended it.
 * Ctrl-C at the terminal reaches the command itself (it is in the same process group), so nslab
 * ignores SIGINT meanwhile; SIGTERM and SIGHUP sent to nslab are passed on to it.
 */
export function runAttached(argv: readonly string[], env: Record<string, string>): Promise<number> {
  const [file, ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(file!, args, { stdio: 'inherit', env });
    const ignore = () => {};
    const pass = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', pass);
    process.on('SIGHUP', pass);
    const done = (code: number) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', pass);
      process.off('SIGHUP', pass);
      resolve(code);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      process.stderr.write(`${file}: ${e.code === 'ENOENT' ? 'command not found' : e.message}\n`);
      done(e.code === 'ENOENT' ? 127 : 126);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

/** A long-running command whose stdout is read line by line until it is stopped. */
export interface Watcher {
  pid: number;
  /** kills it (own process group: Ctrl-C goes to nslab, which stops it) and waits for its end */
  stop(): Promise<{ stderr: string }>;
}

export function watchLines(argv: readonly string[], onLine: (line: string) => void): Watcher {
  const [file, ...args] = argv;
  const child = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let rest = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    const lines = (rest + c.toString()).split('\n');
    rest = lines.pop()!;
    for (const l of lines) onLine(l);
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const ended = new Promise<void>((resolve) => {
    child.on('close', () => resolve());
    child.on('error', (e) => {
      stderr += e.message;
      resolve();
    });
  });
  return {
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
      if (rest) onLine(rest);
      return { stderr };
    },
  };
}
