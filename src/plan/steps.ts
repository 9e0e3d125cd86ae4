// One builder per kind of step: the compiler demands a case for every kind.
import { SANDBOX_UPLINK } from '../lab/names.js';
import type { Container, Endpoint, Network } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import type { Context } from './context.js';
import type { Command, Step } from './types.js';

export type StepSpec =
  | { kind: 'sandbox-host' }
  | { kind: 'outside' }
  | { kind: 'namespace'; container: Container }
  | { kind: 'bridge'; network: Network }
  | { kind: 'forward-accept'; network: Network }
  | { kind: 'endpoint'; endpoint: Endpoint; network: Network };

type Builders = { [K in StepSpec['kind']]: (spec: Extract<StepSpec, { kind: K }>, ctx: Context) => Step };

const run = (argv: string[], undo?: string[]): Command => (undo ? { argv, undo } : { argv });

/** A fresh namespace, marked as ours through the alias of its lo, with lo up. */
const namespace = (ctx: Context, ns: string): Command[] => [
  run(['ip', 'netns', 'add', ns], ['ip', 'netns', 'del', ns]),
  run(['ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'alias', ctx.mark]),
  run(['ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'up']),
];

const forwardRule = (ctx: Context, bridge: string, op: '-I' | '-D') =>
  ctx.onHost('iptables', op, 'FORWARD', '-i', bridge, '-o', bridge, '-m', 'comment', '--comment', ctx.mark, '-j', 'ACCEPT');

export const builders: Builders = {
  'sandbox-host': (_spec, ctx) => ({
    title: `sandbox: namespace ${ctx.hostNs} plays the Docker host`,
    why: 'everything below happens inside it, so the machine’s own network is never touched',
    docker: 'Docker works in the machine’s own namespace; here a namespace stands in for that machine',
    commands: namespace(ctx, ctx.hostNs!),
  }),
  outside: (_spec, ctx) => {
    const outside = ctx.ns('outside');
    const { host, outside: router, prefix } = SANDBOX_UPLINK;
    return {
      title: `sandbox: namespace ${outside} plays the world outside, joined by an uplink`,
      why: `the Docker host needs an eth0 and a default route, like a VM on its LAN (documentation addresses ${router}/${prefix})`,
      docker: 'Docker uses whatever uplink the machine has; it never creates one',
      commands: [
        ...namespace(ctx, outside),
        run(ctx.ip(null, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', outside)),
        run(ctx.ip(null, 'addr', 'add', `${host}/${prefix}`, 'dev', 'eth0')),
        run(ctx.ip(null, 'link', 'set', 'dev', 'eth0', 'up')),
        run(ctx.ip(outside, 'addr', 'add', `${router}/${prefix}`, 'dev', 'eth0')),
        run(ctx.ip(outside, 'link', 'set', 'dev', 'eth0', 'up')),
        run(ctx.ip(null, 'route', 'add', 'default', 'via', router)),
      ],
    };
  },
  namespace: ({ container }, ctx) => ({
    title: `container ${container.name}: network namespace ${ctx.ns(container.name)}, lo up`,
    why: 'a namespace has its own interfaces, routes and iptables; it starts with only lo, and lo starts DOWN',
    docker: 'docker run creates the container’s sandbox, a namespace under /var/run/docker/netns, and brings lo up',
    commands: namespace(ctx, ctx.ns(container.name)),
  }),
  bridge: ({ network }, ctx) => ({
    title: `network ${network.name}: bridge ${network.name} with gateway ${network.gateway}/${network.subnet.prefix}`,
    why: `a bridge is a virtual switch; its own address is the gateway of ${formatSubnet(network.subnet)} and gives the host a route to it`,
    docker: 'dockerd creates docker0 (172.17.0.1/16) at start; `docker network create` makes a br-<id> bridge the same way',
    commands: [
      run(ctx.ip(null, 'link', 'add', network.name, 'type', 'bridge'), ctx.ip(null, 'link', 'del', network.name)),
      run(ctx.ip(null, 'link', 'set', 'dev', network.name, 'alias', ctx.mark)),
      run(ctx.ip(null, 'addr', 'add', `${network.gateway}/${network.subnet.prefix}`, 'dev', network.name)),
      run(ctx.ip(null, 'link', 'set', 'dev', network.name, 'up')),
    ],
  }),
  'forward-accept': ({ network }, ctx) => ({
    title: `let ${network.name} forward although FORWARD drops (Docker’s trap)`,
    why: 'Docker set the FORWARD policy to DROP and br_netfilter sends bridged frames through it: without this, pings between containers die',
    docker: 'Docker adds the same accept for its own bridges (-i docker0 -o docker0 -j ACCEPT) but not for yours',
    commands: [run(forwardRule(ctx, network.name, '-I'), forwardRule(ctx, network.name, '-D'))],
  }),
  endpoint: ({ endpoint: ep, network }, ctx) => {
    const ns = ctx.ns(ep.container);
    return {
      title: `endpoint ${ep.container}/${ep.ifname}: veth ${ep.hostIfname} ⇄ ${ep.ifname}, ${ep.address}/${ep.prefix} on ${network.name}`,
      why: `a veth pair is a cable: one end in the container as ${ep.ifname}, the other plugged into the bridge${ep.defaultRoute ? '; the default route leads to the gateway' : ''}`,
      docker: `Docker creates vethXXXXXXX, moves its peer into the container and renames it ${ep.ifname}, attaches the host end to the bridge and gives ${ep.ifname} the next free address`,
      commands: [
        run(ctx.ip(null, 'link', 'add', ep.hostIfname, 'type', 'veth', 'peer', 'name', ep.ifname, 'netns', ns), ctx.ip(null, 'link', 'del', ep.hostIfname)),
        run(ctx.ip(null, 'link', 'set', 'dev', ep.hostIfname, 'alias', ctx.mark)),
        run(ctx.ip(null, 'link', 'set', 'dev', ep.hostIfname, 'master', network.name)),
        run(ctx.ip(null, 'link', 'set', 'dev', ep.hostIfname, 'up')),
        run(ctx.ip(ns, 'addr', 'add', `${ep.address}/${ep.prefix}`, 'dev', ep.ifname)),
        run(ctx.ip(ns, 'link', 'set', 'dev', ep.ifname, 'up')),
        ...(ep.defaultRoute ? [run(ctx.ip(ns, 'route', 'add', 'default', 'via', network.gateway))] : []),
      ],
    };
  },
};

export const build = (spec: StepSpec, ctx: Context): Step =>
  (builders[spec.kind] as (s: StepSpec, c: Context) => Step)(spec, ctx);
