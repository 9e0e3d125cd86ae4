// Is a program on PATH? Checked up front so a missing tool is an environment error, not a crash.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function hasTool(name: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/sbin']);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/** Which Debian package brings a tool, for the "what to do" part of a message. */
export const packageOf: Record<string, string> = {
  ip: 'iproute2',
  bridge: 'iproute2',
  ping: 'iputils-ping',
  iptables: 'iptables',
  'iptables-save': 'iptables',
  'iptables-restore': 'iptables',
  tcpdump: 'tcpdump',
  conntrack: 'conntrack',
  nft: 'nftables',
};
