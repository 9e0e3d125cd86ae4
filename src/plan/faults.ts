// Exercises: the plan with a fault planted — a command left out, or one argument wrong — so the
// lab comes up broken in exactly the way the exercise teaches. Pure, like compile().
import type { Exercise, Fault, Guard, Lab } from '../lab/types.js';
import { addressAt, contains, parseCidr } from '../net/ipv4.js';
import { hostsFile, resolvConf } from './files.js';
import { hasTag, ip, sysctl, tagged, type Command } from './command.js';
import { lanChild } from './steps.js';
import type { Plan } from './types.js';

/** What one fault does to one command: keep it, drop it, or put another in its place. */
type Edit = (c: Command) => Command | null;

interface Planting {
  edit?: Edit;
  /** commands added to the Docker host's first step */
  add?: Command[];
}

/** Drops every command carrying one of these tags. */
const drop = (...tags: string[]): Planting => ({ edit: (c) => (tags.some((t) => hasTag(c, t)) ? null : c) });
/** Puts another command in the place of each command with this tag. */
const replace = (tag: string, by: (c: Command) => Command): Planting => ({
  edit: (c) => (hasTag(c, tag) ? by(c) : c),
});

/** An iptables rule with other arguments, and its undo deleting that rule, not the intended one. */
const withArgs = (c: Command, edit: (args: string[]) => string[]): Command =>
  c.tool === 'iptables'
    ? {
        ...c,
        args: edit(c.args),
        ...(c.undo?.tool === 'iptables' ? { undo: { ...c.undo, args: edit(c.undo.args) } } : {}),
      }
    : c;

/** The subnet's last usable address: inside it, so the kernel takes it, but no container has it. */
const nobodysAddress = (subnet: Parameters<typeof addressAt>[0]): string =>
  addressAt(subnet, 2 ** (32 - subnet.prefix) - 2);

function planting(f: Fault, lab: Lab, plan: Plan): Planting {
  if ('container' in f) {
    const c = lab.containers.find((x) => x.name === f.container)!;
    const ep = c.endpoints[0]!;
    switch (f.kind) {
      // lo belongs to the namespace: a container:X sidecar shares X's
      case 'lo-down':
        return drop(`lo-up:${c.mode.kind === 'container' ? c.mode.of : c.name}`);
      case 'link-down':
        // The kernel refuses a route via a link that is down: the default route goes too, as it
        // does when a learner sets eth0 down in a running container.
        return drop(`link-up:${c.name}/${ep.ifname}`, `default-route:${c.name}`);
      case 'host-end-down':
        return drop(`port-up:${ep.hostIfname}`);
      case 'unplugged':
        return drop(`plug:${ep.hostIfname}`);
      case 'no-default-route':
        return drop(`default-route:${c.name}`);
      case 'prefix': {
        const gateway = lab.networks.find((n) => n.name === ep.network)!.gateway;
        // The kernel refuses a default route via a gateway outside the address's subnet.
        const routeGoes = !contains(parseCidr(`${ep.address}/${f.prefix}`)!, gateway);
        const narrowed = (x: Command) => ({
          ...x,
          ...ip(x.ns, 'addr', 'add', `${ep.address}/${f.prefix}`, 'dev', ep.ifname),
        });
        const address = replace(`address:${c.name}/${ep.ifname}`, narrowed).edit!;
        return { edit: (x) => (routeGoes && hasTag(x, `default-route:${c.name}`) ? null : address(x)) };
      }
      case 'no-output-dnat':
        return drop(`output-dnat:${c.name}`);
      case 'no-dns-jump':
        return drop(`dns-jump:${c.name}`);
      case 'no-hairpin':
        return drop(`hairpin:${ep.hostIfname}`);
      case 'hosts-missing': {
        const hosts = c.hosts.flatMap((e) => {
          const names = e.names.filter((n) => n !== f.name);
          return names.length > 0 ? [{ ...e, names }] : [];
        });
        return replace(`hosts-file:${c.name}`, (x) => ({
          ...x,
          content: hostsFile({ ...c, hosts }, plan.mark),
        }));
      }
      case 'hosts-stale': {
        // The entry's name moved to the subnet's last address, which nobody has: what a linking
        // container would keep if nobody rewrote its /etc/hosts when the linked one got a new address.
        const n = lab.networks.find((x) => x.name === ep.network)!;
        const stale = nobodysAddress(n.subnet);
        const hosts = c.hosts.map((e) => (e.names.includes(f.name) ? { ...e, address: stale } : e));
        return replace(`hosts-file:${c.name}`, (x) => ({
          ...x,
          content: hostsFile({ ...c, hosts }, plan.mark),
        }));
      }
      case 'wrong-gateway': {
        // The subnet's last address: in the subnet, so the kernel takes the route, but nobody has it.
        const n = lab.networks.find((x) => x.name === ep.network)!;
        const wrong = nobodysAddress(n.subnet);
        return replace(`default-route:${c.name}`, (x) => ({
          ...x,
          ...ip(x.ns, 'route', 'add', 'default', 'via', wrong),
        }));
      }
      case 'mtu':
        return replace(`mtu:${c.name}/${ep.ifname}`, (x) => ({
          ...x,
          ...ip(x.ns, 'link', 'set', 'dev', ep.ifname, 'mtu', String(f.mtu)),
        }));
      case 'dnat-wrong-port': {
        // The first port that is DNATed; the container's port one above the one it listens on.
        const p = c.ports.find((x) => !x.hostIp?.startsWith('127.'))!;
        const to = `${p.address}:${p.containerPort}`;
        return replace(`dnat:${c.name}:${p.hostPort}/${p.proto}`, (x) =>
          withArgs(x, (a) => a.map((w) => (w === to ? `${p.address}:${p.containerPort + 1}` : w))),
        );
      }
      case 'resolv-no-dns':
        // the resolv.conf of a container on the default bridge: no DNS server in the lab
        return replace(`resolv-file:${c.name}`, (x) => ({ ...x, content: resolvConf(plan.mark, false) }));
      case 'backend-missing':
        return drop(`backend:${c.name}`);
      case 'macvlan-private':
        return replace(`child:${ep.hostIfname}`, (x) =>
          x.tool === 'ip' && x.makes?.parent
            ? { ...x, ...lanChild(x.ns, ep.hostIfname, x.makes.parent, 'macvlan', 'private') }
            : x,
        );
    }
  }
  if ('network' in f) {
    const n = f.network;
    switch (f.kind) {
      case 'no-gateway':
        return drop(`gateway:${n}`);
      case 'bridge-down':
        return drop(`bridge-up:${n}`);
      case 'no-masquerade':
        return drop(`masquerade:${n}`);
      case 'no-isolation':
        return drop(`isolation:${n}`);
      case 'no-shim':
        return drop(`shim:${n}`);
      case 'no-route-localnet':
        return drop(`route-localnet:${n}`);
      case 'masquerade-wrong-way':
        // `-o br0` where Docker has `! -o br0`: only what stays on the bridge is rewritten
        return replace(`masquerade:${n}`, (x) =>
          withArgs(x, (a) => a.filter((w, i) => !(w === '!' && a[i + 1] === '-o'))),
        );
    }
  }
  const h = plan.hosts[f.host] ?? null;
  switch (f.kind) {
    case 'ip-forward-off':
      return { ...drop(`ip-forward:${f.host}`), add: [sysctl(h, 'net.ipv4.ip_forward', '0')] };
    case 'forward-drop':
      return { add: [{ tool: 'iptables', ns: h, op: '-P', chain: 'FORWARD', args: ['DROP'] }] };
    case 'no-vxlan-peers':
      return drop(
        ...lab.networks.filter((n) => n.driver === 'overlay').map((n) => `vxlan-peers:${n.name}@${f.host}`),
      );
    case 'no-isolation-jump':
      return drop(`isolation-jump:${f.host}`);
    case 'vxlan-unplugged':
      return drop(
        ...lab.networks.filter((n) => n.driver === 'overlay').map((n) => `vxlan-plug:${n.name}@${f.host}`),
      );
  }
}

