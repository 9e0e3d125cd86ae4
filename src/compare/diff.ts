// Puts two observed networks side by side, property by property. Pure: it only reads what
// observe() gathered, so every explanation below can be tested without a kernel or Docker.
//
// Values are compared after normalising what must differ between two copies on one machine:
// bridge names become the lab's network names (<br0>), addresses their place in the subnet
// (<br0>.2), so `-s 172.30.0.0/16 ! -o br0` and `-s 172.17.0.0/16 ! -o docker0` are one rule.
import type { CheckResult } from '../check/run.js';
import type { ContainerState, LinkState, ObservedNetwork, RuleLine } from '../inspect/observe.js';
import type { Lab } from '../lab/types.js';
import type { HairpinSeen } from './paths.js';
import { contains, formatSubnet, offsetIn, parseCidr, type Subnet } from '../net/ipv4.js';
import { hostForwards } from '../plan/compile.js';
import { t } from '../i18n/index.js';

/** same; Docker's own choice; the lab's deliberate choice; not run on one side; a real difference */
export type Verdict = 'same' | 'docker' | 'lab' | 'skipped' | 'differs';

export interface Row {
  property: string;
  hand: string;
  docker: string;
  verdict: Verdict;
  why: string;
  /** a row about one container: its name, and the property without it (`eth0: MAC`) */
  container?: string;
  aspect?: string;
}

interface SideNetwork {
  lab: string;
  bridge: string;
  subnet: Subnet;
  gateway: string;
}

export interface Side {
  observed: ObservedNetwork;
  networks: SideNetwork[];
  /** this side's container address → the lab's address for the same container */
  toLab: Map<string, string>;
  checks: (CheckResult | { skipped: string })[];
  /** what the server saw when a container called its host's published port (compare's probe) */
  hairpin?: HairpinSeen[];
}

export interface CompareInput {
  lab: Lab;
  hand: Side;
  docker: Side & { version: string };
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?\b/g;

/** Rewrites one side's text into the lab's vocabulary: <net> for bridges, <net>.N for addresses. */
export function normaliser(side: Pick<Side, 'networks' | 'toLab'>, lab: Lab): (text: string) => string {
  const labNets = new Map(lab.networks.map((n) => [n.name, n.subnet]));
  const address = (a: string): string => {
    const own = side.toLab.get(a) ?? a;
    for (const n of side.networks) {
      const labSubnet = labNets.get(n.lab);
      if (side.toLab.has(a) && labSubnet && contains(labSubnet, own))
        return `<${n.lab}>.${offsetIn(labSubnet, own)}`;
      if (contains(n.subnet, a)) return `<${n.lab}>.${offsetIn(n.subnet, a)}`;
    }
    return a;
  };
  const bridges = side.networks.map(
    (n) =>
      [
        new RegExp(`(^|[\\s:])${n.bridge.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s:])`, 'g'),
        `$1<${n.lab}>`,
      ] as const,
  );
  return (text) => {
    let out = text.replace(IPV4, (_all, a: string, bits?: string) => {
      const cidr = bits ? parseCidr(`${a}${bits}`) : null;
      const net =
        cidr && side.networks.find((n) => n.subnet.network === a && n.subnet.prefix === cidr.prefix);
      if (net) return `<${net.lab}>/subnet`;
      return `${address(a)}${bits === '/32' ? '' : (bits ?? '')}`;
    });
    for (const [re, to] of bridges) out = out.replace(re, to);
    return out;
  };
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v));

function chainNote(version: string): string {
  const major = Number(version.split('.')[0]);
  return major >= 28
    ? t(
        "Docker {version}'s own chains (DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, DOCKER-USER, …; 28 reorganised them)",
        { version },
      )
    : t(
        "Docker {version}'s own chains (DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2; 28 reorganised them)",
        { version },
      );
}

