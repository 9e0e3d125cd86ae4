// compare's text output: the summary first, then one table that fits the terminal (at most 100
// columns), a finding shared by several containers on one line, each explanation under its row
// (once). By default the rows that say something come first, under a heading per verdict, and
// those that only agree are named in a few lines under the table.
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
import { bold, dim, green, red, yellow } from './style.js';
import { t } from '../i18n/index.js';
import { cols, fitCols, padCols } from '../i18n/width.js';

/** Each verdict's word in the table (made when drawn: the language is set after the modules load). */
const label = (v: Verdict): string =>
  ({
    same: t('same'),
    docker: t('Docker’s choice'),
    lab: t('lab’s choice'),
    skipped: t('not run'),
    differs: t('DIFFERS'),
  })[v];
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
      while (cols(word) > width) {
        if (line) out.push(line);
        line = '';
        const head = fitCols(word, width);
        out.push(head);
        word = word.slice(head.length);
      }
      if (!line) line = word;
      else if (cols(line) + 1 + cols(word) <= width) line += ` ${word}`;
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

/**
 * The widths of property, hand-built and Docker within `room` that draw the fewest lines: each
 * column at least its longest word (so no MAC or address is cut) and at most its longest cell;
 * the room left over goes to the Docker column (its rules are the longest text).
 */
function columns(shown: Shown[], room: number): number[] {
  const rows = [headers().slice(0, 3), ...shown.map((s) => [s.property, s.hand, s.docker])];
  const longest = (j: number, f: (cell: string) => number) => Math.max(...rows.map((r) => f(r[j]!)));
  // a word longer than a quarter of the room is cut rather than starve the other columns
  const least = [0, 1, 2].map((j) =>
    Math.min(
      longest(j, (c) => Math.max(...c.split(/\s+/).map(cols))),
      Math.floor(room / 4),
    ),
  );
  const most = [0, 1, 2].map((j) => Math.max(least[j]!, longest(j, cols)));
  const height = (j: number, w: number) => rows.map((r) => wrap(r[j]!, w).length);
  let best = { lines: Infinity, widths: [least[0]!, least[1]!, room - least[0]! - least[1]!] };
  for (let p = least[0]!; p <= most[0]! && p + least[1]! + least[2]! <= room; p++) {
    const ph = height(0, p);
    for (let h = least[1]!; h <= most[1]! && p + h + least[2]! <= room; h++) {
      const hh = height(1, h);
      const dh = height(2, room - p - h);
      const lines = ph.reduce((a, x, i) => a + Math.max(x, hh[i]!, dh[i]!), 0);
      if (lines < best.lines) best = { lines, widths: [p, h, room - p - h] };
    }
  }
  return best.widths;
}

/** The table's column headings. */
const headers = () => [t('property'), t('hand-built'), 'Docker', t('same?')];

/** What each verdict means, as the heading of its rows when the table is drawn by verdict. */
const heading = (v: Verdict): string =>
  ({
    differs: t('DIFFERS — the lab means to build this as Docker does, and does not'),
    docker: t('Docker’s choice — Docker’s own way (names, MACs, its chains); the lab need not copy it'),
    lab: t('the lab’s choice — the lab does it otherwise, on purpose'),
    skipped: t('not run — on Docker’s side'),
    same: t('the same on both sides'),
  })[v];

/**
 * The table. `byVerdict`: the rows come sorted by verdict and each verdict is a heading over its
 * rows, so the cells get the verdict column's room; otherwise each row says its verdict.
 */
function drawTable(shown: Shown[], width: number, byVerdict: boolean): string[] {
  const verdict = 15;
  // 2 borders and 2 spaces of padding a column, plus 1 for the last border
  const widths = byVerdict ? columns(shown, width - 10) : [...columns(shown, width - 13 - verdict), verdict];
  const span = width - 4; // one cell across the row: 2 borders, 2 spaces
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const line = (cells: string[][], colour?: (s: string) => string) => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, i) =>
        `│ ${cells
          .map((c, j) => {
            const text = padCols(c[i] ?? '', widths[j]!);
            return j === 3 && colour ? colour(text) : text;
          })
          .join(' │ ')} │`,
    );
  };
  const across = (text: string, style: (s: string) => string) =>
    wrap(text, span).map((w) => `│ ${style(padCols(w, span))} │`);
  const explained = new Set<string>();
  const heads = headers().slice(0, widths.length);
  const out = [rule('┌', '┬', '┐'), ...line(heads.map((h, j) => wrap(h, widths[j]!))), rule('├', '┼', '┤')];
  let under: Verdict | null = null;
  for (const s of shown) {
    if (byVerdict && s.verdict !== under) {
      under = s.verdict;
      out.push(...across(heading(s.verdict), (text) => bold(COLOUR[s.verdict](text))));
    }
    const cells = [s.property, s.hand, s.docker, ...(byVerdict ? [] : [label(s.verdict)])];
    out.push(
      ...line(
        cells.map((text, j) => wrap(text, widths[j]!)),
        COLOUR[s.verdict],
      ),
    );
    // The explanation runs across the whole row, under it: the cells stay short. Said once: a
    // later row with the same explanation (the host end's txqueuelen after eth0's) goes without.
    if (s.why && !explained.has(s.why)) {
      explained.add(s.why);
      for (const [i, w] of wrap(s.why, span - 4).entries())
        out.push(`│ ${dim(padCols(`${i ? '    ' : '  ↳ '}${w}`, span))} │`);
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
    t(
      '{rows} properties compared: {same} same, {docker} Docker’s choice, {lab} the lab’s choice, {skipped} not run, {differs} differ',
      { rows: rows.length, ...counts },
    ),
    width,
  );
  if (differing.length > 0) {
    out.push(red(t('differs:')));
    // one line each: the table below has the whole of it
    for (const d of differing) out.push(`  • ${cols(d) > width - 4 ? `${fitCols(d, width - 5)}…` : d}`);
  }
  if (opts.only)
    out.push(
      t('showing {n} of {all} lines (--only {only})', { n: shown.length, all: all.length, only: opts.only }),
    );
  if (shown.length > 0) out.push(...drawTable(shown, width, group === 'verdict'));
  if (listed.length > 0)
    out.push(
      ...wrap(
        t(
          'Also the same on both sides: {list} (their values: --only same; every row in the order measured: --group section).',
          { list: sameList(listed).join('; ') },
        ),
        width,
      ),
    );
  return out.join('\n');
}
