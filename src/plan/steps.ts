// One builder per kind of step: the compiler demands a case for every kind.
import { HOST_UPLINK_IFNAME, OUTSIDE_SERVER, SANDBOX_RANGES, SANDBOX_UPLINK } from '../lab/names.js';
import type { Container, Endpoint, Network, PublishedPort, Server, Service } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import { serverScript, type Context } from './context.js';
import { hostsFile, resolvConf } from './files.js';
import type { Command, Step } from './types.js';

export type StepSpec =
  | { kind: 'sandbox-host' }
  | { kind: 'outside' }
  | { kind: 'namespace'; container: Container }
  | { kind: 'files'; container: Container }
  | { kind: 'bridge'; network: Network }
  | { kind: 'forward-accept'; network: Network }
  | { kind: 'endpoint'; endpoint: Endpoint; network: Network }
  | { kind: 'ip-forward' }
  | { kind: 'nat'; network: Network }
  | { kind: 'isolation'; network: Network; others: Network[] }
  | { kind: 'publish'; container: Container; port: PublishedPort }
  | { kind: 'service'; service: Service; networks: Network[] }
  | { kind: 'server'; owner: string; ns: string | null; server: Server };

type Builders = { [K in StepSpec['kind']]: (spec: Extract<StepSpec, { kind: K }>, ctx: Context) => Step };

const run = (argv: string[], undo?: string[]): Command => (undo ? { argv, undo } : { argv });