function macNote(version: string, mac: string, address: string | undefined): string {
  const major = Number(version.split('.')[0]);
  const derived = address
    ? `02:42:${address
        .split('.')
        .map((o) => Number(o).toString(16).padStart(2, '0'))
        .join(':')}`
    : '';
  if (major <= 27)
    return mac === derived
      ? t(
          "Docker {version} derives the MAC from the IP (02:42 then the address's 4 bytes); 28+ picks a random one; the lab lets the kernel pick",
          { version },
        )
      : t(
          "Docker {version} derives the MAC from the IP (02:42 then the address's 4 bytes, though not here); 28+ picks a random one; the lab lets the kernel pick",
          { version },
        );
  return t(
    'Docker {version} picks a random MAC (27 and older derived it from the IP, 02:42:…); so does the kernel for the lab',
    { version },
  );
}

export function compareNetworks({ lab, hand, docker }: CompareInput): Row[] {
  const rows: Row[] = [];
  const nh = normaliser(hand, lab);
  const nd = normaliser(docker, lab);
  const plain = (s: string) => s;
  const normalised: Keys = [nh, nd];
  // Addresses by their place in the subnet alone: Docker may have given other ones than the lab's.
  // The prefix is left out: it follows the subnet, which has a row of its own.
  const unprefixed = (n: (s: string) => string) => (s: string) => n(s).replace(/\/\d+/g, '');
  const byPlace: Keys = [
    unprefixed(normaliser({ ...hand, toLab: new Map() }, lab)),
    unprefixed(normaliser({ ...docker, toLab: new Map() }, lab)),
  ];
  /** One row: same when the normalised values match, else the explanation given (or a real difference). */
  const add = (
    property: string,
    h: unknown,
    d: unknown,
    otherwise?: [Verdict, string],
    [kh, kd]: Keys = [plain, plain],
    sameWhy = '',
  ) => {
    const [hs, ds] = [show(h), show(d)];
    const same = kh(hs) === kd(ds);
    rows.push({
      property,
      hand: hs,
      docker: ds,
      verdict: same ? 'same' : (otherwise?.[0] ?? 'differs'),
      why: same ? sameWhy : (otherwise?.[1] ?? t('the lab means to reproduce Docker here')),
    });
  };

  // The bridges.
  for (const net of lab.networks) {
    const hn = hand.networks.find((n) => n.lab === net.name);
    const dn = docker.networks.find((n) => n.lab === net.name);
    if (!hn || !dn) continue;
    const hb = hand.observed.bridges[net.name] ?? null;
    const db = docker.observed.bridges[net.name] ?? null;
    const p = `bridge ${net.name}`;
    add(
      `${p}: device`,
      hb && `${hb.name} (${hb.kind})`,
      db && `${db.name} (${db.kind})`,
      hb?.kind === db?.kind
        ? [
            'docker',
            t(
              "Docker names the default bridge docker0 and a user-defined network's bridge br-<network id>; the lab names it {name}",
              { name: net.name },
            ),
          ]
        : undefined,
    );
    add(`${p}: subnet`, formatSubnet(hn.subnet), formatSubnet(dn.subnet), [
      'lab',
      t(
        "the lab's subnet stays clear of Docker's own, so both can be up at once; addresses below are compared by their place in it (.1, .2, …)",
      ),
    ]);
    add(`${p}: address`, hb?.addresses.join(' '), db?.addresses.join(' '), undefined, byPlace);
    add(`${p}: MAC`, hb?.mac, db?.mac, [
      'docker',
      t('a bridge gets a random local MAC on both sides (Docker ≤27 starts it with 02:42)'),
    ]);
    add(`${p}: MTU`, hb?.mtu, db?.mtu);
    add(`${p}: STP`, hb && (hb.stp ? 'on' : 'off'), db && (db.stp ? 'on' : 'off'));
    add(`${p}: forward delay`, hb?.forwardDelay, db?.forwardDelay);
    add(`${p}: state`, hb?.state, db?.state);
  }

  // Each container: its endpoints, routes, lo, files.
  for (const c of lab.containers) {
    const hc = hand.observed.containers[c.name];
    const dc = docker.observed.containers[c.name];
    if (!hc || !dc) continue;
    const first = rows.length;
    add(`${c.name}: network mode`, modeOf(hc), modeOf(dc));
    if (c.mode.kind === 'host') continue;
    for (const he of hc.endpoints) {
      const de = dc.endpoints.find((e) => e.inside.name === he.inside.name);
      const p = `${c.name} ${he.inside.name}`;
      if (!de) {
        add(`${p}: interface`, `${he.inside.name} (${he.inside.kind})`, null);
        continue;
      }
      add(`${p}: kind`, he.inside.kind, de.inside.kind);
      add(
        `${p}: address`,
        he.inside.addresses.join(' '),
        de.inside.addresses.join(' '),
        // Excused only when each side has one address and the hand-built one is the lab's own:
        // an address added or lost by hand is a real difference.
        he.inside.addresses.length === 1 &&
          de.inside.addresses.length === 1 &&
          c.endpoints.some((e) => he.inside.addresses[0]!.startsWith(`${e.address}/`))
          ? [
              'docker',
              t(
                'on the default bridge Docker hands out the lowest free address: other containers on it took the lab’s',
              ),
            ]
          : undefined,
        byPlace,
      );
      add(`${p}: MAC`, he.inside.mac, de.inside.mac, [
        'docker',
        macNote(docker.version, de.inside.mac, de.inside.addresses[0]?.split('/')[0]),
      ]);
      add(`${p}: MTU`, he.inside.mtu, de.inside.mtu);
      add(`${p}: state`, he.inside.state, de.inside.state);
      add(`${p}: txqueuelen`, he.inside.qlen, de.inside.qlen, qlenNote());
      add(`${p}: disable_ipv6`, he.disableIpv6, de.disableIpv6, [
        'lab',
        t(
          'Docker turns IPv6 off on the eth0 of a network without IPv6; the lab, IPv4 only, leaves the kernel’s default',
        ),
      ]);
      if (he.hostSide || de.hostSide) {
        add(`${p}: host end`, he.hostSide?.name, de.hostSide?.name, [
          'docker',
          t('Docker names the host end veth + 7 random hex digits; the lab names it ve-<container>'),
        ]);
        add(`${p}: host end on bridge`, he.hostSide?.master, de.hostSide?.master, undefined, normalised);
        add(`${p}: host end MTU`, he.hostSide?.mtu, de.hostSide?.mtu);
        add(`${p}: host end state`, he.hostSide?.state, de.hostSide?.state);
        add(`${p}: host end txqueuelen`, he.hostSide?.qlen, de.hostSide?.qlen, qlenNote());
      }
    }
    for (const de of dc.endpoints.filter((e) => !hc.endpoints.some((h) => h.inside.name === e.inside.name)))
      add(`${c.name} ${de.inside.name}: interface`, null, `${de.inside.name} (${de.inside.kind})`);
    add(`${c.name}: routes`, hc.routes.join('; '), dc.routes.join('; '), undefined, normalised);
    add(`${c.name}: lo`, loOf(hc.lo), loOf(dc.lo));
    // IPv6 lines (Docker's ::1, ff02::…) are left out: the labs are IPv4 only.
    // Docker adds the linked container's own name (nslab-dk-LAB-NAME here) after its alias and hostname.
    const dockerNames = new RegExp(`\\s+nslab-dk-${lab.name}-\\S+`, 'g');
    const hosts = (lines: string[] | null) =>
      lines
        ?.filter((l) => !l.includes(':'))
        .map((l) => l.replace(dockerNames, '').replace(/\s+/g, ' '))
        .join('; ');
    const onDnsNetwork = c.endpoints.some((e) => lab.networks.find((n) => n.name === e.network)?.dns);
    add(
      `${c.name}: /etc/hosts (IPv4 lines)`,
      hosts(hc.hosts),
      hosts(dc.hosts),
      ['differs', t('the two files name different containers')],
      [(s) => sortedParts(nh(s)), (s) => sortedParts(nd(s))],
    );
    add(
      `${c.name}: resolv.conf`,
      hc.resolv?.join('; '),
      dc.resolv?.join('; '),
      onDnsNetwork
        ? [
            'differs',
            t(
              'on a user-defined network the lab writes what Docker writes (nameserver 127.0.0.11, options ndots:0); Docker also keeps search and options lines of the machine’s resolv.conf',
            ),
          ]
        : [
            'lab',
            t(
              'Docker copies the machine’s resolv.conf into a container on the default bridge; the lab points at no server, so no lookup leaves it',
            ),
          ],
    );
    if (onDnsNetwork) {
      // Docker's ports are random, the lab's derived from the name: compare the rules without them.
      const dnsRules = (nat: string[] | undefined) =>
        nat
          ?.filter((r) => r.includes('127.0.0.11'))
          .map((r) =>
            r.replace(/127\.0\.0\.11:\d+/g, '127.0.0.11:PORT').replace(/--sport \d+/, '--sport PORT'),
          )
          .join('; ');
      add(`${c.name}: nat rules for 127.0.0.11 (ports as PORT)`, dnsRules(hc.nat), dnsRules(dc.nat));
    }
    if (onDnsNetwork)
      add(`${c.name}: DNS mechanism`, dnsOf(hc), dnsOf(dc), [
        'differs',
        t(
          'on a user-defined network Docker points resolv.conf at 127.0.0.11, and the nat chain DOCKER_OUTPUT in the container’s namespace sends port 53 there to the port where dockerd’s resolver listens (DOCKER_POSTROUTING puts :53 back on the answers)',
        ),
      ]);
    // Tagged so the table can show a finding shared by every container once.
    for (const r of rows.slice(first))
      Object.assign(r, { container: c.name, aspect: r.property.slice(c.name.length).replace(/^:? /, '') });
  }

  // The Docker host.
  add(
    'host: net.ipv4.ip_forward',
    hand.observed.sysctls.ipForward,
    docker.observed.sysctls.ipForward,
    lab.networks.some((n) => n.nat)
      ? undefined
      : [
          'lab',
          t(
            'dockerd turns forwarding on when it starts; a lab turns it on only when a network has nat: true (bridge-nat)',
          ),
        ],
  );
  add(
    'host: bridge-nf-call-iptables',
    hand.observed.sysctls.bridgeNfCallIptables,
    docker.observed.sysctls.bridgeNfCallIptables,
    [
      'lab',
      t(
        'dockerd loads br_netfilter, which sends bridged frames through iptables; the value is per namespace and the lab does not set it',
      ),
    ],
  );
  add(
    'host: FORWARD policy',
    hand.observed.policies.FORWARD,
    docker.observed.policies.FORWARD,
    playsDockerd(lab)
      ? undefined
      : [
          'docker',
          t(
            'Docker sets FORWARD to DROP and accepts its own bridges’ traffic by rules in its chains; the lab’s host keeps ACCEPT, so it needs no such rules',
          ),
        ],
  );
  rows.push(...proxyRows(lab, hand, docker, nh, nd));
  rows.push(...compareRules(lab, hand, docker, nh, nd));
  rows.push(...hairpinRows(hand, docker, nh, nd));

  // Behaviour: the lab's own checks, run against both sides.
  hand.checks.forEach((h, i) => {
    const check = lab.checks[i]!;
    const d = docker.checks[i];
    const label = (r: CheckResult | { skipped: string } | undefined) =>
      !r
        ? '—'
        : 'skipped' in r
          ? t('not run')
          : `${r.ok ? 'ok' : 'FAILED'}${r.expect === 'fail' ? t(' (must fail)') : ''}`;
    const property = `check: ${check.name}`;
    if (d && 'skipped' in d)
      rows.push({ property, hand: label(h), docker: label(d), verdict: 'skipped', why: d.skipped });
    else if (h && !('skipped' in h) && d && h.ok === d.ok)
      rows.push({
        property,
        hand: label(h),
        docker: label(d),
        verdict: 'same',
        why: h.ok ? '' : t('fails on both sides: {detail}', { detail: h.detail ?? '' }),
      });
    else
      rows.push({
        property,
        hand: label(h),
        docker: label(d),
        verdict: 'differs',
        why: [h, d]
          .map((r, j) =>
            r && !('skipped' in r) && !r.ok
              ? `${j ? 'Docker' : t('hand-built')}: ${r.detail ?? t('failed')}`
              : '',
          )
          .filter(Boolean)
          .join('; '),
      });
  });
  return rows;
}

