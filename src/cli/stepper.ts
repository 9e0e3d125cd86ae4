// `up --step`: one step at a time, with a look at what the step changed, and a key to go on.
import { inNs, ipIn } from '../plan/netns.js';
import type { Step } from '../plan/types.js';
import { run } from '../run/exec.js';
import { commandLine } from '../plan/script.js';
import { dim } from './style.js';


/** The namespace a command acts in (null: the machine's own), read off its argv. */
function netnsOf(argv: string[]): string | null {
  if (argv[0] === 'ip' && argv[1] === '-n') return argv[2]!;
  if (argv[0] === 'ip' && argv[1] === 'netns' && (argv[2] === 'exec' || argv[2] === 'add')) return argv[3]!;
  return null;
}

/**
 * What to show after a step, so the learner sees its effect: the addresses of each namespace
 * it touched, the bridge's ports when something was plugged in, the iptables chain a rule went
 * into, the sysctl it set. Pure: derived from the step's own commands.
 */
export function stateCommands(step: Step): string[][] {
  const shows: string[][] = [];
  const add = (argv: string[]) => {
    if (!shows.some((s) => s.join(' ') === argv.join(' '))) shows.push(argv);
  };
  for (const { argv } of step.commands) {
    const ns = netnsOf(argv);
    const words = ns && argv[1] === 'netns' && argv[2] === 'exec' ? argv.slice(4) : ns ? argv.slice(3) : argv.slice(1);
    if (argv[0] === 'ip' && (words[0] === 'link' || words[0] === 'addr' || words[0] === 'netns')) add(ipIn(ns, '-br', 'addr'));
    if (argv[0] === 'ip' && words[0] === 'link' && words.includes('master')) add(ns ? ['bridge', '-n', ns, 'link'] : ['bridge', 'link']);
    if (argv[0] === 'ip' && words[0] === 'route') add(ipIn(ns, 'route'));
    const iptables = words[0] === 'iptables' ? words : argv[0] === 'iptables' ? argv : null;
    if (iptables) {
      const table = iptables[iptables.indexOf('-t') + 1] && iptables.includes('-t') ? iptables[iptables.indexOf('-t') + 1]! : 'filter';
      const chain = iptables[(iptables.findIndex((w) => w === '-A' || w === '-I')) + 1];
      if (chain) add(inNs(ns, 'iptables', '-t', table, '-S', chain));
    }
    const sysctl = words[0] === 'sysctl' ? words : argv[0] === 'sysctl' ? argv : null;
    const key = sysctl?.find((w) => w.includes('='))?.split('=')[0];
    if (key) add(inNs(ns, 'sysctl', key));
  }
  return shows;
}

/** Runs the state commands and renders them as a learner would see them typed. */
export async function showState(step: Step): Promise<string> {
  const out: string[] = [];
  for (const argv of stateCommands(step)) {
    const r = await run(argv);
    out.push(dim(`      # now: ${commandLine(argv)}`));
    for (const line of (r.exitCode === 0 ? r.stdout : r.stderr).trimEnd().split('\n')) if (line) out.push(`      ${line}`);
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
      const answer = key === '\r' || key === '\n' ? 'next' : /^[qQ\x03\x04]$/.test(key) ? 'quit' : null;
      if (answer) finish(answer);
    };
    // A signal from elsewhere (kill, a closed terminal) must not leave us waiting for a key.
    const onSignal = () => finish('quit');
    stdin.on('data', onData);
    for (const s of signals) process.on(s, onSignal);
  });
}
