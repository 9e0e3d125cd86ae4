// A mistake in how nslab was called (exit 2), as opposed to a lab file's problem. It lives below
// the CLI because the session layer raises it too (a lab up in several places, say which).
export class UsageError extends Error {
  override name = 'UsageError';
}
