// Every rule of a lab file, each pointed at file:line:col.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { problems } from '../helpers/lab.js';
import t, { type Test } from 'tap';
import { parse } from 'yaml';
import { labFromText } from '../../src/lab/index.js';
import { LabError } from '../../src/lab/problems.js';
import { compile } from '../../src/plan/compile.js';

/** Asserts exactly one problem, at line:col, whose message matches. */
const one = (t: Test, text: string, where: string, message: RegExp) => {
  const ps = problems(text);
  t.equal(ps.length, 1, `one problem: ${ps.join(' | ')}`);
  t.match(ps[0], `lab.yaml:${where}: `);
  t.match(ps[0], message);
};

const lab = (networks: string, containers: string, checks = '') =>
  `title: test lab\nnetworks:\n${networks}\ncontainers:\n${containers}\n${checks}`;
const br0 = '  br0:\n    subnet: 10.10.0.0/24';
const c1 = '  c1:\n    networks:\n      br0: { address: 10.10.0.2 }';

t.test('a valid lab resolves with Docker-like defaults', async (t) => {
  const l = labFromText(
    'lab.yaml',
    lab(
      br0,
      `${c1}\n  c2:\n    networks:\n      br0: {}\n  c3:\n    networks:\n      br0:`,
      'checks:\n  - ping: { from: c1, to: c2 }',
    ),
  );
  t.equal(l.name, 'lab');
  t.equal(l.networks[0]!.gateway, '10.10.0.1', 'gateway: the first address');
  t.same(
    l.containers.map((c) => c.endpoints[0]!.address),
    ['10.10.0.2', '10.10.0.3', '10.10.0.4'],
    'lowest free addresses',
  );
  t.same(
    l.containers.map((c) => c.endpoints[0]!.hostIfname),
    ['ve-c1', 've-c2', 've-c3'],
  );
  t.match(l.checks[0], { kind: 'ping', address: '10.10.0.3' });
  t.equal(l.checks[0]!.expect, 'reach');
});

t.test('YAML syntax errors are pointed at', async (t) => {
  one(t, 'title: x\nnetworks:\n  br0: [unclosed\n', '4:1', /YAML syntax/);
});

t.test('a duplicate key is an error, not silently the last one', async (t) => {
  one(t, lab(`${br0}\n  br0:\n    subnet: 10.20.0.0/24`, c1), '5:3', /unique/);
});

t.test('an unknown key names the keys allowed there', async (t) => {
  one(
    t,
    lab(`${br0}\n    subnt: 1`, c1),
    '5:5',
    /unknown key "subnt" in networks\.br0: expected one of driver, subnet, gateway/,
  );
});

t.test('a missing key points at the mapping that lacks it', async (t) => {
  one(t, lab('  br0:\n    driver: bridge', c1), '3:3', /networks\.br0 needs "subnet"/);
});

t.test('names must be lowercase letters, digits and -', async (t) => {
  one(
    t,
    lab(br0, '  Web_1:\n    networks:\n      br0: {}'),
    '6:3',
    /"Web_1" is not a valid name in containers/,
  );
});

t.test('a wrong type or value says what is expected', async (t) => {
  one(
    t,
    lab('  br0:\n    subnet: 10.10.0.0/24\n    driver: weave', c1),
    '5:13',
    /"weave" is not allowed: expected one of bridge, macvlan, ipvlan, overlay/,
  );
  one(t, lab('  br0:\n    subnet: 10.10.0.0', c1), '4:13', /expected an IPv4 subnet in CIDR notation/);
});

t.test('a container may only join a network that exists', async (t) => {
  one(
    t,
    lab(br0, '  c1:\n    networks:\n      br9: {}'),
    '8:7',
    /joins network "br9", which is not defined: networks are br0/,
  );
});

t.test('a container may not share a network’s name', async (t) => {
  one(t, lab(br0, '  br0:\n    networks:\n      br0: {}'), '6:3', /already the name of a network/);
});

t.test('"host" and "outside" are reserved', async (t) => {
  one(t, lab(br0, '  host:\n    networks:\n      br0: {}'), '6:3', /"host" is reserved/);
});

