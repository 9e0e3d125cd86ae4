// Lab files that are broken or hostile: each is refused as bad input with exact messages at exact
// places, never with a crash or an exhausted machine.
import { join } from 'node:path';
import { problems, problemsOf } from '../helpers/lab.js';
import t from 'tap';
import { labFromText, loadLab } from '../../src/lab/index.js';

/** Every problem as "file:line:col: message"; [] when the lab is valid. */
const ms = (start: number) => Date.now() - start;

// ── the file ──────────────────────────────────────────────────────────────────────────────────

t.test('a path that is no lab file: a directory', async (t) => {
  const dir = join(t.testdir({ 'dir.yaml': {} }), 'dir.yaml');
  t.same(
    problemsOf(() => loadLab(dir)),
    [`${dir}: is a directory, not a lab file: name a .yaml file`],
  );
});

t.test('a file over 1 MiB is refused before it is parsed; 1 MiB itself is read', async (t) => {
  const mib = 1024 * 1024;
  const comment = (bytes: number) => `#${'x'.repeat(bytes - 2)}\n`; // YAML that is nothing but a comment
  const dir = t.testdir({ 'big.yaml': comment(mib + 1), 'edge.yaml': comment(mib) });
  const limit = "a lab file may have at most 1 MiB (1048576 bytes); the catalogue's labs have a few KB";
  const over = `the file has 1048577 bytes: ${limit}`;
  t.same(
    problemsOf(() => loadLab(join(dir, 'big.yaml'))),
    [`${join(dir, 'big.yaml')}:1:1: ${over}`],
  );
  t.same(problems(comment(mib + 1)), [`lab.yaml:1:1: ${over}`], 'text handed over directly too');
  t.same(problems(`#${'é'.repeat(mib / 2)}`), [`lab.yaml:1:1: ${over}`], 'bytes, not characters');
  t.match(
    problemsOf(() => loadLab(join(dir, 'edge.yaml'))),
    [/edge\.yaml:1:1: the top level must be object/],
    'exactly 1 MiB is read and parsed',
  );
  t.same(
    problemsOf(() => loadLab('/dev/zero')),
    [`/dev/zero:1:1: the file has more than 1048576 bytes: ${limit}`],
    'a device is read no further than it',
  );
});

t.test('bytes that are not YAML text: not UTF-8, or control characters', async (t) => {
  const notUtf8 =
    'is not UTF-8: a lab file is YAML text in UTF-8' +
    ' (is it a binary file, or saved in another encoding?)';
  const control = 'a lab file is YAML text, which allows none but tab and line breaks (is it a binary file?)';
  const cut = Buffer.concat([Buffer.from('title: é'), Buffer.from([0xe2, 0x82, 0x0a])]);
  const cases: [string, Buffer, string][] = [
    [
      'a byte that starts no sequence',
      Buffer.from('title: t\n\xff\xfe', 'latin1'),
      `2:1: byte 0xff ${notUtf8}`,
    ],
    ['UTF-16 (its byte order mark)', Buffer.from('\ufefftitle: t\n', 'utf16le'), `1:1: byte 0xff ${notUtf8}`],
    ['Latin-1', Buffer.from('title: café\n', 'latin1'), `1:11: byte 0xe9 ${notUtf8}`],
    ['a sequence cut short, after a good one', cut, `1:9: byte 0xe2 ${notUtf8}`],
    ['NUL', Buffer.from('title: t\nx: "a\0"\n'), `2:6: control character U+0000: ${control}`],
    ['an executable', Buffer.from('\x7fELF\x02\x01\x01\0'), `1:1: control character U+007F: ${control}`],
  ];
  for (const [what, bytes, expected] of cases) {
    const file = join(t.testdir({ 'lab.yaml': bytes }), 'lab.yaml');
    t.same(
      problemsOf(() => loadLab(file)),
      [`${file}:${expected}`],
      what,
    );
  }
  t.match(
    problems('title: "tab\\there, NUL escaped \\0"\n'),
    [/the top level needs "networks"/],
    'escapes in double quotes are text',
  );
});

