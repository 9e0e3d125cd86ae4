// compare: the lab built by hand beside the same topology built by a real Docker engine,
// inspected the same way from the kernel, with the lab's checks run against both.
import {
  buildDockerSide,
  dockerEngine,
  dockerName,
  engineUserlandProxy,
  inspectDockerNetwork,
  removeDockerSide,
  unsupported,
  type DockerSide,
} from '../../compare/docker.js';
import { pairInspect, type InspectField } from '../../compare/inspect-pair.js';
import { dockerNetworks } from '../../inspect/docker-shape.js';
import { layoutOf } from '../../inspect/layout.js';
import { observe } from '../../inspect/observe.js';
import type { Plan } from '../../plan/types.js';
import { measure } from '../../compare/measure.js';
import { onlyMatches, summarise, type Group, type Only } from '../../compare/group.js';
import { renderCompare, widthFor, wrap } from '../compare-table.js';
import { listLabs, loadLab } from '../../lab/index.js';
import { placeLabel, type Place } from '../../lab/names.js';
import type { Lab } from '../../lab/types.js';
import { apply, type Interrupt } from '../../run/apply.js';
import { EnvError } from '../../run/errors.js';
import { teardown } from '../../run/teardown.js';
import { planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { prepare } from '../../session/prepare.js';
import { lockPlace } from '../../run/lock.js';
import { requireRoot } from '../../run/preflight.js';
import { catchSignals } from '../../session/signals.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { bold, red } from '../style.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export interface CompareOptions extends PlaceOptions {
  keep?: boolean;
  only?: Only;
  group?: Group;
  inspect?: boolean;
}

/** `nslab inspect` of each network beside `docker network inspect` of Docker's copy. */
async function inspectPairs(
  lab: Lab,
  plan: Plan,
  docker: DockerSide,
): Promise<{ network: string; docker: string; fields: InspectField[] }[]> {
  const seen = Object.fromEntries(
    await Promise.all(
      lab.hosts.map(async (h) => [h.name, await observe(layoutOf(lab, plan, h.name))] as const),
    ),
  );
  const ours = dockerNetworks(lab, plan, seen);
  const byDockerName = new Map(lab.containers.map((c) => [dockerName(lab.name, c.name), c.name]));
  return Promise.all(
    docker.networks.map(async (n) => ({
      network: n.lab,
      docker: n.name,
      fields: pairInspect(
        JSON.parse(JSON.stringify(ours.find((o) => o.Name === n.lab) ?? null)) as never,
        (await inspectDockerNetwork(n.name)) as never,
        (name) => byDockerName.get(name) ?? name,
      ),
    })),
  );
}

/** Field | hand-built | Docker, each cell wrapped, within the terminal's width. */
function renderPairs(network: string, dockerNet: string, fields: InspectField[], width: number): string {
  const inner = width - 10;
  // the field's whole name when it fits (Docker's option keys are long); values are short
  const field = Math.min(Math.max(...fields.map((f) => f.field.length), 5), inner - 36);
  const w = [field, Math.floor((inner - field) / 2)];
  w.push(inner - w[0]! - w[1]!);
  const row = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, w[i]!));
    const height = Math.max(...wrapped.map((x) => x.length));
    return Array.from(
      { length: height },
      (_, k) => `│ ${wrapped.map((x, i) => (x[k] ?? '').padEnd(w[i]!)).join(' │ ')} │`,
    ).join('\n');
  };
  const rule = (l: string, m: string, r: string) => `${l}${w.map((x) => '─'.repeat(x + 2)).join(m)}${r}`;
  return [
    bold(`nslab inspect ${network} beside docker network inspect ${dockerNet}`),
    rule('┌', '┬', '┐'),
    row(['field', 'hand-built', 'Docker']),
    rule('├', '┼', '┤'),
    ...fields.map((f) => row([f.field, f.hand, f.docker])),
    rule('└', '┴', '┘'),
  ].join('\n');
}

/** Where the hand-built copy is: the flags' place, else the one place it is up, else a sandbox of its own. */
async function handPlace(lab: Lab, opts: PlaceOptions): Promise<{ place: Place; up: boolean }> {
  const asked = placeFrom(lab.name, opts);
  const place = await locate(lab.name, asked);
  return place ? { place, up: true } : { place: asked ?? { kind: 'sandbox', name: lab.name }, up: false };
}

