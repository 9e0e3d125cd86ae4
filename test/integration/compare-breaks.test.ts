// Every kind of row compare can call "same" is a proof: each lab is built once by hand and once
// by Docker, and after a clean `up` nothing may differ (the hand-built side runs Docker's chains,
// a docker-proxy per published port and an embedded DNS server of its own). Then properties of
// the hand-built side are broken one after another (a proxy killed, a rule deleted, a chain
// flushed, a resolver killed, resolv.conf rewritten, a route deleted) and measured again, and the
// row about that property must turn to "differs".
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
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
import { serverProcesses } from '../../src/run/inventory.js';
import { holdDockerTurn, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

async function engine(): Promise<string | false> {
  if (needsRoot) return needsRoot;
  const e = await dockerEngine();
  return 'why' in e ? `no Docker engine: ${e.why}` : false;
}
const skip = await engine();
if (!skip) await holdDockerTurn(); // compare.test.ts and compare-breaks.test.ts both use Docker

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
  /** Measures both sides again; a lookup of one row by its property, and every row. */
  const rows = async () => {
    const all = await measure(lab, plan, docker);
    const row = (property: string): Row | undefined => all.find((r) => r.property === property);
    return Object.assign(row, { all });
  };
  /** After a clean up, the honest claim: every row that the lab means to match is the same. */
  const clean = async () => {
    const row = await rows();
    t.same(
      row.all.filter((r) => r.verdict === 'differs').map((r) => `${r.property}: ${r.hand} · ${r.docker}`),
      [],
      `${name}: nothing differs right after up`,
    );
    return row;
  };
  return { host, ns, rows, clean };
}

/**
 * Stops nslab's PROGRAM (docker-proxy, resolver) running in namespace NS whose words include
 * WORDS, found by its namespace (the inode /run/netns/NS names) as a learner finds it with
 * `ip netns pids`; waits for it to exit.
 */