t.test('two endpoints cannot share an address, nor take the gateway’s', async (t) => {
  one(
    t,
    lab(br0, `${c1}\n  c2:\n    networks:\n      br0: { address: 10.10.0.2 }`),
    '11:23',
    /10\.10\.0\.2 is already taken by container c1/,
  );
  one(
    t,
    lab(br0, '  c1:\n    networks:\n      br0: { address: 10.10.0.1 }'),
    '8:23',
    /already taken by the gateway of br0/,
  );
});

t.test('an address must be a host address inside its subnet', async (t) => {
  one(
    t,
    lab(br0, '  c1:\n    networks:\n      br0: { address: 10.99.0.2 }'),
    '8:23',
    /outside network br0 \(10\.10\.0\.0\/24\)/,
  );
  one(
    t,
    lab(br0, '  c1:\n    networks:\n      br0: { address: 10.10.0.255 }'),
    '8:23',
    /network or broadcast address/,
  );
});

t.test('the gateway must be inside its subnet', async (t) => {
  one(
    t,
    lab(`${br0}\n    gateway: 10.11.0.1`, c1),
    '5:14',
    /gateway 10\.11\.0\.1 is not a usable address in 10\.10\.0\.0\/24/,
  );
});

t.test('a subnet is written as its network address', async (t) => {
  one(
    t,
    lab('  br0:\n    subnet: 10.10.0.7/24', c1),
    '4:13',
    /host bits set: did you mean 10\.10\.0\.0\/24\?/,
  );
});

t.test('subnets of two networks must not overlap', async (t) => {
  one(t, lab(`${br0}\n  br1:\n    subnet: 10.10.0.128/25`, c1), '6:13', /overlaps network br0/);
});

t.test('subnets must stay clear of the sandbox’s documentation ranges', async (t) => {
  one(
    t,
    lab('  br0:\n    subnet: 198.51.100.0/25', '  c1:\n    networks:\n      br0: {}'),
    '4:13',
    /which nslab uses for its uplink/,
  );
});

t.test('interface names longer than 15 characters are refused', async (t) => {
  one(
    t,
    lab(
      '  a-very-long-bridge:\n    subnet: 10.10.0.0/24',
      '  c1:\n    networks:\n      a-very-long-bridge: {}',
    ),
    '3:3',
    /bridge's interface name and is 18 characters long/,
  );
  one(
    t,
    lab(br0, '  webserver-east:\n    networks:\n      br0: {}'),
    '6:3',
    /host-side veth name "ve-webserver-east" is 17 characters long/,
  );
  one(
    t,
    lab(br0, '  c1:\n    networks:\n      br0: { veth: a-veth-name-too-long }'),
    '8:20',
    /at most 15 characters/,
  );
});

t.test(
  'checks name containers, networks, or addresses inside the lab — nothing else is pinged',
  async (t) => {
    one(
      t,
      lab(br0, c1, 'checks:\n  - ping: { from: c9, to: br0 }'),
      '10:19',
      /"c9" is not a place checks run from: use one of host, outside, c1/,
    );
    one(
      t,
      lab(br0, c1, 'checks:\n  - ping: { from: c1, to: web }'),
      '10:27',
      /"web" is not a container, a network, a service, host, outside or an address of this lab/,
    );
    one(
      t,
      lab(br0, c1, 'checks:\n  - ping: { from: c1, to: 8.8.8.8 }'),
      '10:27',
      /8\.8\.8\.8 is on none of this lab's networks/,
    );
  },
);

t.test('the host’s own loopback is a check’s target: to 127.0.0.1 from host', async (t) => {
  const l = labFromText(
    'lab.yaml',
    lab(br0, c1, 'checks:\n  - http: { from: host, to: 127.0.0.1, port: 8080, body: "client 10.10.0.1" }'),
  );
  t.match(l.checks[0], { kind: 'http', from: 'host', to: '127.0.0.1', address: '127.0.0.1', port: 8080 });
  t.equal(l.checks[0]!.name, 'http host → 127.0.0.1:8080');
  const plan = compile(l, { kind: 'sandbox', name: 'sb' });
  t.equal(plan.checks[0]!.netns, 'sb-host', 'it runs in the Docker host’s namespace');
  one(
    t,
    lab(br0, c1, 'checks:\n  - http: { from: host, to: localhost, port: 8080 }'),
    '10:29',
    /name the loopback address, to: 127\.0\.0\.1: from: host it is the Docker host’s own/,
  );
  one(
    t,
    lab(br0, c1, 'checks:\n  - udp: { from: host, to: 127.0.0.256, port: 5353 }'),
    '10:28',
    /"127\.0\.0\.256" is not a container, a network, a service, host, outside or an address of this lab/,
  );
});

