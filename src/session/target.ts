// A place → the target the compiler builds for: on the host, what the machine is like now.
import type { Place } from '../lab/names.js';
import type { Target } from '../plan/types.js';
import { hostFacts } from '../run/preflight.js';

export async function targetFor(place: Place): Promise<{ target: Target; note?: string }> {
  if (place.kind === 'sandbox') return { target: { kind: 'sandbox', name: place.name } };
  const { note, ...facts } = await hostFacts();
  return { target: { kind: 'host', facts }, ...(note ? { note } : {}) };
}
