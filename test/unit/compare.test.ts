// compare's pure half: normalising two copies of one network into the lab's vocabulary, judging
// rows, and aiming the lab's checks at Docker's copy.
import { stripVTControlCharacters } from 'node:util';
import t from 'tap';
import { dockerChecks } from '../../src/compare/checks.js';
import type { DockerSide } from '../../src/compare/docker.js';
import { compareNetworks, normaliser, ruleLine, type Side } from '../../src/compare/diff.js';
import { GROUP, groupRows, onlyMatches, sameList, summarise } from '../../src/compare/group.js';
import { renderCompare } from '../../src/cli/compare-table.js';
import { parseListeners, type ObservedNetwork } from '../../src/inspect/observe.js';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { dockerNets, handNets, observed, side } from '../helpers/observed.js';

const lab = loadLab('bridge-basic');

t.test('one rule in two copies normalises to one text', async (t) => {
  const nh = normaliser({ networks: handNets, toLab: new Map() }, lab);
  const nd = normaliser({ networks: dockerNets, toLab: new Map([['172.17.0.5', '172.30.0.2']]) }, lab);
  t.equal(nh('-s 172.30.0.0/16 ! -o br0 -j MASQUERADE'), '-s <br0>/subnet ! -o <br0> -j MASQUERADE');
  t.equal(nd('-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE'), '-s <br0>/subnet ! -o <br0> -j MASQUERADE');
  t.equal(nd('default via 172.17.0.1 dev eth0'), nh('default via 172.30.0.1 dev eth0'));
  t.equal(nd('172.17.0.5 c1'), '<br0>.2 c1', 'an address Docker gave maps to the lab’s container');
  t.equal(nh('br0x -o br0'), 'br0x -o <br0>', 'only whole names are replaced');
  t.equal(nh('8.8.8.8'), '8.8.8.8', 'addresses outside the lab stay as they are');
});

t.test(
  'rows: equal copies are the same; a changed MTU is the one row that differs; qlen is the lab’s choice',
  async (t) => {
    const docker = { ...side(observed('docker0', '172.17.0'), dockerNets), version: '20.10.24' };
    const same = compareNetworks({ lab, hand: side(observed('br0', '172.30.0'), handNets), docker });
    t.same(
      same.filter((r) => r.verdict === 'differs'),
      [],
    );
    t.match(
      same.find((r) => r.property === 'bridge br0: device'),
      { verdict: 'docker', why: /docker0/ },
    );
    const broken = compareNetworks({
      lab,
      hand: side(observed('br0', '172.30.0', { mtu: 1400, qlen: 1000 }), handNets),
      docker,
    });
    t.same(
      broken.filter((r) => r.verdict === 'differs').map((r) => `${r.property}: ${r.hand} / ${r.docker}`),
      ['bridge br0: MTU: 1400 / 1500'],
    );
    t.match(
      broken.find((r) => r.property === 'c1 eth0: txqueuelen'),
      { verdict: 'lab', hand: '1000', docker: '0' },
    );
  },
);

t.test('the lab’s checks aimed at Docker: its namespaces, its addresses, no outside', async (t) => {
  const port = loadLab('port-publish');
  const plan = compile(port, { kind: 'sandbox', name: 'sb' });
  const dockerSide: DockerSide = {
    version: '20.10.24',
    networks: [
      {
        lab: 'br0',
        name: 'bridge',
        bridge: 'docker0',
        subnet: { network: '172.17.0.0', prefix: 16 },
        gateway: '172.17.0.1',
        created: false,
      },
    ],
    layout: {
      hostNs: null,
      bridges: { br0: 'docker0' },
      containers: {
        c1: { netns: 'nslab-dk-port-publish-c1', hostsFile: null, resolvFile: null },
        c2: { netns: 'nslab-dk-port-publish-c2', hostsFile: null, resolvFile: null },
      },
    },
    addresses: new Map([
      ['172.28.0.2', '172.17.0.2'],
      ['172.28.0.3', '172.17.0.3'],
    ]),
  };
  const aimed = dockerChecks(port, plan.checks, dockerSide);
  t.same(
    aimed.map((c) =>
      'skipped' in c ? 'skipped' : `${c.netns ?? 'machine'} → ${'address' in c ? c.address : ''}`,
    ),
    [
      'skipped', // outside → host
      'machine → 172.17.0.1', // the host's own request: the gateway stands for the host
      'skipped', // the host's own 127.0.0.1: Docker's copy publishes on the gateway only
      'nslab-dk-port-publish-c2 → 172.17.0.1',
      'skipped', // outside → host, udp
      'skipped', // 127.0.0.1, udp
      'nslab-dk-port-publish-c2 → 172.17.0.2',
      'skipped', // outside → host:8081
    ],
  );
  // what the server says names Docker's addresses: the gateway for the host and for c2's hairpin
  t.same(
    aimed.flatMap((c) => ('body' in c && c.body !== undefined ? [c.body] : [])),
    ['c1 answered; client 172.17.0.1', 'c1 answered; client 172.17.0.1'],
  );
});