export async function compare(out: Output, name: string, opts: CompareOptions): Promise<number> {
  const lab = loadLab(name);
  const limit = unsupported(lab);
  if (limit) {
    // The catalogue's labs compare can rebuild, found by the same test (not a list kept by hand).
    const supported = listLabs()
      .map((l) => l.name)
      .filter((n) => !unsupported(loadLab(n)));
    throw new UsageError(`${limit}; try ${supported.slice(0, -1).join(', ')} or ${supported.at(-1)}`);
  }
  const engine = await dockerEngine();
  if ('why' in engine) throw new EnvError(`compare needs a Docker engine: ${engine.why}`, engine.fix);
  // A lab built for the other proxy mode would differ by the engine's setting, not by its build.
  const publishes = lab.containers.some((c) => c.ports.length > 0);
  if (publishes && engineUserlandProxy() !== lab.daemon.userlandProxy)
    throw new EnvError(
      `${lab.name} is built as dockerd with userland-proxy ${lab.daemon.userlandProxy}, but this ` +
        `engine runs with userland-proxy ${!lab.daemon.userlandProxy}: the two would differ by that ` +
        'setting, not by what nslab builds',
      lab.daemon.userlandProxy
        ? 'compare it against a dockerd without --userland-proxy=false'
        : 'restart dockerd with --userland-proxy=false (or "userland-proxy": false in ' +
            '/etc/docker/daemon.json) to compare it; compare port-publish against this engine',
    );
  const { place, up } = await handPlace(lab, opts);
  // compare builds the hand side only when the lab is not up: then it is the place's one writer.
  requireRoot('compare'); // before the lock, whose file is root's
  const lock = up ? null : await lockPlace(lab.name, place, 'compare');
  const interrupt: Interrupt = { signal: null };
  const release = catchSignals(interrupt);
  let docker: DockerSide | null = null;
  try {
    const { plan } = up ? { plan: planAt(lab, place) } : await prepare(lab, place, 'compare');
    out.line(
      bold(`nslab compare ${lab.name}: built by hand (${placeLabel(place)}) and by Docker ${engine.version}`),
    );
    if (!up) {
      out.line(`building ${lab.name} by hand (${placeLabel(place)})…`);
      await apply(plan, lab.file, { onStep: () => {}, onCommand: () => {} }, interrupt);
    }
    if (!interrupt.signal) {
      out.line(`building the same with Docker (docker network create / docker run)…`);
      docker = await buildDockerSide(lab, engine.version);
    }
    if (interrupt.signal) return exitForSignal(interrupt.signal);

    const rows = await measure(lab, plan, docker!);
    if (interrupt.signal) return exitForSignal(interrupt.signal);
    const summary = summarise(rows);
    const ok = summary.counts.differs === 0;
    const inspected = opts.inspect ? await inspectPairs(lab, plan, docker!) : undefined;
    out.data({
      ok,
      lab: lab.name,
      hand: { target: placeLabel(place) },
      docker: { version: engine.version, networks: docker!.networks.map((n) => ({ ...n })) },
      summary,
      rows: rows.filter((r) => onlyMatches(opts.only, r.verdict)),
      ...(inspected ? { inspect: inspected } : {}),
    });
    out.line(
      renderCompare(rows, {
        ...(opts.only ? { only: opts.only } : {}),
        ...(opts.group ? { group: opts.group } : {}),
      }),
    );
    for (const p of inspected ?? [])
      out.line(`\n${renderPairs(p.network, p.docker, p.fields, widthFor(process.stdout.columns))}`);
    if (!ok)
      out.line(
        red(
          wrap(
            `the hand-built ${lab.name} differs from Docker where the lab means to match it: ` +
              'see the DIFFERS rows',
            widthFor(process.stdout.columns),
          ).join('\n'),
        ),
      );
    return ok ? EXIT.ok : EXIT.checkFailed;
  } finally {
    if (!opts.keep || interrupt.signal) {
      await removeDockerSide(lab);
      if (!up) await teardown(lab.name, place);
      if (interrupt.signal)
        process.stderr.write(
          `interrupted: everything compare built was removed${up ? ` (${lab.name} stays up, as it was before)` : ''}\n`,
        );
    } else
      out.line(
        wrap(
          `kept: Docker containers ${lab.containers.map((c) => dockerName(lab.name, c.name)).join(', ')}` +
            `${up ? '' : `, and the hand-built copy (${placeLabel(place)})`}; the next compare of ` +
            `${lab.name} replaces them, and nslab down ${lab.name} removes them`,
          widthFor(process.stdout.columns),
        ).join('\n'),
      );
    release();
    lock?.release();
  }
}
