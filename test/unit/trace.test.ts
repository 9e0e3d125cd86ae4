// The tracer's pure parts on what the kernel really printed (test/fixtures/trace, captured from
// `nft monitor trace` in every namespace of a lab while `nslab trace` ran): the monitor's lines,
// conntrack's NAT, the order of the legs across namespaces, and the verdict's words.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import type { Plan } from '../../src/plan/types.js';
import { plant } from '../../src/plan/faults.js';
import { natOf, parseConntrack, type Connection } from '../../src/trace/conntrack.js';
import { packetFields, parseTraceLine, tcpFlagNames, type TraceEvent } from '../../src/trace/events.js';
import { legOf, packetText, visitsOf, type Visit } from '../../src/trace/journey.js';
import { linkPeers, type NamespaceLinks, type Peers } from '../../src/trace/links.js';
import { judgeJourney } from '../../src/trace/verdict.js';
import type { Probe } from '../../src/check/run.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/trace/${name}`, import.meta.url), 'utf8');

/** `NAMESPACE<tab>LINE` lines (comments skipped) as [namespace, line]. */
const rows = (text: string): [string, string][] =>
  text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]);

/** A capture's events; `order` puts the namespaces' blocks in another order, as monitors may be read. */
function eventsOf(
  name: string,
  order?: (blocks: [string, string][][]) => [string, string][][],
): TraceEvent[] {
  const blocks = new Map<string, [string, string][]>();
  for (const r of rows(fixture(`${name}.txt`))) blocks.set(r[0], [...(blocks.get(r[0]) ?? []), r]);
  const read = (order ?? ((b) => b))([...blocks.values()]).flat();
  return read.flatMap(([ns, line], i) => {
    const e = parseTraceLine(line, ns, i);
    return e ? [e] : [];
  });
}

const connsOf = (name: string): Connection[] => {
  try {
    return rows(fixture(`${name}.conntrack.txt`)).flatMap(([ns, line]) => parseConntrack(line, ns));
  } catch {
    return [];
  }
};

const peersOf = (name: string): Peers =>
  linkPeers(
    Object.entries(
      JSON.parse(fixture(`${name}.links.json`)) as Record<string, Omit<NamespaceLinks, 'ns'>>,
    ).map(([ns, l]) => ({ ns, ...l })),
  );

const visits = (name: string, order?: Parameters<typeof eventsOf>[1]) =>
  visitsOf(eventsOf(name, order), connsOf(name), peersOf(name));

/** A pass in words: `bridge-nat-c1 sends icmp echo-request 172.31.0.2 → 203.0.113.10`. */
const said = (v: Visit) => {
  const sent = v.events[0]!.chain === 'output';
  return `${v.ns} ${sent ? 'sends' : 'gets'} ${packetText(v.events.find((e) => e.type === 'packet')!.packet!)}`;
};

const sandboxPlan = (lab: string): Plan => compile(loadLab(lab), { kind: 'sandbox', name: lab });

// ── the monitor's lines ──────────────────────────────────────────────────────────────────────

t.test('a packet line: where it is and what it is', async (t) => {
  const line = rows(fixture('masquerade-ping.txt')).find(
    ([ns, l]) => ns === 'bridge-nat-host' && / inet nslab-trace forward packet:/.test(l),
  )![1];
  const e = parseTraceLine(line, 'bridge-nat-host', 7)!;
  t.match(e, {
    ns: 'bridge-nat-host',
    seq: 7,
    family: 'inet',
    table: 'nslab-trace',
    chain: 'forward',
    type: 'packet',
  });
  t.same(e.packet, {
    iif: 'br0',
    oif: 'eth0',
    saddr: '172.31.0.2',
    daddr: '203.0.113.10',
    ttl: 63,
    ipId: 4998,
    etherDaddr: '12:a0:d8:27:37:00',
    proto: 'icmp',
    icmpType: 'echo-request',
    // nft names code 0 by its destination-unreachable meaning, whatever the type
    icmpCode: 'net-unreachable',
    icmpId: 13022,
  });
});

