// Where lab files are: no parsing here, so verbs that only need a lab's name (down, status)
// start without yaml and ajv.
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const labsDir = fileURLToPath(new URL('../../labs/', import.meta.url));

/**
 * How a printed command names a lab so that it works when pasted: its name when it is in labs/,
 * else the path of its file (relative to where nslab runs).
 */
export const labArg = (name: string, file: string): string =>
  resolve(file) === join(labsDir, `${name}.yaml`) ? name : relative(process.cwd(), file) || file;

/** A lab is named by its file in labs/ ("bridge-basic") or by a path to any YAML file. */
export function findLabFile(nameOrPath: string): string {
  if (/[/.]/.test(nameOrPath)) return resolve(nameOrPath);
  return join(labsDir, `${nameOrPath}.yaml`);
}
