// Puts two observed networks side by side, property by property. Pure: it only reads what
// observe() gathered, so every explanation below can be tested without a kernel or Docker.
//
// Values are compared after normalising what must differ between two copies on one machine:
// bridge names become the lab's network names (<br0>), addresses their place in the subnet
// (<br0>.2), so `-s 172.30.0.0/16 ! -o br0` and `-s 172.17.0.0/16 ! -o docker0` are one rule.
import type { CheckResult } from '../check/run.js';
import type { ContainerState, LinkState, ObservedNetwork, RuleLine } from '../inspect/observe.js';
import type { Lab } from '../lab/types.js';
import { contains, formatSubnet, offsetIn, parseCidr, type Subnet } from '../net/ipv4.js';

/** same; Docker's own choice; the lab's deliberate choice; not run on one side; a real difference */
export type Verdict = 'same' | 'docker' | 'lab' | 'skipped' | 'differs';

export interface Row {
  property: string;
  hand: string;
  docker: string;
  verdict: Verdict;
  why: string;
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
    ? `Docker ${version}'s own chains ` +
        '(DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, DOCKER-USER, …; 28 reorganised them)'
    : `Docker ${version}'s own chains ` +
        '(DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2; 28 reorganised them)';
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
    return (
      `Docker ${version} derives the MAC from the IP ` +
      `(02:42 then the address's 4 bytes${mac === derived ? `: ${mac}` : ''}); ` +
      '28+ picks a random one; the lab lets the kernel pick'
    );
  return (
    `Docker ${version} picks a random MAC (27 and older derived it from the IP, 02:42:…); ` +
    'so does the kernel for the lab'
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
      why: same ? sameWhy : (otherwise?.[1] ?? 'the lab means to reproduce Docker here'),
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
            "Docker names the default bridge docker0 and a user-defined network's bridge br-<network id>; " +
              `the lab names it ${net.name}`,
          ]
        : undefined,
    );
    add(`${p}: subnet`, formatSubnet(hn.subnet), formatSubnet(dn.subnet), [
      'lab',
      "the lab's subnet stays clear of Docker's own, so both can be up at once; " +
        'addresses below are compared by their place in it (.1, .2, …)',
    ]);
    add(`${p}: address`, hb?.addresses.join(' '), db?.addresses.join(' '), undefined, byPlace);
    add(`${p}: MAC`, hb?.mac, db?.mac, [
      'docker',
      'a bridge gets a random local MAC on both sides (Docker ≤27 starts it with 02:42)',
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
        [
          'docker',
          'on the default bridge Docker hands out the lowest free address: ' +
            'other containers on it took the lab’s',
        ],
        byPlace,
      );
      add(`${p}: MAC`, he.inside.mac, de.inside.mac, [
        'docker',
        macNote(docker.version, de.inside.mac, de.inside.addresses[0]?.split('/')[0]),
      ]);
      add(`${p}: MTU`, he.inside.mtu, de.inside.mtu);
      add(`${p}: state`, he.inside.state, de.inside.state);
      add(`${p}: txqueuelen`, he.inside.qlen, de.inside.qlen, qlenNote);
      add(`${p}: disable_ipv6`, he.disableIpv6, de.disableIpv6, [
        'lab',
        'Docker turns IPv6 off on the eth0 of a network without IPv6; ' +
          'the lab, IPv4 only, leaves the kernel’s default',
      ]);
      if (he.hostSide || de.hostSide) {
        add(`${p}: host end`, he.hostSide?.name, de.hostSide?.name, [
          'docker',
          'Docker names the host end veth + 7 random hex digits; ' +
            `the lab names it after the container (${he.hostSide?.name ?? 've-…'})`,
        ]);
        add(`${p}: host end on bridge`, he.hostSide?.master, de.hostSide?.master, undefined, normalised);
        add(`${p}: host end MTU`, he.hostSide?.mtu, de.hostSide?.mtu);
        add(`${p}: host end state`, he.hostSide?.state, de.hostSide?.state);
        add(`${p}: host end txqueuelen`, he.hostSide?.qlen, de.hostSide?.qlen, qlenNote);
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
      ['differs', 'the two files name different containers'],
      [(s) => sortedParts(nh(s)), (s) => sortedParts(nd(s))],
    );
    add(
      `${c.name}: resolv.conf`,
      hc.resolv?.join('; '),
      dc.resolv?.join('; '),
      onDnsNetwork
        ? [
            'differs',
            'on a user-defined network the lab writes what Docker writes (nameserver 127.0.0.11, ' +
              'options ndots:0); Docker also keeps search and options lines of the machine’s resolv.conf',
          ]
        : [
            'lab',
            'Docker copies the machine’s resolv.conf into a container on the default bridge; ' +
              'the lab points at no server, so no lookup leaves it',
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
          'dockerd turns forwarding on when it starts; ' +
            'a lab turns it on only when a network has nat: true (bridge-nat)',
        ],
  );
  add(
    'host: bridge-nf-call-iptables',
    hand.observed.sysctls.bridgeNfCallIptables,
    docker.observed.sysctls.bridgeNfCallIptables,
    [
      'lab',
      'dockerd loads br_netfilter, which sends bridged frames through iptables; ' +
        'the value is per namespace and the lab does not set it',
    ],
  );
  add('host: FORWARD policy', hand.observed.policies.FORWARD, docker.observed.policies.FORWARD, [
    'docker',
    'Docker sets FORWARD to DROP and accepts its own bridges’ traffic by rules in its chains; ' +
      'the lab’s host keeps ACCEPT, so it needs no such rules',
  ]);
  rows.push(...compareRules(lab, hand, docker, nh, nd));

  // Behaviour: the lab's own checks, run against both sides.
  hand.checks.forEach((h, i) => {
    const check = lab.checks[i]!;
    const d = docker.checks[i];
    const label = (r: CheckResult | { skipped: string } | undefined) =>
      !r
        ? '—'
        : 'skipped' in r
          ? 'not run'
          : `${r.ok ? 'ok' : 'FAILED'}${r.expect === 'fail' ? ' (must fail)' : ''}`;
    const property = `check: ${check.name}`;
    if (d && 'skipped' in d)
      rows.push({ property, hand: label(h), docker: label(d), verdict: 'skipped', why: d.skipped });
    else if (h && !('skipped' in h) && d && h.ok === d.ok)
      rows.push({
        property,
        hand: label(h),
        docker: label(d),
        verdict: 'same',
        why: h.ok ? '' : `fails on both sides: ${h.detail ?? ''}`,
      });
    else
      rows.push({
        property,
        hand: label(h),
        docker: label(d),
        verdict: 'differs',
        why: [h, d]
          .map((r, j) =>
            r && !('skipped' in r) && !r.ok ? `${j ? 'Docker' : 'hand-built'}: ${r.detail ?? 'failed'}` : '',
          )
          .filter(Boolean)
          .join('; '),
      });
  });
  return rows;
}

