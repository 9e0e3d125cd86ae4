// plan: the bash script that builds exactly what `up` builds (no root).
import { loadLab } from '../../lab/index.js';
import { compile } from '../../plan/compile.js';
import { renderPortable } from '../../plan/portable.js';
import { planDocument, renderScript } from '../../plan/script.js';
import { targetFor } from '../../session/target.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function plan(
  out: Output,
  name: string,
  opts: PlaceOptions & { portable?: boolean },
): Promise<number> {
  const lab = loadLab(name);
  if (opts.portable) {
    if (out.json) throw new UsageError('--portable prints a bash script: leave out --json');
    // A handout builds a sandbox unless asked otherwise: it must be safe on any machine.
    const place = placeFrom(lab.name, opts.host ? opts : { sandbox: true, ...opts });
    process.stdout.write(renderPortable(lab, place?.kind === 'sandbox' ? place.name : null));
    return EXIT.ok;
  }
  if (opts.host)
    throw new UsageError('--host goes with --portable (plan without it is for this machine already)');
  const place = placeFrom(lab.name, opts) ?? { kind: 'host' as const };
  const { target, note } = await targetFor(place);
  if (note) process.stderr.write(`note: ${note}\n`);
  const p = compile(lab, target);
  if (out.json) out.data(planDocument(p));
  else process.stdout.write(renderScript(p, lab));
  return EXIT.ok;
}
