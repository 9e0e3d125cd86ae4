// What a resolve check learns besides the addresses: which mechanism answered. glibc asks
// /etc/hosts first ("hosts: files dns" in nsswitch.conf), so a name the container's hosts file
// lists came from there; any other answer came from the nameserver of its resolv.conf. Both files
// are the ones `ip netns exec` mounts over /etc, read from /etc/netns/NS.
import { readFileSync } from 'node:fs';

/** The addresses `getent hosts NAME` printed, one per line, in its order. */
export const getentAddresses = (stdout: string): string[] =>
  stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((a) => a !== '');

/** "/etc/hosts" when the hosts file lists the name, else "DNS SERVER" from resolv.conf. */
export function mechanism(name: string, hosts: string, resolv: string): string {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const listed = hosts
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .some((words) => words.slice(1).some((w) => w.toLowerCase() === wanted));
  if (listed) return '/etc/hosts';
  const server = /^\s*nameserver\s+(\S+)/m.exec(resolv)?.[1];
  return server ? `DNS ${server}` : 'DNS';
}

const readOr = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The mechanism for a lookup in a namespace (null: the machine's own files). */
export const mechanismIn = (netns: string | null, name: string): string => {
  const dir = netns ? `/etc/netns/${netns}` : '/etc';
  return mechanism(name, readOr(`${dir}/hosts`), readOr(`${dir}/resolv.conf`));
};