/** A container's way to names: its nameserver, the nat rules for 127.0.0.11, what answers there. */
function dnsOf(c: ContainerState): string {
  const servers = (c.resolv ?? []).filter((l) => l.startsWith('nameserver ')).map((l) => l.split(/\s+/)[1]);
  const dnat = (c.dns?.rules ?? []).flatMap((r) => {
    const m =
      /^-A (\S+) -d 127\.0\.0\.11\/32 -p (\w+) .*--dport 53 -j DNAT --to-destination 127\.0\.0\.11:(\d+)/.exec(
        r,
      );
    return m ? [{ chain: m[1]!, proto: m[2]!, port: m[3]! }] : [];
  });
  // a DNAT in a chain of its own works only when OUTPUT jumps there (Docker: -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT)
  const jumped = (chain: string) =>
    chain === 'OUTPUT' ||
    (c.dns?.rules ?? []).some((r) => new RegExp(`^-A OUTPUT .*-j ${chain}(\\s|$)`).test(r));
  const answered = dnat.filter((d) => c.dns?.listening.includes(`127.0.0.11:${d.port}/${d.proto}`));
  const protos = (ds: typeof dnat) =>
    ds
      .map((d) => d.proto)
      .sort()
      .join('+');
  return [
    `nameserver ${servers.join(', ') || t('none')}`,
    dnat.length
      ? `DNAT ${protos(dnat)} :53 → 127.0.0.11 (${[...new Set(dnat.map((d) => d.chain))]
          .map((chain) => (jumped(chain) ? chain : t('{chain}, no jump to it from OUTPUT', { chain })))
          .join(', ')})`
      : t('no DNAT for 127.0.0.11'),
    answered.length
      ? t('a server listens there ({protos})', { protos: protos(answered) })
      : t('nothing listens there'),
  ].join('; ');
}

