// compare's text output: the summary first, then one table that fits the terminal (at most 100
// columns), a finding shared by several containers on one line, each explanation under its row.
import type { Row, Verdict } from '../compare/diff.js';
import { groupRows, onlyMatches, summarise, type Only, type Shown } from '../compare/group.js';
import { dim, green, red, yellow } from './style.js';

const LABEL: Record<Verdict, string> = {
  same: 'same',
  docker: 'Docker’s choice',
  lab: 'lab’s choice',
  skipped: 'not run',
  differs: 'DIFFERS',
};
const COLOUR: Record<Verdict, (s: string) => string> = {
  same: green,
  docker: yellow,
  lab: yellow,
  skipped: dim,
  differs: red,
};

/** Greedy word wrap; a word longer than the width is cut (rule text, long names). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) out.push(line);
        line = '';
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** The width to draw for: the terminal's, at most 100, at least 60. */
export const widthFor = (columns: number | undefined): number => Math.max(60, Math.min(columns || 100, 100));

function drawTable(shown: Shown[], width: number): string[] {
  const verdict = 15;
  const rest = width - 13 - verdict; // 5 borders and 2 spaces of padding per column
  const property = Math.floor(rest * 0.34);
  const hand = Math.floor((rest - property) / 2);
  const docker = rest - property - hand;
  const widths = [property, hand, docker, verdict];
  const span = width - 4; // one cell across the row: 2 borders, 2 spaces
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const line = (cells: string[][], colour?: (s: string) => string) => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, i) =>
        `│ ${cells
          .map((c, j) => {
            const text = (c[i] ?? '').padEnd(widths[j]!);
            return j === 3 && colour ? colour(text) : text;
          })
          .join(' │ ')} │`,
    );
  };
  const out = [
    rule('┌', '┬', '┐'),
    ...line(['property', 'hand-built', 'Docker', 'same?'].map((h, j) => wrap(h, widths[j]!))),
    rule('├', '┼', '┤'),
  ];
  for (const s of shown) {
    out.push(
      ...line(
        [s.property, s.hand, s.docker, LABEL[s.verdict]].map((t, j) => wrap(t, widths[j]!)),
        COLOUR[s.verdict],
      ),
    );
    // The explanation runs across the whole row, under it: the cells stay short.
    if (s.why)
      for (const [i, w] of wrap(s.why, span - 4).entries())
        out.push(`│ ${dim(`${i ? '    ' : '  ↳ '}${w}`.padEnd(span))} │`);
  }
  out.push(rule('└', '┴', '┘'));
  return out;
}

/** Summary, then the table (only the rows --only keeps). */
export function renderCompare(rows: Row[], opts: { width?: number; only?: Only } = {}): string {
  const width = opts.width ?? widthFor(process.stdout.columns);
  const { counts, differing } = summarise(rows);
  const all = groupRows(rows);
  const shown = all.filter((s) => onlyMatches(opts.only, s.verdict));
  const out = wrap(
    `${rows.length} properties compared (${all.length} lines below): ${counts.same} same, ` +
      `${counts.docker} Docker’s choice, ${counts.lab} the lab’s choice, ` +
      `${counts.skipped} not run on Docker’s side, ${counts.differs} differ`,
    width,
  );
  if (differing.length > 0) {
    out.push(red('differs:'));
    // one line each: the table below has the whole of it
    for (const d of differing) out.push(`  • ${d.length > width - 4 ? `${d.slice(0, width - 5)}…` : d}`);
  }
  if (opts.only) out.push(`showing ${shown.length} of ${all.length} lines (--only ${opts.only})`);
  if (shown.length > 0) out.push(...drawTable(shown, width));
  return out.join('\n');
}
