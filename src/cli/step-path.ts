// `up --step`: after the step that makes the lab's first ping work (two containers on one bridge,
// or a container and its gateway), what that ping needed and left behind: the neighbour entry
// ARP made, and the bridge's forwarding database, which learned each MAC's port.
import { ping } from '../check/ping.js';
import type { Lab } from '../lab/types.js';
import { commandLine, ipIn } from '../plan/command.js';
import type { Plan, PlannedCheck } from '../plan/types.js';
import { run } from '../run/exec.js';
import { namespaceNames } from '../run/inventory.js';
import { wrapOutput, wrapWords } from './step-text.js';
import { bold, dim } from './style.js';
import { t } from '../i18n/index.js';

interface End {
  who: string;
  ns: string | null;
  ifname: string;
}

/** The first ping the lab checks between two containers on one bridge, or a container and that bridge's gateway. */
export interface FirstPath {
  check: Extract<PlannedCheck, { kind: 'ping' }>;
  from: End;
  /** the other container, or the gateway: the bridge itself */
  to: End & { gateway: boolean };
  bridge: { name: string; ns: string | null };
}

/** Pure: chosen from the lab and its plan. */
export function firstPath(lab: Lab, plan: Plan): FirstPath | null {
  const endpoint = (container: string, network: string) =>
    lab.containers
      .find((c) => c.name === container)
      ?.endpoints.find((e) => e.network === network && e.kind === 'veth');
  for (const check of plan.checks) {
    if (check.kind !== 'ping' || check.expect !== 'reach' || check.netns === null) continue;
    for (const network of lab.networks.filter((n) => n.driver === 'bridge')) {
      const from = endpoint(check.from, network.name);
      if (!from) continue;
      const hostNs = plan.hosts[from.host];
      if (hostNs === undefined) continue;
      const bridge = { name: network.name, ns: hostNs };
      const fromEnd = { who: check.from, ns: check.netns, ifname: from.ifname };
      if (network.gateway === check.address)
        return {
          check,
          from: fromEnd,
          to: { who: network.name, ns: hostNs, ifname: network.name, gateway: true },
          bridge,
        };
      const to = endpoint(check.to, network.name);
      const toNs = plan.containerNs[check.to];
      if (to && to.address === check.address && to.host === from.host && toNs)
        return {
          check,
          from: fromEnd,
          to: { who: check.to, ns: toNs, ifname: to.ifname, gateway: false },
          bridge,
        };
    }
  }
  return null;
}

async function macOf(end: End): Promise<string | null> {
  const r = await run(ipIn(end.ns, '-j', 'link', 'show', 'dev', end.ifname));
  try {
    return (JSON.parse(r.stdout) as { address?: string }[])[0]?.address ?? null;
  } catch {
    return null;
  }
}

/** The lines of `bridge fdb show` about these MACs, as `| grep -e MAC …` would keep them. */
export const fdbLinesOf = (text: string, macs: string[]): string[] =>
  text.split('\n').filter((l) => macs.some((m) => l.startsWith(`${m} `)));

/**
 * One ping after each step, once both ends' namespaces exist; after the first that is answered,
 * the neighbour entry and the fdb entries, explained. Returns what to print (nothing before, nothing after).
 */
export function pathTeacher(path: FirstPath, width: number): (index: number) => Promise<string | null> {
  let shown = false;
  const note = (line: string) => wrapOutput(line, width, ' '.repeat(10)).map((l) => dim(l));
  const para = (text: string) => wrapWords(text, width, '      ↳ ', '        ').map((l) => dim(l));
  return async (index) => {
    if (shown) return null;
    const exist = namespaceNames();
    if ([path.from.ns, path.to.ns].some((ns) => ns !== null && !exist.includes(ns))) return null;
    const p = await ping(path.from.ns, path.check.address, 1);
    if (p.received === 0) return null;
    shown = true;
    const { from, to, bridge } = path;
    const out = [
      '',
      bold(
        t('  {check} answers since step {n}: one ping, and what it left behind', {
          check: path.check.name,
          n: index + 1,
        }),
      ),
      ...note(`      # ${commandLine(p.argv)}    (${p.rttMs ?? '?'} ms)`),
    ];
    const neigh = ipIn(from.ns, 'neigh');
    out.push(...note(t('      # now: {command}', { command: commandLine(neigh) })));
    const n = await run(neigh);
    out.push(
      ...n.stdout
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .flatMap((l) => wrapOutput(`      ${l}`, width, ' '.repeat(10))),
    );
    const v = {
      from: from.who,
      address: path.check.address,
      bridge: bridge.name,
      to: to.who,
      ifname: to.ifname,
    };
    out.push(
      ...para(
        to.gateway
          ? t(
              `{from} sends to {address} over Ethernet, so it first needs that address's MAC: it broadcast an ARP request "who has {address}?", and the host answered with {bridge}'s own MAC (the gateway's address is on the bridge). {from} keeps the answer in its neighbour table: REACHABLE now, STALE after a while unused, and checked again when it is next used.`,
              v,
            )
          : t(
              `{from} sends to {address} over Ethernet, so it first needs that address's MAC: it broadcast an ARP request "who has {address}?", and {to} answered with the MAC of its {ifname}. {from} keeps the answer in its neighbour table: REACHABLE now, STALE after a while unused, and checked again when it is next used.`,
              v,
            ),
      ),
    );
    const [fromMac, toMac] = await Promise.all([macOf(from), macOf(to)]);
    const macs = [fromMac, toMac].filter((m): m is string => m !== null);
    const fdb = bridge.ns
      ? ['bridge', '-n', bridge.ns, 'fdb', 'show', 'br', bridge.name]
      : ['bridge', 'fdb', 'show', 'br', bridge.name];
    out.push(
      ...note(
        t('      # now: {command}', {
          command: `${commandLine(fdb)} | grep ${macs.map((m) => `-e ${m}`).join(' ')}`,
        }),
      ),
    );
    const f = await run(fdb);
    out.push(...fdbLinesOf(f.stdout, macs).flatMap((l) => wrapOutput(`      ${l}`, width, ' '.repeat(10))));
    const learned = {
      ...v,
      fromMac: fromMac ?? t("{who}'s MAC", { who: from.who }),
      toMac: toMac ?? t("{who}'s MAC", { who: to.who }),
    };
    out.push(
      ...para(
        to.gateway
          ? t(
              `The bridge's forwarding database (fdb): {bridge} learns which port each MAC is behind from the source address of the frames that come in ({fromMac} by the veth of {from}). A frame to a MAC it has learned leaves by that port only; one to a MAC it does not know, or a broadcast like the ARP request, goes out of every other port. {bridge}'s own MAC is "permanent": frames to it go up into the host, which owns the gateway address. Learned entries are forgotten after 300 s unused. docker0 does the same.`,
              learned,
            )
          : t(
              `The bridge's forwarding database (fdb): {bridge} learns which port each MAC is behind from the source address of the frames that come in ({fromMac} by the veth of {from}, {toMac} by the veth of {to}). A frame to a MAC it has learned leaves by that port only; one to a MAC it does not know, or a broadcast like the ARP request, goes out of every other port. Learned entries are forgotten after 300 s unused. docker0 does the same.`,
              learned,
            ),
      ),
      '',
    );
    return out.join('\n');
  };
}
