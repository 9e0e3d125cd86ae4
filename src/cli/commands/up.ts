// up: preflight, build, check, leave it up — or roll back everything on failure or Ctrl-C.
import { t } from '../../i18n/index.js';
import { runChecks, type CheckResult } from '../../check/run.js';
import { ascii } from '../../graph/draw.js';
import { fromLab } from '../../graph/topology.js';
import { labArg } from '../../lab/files.js';
import { loadLab } from '../../lab/index.js';
import { placeLabel, type Place } from '../../lab/names.js';
import { asHost, cannotBeHost } from '../../lab/project.js';
import type { Lab } from '../../lab/types.js';
import { containerNamespaces, lanPorts } from '../../plan/compile.js';
import { commandLine } from '../../plan/command.js';
import type { Plan, Step } from '../../plan/types.js';
import { apply, type Interrupt } from '../../run/apply.js';
import type { CommandResult } from '../../run/exec.js';
import { EnvError } from '../../run/errors.js';
import { interfaceWith, requireRoot } from '../../run/preflight.js';
import { writeState } from '../../run/state.js';
import { prepare } from '../../session/prepare.js';
import { lockPlace } from '../../run/lock.js';
import { placeFlag, traceCommand } from '../../session/exercise.js';
import { catchSignals, rollBack } from '../../session/signals.js';
import { chosen, fromTo } from '../../session/trace.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { renderChecks, renderStep, traceSuggestion } from '../render.js';
import { bold, dim, yellow } from '../style.js';
import { pathWatcher, stateViewer, waitForKey } from '../stepper.js';
import { firstPath, pathTeacher } from '../step-path.js';
import { hidesMarks, terminalWidth, wrapWords } from '../step-text.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export interface UpOptions extends PlaceOptions {
  quiet?: boolean;
  check?: boolean;
  step?: boolean;
  as?: string;
  /** with --step: `A:B`, a ping traced after the step that makes it work */
  trace?: string;
  /** show nslab's ownership marks in the steps' commands (hidden otherwise; they run either way) */
  marks?: boolean;
}

/**
 * `--as HOST`: this machine builds HOST's part of a multi-host lab, with VXLAN out of the
 * interface that has HOST's machine address (the Vagrantfile's private network).
 */
async function partFor(
  lab: Lab,
  place: Place,
  as: string | undefined,
): Promise<{ lab: Lab; underlay?: string }> {
  if (as === undefined) return { lab };
  if (place.kind !== 'host')
    throw new UsageError(
      '--as builds one host’s part on this machine; a sandbox builds every host by itself (leave --as out)',
    );
  const why = cannotBeHost(lab, as);
  if (why) throw new UsageError(why);
  const machine = lab.hosts.find((h) => h.name === as)!.machine!;
  const underlay = await interfaceWith(machine);
  if (!underlay)
    throw new EnvError(
      `no interface here has ${machine}, the machine ${lab.name} says plays ${as}`,
      `run it on that machine (vagrant ssh ${as === lab.hosts[0]!.name ? 'lab' : 'lab2'}), or give this machine that address on the LAN between the hosts`,
    );
  return { lab: asHost(lab, as), underlay };
}

