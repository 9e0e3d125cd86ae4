// How results look on a terminal: the checks table and the lab's steps.
import type { CheckResult } from '../check/run.js';
import { commandLine, shellQuote } from '../plan/command.js';
import type { Step } from '../plan/types.js';
import { t } from '../i18n/index.js';
import { fileLines, shownCommand, wrapCommand, wrapWords } from './step-text.js';
import { bold, dim, green, red, table, yellow } from './style.js';

export function renderChecks(results: CheckResult[]): string {
  const short = (text: string | null) => (text && text.length > 34 ? `${text.slice(0, 33)}…` : (text ?? ''));
  // A long proof without its reasons: "no answer within 203 ms (10× …)" → "no answer within 203 ms".
  const brief = (r: CheckResult) =>
    r.proof ? (r.proof.length > 34 ? r.proof.replace(/ \(.*$/, '') : r.proof) : r.detail;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows: string[][] = [];
  const shown = new Set<string>();
  for (const r of results) {
    if (!r.group) {
      rows.push([
        r.interrupted ? yellow(t('INTERRUPTED')) : r.ok ? green(t('PASS')) : red(t('FAIL')),
        r.name,
        r.expect === 'reach' ? t('works') : t('fails'),
        r.interrupted
          ? t('no verdict: {signal}', { signal: r.interrupted })
          : r.via
            ? r.reached
              ? t('works ({via})', { via: r.via })
              : t('fails ({via})', { via: r.via })
            : r.reached
              ? t('works')
              : brief(r)
                ? t('fails: {detail}', { detail: short(brief(r)) })
                : t('fails'),
        r.rttMs === null ? '-' : `${r.rttMs.toFixed(3)} ms`,
      ]);
      continue;
    }
    // One line of the lab made these (from: all): one row for them all.
    if (shown.has(r.group)) continue;
    shown.add(r.group);
    const members = results.filter((x) => x.group === r.group);
    const good = members.filter((x) => x.ok).length;
    const rtt = median(members.flatMap((x) => (x.rttMs === null ? [] : [x.rttMs])));
    rows.push([
      good === members.length ? green(t('PASS')) : red(t('FAIL')),
      t('{group} ({count} checks)', { group: r.group, count: members.length }),
      r.expect === 'reach' ? t('works') : t('fails'),
      t('{good} of {count} as expected', { good, count: members.length }),
      rtt === undefined ? '-' : t('{ms} ms median', { ms: rtt.toFixed(3) }),
    ]);
  }
  const lines = [table([t('result'), t('check'), t('expected'), t('got'), t('time')], rows)];
  const failures = results.filter((x) => !x.ok);
  if (failures.length > 20) lines.push(t('{count} checks failed; the first 20:', { count: failures.length }));
  for (const r of failures.slice(0, 20)) {
    if (r.interrupted) {
      lines.push(
        `${yellow('…')} ` +
          t('{name}: the probe did not finish ({signal}): no verdict', {
            name: r.name,
            signal: r.interrupted,
          }),
      );
      continue;
    }
    const vars = { name: r.name, detail: String(r.reached ? r.detail : (r.proof ?? r.detail)) };
    lines.push(
      `${red('✗')} ` +
        (r.expect === 'reach'
          ? r.reached
            ? t('{name}: expected it to work, but it worked', vars)
            : t('{name}: expected it to work, but it failed ({detail})', vars)
          : r.reached
            ? r.detail
              ? t('{name}: expected it to fail, but it worked ({detail})', vars)
              : t('{name}: expected it to fail, but it worked', vars)
            : t('{name}: expected it to fail, but it failed ({detail})', vars)),
    );
    if (r.why) lines.push(`  ${t('this check proves: {why}', { why: r.why })}`);
    lines.push(`  ${t('try it yourself: {command}', { command: commandLine(r.argv) })}`);
  }
  const passed = results.filter((r) => r.ok).length;
  lines.push(
    `${passed === results.length ? green('✓') : red('✗')} ` +
      t('{passed} of {count} checks as expected', { passed, count: results.length }),
  );
  return lines.join('\n');
}

/**
 * Under a table of checks: the trace command for the first check that came out otherwise than
 * expected and sends something (a listen check binds a port: nothing to follow). `command`
 * makes the command for a check's number, 1-based, in the order of the results (the plan's).
 */
export function traceSuggestion(results: CheckResult[], command: (n: number) => string): string | null {
  const i = results.findIndex((r) => !r.ok && !r.interrupted && r.kind !== 'listen');
  if (i < 0) return null;
  const r = results[i]!;
  const what = r.expect === 'reach' ? t('see where it dies') : t('see the way it got through');
  return `${what}: ${command(i + 1)}    # ${r.name}`;
}

export interface StepView {
  /** print the step's commands (not with --quiet) */
  commands: boolean;
  /** show nslab's ownership marks (`up --marks`) */
  marks: boolean;
  /** the terminal's columns */
  width: number;
}

/**
 * A step as the learner reads it: title, why and what Docker does, wrapped at words with a
 * hanging indent; then the commands (wrapped with `\` so they paste), and under a `tee` the
 * contents it writes.
 */
export function renderStep(index: number, total: number, step: Step, view: StepView): string {
  const w = view.width;
  const lines = [
    ...wrapWords(`[${index + 1}/${total}] ${step.title}`, w, '', '      ').map((l) => bold(l)),
    ...wrapWords(step.why, w, '      why:    ', ' '.repeat(14)).map((l) => dim(l)),
    ...wrapWords(step.docker, w, '      docker: ', ' '.repeat(14)).map((l) => dim(l)),
  ];
  if (!view.commands) return lines.join('\n');
  for (const c of step.commands) {
    const argv = shownCommand(c, view.marks);
    if (!argv) continue;
    lines.push(...wrapCommand(argv.map(shellQuote), w, '      $ ', '          '));
    if (c.tool === 'file' && c.content !== undefined) lines.push(...fileLines(c.content, w, '        '));
  }
  return lines.join('\n');
}
