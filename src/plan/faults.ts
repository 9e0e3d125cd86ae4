// Exercises: the plan with a fault planted — a command left out, or one argument wrong — so the
// lab comes up broken in exactly the way the exercise teaches. Pure, like compile().
import type { Exercise, Fault, Lab } from '../lab/types.js';
import { contains, parseCidr } from '../net/ipv4.js';
import { inNs, ipIn } from './netns.js';
import type { Command, Plan, Step } from './types.js';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** What one fault does to one command: keep it, drop it, or put another in its place. */
type Edit = (c: Command, step: Step) => Command | null;

interface Planting { edit?: Edit; /** commands added to the Docker host's first step */ add?: string[][] }

function planting(f: Fault, lab: Lab, plan: Plan): Planting {
  const containerOf = (name: string) => lab.containers.find((c) => c.name === name)!;
  if ('container' in f) {
    const c = containerOf(f.container);
    const ns = plan.containerNs[c.name] ?? null;
    const ep = c.endpoints[0];
    const h = plan.hosts[c.host] ?? null;
    const drop = (argv: string[]): Planting => ({ edit: (cmd) => (same(cmd.argv, argv) ? null : cmd) });
    switch (f.kind) {
      case 'lo-down': return drop(ipIn(ns, 'link', 'set', 'dev', 'lo', 'up'));
      case 'link-down': return drop(ipIn(ns, 'link', 'set', 'dev', ep!.ifname, 'up'));
      case 'host-end-down': return drop(ipIn(h, 'link', 'set', 'dev', ep!.hostIfname, 'up'));
      case 'unplugged': return drop(ipIn(h, 'link', 'set', 'dev', ep!.hostIfname, 'master', ep!.network));
      case 'no-default-route': return { edit: (cmd) => (same(cmd.argv.slice(0, 6), ipIn(ns, 'route', 'add', 'default')) ? null : cmd) };
      case 'prefix': {
        const gateway = lab.networks.find((n) => n.name === ep!.network)!.gateway;
        const narrowed = parseCidr(`${ep!.address}/${f.prefix}`)!;
        // The kernel refuses a default route via a gateway outside the address's subnet.
        const routeGoes = !contains(narrowed, gateway);
        return {
          edit: (cmd) => {
            if (same(cmd.argv, ipIn(ns, 'addr', 'add', `${ep!.address}/${ep!.prefix}`, 'dev', ep!.ifname)))
              return { ...cmd, argv: ipIn(ns, 'addr', 'add', `${ep!.address}/${f.prefix}`, 'dev', ep!.ifname) };
            return routeGoes && same(cmd.argv.slice(0, 6), ipIn(ns, 'route', 'add', 'default')) ? null : cmd;
          },
        };
      }
      case 'no-output-dnat': {
        const targets = c.ports.map((p) => `${p.address}:${p.containerPort}`);
        return { edit: (cmd) => (cmd.argv.includes('OUTPUT') && cmd.argv.includes('DNAT') && targets.some((t) => cmd.argv.includes(t)) ? null : cmd) };
      }
      case 'hosts-missing': {
        const file = `/etc/netns/${ns}/hosts`;
        return {
          edit: (cmd) => {
            if (!(cmd.argv[0] === 'tee' && cmd.argv[1] === file && cmd.input !== undefined)) return cmd;
            const lines = cmd.input.split('\n').flatMap((line) => {
              if (line.startsWith('#') || !line.trim()) return [line];
              const [address, ...names] = line.split(/\s+/);
              const kept = names.filter((n) => n !== f.name);
              return kept.length ? [`${address}\t${kept.join(' ')}`] : [];
            });
            return { ...cmd, input: lines.join('\n') };
          },
        };
      }
      case 'macvlan-private':
        return { edit: (cmd) => (cmd.argv.includes(ep!.hostIfname) && cmd.argv.includes('macvlan') && cmd.argv.at(-1) === 'bridge' ? { ...cmd, argv: [...cmd.argv.slice(0, -1), 'private'] } : cmd) };
    }
  }
  if ('network' in f) {
    const n = lab.networks.find((x) => x.name === f.network)!;
    const hostsOf = n.hosts.map((h) => plan.hosts[h] ?? null);
    const iptables = (cmd: Command, ...words: string[]) => cmd.argv.includes('iptables') && words.every((w) => cmd.argv.includes(w));
    switch (f.kind) {
      case 'no-gateway': return { edit: (cmd) => (hostsOf.some((h) => same(cmd.argv, ipIn(h, 'addr', 'add', `${n.gateway}/${n.subnet.prefix}`, 'dev', n.name))) ? null : cmd) };
      case 'bridge-down': return { edit: (cmd) => (hostsOf.some((h) => same(cmd.argv, ipIn(h, 'link', 'set', 'dev', n.name, 'up'))) ? null : cmd) };
      case 'no-masquerade': return { edit: (cmd) => (iptables(cmd, 'POSTROUTING', 'MASQUERADE', `${n.subnet.network}/${n.subnet.prefix}`, n.name) && cmd.argv.includes('!') ? null : cmd) };
      case 'no-isolation': return { edit: (cmd, step) => (step.kind === 'isolation' && iptables(cmd, 'FORWARD', 'DROP', n.name) ? null : cmd) };
      case 'no-shim': return { edit: (cmd, step) => (step.kind === 'shim' && step.title.includes(`(${n.shim})`) ? null : cmd) };
    }
  }
  const h = plan.hosts[f.host] ?? null;
  switch (f.kind) {
    case 'ip-forward-off':
      return { edit: (cmd) => (cmd.argv.includes('net.ipv4.ip_forward=1') && (h === null || cmd.argv.includes(h)) ? null : cmd), add: [inNs(h, 'sysctl', '-qw', 'net.ipv4.ip_forward=0')] };
    case 'forward-drop':
      return { add: [inNs(h, 'iptables', '-P', 'FORWARD', 'DROP')] };
    case 'vxlan-unplugged': {
      const overlays = lab.networks.filter((n) => n.driver === 'overlay' && n.hosts.includes(f.host));
      return { edit: (cmd) => (overlays.some((n) => same(cmd.argv, ipIn(h, 'link', 'set', 'dev', `vx-${n.name}`, 'master', n.name))) ? null : cmd) };
    }
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
        const out = edit ? edit(cmd, step) : cmd;
        if (out !== cmd) changed = true;
        return out ? [out] : [];
      }),
    }));
    if (add) {
      // Right after the namespace of the Docker host exists: the fault is there from the start.
      const at = Math.max(0, steps.findIndex((s) => s.kind === 'docker-host'));
      steps = steps.map((s, i) => (i === at ? { ...s, commands: [...s.commands, ...add.map((argv) => ({ argv }))] } : s));
      changed = true;
    }
    if (!changed) throw new Error(`exercise "${exercise.title}" of ${lab.name}: the fault ${f.kind} found nothing to break in the plan`);
  }
  return { ...plan, steps: steps.filter((s) => s.commands.length > 0) };
}