/**
 * The plan with the exercise's faults planted. Throws when a fault finds nothing to break: a
 * lab whose exercise no longer matches its plan is a bug the unit tests catch.
 */
export function plant(plan: Plan, lab: Lab, exercise: Exercise): Plan {
  let steps = plan.steps;
  for (const f of exercise.faults) {
    const { edit, add } = planting(f, lab, plan);
    let changed = false;
    steps = steps.map((step) => ({
      ...step,
      commands: step.commands.flatMap((cmd) => {
        const out = edit ? edit(cmd) : cmd;
        if (out !== cmd) changed = true;
        // what the fault put there carries its name: trace tells a planted rule from a step's
        return out ? [out === cmd ? out : tagged(out, `fault:${f.kind}`)] : [];
      }),
    }));
    if (add) {
      // Right after the namespace of the Docker host exists: the fault is there from the start.
      const at = Math.max(
        0,
        steps.findIndex((s) => s.kind === 'docker-host'),
      );
      const named = add.map((c) => tagged(c, `fault:${f.kind}`));
      steps = steps.map((s, i) => (i === at ? { ...s, commands: [...s.commands, ...named] } : s));
      changed = true;
    }
    if (!changed)
      throw new Error(
        `exercise "${exercise.title}" of ${lab.name}: the fault ${f.kind} found nothing to break in the plan`,
      );
  }
  return { ...plan, steps: steps.filter((s) => s.commands.length > 0) };
}

/**
 * The namespaces an exercise's faults are in: where the commands they leave out, change or add
 * run, and the namespace of each container a fault names. A repair belongs there.
 */
export function faultNamespaces(plan: Plan, lab: Lab, exercise: Exercise): string[] {
  const found = new Set<string>();
  for (const f of exercise.faults) {
    const { edit, add } = planting(f, lab, plan);
    for (const cmd of plan.steps.flatMap((s) => s.commands))
      if (edit && edit(cmd) !== cmd && cmd.ns) found.add(cmd.ns);
    for (const cmd of add ?? []) if (cmd.ns) found.add(cmd.ns);
    const ns = 'container' in f ? plan.containerNs[f.container] : null;
    if (ns) found.add(ns);
  }
  return [...found];
}

/** What a repair must leave as it is: the exercise's own guards, and those its faults imply. */
export function guardsOf(exercise: Exercise): Guard[] {
  const implied = exercise.faults.flatMap((f): Guard[] =>
    f.kind === 'forward-drop'
      ? [
          // Docker's own state: the repair is a rule for the bridge, not the trap switched off
          { kind: 'policy', host: f.host, table: 'filter', chain: 'FORWARD', is: 'DROP' },
          { kind: 'sysctl', host: f.host, name: 'net.bridge.bridge-nf-call-iptables', is: '1' },
        ]
      : [],
  );
  const key = (g: Guard) => JSON.stringify(g);
  const own = new Set(exercise.guards.map(key));
  return [...exercise.guards, ...implied.filter((g) => !own.has(key(g)))];
}
