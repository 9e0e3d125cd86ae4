// validate: a lab file's problems, every one as file:line:col (no root).
import { loadLab } from '../../lab/index.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';

export function validate(out: Output, name: string): number {
  const lab = loadLab(name); // a LabError is reported by main with every problem
  out.data({ ok: true, lab });
  const { networks, containers, checks } = lab;
  out.line(
    `${lab.file}: ok — ${networks.length} network(s), ${containers.length} container(s), ` +
      `${checks.length} check(s)`,
  );
  return EXIT.ok;
}