/** One row per published port: the userland proxy listening for it in the Docker host's namespace. */
function proxyRows(
  lab: Lab,
  hand: Side,
  docker: Side,
  nh: (s: string) => string,
  nd: (s: string) => string,
): Row[] {
  const ours = (s: Side, n: (s: string) => string) =>
    (s.observed.proxies ?? []).filter((p) => p.target === null || n(p.target).includes('<'));
  const [hp, dp] = [ours(hand, nh), ours(docker, nd)];
  const portOf = (listen: string) => listen.replace(/^.*:/, '');
  const ports = new Set([
    ...lab.containers.flatMap((c) => c.ports.map((p) => `${p.hostPort}/${p.proto}`)),
    ...[...hp, ...dp].map((p) => portOf(p.listen)),
  ]);
  return [...ports].map((port) => {
    const none = t('no proxy');
    const cell = (ps: typeof hp, n: (s: string) => string) =>
      ps
        .filter((p) => portOf(p.listen) === port)
        .map((p) => `proxy ${n(p.listen)} (${p.program})`)
        .join('; ') || none;
    const [h, d] = [cell(hp, nh), cell(dp, nd)];
    const same = (h === none) === (d === none);
    return {
      property: `host: proxy for port ${port}`,
      hand: h,
      docker: d,
      verdict: same ? 'same' : 'differs',
      why: same
        ? h === none
          ? lab.daemon.userlandProxy
            ? t('neither side runs a userland proxy for this port')
            : t('neither side runs a userland proxy (userland-proxy: false): NAT alone carries the port')
          : t(
              'both answer the port with a userland proxy in the host’s namespace; compare publishes Docker’s on the bridge’s address only (Docker’s default, every address, would open this machine’s port)',
            )
        : t(
            'Docker 20.10 starts a docker-proxy for each published port (userland-proxy: true): it answers the host’s own and the neighbours’ calls to the port that the DNAT leaves out',
          ),
    };
  });
}

