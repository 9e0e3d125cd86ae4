// How results look on a terminal: the checks table and the lab's steps.
import type { CheckResult } from '../check/run.js';
import { commandLine } from '../plan/script.js';
import type { Step } from '../plan/types.js';
import { bold, dim, green, red, table } from './style.js';

export function renderChecks(results: CheckResult[]): string {
  const short = (text: string | null) => (text && text.length > 34 ? `${text.slice(0, 33)}…` : (text ?? ''));
  const rows = results.map((r) => [
    r.ok ? green('PASS') : red('FAIL'),
    r.name,
    r.expect === 'reach' ? 'works' : 'fails',
    r.reached ? 'works' : `fails${r.detail ? `: ${short(r.detail)}` : ''}`,
    r.rttMs === null ? '-' : `${r.rttMs.toFixed(3)} ms`,
  ]);
  const lines = [table(['result', 'check', 'expected', 'got', 'time'], rows)];
  for (const r of results.filter((x) => !x.ok)) {
    lines.push(`${red('✗')} ${r.name}: expected it to ${r.expect === 'reach' ? 'work' : 'fail'}, but it ${r.reached ? 'worked' : `failed (${r.detail})`}`);
    if (r.why) lines.push(`  this check proves: ${r.why}`);
    lines.push(`  try it yourself: ${commandLine(r.argv)}`);
  }
  const passed = results.filter((r) => r.ok).length;
  lines.push(`${passed === results.length ? green('✓') : red('✗')} ${passed} of ${results.length} checks as expected`);
  return lines.join('\n');
}

export function renderStep(index: number, total: number, step: Step, withCommands: boolean): string {
  const lines = [bold(`[${index + 1}/${total}] ${step.title}`), dim(`      why:    ${step.why}`), dim(`      docker: ${step.docker}`)];
  if (withCommands) for (const c of step.commands) lines.push(`      $ ${commandLine(c.argv)}`);
  return lines.join('\n');
}