// ── the YAML ──────────────────────────────────────────────────────────────────────────────────

t.test('nesting deeper than 64 levels is refused where it passes 64, before it is composed', async (t) => {
  const tooDeep =
    'nested more than 64 levels deep here: a lab file may nest lists and mappings 64 levels' +
    " at most (the catalogue's labs use 6)";
  // the top-level mapping is level 1
  const flow = (n: number) => `title: t\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`;
  const blockMaps = (n: number) =>
    `title: t\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:\n`).join('')}`;
  const cases: [string, string, string | null][] = [
    ['63 flow lists in the top mapping: 64 levels', flow(63), null],
    ['64 flow lists: 65 levels', flow(64), `2:67: ${tooDeep}`],
    ['64 block mappings by indentation', blockMaps(64), null],
    ['65 block mappings by indentation', blockMaps(65), `66:65: ${tooDeep}`],
    ['block lists on one line', `title: t\nx:\n${'- '.repeat(64)}1\n`, `3:127: ${tooDeep}`],
    ['flow mappings', `title: t\nx: ${'{a: '.repeat(70)}`, `2:256: ${tooDeep}`],
    ['explicit keys', `? ${'? '.repeat(70)}a\n`, `1:129: ${tooDeep}`],
  ];
  for (const [what, text, expected] of cases) {
    if (expected) t.same(problems(text), [`lab.yaml:${expected}`], what);
    else t.notMatch(problems(text).join('\n'), /nested|call stack/, what);
  }
  const start = Date.now();
  t.same(
    problems(`title: t\nx: ${'['.repeat(1024 * 1024 - 20)}`),
    [`lab.yaml:2:67: ${tooDeep}`],
    '1 MiB of [',
  );
  t.ok(ms(start) < 1000, `refused in ${ms(start)} ms: the parser stops at level 65`);
});

t.test('more than 200,000 YAML tokens are refused where they pass the limit, unparsed after', async (t) => {
  const tokens =
    'more than 200000 YAML tokens (names, values, punctuation, line breaks) by here: a lab file' +
    " may have 200000 at most (the catalogue's labs have about 500)";
  const start = Date.now();
  // one token a character: yaml would take seconds for the megabyte
  t.same(problems(`title: t\nx: ${'- '.repeat(500_000)}\n`), [`lab.yaml:2:199992: ${tokens}`]);
  t.ok(ms(start) < 1500, `refused in ${ms(start)} ms`);
  // six lexemes a line: indentation, -, space, the scalar's mark, the scalar, line break
  const lines = (n: number) => `title: t\nx:\n${Array.from({ length: n }, (_, i) => `  - ${i}\n`).join('')}`;
  t.match(problems(lines(33_330)), [/the top level needs "networks"/], '199,990 tokens');
  t.same(problems(lines(33_340)), [`lab.yaml:33334:4: ${tokens}`], '200,050 tokens');
});

t.test('an alias bomb is refused at its first alias; a few aliases are fine', async (t) => {
  const nine = (item: string) => `[${Array(9).fill(item).join(', ')}]`;
  const bomb = (levels: number) =>
    [
      'a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} ${nine(`*a${i}`)}`),
    ].join('\n');
  const limit =
    "aliases expand past the limit of 100 (yaml's maxAliasCount), as an alias bomb does:" +
    ' a lab file needs few aliases, if any; write the values out';
  const start = Date.now();
  t.same(problems(`${bomb(9)}\n`), [`lab.yaml:2:10: ${limit}`], 'nine levels of nine');
  t.ok(ms(start) < 1000, `refused in ${ms(start)} ms`);
  t.same(
    problems(`title: t\nx: &x 1\ny: [${Array(101).fill('*x').join(', ')}]\n`),
    [`lab.yaml:3:5: ${limit}`],
    '101 uses of one scalar',
  );
  const shared =
    'title: t\nnetworks:\n  br0:\n    subnet: 10.10.0.0/24\ncontainers:\n' +
    `  c1:\n    networks: &on-br0\n      br0: {}\n` +
    [2, 3, 4].map((i) => `  c${i}:\n    networks: *on-br0\n`).join('');
  t.equal(labFromText('lab.yaml', shared).containers.length, 4, 'an anchor shared by a few containers');
});

