// A plan's command as typed data: what it does is in its fields (the tool, the namespace it acts
// in, the table and chain of a rule, the link it makes, the file it writes), and this module is
// the one place that renders it as the argv a learner types, an `ip -batch` line or an
// `iptables-restore` line. Nothing else reads an argv back to learn what a command does.
import { fileURLToPath } from 'node:url';

/**
 * The programs nslab starts in the background (plain JavaScript: each starts in ~40 ms): the
 * containers' servers, Docker's userland proxy, Docker's embedded DNS server.
 */
type Program = 'server' | 'docker-proxy' | 'resolver';
// Resolved from the repository, so they are found from src/ and from the compiled dist/ alike.
const scriptOf = (program: Program): string =>
  fileURLToPath(new URL(`../../src/serve/${program}.js`, import.meta.url));
export const serverScript = scriptOf('server');

interface Base {
  /** the namespace it acts in; null is the machine's own */
  ns: string | null;
  /** what removes what this command created (run newest first on rollback and down) */
  undo?: Command;
  /** names that faults and readers find it by, in the lab's words: `lo-up:c1`, `plug:ve-c2` */
  tags?: string[];
}

/**
 * `ip [-n NS] ARGS…`; `makes` names a link it creates (its kind: what the kernel must support),
 * and for a veth the other end and the namespace it is created in.
 */
export interface IpCommand extends Base {
  tool: 'ip';
  args: string[];
  makes?: { link: string; type: string; parent?: string; peer?: { link: string; ns: string } };
}
/** `ip netns add|del NAME`, run in the machine's own namespace. */
export interface NetnsCommand extends Base {
  tool: 'netns';
  ns: null;
  op: 'add' | 'del';
  name: string;
}
/** `bridge [-n NS] ARGS…` */
export interface BridgeCommand extends Base {
  tool: 'bridge';
  args: string[];
}
/**
 * `iptables [-t TABLE] OP CHAIN ARGS…`: a rule appended, inserted on top or deleted; a policy
 * (-P, no table); a chain created (-N, when missing: see apply) or removed (-X, once empty).
 */
export interface IptablesCommand extends Base {
  tool: 'iptables';
  table?: string;
  op: '-A' | '-I' | '-D' | '-P' | '-N' | '-X';
  chain: string;
  args: string[];
}
/** `sysctl -qw KEY=VALUE` */
export interface SysctlCommand extends Base {
  tool: 'sysctl';
  key: string;
  value: string;
}
/** `mkdir -p PATH`, `tee PATH` with its content, `rm -rf PATH`: nslab does these itself. */
export interface FileCommand extends Base {
  tool: 'file';
  ns: null;
  op: 'mkdir' | 'write' | 'rm';
  path: string;
  content?: string;
}
/**
 * A program of src/serve started in the background, `node SCRIPT ARGS… MARK`: ready once it prints
 * a line; found by teardown through its last argument, the mark.
 */
export interface ServerCommand extends Base {
  tool: 'server';
  program: Program;
  args: string[];
  mark: string;
}

export type Command =
  IpCommand | NetnsCommand | BridgeCommand | IptablesCommand | SysctlCommand | FileCommand | ServerCommand;

// Constructors: how the plan's builders and the faults make commands.
export const ip = (ns: string | null, ...args: string[]): IpCommand => ({ tool: 'ip', ns, args });
export const netns = (op: 'add' | 'del', name: string): NetnsCommand => ({
  tool: 'netns',
  ns: null,
  op,
  name,
});
export const bridge = (ns: string | null, ...args: string[]): BridgeCommand => ({ tool: 'bridge', ns, args });
export const sysctl = (ns: string | null, key: string, value: string): SysctlCommand => ({
  tool: 'sysctl',
  ns,
  key,
  value,
});
export const file = (op: FileCommand['op'], path: string, content?: string): FileCommand => ({
  tool: 'file',
  ns: null,
  op,
  path,
  ...(content === undefined ? {} : { content }),
});
export const undoing = <C extends Command>(c: C, undo: Command): C => ({ ...c, undo });
export const tagged = <C extends Command>(c: C, ...tags: string[]): C => ({
  ...c,
  tags: [...(c.tags ?? []), ...tags],
});
export const hasTag = (c: Command, tag: string): boolean => c.tags?.includes(tag) ?? false;

// A command aimed at a namespace: `ip -n NS …` for ip itself, `ip netns exec NS …` for any
// other program. null is the machine's own namespace, where the command runs as it is.
export const ipIn = (ns: string | null, ...args: string[]): string[] =>
  ns ? ['ip', '-n', ns, ...args] : ['ip', ...args];
