// trace: one probe followed through the lab's namespaces, bridges and netfilter, with the rule
// that passed, rewrote or dropped it at each hop (root).
import { loadLab } from '../../lab/index.js';
import { placeLabel } from '../../lab/names.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { traceWhereUp, type TraceAsk } from '../../session/trace.js';
import { UsageError } from '../../session/usage.js';
import { EXIT, exitForSignal } from '../exit.js';
import type { Output } from '../output.js';
import { traceText } from '../trace-text.js';
import { placeFrom, type PlaceOptions } from '../target.js';

export interface TraceOptions extends PlaceOptions {
  from?: string;
  to?: string;
  port?: string;
  proto?: string;
}

function askOf(number: string | undefined, o: TraceOptions): TraceAsk {
  if (number !== undefined) {
    if (o.from || o.to) throw new UsageError('say a check number or --from/--to, not both');
    if (!/^[1-9]\d{0,5}$/.test(number)) throw new UsageError(`"${number}" is not a check number (1, 2, …)`);
    return { check: Number(number) };
  }
  if (!o.from || !o.to)
    throw new UsageError('say what to trace: a check number (nslab trace LAB 2) or --from A --to B');
  if (o.port !== undefined && !/^\d{1,5}$/.test(o.port))
    throw new UsageError(`--port "${o.port}" is not a port`);
  if (o.proto !== undefined && !['icmp', 'tcp', 'udp'].includes(o.proto))
    throw new UsageError(`--proto is icmp, tcp or udp, not "${o.proto}"`);
  return {
    from: o.from,
    to: o.to,
    ...(o.port !== undefined ? { port: Number(o.port) } : {}),
    ...(o.proto ? { proto: o.proto as 'icmp' | 'tcp' | 'udp' } : {}),
  };
}

export async function trace(
  out: Output,
  name: string,
  number: string | undefined,
  o: TraceOptions,
): Promise<number> {
  const whole = loadLab(name);
  const ask = askOf(number, o);
  requireRoot('trace');
  requireTools(['ip', 'nft']);
  const { lab, place, check, trace: t } = await traceWhereUp(whole, placeFrom(whole.name, o), ask);
  const expected = check.expect === 'reach' ? 'works' : 'fails';
  out.data({
    lab: lab.name,
    target: placeLabel(place),
    check: { name: check.name, expect: check.expect },
    ...t,
  });
  out.line(
    traceText(`nslab trace ${lab.name} (${placeLabel(place)}): ${check.name} — expected: ${expected}`, t),
  );
  if (t.verdict === 'interrupted') return exitForSignal('SIGINT');
  // 0 when the journey ends as the check expects, as verify's exit code says of the check
  return (t.verdict === 'delivered') === (check.expect === 'reach') ? EXIT.ok : EXIT.checkFailed;
}
