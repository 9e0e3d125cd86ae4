// validate: a lab file's problems, every one as file:line:col (no root).
import { t } from '../../i18n/index.js';
import { loadLab } from '../../lab/index.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';

export function validate(out: Output, name: string): number {
  const lab = loadLab(name); // a LabError is reported by main with every problem
  out.data({ ok: true, lab });
  const { networks, containers, checks } = lab;
  out.line(
    t('{file}: ok — {networks} network(s), {containers} container(s), {checks} check(s)', {
      file: lab.file,
      networks: networks.length,
      containers: containers.length,
      checks: checks.length,
    }),
  );
  return EXIT.ok;
}
