// The words of `up --step`, pure: wrapping to the terminal, commands without nslab's ownership
// marks, the contents nslab writes into files, and what changed in a state dump since the last.
import { argvOf, commandLine, type Command } from '../plan/command.js';
import type { Progress } from '../run/errors.js';
import { t } from '../i18n/index.js';
import { cols } from '../i18n/width.js';

/** The terminal's width; 100 when stdout is no terminal (a pipe, a log). */
export const terminalWidth = (): number => process.stdout.columns || 100;

/**
 * Greedy word wrap: the first line starts with `first`, the others with `indent` (a hanging
 * indent). A word longer than a line stays whole: cutting a path or an address would change it.
 */
export function wrapWords(text: string, width: number, first: string, indent: string): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ').filter(Boolean)) {
    if (!empty && cols(line) + 1 + cols(word) > width) {
      out.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  out.push(line);
  return out;
}

/**
 * A line of a program's output (columns aligned with runs of blanks) broken only where it is too
 * long, at the last blank that fits; the rest goes on under `indent`. Spacing within stays as it was.
 */
export function wrapOutput(line: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const room = rest.lastIndexOf(' ', width);
    // the first blank after the indent and the words before it: never an empty line
    const at = room > indent.length && rest.slice(0, room).trim() ? room : rest.indexOf(' ', width);
    if (at < 0) break;
    out.push(rest.slice(0, at).trimEnd());
    rest = indent + rest.slice(at).trimStart();
    if (rest.trim() === '') break;
  }
  if (rest.trim()) out.push(rest);
  return out;
}

/**
 * A command wrapped between its words, each line but the last ending in ` \`, so what the
 * learner copies from the screen still runs in bash.
 */
export function wrapCommand(words: string[], width: number, first: string, indent: string): string[] {
  const lines = wrapWords(words.join(' '), width - 2, first, indent);
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l));
}

const isMark = (word: string | undefined) => word?.startsWith('nslab:') ?? false;

/**
 * The command as the step display shows it. Without `marks`, nslab's ownership marks are left
 * out: `ip link set dev X alias nslab:…` is not shown at all (null), and an iptables rule is
 * shown without `-m comment --comment nslab:…`. What runs is the command as it is.
 */
export function shownCommand(c: Command, marks: boolean): string[] | null {
  if (marks) return argvOf(c);
  if (c.tool === 'ip') {
    const at = c.args.indexOf('alias');
    if (at < 0 || !isMark(c.args[at + 1])) return argvOf(c);
    const rest = [...c.args.slice(0, at), ...c.args.slice(at + 2)];
    // `link set dev X` with nothing else left to set: the command only marked X
    return rest.length <= 4 && rest[0] === 'link' && rest[1] === 'set' ? null : argvOf({ ...c, args: rest });
  }
  if (c.tool === 'iptables') {
    const at = c.args.findIndex(
      (a, i) =>
        a === '-m' && c.args[i + 1] === 'comment' && c.args[i + 2] === '--comment' && isMark(c.args[i + 3]),
    );
    return at < 0 ? argvOf(c) : argvOf({ ...c, args: [...c.args.slice(0, at), ...c.args.slice(at + 4)] });
  }
  return argvOf(c);
}

/** Did hiding leave anything out of these commands? (then the step display says so once) */
export const hidesMarks = (commands: Command[]): boolean =>
  commands.some((c) => commandLine(shownCommand(c, false) ?? []) !== commandLine(argvOf(c)));

/**
 * What `tee FILE` writes, under its command: each line after a `│`, long lines wrapped with a
 * further indent. Tabs become spaces up to the next multiple of 8, as a terminal shows them.
 */
export function fileLines(content: string, width: number, indent: string): string[] {
  const gutter = `${indent}│ `;
  return content
    .replace(/\n$/, '')
    .split('\n')
    .flatMap((line) => {
      const shown = line.replace(/[^\t\n]*\t/g, (part) =>
        part.slice(0, -1).padEnd((Math.floor((part.length - 1) / 8) + 1) * 8),
      );
      return shown.length + gutter.length <= width
        ? [`${gutter}${shown}`]
        : wrapWords(shown, width, gutter, `${gutter}    `);
    });
}

/** One line of a state dump as the diff shows it. */
export interface DiffLine {
  sign: '+' | '-';
  text: string;
}

/**
 * What changed from `before` to `after`, line by line (longest common subsequence). Blanks are
 * compared collapsed: `ss` realigns its columns when a wider entry comes, which changes nothing.
 */
export function lineDiff(before: string[], after: string[]): { changed: DiffLine[]; same: number } {
  const key = (l: string) => l.trim().replace(/\s+/g, ' ');
  const a = before.map(key);
  const b = after.map(key);
  // common[i][j]: the longest common subsequence of a[i..] and b[j..]
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i]![j] =
        a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const changed: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      changed.push({ sign: '-', text: before[i++]! });
    } else {
      changed.push({ sign: '+', text: after[j++]! });
    }
  }
  return { changed, same: common[0]![0]! };
}

/** The first `NAME@ifN` in these lines: a veth end, and the peer's ifindex in the other namespace. */
export function firstPeerRef(lines: string[]): { name: string; index: number } | null {
  for (const l of lines) {
    const m = /(?:^|\s)([^\s@:]+)@if(\d+)\b/.exec(l);
    if (m) return { name: m[1]!, index: Number(m[2]) };
  }
  return null;
}

/** Where an interruption stopped `up`, in step numbers as the steps were shown: [1/10] is step 1. */
export function stoppedAt(p: Progress): string {
  const named = (r: { index: number; title: string }) =>
    t('step {n} ({title})', { n: r.index + 1, title: r.title });
  const done = p.finished
    ? p.finished.index === 0
      ? t('step 1 had finished')
      : t('steps 1–{n} had finished', { n: p.finished.index + 1 })
    : t('no step had finished');
  if (p.cutShort)
    return t('interrupted during {step}, which was cut short; {done}', { step: named(p.cutShort), done });
  if (!p.finished)
    return p.next
      ? t('interrupted before {step}', { step: named(p.next) })
      : t('interrupted before the first step');
  return p.next
    ? t('interrupted after {step} had finished; {next} had not started', {
        step: named(p.finished),
        next: named(p.next),
      })
    : t('interrupted after {step} had finished', { step: named(p.finished) });
}