t.test('an alias must name an anchor before it, and not one around it', async (t) => {
  const endless = (a: string) =>
    `alias *${a} is inside the value anchored &${a}, which would then contain` +
    ' itself without end: write the value out';
  const cases: [string, string, string][] = [
    ['no such anchor', 'title: *nope\n', '1:8: alias *nope names no anchor &nope before it'],
    ['the anchor comes after', 'title: *t\nx: &t x\n', '1:8: alias *t names no anchor &t before it'],
    ['a list holding itself', 'title: &a [*a]\n', `1:12: ${endless('a')}`],
    ['a list holding itself by a name used before', 'x: &a [1]\ny: &a [*a]\n', `2:8: ${endless('a')}`],
    ['a mapping holding itself, deeper', 'x: &m\n  y: [1, {z: *m}]\n', `2:14: ${endless('m')}`],
  ];
  for (const [what, text, expected] of cases) t.same(problems(text), [`lab.yaml:${expected}`], what);
  t.match(
    problems('x: &a [1]\ny: &a [2]\nz: *a\n'),
    [/the top level needs "title"/],
    'a reused anchor name: the alias names the last one before it',
  );
});

t.test('duplicate keys are found in linear time, compared as the data compares them', async (t) => {
  const twice = (key: string, line: number) =>
    `key "${key}" is already in this mapping (line ${line}): keys must be unique`;
  t.same(problems('title: a\nx: 1\ntitle: b\n'), [`lab.yaml:3:1: ${twice('title', 1)}`]);
  t.same(
    problems('title: t\nx: {1: a, "1": b}\n'),
    [`lab.yaml:2:11: ${twice('1', 2)}`],
    '1 and "1" are one key',
  );
  const keys = 20000; // 230 KB, 160,000 YAML tokens; yaml's own check took 1.5 s
  const start = Date.now();
  const text = `title: t\nx:\n${Array.from({ length: keys }, (_, i) => `  k${i}: 1\n`).join('')}  k7: 2\n`;
  t.same(problems(text), [`lab.yaml:${keys + 3}:3: ${twice('k7', 10)}`]);
  t.ok(ms(start) < 3000, `${keys} keys checked in ${ms(start)} ms`);
});

t.test('a key that is a list, a mapping, an alias or binary is refused (data has text keys)', async (t) => {
  const names = 'keys in a lab file are plain names';
  const cases: [string, string, string][] = [
    ['a list', '? [a, b]\n: 1\n', `1:3: this key is a list: ${names}`],
    ['a mapping in a flow mapping', 'x: { {a: 1}: 2 }\n', `1:6: this key is a mapping: ${names}`],
    ['an alias', 'x: &k title\n*k : t\n', `2:1: this key is an alias (*k): ${names}`],
    [
      'binary (YAML 1.1)',
      '%YAML 1.1\n---\n!!binary aGVsbG8=: 1\n',
      `3:10: this key is a !!binary value: ${names}`,
    ],
  ];
  for (const [what, text, expected] of cases) t.same(problems(text), [`lab.yaml:${expected}`], what);
});

const MORE = 'lab.yaml: more problems follow: these are the first 50, fix them first';