async function killIn(ns: string, program: string, ...words: string[]) {
  const inode = statSync(`/run/netns/${ns}`).ino;
  const pids = serverProcesses()
    .filter((p) => p.program === program && words.every((w) => p.args.includes(w)))
    .map((p) => p.pid)
    .filter((pid) => {
      try {
        return statSync(`/proc/${pid}/ns/net`).ino === inode;
      } catch {
        return false; // gone meanwhile
      }
    });
  if (pids.length !== 1) throw new Error(`${program} ${words.join(' ')} in ${ns}: pids [${pids.join(', ')}]`);
  process.kill(pids[0]!);
  const gone = () => {
    try {
      process.kill(pids[0]!, 0);
      return false;
    } catch {
      return true;
    }
  };
  for (let waited = 0; !gone(); waited += 20) {
    if (waited >= 5_000) throw new Error(`${program} (pid ${pids[0]}) runs 5 s after SIGTERM`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Break = [what: string, rows: [property: string, hand?: RegExp][], brk: () => Promise<unknown>];

/** Each break in turn on the hand-built side; its rows were the same and must now differ. */
async function breakEach(t: Test, rows: () => Promise<(p: string) => Row | undefined>, breaks: Break[]) {
  for (const [what, props, brk] of breaks) {
    await brk();
    const row = await rows();
    for (const [p, hand] of props)
      t.match(row(p), { verdict: 'differs', ...(hand ? { hand } : {}) }, `${what}: ${p} differs`, {
        row: row(p),
      });
  }
}

t.test('port-publish: every row that says "same" turns to "differs" when broken', { skip }, async (t) => {
  const { host, ns, clean, rows } = await bothSides(t, 'port-publish');
  const row = await clean();
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
    'host: FORWARD policy',
    'host: proxy for port 8080/tcp',
    'host: proxy for port 5353/udp',
    'hairpin: c2 → its host’s port 8080',
    'iptables: DNAT tcp port 8080 → <br0>.2:80',
    'iptables: -t nat -A DOCKER -i <br0> -j RETURN',
    'iptables: -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
    'iptables: -t filter -A DOCKER -d <br0>.2 ! -i <br0> -o <br0> -p tcp -m tcp --dport 80 -j ACCEPT',
    'iptables: -t filter -A DOCKER-ISOLATION-STAGE-2 -o <br0> -j DROP',
    'iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE',
  ];
  for (const p of props) t.equal(row(p)?.verdict, 'same', `before: ${p} is the same`, { row: row(p) });
  t.match(row('host: proxy for port 8080/tcp'), { hand: 'proxy 0.0.0.0:8080/tcp (docker-proxy.js)' });
  t.match(row('hairpin: c2 → its host’s port 8080'), { hand: /a proxy’s own connection/ });
  t.match(row('iptables: DNAT tcp port 8080 → <br0>.2:80'), { hand: 'DOCKER (not from the bridge)' });

  const nat = (...argv: string[]) => inNs(host, 'iptables', '-t', 'nat', ...argv);
  const dnat = [
    '-p',
    'tcp',
    '-m',
    'tcp',
    '--dport',
    '8080',
    '-j',
    'DNAT',
    '--to-destination',
    '172.28.0.2:80',
  ];
  await breakEach(t, rows, [
    [
      'the tcp docker-proxy killed',
      [
        ['host: proxy for port 8080/tcp', /^no proxy$/],
        ['hairpin: c2 → its host’s port 8080', /^no answer/],
      ],
      () => killIn(host, 'docker-proxy', '-proto', 'tcp'),
    ],
    [
      'the udp docker-proxy killed',
      [['host: proxy for port 5353/udp', /^no proxy$/]],
      () => killIn(host, 'docker-proxy', '-proto', 'udp'),
    ],
    [
      'the DNAT takes the bridge’s packets too',
      [['iptables: DNAT tcp port 8080 → <br0>.2:80', /from the bridge too/]],
      async () => {
        await nat('-D', 'DOCKER', '!', '-i', 'br0', ...dnat);
        await nat('-A', 'DOCKER', ...dnat);
      },
    ],
    [
      'the RETURN for the bridge deleted',
      [['iptables: -t nat -A DOCKER -i <br0> -j RETURN', /^—$/]],
      () => nat('-D', 'DOCKER', '-i', 'br0', '-j', 'RETURN'),
    ],
    [
      'the OUTPUT jump deleted',
      [['iptables: -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER', /^—$/]],
      () =>
        nat(
          '-D',
          'OUTPUT',
          '!',
          '-d',
          '127.0.0.0/8',
          '-m',
          'addrtype',
          '--dst-type',
          'LOCAL',
          '-j',
          'DOCKER',
        ),
    ],
    [
      'the filter DOCKER accept deleted',
      [['iptables: -t filter -A DOCKER -d <br0>.2 ! -i <br0> -o <br0> -p tcp -m tcp --dport 80 -j ACCEPT']],
      () =>
        inNs(
          host,
          'iptables',
          '-D',
          'DOCKER',
          '-d',
          '172.28.0.2/32',
          '!',
          '-i',
          'br0',
          '-o',
          'br0',
          '-p',
          'tcp',
          '-m',
          'tcp',
          '--dport',
          '80',
          '-j',
          'ACCEPT',
        ),
    ],
    [
      'isolation stage 2 flushed',
      [['iptables: -t filter -A DOCKER-ISOLATION-STAGE-2 -o <br0> -j DROP', /^—$/]],
      () => inNs(host, 'iptables', '-F', 'DOCKER-ISOLATION-STAGE-2'),
    ],
    [
      'FORWARD policy ACCEPT',
      [['host: FORWARD policy', /^ACCEPT$/]],
      () => inNs(host, 'iptables', '-P', 'FORWARD', 'ACCEPT'),
    ],
    ['a route deleted', [['c1: routes']], () => ip('-n', ns('c1'), 'route', 'del', 'default')],
    [
      'an address added',
      [['c1 eth0: address']],
      () => ip('-n', ns('c1'), 'addr', 'add', '172.28.0.9/16', 'dev', 'eth0'),
    ],
    [
      'STP on',
      [['bridge br0: STP']],
      () => ip('-n', host, 'link', 'set', 'br0', 'type', 'bridge', 'stp_state', '1'),
    ],
    [
      'a second bridge address',
      [['bridge br0: address']],
      () => ip('-n', host, 'addr', 'add', '172.28.0.254/16', 'dev', 'br0'),
    ],
    ['lo down', [['c2: lo']], () => ip('-n', ns('c2'), 'link', 'set', 'lo', 'down')],
    [
      'a hosts line added',
      [['c2: /etc/hosts (IPv4 lines)']],
      async () => appendFileSync(`/etc/netns/${ns('c2')}/hosts`, '172.28.0.9 extra\n'),
    ],
    [
      'a veth off the bridge',
      [['c2 eth0: host end on bridge']],
      () => ip('-n', host, 'link', 'set', 've-c2', 'nomaster'),
    ],
    [
      'ip_forward off',
      [['host: net.ipv4.ip_forward']],
      () => inNs(host, 'sysctl', '-qw', 'net.ipv4.ip_forward=0'),
    ],
    [
      'POSTROUTING flushed',
      [['iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE']],
      () => nat('-F', 'POSTROUTING'),
    ],
    ['the bridge down', [['bridge br0: state']], () => ip('-n', host, 'link', 'set', 'br0', 'down')],
  ]);
});

t.test('bridge-isolation: the isolation stages and the MASQUERADE lines', { skip }, async (t) => {
  const { host, clean, rows } = await bothSides(t, 'bridge-isolation');
  const row = await clean();
  const stage1 = (n: string) =>
    `iptables: -t filter -A DOCKER-ISOLATION-STAGE-1 -i <${n}> ! -o <${n}> -j DOCKER-ISOLATION-STAGE-2`;
  const stage2 = (n: string) => `iptables: -t filter -A DOCKER-ISOLATION-STAGE-2 -o <${n}> -j DROP`;
  const masquerade = (n: string) =>
    `iptables: -t nat -A POSTROUTING -s <${n}>/subnet ! -o <${n}> -j MASQUERADE`;
  const props = ['front', 'back'].flatMap((n) => [stage1(n), stage2(n), masquerade(n)]);
  for (const p of props) t.equal(row(p)?.verdict, 'same', `before: ${p} is the same`, { row: row(p) });
  const check = (prefix: string) => row.all.find((r) => r.property.startsWith(`check: ${prefix}`))!.property;
  const [webDb, cacheProxy] = [check('web ↛ db'), check('cache ↛ proxy')];
  t.equal(row(webDb)?.verdict, 'same', `before: ${webDb} is the same`);

  const filter = (...argv: string[]) => inNs(host, 'iptables', ...argv);
  await breakEach(t, rows, [
    [
      'stage 2 flushed',
      [
        [stage2('front'), /^—$/],
        [stage2('back'), /^—$/],
        [webDb, /^FAILED/],
        [cacheProxy, /^FAILED/],
      ],
      () => filter('-F', 'DOCKER-ISOLATION-STAGE-2'),
    ],
    [
      // Docker's two stages are left alone: read as one meaning, each direction is missing
      'stage 1 flushed',
      [
        ['iptables: isolation front → back', /^—$/],
        ['iptables: isolation back → front', /^—$/],
        ['iptables: -t filter -A DOCKER-ISOLATION-STAGE-1 -j RETURN', /^—$/],
      ],
      () => filter('-F', 'DOCKER-ISOLATION-STAGE-1'),
    ],
    [
      'POSTROUTING flushed',
      [
        [masquerade('front'), /^—$/],
        [masquerade('back'), /^—$/],
      ],
      () => inNs(host, 'iptables', '-t', 'nat', '-F', 'POSTROUTING'),
    ],
  ]);
});

t.test('user-bridge-dns: each part of the embedded DNS is read from the namespace', { skip }, async (t) => {
  const { ns, clean, rows } = await bothSides(t, 'user-bridge-dns');
  const row = await clean();
  const mechanism = (c: string) => `${c}: DNS mechanism`;
  for (const c of ['app', 'db', 'db2'])
    t.match(
      row(mechanism(c)),
      {
        hand: 'nameserver 127.0.0.11; DNAT tcp+udp :53 → 127.0.0.11 (DOCKER_OUTPUT); a server listens there (tcp+udp)',
        verdict: 'same',
      },
      `before: ${c}'s DNS mechanism is Docker's, its random ports aside`,
    );
  for (const p of ['app: resolv.conf', 'db: nat rules for 127.0.0.11 (ports as PORT)'])
    t.equal(row(p)?.verdict, 'same', `before: ${p} is the same`, { row: row(p) });
  t.equal(row(mechanism('old1')), undefined, 'old1, on a network without names, has no such row');

  const nat = (c: string, ...argv: string[]) => inNs(ns(c), 'iptables', '-t', 'nat', ...argv);
  await breakEach(t, rows, [
    [
      'app’s resolver killed',
      [[mechanism('app'), /; nothing listens there$/]],
      () => killIn(ns('app'), 'resolver'),
    ],
    [
      'db’s jump to DOCKER_OUTPUT deleted',
      [
        [mechanism('db'), /DOCKER_OUTPUT, no jump to it from OUTPUT/],
        ['db: nat rules for 127.0.0.11 (ports as PORT)'],
      ],
      () => nat('db', '-D', 'OUTPUT', '-d', '127.0.0.11/32', '-j', 'DOCKER_OUTPUT'),
    ],
    [
      'db2’s DNAT flushed',
      [[mechanism('db2'), /no DNAT for 127\.0\.0\.11/]],
      () => nat('db2', '-F', 'DOCKER_OUTPUT'),
    ],
    [
      'app’s resolv.conf rewritten',
      [
        ['app: resolv.conf', /^nameserver 127\.0\.0\.1$/],
        [mechanism('app'), /^nameserver 127\.0\.0\.1;/],
      ],
      async () => writeFileSync(`/etc/netns/${ns('app')}/resolv.conf`, 'nameserver 127.0.0.1\n'),
    ],
  ]);
});
