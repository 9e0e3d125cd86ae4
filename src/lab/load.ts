// Reads a lab file into a YAML document that remembers where every value came from.
// A lab file may come from anyone: what cannot be a lab is refused with a message, never a crash.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import {
  Composer,
  CST,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import { atMost, clip, LabError, MAX_PROBLEMS, type Problem } from './problems.js';

export type PathSegment = string | number;

/**
 * What nslab reads at most: the catalogue's labs have a few KB, about 500 YAML tokens, nest 6
 * levels deep and use no alias. yaml parses about a million tokens a second.
 */
const LIMITS = { bytes: 1024 * 1024, tokens: 200_000, depth: 64, aliases: 100 } as const;

/** What is said when a limit is passed. */
const OVER = {
  tokens:
    `more than ${LIMITS.tokens} YAML tokens (names, values, punctuation, line breaks) by here: ` +
    `a lab file may have ${LIMITS.tokens} at most (the catalogue's labs have about 500)`,
  depth:
    `nested more than ${LIMITS.depth} levels deep here: a lab file may nest lists and mappings ` +
    `${LIMITS.depth} levels at most (the catalogue's labs use 6)`,
  aliases:
    `aliases expand past the limit of ${LIMITS.aliases} (yaml's maxAliasCount), as an alias bomb ` +
    'does: a lab file needs few aliases, if any; write the values out',
};

const tooLarge = (file: string, bytes: number | null): LabError =>
  new LabError([
    {
      file,
      line: 1,
      col: 1,
      message:
        `the file has ${bytes ?? `more than ${LIMITS.bytes}`} bytes: a lab file may have at most 1 MiB ` +
        `(${LIMITS.bytes} bytes); the catalogue's labs have a few KB`,
    },
  ]);

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
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw whole('is a directory, not a lab file: name a .yaml file');
    if (stat.size > LIMITS.bytes) throw tooLarge(file, stat.size); // refused unread
    bytes = readAtMost(file, LIMITS.bytes + 1);
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw whole(`cannot be read: ${(e as Error).message}`);
  }
  // A pipe or device has no size to look at first: it is read no further than the limit.
  if (bytes.length > LIMITS.bytes) throw tooLarge(file, null);
  if (!isUtf8(bytes)) throw notUtf8(file, bytes);
  return bytes.toString('utf8');
}

/** Points at the first byte that is not UTF-8: where the text decoded and encoded again differs. */
function notUtf8(file: string, bytes: Buffer): LabError {
  const again = Buffer.from(bytes.toString('utf8'));
  let i = 0;
  while (bytes[i] === again[i]) i++;
  while (i > 0 && (again[i]! & 0xc0) === 0x80) i--; // back to the first byte of its sequence
  const lineStart = bytes.subarray(0, i).lastIndexOf(0x0a) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const col = bytes.subarray(lineStart, i).toString('utf8').length + 1;
  const byte = bytes[i]!.toString(16).padStart(2, '0');
  const message =
    `byte 0x${byte} is not UTF-8: a lab file is YAML text in UTF-8 ` +
    '(is it a binary file, or saved in another encoding?)';
  return new LabError([{ file, line, col, message }]);
}

/** line:col of a place in a text not parsed yet (counted as the YAML parser's LineCounter does). */
const positionIn = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
};

function readAtMost(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(max);
    let n = 0;
    while (n < max) {
      const got = readSync(fd, buffer, n, max - n, null);
      if (got === 0) break;
      n += got;
    }
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Thrown from inside the parse where the text goes over a limit. */
class OverLimit {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * parseDocument(text), stopped where the text goes over the limits on tokens and on depth:
 * composing a document recurses, so 1 MiB of `[[[…` would exhaust the stack. The parser keeps a
 * stack of its own, looked at after each lexeme, so the deep part is neither composed nor parsed.
 */
function parseShallow(text: string, lineCounter: LineCounter): Document.Parsed | OverLimit {
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0); // as parser.parse does
    let errors = 0;
    let lexemes = 0;
    lexing: for (const lexeme of new Lexer().lex(text)) {
      if (++lexemes > LIMITS.tokens) throw new OverLimit(parser.offset, OVER.tokens);
      for (const token of parser.next(lexeme)) {
        yield token;
        // past the shown problems the rest is not parsed: 500,000 stray `]` once took minutes
        if (token.type === 'error' && ++errors > MAX_PROBLEMS) break lexing;
      }
      if (parser.stack.length <= LIMITS.depth) continue;
      const open = parser.stack.filter(CST.isCollection);
      if (open.length > LIMITS.depth) throw new OverLimit(open[LIMITS.depth]!.offset, OVER.depth);
    }
    yield* parser.end();
  }
  // yaml's own check of unique keys compares each key with every other (30,000 keys: 3 s)
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(tokens(), true, text.length)) {
      if (doc) {
        // as parseDocument says it
        const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
        break;
      }
      doc = next;
    }
  } catch (e) {
    if (e instanceof OverLimit) return e;
    throw e;
  }
  return doc!; // compose yields a document at the end at the latest
}

