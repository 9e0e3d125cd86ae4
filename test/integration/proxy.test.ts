// Docker's userland proxy, rebuilt (docker-proxy.js): port-publish in a sandbox with a proxy per
// published port, proved by the client address c1 sees; udp flows per client; a clean exit on
// SIGTERM; a port already taken stops `up`, which rolls back; `down` leaves no proxy behind.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import t from 'tap';
import {
  cli,
  fixtureLab,
  hostTargetTurn,
  namespacesOf,
  needsRoot,
  nslab,
  sandboxName,
  standIn,
} from '../helpers/machine.js';

const proxyScript = fileURLToPath(new URL('../../src/serve/docker-proxy.js', import.meta.url));
const probe = fileURLToPath(new URL('../../src/serve/probe.js', import.meta.url));

/** Processes of a serve/ program whose last argument is this mark: pid → the words after the script. */
function processesOf(program: string, mark: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue;
    }
    const at = argv.findIndex((a) => a.endsWith(`/serve/${program}.js`));
    if (at >= 0 && argv.at(-1) === mark) found.set(Number(pid), argv.slice(at + 1, -1));
  }
  return found;
}
const proxiesOf = (mark: string) => processesOf('docker-proxy', mark);
const serversOf = (mark: string) => processesOf('server', mark);

const inNs = (ns: string, argv: string[]) => execa('ip', ['netns', 'exec', ns, ...argv], { reject: false });

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string | null;
}