/** Which path answered a container calling its host's published port, told from what the server saw. */
function pathOf(s: HairpinSeen, n: (s: string) => string): string {
  if (!s.seen || !s.local) return t('no answer ({error})', { error: s.error ?? t('nothing seen') });
  const [seenAddr, seenPort] = [s.seen.replace(/:\d+$/, ''), s.seen.replace(/^.*:/, '')];
  const [ownAddr, ownPort] = [s.local.replace(/:\d+$/, ''), s.local.replace(/^.*:/, '')];
  if (seenAddr === ownAddr)
    return t('seen as the caller itself ({address}): DNAT alone', { address: n(seenAddr) });
  if (seenPort === ownPort)
    return t('seen as {address}, the caller’s port kept: NAT (MASQUERADE)', { address: n(seenAddr) });
  return t('seen as {address} from a new port: a proxy’s own connection', { address: n(seenAddr) });
}

function hairpinRows(hand: Side, docker: Side, nh: (s: string) => string, nd: (s: string) => string): Row[] {
  return (hand.hairpin ?? []).map((h) => {
    const d = docker.hairpin?.find((x) => x.from === h.from && x.port === h.port);
    const [hs, ds] = [pathOf(h, nh), d ? pathOf(d, nd) : '—'];
    return {
      property: `hairpin: ${h.from} → its host’s port ${h.port}`,
      hand: hs,
      docker: ds,
      verdict: hs === ds ? 'same' : 'differs',
      why:
        hs === ds
          ? t('the same path answered on both sides')
          : t(
              'with its userland proxy on, Docker answers a container calling its own host’s published port with docker-proxy, which connects to the server from the bridge’s address',
            ),
    };
  });
}