export async function up(out: Output, name: string, opts: UpOptions): Promise<number> {
  const whole = loadLab(name);
  const place = placeFrom(whole.name, opts) ?? { kind: 'host' as const };
  const { lab, underlay } = await partFor(whole, place, opts.as);
  if (opts.step && (out.json || !process.stdin.isTTY || !process.stdout.isTTY))
    throw new UsageError(
      `--step waits for a key after each step, so it needs a terminal${out.json ? ' and cannot go with --json' : ' (stdin and stdout are not both one)'}; to read the steps without running them: nslab plan ${lab.name}`,
    );
  if (opts.trace !== undefined && !opts.step)
    throw new UsageError(
      `--trace goes with --step (it traces after the step that makes the ping work); once the lab is up: sudo nslab trace ${lab.name} --from A --to B`,
    );
  const ends = opts.trace === undefined ? null : fromTo(opts.trace, '--trace');
  // One writer per place, from preflight on: a second `up` waits or is refused, never builds beside.
  requireRoot('up'); // before the lock, whose file is root's
  const lock = await lockPlace(lab.name, place, 'up');
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt);
  try {
    const { plan, target } = await prepare(lab, place, 'up', underlay);
    const width = terminalWidth();
    out.line(
      wrapWords(`nslab up ${lab.name} (${placeLabel(place)}): ${lab.title}`, width, '', '  ')
        .map((l) => bold(l))
        .join('\n'),
    );
    if (target.kind === 'host' && target.facts.forwardDrop)
      out.line(
        yellow(
          t(
            'note: FORWARD policy is DROP and br_netfilter is on (Docker does this): nslab adds an ACCEPT rule per bridge, marked and removed on down',
          ),
        ),
      );
    const watch = ends ? pathWatcher(plan, chosen(lab, plan, ends), interrupt) : null;
    const view = { commands: !opts.quiet, marks: opts.marks === true, width };
    if (view.commands && !view.marks && plan.steps.some((s) => hidesMarks(s.commands)))
      out.line(
        dim(
          wrapWords(
            t(
              'nslab’s ownership marks (`alias nslab:…` on its interfaces, `-m comment --comment nslab:…` on its rules) are left out below; they run all the same (--marks shows them)',
            ),
            width,
            '',
            '',
          ).join('\n'),
        ),
      );
    const viewState = opts.step ? stateViewer(plan, width) : null;
    const path = opts.step ? firstPath(lab, plan) : null;
    const teach = path ? pathTeacher(path, width) : null;
    const commands: CommandResult[] = [];
    const started = performance.now();
    const state = await apply(
      plan,
      lab.file,
      {
        onStep: (i, step) => out.line(renderStep(i, plan.steps.length, step, view)),
        onCommand: (r) => commands.push(r),
        ...(opts.step
          ? {
              afterStep: async (i: number, step: Step) => {
                const shown = viewState ? await viewState(i, step) : '';
                if (shown) out.line(shown);
                const learned = teach ? await teach(i) : null;
                if (learned) out.line(learned);
                const traced = watch ? await watch(i, step) : null;
                if (traced) out.line(traced);
                const last = i === plan.steps.length - 1;
                const key = await waitForKey(
                  dim(
                    `  ── ${last ? t('Enter: run the checks') : t('Enter: step {number} of {count}', { number: i + 2, count: plan.steps.length })}${t(', q: stop and remove everything')} ── `,
                  ),
                );
                if (key === 'quit') interrupt.signal ??= 'SIGINT';
              },
            }
          : {}),
      },
      interrupt,
    );
    const buildMs = performance.now() - started;
    if (opts.as) writeState({ ...state, as: opts.as });
    out.line(
      '\n' +
        t('built in {ms} ms: {steps} steps, {commands} commands', {
          ms: Math.round(buildMs),
          steps: plan.steps.length,
          commands: commands.length,
        }) +
        '\n',
    );

    const results =
      plan.checks.length > 0 && opts.check !== false
        ? await runChecks(plan.checks, containerNamespaces(plan), lanPorts(lab, plan), interrupt)
        : [];
    // A signal in the checks: their results are no verdict, and what was built goes.
    if (interrupt.signal) {
      await rollBack(plan.lab, plan.place);
      return exitForSignal(interrupt.signal);
    }
    const ok = results.every((r) => r.ok);
    out.data({
      ok,
      lab: lab.name,
      target: placeLabel(place),
      buildMs,
      maxRssKb: process.resourceUsage().maxRSS,
      commands,
      checks: results,
    });
    if (results.length > 0) out.line(renderChecks(results));
    const suggest = traceSuggestion(results, (n) => traceCommand(lab, n, placeFlag(lab, place)));
    if (suggest) out.line(suggest);
    out.line(`\n${ascii(fromLab(lab, plan))}`);
    out.line(tryNext(plan, lab, results));
    // A signal while the results were printed still means: remove it all (exit 128+signal).
    if (interrupt.signal) {
      await rollBack(plan.lab, plan.place);
      return exitForSignal(interrupt.signal);
    }
    return ok ? EXIT.ok : EXIT.checkFailed;
  } finally {
    release();
    lock.release();
  }
}

function tryNext(plan: Plan, lab: Lab, results: CheckResult[]): string {
  const [c1, c2] = lab.containers.filter((c) => c.endpoints.length > 0);
  const ns = (c: string) => plan.containerNs[c]!;
  const hostNs = Object.values(plan.hosts)[0] ?? null;
  const bridge = lab.networks[0]?.name ?? 'br0';
  const flag = placeFlag(lab, plan.place);
  const arg = labArg(lab.name, lab.file);
  const lines = [
    `\n${bold(t('The lab is up.'))} ${results.some((r) => !r.ok) ? t('Some checks failed: the table says which. ') : ''}${t('Try this next:')}`,
  ];
  // `docker exec` for a container: its namespace, its /etc files, its environment
  const exec = (c: string, ...argv: string[]) => `sudo nslab exec ${arg} ${c}${flag} -- ${commandLine(argv)}`;
  if (c1 && c2)
    lines.push(`  ${exec(c1.name, 'ping', '-c1', c2.endpoints[0]!.address)}    # ${c1.name} → ${c2.name}`);
  const linker = lab.containers.find((c) => Object.keys(c.env).length > 0);
  const alias = linker && Object.keys(linker.env).find((k) => k.endsWith('_NAME'));
  if (linker && alias)
    lines.push(
      `  ${exec(linker.name, 'env')} | grep ${alias.slice(0, -'_NAME'.length)}    # ${t("what --link put in {name}'s environment", { name: linker.name })}`,
    );
  if (c1)
    lines.push(
      `  sudo ${commandLine(['ip', '-n', ns(c1.name), 'addr'])}; sudo ip -n ${ns(c1.name)} route    # ${t('what {name} sees', { name: c1.name })}`,
    );
  lines.push(
    `  sudo ${commandLine(hostNs ? ['bridge', '-n', hostNs, 'link'] : ['bridge', 'link', 'show', 'master', bridge])}    # ${t('the ports of {bridge}', { bridge })}`,
  );
  // tcpdump on c1's eth0 while the ping above runs in a second terminal: the packets themselves
  if (c1)
    lines.push(
      `  sudo nslab capture ${arg} ${c1.name} icmp${flag}    # ${t("{name}'s packets, while a ping runs in another terminal", { name: c1.name })}`,
    );
  lines.push(`  sudo nslab verify ${arg}${flag}    # ${t('run the checks again')}`);
  lines.push(
    `  sudo nslab graph ${arg} --live${flag}    # ${t('the picture above, as the kernel has it now')}`,
  );
  lines.push(`  sudo nslab down ${arg}${flag}      # ${t('remove it all')}`);
  return lines.join('\n');
}
