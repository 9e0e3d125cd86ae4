// `up --step`: one step at a time, with a look at what the step changed, and a key to go on;
// with --trace A:B, a ping from A to B after each step, traced once the step that makes it work has run.
import { probe } from '../check/run.js';
import { changesOf, commandLine, inNs, ipIn, type Change } from '../plan/command.js';
import type { Plan, PlannedCheck, Step } from '../plan/types.js';
import type { Interrupt } from '../run/apply.js';
import { run } from '../run/exec.js';
import { namespaceNames } from '../run/inventory.js';
import { traceWhileBuilding } from '../session/trace.js';
import { firstPeerRef, lineDiff, wrapOutput, wrapWords } from './step-text.js';
import { dim, green, red } from './style.js';
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
function stateCommands(step: Step): { argv: string[]; ns: string | null }[] {
  const shows = step.commands.flatMap(changesOf).map((c) => ({ argv: showing(c), ns: c.ns }));
  const line = (s: { argv: string[] }) => s.argv.join(' ');
  return shows.filter((s, i) => shows.findIndex((x) => line(x) === line(s)) === i);
}

/** Interface `name` in `ns`: its ifindex and kind (veth, macvlan, …), or null when it is not there. */
async function linkNamed(ns: string | null, name: string): Promise<{ index: number; kind: string } | null> {
  const r = await run(ipIn(ns, '-j', '-d', 'link', 'show', 'dev', name));
  try {
    const [link] = JSON.parse(r.stdout) as { ifindex: number; linkinfo?: { info_kind?: string } }[];
    return link ? { index: link.ifindex, kind: link.linkinfo?.info_kind ?? '' } : null;
  } catch {
    return null;
  }
}

/**
 * `eth0@if4`, explained once. For a veth, the other end, found in the plan's other namespaces as
 * the interface numbered 4 whose own `@ifN` points back at this one; for a macvlan or ipvlan
 * moved into a namespace, its parent.
 */
async function peerNote(plan: Plan, ns: string | null, name: string, index: number): Promise<string> {
  const own = await linkNamed(ns, name);
  if (own && own.kind !== 'veth')
    return (
      `${name}@if${index}: ${name} is a ${own.kind} device made on another interface, its parent, and @if${index} ` +
      `names that parent by its ifindex (interface number) in the namespace it is in, not this one.`
    );
  const others = [...plan.namespaces, ...(Object.values(plan.hosts).includes(null) ? [null] : [])].filter(
    (n) => n !== ns,
  );
  let found: string | null = null;
  for (const other of own === null ? [] : others) {
    const r = await run(ipIn(other, '-o', 'link', 'show'));
    const m = new RegExp(`^${index}: ([^\\s@:]+)@if${own!.index}:`, 'm').exec(r.stdout);
    if (m) {
      found = `${m[1]} in ${other ?? 'the machine’s own namespace'}`;
      break;
    }
  }
  return (
    `${name}@if${index}: ${name} is one end of a veth pair, and @if${index} names the other end by its ` +
    `ifindex (interface number) in the other namespace${found ? `, here ${found}` : ''}. ` +
    `Interfaces are numbered per namespace: look it up there, not here. Inside a Docker container eth0 shows the same way.`
  );
}

/**
 * After each step, what it changed: each state command's output, the whole of it the first time,
 * afterwards only the lines that differ from what it showed last (+ new, - gone). The first
 * `NAME@ifN` shown gets explained.
 */
export function stateViewer(plan: Plan, width: number): (index: number, step: Step) => Promise<string> {
  const last = new Map<string, { lines: string[]; step: number }>();
  let peerExplained = false;
  return async (index, step) => {
    const out: string[] = [];
    for (const { argv, ns } of stateCommands(step)) {
      const r = await run(argv);
      const lines = (r.exitCode === 0 ? r.stdout : r.stderr).trimEnd().split('\n').filter(Boolean);
      const key = commandLine(argv);
      const before = last.get(key);
      last.set(key, { lines, step: index });
      let shown = lines;
      if (!before) {
        out.push(...wrapOutput(`      # now: ${key}`, width, ' '.repeat(10)).map((l) => dim(l)));
        out.push(...lines.flatMap((l) => wrapOutput(`      ${l}`, width, ' '.repeat(10))));
      } else {
        const d = lineDiff(before.lines, lines);
        if (d.changed.length === 0) {
          out.push(
            ...wrapOutput(
              `      # now: ${key}    (as after step ${before.step + 1})`,
              width,
              ' '.repeat(10),
            ).map((l) => dim(l)),
          );
          continue;
        }
        // only the lines that differ: + new, - gone (the rest is as the dump of that step showed it)
        const head = `      # now: ${key}    (changed since step ${before.step + 1})`;
        out.push(...wrapOutput(head, width, ' '.repeat(10)).map((l) => dim(l)));
        out.push(
          ...d.changed.flatMap((c) =>
            wrapOutput(`    ${c.sign} ${c.text}`, width, ' '.repeat(10)).map((l) =>
              (c.sign === '+' ? green : red)(l),
            ),
          ),
        );
        shown = d.changed.filter((c) => c.sign === '+').map((c) => c.text);
      }
      const ref = peerExplained ? null : firstPeerRef(shown);
      if (ref) {
        peerExplained = true;
        out.push(
          ...wrapWords(await peerNote(plan, ns, ref.name, ref.index), width, '      ↳ ', '        ').map(
            (l) => dim(l),
          ),
        );
      }
    }
    return out.join('\n');
  };
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
