// One builder per kind of step: the compiler demands a case for every kind.
import { OUTSIDE_SERVER, SANDBOX_RANGES, SANDBOX_UPLINK } from '../lab/names.js';
import type {
  Container,
  DockerHost,
  Endpoint,
  Network,
  PublishedPort,
  Server,
  Service,
} from '../lab/types.js';
import { t } from '../i18n/index.js';
import { formatSubnet } from '../net/ipv4.js';
import {
  bridge,
  file,
  ip,
  netns,
  sysctl,
  tagged,
  undoing,
  type Command,
  type IpCommand,
  type ServerCommand,
} from './command.js';
import type { Context } from './context.js';
import {
  chainsStep,
  forwardStep,
  internalStep,
  isolationStep,
  jumpsStep,
  natStep,
  publishStep,
  rule,
} from './docker-rules.js';
import { hostsFile, resolvConf } from './files.js';
import { dnsStep, RESOLVER_IP } from './dns.js';
import { usesDns } from '../lab/dns.js';
import type { Step, StepKind } from './types.js';

export type StepSpec =
  | { kind: 'docker-host'; host: DockerHost }
  | { kind: 'outside' }
  | { kind: 'uplink'; host: DockerHost }
  | { kind: 'namespace'; container: Container }
  | { kind: 'files'; container: Container }
  | { kind: 'bridge'; network: Network; host: string }
  | { kind: 'vxlan'; network: Network; host: DockerHost; peers: DockerHost[] }
  | { kind: 'forward-accept'; network: Network; host: string; docker: boolean }
  | { kind: 'endpoint'; endpoint: Endpoint; network: Network }
  | { kind: 'dns'; container: Container }
  | { kind: 'shim'; network: Network; host: string }
  | { kind: 'ip-forward'; host: string }
  | { kind: 'chains'; host: string }
  | { kind: 'nat'; network: Network; host: string }
  | { kind: 'isolation'; network: Network; host: string }
  | { kind: 'internal'; network: Network; host: string }
  | { kind: 'forward-jumps'; host: string }
  | { kind: 'publish'; container: Container; port: PublishedPort }
  | { kind: 'proxy'; container: Container; port: PublishedPort }
  | { kind: 'service'; service: Service; host: string }
  | { kind: 'server'; owner: string; ns: string | null; server: Server };

/**
 * What a container's --link entries put in its environment, for the files step's Docker line: no
 * file holds it, so `nslab exec` sets it.
 */
const linkVariables = (container: Container, lab: string): string => {
  const names = Object.keys(container.env);
  if (names.length === 0) return '';
  const first = names[0]!;
  return t(
    '; --link also sets {count} variables in its environment ({first}={value}, …, {last}): nslab exec {lab} {name} -- env',
    {
      count: names.length,
      first,
      value: container.env[first]!,
      last: names.at(-1)!,
      lab,
      name: container.name,
    },
  );
};

type Builders = {
  [K in StepKind]: (spec: Extract<StepSpec, { kind: K }>, ctx: Context) => Omit<Step, 'kind'>;
};

/** A fresh namespace, marked as ours through the alias of its lo, with lo up; `who` names it in tags. */
const namespace = (ctx: Context, ns: string, who: string): Command[] => [
  undoing(netns('add', ns), netns('del', ns)),
  ip(ns, 'link', 'set', 'dev', 'lo', 'alias', ctx.mark),
  tagged(ip(ns, 'link', 'set', 'dev', 'lo', 'up'), `lo-up:${who}`),
];

/** `ip link add NAME …ARGS` that makes a link of this type (the kernel must support it). */
const linkAdd = (ns: string | null, name: string, type: string, ...args: string[]): IpCommand => ({
  ...ip(ns, 'link', 'add', name, ...args),
  makes: { link: name, type },
});

/**
 * `ip link add NAME [index N] type veth peer name PEER [index M] netns NS`: a cable, both ends
 * named; numbered by hand where the two ends would otherwise get the same number (see uplink).
 * The kernel takes the peer's number only when the first end has one too.
 */