t.test('errors everywhere: 50 are shown, the parse stops there, quotes are cut short', async (t) => {
  const start = Date.now();
  const ps = problems(`title: t\n x: 1\n${']'.repeat(1024 * 1000)}`);
  t.ok(ms(start) < 1000, `refused in ${ms(start)} ms (all of yaml's 500,000 errors took minutes)`);
  t.equal(ps.length, 51);
  t.equal(ps[50], MORE);
  t.equal(
    problems(`  a: 1\nb: |\n  ${'y'.repeat(1000)}\n`)[3],
    `lab.yaml:3:1: Unexpected scalar token in YAML stream: "  ${'y'.repeat(156)}… (YAML syntax)`,
  );
});

// ── the schema ────────────────────────────────────────────────────────────────────────────────

// the smallest lab, its one subnet and what comes after it to choose
const onBr0 = (subnet: string, extra = '') =>
  `title: t\nnetworks:\n  br0:\n    subnet: ${subnet}\n${extra}` +
  'containers:\n  c1:\n    networks:\n      br0: {}\n';

t.test('schema problems: 50 at most, found in linear time, long values and keys cut short', async (t) => {
  const keys = 20000;
  const start = Date.now();
  const ps = problems(`title: t\n${Array.from({ length: keys }, (_, i) => `k${i}: 1\n`).join('')}`);
  t.ok(ms(start) < 3000, `${keys} unknown keys refused in ${ms(start)} ms`);
  t.equal(ps.length, 51);
  t.equal(
    ps[2],
    'lab.yaml:2:1: unknown key "k0" in the top level: expected one of title, description, daemon,' +
      ' networks, containers, checks, outside, services, hosts, exercises',
  );
  t.equal(ps[50], MORE);
  t.same(problems(onBr0('10.10.0.0/24', `    driver: ${'x'.repeat(500_000)}\n`)), [
    `lab.yaml:5:13:` +
      ` networks.br0.driver: "${'x'.repeat(78)}… is not allowed: expected one of bridge, macvlan, ipvlan,` +
      ' overlay',
  ]);
  t.same(problems(onBr0('10.10.0.0/24', `    ${'y'.repeat(1000)}: 1\n`)), [
    `lab.yaml:5:5: unknown key` +
      ` "${'y'.repeat(39)}…" in networks.br0: expected one of driver, subnet, gateway, nat, dns, isolated,` +
      ' internal, parent, shim, vni',
  ]);
});

t.test('a long list of hosts is checked for repeats in linear time', async (t) => {
  const start = Date.now();
  const hosts = `hosts: [${Array.from({ length: 30000 }, (_, i) => `h${i}`).join(', ')}]\n`;
  t.same(problems(onBr0('10.10.0.0/24').replace('title: t\n', `title: t\n${hosts}`)), [
    'lab.yaml:2:8: 30000 Docker hosts: the LAN they share (198.51.100.0/24) has room for 253 (.2 to .254)',
  ]);
  t.ok(ms(start) < 2000, `refused in ${ms(start)} ms (ajv took 2 s for the repeats alone)`);
});

t.test('found by the fuzzer: a value of a type the schema allows several of', async (t) => {
  t.same(problems(onBr0('10.10.0.0/24').replace('br0: {}', 'br0: 5')), [
    'lab.yaml:8:12: containers.c1.networks.br0 must be object or null',
  ]);
});

// ── the special ranges: none may number a lab's network; each is named, with why, and where to go ──

const PRIVATE =
  'use a private range instead, inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' +
  " (Docker's default is 172.17.0.0/16)";
const WHY = {
  thisNetwork:
    '"this network" (0.0.0.0/8): 0.0.0.0 stands for any address, and nothing in 0.0.0.0/8 is' + ' routed',
  loopback:
    'loopback (127.0.0.0/8): every namespace has it on its own lo, and the kernel never sends it out' +
    ' of one',
  linkLocal:
    'link-local (169.254.0.0/16): hosts pick these for themselves when no DHCP server answers, and' +
    ' routers never forward them',
  multicast: 'multicast (224.0.0.0/4): they address groups of receivers, never one interface',
  reserved:
    'reserved (240.0.0.0/4, with the broadcast 255.255.255.255): it is set aside for future use and' +
    ' dropped by routers',
};
const OWN = 'ranges with meanings of their own';
const ALL =
  '"this network" (0.0.0.0/8), loopback (127.0.0.0/8), link-local (169.254.0.0/16), multicast' +
  ` (224.0.0.0/4) and reserved (240.0.0.0/4, with the broadcast 255.255.255.255), ${OWN}`;
