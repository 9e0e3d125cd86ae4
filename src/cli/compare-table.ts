// compare's text output: the summary first, then one table that fits the terminal (at most 100
// columns), a finding shared by several containers on one line, each explanation under its row
// (once). By default the rows that say
// something come first and those that only agree are named in a few lines under the table.
import type { Row, Verdict } from '../compare/diff.js';
import {
  byVerdict,
  groupRows,
  onlyMatches,
  plainSame,
  sameList,
  summarise,
  type Group,
  type Only,
  type Shown,
} from '../compare/group.js';
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

/** The width to draw for: the terminal's (else $COLUMNS, as a pager or script sets it), 60 to 100. */
export const widthFor = (columns: number | undefined): number =>
  Math.max(60, Math.min(columns || Number(process.env.COLUMNS) || 100, 100));

function drawTable(shown: Shown[], width: number): string[] {
  const verdict = 15;
  const rest = width - 13 - verdict; // 5 borders and 2 spaces of padding per column
  // Each column as wide as its longest cell needs, within bounds: short values leave the room to
  // the property's name and fewer rows wrap.
  const longest = (cell: (s: Shown) => string, header: string) =>
    Math.max(header.length, ...shown.map((s) => cell(s).length));
  const property = Math.max(
    Math.floor(rest * 0.25),
    Math.min(
      longest((s) => s.property, 'property'),
      Math.floor(rest * 0.45),
    ),
  );
  const [h, d] = [longest((s) => s.hand, 'hand-built'), longest((s) => s.docker, 'Docker')];
  const values = rest - property;
  const hand =
    h + d <= values
      ? h + Math.floor((values - h - d) / 2)
      : Math.max(
          Math.floor(values * 0.3),
          Math.min(Math.round((values * h) / (h + d)), Math.ceil(values * 0.7)),
        );
  const docker = values - hand;
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
  const explained = new Set<string>();
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
    // The explanation runs across the whole row, under it: the cells stay short. Said once: a
    // later row with the same explanation (the host end's txqueuelen after eth0's) goes without.
    if (s.why && !explained.has(s.why)) {
      explained.add(s.why);
      for (const [i, w] of wrap(s.why, span - 4).entries())
        out.push(`│ ${dim(`${i ? '    ' : '  ↳ '}${w}`.padEnd(span))} │`);
    }
  }
  out.push(rule('└', '┴', '┘'));
  return out;
}

/**
 * Summary, then the table (only the rows --only keeps). `--group verdict` (the default) puts the
 * differences first, then Docker's and the lab's choices, and names the rows that only agree
 * under the table; `section` keeps the order measured; `none` merges no containers' rows.
 */
export function renderCompare(
  rows: Row[],
  opts: { width?: number; only?: Only; group?: Group } = {},
): string {
  const width = opts.width ?? widthFor(process.stdout.columns);
  const group = opts.group ?? 'verdict';
  const { counts, differing } = summarise(rows);
  const all = groupRows(rows, group !== 'none');
  const kept = all.filter((s) => onlyMatches(opts.only, s.verdict));
  // without --only, the default names what only agrees instead of drawing it
  const listed = group === 'verdict' && !opts.only ? kept.filter(plainSame) : [];
  const shown = group === 'verdict' ? byVerdict(kept.filter((s) => !listed.includes(s))) : kept;
  const out = wrap(
    `${rows.length} properties compared: ${counts.same} same, ` +
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
  if (listed.length > 0) {
    out.push(
      ...wrap(`Also the same on both sides: ${sameList(listed).join('; ')}.`, width),
      dim(
        wrap(
          'their values: --only same; every row in the order measured: --group section; all: --json',
          width,
        ).join('\n'),
      ),
    );
  }
  return out.join('\n');
}
