// The workshop listing: the README's catalogue order, solved exercises by title, what comes next,
// and the progress file the listing reads (in a directory of the test's own).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { listLabs } from '../../src/lab/index.js';
import { WORKSHOP_ORDER } from '../../src/lab/workshop.js';
import { markSolved, readSolved } from '../../src/run/progress.js';
import { catalogueExercises, firstUnsolved, nextAfter, workshopOf } from '../../src/session/workshop.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

t.test('the workshop order is the README catalogue’s, and names every lab in labs/', async (t) => {
  const section = readme.slice(readme.indexOf('## Lab catalogue'));
  const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|')));
  const catalogue = table.split('\n').flatMap((l) => /^\| `([a-z0-9-]+)` \|/.exec(l)?.[1] ?? []);
  t.same([...WORKSHOP_ORDER], catalogue);
  t.same(
    [...WORKSHOP_ORDER].sort(),
    listLabs()
      .map((l) => l.name)
      .sort(),
  );
});

const labs = [
  { name: 'zeta', title: 'Z', exercises: ['z1'] },
  { name: 'bridge-nat', title: 'N', exercises: ['n1', 'n2'] },
  { name: 'bridge-basic', title: 'B', exercises: ['b1', 'b2'] },
];

t.test('exercises in workshop order, unknown labs last; the next is the first not solved', async (t) => {
  const w = workshopOf(labs, { 'bridge-basic': ['b1', 'b2'], 'bridge-nat': ['n2'] });
  t.same(
    w.labs.map((l) => l.lab),
    ['bridge-basic', 'bridge-nat', 'zeta'],
  );
  t.equal(w.solved, 3);
  t.equal(w.total, 5);
  t.match(w.next, { lab: 'bridge-nat', number: 1, title: 'n1' });
  t.same(
    workshopOf(labs, { 'bridge-basic': ['b1', 'b2'], 'bridge-nat': ['n1', 'n2'], zeta: ['z1'] }).next,
    null,
  );
});

t.test('after Solved: the next of the lab, else the first of the next lab, else nothing', async (t) => {
  const w = workshopOf(labs, {});
  t.match(nextAfter(w, 'bridge-basic', 1), { lab: 'bridge-basic', number: 2 });
  t.match(nextAfter(w, 'bridge-basic', 2), { lab: 'bridge-nat', number: 1 });
  t.equal(nextAfter(w, 'zeta', 1), null);
});

t.test('exercise without a number: the first not solved, else 1', async (t) => {
  t.equal(firstUnsolved(['a', 'b', 'c'], ['a']), 2);
  t.equal(firstUnsolved(['a', 'b', 'c'], ['a', 'c']), 2);
  t.equal(firstUnsolved(['a', 'b'], ['a', 'b']), 1);
  t.equal(firstUnsolved(['a', 'b'], undefined), 1);
});

t.test('the progress file: solved by title, once, kept in NSLAB_PROGRESS_DIR', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nslab-progress-'));
  const before = process.env.NSLAB_PROGRESS_DIR;
  process.env.NSLAB_PROGRESS_DIR = dir;
  t.teardown(() => {
    if (before === undefined) delete process.env.NSLAB_PROGRESS_DIR;
    else process.env.NSLAB_PROGRESS_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  });
  t.same(readSolved(), {});
  markSolved('bridge-basic', 'c2 is cut off');
  markSolved('bridge-basic', 'c2 is cut off');
  t.same(readSolved(), { 'bridge-basic': ['c2 is cut off'] });

  // The command line reads the same file, needs no root, and says the next command.
  const cli = new URL('../../src/cli/nslab.js', import.meta.url).pathname;
  const r = await execa('node', [cli, 'workshop', '--json'], {
    reject: false,
    env: { NSLAB_PROGRESS_DIR: dir, NO_COLOR: '1' },
  });
  t.equal(r.exitCode, 0, String(r.stderr));
  const j = JSON.parse(String(r.stdout)) as {
    labs: { lab: string; exercises: { solved: boolean }[] }[];
    command: string;
    solved: number;
    total: number;
  };
  t.equal(j.labs[0]!.lab, 'bridge-basic');
  t.same(
    j.labs[0]!.exercises.slice(0, 2).map((x) => x.solved),
    [true, false],
  );
  t.equal(j.solved, 1);
  t.equal(
    j.total,
    catalogueExercises().reduce((n, l) => n + l.exercises.length, 0),
  );
  t.equal(j.command, 'sudo nslab exercise bridge-basic 2');
  const text = await execa('node', [cli, 'workshop'], {
    reject: false,
    env: { NSLAB_PROGRESS_DIR: dir, NO_COLOR: '1' },
  });
  t.match(String(text.stdout), /1 of \d+ exercises solved on this machine/);
  t.match(String(text.stdout), /✓ 1 {2}c2 is cut off/);
  t.match(String(text.stdout), /Next: bridge-basic exercise 2/);
});
