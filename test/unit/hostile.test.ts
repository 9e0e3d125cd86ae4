// Lab files that are broken or hostile: each is refused as bad input with one exact message,
// never a crash or an exhausted machine.
import { join } from 'node:path';
import t from 'tap';
import { loadLab } from '../../src/lab/index.js';
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
