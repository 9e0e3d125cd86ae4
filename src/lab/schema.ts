// Checks a lab's shape against labs/lab.schema.json — the same file editors use — and words
// ajv's errors for a learner, each pointed at its place in the file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { atMost, clip, MAX_PROBLEMS, type Problem } from './problems.js';
import type { PathSegment, SourceDoc } from './load.js';

const schemaPath = fileURLToPath(new URL('../../labs/lab.schema.json', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The schema's validator, made on first use (down and status never need it). The build leaves
 * it compiled next to this module (dist/cli/lab-validator.cjs, see scripts/build.mjs); that one
 * is used while it was made from this very schema. Otherwise, from src/ or after an edit of the
 * schema, ajv compiles it here: the same options, so the same errors.
 */
let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const text = readFileSync(schemaPath, 'utf8');
  try {
    const built = require('./lab-validator.cjs') as ValidateFunction & { schemaHash?: string };
    if (built.schemaHash === createHash('sha256').update(text).digest('hex')) return (compiled = built);
  } catch {
    // not built
  }
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  return (compiled = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(
    JSON.parse(text) as object,
  ));
}

const pathOf = (pointer: string): PathSegment[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const where = (path: readonly PathSegment[]): string =>
  path.length === 0
    ? 'the top level'
    : path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${clip(s, 40)}` : clip(s, 40))).join('');

function describe(e: ErrorObject): { path: PathSegment[]; key?: string; message: string } {
  const path = pathOf(e.instancePath);
  const hint = (e.parentSchema as { description?: string } | undefined)?.description;
  const value = () => clip(JSON.stringify(e.data) ?? String(e.data)); // cut short: it may be a megabyte
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      // Point at the key that owns the incomplete mapping ("br0:"), not at its first child.
      const owner = path.at(-1);
      return typeof owner === 'string'
        ? { path: path.slice(0, -1), key: owner, message: `${where(path)} needs "${missing}": add it` }
        : { path, message: `${where(path)} needs "${missing}": add it` };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {}).join(', ');
      const message = `unknown key "${clip(extra, 40)}" in ${where(path)}: expected one of ${known}`;
      return { path, key: extra, message };
    }
    case 'propertyNames':
      return { path, key: (e.params as { propertyName: string }).propertyName, message: '' };
    case 'pattern':
    case 'maxLength':
    case 'minLength':
      return { path, message: `${where(path)}: ${value()} is not valid: expected ${hint ?? e.message}` };
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.join(', ');
      return { path, message: `${where(path)}: ${value()} is not allowed: expected one of ${allowed}` };
    }
    case 'type': {
      if (e.schemaPath.startsWith('#/definitions/text/'))
        return { path, message: `${where(path)} must be a text: a string, or en: and ko: beneath it` };
      // several types (an endpoint: object or null) come as a list, or as "object,null"
      const types = String((e.params as { type: string | string[] }).type)
        .split(',')
        .join(' or ');
      return { path, message: `${where(path)} must be ${types}${hint ? ` (${hint})` : ''}` };
    }
    case 'minProperties':
      return { path, message: `${where(path)} must not be empty` };
    default:
      return { path, message: `${where(path)} ${e.message ?? 'is invalid'}` };
  }
}

export function checkShape(src: SourceDoc): Problem[] {
  const validate = validator();
  if (validate(src.data)) return [];
  const errors = validate.errors ?? [];
  // A bad key: ajv reports the name's inner error at the map's path with propertyName set, then
  // a propertyNames error for the map.
  const badNames = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
  const problems: Problem[] = [];
  const seen = new Set<string>(); // the same problem twice (from two branches of the schema) is said once
  for (const e of errors) {
    if (problems.length > MAX_PROBLEMS) break; // one more than shown is enough for atMost to say so
    if (e.keyword === 'propertyNames') continue; // its inner error says what is wrong
    if (e.keyword === 'if') continue; // a text that is not a string: its else branch says what is wrong
    const d = describe(e);
    const name = badNames.has(e.instancePath) ? e.propertyName : undefined;
    const hint = (e.parentSchema as { description?: string }).description ?? e.message;
    const at = name === undefined ? src.at(d.path, d.key) : src.at(d.path, name);
    const p = {
      ...at,
      message:
        name === undefined
          ? d.message
          : `"${clip(name, 40)}" is not a valid name in ${where(d.path)}: use ${hint}`,
    };
    const k = `${p.line}:${p.col}:${p.message}`;
    if (!seen.has(k)) problems.push(p);
    seen.add(k);
  }
  return atMost(problems);
}
