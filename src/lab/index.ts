// load → check shape → resolve: a lab file becomes a Lab, or a LabError with every problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { findLabFile, labsDir } from './files.js';
import { parse } from 'yaml';
import { pick, type Text } from '../i18n/index.js';
import { loadSource, readLabText } from './load.js';
import { isName, MAX_LAB_NAME } from './names.js';
import { atMost, LabError } from './problems.js';
import { resolve } from './resolve.js';
import { checkShape } from './schema.js';
import type { Lab } from './types.js';

export function loadLab(nameOrPath: string): Lab {
  const file = findLabFile(nameOrPath);
  const name = basename(file, extname(file));
  if (!existsSync(file)) {
    const known = listLabs().map((l) => l.name);
    throw new LabError([
      {
        file,
        line: 0,
        col: 0,
        message:
          'no such lab file: ' +
          `${/[/.]/.test(nameOrPath) ? 'check the path' : `known labs are ${known.join(', ')}`}`,
      },
    ]);
  }
  return labFromText(file, readLabText(file), name);
}

/** The pure part of loading: text in, Lab or every problem out. */
export function labFromText(file: string, text: string, name = basename(file, extname(file))): Lab {
  if (!isName(name) || name.length > MAX_LAB_NAME)
    throw new LabError([
      {
        file,
        line: 1,
        col: 1,
        message:
          `the file name "${name}" names the lab and must be lowercase letters, digits and '-', ` +
          `starting with a letter, at most ${MAX_LAB_NAME} characters: rename the file`,
      },
    ]);
  const src = loadSource(file, text);
  const shape = checkShape(src);
  if (shape.length > 0) throw new LabError(shape);
  const { lab, problems } = resolve(src, name);
  if (problems.length > 0) throw new LabError(atMost(problems));
  return lab;
}

export interface CatalogueEntry {
  name: string;
  title: string;
  file: string;
  exercises: number;
}

/** labs/*.yaml with their titles, read cheaply (no validation: `list` must work even if one is broken). */
export function listLabs(): CatalogueEntry[] {
  return readdirSync(labsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = join(labsDir, f);
      let title: string;
      let exercises = 0;
      try {
        const doc = parse(readFileSync(file, 'utf8')) as { title?: unknown; exercises?: unknown } | null;
        title =
          typeof doc?.title === 'object' && doc.title ? pick(doc.title as Text) : String(doc?.title ?? '');
        exercises = Array.isArray(doc?.exercises) ? doc.exercises.length : 0;
      } catch {
        title = '(does not parse: run nslab validate)';
      }
      return { name: basename(f, '.yaml'), title, file, exercises };
    });
}
