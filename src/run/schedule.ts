// How the executor groups a plan's commands for speed without changing what happens:
// `ip` commands are queued per namespace and sent as one `ip [-n NS] -batch -` per namespace.
// Queues are flushed in tiers before any other program runs (and at the end): first the
// machine's own namespace (where `ip netns add` happens), then the Docker hosts' (where veths
// into containers are made), then all the others at once (containers, the outside), which only
// depend on the first two. Within a namespace the plan's order is kept, and a failing batch
// line names its command exactly.
import type { Command } from '../plan/types.js';

/** A command with its position in the plan (1-based), so failures and NSLAB_FAIL_AT name it. */
export interface Indexed { index: number; command: Command }

/** Words a batch line (ip -batch, iptables-restore) carries as they are: it splits on blanks and knows quotes and comments. */
export const plainWords = (argv: readonly string[]): boolean => argv.every((a) => a !== '' && !/[\s"'\\#]/.test(a));

/** What can run as an `ip -batch` line: `ip [-n NS] OBJECT …` with plain words. */
export function ipKey(argv: readonly string[]): { netns: string | null; line: string[] } | null {
  if (argv[0] !== 'ip' || !plainWords(argv)) return null;
  const [netns, rest] = argv[1] === '-n' ? [argv[2]!, argv.slice(3)] : [null, argv.slice(1)];
  if (rest[0]?.startsWith('-')) return null;
  if (rest[0] === 'netns' && rest[1] !== 'add' && rest[1] !== 'del') return null; // exec runs programs
  return { netns, line: rest };
}

/** `mkdir -p DIR`, `tee FILE` with its content, `rm -rf DIR`: nslab does these itself. */
export const isFileCommand = (c: Command): boolean =>
  (c.argv[0] === 'mkdir' && c.argv[1] === '-p' && c.argv.length === 3) ||
  (c.argv[0] === 'tee' && c.argv.length === 2 && c.input !== undefined) ||
  (c.argv[0] === 'rm' && c.argv[1] === '-rf' && c.argv.length === 3);

/** Queued `ip` commands by namespace ('' is the machine's own), in the order they came. */
export class IpQueues {
  private queues = new Map<string, Indexed[]>();

  add(netns: string | null, c: Indexed): void {
    const key = netns ?? '';
    this.queues.set(key, [...(this.queues.get(key) ?? []), c]);
  }

  get empty(): boolean {
    return this.queues.size === 0;
  }

  /**
   * The queues as tiers of batches: each tier may run in parallel, tiers one after another.
   * Building goes from the machine's namespace outwards; tearing down (`reverse`) inwards.
   */
  drain(dockerHosts: ReadonlySet<string>, reverse = false): { netns: string | null; commands: Indexed[] }[][] {
    const entries = [...this.queues.entries()];
    this.queues.clear();
    const tier = (k: string) => (k === '' ? 0 : dockerHosts.has(k) ? 1 : 2);
    return (reverse ? [2, 1, 0] : [0, 1, 2])
      .map((t) => entries.filter(([k]) => tier(k) === t).map(([k, commands]) => ({ netns: k || null, commands })))
      .filter((batches) => batches.length > 0);
  }
}
