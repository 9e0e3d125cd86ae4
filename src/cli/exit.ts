// Exit codes, one meaning each (documented in the README and in --help).
export const EXIT = {
  ok: 0,
  /** a check did not come out as the lab expects */
  checkFailed: 1,
  /** bad input: a lab file, a name, a flag */
  badInput: 2,
  /** the machine: not root, a missing tool, a clash, a command that failed */
  environment: 3,
  /** stopped by Ctrl-C (128 + SIGINT) */
  interrupted: 130,
} as const;