/** A fresh namespace, marked as ours through the alias of its lo, with lo up. */
const namespace = (ctx: Context, ns: string): Command[] => [
  run(['ip', 'netns', 'add', ns], ['ip', 'netns', 'del', ns]),
  run(['ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'alias', ctx.mark]),
  run(['ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'up']),
];

/** An iptables rule in the Docker host's namespace, marked by its comment, undone by -D. */
function rule(ctx: Context, table: string, chain: string, matches: string[], target: string[], op: '-A' | '-I' = '-A'): Command {
  const argv = (o: string) => ctx.inNs(null, 'iptables', '-t', table, o, chain, ...matches, '-m', 'comment', '--comment', ctx.mark, '-j', ...target);
  return run(argv(op), argv('-D'));
}

const { host: HOST, outside: ROUTER, prefix: UPLINK_PREFIX } = SANDBOX_UPLINK;

export const builders: Builders = {
  'sandbox-host': (_spec, ctx) => ({
    title: `sandbox: namespace ${ctx.hostNs} plays the Docker host`,
    why: 'everything below happens inside it, so the machine’s own network is never touched',
    docker: 'Docker works in the machine’s own namespace; here a namespace stands in for that machine',
    commands: namespace(ctx, ctx.hostNs!),
  }),
  outside: (_spec, ctx) => {
    const outside = ctx.outsideNs!;
    const sandbox = ctx.target.kind === 'sandbox';
    const uplink = sandbox ? 'eth0' : HOST_UPLINK_IFNAME;
    const servers = SANDBOX_RANGES[1]!.subnet;
    return {
      title: `namespace ${outside} plays the world outside, behind the uplink ${uplink}`,
      why: `a router at ${ROUTER}/${UPLINK_PREFIX} with servers at ${OUTSIDE_SERVER}: documentation addresses, so no real network is ever reached`,
      docker: 'Docker uses whatever uplink the machine has; here the uplink leads to a namespace of nslab’s',
      commands: [
        ...namespace(ctx, outside),
        run(ctx.ip(null, 'link', 'add', uplink, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', outside), sandbox ? undefined : ctx.ip(null, 'link', 'del', uplink)),
        ...(sandbox ? [] : [run(ctx.ip(null, 'link', 'set', 'dev', uplink, 'alias', ctx.mark))]),
        run(ctx.ip(null, 'addr', 'add', `${HOST}/${UPLINK_PREFIX}`, 'dev', uplink)),
        run(ctx.ip(null, 'link', 'set', 'dev', uplink, 'up')),
        run(ctx.ip(outside, 'addr', 'add', `${ROUTER}/${UPLINK_PREFIX}`, 'dev', 'eth0')),
        run(ctx.ip(outside, 'link', 'set', 'dev', 'eth0', 'up')),
        run(ctx.ip(outside, 'addr', 'add', `${OUTSIDE_SERVER}/32`, 'dev', 'lo')),
        // The sandbox's host routes everything out of eth0; the real host only the servers' range.
        run(ctx.ip(null, 'route', 'add', sandbox ? 'default' : formatSubnet(servers), 'via', ROUTER)),
      ],
    };
  },
  namespace: ({ container }, ctx) => ({
    title: `container ${container.name}: network namespace ${ctx.ownNs(container.name)}, lo up${container.mode.kind === 'none' ? ' (network none: nothing else)' : ''}`,
    why: 'a namespace has its own interfaces, routes and iptables; it starts with only lo, and lo starts DOWN',
    docker: container.mode.kind === 'none'
      ? 'docker run --network none stops here: the container gets lo and nothing else'
      : 'docker run creates the container’s sandbox, a namespace under /var/run/docker/netns, and brings lo up',
    commands: namespace(ctx, ctx.ownNs(container.name)),
  }),
  files: ({ container }, ctx) => {
    const dir = `/etc/netns/${ctx.ownNs(container.name)}`;
    return {
      title: `container ${container.name}: its /etc/hosts and resolv.conf`,
      why: `\`ip netns exec\` mounts ${dir}/* over /etc; resolv.conf points at no server so no lookup leaves the lab`,
      docker: 'Docker writes /etc/hosts (the container itself, --link entries) and resolv.conf; on user networks it answers names at 127.0.0.11',
      commands: [
        run(['mkdir', '-p', dir], ['rm', '-rf', dir]),
        { argv: ['tee', `${dir}/hosts`], input: hostsFile(container, ctx.mark) },
        { argv: ['tee', `${dir}/resolv.conf`], input: resolvConf(ctx.mark) },
      ],
    };
  },
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
    docker: 'Docker adds the same accepts for its own bridges (-i docker0 -o docker0 -j ACCEPT) but not for yours',
    commands: [
      rule(ctx, 'filter', 'FORWARD', ['-i', network.name, '-o', network.name], ['ACCEPT'], '-I'),
      ...(network.nat
        ? [
            rule(ctx, 'filter', 'FORWARD', ['-i', network.name, '!', '-o', network.name], ['ACCEPT'], '-I'),
            rule(ctx, 'filter', 'FORWARD', ['-o', network.name, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED'], ['ACCEPT'], '-I'),
          ]
        : []),
    ],
  }),
  endpoint: ({ endpoint: ep, network }, ctx) => {
    const ns = ctx.ownNs(ep.container);
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
  'ip-forward': (_spec, ctx) => ({
    title: 'the host forwards packets between its interfaces: net.ipv4.ip_forward=1',
    why: 'without it the host answers its containers but routes nothing for them: no way out, no published port',
    docker: 'dockerd sets net.ipv4.ip_forward=1 when it starts (and leaves it so)',
    commands: [
      ctx.target.kind === 'host'
        ? run(['sysctl', '-qw', 'net.ipv4.ip_forward=1'], ['sysctl', '-qw', `net.ipv4.ip_forward=${ctx.target.facts.ipForward}`])
        : run(ctx.inNs(null, 'sysctl', '-qw', 'net.ipv4.ip_forward=1')),
    ],
  }),
  nat: ({ network }, ctx) => ({
    title: `network ${network.name}: outbound NAT (MASQUERADE ${formatSubnet(network.subnet)} ! -o ${network.name})`,
    why: 'the outside has no route back to a private subnet: the host rewrites the source to its own address on the way out',
    docker: `Docker adds -A POSTROUTING -s SUBNET ! -o BRIDGE -j MASQUERADE for every network with masquerading on (the default)`,
    commands: [rule(ctx, 'nat', 'POSTROUTING', ['-s', formatSubnet(network.subnet), '!', '-o', network.name], ['MASQUERADE'])],
  }),
  isolation: ({ network, others }, ctx) => ({
    title: `network ${network.name}: isolated from ${others.map((o) => o.name).join(', ')}`,
    why: 'with ip_forward on, the host would route between its bridges; these rules drop what crosses between them',
    docker: 'Docker puts such drops in DOCKER-ISOLATION-STAGE-1/2 (DOCKER-FORWARD on 28+) between user-defined networks',
    commands: others.flatMap((o) => [
      rule(ctx, 'filter', 'FORWARD', ['-i', network.name, '-o', o.name], ['DROP'], '-I'),
      rule(ctx, 'filter', 'FORWARD', ['-i', o.name, '-o', network.name], ['DROP'], '-I'),
    ]),
  }),
  publish: ({ container, port: p }, ctx) => {
    const dest = `${p.address}:${p.containerPort}`;
    const dport = ['-p', 'tcp', '-m', 'tcp', '--dport'];
    const local = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    const subnet = formatSubnet(ctx.lab.networks.find((n) => n.name === p.network)!.subnet);
    return {
      title: `publish ${container.name}: host port ${p.hostPort} → ${dest} (docker run -p ${p.hostPort}:${p.containerPort})`,
      why: 'DNAT rewrites the destination of packets for the host’s port: PREROUTING for packets from elsewhere, OUTPUT for the host’s own',
      docker: 'Docker adds the DNAT to its DOCKER chain (jumped to from PREROUTING and OUTPUT), an ACCEPT in FORWARD, and a hairpin MASQUERADE',
      commands: [
        rule(ctx, 'nat', 'PREROUTING', [...local, ...dport, String(p.hostPort)], ['DNAT', '--to-destination', dest]),
        rule(ctx, 'nat', 'OUTPUT', [...local, '!', '-d', '127.0.0.0/8', ...dport, String(p.hostPort)], ['DNAT', '--to-destination', dest]),
        // Hairpin: a container of the same subnet reaching the published port gets its answer
        // back through the host (source rewritten), not straight from the server.
        rule(ctx, 'nat', 'POSTROUTING', ['-s', subnet, '-d', p.address, ...dport, String(p.containerPort)], ['MASQUERADE']),
        ...(ctx.target.kind === 'host' && ctx.target.facts.forwardDrop
          ? [rule(ctx, 'filter', 'FORWARD', ['-d', p.address, '-o', p.network, ...dport, String(p.containerPort)], ['ACCEPT'], '-I')]
          : []),
      ],
    };
  },
  service: ({ service: s }, ctx) => {
    const n = s.backends.length;
    const match = (i: number) => [
      '-d', s.vip, '-p', 'tcp', '-m', 'tcp', '--dport', String(s.port),
      // Backend i takes 1/(n-i) of what the rules before it left over: an even split.
      ...(i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', (1 / (n - i)).toFixed(5)] : []),
    ];
    return {
      title: `service ${s.name}: virtual IP ${s.vip}:${s.port} → ${s.backends.map((b) => b.container).join(', ')}`,
      why: 'no interface has the VIP: DNAT picks a backend per connection, at random (iptables statistic), and the answer is un-NATed on the way back',
      docker: 'Docker’s swarm services and Kubernetes’ kube-proxy (iptables mode) build the same KUBE-SVC/KUBE-SEP chains of DNAT rules',
      commands: [
        ...['PREROUTING', 'OUTPUT'].flatMap((chain) =>
          s.backends.map((b, i) => rule(ctx, 'nat', chain, match(i), ['DNAT', '--to-destination', `${b.address}:${s.targetPort}`]))),
        rule(ctx, 'nat', 'POSTROUTING', ['-m', 'conntrack', '--ctstate', 'DNAT', '--ctorigdst', s.vip], ['MASQUERADE']),
      ],
    };
  },
  server: ({ owner, ns, server }, ctx) => ({
    title: `${owner}: start a ${server.kind} server on port ${server.port}`,
    why: server.kind === 'http' ? `it answers "${owner}" and the client’s address, so a check can tell who answered and who asked` : 'it accepts connections, so a check can tell the port is reachable',
    docker: 'the process of the container: it listens inside the namespace it was started in',
    commands: [{ argv: ctx.inNs(ns, 'node', serverScript, server.kind, String(server.port), owner, ctx.mark), background: true }],
  }),
};

export const build = (spec: StepSpec, ctx: Context): Step =>
  (builders[spec.kind] as (s: StepSpec, c: Context) => Step)(spec, ctx);