const UPPER =
  'link-local (169.254.0.0/16), multicast (224.0.0.0/4) and reserved (240.0.0.0/4, with the' +
  ` broadcast 255.255.255.255), ${OWN}`;
const SANDBOX = (s: string) =>
  [
    `subnet ${s} overlaps 198.51.100.0/24, which nslab uses for its uplink to the outside: pick another`,
    `subnet ${s} overlaps 203.0.113.0/24, which nslab uses for servers in the outside: pick another`,
  ].map((m) => `${m} private range`);

t.test('a subnet in or over a special range is refused at the subnet, saying what it is', async (t) => {
  const cases: [string, string[]][] = [
    ['127.0.0.0/8', [`subnet 127.0.0.0/8 is ${WHY.loopback}: ${PRIVATE}`]],
    ['127.0.0.0/24', [`subnet 127.0.0.0/24 lies in ${WHY.loopback}: ${PRIVATE}`]],
    ['224.0.0.0/24', [`subnet 224.0.0.0/24 lies in ${WHY.multicast}: ${PRIVATE}`]],
    ['239.255.0.0/16', [`subnet 239.255.0.0/16 lies in ${WHY.multicast}: ${PRIVATE}`]],
    ['169.254.0.0/16', [`subnet 169.254.0.0/16 is ${WHY.linkLocal}: ${PRIVATE}`]],
    ['169.254.10.0/24', [`subnet 169.254.10.0/24 lies in ${WHY.linkLocal}: ${PRIVATE}`]],
    ['0.0.0.0/8', [`subnet 0.0.0.0/8 is ${WHY.thisNetwork}: ${PRIVATE}`]],
    ['240.0.0.0/4', [`subnet 240.0.0.0/4 is ${WHY.reserved}: ${PRIVATE}`]],
    ['255.255.255.252/30', [`subnet 255.255.255.252/30 lies in ${WHY.reserved}: ${PRIVATE}`]],
    ['64.0.0.0/2', [`subnet 64.0.0.0/2 overlaps ${WHY.loopback}: ${PRIVATE}`]],
    ['160.0.0.0/3', [`subnet 160.0.0.0/3 overlaps ${WHY.linkLocal}: ${PRIVATE}`]],
    ['0.0.0.0/0', [`subnet 0.0.0.0/0 overlaps ${ALL}: ${PRIVATE}`, ...SANDBOX('0.0.0.0/0')]],
    ['128.0.0.0/1', [`subnet 128.0.0.0/1 overlaps ${UPPER}: ${PRIVATE}`, ...SANDBOX('128.0.0.0/1')]],
  ];
  for (const [subnet, expected] of cases)
    t.same(
      problems(onBr0(subnet)),
      expected.map((m) => `lab.yaml:4:13: ${m}`),
      subnet,
    );
  // their neighbours, and ranges that are special elsewhere but fine here (CGNAT, private, public)
  for (const subnet of [
    '126.0.0.0/8',
    '128.0.0.0/8',
    '169.253.0.0/16',
    '169.255.0.0/16',
    '223.255.255.0/24',
    '1.0.0.0/24',
    '100.64.0.0/10',
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
  ])
    t.same(problems(onBr0(subnet)), [], `${subnet} is fine`);
});

