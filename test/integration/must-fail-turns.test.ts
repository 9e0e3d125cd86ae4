// A must-fail check proves something only if it would notice the path being open. For every
// lab of the catalogue this kernel can build: up in a sandbox, then, one must-fail check at a
// time, open the path it proves closed (the openers below, keyed by lab and check name), verify,
// and see exactly that check turn (not ok, reached); close it again, and at the end every check
// passes as before. A must-fail check of the catalogue without an opener fails the test, so a
// new lab cannot skip this. Last, a late answer: an echo reply that comes after a must-fail
// check's window, while the run still goes on, counts against the check.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { runChecks } from '../../src/check/run.js';
import { WINDOW_FLOOR_MS } from '../../src/check/window.js';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import type { PlannedCheck } from '../../src/plan/types.js';
import { missingKinds } from '../../src/run/features.js';
import { listServers } from '../../src/run/inventory.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

/** Undoes what an opener did. */
type Close = () => Promise<unknown>;
interface Opener {
  what: string;
  open: (sb: string) => Promise<Close>;
}

const ip = (ns: string, ...args: string[]) => execa('ip', ['-n', ns, ...args]);
const inNs = (ns: string, ...argv: string[]) => execa('ip', ['netns', 'exec', ns, ...argv]);

/** Runs commands; closing runs their undo, newest first. */
const steps =
  (make: (sb: string) => { run: string[][]; undo: string[][] }): Opener['open'] =>
  async (sb) => {
    const { run, undo } = make(sb);
    for (const argv of run) await execa(argv[0]!, argv.slice(1));
    return async () => {
      for (const argv of [...undo].reverse()) await execa(argv[0]!, argv.slice(1), { reject: false });
    };
  };

const OPENER_RULE = ['-m', 'comment', '--comment', 'must-fail-turns', '-j', 'ACCEPT'];
/** FORWARD accepts everything, ahead of Docker's chains (isolation, DROP policy). */
const forwardAll = (host: string) => ({
  run: [['ip', 'netns', 'exec', host, 'iptables', '-I', 'FORWARD', '1', ...OPENER_RULE]],
  undo: [['ip', 'netns', 'exec', host, 'iptables', '-D', 'FORWARD', ...OPENER_RULE]],
});

/** A server of the test's in a namespace, until closed. */
async function listener(ns: string, kind: 'http' | 'tcp', port: number): Promise<Close> {
  const serve =
    kind === 'http'
      ? `require('http').createServer((q, r) => r.end('opened by the test\\n'))`
      : `require('net').createServer((s) => s.end())`;
  const child = execa(
    'ip',
    ['netns', 'exec', ns, 'node', '-e', `${serve}.listen(${port}, () => console.log('up'))`],
    {
      reject: false,
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    void child.then((r) =>
      reject(new Error(`the test's ${kind} server on ${ns}:${port} exited: ${r.stderr}`)),
    );
  });
  return async () => {
    child.kill('SIGTERM');
    await child;
  };
}

