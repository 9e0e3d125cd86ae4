// Docker 20.10's iptables rules, as libnetwork's bridge driver writes them (setup_ip_tables.go,
// iptables/iptables.go, port_mapping.go): its chains, each bridge's FORWARD rules, the isolation
// stages, the NAT of a published port. The commands are issued in Docker's own order, with its
// own -A and -I, so `iptables -S` ends up as a learner sees it next to a real dockerd.
//
// Where: in a sandbox the Docker host is a namespace of nslab's own, and the rules are exactly
// Docker's (chains DOCKER, DOCKER-USER, …, no mark: the namespace is the mark, and down deletes
// it with everything in it). On the host target Docker's own chains may be there: nslab's rules
// go into chains of its own, named as Docker's with DOCKER → NSLAB, and every rule carries the
// lab's mark (`-m comment --comment nslab:LAB`), which down and status read. Those chains are
// shared by the labs up at once: created when missing (as Docker's NewChain does), each lab adds
// its own marked rules and jumps, and `-X` removes a chain only once it is empty and unreferenced
// (the kernel refuses otherwise), so the last lab down takes the chains along.
import type { Lab, Network } from '../lab/types.js';
import { t } from '../i18n/index.js';
import { formatSubnet } from '../net/ipv4.js';
import { sysctl, tagged, undoing, type Command, type IptablesCommand } from './command.js';
import type { Context } from './context.js';

/** The chains nslab's rules live in, on one target. */
export interface Chains {
  /** nat and filter: the published ports (Docker's DOCKER) */
  docker: string;
  user: string;
  stage1: string;
  stage2: string;
}

const chainsFor = (ctx: Pick<Context, 'target'>): Chains => {
  const base = ctx.target.kind === 'host' ? 'NSLAB' : 'DOCKER';
  return {
    docker: base,
    user: `${base}-USER`,
    stage1: `${base}-ISOLATION-STAGE-1`,
    stage2: `${base}-ISOLATION-STAGE-2`,
  };
};

/**
 * An iptables rule in a Docker host's namespace, undone by -D; on the host target marked by its
 * comment (the last match, so the rule still reads as Docker's).
 */
export function rule(
  ctx: Context,
  host: string,
  table: string,
  chain: string,
  matches: string[],
  target: string[],
  op: '-A' | '-I' = '-A',
): IptablesCommand {
  const mark = ctx.target.kind === 'host' ? ['-m', 'comment', '--comment', ctx.mark] : [];
  const args = [...matches, ...mark, '-j', ...target];
  const made: IptablesCommand = { tool: 'iptables', ns: ctx.hostNs(host), table, op, chain, args };
  return undoing(made, { ...made, op: '-D' });
}

/** `iptables -t TABLE -N CHAIN`, undone by -X (which the kernel refuses while anything uses it). */
const newChain = (ctx: Context, host: string, table: string, chain: string): IptablesCommand => {
  const made: IptablesCommand = { tool: 'iptables', ns: ctx.hostNs(host), table, op: '-N', chain, args: [] };
  return undoing(made, { ...made, op: '-X' });
};

/** Docker's bridges on a host: the bridge driver's networks (macvlan, ipvlan, overlay have none of this). */
export const dockerBridges = (lab: Lab, host: string): Network[] =>
  lab.networks.filter((n) => n.driver === 'bridge' && n.hosts.includes(host));

const proxy = (ctx: Context) => ctx.lab.daemon.userlandProxy;
const dockerd = (ctx: Context) => (proxy(ctx) ? 'dockerd' : 'dockerd (userland-proxy false)');

