// Failures that are the machine's, not the lab file's: exit code 3, with what to do.
export class EnvError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'EnvError';
  }
}
