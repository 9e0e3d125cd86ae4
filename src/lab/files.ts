// Where lab files are: no parsing here, so verbs that only need a lab's name (down, status)
// start without yaml and ajv.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const labsDir = fileURLToPath(new URL('../../labs/', import.meta.url));

/** A lab is named by its file in labs/ ("bridge-basic") or by a path to any YAML file. */
export function findLabFile(nameOrPath: string): string {
  if (/[/.]/.test(nameOrPath)) return resolve(nameOrPath);
  return join(labsDir, `${nameOrPath}.yaml`);
}
