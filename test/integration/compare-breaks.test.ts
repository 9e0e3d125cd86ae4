// Every kind of row compare can call "same" is a proof: each lab is built once by hand and once
// by Docker, then properties of the hand-built side are broken one after another (a route
// deleted, a rule flushed, a proxy killed, resolv.conf rewritten) and measured again, and the
// row about that property must turn to "differs". Where the hand-built side has no such thing
// yet (a userland proxy, the embedded DNS), a stand-in is started first, so that the row is
// seen to say "same" when the kernel agrees and "differs" when it stops agreeing.
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import t, { type Test } from 'tap';
import type { Row } from '../../src/compare/diff.js';
import {
  buildDockerSide,
  dockerEngine,
  removeDockerSide,
  type DockerSide,
} from '../../src/compare/docker.js';
import { measure } from '../../src/compare/measure.js';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { needsRoot, nslab, sandboxName } from '../helpers/machine.js';

async function engine(): Promise<string | false> {
  if (needsRoot) return needsRoot;
  const e = await dockerEngine();
  return 'why' in e ? `no Docker engine: ${e.why}` : false;
}
const skip = await engine();

const ip = (...argv: string[]) => execa('ip', argv);
const inNs = (ns: string, ...argv: string[]) => execa('ip', ['netns', 'exec', ns, ...argv]);

/** The lab up by hand in a sandbox of its own and by Docker; both removed when the test ends. */
async function bothSides(t: Test, name: string) {
  const lab = loadLab(name);
  const sb = sandboxName('brk');
  t.teardown(async () => {
    await removeDockerSide(lab);
    await nslab(['down', name, '--sandbox-name', sb]);
  });
  const up = await nslab(['up', name, '--sandbox-name', sb, '-q']);
  t.equal(up.exitCode, 0, `${name} is up by hand`, { stderr: up.stderr });
  const e = await dockerEngine();
  const docker: DockerSide = await buildDockerSide(lab, 'version' in e ? e.version : '');
  const plan = compile(lab, { kind: 'sandbox', name: sb });
  const host = plan.hosts[lab.hosts[0]!.name]!;
  const ns = (c: string) => plan.containerNs[c]!;
  const rows = async () => {
    const all = await measure(lab, plan, docker);
    return (property: string): Row | undefined => all.find((r) => r.property === property);
  };
  return { lab, host, ns, rows };
}