t.test('every problem is reported at once', async (t) => {
  const ps = problems(
    lab(
      `${br0}\n    gateway: 10.11.0.1\n  br1:\n    subnet: 10.10.0.0/16`,
      '  c1:\n    networks:\n      br7: {}\n  c2:\n    networks:\n      br0: { address: 1.2.3.4 }',
    ),
  );
  t.equal(ps.length, 4, ps.join('\n'));
});

t.test('a file name that cannot name a lab is refused', async (t) => {
  t.throws(() => labFromText('Bad_Name.yaml', lab(br0, c1), 'Bad_Name'), LabError);
});

// The catalogue's vocabulary: network modes, ports, links, services, hosts, LAN drivers.
const bare = (containers: string, extra = '') =>
  `title: t\nnetworks:\n${br0}\ncontainers:\n${containers}\n${extra}`;

t.test('network_mode excludes networks and ports, and container: names another container', async (t) => {
  one(
    t,
    bare('  c1:\n    network_mode: host\n    networks:\n      br0: {}'),
    '9:7',
    /uses network_mode host, so it cannot also join networks/,
  );
  one(
    t,
    bare(`${c1}\n  c2:\n    network_mode: none\n    ports: ["8080:80"]`),
    '11:12',
    /ports cannot be published with network_mode none/,
  );
  one(
    t,
    bare(`${c1}\n  c2:\n    network_mode: container:c9`),
    '10:19',
    /network_mode container:c9 names no other container/,
  );
  one(t, bare('  c1:\n    network_mode: bridge'), '6:3', /container c1 joins no network/);
});

t.test('published host ports are unique', async (t) => {
  one(
    t,
    bare(`${c1}\n    ports: ["8080:80"]\n  c2:\n    networks:\n      br0: {}\n    ports: ["8080:81"]`),
    '13:13',
    /host port 8080 is already published by container c1/,
  );
});

t.test('--link needs another container on a shared network', async (t) => {
  one(t, bare(`${c1}\n    links: ["c9"]`), '9:13', /--link c9: "c9" is not another container/);
});

t.test('two servers cannot share a port in one namespace', async (t) => {
  one(
    t,
    bare(
      `  web:\n    network_mode: host\n    serve: [{ http: 80 }]\n  web2:\n    network_mode: host\n    serve: [{ http: 80 }]`,
    ),
    '11:13',
    /port 80 is already served by container web in the same network namespace/,
  );
});

t.test('a service VIP belongs to no subnet, and its backends exist', async (t) => {
  one(
    t,
    bare(c1, 'services:\n  web:\n    vip: 10.10.0.50\n    port: 80\n    backends: [c1]'),
    '11:10',
    /vip 10\.10\.0\.50 lies inside a network of the lab/,
  );
  one(
    t,
    bare(c1, 'services:\n  web:\n    vip: 10.96.0.10\n    port: 80\n    backends: [c1, c7]'),
    '13:20',
    /backend "c7" is not a container of this lab/,
  );
});

t.test('a check does one thing, and resolve checks run inside a container', async (t) => {
  one(
    t,
    bare(c1, 'checks:\n  - ping: { from: c1, to: br0 }\n    tcp: { from: c1, to: br0, port: 80 }'),
    '10:5',
    /a check does one thing: it has ping and tcp/,
  );
  one(
    t,
    bare(c1, 'checks:\n  - resolve: { from: host, name: c1 }'),
    '10:22',
    /resolve checks run inside a container/,
  );
});

