// graph: the lab as a picture — from its file, or (--live) from what the kernel has now; with
// --trace A:B, one ping from A to B traced and drawn on it (root, the lab up).
import { ascii, dot, mermaid } from '../../graph/draw.js';
import { tracedPath, type TracedPath } from '../../graph/path.js';
import { fromKernel, fromLab, type Topology } from '../../graph/topology.js';
import { layoutOf } from '../../inspect/layout.js';
import { observeSettled } from '../../inspect/observe.js';
import { loadLab } from '../../lab/index.js';
import type { Place } from '../../lab/names.js';
import type { Lab } from '../../lab/types.js';
import type { Plan } from '../../plan/types.js';
import { EnvError } from '../../run/errors.js';
import { ipIn } from '../../plan/command.js';
import { run, watchLines } from '../../run/exec.js';
import { listServers, sameOwner } from '../../run/inventory.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { hasTool } from '../../run/tools.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { fromTo, traceWhereUp, type Traced } from '../../session/trace.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { green, red } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export const FORMATS = ['ascii', 'mermaid', 'dot', 'svg'] as const;
export type Format = (typeof FORMATS)[number];
export interface GraphOptions extends PlaceOptions {
  format?: string;
  live?: boolean;
  /** with --live: draw again each time the kernel's links, addresses or routes change */
  watch?: boolean;
  /** `A:B`: trace a ping from A to B and draw its path */
  trace?: string;
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

export function draw(t: Topology, format: Exclude<Format, 'svg'>, path?: TracedPath): string {
  return format === 'ascii' ? ascii(t, path) : format === 'mermaid' ? mermaid(t, path) : dot(t, path);
}

/** The lab as the kernel has it now at `place` (--live). */
async function kernelTopology(lab: Lab, plan: Plan, place: Place): Promise<Topology> {
  const seen = await Promise.all(
    lab.hosts.map(async (h) => [h.name, await observeSettled(layoutOf(lab, plan, h.name))] as const),
  );
  const proxies = listServers()
    .filter((s) => s.program === 'docker-proxy' && sameOwner(s.owner, lab.name, place))
    .map((s) => s.args);
  return fromKernel(lab, plan, Object.fromEntries(seen), proxies);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** changes come in bursts (a link down changes its routes too): one drawing per burst */
const SETTLE_MS = 300;

/**
 * --watch: one `ip monitor link address route` per namespace of the lab (each sees only its
 * own), a drawing now and again after each burst of changes, until Ctrl-C; then every monitor is
 * stopped and waited for, so none is left.
 */
async function watchKernel(namespaces: (string | null)[], drawNow: () => Promise<string>): Promise<number> {
  let stoppedBy: NodeJS.Signals | undefined;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    stop();
  };
  for (const sig of SIGNALS) process.on(sig, onSignal);
  const tty = process.stdout.isTTY;
  let busy: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let why = 'start';
  let count = 0;
  const redraw = () => {
    busy = busy.then(async () => {
      if (stoppedBy) return;
      // A drawing that fails (the lab taken down meanwhile) is said, and the watch goes on.
      const text = await drawNow().catch((e: unknown) => `could not read the kernel: ${String(e)}`);
      if (stoppedBy) return;
      count += 1;
      const time = new Date().toISOString().slice(11, 19);
      process.stdout.write(`${tty ? '\x1b[H\x1b[2J' : ''}${text}\n`);
      process.stderr.write(
        `[drawing ${count} at ${time} UTC, ${why}; watching the kernel, Ctrl-C to stop]\n`,
      );
    });
  };
  const changed = (ns: string | null) => (line: string) => {
    if (!line.trim()) return;
    why = `after a change in ${ns ?? 'this machine’s namespace'}: ${line.trim().slice(0, 60)}`;
    clearTimeout(timer);
    timer = setTimeout(redraw, SETTLE_MS);
  };
  const monitors = namespaces.map((ns) =>
    watchLines(ipIn(ns, 'monitor', 'link', 'address', 'route'), changed(ns)),
  );
  try {
    redraw();
    await stopped;
  } finally {
    clearTimeout(timer);
    for (const sig of SIGNALS) process.off(sig, onSignal);
    await Promise.all(monitors.map((m) => m.stop()));
    await busy.catch(() => {});
  }
  return exitForSignal(stoppedBy ?? 'SIGINT');
}

export async function graph(out: Output, name: string, opts: GraphOptions): Promise<number> {
  const format = (opts.format ?? 'ascii') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format ${opts.format}: say ascii, mermaid, dot or svg`);
  if (opts.watch && (opts.trace !== undefined || out.json))
    throw new UsageError('--watch draws again and again: not with --trace or --json');
  if (opts.watch) opts = { ...opts, live: true };
  const ends = opts.trace === undefined ? null : fromTo(opts.trace, '--trace');
  const whole = loadLab(name);
  let lab = whole;
  let topology: Topology;
  let path: TracedPath | undefined;
  let traced: Traced | null = null;
  if (ends || opts.live) {
    requireRoot(ends ? 'graph --trace' : 'graph --live');
    if (ends) requireTools(['ip', 'nft']);
    // The trace first: it finds where the lab is up, and holds the lab's lock while it runs.
    traced = ends ? await traceWhereUp(whole, placeFrom(whole.name, opts), ends) : null;
    const place =
      traced?.place ?? (await locate(whole.name, placeFrom(whole.name, opts), { mustBeUp: true }));
    lab = asBuilt(whole, place);
    const plan = planAt(lab, place);
    if (opts.watch) {
      const built = lab;
      const namespaces = [
        ...new Set([
          ...built.hosts.map((h) => plan.hosts[h.name] ?? null),
          ...built.containers.map((c) => plan.containerNs[c.name] ?? null),
        ]),
      ];
      return watchKernel(namespaces, async () => {
        const t = await kernelTopology(built, plan, place);
        return format === 'svg' ? svgOf(dot(t)) : draw(t, format);
      });
    }
    topology = opts.live ? await kernelTopology(lab, plan, place) : fromLab(lab, plan);
    if (traced) path = tracedPath(topology, plan, traced.trace, traced.check.name, traced.check.netns);
  } else {
    const place = placeFrom(lab.name, opts) ?? { kind: 'host' as const };
    topology = fromLab(lab, planAt(lab, place));
  }
  const drawing = format === 'svg' ? await svgOf(dot(topology, path)) : draw(topology, format, path);
  const trace =
    traced && path ? { trace: { verdict: traced.trace.verdict, reason: traced.trace.reason, path } } : {};
  if (out.json) {
    out.data({ ok: true, lab: lab.name, format, topology, ...trace, drawing });
    return EXIT.ok;
  }
  process.stdout.write(`${drawing}\n`);
  // ascii has the verdict in the picture; a dot, mermaid or svg is often written to a file
  if (traced && path && format !== 'ascii') {
    const colour = traced.trace.verdict === 'delivered' ? green : red;
    process.stderr.write(`traced ${path.probe}: ${colour(path.verdict)}\n`);
  }
  return EXIT.ok;
}