t.test('an address, gateway or shim in a special range is refused (it is outside the subnet)', async (t) => {
  t.same(problems(onBr0('10.10.0.0/24', '    gateway: 127.0.0.1\n')), [
    'lab.yaml:5:14: gateway 127.0.0.1 is' +
      ' not a usable address in 10.10.0.0/24: pick one inside the subnet (not its network or broadcast' +
      ' address)',
  ]);
  t.same(problems(onBr0('10.10.0.0/24').replace('br0: {}', 'br0: { address: 169.254.0.5 }')), [
    'lab.yaml:8:23: address 169.254.0.5 is outside network br0 (10.10.0.0/24): pick one inside it',
  ]);
  const shim =
    'title: t\nnetworks:\n  lan:\n    driver: macvlan\n    parent: uplink\n' +
    '    subnet: 198.51.100.0/24\n    shim: 224.0.0.1\ncontainers:\n  m1:\n    networks:\n      lan: {}\n';
  t.same(problems(shim), ['lab.yaml:7:11: shim 224.0.0.1 must be a free address of 198.51.100.0/24']);
});

t.test('a service VIP or a host machine in a special range is refused at that address', async (t) => {
  const service = (vip: string) =>
    `${onBr0('10.10.0.0/24')}services:\n  web:\n    vip: ${vip}\n    port: 80\n    backends: [c1]\n`;
  const vip =
    'a virtual IP is still an address packets are sent to; pick an unused private one' +
    ' (Kubernetes uses a separate service range such as 10.96.0.0/12)';
  const vips: [string, string][] = [
    ['127.0.0.1', WHY.loopback],
    ['224.0.0.10', WHY.multicast],
    ['169.254.169.254', WHY.linkLocal],
    ['0.0.0.0', WHY.thisNetwork],
    ['255.255.255.255', WHY.reserved],
    ['240.0.0.1', WHY.reserved],
  ];
  for (const [address, why] of vips)
    t.same(problems(service(address)), [`lab.yaml:11:10: vip ${address} is in ${why}: ${vip}`], address);
  t.same(problems(service('10.96.0.10')), [], 'a private VIP is fine');

  const machines = (h1: string) =>
    `title: t\nhosts:\n  h1: { machine: ${h1} }\n` +
    '  h2: { machine: 192.168.56.12 }\nnetworks:\n  ov0:\n    driver: overlay\n    vni: 42\n' +
    '    subnet: 10.50.0.0/24\ncontainers:\n  a:\n    host: h1\n    networks:\n      ov0: {}\n' +
    '  b:\n    host: h2\n    networks:\n      ov0: {}\n';
  const vm =
    "give the machine's address on the network between the VMs (the Vagrantfile's are" +
    ' 192.168.56.11 and 192.168.56.12)';
  t.same(problems(machines('127.0.0.1')), [`lab.yaml:3:18: machine 127.0.0.1 is in ${WHY.loopback}: ${vm}`]);
  t.same(problems(machines('192.168.56.11')), [], "the Vagrantfile's machine is fine");
});

// ── the size of a lab ─────────────────────────────────────────────────────────────────────────

t.test('problems found past the schema: 50 at most too', async (t) => {
  const containers = Array.from({ length: 80 }, (_, i) => `  c${i}:\n    networks:\n      br9: {}\n`).join(
    '',
  );
  const ps = problems(`title: t\nnetworks:\n  br0:\n    subnet: 10.10.0.0/24\ncontainers:\n${containers}`);
  t.equal(ps.length, 51);
  t.equal(ps[0], 'lab.yaml:8:7: container c0 joins network "br9", which is not defined: networks are br0');
  t.equal(ps[50], MORE);
});

