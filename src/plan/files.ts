// The files nslab writes for a container: what Docker puts in /etc/hosts and /etc/resolv.conf.
import type { Container } from '../lab/types.js';

export function hostsFile(container: Container, mark: string): string {
  const lines = [
    `# ${mark}: /etc/hosts of container ${container.name} (ip netns exec mounts it over /etc/hosts)`,
  ];
  for (const e of container.hosts) lines.push(`${e.address}\t${e.names.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** No DNS server inside the lab: a lookup that /etc/hosts cannot answer fails at once, and never leaves. */
export const resolvConf = (mark: string): string =>
  `# ${mark}: no DNS server in this lab; names come from /etc/hosts only\nnameserver 127.0.0.1\n`;