/** A small process of the test's own, stopped when the test ends. */
function background(t: Test, argv: string[]): Promise<{ child: ResultPromise }> {
  const child = execa(argv[0]!, argv.slice(1), { reject: false });
  t.teardown(() => {
    child.kill();
  });
  return new Promise((resolve, reject) => {
    // wrapped: a promise resolved with the child itself would wait for it to end
    child.stdout!.once('data', () => resolve({ child }));
    void child.then((r) => reject(new Error(`${argv.join(' ')} ended: ${String(r.stderr)}`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'nslab-breaks-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
// A stand-in for the proxy the `proxy` branch builds: found by its name, docker-proxy.js.
const proxyScript = join(dir, 'docker-proxy.js');
writeFileSync(
  proxyScript,
  `import { createServer, connect } from 'node:net';
const [port, toHost, toPort] = process.argv.slice(2);
createServer((c) => { const s = connect(Number(toPort), toHost); c.pipe(s).pipe(c);
  s.on('error', () => c.destroy()); c.on('error', () => s.destroy()); })
  .listen(Number(port), '0.0.0.0', () => console.log('listening'));\n`,
);
// A stand-in for an embedded DNS server's sockets on 127.0.0.11 (udp and tcp).
const resolverScript = join(dir, 'resolver.mjs');
writeFileSync(
  resolverScript,
  `import { createSocket } from 'node:dgram'; import { createServer } from 'node:net';
const [udp, tcp] = process.argv.slice(2).map(Number);
createSocket('udp4').bind(udp, '127.0.0.11', () =>
  createServer().listen(tcp, '127.0.0.11', () => console.log('listening')));\n`,
);

t.test('port-publish: every row that says "same" turns to "differs" when broken', { skip }, async (t) => {
  const { host, ns, rows } = await bothSides(t, 'port-publish');
  const props = [
    'bridge br0: address',
    'bridge br0: STP',
    'bridge br0: state',
    'c1 eth0: address',
    'c1: routes',
    'c2: lo',
    'c2: /etc/hosts (IPv4 lines)',
    'c2 eth0: host end on bridge',
    'host: net.ipv4.ip_forward',
    'iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE',
  ];
  let row = await rows();
  for (const p of props) t.equal(row(p)?.verdict, 'same', `before: ${p} is the same`);

  // The proxy, the DNAT and the hairpin: the hand-built side made like Docker's (a proxy for the
  // port, a DNAT that leaves the bridge's packets to it), then the proxy killed.
  const { child: proxy } = await background(t, [
    'ip',
    'netns',
    'exec',
    host,
    'node',
    proxyScript,
    '8080',
    '172.28.0.2',
    '80',
  ]);
  const prerouting = String((await inNs(host, 'iptables', '-t', 'nat', '-S', 'PREROUTING')).stdout)
    .split('\n')
    .find((l) => l.includes('-j DNAT'))!;
  const words = prerouting
    .split(' ')
    .map((w) => w.replace(/^"|"$/g, ''))
    .slice(2);
  await inNs(host, 'iptables', '-t', 'nat', '-D', 'PREROUTING', ...words);
  await inNs(host, 'iptables', '-t', 'nat', '-A', 'PREROUTING', '!', '-i', 'br0', ...words);
  row = await rows();
  t.match(row('host: proxy for port 8080/tcp'), { hand: /proxy 0\.0\.0\.0:8080\/tcp/, verdict: 'same' });
  t.match(row('hairpin: c2 → its host’s port 8080'), { hand: /a proxy’s own connection/, verdict: 'same' });
  t.match(row('iptables: DNAT tcp port 8080 → <br0>.2:80'), { verdict: 'same' });
  proxy.kill();
  await proxy;
  row = await rows();
  t.match(row('host: proxy for port 8080/tcp'), { hand: 'no proxy', verdict: 'differs' }, 'proxy killed');
  t.match(row('hairpin: c2 → its host’s port 8080'), { hand: /no answer/, verdict: 'differs' });

  const breaks: [string, () => Promise<unknown>][] = [
    ['c1: routes', () => ip('-n', ns('c1'), 'route', 'del', 'default')],
    ['c1 eth0: address', () => ip('-n', ns('c1'), 'addr', 'add', '172.28.0.9/16', 'dev', 'eth0')],
    ['bridge br0: STP', () => ip('-n', host, 'link', 'set', 'br0', 'type', 'bridge', 'stp_state', '1')],
    ['bridge br0: address', () => ip('-n', host, 'addr', 'add', '172.28.0.254/16', 'dev', 'br0')],
    ['c2: lo', () => ip('-n', ns('c2'), 'link', 'set', 'lo', 'down')],
    [
      'c2: /etc/hosts (IPv4 lines)',
      async () => appendFileSync(`/etc/netns/${ns('c2')}/hosts`, '172.28.0.9 extra\n'),
    ],
    ['c2 eth0: host end on bridge', () => ip('-n', host, 'link', 'set', 've-c2', 'nomaster')],
    ['host: net.ipv4.ip_forward', () => inNs(host, 'sysctl', '-qw', 'net.ipv4.ip_forward=0')],
    [
      'iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE',
      () => inNs(host, 'iptables', '-t', 'nat', '-F', 'POSTROUTING'),
    ],
    ['bridge br0: state', () => ip('-n', host, 'link', 'set', 'br0', 'down')],
  ];
  for (const [p, brk] of breaks) {
    await brk();
    row = await rows();
    t.equal(row(p)?.verdict, 'differs', `broken: ${p} differs`, { row: row(p) });
  }
});

t.test('bridge-isolation: the isolation rows and the MASQUERADE lines', { skip }, async (t) => {
  const { host, rows } = await bothSides(t, 'bridge-isolation');
  const props = [
    'iptables: isolation front → back',
    'iptables: isolation back → front',
    'iptables: -t nat -A POSTROUTING -s <front>/subnet ! -o <front> -j MASQUERADE',
  ];
  let row = await rows();
  for (const p of props) t.equal(row(p)?.verdict, 'same', `before: ${p} is the same`, { row: row(p) });
  await inNs(host, 'iptables', '-F', 'FORWARD');
  await inNs(host, 'iptables', '-t', 'nat', '-F', 'POSTROUTING');
  row = await rows();
  for (const p of props) t.equal(row(p)?.verdict, 'differs', `flushed: ${p} differs`, { row: row(p) });
});

t.test('user-bridge-dns: the DNS mechanism is read from the namespace', { skip }, async (t) => {
  const { ns, rows } = await bothSides(t, 'user-bridge-dns');
  let row = await rows();
  t.match(row('app: DNS mechanism'), { hand: /nameserver 127\.0\.0\.1;/, verdict: 'differs' });
  // A stand-in of Docker's mechanism in app: nameserver, DNAT in DOCKER_OUTPUT, sockets there.
  const app = ns('app');
  writeFileSync(`/etc/netns/${app}/resolv.conf`, 'nameserver 127.0.0.11\n');
  await inNs(app, 'iptables', '-t', 'nat', '-N', 'DOCKER_OUTPUT');
  await inNs(app, 'iptables', '-t', 'nat', '-A', 'OUTPUT', '-d', '127.0.0.11/32', '-j', 'DOCKER_OUTPUT');
  for (const [proto, port] of [
    ['udp', '40053'],
    ['tcp', '40054'],
  ] as const)
    await inNs(
      app,
      'iptables',
      '-t',
      'nat',
      '-A',
      'DOCKER_OUTPUT',
      '-d',
      '127.0.0.11/32',
      '-p',
      proto,
      '-m',
      proto,
      '--dport',
      '53',
      '-j',
      'DNAT',
      '--to-destination',
      `127.0.0.11:${port}`,
    );
  const { child: resolver } = await background(t, [
    'ip',
    'netns',
    'exec',
    app,
    'node',
    resolverScript,
    '40053',
    '40054',
  ]);
  row = await rows();
  t.match(row('app: DNS mechanism'), { verdict: 'same' }, 'the same mechanism, random ports aside');
  t.match(row('db: DNS mechanism'), { verdict: 'differs' }, 'db has none of it');
  resolver.kill();
  await resolver;
  row = await rows();
  t.match(row('app: DNS mechanism'), { hand: /nothing listens there/, verdict: 'differs' }, 'resolver gone');
  writeFileSync(`/etc/netns/${app}/resolv.conf`, 'nameserver 127.0.0.1\n');
  row = await rows();
  t.match(row('app: DNS mechanism'), { hand: /^nameserver 127\.0\.0\.1;/, verdict: 'differs' });
});