// The text a learner reads: the summary first, a finding shared by every container once, every
// line within 100 columns whatever the cells hold.
const rowsOfBridgeBasic = () =>
  compareNetworks({
    lab,
    hand: side(observed('br0', '172.30.0', { qlen: 1000 }), handNets),
    docker: { ...side(observed('docker0', '172.17.0'), dockerNets), version: '20.10.24' },
  });

t.test('rows about containers: one line per finding, naming the containers it covers', async (t) => {
  const rows = rowsOfBridgeBasic();
  const shown = groupRows(rows);
  t.ok(shown.length < rows.length, `${rows.length} rows shown as ${shown.length} lines`);
  t.match(
    shown.find((s) => s.property.startsWith('eth0: txqueuelen')),
    { property: 'eth0: txqueuelen — c1, c2', containers: ['c1', 'c2'], hand: '1000', docker: '0' },
  );
  t.match(
    shown.find((s) => s.property.startsWith('eth0: address')),
    { hand: '172.30.0.…', docker: '172.17.0.…', verdict: 'same' },
    'values that differ per container show what they share',
  );
  t.notOk(
    shown.some((s) => /^c[12][ :]/.test(s.property)),
    'no container’s row stands alone when the others agree',
  );
  // one container broken: its row stands apart, the other container's stays with its kind
  const broken = rowsOfBridgeBasic().map((r) =>
    r.property === 'c2 eth0: MTU' ? { ...r, hand: '1400', verdict: 'differs' as const, why: 'x' } : r,
  );
  const g = groupRows(broken);
  t.same(
    g
      .filter((s) => /eth0: MTU/.test(s.property) && !s.property.includes('host end'))
      .map((s) => [s.property, s.verdict]),
    [
      ['c1 eth0: MTU', 'same'],
      ['c2 eth0: MTU', 'differs'],
    ],
  );
  t.same(summarise(broken).differing, ['c2 eth0: MTU: hand-built 1400 · Docker 1500']);
});

t.test('the text: summary first, --only differ, every line within 100 columns', async (t) => {
  const rows = [
    ...rowsOfBridgeBasic(),
    {
      property: 'iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE',
      hand: '-t nat -A POSTROUTING -s 172.30.0.0/16 ! -o br0 -j MASQUERADE',
      docker: '—',
      verdict: 'differs' as const,
      why: 'only the hand-built side has this rule; DOCKER-ISOLATION-STAGE-1-WITH-A-VERY-LONG-NAME-THAT-NEVER-BREAKS-ANYWHERE-AT-ALL',
    },
  ];
  for (const width of [60, 80, 100])
    for (const group of GROUP) {
      const text = stripVTControlCharacters(renderCompare(rows, { width, group }));
      const long = text.split('\n').filter((l) => l.length > width);
      t.same(long, [], `every line fits ${width} columns (--group ${group})`);
    }
  const text = stripVTControlCharacters(renderCompare(rows, { width: 100 }));
  const lines = text.split('\n');
  const at = lines.indexOf('differs:');
  t.match(lines.slice(0, at).join(' '), /^\d+ properties compared: .* 1 differ$/, 'the counts come first');
  t.match(lines[at + 1], /• iptables: -t nat -A POSTROUTING/, 'then each differing property');
  t.ok(lines.findIndex((l) => l.startsWith('┌')) > at + 1, 'then the table');
  const only = stripVTControlCharacters(renderCompare(rows, { width: 100, only: 'differ' }));
  t.equal(only.split('\n').filter((l) => /│ (same|Docker’s|lab’s) /.test(l)).length, 0);
  t.match(only, /showing 1 of \d+ lines \(--only differ\)/);
  t.match(only, /MASQUERADE/);
  t.ok(onlyMatches('choice', 'docker') && onlyMatches('choice', 'lab') && !onlyMatches('choice', 'same'));
});