t.test(
  'port-publish: a docker-proxy per published port answers the host’s 127.0.0.1',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('proxy');
    const host = `${sb}-host`;
    const mark = `nslab:port-publish@${sb}`;
    t.teardown(() => nslab(['down', 'port-publish', '--sandbox-name', sb]));

    const up = await nslab(['up', 'port-publish', '--sandbox-name', sb, '--json']);
    t.equal(up.exitCode, 0, 'up: every check as expected', up);
    const checks = (JSON.parse(up.stdout) as { checks: CheckResult[] }).checks;
    const check = (name: string) => checks.find((c) => c.name === name);
    t.match(
      check('http host → 127.0.0.1:8080'),
      { ok: true, detail: '"c1 answered; client 172.28.0.1"' },
      'the host’s own 127.0.0.1:8080: c1 sees the proxy’s address, the gateway',
    );
    t.match(
      check('http host → host (198.51.100.2:8080)'),
      { ok: true, detail: '"c1 answered; client 198.51.100.2"' },
      'the host’s own uplink address: the OUTPUT DNAT, the client address kept',
    );
    t.match(
      check('udp host → 127.0.0.1:5353'),
      { ok: true, detail: '"c1 answered; client 172.28.0.1"' },
      'udp through the proxy',
    );
    // With Docker's `-i br0 -j RETURN` this is the proxy; with nslab's older rules the hairpin
    // MASQUERADE gives the same address.
    t.match(check('http c2 → host (198.51.100.2:8080)'), {
      ok: true,
      detail: '"c1 answered; client 172.28.0.1"',
    });

    const proxies = proxiesOf(mark);
    t.same(
      [...proxies.values()].map((a) => a.join(' ')).sort(),
      [
        '-proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.28.0.2 -container-port 80',
        '-proto udp -host-ip 0.0.0.0 -host-port 5353 -container-ip 172.28.0.2 -container-port 53',
      ],
      'two proxies, with Docker’s flags and the lab’s mark',
    );
    const tcp = String((await inNs(host, ['ss', '-ltnpH', 'sport', '=', ':8080'])).stdout);
    const udp = String((await inNs(host, ['ss', '-lunpH', 'sport', '=', ':5353'])).stdout);
    for (const [what, line] of [
      ['tcp', tcp],
      ['udp', udp],
    ] as const) {
      t.match(line, /0\.0\.0\.0:(8080|5353)\b/, `${what}: something listens on 0.0.0.0 in the Docker host`);
      const pid = Number(/pid=(\d+)/.exec(line)?.[1]);
      t.ok(proxies.has(pid), `${what}: it is the lab’s docker-proxy (pid ${pid})`);
    }

    // Two udp clients at once: each answer goes back to the client that asked.
    const twoClients = await inNs(host, [
      'node',
      '-e',
      `const d = require('node:dgram');
     const n = { a: 0, b: 0 };
     const a = d.createSocket('udp4').on('message', () => n.a++);
     const b = d.createSocket('udp4').on('message', () => n.b++);
     a.send('a', 5353, '127.0.0.1');
     b.send('b', 5353, '127.0.0.1');
     setTimeout(() => { console.log(JSON.stringify(n)); process.exit(0); }, 800);`,
    ]);
    t.same(JSON.parse(String(twoClients.stdout)), { a: 1, b: 1 }, 'one answer to each udp client');

    const status = await nslab(['status', 'port-publish', '--json']);
    const mine = (JSON.parse(status.stdout) as { target: string; proxies: string[]; servers: number }[]).find(
      (s) => s.target.includes(sb),
    );
    t.match(mine, {
      servers: 2,
      proxies: ['tcp 0.0.0.0:8080 → 172.28.0.2:80', 'udp 0.0.0.0:5353 → 172.28.0.2:53'],
    });

    const taken = await inNs(host, [
      'node',
      proxyScript,
      '-proto',
      'tcp',
      '-host-ip',
      '0.0.0.0',
      '-host-port',
      '8080',
      '-container-ip',
      '172.28.0.2',
      '-container-port',
      '80',
      'nslab:proxy-test',
    ]);
    t.equal(taken.exitCode, 1, 'a second proxy on a taken port exits 1');
    t.match(taken.stderr, /docker-proxy: cannot listen on tcp\/0\.0\.0\.0:8080: the port is already taken/);

    // A proxy of the test's own: it forwards, then SIGTERM ends it with 0.
    const own = execa(
      'ip',
      [
        'netns',
        'exec',
        host,
        'node',
        proxyScript,
        '-proto',
        'tcp',
        '-host-ip',
        '127.0.0.1',
        '-host-port',
        '18081',
      ].concat(['-container-ip', '172.28.0.2', '-container-port', '80', 'nslab:proxy-test']),
      { reject: false },
    );
    t.teardown(() => own.kill('SIGKILL'));
    await new Promise((resolve) => own.stdout!.once('data', resolve));
    const through = await inNs(host, ['node', probe, 'http', '127.0.0.1', '18081']);
    t.match(JSON.parse(String(through.stdout)), { ok: true, bodies: ['c1 answered; client 172.28.0.1'] });
    own.kill('SIGTERM');
    t.equal((await own).exitCode, 0, 'SIGTERM: exit 0');

    // c1's web server stopped: the proxy cannot connect, says so on a pipe nslab has closed, and
    // goes on (Docker's logs "Can't forward traffic to backend" and goes on too).
    for (const [pid, args] of serversOf(mark)) if (args.join(' ') === 'http 80 c1') process.kill(pid);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await inNs(host, ['node', probe, 'http', '127.0.0.1', '8080']);
    t.match(JSON.parse(String(refused.stdout)), { ok: false }, 'no backend: the request fails');
    t.same([...proxiesOf(mark).keys()].sort(), [...proxies.keys()].sort(), 'both proxies still run');

    const down = await nslab(['down', 'port-publish', '--sandbox-name', sb]);
    t.equal(down.exitCode, 0, 'down exits 0', down);
    t.same([...proxiesOf(mark).keys()], [], 'down stopped every proxy of the lab');
    t.same(await namespacesOf(sb), [], 'and removed the namespaces');
  },
);

const loopbackLab = fixtureLab('proxy-loopback');

t.test(
  '-p 127.0.0.1:…: the proxy answers in the sandbox, with no route_localnet',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('pxlo');
    t.teardown(() => nslab(['down', loopbackLab, '--sandbox-name', sb]));
    const up = await nslab(['up', loopbackLab, '--sandbox-name', sb, '-q']);
    t.equal(up.exitCode, 0, 'up: every check as expected', up);
    const localnet = await inNs(`${sb}-host`, ['sysctl', '-n', 'net.ipv4.conf.all.route_localnet']);
    t.equal(String(localnet.stdout).trim(), '0', 'route_localnet left at 0');
    t.equal((await nslab(['down', loopbackLab, '--sandbox-name', sb])).exitCode, 0);
    t.same([...proxiesOf(`nslab:proxy-loopback@${sb}`).keys()], []);
  },
);

