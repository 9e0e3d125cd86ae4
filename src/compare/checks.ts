// The lab's checks aimed at Docker's copy: its namespaces (attached names) and the addresses
// Docker gave, or why a check is not run there. Pure.
import type { Lab } from '../lab/types.js';
import { addressAt, contains, offsetIn } from '../net/ipv4.js';
import type { PlannedCheck } from '../plan/types.js';
import type { DockerSide } from './docker.js';
import { t } from '../i18n/index.js';

/** The lab's checks aimed at the Docker side: its namespaces and the addresses Docker gave. */
export function dockerChecks(
  lab: Lab,
  checks: PlannedCheck[],
  side: DockerSide,
): (PlannedCheck | { skipped: string })[] {
  const onHost = new Set(lab.containers.filter((c) => c.mode.kind === 'host').map((c) => c.name));
  const hostPorts = new Set(
    lab.containers.filter((c) => onHost.has(c.name)).flatMap((c) => c.serve.map((s) => s.port)),
  );
  const publishedPorts = new Set(lab.containers.flatMap((c) => c.ports.map((p) => p.hostPort)));
  // Does the check need a server of a network_mode host container (the host, its gateways)?
  const needsHostServer = (c: PlannedCheck) =>
    c.kind === 'listen'
      ? c.from === 'host' || onHost.has(c.from)
      : (c.kind === 'http' || c.kind === 'tcp' || c.kind === 'udp') &&
        hostPorts.has(c.port) &&
        (c.to === 'host' || onHost.has(c.to) || lab.networks.some((n) => n.name === c.to));
  const translate = (address: string): string | null => {
    const known = side.addresses.get(address);
    if (known) return known;
    if (address.startsWith('127.')) return address;
    for (const n of side.networks) {
      const labNet = lab.networks.find((x) => x.name === n.lab)!;
      if (contains(labNet.subnet, address)) return addressAt(n.subnet, offsetIn(labNet.subnet, address));
    }
    return null;
  };
  // What a check expects a server to say names lab addresses ("client 172.28.0.1"): Docker's
  // counterparts there, the gateway for the host's own address.
  const hostAddresses = new Set(lab.hosts.map((h) => h.address));
  const gateway = side.networks[0]?.gateway ?? null;
  const translateBody = (body: string): string =>
    body.replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, (a) =>
      hostAddresses.has(a) && gateway ? gateway : (translate(a) ?? a),
    );
  const withBody = <C extends PlannedCheck>(c: C): C =>
    'body' in c && typeof c.body === 'string' ? { ...c, body: translateBody(c.body) } : c;
  return checks.map((c) => {
    const to = 'to' in c ? c.to : null;
    if (c.from === 'outside' || to === 'outside')
      return {
        skipped: t(
          'Docker’s side has no outside of nslab’s, and nslab sends no traffic beyond the namespaces it made',
        ),
      };
    if (
      c.from === 'host' &&
      (c.kind === 'http' || c.kind === 'tcp' || c.kind === 'udp') &&
      c.address.startsWith('127.') &&
      publishedPorts.has(c.port)
    )
      return {
        skipped: t(
          'Docker’s copy publishes its ports on the bridge’s gateway only (every address would open them on this machine’s real network), so this machine’s 127.0.0.1 has no such port there',
        ),
      };
    if (needsHostServer(c))
      return {
        skipped: t(
          'the server of a network_mode host container would listen on this machine’s own addresses; compare starts none there',
        ),
      };
    const netns = c.from === 'host' ? null : side.layout.containers[c.from]?.netns;
    if (netns === undefined)
      return { skipped: t('{container} has no Docker counterpart', { container: c.from }) };
    if (c.kind === 'listen') return { ...c, netns };
    if (c.kind === 'resolve')
      return { ...c, netns, address: c.address === null ? null : translate(c.address) };
    // The host's address on the Docker side: the gateway, which Docker's DNAT matches (the
    // machine's real addresses are never a target).
    const address = to === 'host' ? (side.networks[0]?.gateway ?? null) : translate(c.address);
    if (address === null)
      return { skipped: t('{address} has no counterpart on Docker’s side', { address: c.address }) };
    return withBody({ ...c, netns, address });
  });
}
