// graph: the lab as a picture — from its file, or (--live) from what the kernel has now.
import { ascii, dot, mermaid } from '../../graph/draw.js';
import { fromKernel, fromLab, type Topology } from '../../graph/topology.js';
import { layoutOf } from '../../inspect/layout.js';
import { observeSettled } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import { EnvError } from '../../run/errors.js';
import { run } from '../../run/exec.js';
import { listServers, sameOwner } from '../../run/inventory.js';
import { requireRoot } from '../../run/preflight.js';
import { hasTool } from '../../run/tools.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export const FORMATS = ['ascii', 'mermaid', 'dot', 'svg'] as const;
export type Format = (typeof FORMATS)[number];
export interface GraphOptions extends PlaceOptions {
  format?: string;
  live?: boolean;
}

/** Graphviz renders the svg: Debian's package, offline, no browser. */
export async function svgOf(source: string): Promise<string> {
  if (!hasTool('dot'))
    throw new EnvError(
      '--format svg needs Graphviz’s dot, which is not installed',
      'apt-get install graphviz (or use --format dot, mermaid or ascii)',
    );
  const r = await run(['dot', '-Tsvg'], { input: source });
  if (r.exitCode !== 0) throw new EnvError(`dot could not render the graph: ${r.stderr.trim()}`);
  return r.stdout;
}

export function draw(t: Topology, format: Exclude<Format, 'svg'>): string {
  return format === 'ascii' ? ascii(t) : format === 'mermaid' ? mermaid(t) : dot(t);
}

export async function graph(out: Output, name: string, opts: GraphOptions): Promise<number> {
  const format = (opts.format ?? 'ascii') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format ${opts.format}: say ascii, mermaid, dot or svg`);
  let lab = loadLab(name);
  let topology: Topology;
  if (opts.live) {
    requireRoot('graph --live');
    const place = await locate(lab.name, placeFrom(lab.name, opts), { mustBeUp: true });
    lab = asBuilt(lab, place);
    const plan = planAt(lab, place);
    const seen = await Promise.all(
      lab.hosts.map(async (h) => [h.name, await observeSettled(layoutOf(lab, plan, h.name))] as const),
    );
    const proxies = listServers()
      .filter((s) => s.program === 'docker-proxy' && sameOwner(s.owner, lab.name, place))
      .map((s) => s.args);
    topology = fromKernel(lab, plan, Object.fromEntries(seen), proxies);
  } else {
    const place = placeFrom(lab.name, opts) ?? { kind: 'host' as const };
    topology = fromLab(lab, planAt(lab, place));
  }
  if (out.json) {
    out.data({
      ok: true,
      lab: lab.name,
      format,
      topology,
      drawing: format === 'svg' ? await svgOf(dot(topology)) : draw(topology, format),
    });
    return EXIT.ok;
  }
  process.stdout.write(`${format === 'svg' ? await svgOf(dot(topology)) : draw(topology, format)}\n`);
  return EXIT.ok;
}