/** dockerd starting: its chains, their RETURN rules, the jumps from nat PREROUTING and OUTPUT. */
export function chainsStep(host: string, ctx: Context) {
  const c = chainsFor(ctx);
  const published = ctx.lab.containers.filter((x) => x.host === host && x.ports.length > 0);
  const own = ctx.target.kind === 'host';
  return {
    title: own
      ? t('nslab’s copies of Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}', {
          ...c,
        })
      : t('Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}', { ...c }),
    why:
      t(
        'the bridges’ and the published ports’ rules go into chains of their own, jumped to from the built-in ones',
      ) +
      (own
        ? t(
            '; on this machine they are nslab’s (DOCKER → NSLAB), so Docker’s own are never touched, and they are shared by the labs that are up (the last one down removes them)',
          )
        : ''),
    docker: proxy(ctx)
      ? t(
          '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT except for 127.0.0.0/8 (its docker-proxy answers the loopback)',
          { dockerd: dockerd(ctx) },
        )
      : t(
          '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT loopback included (no docker-proxy: the kernel NATs 127.0.0.1 too)',
          { dockerd: dockerd(ctx) },
        ),
    commands: [
      newChain(ctx, host, 'nat', c.docker),
      newChain(ctx, host, 'filter', c.docker),
      newChain(ctx, host, 'filter', c.stage1),
      newChain(ctx, host, 'filter', c.stage2),
      rule(ctx, host, 'filter', c.stage1, [], ['RETURN']),
      rule(ctx, host, 'filter', c.stage2, [], ['RETURN']),
      newChain(ctx, host, 'filter', c.user),
      rule(ctx, host, 'filter', c.user, [], ['RETURN']),
      rule(ctx, host, 'nat', 'PREROUTING', ['-m', 'addrtype', '--dst-type', 'LOCAL'], [c.docker]),
      tagged(
        rule(
          ctx,
          host,
          'nat',
          'OUTPUT',
          [...(proxy(ctx) ? ['!', '-d', '127.0.0.0/8'] : []), '-m', 'addrtype', '--dst-type', 'LOCAL'],
          [c.docker],
        ),
        ...published.map((x) => `output-dnat:${x.name}`),
      ),
    ] as Command[],
  };
}

/** A network's NAT: its MASQUERADE, and the RETURN that keeps the bridge's own packets from DNAT. */
export function natStep(network: Network, host: string, ctx: Context) {
  const c = chainsFor(ctx);
  const subnet = formatSubnet(network.subnet);
  const bridge = network.name;
  const h = ctx.hostNs(host);
  return {
    title: network.nat
      ? t('network {bridge}: outbound NAT (MASQUERADE {subnet} ! -o {bridge})', { bridge, subnet })
      : t('network {bridge}: the host’s own loopback requests may leave by it', { bridge }),
    why: [
      ...(network.nat
        ? [
            t(
              'the outside has no route back to a private subnet: the host rewrites the source to its own address on the way out',
            ),
          ]
        : []),
      ...(network.nat && proxy(ctx)
        ? [
            t(
              'what comes in from {bridge} itself is not DNATed (-i {bridge} -j RETURN): a container calling a published port is answered by docker-proxy',
              { bridge },
            ),
          ]
        : []),
      ...(!proxy(ctx)
        ? [
            t(
              'no docker-proxy: route_localnet=1 lets a DNATed 127.0.0.1 leave by {bridge}, and MASQUERADE gives such packets (from any of the host’s own addresses) the bridge’s address',
              { bridge },
            ),
          ]
        : []),
    ].join(t('; ')), // between sentences: Korean ends one with a full stop
    docker: t('{dockerd}, for each bridge network: {what}', {
      dockerd: dockerd(ctx),
      what: [
        ...(!proxy(ctx) ? [t('writes 1 to /proc/sys/net/ipv4/conf/BRIDGE/route_localnet')] : []),
        ...(network.nat ? ['-t nat -I POSTROUTING -s SUBNET ! -o BRIDGE -j MASQUERADE'] : []),
        ...(network.nat && proxy(ctx) ? ['-t nat -I DOCKER -i BRIDGE -j RETURN'] : []),
        ...(!proxy(ctx)
          ? ['-t nat -I POSTROUTING -o BRIDGE -m addrtype --src-type LOCAL -j MASQUERADE']
          : []),
      ].join(', '),
    }),
    commands: [
      ...(!proxy(ctx)
        ? [tagged(sysctl(h, `net.ipv4.conf.${bridge}.route_localnet`, '1'), `route-localnet:${bridge}`)]
        : []),
      ...(network.nat
        ? [
            tagged(
              rule(ctx, host, 'nat', 'POSTROUTING', ['-s', subnet, '!', '-o', bridge], ['MASQUERADE'], '-I'),
              `masquerade:${bridge}`,
            ),
          ]
        : []),
      ...(network.nat && proxy(ctx)
        ? [rule(ctx, host, 'nat', c.docker, ['-i', bridge], ['RETURN'], '-I')]
        : []),
      ...(!proxy(ctx)
        ? [
            rule(
              ctx,
              host,
              'nat',
              'POSTROUTING',
              ['-o', bridge, '-m', 'addrtype', '--src-type', 'LOCAL'],
              ['MASQUERADE'],
              '-I',
            ),
          ]
        : []),
    ] as Command[],
  };
}

