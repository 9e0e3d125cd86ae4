// The files nslab writes for a container: what Docker puts in /etc/hosts and /etc/resolv.conf.
import type { Container } from '../lab/types.js';
import { RESOLVER_IP } from './dns.js';

export function hostsFile(container: Container, mark: string): string {
  const lines = [
    `# ${mark}: /etc/hosts of container ${container.name} (ip netns exec mounts it over /etc/hosts)`,
  ];
  for (const e of container.hosts) lines.push(`${e.address}\t${e.names.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * On a user-defined network (dns: true), what Docker writes: its embedded DNS server, and ndots:0
 * so a name with a dot is asked as it is first. Elsewhere no DNS server inside the lab: a lookup
 * that /etc/hosts cannot answer fails at once, and never leaves.
 */
export const resolvConf = (mark: string, dns: boolean): string =>
  dns
    ? `# ${mark}: Docker's embedded DNS server (nslab's resolver, reached by DNAT)\n` +
      `nameserver ${RESOLVER_IP}\noptions ndots:0\n`
    : `# ${mark}: no DNS server in this lab; names come from /etc/hosts only\nnameserver 127.0.0.1\n`;