t.test('a rule with its verdict, a policy, and what is not an event', async (t) => {
  const dnat = rows(fixture('dnat-tcp.txt')).find(([, l]) => / ip nat DOCKER rule /.test(l))![1];
  t.match(parseTraceLine(dnat, 'port-publish-host', 0), {
    family: 'ip',
    table: 'nat',
    chain: 'DOCKER',
    type: 'rule',
    rule: 'iifname != "br0" tcp dport 8080 counter packets 0 bytes 0 dnat to 172.28.0.2:80',
    verdict: 'accept',
  });
  const policy = rows(fixture('forward-drop.txt')).find(([, l]) => / ip filter FORWARD policy /.test(l))![1];
  t.match(parseTraceLine(policy, 'bridge-basic-host', 0), {
    table: 'filter',
    chain: 'FORWARD',
    type: 'policy',
    verdict: 'drop',
  });
  // the tracer's own rules, unknown to a monitor started before they were loaded
  t.equal(
    parseTraceLine(
      'trace id c9437979 bridge nslab-trace prerouting unknown rule handle 3 (verdict continue)',
      null,
      0,
    ),
    null,
  );
  t.equal(parseTraceLine('', null, 0), null);
  t.equal(parseTraceLine('Error: Could not process rule', null, 0), null);
});

t.test('packet fields: tcp and udp ports, flags, and the protocol nft leaves out', async (t) => {
  // iptables-nft's own chains print no `ip protocol`: the transport header says it
  const syn = rows(fixture('dnat-tcp.txt')).find(([, l]) => / ip nat PREROUTING packet:/.test(l))![1];
  t.match(parseTraceLine(syn, null, 0)!.packet, {
    proto: 'tcp',
    sport: 36234,
    dport: 8080,
    tcpFlags: 'syn',
    ipId: 40623,
  });
  t.match(
    packetFields(
      'ip saddr 127.0.0.1 ip daddr 127.0.0.1 ip ttl 64 ip id 40309 ip protocol udp udp sport 41856 udp dport 53',
    ),
    {
      proto: 'udp',
      sport: 41856,
      dport: 53,
    },
  );
  t.same([...tcpFlagNames('0x12')].sort(), ['ack', 'syn'], 'SYN-ACK as nft prints it');
  t.same([...tcpFlagNames('0x14')].sort(), ['ack', 'rst']);
  t.same([...tcpFlagNames('syn | ack')].sort(), ['ack', 'syn']);
  t.same([...tcpFlagNames(undefined)], []);
});

// ── conntrack ────────────────────────────────────────────────────────────────────────────────

t.test('conntrack: what NAT did, from the original and reply tuples', async (t) => {
  const nat = (name: string) => connsOf(name).map((c) => natOf(c));
  t.same(nat('masquerade-ping'), [
    {
      kind: 'SNAT',
      original: 'icmp 172.31.0.2 → 203.0.113.10',
      reply: 'icmp 203.0.113.10 → 198.51.100.2',
    },
    // IGMP, no NAT: the reply is the original turned round
    null,
  ]);
  t.same(nat('dnat-tcp')[1], {
    kind: 'DNAT',
    original: 'tcp 198.51.100.1:36234 → 198.51.100.2:8080',
    reply: 'tcp 172.28.0.2:80 → 198.51.100.1:36234',
  });
  t.same(nat('vip-tcp')[1]?.kind, 'SNAT+DNAT', 'the VIP: DNAT to a backend and MASQUERADE for the client');
  t.same(nat('dns-dnat')[0], {
    kind: 'DNAT',
    original: 'udp 127.0.0.1:53393 → 127.0.0.11:53',
    reply: 'udp 127.0.0.11:33752 → 127.0.0.1:53393',
  });
  const [icmp] = connsOf('masquerade-ping');
  t.same(icmp, {
    ns: 'bridge-nat-host',
    original: { proto: 'icmp', src: '172.31.0.2', dst: '203.0.113.10', id: 13022 },
    reply: { proto: 'icmp', src: '203.0.113.10', dst: '198.51.100.2', id: 13022 },
  });
  t.same(parseConntrack('conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.\n', null), []);
});

// ── the order of the legs ────────────────────────────────────────────────────────────────────

