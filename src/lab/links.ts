// The environment Docker's legacy `--link TARGET:ALIAS` gives the container that links: the
// target's address and exposed ports under the alias, as moby's daemon/links (Link.ToEnv) writes
// them. nslab's containers expose the ports they serve and the ports they publish (-p exposes).
import type { Container } from './types.js';

/** The exposed TCP ports of a container, lowest first (the UDP ones are left out of the variables). */
export const exposedPorts = (c: Pick<Container, 'serve' | 'ports'>): number[] =>
  [
    ...new Set([
      ...c.serve.filter((s) => s.kind !== 'udp').map((s) => s.port),
      ...c.ports.filter((p) => p.proto === 'tcp').map((p) => p.containerPort),
    ]),
  ].sort((a, b) => a - b);

/**
 * The variables `--link TARGET:ALIAS` sets in container `linker`, in Docker's order: ALIAS_PORT
 * (the lowest port), then per port ALIAS_PORT_N_TCP, _ADDR, _PORT, _PROTO (and _START/_END for
 * a run of consecutive ports), then ALIAS_NAME=/LINKER/ALIAS. The alias is upper-cased, dashes
 * become underscores.
 */
export function linkEnv(linker: string, alias: string, address: string, ports: number[]): [string, string][] {
  const A = alias.toUpperCase().replaceAll('-', '_');
  const url = (port: number) => `tcp://${address}:${port}`;
  const env: [string, string][] = [];
  let start = ports[0]!;
  let end = start;
  ports.forEach((port, i) => {
    if (i === 0) env.push([`${A}_PORT`, url(port)]);
    const prefix = `${A}_PORT_${port}_TCP`;
    env.push([prefix, url(port)], [`${prefix}_ADDR`, address], [`${prefix}_PORT`, String(port)]);
    env.push([`${prefix}_PROTO`, 'tcp']);
    if (port === end + 1) {
      end = port;
      if (i < ports.length - 1) return;
    }
    if (end !== start) {
      const first = `${A}_PORT_${start}_TCP`;
      env.push([`${first}_START`, url(start)], [`${first}_PORT_START`, String(start)]);
      env.push([`${first}_END`, url(end)], [`${first}_PORT_END`, String(end)]);
    }
    start = end = port;
  });
  env.push([`${A}_NAME`, `/${linker}/${alias}`]);
  return env;
}