const qlenNote: [Verdict, string] = [
  'lab',
  'Docker creates its veths with txqueuelen 0 (a veth has no real queue); ' +
    '`ip link add` keeps the kernel’s 1000 and the lab leaves it',
];
const modeOf = (c: ContainerState) =>
  c.sharesHost
    ? 'host (the Docker host’s namespace)'
    : c.endpoints.length === 0
      ? 'none (only lo)'
      : 'own namespace';
const loOf = (lo: LinkState | null) => (lo ? `${lo.state} ${lo.addresses.join(' ')}` : null);

type Keys = [(s: string) => string, (s: string) => string];
const sortedParts = (s: string) => s.split('; ').sort().join('; ');

interface Rule {
  key: string;
  raw: string;
  line: RuleLine;
}

/** The rules that are about this side's bridges and subnets, in the lab's vocabulary, comments dropped. */
function relevant(observed: ObservedNetwork, n: (s: string) => string): Rule[] {
  return observed.rules.flatMap((line) => {
    const text = line.rule.replace(/\s*-m comment --comment ("[^"]*"|\S+)/g, '');
    const key = `${line.table} ${line.chain} ${n(text)}`;
    return key.includes('<') ? [{ key, raw: `-t ${line.table} -A ${line.chain} ${text}`, line }] : [];
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
const hairpin = each((r) => {
  const m = /POSTROUTING .*-d (<[^>]+>\.\d+).*--dport (\d+).*-j MASQUERADE/.exec(r.key);
  return m ? `hairpin MASQUERADE for ${m[1]}:${m[2]}` : null;
});
/**
 * The lab drops A→B in FORWARD; Docker's stage 1 sends traffic leaving A for another bridge to
 * stage 2, which drops it towards B.
 */
const isolation: Meaning = (rules) => {
  const out = each((r) => {
    const m = /^filter FORWARD -i <([^>]+)> -o <([^>]+)> -j DROP$/.exec(r.key);
    return m ? `isolation ${m[1]} → ${m[2]}` : null;
  })(rules);
  const from = rules.flatMap((r) => {
    const m = /^filter DOCKER-ISOLATION-STAGE-1 -i <([^>]+)> ! -o <\1> -j DOCKER-ISOLATION-STAGE-2$/.exec(
      r.key,
    );
    return m ? [[m[1]!, r] as const] : [];
  });
  const to = rules.flatMap((r) => {
    const m = /^filter DOCKER-ISOLATION-STAGE-2 -o <([^>]+)> -j DROP$/.exec(r.key);
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
  // Published ports, their hairpin, isolation: one meaning, in different chains on each side.
  const meanings: [Meaning, string, (key: string) => [Verdict, string] | null][] = [
    [
      dnat,
      'the same DNAT; Docker keeps it in its DOCKER chain (jumped to from PREROUTING and OUTPUT) ' +
        'and matches the address it was published on',
      () => null,
    ],
    [
      hairpin,
      'both send a container’s answer to its neighbour back through the host; ' +
        'Docker matches the container alone, the lab its whole subnet',
      () => null,
    ],
    [
      isolation,
      'the same isolation; Docker makes it in two stages: ' +
        'DOCKER-ISOLATION-STAGE-1 picks what leaves a bridge for another, STAGE-2 drops it',
      (k) => {
        const [a, b] = k.replace('isolation ', '').split(' → ');
        return lab.networks.some((n) => (n.name === a || n.name === b) && n.isolated)
          ? null
          : [
              'lab',
              'Docker isolates every pair of its bridge networks; ' +
                `this lab does not ask for it (isolated: true on ${a} would)`,
            ];
      },
    ],
  ];
  for (const [meaning, why, dockerOnly] of meanings) {
    const [hm, dm] = [meaning(hr), meaning(dr)];
    for (const k of new Set([...hm.keys(), ...dm.keys()])) {
      const [h, d] = [hm.get(k) ?? [], dm.get(k) ?? []];
      for (const r of [...h, ...d]) used.add(r);
      const chains = (rs: Rule[]) =>
        rs.length ? [...new Set(rs.map((r) => r.line.chain))].join(', ') : null;
      const excuse = !h.length ? dockerOnly(k) : null;
      rows.push({
        property: `iptables: ${k}`,
        hand: show(chains(h)),
        docker: show(chains(d)),
        verdict: h.length && d.length ? 'same' : (excuse?.[0] ?? 'differs'),
        why:
          h.length && d.length
            ? why
            : (excuse?.[1] ?? `only ${h.length ? 'the hand-built side' : 'Docker'} has it`),
      });
    }
  }
  const rest = (rs: Rule[]) => rs.filter((r) => !used.has(r));
  const [hRest, dRest] = [rest(hr), rest(dr)];
  const keys = [...new Set([...hRest, ...dRest].map((r) => r.key))];
  const plumbing: string[] = [];
  for (const k of keys) {
    const h = hRest.find((r) => r.key === k);
    const d = dRest.find((r) => r.key === k);
    if (h && d) {
      rows.push({ property: `iptables: ${k}`, hand: h.raw, docker: d.raw, verdict: 'same', why: '' });
      continue;
    }
    if ((d && /^(filter|nat) DOCKER/.test(k)) || (d && / -j DOCKER/.test(k))) {
      plumbing.push(d.raw);
      continue;
    }
    if (d && /^filter FORWARD /.test(k)) {
      plumbing.push(d.raw);
      continue;
    }
    const masquerade = /^nat POSTROUTING -s <([^>]+)>\/subnet ! -o <\1> -j MASQUERADE$/.exec(k);
    const net = masquerade && lab.networks.find((n) => n.name === masquerade[1]);
    if (d && net && !net.nat) {
      rows.push({
        property: `iptables: MASQUERADE ${net.name}'s subnet`,
        hand: '—',
        docker: d.raw,
        verdict: 'lab',
        why:
          'Docker masquerades every bridge network; ' +
          `this lab leaves NAT out (${net.name} has no nat: true — bridge-nat adds it)`,
      });
      continue;
    }
    rows.push({
      property: `iptables: ${k}`,
      hand: h ? h.raw : '—',
      docker: d ? d.raw : '—',
      verdict: 'differs',
      why: `only ${h ? 'the hand-built side' : 'Docker'} has this rule`,
    });
  }
  if (plumbing.length > 0)
    rows.push({
      property: 'iptables: Docker’s chains',
      hand: '—',
      docker: `${plumbing.length} rules, e.g. ${plumbing[0]}`,
      verdict: 'docker',
      why:
        `${chainNote(docker.version)}: they accept the bridge’s traffic under a FORWARD policy of DROP ` +
        'and isolate networks from each other',
    });
  return rows;
}
