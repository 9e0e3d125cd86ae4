// Failures that are the machine's, not the lab file's (exit code 3), kept apart from the code
// that raises them so the CLI can tell them apart without loading it.
import { commandLine } from '../plan/command.js';
import type { CommandResult } from './exec.js';
import type { TeardownReport } from './teardown.js';

export class EnvError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EnvError';
  }
}

/** A command that had to succeed and did not; the message names it and what it said. */
export class CommandError extends Error {
  constructor(readonly result: CommandResult) {
    super(
      `\`${commandLine(result.argv)}\` failed (exit ${result.exitCode})` +
        `${result.stderr ? `: ${result.stderr.trim()}` : ''}`,
    );
    this.name = 'CommandError';
  }
}

interface StepRef {
  index: number;
  title: string;
}

/**
 * How far `up` got: the last step whose commands all ran, the step stopped in the middle of (some
 * of its commands ran, or the one that failed or was killed), and the step that would have come next.
 */
export interface Progress {
  finished: StepRef | null;
  cutShort: StepRef | null;
  next: StepRef | null;
}

/** `up` stopped (a failed command, or a signal) and rolled back what it had built. */
export class ApplyError extends Error {
  constructor(
    readonly reason: { failed: CommandResult } | { interrupted: NodeJS.Signals },
    /** the step it stopped in: the failed command's, the one cut short, else the one that came next */
    readonly step: StepRef,
    readonly rollback: TeardownReport,
    readonly progress: Progress,
  ) {
    super(
      'failed' in reason ? new CommandError(reason.failed).message : `interrupted by ${reason.interrupted}`,
    );
    this.name = 'ApplyError';
  }
}