/** A bridge's FORWARD rules: what may pass under Docker's FORWARD policy of DROP. */
export function forwardStep(network: Network, host: string, ctx: Context) {
  const c = chainsFor(ctx);
  const b = network.name;
  const rules = network.internal
    ? [rule(ctx, host, 'filter', 'FORWARD', ['-i', b, '-o', b], ['ACCEPT'], '-I')]
    : [
        rule(ctx, host, 'filter', 'FORWARD', ['-i', b, '-o', b], ['ACCEPT'], '-I'),
        rule(ctx, host, 'filter', 'FORWARD', ['-i', b, '!', '-o', b], ['ACCEPT'], '-I'),
        rule(ctx, host, 'filter', 'FORWARD', ['-o', b], [c.docker], '-I'),
        rule(
          ctx,
          host,
          'filter',
          'FORWARD',
          ['-o', b, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED'],
          ['ACCEPT'],
          '-I',
        ),
      ];
  return {
    title: network.internal
      ? t('network {b}: forwarded only from {b} to {b} (internal)', { b })
      : t('network {b}: what FORWARD lets through (under Docker’s policy of DROP)', { b }),
    why: network.internal
      ? t(
          'bridged frames between its containers pass FORWARD too (br_netfilter): they are accepted; nothing else is',
        )
      : t(
          '{b} → {b} (bridged frames pass FORWARD too: br_netfilter), {b} → anywhere, answers back into {b}; new connections into {b} only through {chain} (published ports)',
          { b, chain: c.docker },
        ),
    docker: network.internal
      ? t('{dockerd} inserts (-I) -i BRIDGE -o BRIDGE -j ACCEPT only', { dockerd: dockerd(ctx) })
      : t(
          '{dockerd} inserts (-I) -i BRIDGE -o BRIDGE -j ACCEPT, then -i BRIDGE ! -o BRIDGE -j ACCEPT, -o BRIDGE -j DOCKER and -o BRIDGE -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT, each on top: the newest bridge comes first',
          { dockerd: dockerd(ctx) },
        ),
    commands: rules.map((r) => tagged(r, `forward:${b}`)) as Command[],
  };
}

/** Isolation between bridges: stage 1 picks what leaves this bridge for another, stage 2 drops it. */
export function isolationStep(network: Network, host: string, ctx: Context) {
  const c = chainsFor(ctx);
  const b = network.name;
  const others = dockerBridges(ctx.lab, host).filter((o) => o !== network && !o.internal);
  return {
    title: others.length
      ? t('network {b}: isolated from the host’s other bridges ({others})', {
          b,
          others: others.map((o) => o.name).join(', '),
        })
      : t('network {b}: isolated from the host’s other bridges', { b }),
    why: t(
      'with ip_forward on, the host would route between its bridges: what leaves one bridge for another goes to {stage2}, which drops what is bound for a bridge',
      { stage2: c.stage2 },
    ),
    docker: t(
      '{dockerd} inserts, for every bridge network but an internal one, -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2 and -I DOCKER-ISOLATION-STAGE-2 -o BRIDGE -j DROP (Docker 28 reorganised them)',
      { dockerd: dockerd(ctx) },
    ),
    commands: [
      rule(ctx, host, 'filter', c.stage1, ['-i', b, '!', '-o', b], [c.stage2], '-I'),
      rule(ctx, host, 'filter', c.stage2, ['-o', b], ['DROP'], '-I'),
    ].map((r) => tagged(r, `isolation:${b}`)) as Command[],
  };
}

/** An internal network: nothing forwarded into or out of its subnet. */
export function internalStep(network: Network, host: string, ctx: Context) {
  const c = chainsFor(ctx);
  const subnet = formatSubnet(network.subnet);
  const b = network.name;
  return {
    title: t('network {b}: internal, nothing forwarded into or out of {subnet}', { b, subnet }),
    why: t(
      'its containers still reach each other and the gateway, but with ip_forward on the host would route for them: these rules drop what enters the bridge from elsewhere or leaves it for elsewhere',
    ),
    docker: t(
      'docker network create --internal: no MASQUERADE, no isolation stage rules, and -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -d {subnet} -j DROP, then -I DOCKER-ISOLATION-STAGE-1 -o BRIDGE ! -s {subnet} -j DROP',
      { subnet },
    ),
    commands: [
      rule(ctx, host, 'filter', c.stage1, ['!', '-d', subnet, '-i', b], ['DROP'], '-I'),
      rule(ctx, host, 'filter', c.stage1, ['!', '-s', subnet, '-o', b], ['DROP'], '-I'),
    ].map((r) => tagged(r, `internal:${b}`)) as Command[],
  };
}

/** The jumps on top of FORWARD: the user's chain first, then the isolation. */
export function jumpsStep(host: string, ctx: Context) {
  const c = chainsFor(ctx);
  return {
    title: t('FORWARD: {user} first, then {stage1}, then the bridges’ rules', { ...c }),
    why: t(
      '{user} is where a user’s own rules go, before any of Docker’s; isolation comes before the bridges’ ACCEPT rules, or they would let everything through',
      { ...c },
    ),
    docker: t(
      '{dockerd} puts -j DOCKER-ISOLATION-STAGE-1 and then -j DOCKER-USER on top of FORWARD (-D and -I again) after every network it creates, so they stay first',
      { dockerd: dockerd(ctx) },
    ),
    commands: [
      tagged(rule(ctx, host, 'filter', 'FORWARD', [], [c.stage1], '-I'), `isolation-jump:${host}`),
      rule(ctx, host, 'filter', 'FORWARD', [], [c.user], '-I'),
    ] as Command[],
  };
}

/** `docker run -p`: the DNAT, the ACCEPT for it in FORWARD's DOCKER, the hairpin MASQUERADE. */
export function publishStep(
  container: Lab['containers'][number],
  p: Lab['containers'][number]['ports'][number],
  ctx: Context,
) {
  const c = chainsFor(ctx);
  const h = container.host;
  const b = p.network;
  const dest = `${p.address}:${p.containerPort}`;
  const dport = (port: number) => ['-p', p.proto, '-m', p.proto, '--dport', String(port)];
  const bound = p.hostIp ? ['-d', `${p.hostIp}/32`] : [];
  const loopback = p.hostIp?.startsWith('127.') ?? false;
  const typed =
    (p.hostIp ? `${p.hostIp}:` : '') + `${p.hostPort}:${p.containerPort}${p.proto === 'udp' ? '/udp' : ''}`;
  const shown = `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}`;
  return {
    title:
      p.proto === 'udp'
        ? t('publish {name}: host udp port {port} → {dest} (docker run -p {typed})', {
            name: container.name,
            port: shown,
            dest,
            typed,
          })
        : t('publish {name}: host port {port} → {dest} (docker run -p {typed})', {
            name: container.name,
            port: shown,
            dest,
            typed,
          }),
    why:
      t(
        'DNAT in {chain} rewrites the destination of packets for the host’s port (PREROUTING jumps there for packets from elsewhere, OUTPUT for the host’s own); FORWARD’s {chain} lets the new connection into {b}; the MASQUERADE catches a container reaching its own published port',
        { chain: c.docker, b },
      ) +
      (proxy(ctx)
        ? loopback
          ? t('; what comes from {b} itself, and 127.0.0.1, is left to docker-proxy', { b })
          : t('; what comes from {b} itself is left to docker-proxy', { b })
        : loopback
          ? t('; 127.0.0.1 is DNATed in OUTPUT, routed out with route_localnet=1 and masqueraded')
          : t('; a container of {b} calling the host’s port is DNATed too (hairpin)', { b })),
    docker:
      t('{dockerd} appends {rules}', {
        dockerd: dockerd(ctx),
        rules:
          `-t nat -A DOCKER ${p.hostIp ? `-d ${p.hostIp}/32 ` : ''}` +
          `${proxy(ctx) ? '! -i BRIDGE ' : ''}… -j DNAT, -A DOCKER -d C/32 ! -i BRIDGE -o BRIDGE … -j ACCEPT, ` +
          '-t nat -A POSTROUTING -s C/32 -d C/32 … -j MASQUERADE',
      }) +
      (proxy(ctx) ? t(', and starts a docker-proxy listening on the host’s port') : t(' (no docker-proxy)')),
    commands: [
      tagged(
        rule(
          ctx,
          h,
          'nat',
          c.docker,
          [...bound, ...(proxy(ctx) ? ['!', '-i', b] : []), ...dport(p.hostPort)],
          ['DNAT', '--to-destination', dest],
        ),
        `dnat:${container.name}:${p.hostPort}/${p.proto}`,
      ),
      rule(
        ctx,
        h,
        'filter',
        c.docker,
        ['-d', `${p.address}/32`, '!', '-i', b, '-o', b, ...dport(p.containerPort)],
        ['ACCEPT'],
      ),
      rule(
        ctx,
        h,
        'nat',
        'POSTROUTING',
        ['-s', `${p.address}/32`, '-d', `${p.address}/32`, ...dport(p.containerPort)],
        ['MASQUERADE'],
      ),
    ].map((r) => tagged(r, `publish:${container.name}`)) as Command[],
  };
}