/** Does the lab's Docker host play dockerd with iptables (its chains, FORWARD policy DROP)? */
const playsDockerd = (lab: Lab): boolean => lab.hosts.some((h) => hostForwards(lab, h.name));

/** A function, not a constant: the language is chosen after the modules load. */
const qlenNote = (): [Verdict, string] => [
  'lab',
  t(
    'Docker creates its veths with txqueuelen 0 (a veth has no real queue); `ip link add` keeps the kernel’s 1000 and the lab leaves it',
  ),
];
const modeOf = (c: ContainerState) =>
  c.sharesHost
    ? t('host (the Docker host’s namespace)')
    : c.endpoints.length === 0
      ? t('none (only lo)')
      : t('own namespace');
const loOf = (lo: LinkState | null) => (lo ? `${lo.state} ${lo.addresses.join(' ')}` : null);

type Keys = [(s: string) => string, (s: string) => string];
const sortedParts = (s: string) => s.split('; ').sort().join('; ');

interface Rule {
  key: string;
  raw: string;
  line: RuleLine;
}

/**
 * One rule as an `iptables -S` line in Docker's words, so the two sides compare line by line:
 * nslab's chains (NSLAB, NSLAB-USER, NSLAB-ISOLATION-STAGE-1/2 on the host target) read as
 * Docker's, nslab's ownership comment is dropped, addresses and bridges are the lab's (<br0>.2).
 * Kept apart on purpose: where nslab keeps its rules is still moving.
 */
const NSLAB_COMMENT = /\s*-m comment --comment ("nslab:[^"]*"|nslab:\S+)/g;
export function ruleLine(line: RuleLine, n: (s: string) => string): string {
  const chain = (c: string) => c.replace(/^NSLAB(?=-|$)/, 'DOCKER');
  const text = line.rule
    .replace(NSLAB_COMMENT, '')
    .replace(/(-[jg] )(NSLAB\S*)/g, (_all, jump: string, c: string) => `${jump}${chain(c)}`);
  return `-t ${line.table} -A ${chain(line.chain)} ${n(text)}`.trimEnd();
}

/**
 * The rules about this side's bridges and subnets (they mention <net>), and the plumbing of
 * Docker's chains that names no interface or address (`-A FORWARD -j DOCKER-USER`).
 */
function relevant(observed: ObservedNetwork, n: (s: string) => string): Rule[] {
  return observed.rules.flatMap((line) => {
    const key = ruleLine(line, n);
    // 127.0.0.0/8 is every host's loopback (`-A OUTPUT ! -d 127.0.0.0/8 … -j DOCKER`), no one's address
    const plumbing =
      /DOCKER/.test(key) && !/ -[io] |\d+\.\d+\.\d+\.\d+/.test(key.replace(/127\.0\.0\.0\/8/g, ''));
    return key.includes('<') || plumbing
      ? [{ key, raw: `-t ${line.table} -A ${line.chain} ${line.rule.replace(NSLAB_COMMENT, '')}`, line }]
      : [];
  });
}