t.test('a lab too big to build in any lesson is refused where it grows past the limit', async (t) => {
  const net = (n: number) => `  n${n}:\n    subnet: 10.${n >> 8}.${n & 255}.0/24\n`;
  const nets = (n: number) => Array.from({ length: n }, (_, i) => net(i)).join('');
  const lab = (networks: string, containers: string, top = '') =>
    `title: t\n${top}networks:\n${networks}containers:\n${containers}`;
  const counted = (name: string, count: number, on = ['n0']) =>
    `  ${name}:\n    count: ${count}\n    networks:\n${on.map((n) => `      ${n}: {}\n`).join('')}`;
  const one = '  c1:\n    networks:\n      n0: {}\n';
  const hosts = `hosts: [${Array.from({ length: 254 }, (_, i) => `h${i}`).join(', ')}]\n`;
  const containers = 'containers by here: a lab may have 1000 at most';
  const cases: [string, string, string][] = [
    [
      '254 Docker hosts',
      lab(net(0), one, hosts),
      '2:8: 254 Docker hosts: the LAN they share (198.51.100.0/24) has room for 253 (.2 to .254)',
    ],
    [
      '257 networks',
      lab(nets(257), one),
      "515:3: network n256 is the lab's 257th: a lab may have 256 at most",
    ],
    [
      '1001 containers, by count',
      lab(net(0), `${counted('a', 1000)}${counted('b', 1)}`),
      `11:12: the lab has 1001 ${containers}`,
    ],
    [
      '1001 containers, the last written out',
      lab(net(0), `${counted('a', 1000)}${one.replace('c1', 'b')}`),
      `10:3: the lab has 1001 ${containers}`,
    ],
    [
      '4001 interfaces',
      lab(nets(5), counted('a', 800, ['n0', 'n1', 'n2', 'n3', 'n4']) + counted('b', 1)),
      '23:12: the containers join networks 4001 times by here, each a veth pair or a macvlan/ipvlan child:' +
        ' a lab may have 4000 such interfaces at most',
    ],
  ];
  for (const [what, text, expected] of cases) {
    const start = Date.now();
    t.same(problems(text), [`lab.yaml:${expected}`], `${what} (${ms(start)} ms)`);
  }
  const start = Date.now();
  t.same(
    problems(lab('  n0:\n    subnet: 10.0.0.0/16\n    dns: true\n', counted('a', 1000))),
    [],
    '1000 containers are fine',
  );
  t.ok(ms(start) < 3000, `1000 containers on one network with names resolved in ${ms(start)} ms`);
});

t.test('at most 100,000 checks: a full mesh of 1000 containers is refused at its line', async (t) => {
  const rack = (n: number, checks: string) =>
    'title: t\nnetworks:\n  br0:\n    subnet: 10.0.0.0/16\n' +
    `containers:\n  c:\n    count: ${n}\n    networks:\n      br0: {}\nchecks:\n${checks}`;
  const mesh = '  - ping: { from: all, to: all }\n';
  const instead =
    "more than the 100000 a lab may have: ping each container's gateway (to: a network)" + ' instead';
  const start = Date.now();
  t.same(problems(rack(1000, mesh)), [
    `lab.yaml:11:11: ping from all to all makes 999000 checks,` + ` ${instead}`,
  ]);
  t.ok(ms(start) < 2000, `refused in ${ms(start)} ms`);
  t.same(
    problems(rack(250, `${mesh}${mesh}`)),
    [
      `lab.yaml:12:11: ping from all to all makes 62250 checks, which with the 62250 before it are` +
        ` ${instead}`,
    ],
    'a second mesh of 250',
  );
  const gateways = '  - ping: { from: all, to: br0 }\n';
  t.equal(
    labFromText('lab.yaml', rack(250, `${mesh}${gateways}`)).checks.length,
    62250 + 250,
    'one mesh of 250 and each to its gateway',
  );
});

t.test('a name every object inherits ("constructor") names nothing in a lab but itself', async (t) => {
  t.same(problems(`${onBr0('10.10.0.0/24')}  c2:\n    network_mode: container:constructor\n`), [
    'lab.yaml:10:19: network_mode container:constructor names no other container of this lab',
  ]);
  const hosts =
    'title: t\nhosts: [constructor, h2]\nnetworks:\n  br0:\n    subnet: 10.10.0.0/24\n' +
    'containers:\n  c1:\n    host: h2\n    networks:\n      br0: {}\n';
  t.same(problems(hosts), [], 'a host may be called constructor');
});