/**
 * Keys are names. A list, a mapping or a date as a key would only be turned into text (with a
 * warning on stderr), and a key twice in one mapping would keep only the last: keys compare as
 * in the data.
 */
function badKeys(doc: Document.Parsed, position: (node: Node) => Omit<Problem, 'message'>): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Map<string, Node>();
      for (const { key } of map.items) {
        // YAML 1.1's !!binary and dates are scalars whose values are objects too
        const object = isScalar(key) && typeof key.value === 'object' && key.value !== null;
        if (isCollection(key) || isAlias(key) || object) {
          const what = isAlias(key)
            ? `an alias (*${key.source})`
            : isMap(key)
              ? 'a mapping'
              : isSeq(key)
                ? 'a list'
                : key.value instanceof Date
                  ? 'a date'
                  : `a ${key.tag?.replace('tag:yaml.org,2002:', '!!')} value`;
          const message = `this key is ${what}: keys in a lab file are plain names`;
          problems.push({ ...position(key), message });
          continue;
        }
        if (!isScalar(key)) continue;
        const name = key.value === null ? '' : String(key.value);
        const first = seen.get(name);
        if (first)
          problems.push({
            ...position(key),
            message:
              `key "${name}" is already in this mapping ` +
              `(line ${position(first).line}): keys must be unique`,
          });
        else seen.set(name, key);
      }
    },
  });
  return problems;
}

/**
 * An alias names the last anchor before it. One with none would throw when resolved; one inside
 * the value it names would make that value contain itself, which no check can walk to its end.
 */
function badAliases(doc: Document.Parsed, position: (node: Node) => Omit<Problem, 'message'>): Problem[] {
  const anchors = new Map<string, unknown>();
  const problems: Problem[] = [];
  visit(doc, (_, node, path) => {
    if (isAlias(node)) {
      const name = node.source;
      const target = anchors.get(name);
      const message =
        target === undefined
          ? `alias *${name} names no anchor &${name} before it`
          : path.includes(target as Node)
            ? `alias *${name} is inside the value anchored &${name}, which would then contain itself ` +
              'without end: write the value out'
            : null;
      if (message) problems.push({ ...position(node), message });
    } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
  });
  return problems;
}

/** The document as plain data, its aliases resolved within the limit (yaml's maxAliasCount). */
function toData(doc: Document.Parsed, position: (node: Node) => Omit<Problem, 'message'>): unknown {
  try {
    return doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    if (!(e instanceof ReferenceError && e.message.startsWith('Excessive alias count'))) throw e;
    // yaml does not say which alias went over: point at the first, where the aliases begin.
    let first: Alias | undefined;
    visit(doc, { Alias: (_, node) => ((first = node), visit.BREAK) });
    throw new LabError([{ ...position(first!), message: OVER.aliases }]);
  }
}

export function loadSource(file: string, text = readLabText(file)): SourceDoc {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.bytes) throw tooLarge(file, bytes); // text from elsewhere than readLabText
  // YAML allows no control character but tab and line breaks (escaped in double quotes, they may).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const message =
      `control character ${code}: a lab file is YAML text, which allows none but tab and line ` +
      'breaks (is it a binary file?)';
    throw new LabError([{ file, ...positionIn(text, control.index), message }]);
  }
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const doc = parseShallow(text, lineCounter);
  if (doc instanceof OverLimit) throw new LabError([{ ...position(doc.offset), message: doc.message }]);
  const syntax = [...doc.errors, ...doc.warnings].map((e) => ({
    ...position(e.pos[0]),
    message: `${clip(e.message.split('\n')[0]!, 200)} (YAML syntax)`,
  }));
  if (syntax.length > 0) throw new LabError(atMost(syntax));
  const nodeAt = (node: Node) => position(node.range?.[0] ?? 0);
  const structure = [...badKeys(doc, nodeAt), ...badAliases(doc, nodeAt)];
  if (structure.length > 0) throw new LabError(structure);
  const data = toData(doc, nodeAt);

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
        offset =
          (isLast && key !== undefined) || !valueNode?.range
            ? (keyNode.range?.[0] ?? offset)
            : valueNode.range[0];
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
  return { file, doc, data, at };
}
