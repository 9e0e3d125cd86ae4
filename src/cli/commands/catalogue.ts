// list, validate, plan: read-only verbs that need no root.
import { loadLab, listLabs } from '../../lab/index.js';
import { compile } from '../../plan/compile.js';
import { renderScript } from '../../plan/script.js';
import { targetFor } from '../../session/target.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { table } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export function list(out: Output): number {
  const labs = listLabs();
  out.data(labs);
  out.line(table(['lab', 'what it builds', 'exercises'], labs.map((l) => [l.name, l.title, String(l.exercises)]), [20, 45, 11]));
  out.line(`\nbuild one: sudo npm run lab ${labs[0]?.name ?? 'NAME'}   (see its steps first: npm run nslab -- plan ${labs[0]?.name ?? 'NAME'}, or one at a time: --step)`);
  out.line(`repair one: sudo npm run nslab -- exercise ${labs[0]?.name ?? 'NAME'}   (then check, hint)`);
  return EXIT.ok;
}

export function validate(out: Output, name: string): number {
  const lab = loadLab(name); // a LabError is reported by main with every problem
  out.data({ ok: true, lab });
  const checks = lab.checks.length;
  out.line(`${lab.file}: ok — ${lab.networks.length} network(s), ${lab.containers.length} container(s), ${checks} check(s)`);
  return EXIT.ok;
}

export async function plan(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const place = placeFrom(lab.name, opts) ?? { kind: 'host' as const };
  const { target, note } = await targetFor(place);
  if (note) process.stderr.write(`note: ${note}\n`);
  const p = compile(lab, target);
  if (out.json) out.data(p);
  else process.stdout.write(renderScript(p, lab));
  return EXIT.ok;
}
