// Runs a plan. Every command that succeeds adds its undo to the state file; when one fails, or
// the user interrupts, everything done so far is removed before returning. `ip` commands are
// batched per namespace as schedule.ts explains, consecutive iptables rules go into one
// iptables-restore (rules.ts); what happens is what `plan` prints.
import {
  argvOf,
  batchLine,
  inNs,
  inputOf,
  restoreLine,
  type FileCommand,
  type IptablesCommand,
} from '../plan/command.js';
import type { Plan, Step } from '../plan/types.js';
import { fileCommands, runTiers } from './batch.js';
import { ApplyError } from './errors.js';
import { run, runLean, startBackground, type CommandResult } from './exec.js';
import { runRules, sameGroup, type RuleKey } from './rules.js';
import { IpQueues, type Indexed } from './schedule.js';
import { writeState, type LabState } from './state.js';
import { teardown } from './teardown.js';

export interface ApplyHooks {
  onStep?(index: number, step: Step): void;
  onCommand?(result: CommandResult): void;
  /** Called once a step's commands have all run (the step-through waits here for a key). */
  afterStep?(index: number, step: Step): Promise<void>;
}

/** Set by a SIGINT/SIGTERM handler; apply stops before the next command or batch. */
export interface Interrupt {
  signal: NodeJS.Signals | null;
}

const chainExists = async (c: IptablesCommand): Promise<boolean> =>
  (await runLean(inNs(c.ns, 'iptables', '-t', c.table ?? 'filter', '-n', '-L', c.chain))).exitCode === 0;

/** Test hook: NSLAB_FAIL_AT=K makes the K-th command of the plan fail, to prove rollback. */
const failAt = Number(process.env.NSLAB_FAIL_AT ?? 0);

