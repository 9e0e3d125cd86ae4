// Where a hand-built lab lives, for observe(): its Docker host's namespace, its bridges, and each
// container's namespace and files, read off the plan that built it.
import { existsSync } from 'node:fs';
import type { Lab } from '../lab/types.js';
import type { Plan } from '../plan/types.js';
import type { SideLayout } from './observe.js';

export function layoutOf(lab: Lab, plan: Plan, host = lab.hosts[0]!.name): SideLayout {
  const files = (ns: string | null, f: string) =>
    ns && existsSync(`/etc/netns/${ns}/${f}`) ? `/etc/netns/${ns}/${f}` : `/etc/${f}`;
  return {
    hostNs: plan.hosts[host] ?? null,
    bridges: Object.fromEntries(
      lab.networks
        .filter((n) => n.hosts.includes(host) && (n.driver === 'bridge' || n.driver === 'overlay'))
        .map((n) => [n.name, n.name]),
    ),
    containers: Object.fromEntries(
      lab.containers
        .filter((c) => c.host === host)
        .map((c) => {
          const ns = plan.containerNs[c.name] ?? null;
          return [c.name, { netns: ns, hostsFile: files(ns, 'hosts'), resolvFile: files(ns, 'resolv.conf') }];
        }),
    ),
  };
}