t.test('macvlan lives on the uplink’s LAN; overlay needs a VNI; several hosts need host:', async (t) => {
  one(
    t,
    lab(
      '  lan:\n    driver: macvlan\n    subnet: 10.50.0.0/24\n    parent: uplink',
      '  m1:\n    networks:\n      lan: {}',
    ),
    '5:13',
    /its subnet is 198\.51\.100\.0\/24/,
  );
  one(
    t,
    lab('  ov0:\n    driver: overlay\n    subnet: 10.50.0.0/24', '  a:\n    networks:\n      ov0: {}'),
    '3:3',
    /an overlay network needs a vni/,
  );
  one(
    t,
    `title: t\nhosts: [h1, h2]\nnetworks:\n${br0}\ncontainers:\n${c1}\n`,
    '7:3',
    /container c1 needs host: \(one of h1, h2\)/,
  );
  one(t, lab(br0, `${c1}\n    host: h1`), '9:11', /host: is for labs with several hosts/);
});

t.test('the macvlan lab resolves children onto the LAN with the router as gateway', async (t) => {
  const l = labFromText(
    'lab.yaml',
    lab(
      '  lan:\n    driver: macvlan\n    parent: uplink\n    subnet: 198.51.100.0/24',
      '  m1:\n    networks:\n      lan: {}',
    ),
  );
  t.match(l.networks[0], { driver: 'macvlan', gateway: '198.51.100.1' });
  t.match(
    l.containers[0]!.endpoints[0],
    { kind: 'macvlan', address: '198.51.100.3', hostIfname: 'mv-m1' },
    'the router (.1) and the host (.2) are taken',
  );
  t.equal(l.outside.used, true, 'the LAN is the outside’s: it is built on the host target too');
});

t.test('count makes replicas with the lowest free addresses; from/to all make a full mesh', async (t) => {
  const l = labFromText(
    'lab.yaml',
    lab(
      br0,
      '  c:\n    count: 3\n    networks:\n      br0: {}',
      'checks:\n  - ping: { from: all, to: all }\n  - ping: { from: all, to: br0 }',
    ),
  );
  t.same(
    l.containers.map((c) => `${c.name} ${c.endpoints[0]!.address} ${c.endpoints[0]!.hostIfname}`),
    ['c1 10.10.0.2 ve-c1', 'c2 10.10.0.3 ve-c2', 'c3 10.10.0.4 ve-c3'],
  );
  t.equal(l.checks.length, 3 * 2 + 3, 'N×(N-1) mesh pings and N to the gateway');
  t.match(l.checks[0], { kind: 'ping', from: 'c1', to: 'c2', address: '10.10.0.3', group: 'ping all → all' });
});

t.test('a counted container may not fix addresses, and its copies must not clash', async (t) => {
  one(
    t,
    lab(br0, '  c:\n    count: 2\n    networks:\n      br0: { address: 10.10.0.9 }'),
    '7:12',
    /container c has count 2: leave its addresses and veth names out/,
  );
  one(
    t,
    lab(br0, `${c1}\n  c:\n    count: 2\n    networks:\n      br0: {}`),
    '10:12',
    /count 2 makes a container c1, but that name is taken/,
  );
});

const aheadOfTime = fileURLToPath(new URL('../../dist/cli/lab-validator.cjs', import.meta.url));
t.test(
  'the validator the build compiles ahead of time gives the errors ajv gives here',
  { skip: existsSync(aheadOfTime) ? false : 'dist/ is not built (npm run build)' },
  async (t) => {
    const schemaText = readFileSync(new URL('../../labs/lab.schema.json', import.meta.url), 'utf8');
    const ahead = createRequire(import.meta.url)(aheadOfTime) as ((d: unknown) => boolean) & {
      errors?: unknown[];
      schemaHash: string;
    };
    t.equal(
      ahead.schemaHash,
      createHash('sha256').update(schemaText).digest('hex'),
      'built from labs/lab.schema.json as it is now',
    );
    const here = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(
      JSON.parse(schemaText) as object,
    );
    for (const text of [
      lab(br0, c1, 'checks:\n  - ping: { from: c1, to: c2 }'),
      lab(
        '  Br0:\n    subnet: 10.10.0.0/33\n    mtu: big',
        '  c1:\n    networks: []\n    colour: red',
        'checks:\n  - ping: 3',
      ),
      'title: ""\nnetworks: {}\n',
    ]) {
      const data = parse(text) as unknown;
      t.equal(ahead(data), here(data));
      t.same(ahead.errors ?? null, here.errors ?? null, 'the same errors, schema parts and data included');
    }
  },
);