t.test(
  '--group verdict: what differs, then the choices; what only agrees named under the table',
  async (t) => {
    const rows = rowsOfBridgeBasic().map((r) =>
      r.property === 'c2 eth0: MTU'
        ? { ...r, hand: '1400', verdict: 'differs' as const, why: 'a real one' }
        : r,
    );
    const text = stripVTControlCharacters(renderCompare(rows, { width: 100 }));
    const lines = text.split('\n');
    const headings = lines.filter((l) => / — /.test(l) && /^│ (DIFFERS|Docker’s|the lab’s|same)/.test(l));
    t.same(
      headings.map((l) => l.slice(2).split(' — ')[0]),
      ['DIFFERS', 'Docker’s choice', 'the lab’s choice'],
      'differences first, then Docker’s choices, then the lab’s, each under its heading; no row that only agrees',
    );
    const cells = lines.filter((l) => /^│ \S.* │ /.test(l) && !l.startsWith('│ property'));
    t.match(cells[0], /^│ c2 eth0: MTU +│ 1400 +│ 1500 /);
    t.match(
      cells.find((l) => l.includes('txqueuelen')),
      /eth0: txqueuelen — c1, c2 +│ 1000 +│ 0 /,
      'one row for both containers’ txqueuelen',
    );
    t.equal(
      lines.filter((l) => l.includes('Docker creates its veths with txqueuelen 0')).length,
      1,
      'an explanation is said once, not again for the host end',
    );
    const same = lines.slice(lines.findIndex((l) => l.startsWith('└')) + 1).join(' ');
    t.match(same, /^Also the same on both sides: bridge br0: address, MAC, MTU, STP, forward delay, state; /);
    t.match(same, /; c1 eth0: MTU;/, 'c1’s eth0 MTU apart from c2’s, which differs');
    t.match(same, /--only same/, 'and how to see their values');
    t.ok(lines.length <= 30, `${lines.length} lines in all`);

    const section = stripVTControlCharacters(renderCompare(rows, { width: 100, group: 'section' }));
    t.notMatch(section, /Also the same/, '--group section draws every row');
    t.match(section, /│ bridge br0: MTU +│ 1500 +│ 1500 +│ same /);
    const table = section.slice(section.indexOf('┌'));
    t.ok(table.indexOf('bridge br0: device') < table.indexOf('c2 eth0: MTU'), 'in the order measured');
    const none = stripVTControlCharacters(renderCompare(rows, { width: 100, group: 'none' }));
    t.notMatch(none, / — c1, c2/, '--group none: each container’s own rows');
    t.match(none, /│ c1 eth0: txqueuelen +│ 1000/);
    const onlySame = stripVTControlCharacters(renderCompare(rows, { width: 100, only: 'same' }));
    t.match(
      onlySame,
      /│ the same on both sides +│\n[^]*│ bridge br0: MTU +│ 1500 +│ 1500 +│\n/,
      '--only same: their values',
    );
  },
);

t.test('sameList: each subject once; rules and checks counted', async (t) => {
  const shown = groupRows([
    { property: 'bridge br0: MTU', hand: '1500', docker: '1500', verdict: 'same', why: '' },
    { property: 'bridge br0: STP', hand: 'off', docker: 'off', verdict: 'same', why: '' },
    ...['c1', 'c2'].map((c) => ({
      property: `${c} eth0: MTU`,
      hand: '1500',
      docker: '1500',
      verdict: 'same' as const,
      why: '',
      container: c,
      aspect: 'eth0: MTU',
    })),
    ...['c1', 'c2'].map((c) => ({
      property: `${c}: routes`,
      hand: 'x',
      docker: 'x',
      verdict: 'same' as const,
      why: '',
      container: c,
      aspect: 'routes',
    })),
    { property: 'iptables: -t nat -A POSTROUTING -j X', hand: 'a', docker: 'a', verdict: 'same', why: '' },
    { property: 'iptables: -t filter -A FORWARD -j Y', hand: 'b', docker: 'b', verdict: 'same', why: '' },
    { property: 'check: c1 → c2 ping', hand: 'ok', docker: 'ok', verdict: 'same', why: '' },
  ]);
  t.same(sameList(shown), [
    'bridge br0: MTU, STP',
    'c1, c2 eth0: MTU',
    'c1, c2: routes',
    '2 iptables rules',
    '1 of the lab’s checks',
  ]);
});