const journeys: Record<string, string[]> = {
  'bridged-ping': [
    'bridge-basic-c1 sends icmp echo-request 172.30.0.2 → 172.30.0.3',
    'bridge-basic-host gets icmp echo-request 172.30.0.2 → 172.30.0.3',
    'bridge-basic-c2 gets icmp echo-request 172.30.0.2 → 172.30.0.3',
    'bridge-basic-c2 sends icmp echo-reply 172.30.0.3 → 172.30.0.2',
    'bridge-basic-host gets icmp echo-reply 172.30.0.3 → 172.30.0.2',
    'bridge-basic-c1 gets icmp echo-reply 172.30.0.3 → 172.30.0.2',
  ],
  'masquerade-ping': [
    'bridge-nat-c1 sends icmp echo-request 172.31.0.2 → 203.0.113.10',
    'bridge-nat-host gets icmp echo-request 172.31.0.2 → 203.0.113.10',
    'bridge-nat-outside gets icmp echo-request 198.51.100.2 → 203.0.113.10',
    'bridge-nat-outside sends icmp echo-reply 203.0.113.10 → 198.51.100.2',
    'bridge-nat-host gets icmp echo-reply 203.0.113.10 → 198.51.100.2',
    'bridge-nat-c1 gets icmp echo-reply 203.0.113.10 → 172.31.0.2',
  ],
  'dnat-tcp': [
    'port-publish-outside sends tcp SYN 198.51.100.1:36234 → 198.51.100.2:8080',
    'port-publish-host gets tcp SYN 198.51.100.1:36234 → 198.51.100.2:8080',
    'port-publish-c1 gets tcp SYN 198.51.100.1:36234 → 172.28.0.2:80',
    'port-publish-c1 sends tcp SYN+ACK 172.28.0.2:80 → 198.51.100.1:36234',
    'port-publish-host gets tcp SYN+ACK 172.28.0.2:80 → 198.51.100.1:36234',
    'port-publish-outside gets tcp SYN+ACK 198.51.100.2:8080 → 198.51.100.1:36234',
  ],
  // a and b on two hosts: h1 and h2 both switch the frame, TTL unchanged; the VXLAN device says who is first
  'vxlan-ping': [
    'overlay-a sends icmp echo-request 10.0.9.2 → 10.0.9.3',
    'overlay-h1 gets icmp echo-request 10.0.9.2 → 10.0.9.3',
    'overlay-h2 gets icmp echo-request 10.0.9.2 → 10.0.9.3',
    'overlay-b gets icmp echo-request 10.0.9.2 → 10.0.9.3',
    'overlay-b sends icmp echo-reply 10.0.9.3 → 10.0.9.2',
    'overlay-h2 gets icmp echo-reply 10.0.9.3 → 10.0.9.2',
    'overlay-h1 gets icmp echo-reply 10.0.9.3 → 10.0.9.2',
    'overlay-a gets icmp echo-reply 10.0.9.3 → 10.0.9.2',
  ],
  // no conntrack in these namespaces: the RST goes after the SYN-ACK it answers, not with the SYN
  'tcp-rst': [
    'link-web sends tcp SYN 172.21.0.3:40468 → 172.21.0.2:5432',
    'link-host gets tcp SYN 172.21.0.3:40468 → 172.21.0.2:5432',
    'link-db gets tcp SYN 172.21.0.3:40468 → 172.21.0.2:5432',
    'link-db sends tcp SYN+ACK 172.21.0.2:5432 → 172.21.0.3:40468',
    'link-host gets tcp SYN+ACK 172.21.0.2:5432 → 172.21.0.3:40468',
    'link-web gets tcp SYN+ACK 172.21.0.2:5432 → 172.21.0.3:40468',
    'link-web sends tcp RST+ACK 172.21.0.3:40468 → 172.21.0.2:5432',
    'link-host gets tcp RST+ACK 172.21.0.3:40468 → 172.21.0.2:5432',
    'link-db gets tcp RST+ACK 172.21.0.3:40468 → 172.21.0.2:5432',
  ],
  'vip-tcp': [
    'service-vip-client sends tcp SYN 172.19.0.2:36714 → 10.96.0.10:80',
    'service-vip-host gets tcp SYN 172.19.0.2:36714 → 10.96.0.10:80',
    'service-vip-web2 gets tcp SYN 172.19.0.1:36714 → 172.19.0.12:80',
    'service-vip-web2 sends tcp SYN+ACK 172.19.0.12:80 → 172.19.0.1:36714',
    'service-vip-host gets tcp SYN+ACK 172.19.0.12:80 → 172.19.0.1:36714',
    'service-vip-client gets tcp SYN+ACK 10.96.0.10:80 → 172.19.0.2:36714',
  ],
  'forward-drop': [
    'bridge-basic-c1 sends icmp echo-request 172.30.0.2 → 172.30.0.3',
    'bridge-basic-host gets icmp echo-request 172.30.0.2 → 172.30.0.3',
  ],
};

for (const [name, expected] of Object.entries(journeys))
  t.test(
    `visitsOf, ${name}: the legs in the order the packets went, however the monitors were read`,
    async (t) => {
      t.same(visits(name).map(said), expected, 'the namespaces’ blocks as captured');
      const blocks = rows(fixture(`${name}.txt`)).reduce((s, [ns]) => s.add(ns), new Set<string>()).size;
      for (let k = 1; k < blocks; k++) {
        const rotate = <T>(b: T[]) => [...b.slice(k), ...b.slice(0, k)];
        t.same(visits(name, rotate).map(said), expected, `blocks rotated by ${k}`);
      }
      t.same(visits(name, (b) => [...b].reverse()).map(said), expected, 'blocks reversed');
    },
  );

