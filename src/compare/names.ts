// The names compare gives what it builds with Docker, kept apart so `down` can look for a kept
// copy without loading the Docker code.
import { readdirSync } from 'node:fs';

/** Docker's container name for a lab's container, and the name its namespace is attached as. */
export const dockerName = (lab: string, container: string): string => `nslab-dk-${lab}-${container}`;

/** Is a copy that `compare --keep` left up (its namespace names are there)? Cheap: no Docker call. */
export const dockerSideKept = (lab: string): boolean => {
  try {
    return readdirSync('/run/netns').some((n) => n.startsWith(dockerName(lab, '')));
  } catch {
    return false;
  }
};
