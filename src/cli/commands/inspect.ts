// inspect: what `docker network inspect` / `docker inspect` print, read from the kernel for a lab
// that is up (root). Docker prints JSON, 4-space indented; so does this, with or without --json.
import { dockerContainers, dockerNetworks } from '../../inspect/docker-shape.js';
import { layoutOf } from '../../inspect/layout.js';
import { observe } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export async function inspect(
  _out: Output,
  name: string,
  what: string | undefined,
  opts: PlaceOptions,
): Promise<number> {
  requireRoot('inspect');
  requireTools(['ip']);
  let lab = loadLab(name);
  const asked = what !== undefined;
  const isNetwork = asked && lab.networks.some((n) => n.name === what);
  const isContainer = asked && !isNetwork && lab.containers.some((c) => c.name === what);
  if (asked && !isNetwork && !isContainer)
    throw new UsageError(
      `${lab.name} has no network or container "${what}": ` +
        `networks ${lab.networks.map((n) => n.name).join(', ') || '(none)'}; ` +
        `containers ${lab.containers.map((c) => c.name).join(', ') || '(none)'}`,
    );
  const place = await locate(lab.name, placeFrom(lab.name, opts), { mustBeUp: true });
  lab = asBuilt(lab, place);
  const plan = planAt(lab, place);
  const seen = Object.fromEntries(
    await Promise.all(
      lab.hosts.map(async (h) => [h.name, await observe(layoutOf(lab, plan, h.name))] as const),
    ),
  );
  const shown = isContainer
    ? dockerContainers(lab, plan, seen).filter((c) => c.Name === `/${what}`)
    : dockerNetworks(lab, plan, seen).filter((n) => !isNetwork || n.Name === what);
  if (shown.length === 0)
    throw new UsageError(`${what} is not part of ${lab.name} as it is built here (up --as another host?)`);
  process.stdout.write(`${JSON.stringify(shown, null, 4)}\n`);
  return EXIT.ok;
}