t.test('rules compare as iptables -S lines in Docker’s words, whichever chains nslab uses', async (t) => {
  const nh = normaliser({ networks: handNets, toLab: new Map() }, lab);
  const nd = normaliser({ networks: dockerNets, toLab: new Map() }, lab);
  const hand = {
    table: 'filter',
    chain: 'NSLAB-ISOLATION-STAGE-1',
    rule: '-i br0 ! -o br0 -m comment --comment nslab:bridge-basic@sb -j NSLAB-ISOLATION-STAGE-2',
  };
  const docker = {
    table: 'filter',
    chain: 'DOCKER-ISOLATION-STAGE-1',
    rule: '-i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
  };
  t.equal(ruleLine(hand, nh), ruleLine(docker, nd));
  t.equal(
    ruleLine(docker, nd),
    '-t filter -A DOCKER-ISOLATION-STAGE-1 -i <br0> ! -o <br0> -j DOCKER-ISOLATION-STAGE-2',
  );
  t.equal(
    ruleLine({ table: 'nat', chain: 'POSTROUTING', rule: '-m comment --comment "other" -j MASQUERADE' }, nh),
    '-t nat -A POSTROUTING -m comment --comment "other" -j MASQUERADE',
    'only nslab’s own comment is dropped',
  );
});

