// --sandbox / --sandbox-name → where a lab is built.
import { isName, type Place } from '../lab/names.js';
import { UsageError } from '../session/usage.js';

export interface PlaceOptions {
  sandbox?: boolean;
  sandboxName?: string;
  host?: boolean;
}

/** The place the flags name, or undefined when they name none (then: every place the lab is up). */
export function placeFrom(lab: string, opts: PlaceOptions): Place | undefined {
  if (opts.sandboxName !== undefined) {
    if (!isName(opts.sandboxName) || opts.sandboxName.length > 24)
      throw new UsageError(
        `--sandbox-name "${opts.sandboxName}" must be lowercase letters, digits and '-', ` +
          'starting with a letter, at most 24 characters',
      );
    return { kind: 'sandbox', name: opts.sandboxName };
  }
  if (opts.sandbox) return { kind: 'sandbox', name: lab };
  if (opts.host) return { kind: 'host' };
  return undefined;
}
