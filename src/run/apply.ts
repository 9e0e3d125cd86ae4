// Runs a plan, command by command. Every command that succeeds adds its undo to the state file;
// when one fails, or the user interrupts, everything done so far is removed before returning.
import type { Plan, Step } from '../plan/types.js';
import { CommandError, run, startBackground, type CommandResult } from './exec.js';
import { writeState, type LabState } from './state.js';
import { teardown, type TeardownReport } from './teardown.js';

export interface ApplyHooks {
  onStep?(index: number, step: Step): void;
  onCommand?(result: CommandResult): void;
}

/** Set by a SIGINT/SIGTERM handler; apply stops before the next command. */
export interface Interrupt { signal: NodeJS.Signals | null }

export class ApplyError extends Error {
  constructor(
    readonly reason: { failed: CommandResult } | { interrupted: NodeJS.Signals },
    readonly step: { index: number; title: string },
    readonly rollback: TeardownReport,
  ) {
    super('failed' in reason ? new CommandError(reason.failed).message : `interrupted by ${reason.interrupted}`);
    this.name = 'ApplyError';
  }
}

/** Test hook: NSLAB_FAIL_AT=K makes the K-th command of `up` fail, to prove rollback. */
const failAt = Number(process.env.NSLAB_FAIL_AT ?? 0);

export async function apply(plan: Plan, file: string, hooks: ApplyHooks, interrupt: Interrupt): Promise<LabState> {
  const state: LabState = { lab: plan.lab, file, place: plan.place, mark: plan.mark, undo: [], complete: false };
  writeState(state);
  let count = 0;
  for (const [index, step] of plan.steps.entries()) {
    hooks.onStep?.(index, step);
    for (const command of step.commands) {
      count += 1;
      const stop = async (reason: ConstructorParameters<typeof ApplyError>[0]) => {
        writeState(state);
        throw new ApplyError(reason, { index, title: step.title }, await teardown(plan.lab, plan.place));
      };
      if (interrupt.signal) await stop({ interrupted: interrupt.signal });
      const result = count === failAt
        ? { argv: command.argv, exitCode: 1, stdout: '', stderr: `injected failure (NSLAB_FAIL_AT=${failAt})`, durationMs: 0 }
        : command.background
          ? await startBackground(command.argv)
          : await run(command.argv, { detached: true, ...(command.input !== undefined ? { input: command.input } : {}) });
      hooks.onCommand?.(result);
      if (result.exitCode !== 0) await stop({ failed: result });
      if (command.undo) state.undo.push(command.undo);
    }
    writeState(state);
  }
  state.complete = true;
  writeState(state);
  return state;
}
