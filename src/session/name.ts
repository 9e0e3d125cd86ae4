// A lab's name from what the user typed, without parsing its file: down and status work on
// what the kernel's marks say, even when the file is gone.
import { basename, extname } from 'node:path';
import { findLabFile } from '../lab/files.js';
import { isName } from '../lab/names.js';
import { UsageError } from './usage.js';

/** The lab a name or a path to its YAML file names. */
export const labNameOf = (nameOrPath: string): string => {
  const file = findLabFile(nameOrPath);
  const name = basename(file, extname(file));
  if (!isName(name)) {
    const rule = `lab names are lowercase letters, digits and '-'`;
    throw new UsageError(`"${nameOrPath}" does not name a lab: ${rule}`);
  }
  return name;
};