/** Rules that mean one thing, keyed by that meaning: several rules (or chains) may make one. */
type Meaning = (rules: Rule[]) => Map<string, Rule[]>;
const each =
  (keyOf: (r: Rule) => string | null): Meaning =>
  (rules) => {
    const out = new Map<string, Rule[]>();
    for (const r of rules) {
      const k = keyOf(r);
      if (k) out.set(k, [...(out.get(k) ?? []), r]);
    }
    return out;
  };
const dnat = each((r) => {
  const m = /-p (\w+).*--dport (\d+).*-j DNAT --to-destination (\S+)/.exec(r.key);
  return m ? `DNAT ${m[1]} port ${m[2]} → ${m[3]}` : null;
});
/** Does a DNAT leave out what comes from the bridge (Docker's `! -i docker0`, with its proxy on)? */
const fromBridge = (rs: Rule[]) =>
  // OUTPUT sees the host's own packets, which come in on no interface: -i means nothing there
  rs.filter((r) => r.line.chain !== 'OUTPUT').every((r) => / ! -i <[^>]+>/.test(r.key))
    ? t('not from the bridge')
    : t('from the bridge too');
/**
 * The lab drops A→B in FORWARD; Docker's stage 1 sends traffic leaving A for another bridge to
 * stage 2, which drops it towards B.
 */
const isolation: Meaning = (rules) => {
  const out = each((r) => {
    const m = /^-t filter -A FORWARD -i <([^>]+)> -o <([^>]+)> -j DROP$/.exec(r.key);
    return m ? `isolation ${m[1]} → ${m[2]}` : null;
  })(rules);
  const from = rules.flatMap((r) => {
    const m =
      /^-t filter -A DOCKER-ISOLATION-STAGE-1 -i <([^>]+)> ! -o <\1> -j DOCKER-ISOLATION-STAGE-2$/.exec(
        r.key,
      );
    return m ? [[m[1]!, r] as const] : [];
  });
  const to = rules.flatMap((r) => {
    const m = /^-t filter -A DOCKER-ISOLATION-STAGE-2 -o <([^>]+)> -j DROP$/.exec(r.key);
    return m ? [[m[1]!, r] as const] : [];
  });
  for (const [a, ra] of from)
    for (const [b, rb] of to) if (a !== b) out.set(`isolation ${a} → ${b}`, [ra, rb]);
  return out;
};

