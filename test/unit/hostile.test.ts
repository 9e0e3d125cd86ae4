// Lab files that are broken or hostile: each is refused as bad input with one exact message,
// never a crash or an exhausted machine.
import { join } from 'node:path';
import t from 'tap';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { formatProblem, LabError } from '../../src/lab/problems.js';

/** Every problem as "file:line:col: message"; [] when the lab is valid. */
const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
    return [];
  } catch (e) {
    if (!(e instanceof LabError)) throw e;
    return e.problems.map(formatProblem);
  }
};

t.test('a path that is no lab file: a directory', async (t) => {
  const dir = t.testdir({ 'dir.yaml': {} });
  t.same(problemsOf(() => loadLab(join(dir, 'dir.yaml'))), [`${join(dir, 'dir.yaml')}: is a directory, not a lab file: name a .yaml file`]);
});

t.test('a file over 1 MiB is refused before it is parsed; 1 MiB itself is read', async (t) => {
  const mib = 1024 * 1024;
  const comment = (bytes: number) => `#${'x'.repeat(bytes - 2)}\n`; // YAML that is nothing but a comment
  const dir = t.testdir({ 'big.yaml': comment(mib + 1), 'edge.yaml': comment(mib) });
  const limit = 'a lab file may have at most 1 MiB (1048576 bytes); the catalogue\'s labs have a few KB';
  t.same(problemsOf(() => loadLab(join(dir, 'big.yaml'))), [`${join(dir, 'big.yaml')}:1:1: the file has 1048577 bytes: ${limit}`]);
  t.same(problemsOf(() => labFromText('lab.yaml', comment(mib + 1))), [`lab.yaml:1:1: the file has 1048577 bytes: ${limit}`], 'text handed over directly too');
  t.same(problemsOf(() => labFromText('lab.yaml', `#${'é'.repeat(mib / 2)}`)), [`lab.yaml:1:1: the file has 1048577 bytes: ${limit}`], 'bytes, not characters');
  t.match(problemsOf(() => loadLab(join(dir, 'edge.yaml'))), [/edge\.yaml:1:1: the top level must be object/], 'exactly 1 MiB is read and parsed');
  t.same(problemsOf(() => loadLab('/dev/zero')), [`/dev/zero:1:1: the file has more than 1048576 bytes: ${limit}`], 'a device is read no further than the limit');
});