const vethAdd = (
  ns: string | null,
  name: string,
  peer: string,
  peerNs: string,
  indexes?: [number, number],
): IpCommand => {
  const [own = [], far = []] = indexes?.map((i) => ['index', String(i)]) ?? [];
  const add = linkAdd(
    ns,
    name,
    'veth',
    ...own,
    'type',
    'veth',
    'peer',
    'name',
    peer,
    ...far,
    'netns',
    peerNs,
  );
  return { ...add, makes: { ...add.makes!, peer: { link: peer, ns: peerNs } } };
};

/**
 * In a sandbox the host's uplink is the first link of a new namespace (number 2), and so would
 * be its other end in the outside's. A veth whose two ends have the same number looks to the
 * kernel's link watcher like a link of no peer: it is handled with the non-urgent events, at
 * most once a second, and until then the end is DOWN for the bridge and drops what it should
 * send (measured: the first ping over it after `up` took 1.0 s, 2 runs of 3). So a sandbox's
 * uplinks are numbered by hand: 10 in each host, 11, 12, … for their ends in the outside's.
 */
const UPLINK_INDEX = 10;

/**
 * A link created in a namespace of ours needs no undo (it goes with the namespace); in the
 * machine's own it does, and a mark.
 */
const newLink = (ctx: Context, add: IpCommand): Command[] => {
  const { link } = add.makes!;
  return add.ns
    ? [add]
    : [
        undoing(add, ip(add.ns, 'link', 'del', link)),
        ip(add.ns, 'link', 'set', 'dev', link, 'alias', ctx.mark),
      ];
};

const { outside: ROUTER, prefix: LAN_PREFIX } = SANDBOX_UPLINK;
const IP_FORWARD = 'net.ipv4.ip_forward';

/**
 * A macvlan or ipvlan child of a parent link (the LAN side):
 * `link add NAME link PARENT type KIND mode MODE`.
 */
export const lanChild = (
  ns: string | null,
  name: string,
  parent: string,
  kind: string,
  mode: string,
): IpCommand => {
  const add = linkAdd(ns, name, kind, 'link', parent, 'type', kind, 'mode', mode);
  return { ...add, makes: { ...add.makes!, parent } };
};

