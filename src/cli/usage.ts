// A mistake in how nslab was called (exit 2), as opposed to a lab file's problem.
export class UsageError extends Error {
  override name = 'UsageError';
}
