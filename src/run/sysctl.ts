// Reading the kernel's settings under /proc/sys, for the namespace nslab runs in.
import { readFileSync } from 'node:fs';

/** A sysctl of the namespace nslab runs in (`net/ipv4/ip_forward`), or null when it has none. */
export const readSysctl = (path: string): string | null => {
  try {
    return readFileSync(`/proc/sys/${path}`, 'utf8').trim();
  } catch {
    return null;
  }
};

/** br_netfilter is loaded and hands bridged frames to iptables. */
export const bridgeNetfilter = (): boolean => readSysctl('net/bridge/bridge-nf-call-iptables') === '1';