/** Exited: gone, or a zombie not reaped yet (its sockets are closed all the same). */
function exited(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Stops the server a container runs (found by its mark, as teardown finds it); closing starts it again. */
async function pauseServer(owner: string, sb: string): Promise<Close> {
  const [server, ...more] = listServers().filter(
    (s) => s.owner.place.kind === 'sandbox' && s.owner.place.name === sb && s.what.includes(` ${owner} `),
  );
  if (!server || more.length > 0) throw new Error(`not one server of ${owner} in ${sb}`);
  const argv = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const ns = String((await execa('ip', ['netns', 'identify', String(server.pid)])).stdout).trim();
  process.kill(server.pid);
  for (let waited = 0; !exited(server.pid); waited += 20) {
    if (waited >= 5_000) throw new Error(`${owner}'s server runs 5 s after SIGTERM`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return async () => {
    // As up starts it: its own process group, left running (down stops it by its mark).
    const again = ns ? ['ip', 'netns', 'exec', ns, ...argv] : argv;
    const child = spawn(again[0]!, again.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    child.unref();
  };
}

/** One more line in a container's /etc/hosts; closing puts the file back. */
const hostsLine =
  (container: string, line: string): Opener['open'] =>
  async (sb) => {
    const file = `/etc/netns/${sb}-${container}/hosts`;
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, `${before.trimEnd()}\n${line}\n`);
    return async () => writeFileSync(file, before);
  };

/** The host's macvlan (or ipvlan) shim on eth0, as the macvlan-shim lab builds it, routed to a child. */
const shim = (type: 'macvlan' | 'ipvlan', child: string) =>
  steps((sb) => ({
    run: [
      [
        'ip',
        '-n',
        `${sb}-host`,
        'link',
        'add',
        'shim0',
        'link',
        'eth0',
        'type',
        type,
        'mode',
        type === 'macvlan' ? 'bridge' : 'l2',
      ],
      ['ip', '-n', `${sb}-host`, 'addr', 'add', '198.51.100.31/32', 'dev', 'shim0'],
      ['ip', '-n', `${sb}-host`, 'link', 'set', 'shim0', 'up'],
      ['ip', '-n', `${sb}-host`, 'route', 'add', `${child}/32`, 'dev', 'shim0'],
    ],
    undo: [['ip', '-n', `${sb}-host`, 'link', 'del', 'shim0']],
  }));

/** lonely gets a veth into br0, an address and a default route: network none no more. */
const plugLonely: Opener = {
  what: 'plug lonely into br0',
  open: steps((sb) => ({
    run: [
      [
        'ip',
        '-n',
        `${sb}-host`,
        'link',
        'add',
        've-open',
        // the highest MAC of br0's ports: br0 keeps its own (the lowest), which c2 has cached
        'address',
        'fe:ff:ff:ff:ff:fe',
        'type',
        'veth',
        'peer',
        'name',
        'eth9',
        'netns',
        `${sb}-lonely`,
      ],
      ['ip', '-n', `${sb}-host`, 'link', 'set', 've-open', 'master', 'br0', 'up'],
      ['ip', '-n', `${sb}-lonely`, 'addr', 'add', '172.26.0.99/16', 'dev', 'eth9'],
      ['ip', '-n', `${sb}-lonely`, 'link', 'set', 'eth9', 'up'],
      ['ip', '-n', `${sb}-lonely`, 'route', 'add', 'default', 'via', '172.26.0.1'],
    ],
    undo: [['ip', '-n', `${sb}-host`, 'link', 'del', 've-open']],
  })),
};

/**
 * Every link from a to b at MTU 1500: the containers, their host ends, both bridges, both VXLAN
 * devices, and under them the LAN (1600, for the 50 bytes VXLAN adds).
 */
const overlayMtu = steps((sb) => {
  const set = (links: [string, string][], mtu: string) =>
    links.map(([ns, dev]) => ['ip', '-n', `${sb}-${ns}`, 'link', 'set', dev, 'mtu', mtu]);
  // In the order they may grow (a VXLAN device never over its underlay, less its 50 bytes).
  const lan: [string, string][] = [
    ['outside', 've-h1'],
    ['outside', 've-h2'],
    ['outside', 'lan'],
    ['h1', 'eth0'],
    ['h2', 'eth0'],
  ];
  const overlay: [string, string][] = [
    ['h1', 'vx-ov0'],
    ['h2', 'vx-ov0'],
    ['h1', 've-a'],
    ['h1', 've-c'],
    ['h2', 've-b'],
    ['h1', 'ov0'],
    ['h2', 'ov0'],
    ['a', 'eth0'],
    ['b', 'eth0'],
  ];
  return {
    run: [...set(lan, '1600'), ...set(overlay, '1500')],
    // closed newest first: the overlay shrinks before its LAN does
    undo: [...set(lan, '1500'), ...set(overlay, '1450')],
  };
});

/** FORWARD open, for both checks of bridge-isolation: one opening, both must turn. */
const isolationOff: Opener = {
  what: 'accept everything first in FORWARD',
  open: steps((sb) => forwardAll(`${sb}-host`)),
};
const macvlanShim: Opener = { what: 'a macvlan shim on the host', open: shim('macvlan', '198.51.100.20') };
const ipvlanShim: Opener = { what: 'an ipvlan shim on the host', open: shim('ipvlan', '198.51.100.20') };

const openers: Record<string, Record<string, Opener>> = {
  'bridge-basic': {
    'c1 ↛ 172.30.0.99': {
      what: 'give c2 the address 172.30.0.99 as well',
      open: steps((sb) => ({
        run: [['ip', '-n', `${sb}-c2`, 'addr', 'add', '172.30.0.99/16', 'dev', 'eth0']],
        undo: [['ip', '-n', `${sb}-c2`, 'addr', 'del', '172.30.0.99/16', 'dev', 'eth0']],
      })),
    },
  },
  'bridge-isolation': {
    'web ↛ db (172.20.2.2)': isolationOff,
    'cache ↛ proxy (172.20.1.3)': isolationOff,
  },
  'bridge-nat': {
    'http c2 ↛ c1 (172.31.0.2:80)': {
      what: 'a web server on c1:80',
      open: (sb) => listener(`${sb}-c1`, 'http', 80),
    },
    'outside ↛ c1 (172.31.0.2)': {
      what: 'a route to 172.31.0.0/16 in the outside, and FORWARD open on the host',
      open: steps((sb) => {
        const forward = forwardAll(`${sb}-host`);
        const route = ['172.31.0.0/16', 'via', '198.51.100.2'];
        return {
          run: [...forward.run, ['ip', '-n', `${sb}-outside`, 'route', 'add', ...route]],
          undo: [...forward.undo, ['ip', '-n', `${sb}-outside`, 'route', 'del', ...route]],
        };
      }),
    },
  },
  'container-mode': {
    'sidecar can listen on port 80: must not': {
      what: 'stop web’s server',
      open: (sb) => pauseServer('web', sb),
    },
  },
  'host-mode': {
    'host can listen on port 80: must not': {
      what: 'stop the host-mode server',
      open: (sb) => pauseServer('web', sb),
    },
  },
  link: {
    'db resolves web: must not': { what: 'web in db’s /etc/hosts', open: hostsLine('db', '172.21.0.3\tweb') },
  },
  macvlan: {
    'm1 ↛ host (198.51.100.2)': macvlanShim,
    'host ↛ m1 (198.51.100.20)': macvlanShim,
  },
  // Not run on a kernel without ipvlan (skipped below, with the reason).
  ipvlan: {
    'i1 ↛ host (198.51.100.2)': ipvlanShim,
    'host ↛ i1 (198.51.100.20)': ipvlanShim,
  },
  'none-mode': {
    'lonely ↛ outside (203.0.113.10)': plugLonely,
    'lonely ↛ c2 (172.26.0.2)': plugLonely,
  },
  overlay: {
    'a ↛ b (10.0.9.3) with 1423 bytes, DF': { what: 'MTU 1500 on every link from a to b', open: overlayMtu },
  },
  'port-publish': {
    'tcp outside ↛ host (198.51.100.2:8081)': {
      what: 'a server on the host’s port 8081',
      open: (sb) => listener(`${sb}-host`, 'tcp', 8081),
    },
  },
  'port-publish-no-proxy': {
    'tcp outside ↛ host (198.51.100.2:8081)': {
      what: 'a server on the host’s port 8081',
      open: (sb) => listener(`${sb}-host`, 'tcp', 8081),
    },
  },
  'service-vip': {
    'client ↛ web (10.96.0.10)': {
      what: 'the VIP as an address of the host',
      open: steps((sb) => ({
        run: [['ip', '-n', `${sb}-host`, 'addr', 'add', '10.96.0.10/32', 'dev', 'lo']],
        undo: [['ip', '-n', `${sb}-host`, 'addr', 'del', '10.96.0.10/32', 'dev', 'lo']],
      })),
    },
  },
  'user-bridge-dns': {
    'old1 resolves old2: must not': {
      what: 'old2 in old1’s /etc/hosts',
      open: hostsLine('old1', '172.22.0.3\told2'),
    },
    'app resolves old1: must not': {
      what: 'old1 in app’s /etc/hosts',
      open: hostsLine('app', '172.22.0.2\told1'),
    },
  },
};

const mustFail = (name: string) =>
  compile(loadLab(name), { kind: 'sandbox', name: 'probe' })
    .checks.filter((c) => c.expect === 'fail')
    .map((c) => c.name);

t.test('every must-fail check of the catalogue has an opener, and every opener a check', async (t) => {
  for (const { name } of listLabs()) {
    const known = Object.keys(openers[name] ?? {});
    t.same(known.sort(), mustFail(name).sort(), `${name}: one opener per must-fail check`);
  }
  const labs = new Set(listLabs().map((l) => l.name));
  t.same(
    Object.keys(openers).filter((l) => !labs.has(l)),
    [],
    'no opener for a lab that is not in the catalogue',
  );
});

interface Verified {
  exitCode: number;
  checks: {
    name: string;
    ok: boolean;
    reached: boolean;
    interrupted?: string;
    proof?: string;
    detail: string | null;
  }[];
}
const verify = async (lab: string, sb: string): Promise<Verified> => {
  const r = await nslab(['verify', lab, '--sandbox-name', sb, '--json']);
  return { exitCode: r.exitCode, ...(JSON.parse(r.stdout) as { checks: Verified['checks'] }) };
};

for (const { name } of listLabs()) {
  const names = mustFail(name);
  if (names.length === 0) continue;
  const missing = needsRoot
    ? []
    : await missingKinds(compile(loadLab(name), { kind: 'sandbox', name: 'probe' }));
  const skip = needsRoot || (missing.length > 0 && `this kernel cannot create ${missing.join(', ')} links`);
  t.test(`${name}: each must-fail check turns when its path is opened`, { skip }, async (t) => {
    const sb = sandboxName(name.slice(0, 6));
    let close: Close | null = null;
    t.teardown(async () => {
      await close?.();
      await nslab(['down', name, '--sandbox-name', sb]);
    });
    const up = await nslab(['up', name, '--sandbox-name', sb, '--json']);
    t.equal(up.exitCode, 0, 'up passes every check', up);

    // One opening may open several paths (a shim, a plugged cable): those checks turn together.
    const byOpener = new Map<Opener, string[]>();
    for (const check of names) {
      const opener = openers[name]?.[check];
      if (opener) byOpener.set(opener, [...(byOpener.get(opener) ?? []), check]);
    }
    for (const [opener, checks] of byOpener) {
      close = await opener.open(sb);
      const after = await verify(name, sb);
      for (const check of checks) {
        const turned = after.checks.find((c) => c.name === check);
        t.match(turned, { ok: false, reached: true }, `${check}: after "${opener.what}" the path is open`);
        t.notOk(turned?.interrupted, `${check}: a verdict, not an interrupted probe`);
      }
      await close();
      close = null;
    }

    const again = await verify(name, sb);
    t.equal(again.exitCode, 0, 'every opener closed again: all checks pass as before');
    t.same(
      again.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.proof ?? c.detail}`),
      [],
      'no check left failing',
    );
    t.same(
      again.checks.filter((c) => !c.reached).map((c) => typeof c.proof),
      names.map(() => 'string'),
      'each must-fail check says how its failure was proved',
    );
    await nslab(['down', name, '--sandbox-name', sb]);
    t.same(await namespacesOf(sb), [], 'no namespace left');
  });
}

// A responder that answers echo requests itself, `delay` seconds late (the kernel's own answer
// is off: icmp_echo_ignore_all).
const LATE_RESPONDER = `
import socket, struct, sys, threading, time
delay = float(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
def checksum(b):
    if len(b) % 2: b += b'\\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    t = (t >> 16) + (t & 0xffff)
    return ~(t + (t >> 16)) & 0xffff
def answer(icmp, src):
    time.sleep(delay)
    reply = bytearray(icmp)
    reply[0] = 0
    reply[2:4] = b'\\0\\0'
    reply[2:4] = struct.pack('!H', checksum(bytes(reply)))
    s.sendto(bytes(reply), (src, 0))
print('up', flush=True)
while True:
    data, (src, _) = s.recvfrom(65535)
    icmp = data[(data[0] & 15) * 4:]
    if icmp[0] == 8:
        threading.Thread(target=answer, args=(icmp, src), daemon=True).start()
`;

t.test('a late answer counts: after the window, before the run ends', { skip: needsRoot }, async (t) => {
  const base = sandboxName('late');
  const [a, b] = [`${base}-a`, `${base}-b`];
  t.teardown(async () => {
    for (const ns of [a, b]) await execa('ip', ['netns', 'del', ns], { reject: false });
  });
  for (const ns of [a, b]) {
    await execa('ip', ['netns', 'add', ns]);
    await ip(ns, 'link', 'set', 'lo', 'up');
  }
  await ip(a, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', b);
  await ip(a, 'addr', 'add', '10.213.7.1/24', 'dev', 'eth0');
  await ip(b, 'addr', 'add', '10.213.7.2/24', 'dev', 'eth0');
  for (const ns of [a, b]) await ip(ns, 'link', 'set', 'eth0', 'up');
  await inNs(b, 'sysctl', '-qw', 'net.ipv4.icmp_echo_ignore_all=1');
  const responder = execa('ip', ['netns', 'exec', b, 'python3', '-c', LATE_RESPONDER, '0.4'], {
    reject: false,
  });
  t.teardown(async () => {
    responder.kill('SIGTERM');
    await responder;
  });
  await new Promise((resolve) => responder.stdout!.once('data', resolve));

  const ping = (name: string, from: string, address: string, expect: 'reach' | 'fail'): PlannedCheck => ({
    kind: 'ping',
    name,
    from,
    to: address,
    address,
    expect,
    netns: from,
  });
  const checks = [
    // answers at once (a's own address): the window is its floor
    ping('a → a', a, '10.213.7.1', 'reach'),
    // nobody has it: three tries, about 3 s, so the run goes on long after the window
    ping('a → nobody', a, '10.213.7.99', 'reach'),
    ping('a ↛ b', a, '10.213.7.2', 'fail'),
  ];
  const [, nobody, late] = await runChecks(checks);
  t.equal(nobody!.reached, false, 'the slow must-work check found nobody');
  t.match(
    late,
    {
      ok: false,
      reached: true,
      detail: new RegExp(`^answered after \\d+ ms, past its ${WINDOW_FLOOR_MS} ms window$`),
    },
    'the must-fail ping’s late answer turned it',
  );
  t.ok(late!.rttMs! >= 390, `its answer took about 400 ms (${late!.rttMs} ms)`);
  t.notOk(late!.interrupted);

  // With no must-work answer to go by, the window is the old second: 400 ms is within it.
  const [alone] = await runChecks([ping('a ↛ b', a, '10.213.7.2', 'fail')]);
  t.match(
    alone,
    { ok: false, reached: true, detail: /^answered after \d+ ms$/ },
    'the full second, as before',
  );
});
