// Terminal styling that obeys NO_COLOR and stays plain when output is not a terminal.
import { createRequire } from 'node:module';
// cli-table3 is required when a table is drawn, not when a verb that draws none starts.
const require = createRequire(import.meta.url);

const colour = (stream: NodeJS.WriteStream) =>
  Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const wrap = (code: string) => (text: string) =>
  colour(process.stdout) ? `\x1b[${code}m${text}\x1b[0m` : text;

export const bold = wrap('1');
export const dim = wrap('2');
export const green = wrap('32');
export const red = wrap('31');
export const yellow = wrap('33');

/** A bordered table; with widths, long cells wrap so it fits an 80-column terminal. */
export function table(head: string[], rows: string[][], widths?: number[]): string {
  const Table = require('cli-table3') as typeof import('cli-table3');
  const t = new Table({
    head,
    style: { head: [], border: [], compact: true },
    ...(widths ? { colWidths: widths, wordWrap: true } : {}),
  });
  t.push(...rows);
  return t.toString();
}