t.test('a hand-built DNAT that also takes the bridge’s packets is not Docker’s', async (t) => {
  const rule = (table: string, chain: string, r: string) => ({ table, chain, rule: r });
  const hand = observed('br0', '172.30.0');
  hand.rules = [
    rule(
      'nat',
      'PREROUTING',
      '-m addrtype --dst-type LOCAL -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.30.0.2:80',
    ),
  ];
  const dock = observed('docker0', '172.17.0');
  dock.rules = [
    rule(
      'nat',
      'DOCKER',
      '-d 172.17.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    ),
  ];
  const rows = compareNetworks({
    lab,
    hand: side(hand, handNets),
    docker: { ...side(dock, dockerNets), version: '20.10.24' },
  });
  t.match(
    rows.find((r) => r.property === 'iptables: DNAT tcp port 8080 → <br0>.2:80'),
    {
      hand: 'PREROUTING (from the bridge too)',
      docker: 'DOCKER (not from the bridge)',
      verdict: 'differs',
    },
  );
  hand.rules = [
    rule(
      'nat',
      'NSLAB',
      '-d 172.30.0.1/32 ! -i br0 -p tcp -m tcp --dport 8080 -m comment --comment nslab:x -j DNAT --to-destination 172.30.0.2:80',
    ),
  ];
  const moved = compareNetworks({
    lab,
    hand: side(hand, handNets),
    docker: { ...side(dock, dockerNets), version: '20.10.24' },
  });
  t.match(
    moved.filter((r) => r.property.startsWith('iptables:')),
    [{ property: /^iptables: -t nat -A DOCKER -d <br0>\.1 ! -i <br0> .*DNAT/, verdict: 'same' }],
  );
});

t.test('listening sockets: ss -H -lntup read into proto, address and the processes', async (t) => {
  t.same(
    parseListeners(
      'udp   UNCONN 0      0         127.0.0.11:51011      0.0.0.0:*    users:(("dockerd",pid=812,fd=40))\n' +
        'tcp   LISTEN 0      4096      172.17.0.1:8080       0.0.0.0:*    users:(("docker-proxy",pid=1234,fd=4))\n' +
        'tcp   LISTEN 0      511          0.0.0.0:8080       0.0.0.0:*\n',
    ),
    [
      { proto: 'udp', local: '127.0.0.11:51011', pids: [812] },
      { proto: 'tcp', local: '172.17.0.1:8080', pids: [1234] },
      { proto: 'tcp', local: '0.0.0.0:8080', pids: [] },
    ],
  );
});

t.test('the proxy, the DNS mechanism and the hairpin path: same only when the kernel agrees', async (t) => {
  const dns = loadLab('user-bridge-dns');
  const nets = (prefix: string) =>
    dns.networks.map((n) => ({
      lab: n.name,
      bridge: n.name,
      subnet: n.subnet,
      gateway: n.gateway,
      ...(prefix ? { bridge: `br-${n.name}` } : {}),
    }));
  const withDns = (resolv: string[], rules: string[], listening: string[]): ObservedNetwork => {
    const o = observed('br0', '172.23.0');
    const c = o.containers.c1!;
    o.containers = {
      app: { ...c, resolv, dns: { rules, listening } },
      db: { ...c, resolv, dns: { rules, listening } },
    };
    o.bridges = {};
    return o;
  };
  const jump = '-A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT';
  const dockerDns = withDns(
    ['nameserver 127.0.0.11', 'options ndots:0'],
    [
      jump,
      '-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:36667',
      '-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:51011',
    ],
    ['127.0.0.11:36667/tcp', '127.0.0.11:51011/udp'],
  );
  const handDns = (listening: string[], jumps = [jump]) =>
    withDns(
      ['nameserver 127.0.0.11'],
      [
        ...jumps,
        '-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:40000',
        '-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:40001',
      ],
      listening,
    );
  const rowsFor = (hand: ObservedNetwork) =>
    compareNetworks({
      lab: dns,
      hand: side(hand, nets('')),
      docker: { ...side(dockerDns, nets('br')), version: '20.10.24' },
    }).filter((r) => r.aspect === 'DNS mechanism');
  t.same(
    rowsFor(handDns(['127.0.0.11:40000/udp', '127.0.0.11:40001/tcp'])).map((r) => r.verdict),
    ['same', 'same'],
    'random ports aside, the same mechanism',
  );
  t.match(rowsFor(handDns([])), [
    { verdict: 'differs', hand: /nothing listens there/ },
    { verdict: 'differs' },
  ]);
  t.match(
    rowsFor(handDns(['127.0.0.11:40000/udp', '127.0.0.11:40001/tcp'], [])),
    [{ verdict: 'differs', hand: /\(DOCKER_OUTPUT, no jump to it from OUTPUT\)/ }, { verdict: 'differs' }],
    'a DNAT in a chain OUTPUT does not jump to does nothing',
  );

  // the proxy and the hairpin, on port-publish
  const port = loadLab('port-publish');
  const pnets = [{ lab: 'br0', bridge: 'br0', subnet: port.networks[0]!.subnet, gateway: '172.28.0.1' }];
  const dnets = [
    { lab: 'br0', bridge: 'docker0', subnet: { network: '172.17.0.0', prefix: 16 }, gateway: '172.17.0.1' },
  ];
  const proxy = (listen: string, program: string, target: string | null) => ({ listen, program, target });
  const hand = observed('br0', '172.28.0');
  const dock = observed('docker0', '172.17.0');
  dock.proxies = [
    proxy('172.17.0.1:8080/tcp', 'docker-proxy', '172.17.0.2:80'),
    proxy('172.17.0.1:9999/tcp', 'docker-proxy', '10.9.9.9:80'), // another network's: not this lab's
  ];
  const run = (handSeen: string, proxies: ObservedNetwork['proxies']) =>
    compareNetworks({
      lab: port,
      hand: {
        ...side({ ...hand, proxies }, pnets),
        hairpin: [{ from: 'c2', port: 8080, local: '172.28.0.3:40000', seen: handSeen }],
      },
      docker: {
        ...side(dock, dnets),
        hairpin: [{ from: 'c2', port: 8080, local: '172.17.0.3:40000', seen: '172.17.0.1:51234' }],
        version: '20.10.24',
      },
    }).filter((r) => /^(host: proxy for port 8080|hairpin)/.test(r.property));
  t.match(run('172.28.0.1:40000', []), [
    { property: 'host: proxy for port 8080/tcp', hand: 'no proxy', verdict: 'differs' },
    {
      property: 'hairpin: c2 → its host’s port 8080',
      hand: /port kept: NAT/,
      docker: /a proxy/,
      verdict: 'differs',
    },
  ]);
  t.match(run('172.28.0.1:39999', [proxy('0.0.0.0:8080/tcp', 'docker-proxy.js', null)]), [
    { hand: 'proxy 0.0.0.0:8080/tcp (docker-proxy.js)', verdict: 'same' },
    { verdict: 'same' },
  ]);
});

t.test('an address added by hand is not excused as Docker’s choice of address', async (t) => {
  const hand = observed('br0', '172.30.0');
  hand.containers.c1!.endpoints[0]!.inside.addresses.push('172.30.0.9/16');
  const rows = compareNetworks({
    lab,
    hand: side(hand, handNets),
    docker: { ...side(observed('docker0', '172.17.0'), dockerNets), version: '20.10.24' },
  });
  t.match(
    rows.find((r) => r.property === 'c1 eth0: address'),
    { verdict: 'differs' },
  );
});

t.test(
  'Docker’s chains: its choice beside a host that forwards nothing, a difference beside one that plays dockerd',
  async (t) => {
    const rule = (table: string, chain: string, r: string) => ({ table, chain, rule: r });
    const chains = (bridge: string, subnet: string) => [
      rule('nat', 'OUTPUT', '! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER'),
      rule('nat', 'DOCKER', `-i ${bridge} -j RETURN`),
      rule('nat', 'POSTROUTING', `-s ${subnet}.0.0/16 ! -o ${bridge} -j MASQUERADE`),
      rule('filter', 'DOCKER-ISOLATION-STAGE-2', `-o ${bridge} -j DROP`),
    ];
    const port = loadLab('port-publish');
    const pnets = [{ lab: 'br0', bridge: 'br0', subnet: port.networks[0]!.subnet, gateway: '172.28.0.1' }];
    const run = (l: typeof lab, nets: Side['networks'], hand: ObservedNetwork) => {
      const dock = observed('docker0', '172.17.0');
      dock.rules = chains('docker0', '172.17');
      dock.policies = { FORWARD: 'DROP' };
      return compareNetworks({
        lab: l,
        hand: side(hand, nets),
        docker: { ...side(dock, dockerNets), version: '20.10.24' },
      }).filter((r) => r.property.startsWith('iptables') || r.property === 'host: FORWARD policy');
    };
    const built = observed('br0', '172.28.0');
    built.rules = chains('br0', '172.28');
    built.policies = { FORWARD: 'DROP' };
    t.same(
      run(port, pnets, built).map((r) => [r.property, r.verdict]),
      [
        ['host: FORWARD policy', 'same'],
        ['iptables: -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER', 'same'],
        ['iptables: -t nat -A DOCKER -i <br0> -j RETURN', 'same'],
        ['iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE', 'same'],
        ['iptables: -t filter -A DOCKER-ISOLATION-STAGE-2 -o <br0> -j DROP', 'same'],
      ],
      'the jump from OUTPUT is read on both sides (127.0.0.0/8 is no one’s address)',
    );
    built.rules = chains('br0', '172.28').slice(0, 3);
    built.policies = { FORWARD: 'ACCEPT' };
    t.match(run(port, pnets, built), [
      { property: 'host: FORWARD policy', verdict: 'differs' },
      {},
      {},
      {},
      {
        property: 'iptables: -t filter -A DOCKER-ISOLATION-STAGE-2 -o <br0> -j DROP',
        hand: '—',
        verdict: 'differs',
        why: /builds Docker’s chains/,
      },
    ]);
    // bridge-basic's host forwards nothing: it builds none of Docker's chains, by choice
    t.match(run(lab, handNets, observed('br0', '172.30.0')), [
      { property: 'host: FORWARD policy', verdict: 'docker' },
      {
        property: 'iptables: -t nat -A DOCKER -i <br0> -j RETURN',
        verdict: 'lab',
        why: /with its MASQUERADE/,
      },
      { property: "iptables: MASQUERADE br0's subnet", verdict: 'lab' },
      { property: 'iptables: Docker’s chains', verdict: 'docker', docker: /^2 rules/ },
    ]);
  },
);
