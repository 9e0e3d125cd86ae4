// list: the labs in labs/, one line each (no root).
import { listLabs } from '../../lab/index.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { table } from '../style.js';

export function list(out: Output): number {
  const labs = listLabs();
  out.data(labs);
  const rows = labs.map((l) => [l.name, l.title, String(l.exercises)]);
  out.line(table(['lab', 'what it builds', 'exercises'], rows, [20, 45, 11]));
  const first = labs[0]?.name ?? 'NAME';
  out.line(
    `\nbuild one: sudo nslab up ${first}` +
      `   (see its steps first: nslab plan ${first}, or one at a time: --step)`,
  );
  out.line(`repair one: sudo nslab exercise ${first}   (then check, hint)`);
  return EXIT.ok;
}
