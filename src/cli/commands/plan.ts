// plan: the bash script that builds exactly what `up` builds (no root).
import { loadLab } from '../../lab/index.js';
import { compile } from '../../plan/compile.js';
import { planDocument, renderScript } from '../../plan/script.js';
import { targetFor } from '../../session/target.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function plan(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const lab = loadLab(name);
  const place = placeFrom(lab.name, opts) ?? { kind: 'host' as const };
  const { target, note } = await targetFor(place);
  if (note) process.stderr.write(`note: ${note}\n`);
  const p = compile(lab, target);
  if (out.json) out.data(planDocument(p));
  else process.stdout.write(renderScript(p, lab));
  return EXIT.ok;
}