const builders: Builders = {
  'docker-host': ({ host }, ctx) => ({
    title:
      ctx.lab.hosts.length > 1
        ? t('sandbox: namespace {ns} plays the Docker host {host}', {
            ns: ctx.hostNs(host.name)!,
            host: host.name,
          })
        : t('sandbox: namespace {ns} plays the Docker host', { ns: ctx.hostNs(host.name)! }),
    why: t('everything below happens inside it, so the machine’s own network is never touched'),
    docker: t('Docker works in the machine’s own namespace; here a namespace stands in for that machine'),
    commands: namespace(ctx, ctx.hostNs(host.name)!, host.name),
  }),
  outside: (_spec, ctx) => {
    const o = ctx.outsideNs!;
    return {
      title: t(
        'namespace {ns} plays the world outside: a LAN switch, its router {router} and servers at {server}',
        {
          ns: o,
          router: ROUTER,
          server: OUTSIDE_SERVER,
        },
      ),
      why: t('documentation addresses (RFC 5737) on a namespace of nslab’s: no real network is ever reached'),
      docker: t('Docker uses whatever network the machine is on; here that network is a namespace too'),
      commands: [
        ...namespace(ctx, o, 'outside'),
        linkAdd(o, 'lan', 'bridge', 'type', 'bridge'),
        ip(o, 'addr', 'add', `${ROUTER}/${LAN_PREFIX}`, 'dev', 'lan'),
        ip(o, 'link', 'set', 'dev', 'lan', 'up'),
        ip(o, 'addr', 'add', `${OUTSIDE_SERVER}/32`, 'dev', 'lo'),
      ],
    };
  },
  uplink: ({ host }, ctx) => {
    const h = ctx.hostNs(host.name);
    const o = ctx.outsideNs!;
    const port = `ve-${host.name}`;
    const servers = SANDBOX_RANGES[1]!.subnet;
    const indexes: [number, number] | undefined = h
      ? [UPLINK_INDEX, UPLINK_INDEX + 1 + ctx.lab.hosts.indexOf(host)]
      : undefined;
    return {
      title:
        host.name === 'host'
          ? t('the host: uplink {uplink} ({address}) plugged into the outside’s LAN', {
              uplink: ctx.uplink,
              address: `${host.address}/${LAN_PREFIX}`,
            })
          : t('host {host}: uplink {uplink} ({address}) plugged into the outside’s LAN', {
              host: host.name,
              uplink: ctx.uplink,
              address: `${host.address}/${LAN_PREFIX}`,
            }),
      why: h
        ? t(
            'a Docker host needs a NIC and a default route, like a VM on its LAN. Its ends are numbered {near} and {far} (index): in two new namespaces both would be number 2, and the kernel brings up a veth whose ends share a number up to 1 s late',
            { near: indexes![0], far: indexes![1] },
          )
        : t(
            'an extra veth of nslab’s, routed only to the outside’s servers: the machine’s real uplink is left alone',
          ),
      docker: t('Docker uses the machine’s NIC (eth0); it never creates one'),
      commands: [
        ...newLink(ctx, vethAdd(h, ctx.uplink, port, o, indexes)),
        ip(o, 'link', 'set', 'dev', port, 'master', 'lan'),
        ip(o, 'link', 'set', 'dev', port, 'up'),
        ip(h, 'addr', 'add', `${host.address}/${LAN_PREFIX}`, 'dev', ctx.uplink),
        ip(h, 'link', 'set', 'dev', ctx.uplink, 'up'),
        // A sandbox host routes everything out of its uplink; the real machine only the servers' range.
        ip(h, 'route', 'add', h ? 'default' : formatSubnet(servers), 'via', ROUTER),
      ],
    };
  },
  namespace: ({ container }, ctx) => ({
    title:
      container.mode.kind === 'none'
        ? t('container {name}: network namespace {ns}, lo up (network none: nothing else)', {
            name: container.name,
            ns: ctx.ownNs(container.name),
          })
        : t('container {name}: network namespace {ns}, lo up', {
            name: container.name,
            ns: ctx.ownNs(container.name),
          }),
    why: t(
      'a namespace has its own interfaces, routes and iptables; it starts with only lo, and lo starts DOWN',
    ),
    docker:
      container.mode.kind === 'none'
        ? t('docker run --network none stops here: the container gets lo and nothing else')
        : t(
            'docker run creates the container’s sandbox, a namespace under /var/run/docker/netns, and brings lo up',
          ),
    commands: namespace(ctx, ctx.ownNs(container.name), container.name),
  }),
  files: ({ container }, ctx) => {
    const dir = `/etc/netns/${ctx.ownNs(container.name)}`;
    const dns = usesDns(ctx.lab, container.name);
    return {
      title: t('container {name}: its /etc/hosts and resolv.conf', { name: container.name }),
      why: dns
        ? t(
            '`ip netns exec` mounts {dir}/* over /etc; resolv.conf sends every lookup to {resolver}, the DNS server of user-defined networks',
            { dir, resolver: RESOLVER_IP },
          )
        : t(
            '`ip netns exec` mounts {dir}/* over /etc; resolv.conf points at no server so no lookup leaves the lab',
            {
              dir,
            },
          ),
      docker: dns
        ? t(
            'on a user-defined network Docker writes /etc/hosts with the container itself only, and resolv.conf with nameserver {resolver} and options ndots:0: the other containers’ names come from its embedded DNS server',
            { resolver: RESOLVER_IP },
          )
        : t(
            'Docker writes /etc/hosts (the container itself, --link entries) and resolv.conf; on user networks it answers names at 127.0.0.11',
          ) + linkVariables(container, ctx.lab.name),
      commands: [
        undoing(file('mkdir', dir), file('rm', dir)),
        tagged(file('write', `${dir}/hosts`, hostsFile(container, ctx.mark)), `hosts-file:${container.name}`),
        tagged(
          file('write', `${dir}/resolv.conf`, resolvConf(ctx.mark, dns)),
          `resolv-file:${container.name}`,
        ),
      ],
    };
  },
  bridge: ({ network, host }, ctx) => {
    const h = ctx.hostNs(host);
    const overlay = network.driver === 'overlay';
    return {
      title: overlay
        ? t('overlay {name} on {host}: bridge {name} (layer 2 only, no gateway)', {
            name: network.name,
            host,
          })
        : t('network {name}: bridge {name} with gateway {gateway}', {
            name: network.name,
            gateway: `${network.gateway}/${network.subnet.prefix}`,
          }),
      why: overlay
        ? t('each host gets its own bridge for the overlay; VXLAN joins the bridges into one segment')
        : t(
            'a bridge is a virtual switch; its own address is the gateway of {subnet} and gives the host a route to it',
            {
              subnet: formatSubnet(network.subnet),
            },
          ),
      docker: overlay
        ? t(
            'Docker builds br0 + vxlan0 inside a namespace per overlay network on every host that has a container on it',
          )
        : t(
            'dockerd creates docker0 (172.17.0.1/16) at start; `docker network create` makes a br-<id> bridge the same way',
          ),
      commands: [
        ...newLink(ctx, linkAdd(h, network.name, 'bridge', 'type', 'bridge')),
        ...(h ? [ip(h, 'link', 'set', 'dev', network.name, 'alias', ctx.mark)] : []),
        ...(overlay
          ? []
          : [
              tagged(
                ip(h, 'addr', 'add', `${network.gateway}/${network.subnet.prefix}`, 'dev', network.name),
                `gateway:${network.name}`,
              ),
            ]),
        tagged(ip(h, 'link', 'set', 'dev', network.name, 'up'), `bridge-up:${network.name}`),
      ],
    };
  },
  vxlan: ({ network, host, peers }, ctx) => {
    const h = ctx.hostNs(host.name);
    const dev = `vx-${network.name}`;
    return {
      title: t('overlay {name} on {host}: VXLAN {dev} (VNI {vni}, udp/4789) to {peers}', {
        name: network.name,
        host: host.name,
        dev,
        vni: network.vni!,
        peers: peers.map((p) => `${p.name} ${p.address}`).join(', '),
      }),
      why: t(
        'VXLAN wraps each Ethernet frame in UDP to the other hosts: 50 bytes more, so the containers’ MTU is 1450',
      ),
      docker: t(
        'Docker’s overlay driver creates vxlan0 with the network’s VNI and fills its fdb from the cluster’s gossip',
      ),
      commands: [
        ...newLink(
          ctx,
          linkAdd(
            h,
            dev,
            'vxlan',
            'type',
            'vxlan',
            'id',
            String(network.vni),
            'dstport',
            '4789',
            'local',
            host.address,
            'dev',
            ctx.uplink,
          ),
        ),
        tagged(
          ip(h, 'link', 'set', 'dev', dev, 'master', network.name),
          `vxlan-plug:${network.name}@${host.name}`,
        ),
        ip(h, 'link', 'set', 'dev', dev, 'up'),
        // Head-end replication: unknown and broadcast frames go to every other host.
        ...peers.map((p) =>
          tagged(
            bridge(h, 'fdb', 'append', '00:00:00:00:00:00', 'dev', dev, 'dst', p.address),
            `vxlan-peers:${network.name}@${host.name}`,
          ),
        ),
      ],
    };
  },
  'forward-accept': ({ network, host, docker }, ctx) =>
    docker
      ? forwardStep(network, host, ctx)
      : {
          title: t('let {name} forward although FORWARD drops (Docker’s trap)', { name: network.name }),
          why: t(
            'Docker set the FORWARD policy to DROP and br_netfilter sends bridged frames through it: without this, pings between containers die',
          ),
          docker: t(
            'Docker adds the same accept for its own bridges (-i docker0 -o docker0 -j ACCEPT) but not for yours',
          ),
          commands: [
            rule(ctx, host, 'filter', 'FORWARD', ['-i', network.name, '-o', network.name], ['ACCEPT'], '-I'),
          ],
        },
  dns: ({ container }, ctx) => dnsStep(container, ctx),
  endpoint: ({ endpoint: ep, network }, ctx) => {
    const ns = ctx.ownNs(ep.container);
    const h = ctx.hostNs(ep.host);
    const inside = [
      tagged(
        ip(ns, 'addr', 'add', `${ep.address}/${ep.prefix}`, 'dev', ep.ifname),
        `address:${ep.container}/${ep.ifname}`,
      ),
      ...(ep.mtu
        ? [
            tagged(
              ip(ns, 'link', 'set', 'dev', ep.ifname, 'mtu', String(ep.mtu)),
              `mtu:${ep.container}/${ep.ifname}`,
            ),
          ]
        : []),
      tagged(ip(ns, 'link', 'set', 'dev', ep.ifname, 'up'), `link-up:${ep.container}/${ep.ifname}`),
      ...(ep.defaultRoute
        ? [tagged(ip(ns, 'route', 'add', 'default', 'via', network.gateway), `default-route:${ep.container}`)]
        : []),
    ];
    if (ep.kind !== 'veth') {
      const mode = ep.kind === 'macvlan' ? 'bridge' : 'l2';
      return {
        title: t('endpoint {endpoint}: {kind} child of {uplink}, {address} on the LAN', {
          endpoint: `${ep.container}/${ep.ifname}`,
          kind: ep.kind,
          uplink: ctx.uplink,
          address: `${ep.address}/${ep.prefix}`,
        }),
        why:
          ep.kind === 'macvlan'
            ? t(
                'a macvlan child has its own MAC on the parent’s wire; in bridge mode children reach each other, but never the parent itself',
              )
            : t('an ipvlan child shares the parent’s MAC; the kernel tells children apart by IP address'),
        docker: t(
          'docker network create -d {kind} -o parent=eth0 … creates the child in the host, moves it into the container and renames it {ifname}',
          { kind: ep.kind, ifname: ep.ifname },
        ),
        commands: [
          undoing(
            tagged(lanChild(h, ep.hostIfname, ctx.uplink, ep.kind, mode), `child:${ep.hostIfname}`),
            ip(h, 'link', 'del', ep.hostIfname),
          ),
          ip(h, 'link', 'set', 'dev', ep.hostIfname, 'alias', ctx.mark),
          ip(h, 'link', 'set', 'dev', ep.hostIfname, 'netns', ns),
          ip(ns, 'link', 'set', 'dev', ep.hostIfname, 'name', ep.ifname),
          ...inside,
        ],
      };
    }
    const hairpin = !ctx.lab.daemon.userlandProxy && network.driver === 'bridge';
    return {
      title: t('endpoint {endpoint}: veth {hostIfname} ⇄ {ifname}, {address} on {network}', {
        endpoint: `${ep.container}/${ep.ifname}`,
        hostIfname: ep.hostIfname,
        ifname: ep.ifname,
        address: `${ep.address}/${ep.prefix}`,
        network: network.name,
      }),
      why:
        t('a veth pair is a cable: one end in the container as {ifname}, the other plugged into the bridge', {
          ifname: ep.ifname,
        }) + (ep.defaultRoute ? t('; the default route leads to the gateway') : ''),
      docker:
        t(
          'Docker creates vethXXXXXXX, moves its peer into the container and renames it {ifname}, attaches the host end to the bridge and gives {ifname} the next free address',
          { ifname: ep.ifname },
        ) + (hairpin ? t('; with userland-proxy false it turns hairpin mode on for the bridge port') : ''),
      commands: [
        undoing(vethAdd(h, ep.hostIfname, ep.ifname, ns), ip(h, 'link', 'del', ep.hostIfname)),
        ip(h, 'link', 'set', 'dev', ep.hostIfname, 'alias', ctx.mark),
        ...(ep.mtu ? [ip(h, 'link', 'set', 'dev', ep.hostIfname, 'mtu', String(ep.mtu))] : []),
        tagged(ip(h, 'link', 'set', 'dev', ep.hostIfname, 'master', network.name), `plug:${ep.hostIfname}`),
        tagged(ip(h, 'link', 'set', 'dev', ep.hostIfname, 'up'), `port-up:${ep.hostIfname}`),
        // Without docker-proxy a container may reach its own published port: the frame goes back
        // out of the port it came in by, which a bridge does only in hairpin mode.
        ...(hairpin
          ? [
              tagged(
                bridge(h, 'link', 'set', 'dev', ep.hostIfname, 'hairpin', 'on'),
                `hairpin:${ep.hostIfname}`,
              ),
            ]
          : []),
        ...inside,
      ],
    };
  },
  shim: ({ network, host }, ctx) => {
    const h = ctx.hostNs(host);
    const dev = `mvs-${network.name}`;
    const children = ctx.lab.containers.flatMap((c) => c.endpoints).filter((e) => e.network === network.name);
    return {
      title: t('macvlan shim {dev} ({address}) so the host reaches its macvlan containers', {
        dev,
        address: network.shim!,
      }),
      why: t(
        'the parent cannot talk to its own children; a macvlan interface of the host’s own is a sibling, and siblings can',
      ),
      docker: t(
        'Docker does not do this for you: it is the documented workaround for "my host cannot reach my macvlan container"',
      ),
      commands: [
        undoing(lanChild(h, dev, ctx.uplink, 'macvlan', 'bridge'), ip(h, 'link', 'del', dev)),
        ip(h, 'link', 'set', 'dev', dev, 'alias', ctx.mark),
        ip(h, 'addr', 'add', `${network.shim}/32`, 'dev', dev),
        ip(h, 'link', 'set', 'dev', dev, 'up'),
        ...children.map((e) => ip(h, 'route', 'add', `${e.address}/32`, 'dev', dev)),
      ].map((c) => tagged(c, `shim:${network.name}`)),
    };
  },
  'ip-forward': ({ host }, ctx) => {
    const sandbox = ctx.target.kind === 'sandbox';
    return {
      title: sandbox
        ? t('the host forwards packets between its interfaces: net.ipv4.ip_forward=1, FORWARD policy DROP')
        : t('the host forwards packets between its interfaces: net.ipv4.ip_forward=1'),
      why:
        t(
          'without it the host answers its containers but routes nothing for them: no way out, no published port',
        ) + (sandbox ? t('; with the policy DROP only what the rules below accept is forwarded') : ''),
      docker:
        t(
          'dockerd sets net.ipv4.ip_forward=1 when it starts (and leaves it so); when it was 0, it also sets the FORWARD policy to DROP',
        ) + (sandbox ? '' : t(' (nslab leaves the machine’s policy alone)')),
      commands: [
        tagged(
          ctx.target.kind === 'host'
            ? undoing(sysctl(null, IP_FORWARD, '1'), sysctl(null, IP_FORWARD, ctx.target.facts.ipForward))
            : sysctl(ctx.hostNs(host), IP_FORWARD, '1'),
          `ip-forward:${host}`,
        ),
        ...(sandbox
          ? [
              tagged(
                {
                  tool: 'iptables',
                  ns: ctx.hostNs(host),
                  op: '-P',
                  chain: 'FORWARD',
                  args: ['DROP'],
                } as const,
                `forward-policy:${host}`,
              ),
            ]
          : []),
      ],
    };
  },
  chains: ({ host }, ctx) => chainsStep(host, ctx),
  nat: ({ network, host }, ctx) => natStep(network, host, ctx),
  isolation: ({ network, host }, ctx) => isolationStep(network, host, ctx),
  internal: ({ network, host }, ctx) => internalStep(network, host, ctx),
  'forward-jumps': ({ host }, ctx) => jumpsStep(host, ctx),
  publish: ({ container, port }, ctx) => publishStep(container, port, ctx),
  proxy: ({ container, port: p }, ctx) => {
    const hostIp = p.hostIp ?? '0.0.0.0';
    const flags = [
      '-proto',
      p.proto,
      '-host-ip',
      hostIp,
      '-host-port',
      String(p.hostPort),
      '-container-ip',
      p.address,
      '-container-port',
      String(p.containerPort),
    ];
    const network = ctx.lab.networks.find((n) => n.name === p.network)!;
    return {
      title: t('docker-proxy for {name}: listens on {proto} {listen} in the host, forwards to {target}', {
        name: container.name,
        proto: p.proto,
        listen: `${hostIp}:${p.hostPort}`,
        target: `${p.address}:${p.containerPort}`,
      }),
      why:
        (p.hostIp?.startsWith('127.')
          ? t(
              'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client',
              { gateway: network.gateway },
            )
          : t(
              'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8) and a container of {network} calling the published port (Docker’s -i {network} -j RETURN): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client',
              { network: network.name, gateway: network.gateway },
            )) +
        (p.proto === 'udp' ? t('; udp: one flow per client, forgotten after 90 s without an answer') : ''),
      docker: p.hostIp
        ? t(
            'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary',
            { flags: flags.join(' ') },
          )
        : t(
            'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port (and one more on -host-ip :: for IPv6) with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary',
            { flags: flags.join(' ') },
          ),
      commands: [
        tagged<ServerCommand>(
          {
            tool: 'server',
            ns: ctx.hostNs(container.host),
            program: 'docker-proxy',
            args: flags,
            mark: ctx.mark,
          },
          `proxy:${container.name}`,
        ),
      ],
    };
  },
  service: ({ service: s, host }, ctx) => {
    const n = s.backends.length;
    const match = (i: number) => [
      '-d',
      s.vip,
      '-p',
      'tcp',
      '-m',
      'tcp',
      '--dport',
      String(s.port),
      // Backend i takes 1/(n-i) of what the rules before it left over: an even split.
      ...(i < n - 1
        ? ['-m', 'statistic', '--mode', 'random', '--probability', (1 / (n - i)).toFixed(5)]
        : []),
    ];
    return {
      title: t('service {name}: virtual IP {vip} → {backends}', {
        name: s.name,
        vip: `${s.vip}:${s.port}`,
        backends: s.backends.map((b) => b.container).join(', '),
      }),
      why: t(
        'no interface has the VIP: DNAT picks a backend per connection, at random (iptables statistic), and the answer is un-NATed on the way back',
      ),
      docker: t(
        'Docker’s swarm services and Kubernetes’ kube-proxy (iptables mode) build the same KUBE-SVC/KUBE-SEP chains of DNAT rules',
      ),
      commands: [
        ...['PREROUTING', 'OUTPUT'].flatMap((chain) =>
          s.backends.map((b, i) =>
            tagged(
              rule(ctx, host, 'nat', chain, match(i), [
                'DNAT',
                '--to-destination',
                `${b.address}:${s.targetPort}`,
              ]),
              `backend:${b.container}`,
            ),
          ),
        ),
        rule(
          ctx,
          host,
          'nat',
          'POSTROUTING',
          ['-m', 'conntrack', '--ctstate', 'DNAT', '--ctorigdst', s.vip],
          ['MASQUERADE'],
        ),
      ],
    };
  },
  server: ({ owner, ns, server }, ctx) => ({
    title: t('{owner}: start a {kind} server on port {port}', {
      owner,
      kind: server.kind,
      port: server.port,
    }),
    why:
      server.kind === 'http'
        ? t('it answers "{owner}" and the client’s address, so a check can tell who answered and who asked', {
            owner,
          })
        : server.kind === 'udp'
          ? t('it answers each datagram with "{owner}" and the client’s address', { owner })
          : t('it accepts connections, so a check can tell the port is reachable'),
    docker: t('the process of the container: it listens inside the namespace it was started in'),
    commands: [
      {
        tool: 'server',
        ns,
        program: 'server',
        args: [server.kind, String(server.port), owner],
        mark: ctx.mark,
      },
    ],
  }),
};

export const build = (spec: StepSpec, ctx: Context): Step => ({
  kind: spec.kind,
  ...(builders[spec.kind] as (s: StepSpec, c: Context) => Omit<Step, 'kind'>)(spec, ctx),
});
