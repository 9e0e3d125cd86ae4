// `up LAB --as HOST`: the part of a multi-host lab that one real machine builds. The lab file
// names each host's machine (hosts: { h1: { machine: 192.168.56.11 } }); that machine keeps its
// host, its containers and its checks, and knows the other hosts as VXLAN peers at their
// machines' addresses. The other machine runs the same command with its own host.
import type { Lab } from './types.js';

/** Why the lab cannot be built as this host, or null. */
export function cannotBeHost(lab: Lab, host: string): string | null {
  if (lab.hosts.length < 2)
    return `${lab.name} has one Docker host; --as is for labs that span several (overlay)`;
  if (!lab.hosts.some((h) => h.name === host))
    return `${lab.name} has no host "${host}": its hosts are ${lab.hosts.map((h) => h.name).join(', ')}`;
  const bare = lab.hosts.filter((h) => !h.machine);
  if (bare.length > 0)
    return (
      `${lab.name} does not say which machine plays ${bare.map((h) => h.name).join(', ')}: ` +
      'write hosts as a map, e.g. ' +
      `hosts: { ${lab.hosts.map((h, i) => `${h.name}: { machine: 192.168.56.${11 + i} }`).join(', ')} }`
    );
  return null;
}

export function asHost(lab: Lab, host: string): Lab {
  const onMachine = (h: Lab['hosts'][number]) => ({ ...h, address: h.machine! });
  const mine = new Set(lab.containers.filter((c) => c.host === host).map((c) => c.name));
  // Checks name hosts by their sandbox address; here they are the machines.
  const machineOf = new Map(lab.hosts.map((h) => [h.address, h.machine!]));
  return {
    ...lab,
    hosts: lab.hosts.filter((h) => h.name === host).map(onMachine),
    remoteHosts: lab.hosts.filter((h) => h.name !== host).map(onMachine),
    containers: lab.containers.filter((c) => mine.has(c.name)),
    checks: lab.checks
      .filter((c) => c.from === host || mine.has(c.from))
      .map((c) =>
        'address' in c && c.address !== null && machineOf.has(c.address)
          ? {
              ...c,
              address: machineOf.get(c.address)!,
              name: c.name.replace(c.address, machineOf.get(c.address)!),
            }
          : c,
      ),
    // The machines' own LAN joins them; nslab builds no outside on a real machine for this.
    outside: { serve: [], used: false },
    exercises: [],
  };
}
