// Planting an exercise's fault is a pure edit of the plan: exactly the commands it names change.
import t from 'tap';
import { labFromText, listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { plant } from '../../src/plan/faults.js';
import { argvOf, inputOf } from '../../src/plan/command.js';
import type { Plan } from '../../src/plan/types.js';

/** Each command as typed, with what it writes (a file's content) after it. */
const lines = (p: Plan) =>
  p.steps.flatMap((s) =>
    s.commands.map((c) => [argvOf(c).join(' '), inputOf(c)].filter((x) => x !== undefined).join('\n')),
  );
/** What the fault took out and put in, as command lines. */
function change(clean: Plan, broken: Plan) {
  const [a, b] = [lines(clean), lines(broken)];
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

for (const { name } of listLabs()) {
  t.test(`${name}: every exercise plants its fault in the plan`, async (t) => {
    const lab = loadLab(name);
    const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
    for (const ex of lab.exercises) {
      const d = change(clean, plant(clean, lab, ex));
      t.ok(d.removed.length + d.added.length > 0, `${ex.title}: the plan changed`);
    }
  });
}

t.test(
  'bridge-basic: unplugged c2 leaves out exactly `master br0` of ve-c2; forward-drop adds the policy',
  async (t) => {
    const lab = loadLab('bridge-basic');
    const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
    t.same(change(clean, plant(clean, lab, lab.exercises[0]!)), {
      removed: ['ip -n sb-host link set dev ve-c2 master br0'],
      added: [],
    });
    t.same(change(clean, plant(clean, lab, lab.exercises[1]!)), {
      removed: [],
      added: ['ip netns exec sb-host iptables -P FORWARD DROP'],
    });
  },
);

t.test('a wrong prefix takes the default route along when the gateway falls outside it', async (t) => {
  const text = `title: t\nnetworks:\n  br0: { subnet: 172.30.0.0/16 }\ncontainers:\n  c1:\n    networks:\n      br0: { address: 172.30.0.2 }\nexercises:\n  - title: narrow\n    break: [{ prefix: { container: c1, prefix: PREFIX } }]\n    task: t\n    hints: [h]\n`;
  for (const [prefix, routeStays] of [
    [32, false],
    [24, true],
  ] as const) {
    const lab = labFromText('/tmp/prefix-lab.yaml', text.replace('PREFIX', String(prefix)));
    const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
    const d = change(clean, plant(clean, lab, lab.exercises[0]!));
    t.same(d.added, [`ip -n sb-c1 addr add 172.30.0.2/${prefix} dev eth0`]);
    t.same(d.removed, [
      'ip -n sb-c1 addr add 172.30.0.2/16 dev eth0',
      ...(routeStays ? [] : ['ip -n sb-c1 route add default via 172.30.0.1']),
    ]);
  }
});

t.test('the hosts-missing fault drops one name from the written /etc/hosts', async (t) => {
  const lab = loadLab('link');
  const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
  const file = (p: Plan) =>
    inputOf(
      p.steps
        .flatMap((s) => s.commands)
        .find((c) => c.tool === 'file' && c.path === '/etc/netns/sb-web/hosts')!,
    )!;
  t.match(file(clean), /172\.21\.0\.2\tdatabase db/);
  t.match(file(plant(clean, lab, lab.exercises[0]!)), /172\.21\.0\.2\tdb\n/);
});

t.test('the new fault kinds change exactly the command they name', async (t) => {
  const planted = (name: string, title: RegExp) => {
    const lab = loadLab(name);
    const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
    const ex = lab.exercises.find((x) => title.test(x.title))!;
    return change(clean, plant(clean, lab, ex));
  };
  t.same(planted('bridge-nat', /private addresses/), {
    removed: ['ip netns exec sb-host iptables -t nat -I POSTROUTING -s 172.31.0.0/16 ! -o br0 -j MASQUERADE'],
    added: ['ip netns exec sb-host iptables -t nat -I POSTROUTING -s 172.31.0.0/16 -o br0 -j MASQUERADE'],
  });
  t.same(planted('bridge-nat', /nothing beyond/), {
    removed: ['ip -n sb-c1 route add default via 172.31.0.1'],
    added: ['ip -n sb-c1 route add default via 172.31.255.254'],
  });
  t.same(planted('port-publish', /refused/), {
    removed: [
      'ip netns exec sb-host iptables -t nat -A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.28.0.2:80',
    ],
    added: [
      'ip netns exec sb-host iptables -t nat -A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.28.0.2:81',
    ],
  });
  t.same(planted('bridge-isolation', /do nothing/), {
    removed: ['ip netns exec sb-host iptables -t filter -I FORWARD -j DOCKER-ISOLATION-STAGE-1'],
    added: [],
  });
  t.same(planted('overlay', /big ones vanish/), {
    removed: ['ip -n sb-b link set dev eth0 mtu 1450'],
    added: ['ip -n sb-b link set dev eth0 mtu 1400'],
  });
  t.same(planted('port-publish-no-proxy', /127\.0\.0\.1:8080 hangs/), {
    removed: ['ip netns exec sb-host sysctl -qw net.ipv4.conf.br0.route_localnet=1'],
    added: [],
  });
  t.same(planted('overlay', /cannot find each other/), {
    removed: [
      'bridge -n sb-h1 fdb append 00:00:00:00:00:00 dev vx-ov0 dst 198.51.100.3',
      'bridge -n sb-h2 fdb append 00:00:00:00:00:00 dev vx-ov0 dst 198.51.100.2',
    ],
    added: [],
  });
  t.same(planted('container-mode', /neither web nor the sidecar/), {
    removed: ['ip -n sb-web link set dev eth0 up', 'ip -n sb-web route add default via 172.25.0.1'],
    added: [],
  });
  const vip = planted('service-vip', /only web2/);
  t.equal(vip.added.length, 0);
  t.equal(vip.removed.length, 2, 'the DNAT to web1 in PREROUTING and in OUTPUT');
  t.ok(vip.removed.every((l) => l.includes('--to-destination 172.19.0.11:80')));
});

t.test(
  'a planted rule is undone as planted: down deletes the wrong rule, not the intended one',
  async (t) => {
    const lab = loadLab('bridge-nat');
    const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
    const broken = plant(
      clean,
      lab,
      lab.exercises.find((x) => /private addresses/.test(x.title))!,
    );
    const masq = broken.steps.flatMap((s) => s.commands).find((c) => c.tags?.includes('masquerade:br0'))!;
    t.ok(masq.undo);
    t.same(argvOf(masq.undo!).slice(-6), ['-s', '172.31.0.0/16', '-o', 'br0', '-j', 'MASQUERADE']);
  },
);

t.test('what a fault puts in the plan carries its name, so a trace can tell it from a step', async (t) => {
  const lab = loadLab('bridge-basic');
  const clean = compile(lab, { kind: 'sandbox', name: 'sb' });
  const named = (p: Plan) =>
    p.steps.flatMap((s) =>
      s.commands.filter((c) => c.tags?.some((x) => x.startsWith('fault:'))).map((c) => argvOf(c).join(' ')),
    );
  t.same(named(clean), [], 'none in the clean plan');
  t.same(named(plant(clean, lab, lab.exercises[1]!)), ['ip netns exec sb-host iptables -P FORWARD DROP']);
  const prefix = plant(clean, lab, lab.exercises[2]!);
  t.same(named(prefix), ['ip -n sb-c1 addr add 172.30.0.2/32 dev eth0'], 'a replaced command too');
});
