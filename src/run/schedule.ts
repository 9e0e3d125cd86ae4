// How the executor groups a plan's commands for speed without changing what happens:
// `ip` commands are queued per namespace and sent as one `ip [-n NS] -batch -` per namespace.
// Queues are flushed in tiers before any other program runs (and at the end): first the
// machine's own namespace (where `ip netns add` happens), then the Docker hosts' (where veths
// into containers are made), then all the others at once (containers, the outside), which only
// depend on the first two. Within a namespace the plan's order is kept, and a failing batch
// line names its command exactly.
import type { Command } from '../plan/types.js';

/** A command with its position in the plan (1-based), so failures and NSLAB_FAIL_AT name it. */
export interface Indexed {
  index: number;
  command: Command;
}

/** Queued `ip` commands by namespace ('' is the machine's own), in the order they came. */
export class IpQueues {
  private queues = new Map<string, Indexed[]>();

  add(netns: string | null, c: Indexed): void {
    const key = netns ?? '';
    // Pushed, not copied: the machine's own queue holds a line per namespace (1000 in a big rack).
    const queue = this.queues.get(key);
    if (queue) queue.push(c);
    else this.queues.set(key, [c]);
  }

  /** Everything queued, in no particular order (for the state file's write-ahead). */
  get queued(): Indexed[] {
    return [...this.queues.values()].flat();
  }

  get empty(): boolean {
    return this.queues.size === 0;
  }

  /**
   * The queues as tiers of batches: each tier may run in parallel, tiers one after another.
   * Building goes from the machine's namespace outwards; tearing down (`reverse`) inwards.
   */
  drain(
    dockerHosts: ReadonlySet<string>,
    reverse = false,
  ): { netns: string | null; commands: Indexed[] }[][] {
    const entries = [...this.queues.entries()];
    this.queues.clear();
    const tier = (k: string) => (k === '' ? 0 : dockerHosts.has(k) ? 1 : 2);
    return (reverse ? [2, 1, 0] : [0, 1, 2])
      .map((t) =>
        entries.filter(([k]) => tier(k) === t).map(([k, commands]) => ({ netns: k || null, commands })),
      )
      .filter((batches) => batches.length > 0);
  }
}
