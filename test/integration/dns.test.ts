// Docker's embedded DNS, rebuilt in a sandbox: resolv.conf points at 127.0.0.11, the nat rules in
// the container's namespace DNAT port 53 to nslab's resolver, and real lookups (glibc's getent, a
// DNS client over udp and tcp) get Docker's answers. After down nothing of it is left.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import t from 'tap';
import { serverProcesses } from '../../src/run/inventory.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// A DNS client run inside the namespace: one question to 127.0.0.11:53 over udp or tcp; prints
// the rcode, the addresses, where the answer came from (udp) and how long it took.
const CLIENT = `
const net = require('net'), dgram = require('dgram'), p = require('dns-packet');
const [proto, name, type] = process.argv.slice(1);
const query = { type: 'query', id: 9, flags: p.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] };
const t0 = Date.now();
const done = (buf, from) => {
  const r = p.decode(buf);
  console.log(JSON.stringify({ rcode: r.rcode, answers: r.answers.map((a) => a.data), from, ms: Date.now() - t0 }));
  process.exit(0);
};
setTimeout(() => { console.log(JSON.stringify({ error: 'no answer within 3 s' })); process.exit(0); }, 3000);
if (proto === 'tcp') {
  const s = net.connect(53, '127.0.0.11', () => s.write(p.streamEncode(query)));
  let b = Buffer.alloc(0);
  s.on('data', (d) => {
    b = Buffer.concat([b, d]);
    if (b.length >= 2 && b.length >= 2 + b.readUInt16BE(0)) done(b.subarray(2, 2 + b.readUInt16BE(0)), 'tcp');
  });
} else {
  const s = dgram.createSocket('udp4');
  s.on('message', (m, r) => done(m, r.address + ':' + r.port));
  s.send(p.encode(query), 53, '127.0.0.11');
}`;

interface Answer {
  rcode?: string;
  answers?: string[];
  from?: string;
  ms?: number;
  error?: string;
}

t.test('user-bridge-dns: names come from a DNS server at 127.0.0.11', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('dns');
  const app = `${sb}-app`;
  const mark = `nslab:user-bridge-dns@${sb}`;
  t.teardown(() => nslab(['down', 'user-bridge-dns', '--sandbox-name', sb]));
  const up = await nslab(['up', 'user-bridge-dns', '--sandbox-name', sb, '-q', '--json']);
  t.equal(up.exitCode, 0, 'every check as expected', up);
  const checks = (JSON.parse(up.stdout) as { checks: { name: string; via?: string }[] }).checks;
  t.equal(
    checks.find((c) => c.name === 'app resolves db to 172.23.0.3')?.via,
    'DNS 127.0.0.11',
    'the check says the DNS server answered',
  );

  const inApp = (...argv: string[]) =>
    execa('ip', ['netns', 'exec', app, ...argv], { reject: false, cwd: repo });
  const ask = async (proto: 'udp' | 'tcp', name: string, type = 'A'): Promise<Answer> =>
    JSON.parse(String((await inApp('node', '-e', CLIENT, proto, name, type)).stdout)) as Answer;

  t.match(
    String((await inApp('cat', '/etc/resolv.conf')).stdout),
    /^nameserver 127\.0\.0\.11\noptions ndots:0$/m,
  );
  const hosts = String((await inApp('cat', '/etc/hosts')).stdout);
  t.match(hosts, /^172\.23\.0\.2\tapp$/m, 'app itself is in its hosts file');
  t.notMatch(hosts, /\bdb\b/, 'db is not');

  const nat = String((await inApp('iptables', '-t', 'nat', '-S')).stdout);
  t.match(nat, /^-A OUTPUT -d 127\.0\.0\.11\/32 -j DOCKER_OUTPUT$/m);
  t.match(
    nat,
    /^-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+$/m,
  );
  t.match(
    nat,
    /^-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+$/m,
  );

  const getent = await inApp('getent', 'hosts', 'db');
  t.equal(getent.exitCode, 0);
  t.match(String(getent.stdout), /^172\.23\.0\.3\s+db$/, 'getent hosts db: db’s address, through DNS');

  const started = Date.now();
  const unknown = await inApp('getent', 'hosts', 'nosuch');
  t.equal(unknown.exitCode, 2, 'an unknown name: not found');
  t.ok(Date.now() - started < 1000, `at once (${Date.now() - started} ms), no timeout`);
  const nx = await ask('udp', 'nosuch');
  t.equal(nx.rcode, 'NXDOMAIN', 'the server says NXDOMAIN', nx);
  t.equal(nx.from, '127.0.0.11:53', 'from port 53: the DNAT is undone on the way back');
  t.equal((await ask('udp', 'example.com')).rcode, 'SERVFAIL', 'nothing is forwarded out of the lab');
  t.same((await ask('udp', 'db', 'AAAA')).answers, [], 'AAAA of a known name: no answers');

  const firsts = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const out = String((await inApp('getent', 'hosts', 'database')).stdout);
    t.same(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0])
        .sort(),
      ['172.23.0.3', '172.23.0.4'],
      'the shared alias answers with db and db2',
    );
    firsts.add(out.split(/\s+/)[0]!);
  }
  t.same([...firsts].sort(), ['172.23.0.3', '172.23.0.4'], 'and each comes first in turn (round robin)');

  const overTcp = await ask('tcp', 'db2');
  t.same(overTcp.answers, ['172.23.0.4'], 'DNS over tcp works too', overTcp);
  t.same((await ask('udp', 'db.appnet')).answers, ['172.23.0.3'], 'NAME.NETWORK, as Docker answers');

  const old1 = await execa('ip', ['netns', 'exec', `${sb}-old1`, 'getent', 'hosts', 'old2'], {
    reject: false,
  });
  t.equal(old1.exitCode, 2, 'the default bridge has no names');

  t.equal((await nslab(['down', 'user-bridge-dns', '--sandbox-name', sb])).exitCode, 0);
  t.same(await namespacesOf(sb), [], 'no namespace left');
  t.same(
    serverProcesses().filter((p) => p.args.at(-1) === mark),
    [],
    'no resolver left',
  );
  t.notOk(existsSync(`/etc/netns/${app}`), 'no /etc/netns dir left');
});