t.test('visitsOf: request or reply, from conntrack or from the packet', async (t) => {
  const dirs = (name: string) => visits(name).map((v) => v.direction);
  t.same(dirs('masquerade-ping'), ['request', 'request', 'request', 'reply', 'reply', 'reply']);
  // one conntrack connection: the MASQUERADEd outside leg belongs to it too
  t.same(new Set(visits('masquerade-ping').map((v) => v.flow)).size, 1);
  // tcp with no conntrack: whoever sent the SYN asks; its RST is on the asking side
  t.same(dirs('tcp-rst'), [
    'request',
    'request',
    'request',
    'reply',
    'reply',
    'reply',
    'request',
    'request',
    'request',
  ]);
});

t.test('visitsOf: getent’s DNS queries over lo, each answered by port-unreachable, in turn', async (t) => {
  const v = visits('dns-refused');
  t.equal(v.length, 16, 'four queries, each sent, received, refused, and the refusal received');
  for (let i = 0; i < 16; i += 4) {
    t.match(said(v[i]!), /^link-db sends udp 127\.0\.0\.1:\d+ → 127\.0\.0\.1:53$/);
    t.match(said(v[i + 1]!), /^link-db gets udp 127\.0\.0\.1:\d+ → 127\.0\.0\.1:53$/);
    t.equal(
      said(v[i + 2]!),
      'link-db sends icmp destination-unreachable (port-unreachable) 127.0.0.1 → 127.0.0.1',
    );
    t.equal(
      said(v[i + 3]!),
      'link-db gets icmp destination-unreachable (port-unreachable) 127.0.0.1 → 127.0.0.1',
    );
    t.same([v[i]!.direction, v[i + 2]!.direction], ['request', 'reply']);
  }
});

t.test('linkPeers: a veth leads to its peer’s namespace, a VXLAN device to the other hosts’', async (t) => {
  const peers = peersOf('vxlan-ping');
  t.same(peers.get('overlay-h1|ve-a'), ['overlay-a']);
  t.same(peers.get('overlay-a|eth0'), ['overlay-h1']);
  t.same(peers.get('overlay-h1|vx-ov0'), ['overlay-h2']);
  t.same(peers.get('overlay-h2|vx-ov0'), ['overlay-h1']);
  t.same(peers.get('overlay-h1|eth0'), ['overlay-outside'], 'the uplink');
  t.equal(peers.get('overlay-h1|ov0'), undefined, 'a bridge leads nowhere of its own');
});

// ── legs and verdicts ────────────────────────────────────────────────────────────────────────

const probe = (p: Partial<Probe>): Probe => ({ reached: false, rttMs: null, detail: null, argv: [], ...p });
const legsOf = (plan: Plan, name: string) => visits(name).map((v) => legOf(plan, v, new Map()));

t.test('a MASQUERADEd ping: legs, NAT on the way out, and delivered', async (t) => {
  const plan = sandboxPlan('bridge-nat');
  const legs = legsOf(plan, 'masquerade-ping');
  t.match(legs[1], {
    who: 'the Docker host (host)',
    in: 've-c1',
    bridge: 'br0',
    out: 'eth0',
    packet: 'icmp echo-request 172.31.0.2 → 203.0.113.10',
    end: 'forwarded',
  });
  t.ok(
    legs[1]!.hops.some(
      (h) => h.table === 'nat' && h.chain === 'POSTROUTING' && /masquerade/.test(h.rule ?? ''),
    ),
    'the masquerade rule, as nft prints it when iptables-save is not at hand',
  );
  t.match(legs[2], {
    who: 'the outside',
    packet: 'icmp echo-request 198.51.100.2 → 203.0.113.10',
    end: 'delivered',
  });
  t.match(
    legs[4],
    { leftAs: 'icmp echo-reply 203.0.113.10 → 172.31.0.2' },
    'the reply is un-NATed on its way back',
  );
  const j = await judgeJourney(plan, plan.checks[0]!, probe({ reached: true }), legs, plan.namespaces);
  t.same(j, {
    verdict: 'delivered',
    reason: 'delivered to the outside [bridge-nat-outside], and the answer came back',
  });
});

