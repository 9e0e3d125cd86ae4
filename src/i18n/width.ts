// How wide a text is on a terminal: Hangul (and other East Asian wide letters) take two columns,
// so a Korean cell padded by its .length would push the table's border out. Latin text, arrows
// and dashes take one, as .length says.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** The columns `text` takes (no colour codes in it). */
export const cols = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);

/** `text` padded with blanks to `width` columns, as padEnd does by characters. */
export const padCols = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - cols(text)));

/** The longest start of `text` that fits in `width` columns (at least one character). */
export function fitCols(text: string, width: number): string {
  let n = 0;
  let used = 0;
  for (const ch of text) {
    used += cols(ch);
    if (used > width && n > 0) break;
    n += ch.length;
  }
  return text.slice(0, n);
}
