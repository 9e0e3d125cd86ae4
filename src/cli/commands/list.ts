// list: the labs in labs/, one line each (no root).
import { t, lang } from '../../i18n/index.js';
import { listLabs } from '../../lab/index.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { table } from '../style.js';

export function list(out: Output): number {
  const labs = listLabs();
  out.data(labs);
  const rows = labs.map((l) => [l.name, l.title, String(l.exercises)]);
  out.line(table([t('lab'), t('what it builds'), t('exercises')], rows, [20, 45, 11]));
  const first = labs[0]?.name ?? 'NAME';
  out.line(
    '\n' +
      t(
        'build one: sudo nslab up {lab}   (see its steps first: nslab plan {lab}, or one at a time: --step)',
        {
          lab: first,
        },
      ),
  );
  out.line(t('repair one: sudo nslab exercise {lab}   (then check, hint)', { lab: first }));
  // The study group's notes use docker's commands: in Korean, where to find nslab's for each.
  if (lang() === 'ko')
    out.line(
      t('the commands of your notes (docker, brctl, iptables) and nslab’s for each: docs/cheatsheet.ko.md'),
    );
  return EXIT.ok;
}