t.test('FORWARD’s policy drops the bridged frame: dropped, by the exercise’s fault', async (t) => {
  const lab = loadLab('bridge-basic');
  const plan = plant(sandboxPlan('bridge-basic'), lab, lab.exercises[1]!);
  const legs = legsOf(plan, 'forward-drop');
  t.match(legs[1], { end: 'dropped', bridged: { in: 've-c1', out: 've-c2' } });
  t.match(legs[1]!.hops.at(-1), {
    hook: 'forward',
    table: 'filter',
    chain: 'FORWARD',
    rule: null,
    verdict: 'drop',
    fault: 'forward-drop',
  });
  t.match(
    legs[1]!.hops.at(-1)!.docker,
    /dockerd sets FORWARD’s policy to DROP/,
    'and what Docker does with it',
  );
  const j = await judgeJourney(
    plan,
    plan.checks[0]!,
    probe({ detail: 'no answer within 3 s' }),
    legs,
    plan.namespaces,
  );
  t.same(j, {
    verdict: 'dropped',
    reason:
      "dropped in the Docker host (host) [bridge-basic-host] at forward, filter FORWARD: FORWARD's policy DROP — the exercise's fault (forward-drop)",
  });
});

t.test('without the exercise the same drop is nobody’s step: the plan sets no such policy', async (t) => {
  const plan = sandboxPlan('bridge-basic');
  const drop = legsOf(plan, 'forward-drop')[1]!.hops.at(-1)!;
  t.equal(drop.fault, undefined);
  t.equal(drop.step, undefined);
});

t.test('verdict words: resolve, refusals, too big, interrupted', async (t) => {
  const link = sandboxPlan('link');
  const refused = await judgeJourney(
    link,
    link.checks[3]!,
    probe({
      via: 'DNS 127.0.0.1',
      detail: 'web does not resolve: not in /etc/hosts, and DNS 127.0.0.1 gave no address',
    }),
    legsOf(link, 'dns-refused'),
    link.namespaces,
  );
  t.same(refused, {
    verdict: 'lost',
    reason:
      'no DNS server: nothing listens on 127.0.0.1:53 for db (db answered icmp destination-unreachable (port-unreachable))',
  });
  const hosts = await judgeJourney(
    link,
    link.checks[0]!,
    probe({ reached: true, via: '/etc/hosts', detail: 'database is 172.21.0.2 (/etc/hosts)' }),
    [],
    link.namespaces,
  );
  t.same(hosts, {
    verdict: 'delivered',
    reason: 'database is 172.21.0.2 (/etc/hosts): /etc/hosts answered, no packet needed',
  });
  const tcp = await judgeJourney(
    link,
    link.checks[2]!,
    probe({ reached: true }),
    legsOf(link, 'tcp-rst'),
    link.namespaces,
  );
  t.same(tcp, { verdict: 'delivered', reason: 'delivered to db [link-db], and the answer came back' });

  const dns = sandboxPlan('user-bridge-dns');
  t.same(
    await judgeJourney(
      dns,
      dns.checks[0]!,
      probe({ reached: true, via: 'DNS 127.0.0.11', detail: 'db is 172.23.0.3 (DNS 127.0.0.11)' }),
      legsOf(dns, 'dns-dnat'),
      dns.namespaces,
    ),
    {
      verdict: 'delivered',
      reason: 'db is 172.23.0.3 (DNS 127.0.0.11): DNS 127.0.0.11 answered, and the answer came back',
    },
  );

  const nat = sandboxPlan('bridge-nat');
  t.same(
    await judgeJourney(
      nat,
      nat.checks[2]!,
      probe({ detail: 'connect ECONNREFUSED 172.31.0.2:80' }),
      [],
      nat.namespaces,
    ),
    { verdict: 'lost', reason: 'no listener: nothing listens on 172.31.0.2:80' },
  );
  t.same(
    await judgeJourney(
      nat,
      nat.checks[0]!,
      probe({ interrupted: 'SIGINT' }),
      legsOf(nat, 'masquerade-ping'),
      nat.namespaces,
    ),
    { verdict: 'interrupted', reason: 'the probe was stopped (SIGINT) before it could prove anything' },
    'a stopped probe proves nothing, whatever the trace saw',
  );

  const overlay = sandboxPlan('overlay');
  const big = overlay.checks.find((c) => c.kind === 'ping' && c.expect === 'fail')!;
  t.same(
    await judgeJourney(
      overlay,
      big,
      probe({ detail: 'ping: local error: message too long, mtu=1450' }),
      [],
      overlay.namespaces,
    ),
    {
      verdict: 'lost',
      reason:
        'too big: a sends it with DF (do not fragment) over a smaller MTU (ping: local error: message too long, mtu=1450)',
    },
  );
});