function compareRules(
  lab: Lab,
  hand: Side,
  docker: Side & { version: string },
  nh: (s: string) => string,
  nd: (s: string) => string,
): Row[] {
  const rows: Row[] = [];
  const hr = relevant(hand.observed, nh);
  const dr = relevant(docker.observed, nd);
  const used = new Set<Rule>();
  // First the same line on both sides: that is the same rule, whichever chain layout made it.
  for (const h of hr) {
    const d = dr.find((x) => !used.has(x) && x.key === h.key);
    if (!d) continue;
    used.add(h).add(d);
    rows.push({ property: `iptables: ${h.key}`, hand: h.raw, docker: d.raw, verdict: 'same', why: '' });
  }
  const left = (rs: Rule[]) => rs.filter((r) => !used.has(r));
  // Then published ports and isolation: one meaning, made in different chains on each side.
  const meanings: [
    Meaning,
    string,
    (key: string) => [Verdict, string] | null,
    ((rs: Rule[]) => string) | null,
  ][] = [
    [
      dnat,
      t(
        'the same DNAT; Docker keeps it in its DOCKER chain (jumped to from PREROUTING and OUTPUT) and matches the address it was published on',
      ),
      () => null,
      fromBridge,
    ],
    [
      isolation,
      t(
        'the same isolation; Docker makes it in two stages: DOCKER-ISOLATION-STAGE-1 picks what leaves a bridge for another, STAGE-2 drops it',
      ),
      (k) => {
        const [a, b] = k.replace('isolation ', '').split(' → ');
        return lab.networks.some((n) => (n.name === a || n.name === b) && n.isolated)
          ? null
          : [
              'lab',
              t(
                'Docker isolates every pair of its bridge networks; this lab does not ask for it (isolated: true on {network} would)',
                { network: a ?? '' },
              ),
            ];
      },
      null,
    ],
  ];
  for (const [meaning, why, dockerOnly, detail] of meanings) {
    const [hm, dm] = [meaning(left(hr)), meaning(left(dr))];
    for (const k of new Set([...hm.keys(), ...dm.keys()])) {
      const [h, d] = [hm.get(k) ?? [], dm.get(k) ?? []];
      for (const r of [...h, ...d]) used.add(r);
      const cell = (rs: Rule[]) =>
        rs.length
          ? `${[...new Set(rs.map((r) => r.line.chain))].join(', ')}${detail ? ` (${detail(rs)})` : ''}`
          : null;
      const excuse = !h.length ? dockerOnly(k) : null;
      const both = h.length > 0 && d.length > 0;
      const same = both && cell(h)!.replace(/^[^(]*/, '') === cell(d)!.replace(/^[^(]*/, '');
      rows.push({
        property: `iptables: ${k}`,
        hand: show(cell(h)),
        docker: show(cell(d)),
        verdict: same ? 'same' : (excuse?.[0] ?? 'differs'),
        why: same
          ? why
          : both
            ? t(
                'Docker’s DNAT leaves out what comes from the bridge (! -i): with its userland proxy on, a neighbour calling the published port reaches docker-proxy instead; the lab’s DNAT takes those packets too',
              )
            : (excuse?.[1] ?? (h.length ? t('only the hand-built side has it') : t('only Docker has it'))),
      });
    }
  }
  const [hRest, dRest] = [left(hr), left(dr)];
  const plumbing: string[] = [];
  for (const h of hRest)
    rows.push({
      property: `iptables: ${h.key}`,
      hand: h.raw,
      docker: '—',
      verdict: 'differs',
      why: t('only the hand-built side has this rule'),
    });
  for (const d of dRest) {
    // Docker's NAT of a bridge: its MASQUERADE, and the RETURN that keeps the bridge's own packets
    // from the DNAT (programmed only with ip masquerade on, setup_ip_tables.go)
    const masquerade =
      /^-t nat -A POSTROUTING -s <([^>]+)>\/subnet ! -o <\1> -j MASQUERADE$/.exec(d.key) ??
      /^-t nat -A DOCKER -i <([^>]+)> -j RETURN$/.exec(d.key);
    const net = masquerade && lab.networks.find((n) => n.name === masquerade[1]);
    if (net && !net.nat) {
      const skip = d.key.includes(' -j RETURN');
      rows.push({
        property: skip ? `iptables: ${d.key}` : `iptables: MASQUERADE ${net.name}'s subnet`,
        hand: '—',
        docker: d.raw,
        verdict: 'lab',
        why: skip
          ? t(
              'with its MASQUERADE, Docker keeps the bridge’s own packets from the DNAT; this lab leaves NAT out ({network} has no nat: true — bridge-nat adds it)',
              { network: net.name },
            )
          : t(
              'Docker masquerades every bridge network; this lab leaves NAT out ({network} has no nat: true — bridge-nat adds it)',
              { network: net.name },
            ),
      });
      continue;
    }
    // Docker's chains and its FORWARD accepts: what its FORWARD policy of DROP needs. Docker's
    // choice only where the lab's host does not play dockerd; where it does, it builds them too,
    // and one missing is a real difference.
    if (
      !playsDockerd(lab) &&
      (/^-t (filter|nat) -A DOCKER/.test(d.key) ||
        / -j DOCKER/.test(d.key) ||
        /^-t filter -A FORWARD /.test(d.key))
    ) {
      plumbing.push(d.raw);
      continue;
    }
    rows.push({
      property: `iptables: ${d.key}`,
      hand: '—',
      docker: d.raw,
      verdict: 'differs',
      why: playsDockerd(lab)
        ? t('only Docker has this rule; the lab’s host builds Docker’s chains, and this rule is missing')
        : t('only Docker has this rule'),
    });
  }
  if (plumbing.length > 0)
    rows.push({
      property: 'iptables: Docker’s chains',
      hand: '—',
      docker: t('{n} rules, e.g. {rule}', { n: plumbing.length, rule: plumbing[0]! }),
      verdict: 'docker',
      why: t(
        '{chains}: they accept the bridge’s traffic under a FORWARD policy of DROP and isolate networks from each other',
        { chains: chainNote(docker.version) },
      ),
    });
  return rows;
}
