// The must-fail window (pure) and when held probes are stopped (real timers, fake probes).
import t from 'tap';
import { Hold, mustFailWindow, WINDOW_FLOOR_MS } from '../../src/check/window.js';

t.test('10× the slowest must-work answer, between the floor and the old timeout', async (t) => {
  t.same(mustFailWindow([0.05, 0.08], 1000), {
    ms: WINDOW_FLOOR_MS,
    why: `10× the slowest answer, 0.08 ms; floor ${WINDOW_FLOOR_MS} ms`,
  });
  t.same(mustFailWindow([35, 12], 1000), { ms: 350, why: '10× the slowest answer, 35 ms' });
  t.same(mustFailWindow([400], 1500), { ms: 1500, why: '10× the slowest answer, 400 ms; capped at 1500 ms' });
  t.same(mustFailWindow([], 1000), { ms: 1000, why: 'no must-work probe answered: the full 1000 ms' });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

t.test('none is stopped before the must-work probes are done; then all together', async (t) => {
  const hold = new Hold(2);
  const stopped: [string, number][] = [];
  const t0 = performance.now();
  const a = hold.start(1000, () => stopped.push(['a', performance.now() - t0]));
  const b = hold.start(1000, () => stopped.push(['b', performance.now() - t0]));
  hold.sent(a, t0);
  hold.sent(b, t0 + 280);
  await sleep(300);
  t.same(stopped, [], 'not while the must-work probes run, windows passed or not');
  hold.open([0.1]);
  t.same(stopped, [], 'a’s window has passed, b’s (sent 280 ms after a) has not: a waits for b');
  await sleep(200);
  t.same(
    stopped.map(([w]) => w),
    ['a', 'b'],
    'both, once the last window has passed',
  );
  t.ok(
    stopped.every(([, at]) => at >= 280 + WINDOW_FLOOR_MS && at < 360 + WINDOW_FLOOR_MS),
    'together, when b’s window has passed',
  );
  hold.ended(a);
  hold.ended(b);
});

t.test('one not yet sent holds the others; with more waiting to start, each goes on its own', async (t) => {
  const hold = new Hold(3);
  const stopped: string[] = [];
  const now = performance.now();
  const a = hold.start(1000, () => stopped.push('a'));
  const b = hold.start(1000, () => stopped.push('b'));
  hold.sent(a, now - 500);
  hold.open([]);
  // the full 1000 ms: a's window passes at now + 500
  await sleep(520);
  t.same(stopped, ['a'], 'a goes at its own window: a third probe waits for a slot');
  hold.ended(a);
  hold.start(1000, () => stopped.push('c'));
  hold.sent(b, performance.now() - 2000);
  await sleep(5);
  t.same(stopped, ['a'], 'none waits to start now: b waits for c, which has not sent');
});
