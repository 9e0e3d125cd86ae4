// capture: tcpdump on one link of a lab that is up, in the namespace that link is in: decoded
// lines on this terminal, or a pcap file for Wireshark (-w). Without a link: the links there are.
import { capturePoints, findPoint, type CapturePoint } from '../../graph/capture.js';
import { placeLabel, type Place } from '../../lab/names.js';
import { loadLab } from '../../lab/index.js';
import type { Lab } from '../../lab/types.js';
import { commandLine, inNs } from '../../plan/command.js';
import { runAttached } from '../../run/exec.js';
import { EnvError } from '../../run/errors.js';
import { requireTools } from '../../run/preflight.js';
import { isRoot } from '../../run/tools.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { wrap } from '../compare-table.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export interface CaptureOptions extends PlaceOptions {
  write?: string;
  count?: string;
  ethernet?: boolean;
}

/** The tcpdump command for a point, as the learner could type it. */
export function tcpdumpArgv(point: CapturePoint, opts: CaptureOptions, filter: string[]): string[] {
  return inNs(
    point.ns,
    'tcpdump',
    // numbers, not names (no lookups); line by line, or a pcap written packet by packet
    '-n',
    ...(opts.write === undefined ? ['-l'] : ['-U', '-w', opts.write]),
    ...(opts.ethernet ? ['-e'] : []),
    ...(opts.count === undefined ? [] : ['-c', opts.count]),
    '-i',
    point.ifname,
    ...filter,
  );
}

export async function capture(
  out: Output,
  name: string,
  link: string | undefined,
  filter: string[],
  opts: CaptureOptions,
): Promise<number> {
  const whole = loadLab(name);
  if (link === undefined) return listPoints(out, whole.name, opts);
  if (out.json)
    throw new UsageError('--json lists the links (capture LAB --json); a capture prints tcpdump’s lines');
  if (opts.count !== undefined && !/^[1-9][0-9]{0,8}$/.test(opts.count))
    throw new UsageError(`-c ${opts.count}: say how many packets, a whole number from 1`);
  if (!isRoot())
    throw new EnvError(
      'nslab capture listens inside the lab’s namespaces and needs root',
      `run it with sudo: sudo nslab capture ${whole.name} ${link}`,
    );
  requireTools(['ip', 'tcpdump']);
  const place = await locate(whole.name, placeFrom(whole.name, opts), { mustBeUp: true });
  const lab = asBuilt(whole, place);
  const points = capturePoints(lab, planAt(lab, place));
  const point = findPoint(lab, points, link);
  if ('why' in point)
    throw new UsageError(`${point.why}: its links are ${points.map((p) => p.name).join(', ')}`);
  const argv = tcpdumpArgv(point, opts, filter);
  const where = point.ns ? `namespace ${point.ns}` : 'this machine’s own namespace';
  const stops = opts.count
    ? `stops after ${opts.count} packet${opts.count === '1' ? '' : 's'}, or at Ctrl-C`
    : 'Ctrl-C stops it';
  process.stderr.write(
    `capturing on ${point.ifname} in ${where} (${point.what})\n` +
      `  ${commandLine(argv)}    (${stops})\n` +
      (opts.write === undefined || opts.write === '-'
        ? ''
        : `  then: ${commandLine(['wireshark', opts.write])}, or ${commandLine(['tcpdump', '-n', '-r', opts.write])}\n`),
  );
  // tcpdump ends cleanly (exit 0, its summary printed) at -c N and at Ctrl-C alike; nslab's exit
  // code tells them apart as every verb does: 0, or 128+signal when a signal stopped it.
  let stoppedBy: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => (stoppedBy ??= signal);
  for (const s of SIGNALS) process.on(s, note);
  const code = await runAttached(argv, { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' });
  for (const s of SIGNALS) process.off(s, note);
  if (code === 0) return stoppedBy ? exitForSignal(stoppedBy) : EXIT.ok;
  // tcpdump said why on stderr (a filter it cannot read, an interface gone)
  return code > 128 ? code : EXIT.environment;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Where the listing's names hold: where the lab is up, else where the flags say, else the host. */
async function listingPlace(lab: string, opts: PlaceOptions): Promise<{ place: Place; up: boolean }> {
  const asked = placeFrom(lab, opts);
  // Only root can read the namespaces' marks; without it the names are those of the file.
  const up = isRoot() ? await locate(lab, asked) : null;
  return { place: up ?? asked ?? { kind: 'host' }, up: up !== null };
}

/** Whose namespace a point is in, as the listing heads it. */
const heading = (lab: Lab, p: CapturePoint): string => {
  const whose =
    p.in === 'outside'
      ? 'the outside'
      : lab.containers.some((c) => c.name === p.in)
        ? `container ${p.in}`
        : `the Docker host${lab.hosts.length > 1 ? ` ${p.in}` : ''}`;
  return p.ns ? `namespace ${p.ns} (${whose})` : `this machine’s own namespace (${whose})`;
};

async function listPoints(out: Output, name: string, opts: PlaceOptions): Promise<number> {
  const { place, up } = await listingPlace(name, opts);
  const lab = asBuilt(loadLab(name), place);
  const points = capturePoints(lab, planAt(lab, place));
  out.data({ ok: true, lab: lab.name, place: placeLabel(place), up, links: points });
  out.line(`${lab.name} (${placeLabel(place)}${up ? '' : ', not up'}): ${points.length} links to capture on`);
  // One block per namespace, as graph draws them: the name to type, then what it is.
  const width = Math.max(...points.map((p) => p.name.length)) + 2;
  let last: string | undefined;
  for (const p of points) {
    const head = heading(lab, p);
    if (head !== last) out.line(`\n${head}`);
    last = head;
    const [first, ...more] = wrap(p.what, Math.max(30, 78 - width));
    out.line(`  ${p.name.padEnd(width)}${first}`);
    for (const line of more) out.line(`  ${' '.repeat(width)}${line}`);
  }
  const flag =
    place.kind === 'host' ? '' : place.name === lab.name ? ' --sandbox' : ` --sandbox-name ${place.name}`;
  const example = lab.containers.find((c) => c.endpoints.length > 0)?.name ?? points[0]?.name ?? 'LINK';
  out.line(`\ncapture one: sudo nslab capture ${lab.name} ${example}${flag}`);
  out.line('  then a filter (icmp, tcp port 80), -c N packets, -w file.pcap for Wireshark, -e MACs');
  if (!up) out.line(`build it first: sudo nslab up ${lab.name}${flag}`);
  return EXIT.ok;
}