t.test(
  'host target (a stand-in machine): a taken port stops up, which rolls back; free, it works',
  { skip: needsRoot },
  async (t) => {
    await hostTargetTurn(t);
    const m = await standIn(t);
    const run = async (args: string[]) => {
      const r = await m.inside(['node', cli, ...args]);
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    };
    t.teardown(() => run(['down', loopbackLab]));
    const before = await m.snapshot();

    // Something of the machine's already listens on 127.0.0.1:18080.
    const blocker = m.inside([
      'node',
      '-e',
      "require('node:net').createServer().listen(18080, '127.0.0.1', () => console.log('up'))",
    ]);
    t.teardown(() => blocker.kill('SIGKILL'));
    await new Promise((resolve) => blocker.stdout!.once('data', resolve));

    const failed = await run(['up', loopbackLab, '-q']);
    t.not(failed.exitCode, 0, 'up fails', failed);
    t.match(
      failed.stderr,
      /docker-proxy: cannot listen on tcp\/127\.0\.0\.1:18080: the port is already taken/,
    );
    t.match(failed.stderr, /rolled back/);
    t.same(await m.snapshot(), before, 'the stand-in machine is as before');
    t.same([...proxiesOf('nslab:proxy-loopback').keys()], [], 'no proxy left');

    blocker.kill('SIGTERM');
    await blocker.catch(() => {});
    const up = await run(['up', loopbackLab, '-q']);
    t.equal(up.exitCode, 0, 'with the port free: every check as expected, without route_localnet', up);
    const localnet = await m.inside(['sysctl', '-n', 'net.ipv4.conf.all.route_localnet']);
    t.equal(String(localnet.stdout).trim(), '0');
    t.equal((await run(['down', loopbackLab])).exitCode, 0);
    t.same([...proxiesOf('nslab:proxy-loopback').keys()], [], 'down stopped the proxy');
    t.same(await m.snapshot(), before, 'and the machine is as before');
  },
);

t.test('rollback and Ctrl-C stop the proxies that had started', { skip: needsRoot }, async (t) => {
  // The last command of the plan (c1's udp server) fails: both proxies were started before it.
  const plan = JSON.parse(
    (await nslab(['plan', 'port-publish', '--sandbox-name', 'sb', '--json'])).stdout,
  ) as {
    steps: { kind: string; commands: unknown[] }[];
  };
  const total = plan.steps.reduce((n, s) => n + s.commands.length, 0);
  t.equal(plan.steps.at(-1)!.kind, 'server', 'the proxies come before the servers');
  const sb = sandboxName('pxrb');
  t.teardown(() => nslab(['down', 'port-publish', '--sandbox-name', sb]));
  const failed = await nslab(['up', 'port-publish', '--sandbox-name', sb, '--no-check'], {
    NSLAB_FAIL_AT: String(total),
  });
  t.equal(failed.exitCode, 3, 'the injected failure', failed);
  t.same([...proxiesOf(`nslab:port-publish@${sb}`).keys()], [], 'rollback stopped both proxies');
  t.same(await namespacesOf(sb), []);

  // Ctrl-C as the checks start: the lab is removed, proxies too.
  const sb2 = sandboxName('pxint');
  t.teardown(() => nslab(['down', 'port-publish', '--sandbox-name', sb2]));
  const child = execa('node', [cli, 'up', 'port-publish', '--sandbox-name', sb2], {
    reject: false,
    detached: true,
    env: { NO_COLOR: '1' },
  });
  await new Promise<void>((resolve) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/built in \d+ ms/.test(seen)) resolve();
    });
  });
  t.equal(proxiesOf(`nslab:port-publish@${sb2}`).size, 2, 'both proxies run once it is built');
  process.kill(-child.pid!, 'SIGINT');
  t.equal((await child).exitCode, 130, 'exit 128+SIGINT');
  t.same([...proxiesOf(`nslab:port-publish@${sb2}`).keys()], [], 'Ctrl-C stopped both proxies');
  t.same(await namespacesOf(sb2), []);
});
