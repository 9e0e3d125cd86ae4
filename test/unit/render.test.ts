// How check results look: one row per check, one row for all the checks one line made.
import t from 'tap';
import type { CheckResult } from '../../src/check/run.js';
import { renderChecks, traceSuggestion } from '../../src/cli/render.js';

const result = (name: string, ok: boolean, group?: string): CheckResult => ({
  name,
  kind: 'ping',
  expect: 'reach',
  reached: ok,
  ok,
  rttMs: ok ? 0.1 : null,
  detail: ok ? null : 'no answer within 1 s',
  argv: ['ping', name],
  ...(group ? { group } : {}),
});

t.test('a mesh is one row; its failures are still named one by one', async (t) => {
  const mesh = Array.from({ length: 30 }, (_, i) => result(`c${i} → c${i + 1}`, i !== 7, 'ping all → all'));
  const text = renderChecks([result('c1 → br0', true), ...mesh]);
  t.match(text, /PASS\s+│ c1 → br0/);
  t.match(text, /FAIL\s+│ ping all → all \(30 checks\)\s+│ works\s+│ 29 of 30 as expected/);
  t.match(text, /✗ c7 → c8: expected it to work, but it failed \(no answer within 1 s\)/);
  t.equal(
    text.split('\n').filter((l) => l.startsWith('│') && /c\d+ → c\d+/.test(l)).length,
    0,
    'no table row per mesh member',
  );
  t.match(text, /30 of 31 checks as expected/);
});

t.test('under the table: the trace command for the first check that came out otherwise', async (t) => {
  const command = (n: number) => `sudo nslab trace lab ${n} --sandbox`;
  const listen: CheckResult = { ...result('listen 80', false), kind: 'listen' };
  const stopped: CheckResult = { ...result('c1 → c3', false), interrupted: 'SIGINT' };
  t.equal(
    traceSuggestion([result('c1 → br0', true), listen, stopped, result('c1 → c2', false)], command),
    'see where it dies: sudo nslab trace lab 4 --sandbox    # c1 → c2',
    'numbered as the plan lists its checks; a listen check sends nothing, a stopped probe proves nothing',
  );
  const leaked: CheckResult = { ...result('c1 ↛ c9', false), expect: 'fail', reached: true };
  t.match(traceSuggestion([leaked], command), /^see the way it got through: .* trace lab 1 /);
  t.equal(traceSuggestion([result('c1 → br0', true)], command), null, 'nothing when all pass');
});

t.test('a must-fail check says briefly how its failure was proved; a late answer is named', async (t) => {
  const silent: CheckResult = {
    ...result('c1 ↛ 172.30.0.99', true),
    expect: 'fail',
    reached: false,
    rttMs: null,
    detail: 'no answer within 203 ms',
    proof: 'no answer within 203 ms (10× the slowest answer, 0.05 ms; floor 200 ms)',
  };
  const refused: CheckResult = {
    ...silent,
    name: 'tcp c2 ↛ c1:80',
    detail: 'ECONNREFUSED',
    proof: 'refused (RST)',
  };
  const late: CheckResult = {
    ...silent,
    name: 'a ↛ b',
    ok: false,
    reached: true,
    detail: 'answered after 412 ms, past its 200 ms window',
  };
  const text = renderChecks([silent, refused, late]);
  t.match(text, /│ fails: no answer within 203 ms\s+│/);
  t.match(text, /│ fails: refused \(RST\)\s+│/);
  t.match(
    text,
    /✗ a ↛ b: expected it to fail, but it worked \(answered after 412 ms, past its 200 ms window\)/,
  );
  t.ok(
    text.split('\n').every((l) => l.length <= 100),
    'the table fits 100 columns',
  );
});
