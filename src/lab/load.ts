// Reads a lab file into a YAML document that remembers where every value came from.
// A lab file may come from anyone: what cannot be a lab is refused with a message, never a crash.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { LabError, type Problem } from './problems.js';

export type PathSegment = string | number;

export interface SourceDoc {
  file: string;
  doc: Document.Parsed;
  data: unknown;
  /** file:line:col for a value (or, with `key`, for that key of a mapping) */
  at(path: readonly PathSegment[], key?: string): Omit<Problem, 'message'>;
}

/** The text of a lab file; a directory or an unreadable file is a problem with the file as a whole. */
export function readLabText(file: string): string {
  const whole = (message: string) => new LabError([{ file, line: 0, col: 0, message }]);
  try {
    if (statSync(file).isDirectory()) throw whole('is a directory, not a lab file: name a .yaml file');
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw whole(`cannot be read: ${(e as Error).message}`);
  }
}

export function loadSource(file: string, text = readFileSync(file, 'utf8')): SourceDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const syntax = [...doc.errors, ...doc.warnings].map((e) => ({
    ...position(e.pos[0]),
    message: `${e.message.split('\n')[0]} (YAML syntax)`,
  }));
  if (syntax.length > 0) throw new LabError(syntax);

  const at = (path: readonly PathSegment[], key?: string) => {
    // Walk down as far as the document goes; point at the deepest node found.
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    const steps = key === undefined ? path : [...path, key];
    for (const [i, segment] of steps.entries()) {
      const isLast = i === steps.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
        if (!pair) break;
        const keyNode = pair.key as Node;
        // For a key asked for by name, point at the key itself; otherwise at its value.
        const valueNode = pair.value as Node | null;
        offset = (isLast && key !== undefined) || !valueNode?.range ? (keyNode.range?.[0] ?? offset) : valueNode.range[0];
        node = valueNode;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return position(offset);
  };
  return { file, doc, data: doc.toJS(), at };
}
