// The executor's batches, against the real kernel: a failing line is named exactly, the lines
// before it took effect, the lines after it did not.
import { execa } from 'execa';
import t from 'tap';
import { runBatch } from '../../src/run/batch.js';
import { needsRoot, sandboxName } from '../helpers/machine.js';

t.test('a failing line of an ip batch is named, with what ip said', { skip: needsRoot }, async (t) => {
  const ns = sandboxName('batch');
  await execa('ip', ['netns', 'add', ns]);
  t.teardown(() => execa('ip', ['netns', 'del', ns], { reject: false }));
  const cmd = (...args: string[]) => ({ argv: ['ip', '-n', ns, ...args] });
  const commands = [cmd('link', 'set', 'dev', 'lo', 'up'), cmd('link', 'set', 'dev', 'nosuch', 'up'), cmd('addr', 'add', '10.1.1.1/32', 'dev', 'lo')]
    .map((command, i) => ({ index: i + 1, command }));
  const r = await runBatch(ns, commands);
  t.same(r.done.map((c) => c.index), [1], 'the line before the failure ran');
  t.equal(r.failed?.at.index, 2, 'the failing line is the second command');
  t.same(r.failed?.result.argv, ['ip', '-n', ns, 'link', 'set', 'dev', 'nosuch', 'up'], 'named as the plan has it');
  t.match(r.failed?.result.stderr, /Cannot find device "nosuch"/);
  const lo = String((await execa('ip', ['-n', ns, '-br', 'addr', 'show', 'dev', 'lo'])).stdout);
  t.match(lo, /UNKNOWN|UP/, 'lo was set up');
  t.notMatch(lo, /10\.1\.1\.1/, 'the line after the failure did not run');
});