export const inNs = (ns: string | null, ...argv: string[]): string[] =>
  ns ? ['ip', 'netns', 'exec', ns, ...argv] : argv;

/** The command as a learner types it. */
export function argvOf(c: Command): string[] {
  switch (c.tool) {
    case 'ip':
      return ipIn(c.ns, ...c.args);
    case 'netns':
      return ['ip', 'netns', c.op, c.name];
    case 'bridge':
      return c.ns ? ['bridge', '-n', c.ns, ...c.args] : ['bridge', ...c.args];
    case 'iptables':
      return inNs(c.ns, 'iptables', ...(c.table ? ['-t', c.table] : []), c.op, c.chain, ...c.args);
    case 'sysctl':
      return inNs(c.ns, 'sysctl', '-qw', `${c.key}=${c.value}`);
    case 'file':
      return c.op === 'mkdir'
        ? ['mkdir', '-p', c.path]
        : c.op === 'write'
          ? ['tee', c.path]
          : ['rm', '-rf', c.path];
    case 'server':
      return inNs(c.ns, 'node', scriptOf(c.program), ...c.args, c.mark);
  }
}

/** The program a command needs on the machine (null: nslab does it itself). */
export const programOf = (c: Command): string | null =>
  c.tool === 'file' ? null : c.tool === 'server' ? 'node' : c.tool === 'netns' ? 'ip' : c.tool;

/** What is written to the command's stdin (a file's content, for `tee FILE`). */
export const inputOf = (c: Command): string | undefined => (c.tool === 'file' ? c.content : undefined);

/**
 * Words a batch line (ip -batch, iptables-restore) carries as they are: it splits on blanks and
 * knows quotes and comments.
 */
export const plainWords = (words: readonly string[]): boolean =>
  words.every((a) => a !== '' && !/[\s"'\\#]/.test(a));

/** The command as an `ip -batch` line of its namespace, or null when it cannot be one. */
export function batchLine(c: Command): { ns: string | null; line: string } | null {
  if (c.tool === 'netns') return { ns: null, line: `netns ${c.op} ${c.name}` };
  if (c.tool !== 'ip' || !plainWords(c.args) || c.args[0]?.startsWith('-')) return null;
  return { ns: c.ns, line: c.args.join(' ') };
}

/** A rule as an `iptables-restore` line of its table (`-A CHAIN …`), or null when it cannot be one. */
export function restoreLine(c: Command): { ns: string | null; table: string; line: string } | null {
  if (c.tool !== 'iptables' || !c.table || (c.op !== '-A' && c.op !== '-I')) return null;
  const words = [c.op, c.chain, ...c.args];
  return plainWords(words) ? { ns: c.ns, table: c.table, line: words.join(' ') } : null;
}

/** Quotes an argument for bash only when it needs it, so the script reads like typed commands. */
export const shellQuote = (arg: string): string =>
  /^[A-Za-z0-9_./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

export const commandLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

/** What a command changes, as `up --step` shows it afterwards. */
export type Change =
  | { kind: 'addresses' | 'ports' | 'routes'; ns: string | null }
  | { kind: 'chain'; ns: string | null; table: string; chain: string }
  | { kind: 'sysctl'; ns: string | null; key: string }
  | { kind: 'sockets'; ns: string | null };

export function changesOf(c: Command): Change[] {
  switch (c.tool) {
    case 'ip': {
      const object = c.args[0];
      const changes: Change[] = [];
      if (object === 'link' || object === 'addr') changes.push({ kind: 'addresses', ns: c.ns });
      if (object === 'link' && c.args.includes('master')) changes.push({ kind: 'ports', ns: c.ns });
      if (object === 'route') changes.push({ kind: 'routes', ns: c.ns });
      return changes;
    }
    case 'iptables':
      return [{ kind: 'chain', ns: c.ns, table: c.table ?? 'filter', chain: c.chain }];
    case 'sysctl':
      return [{ kind: 'sysctl', ns: c.ns, key: c.key }];
    case 'server':
      return [{ kind: 'sockets', ns: c.ns }];
    default:
      return [];
  }
}

/**
 * A command for `plan --json`: its fields, and the argv (with stdin, and whether it stays in the
 * background) it renders to.
 */
export function commandDocument(c: Command): Record<string, unknown> {
  const input = inputOf(c);
  return {
    argv: argvOf(c),
    ...(input === undefined ? {} : { input }),
    ...(c.tool === 'server' ? { background: true } : {}),
    ...c,
    ...(c.undo ? { undo: commandDocument(c.undo) } : {}),
  };
}
