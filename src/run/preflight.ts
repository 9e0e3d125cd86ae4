// Before anything is created: is this machine able to build the plan, and is the plan's room
// free? Every problem found is an EnvError (exit 3); nothing is changed here.
import { existsSync } from 'node:fs';
import { placeLabel } from '../lab/names.js';
import type { Lab } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import { commandLine, programOf } from '../plan/command.js';
import type { HostFacts, Plan } from '../plan/types.js';
import { EnvError } from './errors.js';
import { ipJson, run } from './exec.js';
import {
  listLinks,
  listNamespaces,
  listNetnsFiles,
  listRoutes,
  overlappingRoutes,
  sameOwner,
} from './inventory.js';
import { bridgeNetfilter, readSysctl } from './sysctl.js';
import { hasTool, isRoot, packageOf } from './tools.js';

/** What compile needs to know of the machine's own namespace (host target). */
export async function hostFacts(): Promise<HostFacts & { note?: string }> {
  const ipForward = readSysctl('net/ipv4/ip_forward') === '1' ? '1' : '0';
  if (!bridgeNetfilter()) return { forwardDrop: false, ipForward };
  if (!isRoot() || !hasTool('iptables')) {
    return {
      forwardDrop: true,
      ipForward,
      note:
        'br_netfilter is loaded but the FORWARD policy cannot be read without root; ' +
        'assuming Docker left it at DROP',
    };
  }
  const r = await run(['iptables', '-S', 'FORWARD']);
  return { forwardDrop: /^-P FORWARD DROP$/m.test(r.stdout), ipForward };
}

export function requireRoot(verb: string): void {
  if (!isRoot())
    throw new EnvError(
      `nslab ${verb} changes the kernel's network setup and needs root`,
      // the very command line that was refused, so it can be pasted as it is
      `run it with sudo: sudo nslab ${commandLine(process.argv.slice(2))}`,
    );
}

export function requireTools(names: string[]): void {
  const missing = names.filter((n) => !hasTool(n));
  if (missing.length > 0) {
    const pkgs = [...new Set(missing.map((m) => packageOf[m] ?? m))];
    throw new EnvError(
      `missing tool${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
      `install with: apt-get install -y ${pkgs.join(' ')}`,
    );
  }
}

/** The programs a plan runs (and ping, for its checks), ip first. */
export const toolsFor = (plan: Plan): string[] => {
  const programs = new Set(plan.steps.flatMap((s) => s.commands.flatMap((c) => programOf(c) ?? [])));
  if (plan.checks.length > 0) programs.add('ping');
  return ['ip', ...[...programs].filter((t) => t !== 'ip')];
};

/** The interface of this machine's own namespace that has this address (for `up --as`), or null. */
export async function interfaceWith(address: string): Promise<string | null> {
  const links = await ipJson<{ ifname: string; addr_info: { family: string; local: string }[] }>([
    'ip',
    '-j',
    'addr',
    'show',
  ]);
  return (
    links.find((l) => l.addr_info.some((a) => a.family === 'inet' && a.local === address))?.ifname ?? null
  );
}

/** Refuses a plan whose names are taken or whose subnets are already routed here. */
export async function checkRoom(plan: Plan, lab: Lab): Promise<void> {
  // Only names the plan would take matter, and a sandbox makes no link in the machine's own namespace.
  const [namespaces, links] = await Promise.all([
    listNamespaces(plan.namespaces),
    plan.place.kind === 'host' ? listLinks() : [],
  ]);
  // Up already: what this plan would create is there with the lab's mark (on another machine
  // of an `--as` lab, the other hosts' namespaces carry the same mark and are not ours).
  const ours = [
    ...namespaces,
    ...links.filter((l) => plan.rootLinks.includes(l.name) || lab.networks.some((n) => n.name === l.name)),
  ].filter((x) => sameOwner(x.owner, plan.lab, plan.place));
  if (ours.length > 0)
    throw new EnvError(
      `${plan.lab} is already up (${placeLabel(plan.place)})`,
      `check it with \`sudo nslab verify ${plan.lab}\`, or remove it with \`sudo nslab down ${plan.lab}\``,
    );

  const problems: string[] = [];
  const ownerText = (o: { lab: string } | null) =>
    o
      ? `it belongs to lab ${o.lab} (sudo nslab down ${o.lab})`
      : 'nslab did not create it and will not touch it';
  for (const ns of plan.namespaces) {
    const found = namespaces.find((n) => n.name === ns);
    if (found) problems.push(`namespace ${ns} already exists: ${ownerText(found.owner)}`);
  }
  for (const ns of plan.namespaces) {
    if (existsSync(`/etc/netns/${ns}`))
      problems.push(
        `/etc/netns/${ns} already exists: ip netns exec would mount its files into the container; ` +
          `${ownerText(listNetnsFiles().find((f) => f.dir === `/etc/netns/${ns}`)?.owner ?? null)}`,
      );
  }
  for (const name of plan.rootLinks) {
    const found = links.find((l) => l.name === name);
    if (found) problems.push(`interface ${name} already exists: ${ownerText(found.owner)}`);
  }
  if (plan.place.kind === 'host') {
    const routes = await listRoutes();
    for (const n of lab.networks)
      for (const route of overlappingRoutes(routes, n.subnet))
        problems.push(
          `subnet ${formatSubnet(n.subnet)} of network ${n.name} ` +
            `overlaps the route ${route.dst} dev ${route.dev} already on this machine`,
        );
  }
  if (problems.length > 0)
    throw new EnvError(
      `cannot build ${plan.lab} here:\n  ${problems.join('\n  ')}`,
      plan.place.kind === 'host'
        ? 'free the names or subnets, or build it in a sandbox: add --sandbox'
        : 'pick another sandbox name: --sandbox NAME',
    );
}
