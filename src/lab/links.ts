// The environment Docker's legacy `--link TARGET:ALIAS` gives the container that links: the
// target's address and exposed ports under the alias, as moby's daemon/links (Link.ToEnv) writes
// them. nslab's containers expose the ports they serve and the ports they publish (-p exposes).
import type { Container } from './types.js';

/** An exposed port: what `--link` describes to the container that links. */
export interface ExposedPort {
  port: number;
  proto: 'tcp' | 'udp';
}

/** The exposed ports of a container, in Docker's order: by number, tcp before udp on the same number. */
export const exposedPorts = (c: Pick<Container, 'serve' | 'ports'>): ExposedPort[] => {
  const all = [
    ...c.serve.map((s) => ({ port: s.port, proto: s.kind === 'udp' ? 'udp' : 'tcp' }) as const),
    ...c.ports.map((p) => ({ port: p.containerPort, proto: p.proto })),
  ];
  const unique = [...new Map(all.map((p) => [`${p.port}/${p.proto}`, p])).values()];
  return unique.sort((a, b) => a.port - b.port || (a.proto === 'tcp' ? -1 : 1));
};

/**
 * The variables `--link TARGET:ALIAS` sets in container `linker`, in the order of moby's
 * Link.ToEnv (daemon/links): ALIAS_PORT (the lowest port); for each run of consecutive port
 * numbers, its _START, _ADDR, _PROTO, _PORT_START, _END and _PORT_END; then per port
 * ALIAS_PORT_N_PROTO, _ADDR, _PORT, _PROTO; then ALIAS_NAME=/LINKER/ALIAS. The alias is
 * upper-cased, dashes become underscores. Runs are found by number alone, as Docker does.
 */
export function linkEnv(
  linker: string,
  alias: string,
  address: string,
  ports: ExposedPort[],
): [string, string][] {
  const A = alias.toUpperCase().replaceAll('-', '_');
  const url = (p: ExposedPort) => `${p.proto}://${address}:${p.port}`;
  const key = (p: ExposedPort) => `${A}_PORT_${p.port}_${p.proto.toUpperCase()}`;
  const env: [string, string][] = [];
  if (ports.length > 0) env.push([`${A}_PORT`, url(ports[0]!)]);
  for (let i = 0; i < ports.length;) {
    // moby's nextContiguous: the last index of the run that starts at i
    let j = i;
    while (j + 1 < ports.length && ports[j + 1]!.port <= ports[i]!.port + (j + 1 - i)) j++;
    if (j > i + 1) {
      const p = ports[i]!;
      const q = ports[j]!;
      env.push([`${key(p)}_START`, url(p)], [`${key(p)}_ADDR`, address], [`${key(p)}_PROTO`, p.proto]);
      env.push([`${key(p)}_PORT_START`, String(p.port)]);
      const end = `${A}_PORT_${p.port}_${q.proto.toUpperCase()}`;
      env.push([`${end}_END`, url(q)], [`${end}_PORT_END`, String(q.port)]);
      i = j + 1;
    } else i++;
  }
  for (const p of ports) {
    env.push([key(p), url(p)], [`${key(p)}_ADDR`, address], [`${key(p)}_PORT`, String(p.port)]);
    env.push([`${key(p)}_PROTO`, p.proto]);
  }
  env.push([`${A}_NAME`, `/${linker}/${alias}`]);
  return env;
}
