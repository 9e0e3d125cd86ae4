// `up --step`: one step at a time, with a look at what the step changed, and a key to go on;
// with --trace A:B, a ping from A to B after each step, traced once the step that makes it work has run.
import { probe } from '../check/run.js';
import { changesOf, commandLine, inNs, ipIn, type Change } from '../plan/command.js';
import type { Plan, PlannedCheck, Step } from '../plan/types.js';
import type { Interrupt } from '../run/apply.js';
import { run } from '../run/exec.js';
import { namespaceNames } from '../run/inventory.js';
import { traceWhileBuilding } from '../session/trace.js';
import { dim } from './style.js';
import { traceText } from './trace-text.js';

/** The command that shows one change. */
function showing(c: Change): string[] {
  switch (c.kind) {
    case 'addresses':
      return ipIn(c.ns, '-br', 'addr');
    case 'ports':
      return c.ns ? ['bridge', '-n', c.ns, 'link'] : ['bridge', 'link'];
    case 'routes':
      return ipIn(c.ns, 'route');
    case 'chain':
      return inNs(c.ns, 'iptables', '-t', c.table, '-S', c.chain);
    case 'sysctl':
      return inNs(c.ns, 'sysctl', c.key);
    case 'sockets':
      return inNs(c.ns, 'ss', '-lntup');
  }
}

/**
 * What to show after a step, so the learner sees its effect: the addresses of each namespace
 * it touched, the bridge's ports when something was plugged in, the iptables chain a rule went
 * into, the sysctl it set, the sockets a program it started listens on. Pure: derived from the step's own commands.
 */
function stateCommands(step: Step): string[][] {
  const shows = step.commands.flatMap(changesOf).map(showing);
  return shows.filter((argv, i) => shows.findIndex((s) => s.join(' ') === argv.join(' ')) === i);
}

/** Runs the state commands and renders them as a learner would see them typed. */
export async function showState(step: Step): Promise<string> {
  const out: string[] = [];
  for (const argv of stateCommands(step)) {
    const r = await run(argv);
    out.push(dim(`      # now: ${commandLine(argv)}`));
    for (const line of (r.exitCode === 0 ? r.stdout : r.stderr).trimEnd().split('\n'))
      if (line) out.push(`      ${line}`);
  }
  return out.join('\n');
}

/**
 * Waits for Enter (go on) or q (stop). Raw mode, so Ctrl-C arrives as a key and is a stop too:
 * the caller rolls back either way.
 */
export function waitForKey(prompt: string): Promise<'next' | 'quit'> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  return new Promise((resolve) => {
    stdin.setRawMode(true);
    stdin.resume();
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const finish = (answer: 'next' | 'quit') => {
      stdin.off('data', onData);
      for (const s of signals) process.off(s, onSignal);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write(answer === 'quit' ? 'q\n' : '\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      const key = chunk.toString();
      // Raw mode: Ctrl-C and Ctrl-D arrive as the bytes 3 and 4.
      const answer =
        key === '\r' || key === '\n' ? 'next' : ['q', 'Q', '\x03', '\x04'].includes(key) ? 'quit' : null;
      if (answer) finish(answer);
    };
    // A signal from elsewhere (kill, a closed terminal) must not leave us waiting for a key.
    const onSignal = () => finish('quit');
    stdin.on('data', onData);
    for (const s of signals) process.on(s, onSignal);
  });
}

/**
 * `up --step --trace A:B`: after each step, one ping of `check` (A → B). The first step after which
 * it is answered gets the ping traced, hop by hop; if no step does, the last one gets the trace of
 * where it still dies. Returns what to print after step `index` (nothing once it was traced).
 */
export function pathWatcher(
  plan: Plan,
  check: PlannedCheck,
  interrupt: Interrupt,
): (index: number, step: Step) => Promise<string | null> {
  let traced = false;
  return async (index, step) => {
    if (traced) return null;
    const last = index === plan.steps.length - 1;
    // before A's namespace exists there is nothing to send from
    if (check.netns !== null && !namespaceNames().includes(check.netns))
      return last ? dim(`  ${check.name}: ${check.netns} was never made`) : null;
    const p = await probe(check, 1);
    if (!p.reached && !last) return dim(`  ${check.name}: not yet (${p.detail ?? 'no answer'})`);
    traced = true;
    const t = await traceWhileBuilding(plan, check, interrupt);
    const title = p.reached
      ? `${check.name} works since step ${index + 1} (${step.title}): its ping, traced`
      : `${check.name} still fails after the last step: where its ping dies`;
    return `\n${traceText(title, t)}\n`;
  };
}