export async function apply(
  plan: Plan,
  file: string,
  hooks: ApplyHooks,
  interrupt: Interrupt,
): Promise<LabState> {
  const state: LabState = {
    lab: plan.lab,
    file,
    place: plan.place,
    mark: plan.mark,
    undo: [],
    complete: false,
  };
  writeState(state);
  const dockerHosts = new Set(Object.values(plan.hosts).filter((n): n is string => n !== null));
  const stepOf = new Map<number, number>();
  const queues = new IpQueues();

  const succeeded = (c: Indexed, r: CommandResult) => {
    hooks.onCommand?.(r);
    if (c.command.undo) state.undo.push(c.command.undo);
  };
  const ref = (i: number) =>
    i >= 0 && i < plan.steps.length ? { index: i, title: plan.steps[i]!.title } : null;
  /**
   * Stops in step `s`: `ran` says whether any of its commands ran (or began: the one that failed
   * or was killed), so it was cut short; otherwise every step before it finished and it is next.
   */
  const stop = async (reason: ConstructorParameters<typeof ApplyError>[0], s: number, ran: boolean) => {
    // Files still being written (flush below) are waited for and counted before the rollback.
    for (const { at, result } of await taken()) if (result.exitCode === 0) succeeded(at, result);
    writeState(state);
    const progress = { finished: ref(s - 1), cutShort: ran ? ref(s) : null, next: ref(ran ? s + 1 : s) };
    const at = progress.cutShort ?? progress.next ?? progress.finished!;
    throw new ApplyError(reason, at, await teardown(plan.lab, plan.place), progress);
  };
  let writing: ReturnType<typeof fileCommands> = Promise.resolve([]);
  const taken = () => {
    const w = writing;
    writing = Promise.resolve([]);
    return w;
  };
  const fail = (at: Indexed, result: CommandResult) => {
    hooks.onCommand?.(result);
    // Ctrl-C reaches the whole process group: a command it cut short failed because of it.
    return stop(
      interrupt.signal ? { interrupted: interrupt.signal } : { failed: result },
      stepOf.get(at.index) ?? 0,
      true,
    );
  };
  /**
   * Write-ahead: the undo of what is about to run goes into the state file first. A kill -9
   * between `ip netns add` and the command that marks the namespace (or between a link and its
   * alias) would otherwise leave an object that neither the state file nor a mark names. The
   * lock and preflight prove no one else made these names, so `down` may remove them. Normal
   * rollback writes the state again first, with only what succeeded.
   */
  const writeAhead = (about: Indexed[]) => {
    const undo = about.flatMap((c) => (c.command.undo ? [c.command.undo] : []));
    if (undo.length > 0) writeState({ ...state, undo: [...state.undo, ...undo] });
  };
  const batched = (c: Indexed) =>
    succeeded(c, { argv: argvOf(c.command), exitCode: 0, stdout: '', stderr: '', durationMs: 0 });
  /** Runs the queued ip commands, tier by tier; the first failure (in plan order) stops everything. */
  const flushIp = async () => {
    writeAhead(queues.queued);
    for await (const outcomes of runTiers(queues, dockerHosts)) {
      for (const o of outcomes) for (const c of o.done) batched(c);
      const failed = outcomes
        .flatMap((o) => (o.failed ? [o.failed] : []))
        .sort((a, b) => a.at.index - b.at.index)[0];
      if (failed) await fail(failed.at, failed.result);
    }
  };
  // Rules wait in one group (one namespace, one table) while the commands keep coming.
  let rules: Indexed[] = [];
  let rulesKey: RuleKey | null = null;
  const flushRules = async () => {
    if (rules.length === 0) return;
    const group = rules;
    rules = [];
    rulesKey = null;
    writeAhead(group);
    const o = await runRules(group);
    o.done.forEach(batched);
    if (o.failed) await fail(o.failed.at, o.failed.result);
  };
  // File commands (nslab writes them itself) wait too, in plan order, so that their write-ahead
  // is one state write per flush and not one per file: a rack of 1000 has 3000 of them, and
  // each write is the whole undo list, which grows as they go (seconds, quadratically). They are
  // written while the ip batches run: nothing those batches or rules do reads these files (a
  // program, run after a flush, may). A failure waits for both, so nothing is still being made
  // while the rollback removes.
  let files: Indexed[] = [];
  const flush = async () => {
    await flushRules();
    const group = files as (Indexed & { command: FileCommand })[];
    files = [];
    if (group.length > 0) writeAhead(group);
    writing = fileCommands(group);
    await flushIp();
    for (const { at, result } of await taken()) {
      if (result.exitCode !== 0) await fail(at, result);
      succeeded(at, result);
    }
  };

  let index = 0;
  for (const [s, step] of plan.steps.entries()) {
    hooks.onStep?.(s, step);
    for (const command of step.commands) {
      const c: Indexed = { index: ++index, command };
      stepOf.set(c.index, s);
      if (interrupt.signal) {
        await flush();
        await stop({ interrupted: interrupt.signal }, s, command !== step.commands[0]);
      }
      if (c.index === failAt) {
        await flush();
        const stderr = `injected failure (NSLAB_FAIL_AT=${failAt})`;
        await fail(c, { argv: argvOf(command), exitCode: 1, stdout: '', stderr, durationMs: 0 });
      }
      const ip = batchLine(command);
      if (ip) {
        await flushRules();
        queues.add(ip.ns, c);
        continue;
      }
      const rule = restoreLine(command);
      if (rule) {
        await flushIp();
        if (rulesKey && !sameGroup(rulesKey, rule)) await flushRules();
        rulesKey = rule;
        rules.push(c);
        continue;
      }
      if (command.tool === 'file') {
        files.push(c);
        continue;
      }
      // Any other program may depend on what the queued commands make: run them first.
      await flush();
      writeAhead([c]);
      // On the machine a chain another lab made is shared (docker-rules.ts): created only when
      // missing, as Docker's NewChain does (`iptables -t TABLE -n -L CHAIN` first). A namespace
      // of nslab's is new: nothing there to find.
      if (
        command.tool === 'iptables' &&
        command.op === '-N' &&
        command.ns === null &&
        (await chainExists(command))
      ) {
        succeeded(c, { argv: argvOf(command), exitCode: 0, stdout: '', stderr: '', durationMs: 0 });
        continue;
      }
      const input = inputOf(command);
      const r =
        command.tool === 'server'
          ? await startBackground(argvOf(command))
          : await run(argvOf(command), { detached: true, ...(input !== undefined ? { input } : {}) });
      if (r.exitCode !== 0) await fail(c, r);
      succeeded(c, r);
    }
    if (hooks.afterStep) {
      await flush();
      writeState(state);
      await hooks.afterStep(s, step);
      // step s has finished: what is stopped is the step after it
      if (interrupt.signal) await stop({ interrupted: interrupt.signal }, s + 1, false);
    }
  }
  await flush();
  state.complete = true;
  writeState(state);
  return state;
}
