// Judging a repair from two snapshots (pure): what Docker would do otherwise, named where it was done.
import t from 'tap';
import { judge, type JudgeContext } from '../../src/inspect/judge.js';
import { parseSave, type NsState, type Snapshot } from '../../src/inspect/snapshot.js';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { faultNamespaces, guardsOf } from '../../src/plan/faults.js';
import { problems } from '../helpers/lab.js';

const ns = (over: Partial<NsState> = {}): NsState => ({
  links: { lo: 'up, no master', eth0: 'up, no master' },
  addresses: ['eth0 172.30.0.2/16'],
  routes: ['default via 172.30.0.1 dev eth0'],
  rules: { filter: [], nat: [] },
  policies: { 'filter FORWARD': 'ACCEPT', 'filter INPUT': 'ACCEPT', 'nat OUTPUT': 'ACCEPT' },
  sysctls: { 'net.ipv4.ip_forward': '1', 'net.bridge.bridge-nf-call-iptables': '1' },
  ...over,
});
const host = (over: Partial<NsState> = {}) =>
  ns({
    policies: { 'filter FORWARD': 'DROP', 'filter INPUT': 'ACCEPT', 'nat OUTPUT': 'ACCEPT' },
    rules: {
      filter: ['-A FORWARD -o br0 -j DOCKER'],
      nat: [
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.30.0.0/16 ! -o br0 -j MASQUERADE',
      ],
    },
    ...over,
  });
const before = (): Snapshot => ({
  namespaces: { 'sb-host': host(), 'sb-c1': ns() },
  machine: { policies: { 'filter FORWARD': 'DROP' }, sysctls: { 'net.ipv4.ip_forward': '1' } },
  passing: ['c1 → br0 (172.30.0.1)'],
});
const ctx = (over: Partial<JudgeContext> = {}): JudgeContext => ({
  guards: [{ kind: 'policy', host: 'host', table: 'filter', chain: 'FORWARD', is: 'DROP' }],
  hostNs: { host: 'sb-host' },
  faultNs: ['sb-host'],
  label: (n) => (n === 'sb-host' ? `the Docker host's namespace (${n})` : `c1's namespace (${n})`),
  bridges: { 'sb-host': ['br0'] },
  proxy: true,
  failing: [],
  ...over,
});
/** The snapshot after a change to one namespace. */
const after = (name: string, change: (s: NsState) => NsState, machine?: Snapshot['machine']): Snapshot => {
  const b = before();
  return {
    ...b,
    namespaces: { ...b.namespaces, [name]: change(b.namespaces[name]!) },
    ...(machine ? { machine } : {}),
  };
};
const whats = (s: Snapshot, c = ctx()) => judge(before(), s, c).map((f) => `${f.what} | ${f.docker}`);

t.test('Docker’s repair, a rule for br0 alone, leaves nothing to say', async (t) => {
  const s = after('sb-host', (h) => ({
    ...h,
    rules: { ...h.rules, filter: ['-A FORWARD -i br0 -o br0 -j ACCEPT', ...h.rules.filter!] },
  }));
  t.same(judge(before(), s, ctx()), []);
  t.same(judge(before(), before(), ctx()), [], 'nothing changed: nothing to say');
});

t.test('FORWARD ACCEPT breaks the guard once, and names Docker’s rule', async (t) => {
  const w = whats(
    after('sb-host', (h) => ({ ...h, policies: { ...h.policies, 'filter FORWARD': 'ACCEPT' } })),
  );
  t.equal(w.length, 1, w.join('\n'));
  t.match(
    w[0],
    /the policy of filter FORWARD in the Docker host's namespace \(sb-host\) is ACCEPT, where it must stay DROP/,
  );
  t.match(w[0], /-A FORWARD -i br0 -o br0 -j ACCEPT/);
});

t.test('bridge netfilter switched off is named, with or without a guard for it', async (t) => {
  const off = after('sb-host', (h) => ({
    ...h,
    sysctls: { ...h.sysctls, 'net.bridge.bridge-nf-call-iptables': '0' },
  }));
  t.match(whats(off).join('\n'), /switched bridge netfilter off in the Docker host's namespace/);
  const guarded = ctx({
    guards: [{ kind: 'sysctl', host: 'host', name: 'net.bridge.bridge-nf-call-iptables', is: '1' }],
  });
  const w = whats(off, guarded);
  t.equal(w.length, 1, 'the guard speaks, the general rule does not repeat it');
  t.match(w[0], /bridge-nf-call-iptables is 0 .* must stay 1/);
});

t.test('a change on the machine itself names the Docker host of the lab', async (t) => {
  const b = before();
  const s = { ...b, machine: { ...b.machine, policies: { 'filter FORWARD': 'ACCEPT' } } };
  const w = whats(s);
  t.equal(w.length, 1);
  t.match(
    w[0],
    /you set the policy of filter FORWARD to ACCEPT \(it was DROP\) on this machine itself; the Docker host here is sb-host/,
  );
});

t.test('changes in a namespace the fault is not in are named, with where the fault is', async (t) => {
  const w = whats(
    after('sb-c1', (c) => ({
      ...c,
      sysctls: { ...c.sysctls, 'net.ipv4.ip_forward': '0' },
      rules: { ...c.rules, nat: ['-A POSTROUTING -j MASQUERADE'] },
      routes: [...c.routes, '198.51.100.0/24 dev eth0 scope link'],
    })),
  ).join('\n');
  t.match(
    w,
    /you set net\.ipv4\.ip_forward=0 in c1's namespace \(sb-c1\) \(it was 1\) \| the fault is in the Docker host's namespace \(sb-host\): repair it there/,
  );
  t.match(w, /you added to the nat table in c1's namespace \(sb-c1\): -A POSTROUTING -j MASQUERADE/);
  t.match(w, /you changed c1's namespace \(sb-c1\): route 198\.51\.100\.0\/24 dev eth0 scope link added/);
});

t.test(
  'an OUTPUT DNAT without ! -d 127.0.0.0/8 is too broad with docker-proxy, Docker’s own without it',
  async (t) => {
    const dnat =
      '-A OUTPUT -p tcp -m addrtype --dst-type LOCAL -m tcp --dport 8080 -j DNAT --to-destination 172.28.0.2:80';
    const s = after('sb-host', (h) => ({ ...h, rules: { ...h.rules, nat: [...h.rules.nat!, dnat] } }));
    t.match(
      whats(s).join('\n'),
      /also catches what the host sends to 127\.0\.0\.1.*! -d 127\.0\.0\.0\/8 -m addrtype --dst-type LOCAL -j DOCKER/,
    );
    t.same(
      whats(s, ctx({ proxy: false })),
      [],
      'userland-proxy: false: Docker’s OUTPUT jump has no such exception',
    );
    const docker = '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER';
    const own = after('sb-host', (h) => ({ ...h, rules: { ...h.rules, nat: [...h.rules.nat!, docker] } }));
    t.same(whats(own), []);
  },
);

t.test('rules gone, a rule added twice, a MASQUERADE for everything', async (t) => {
  const flushed = whats(after('sb-host', (h) => ({ ...h, rules: { ...h.rules, nat: [] } })));
  t.match(
    flushed.join('\n'),
    /2 rules of the nat table in the Docker host's namespace \(sb-host\) are gone: -A PREROUTING/,
  );
  const twice = whats(
    after('sb-c1', (c) => ({ ...c, rules: { ...c.rules, nat: ['-A OUTPUT -j X', '-A OUTPUT -j X'] } })),
  );
  t.match(twice.join('\n'), /-A OUTPUT -j X; -A OUTPUT -j X/);
  const all = whats(
    after('sb-host', (h) => ({
      ...h,
      rules: { ...h.rules, nat: [...h.rules.nat!, '-A POSTROUTING -j MASQUERADE'] },
    })),
  );
  t.match(all.join('\n'), /masquerades every packet .* -s SUBNET ! -o br0 -j MASQUERADE/);
});

t.test('a check that passed when the exercise was built and fails now is named', async (t) => {
  const w = whats(before(), ctx({ failing: ['c1 → br0 (172.30.0.1)', 'c1 → c2'] }));
  t.same(w.length, 1);
  t.match(w[0], /this check came out as expected when the exercise was built, and no longer does: c1 → br0/);
});

t.test('iptables-save: rules and the built-in chains’ policies', async (t) => {
  const text = '*nat\n:PREROUTING ACCEPT [0:0]\n:DOCKER - [0:0]\n-A DOCKER -i br0 -j RETURN\nCOMMIT\n';
  t.same(parseSave('nat', text), {
    rules: { nat: ['-A DOCKER -i br0 -j RETURN'] },
    policies: { 'nat PREROUTING': 'ACCEPT' },
  });
});

t.test('bridge-basic: where each fault is, and forward-drop’s guards', async (t) => {
  const lab = loadLab('bridge-basic');
  const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
  t.same(faultNamespaces(plan, lab, lab.exercises[0]!).sort(), ['sb-c2', 'sb-host']);
  t.same(faultNamespaces(plan, lab, lab.exercises[1]!), ['sb-host']);
  t.same(guardsOf(lab.exercises[1]!), [
    { kind: 'policy', host: 'host', table: 'filter', chain: 'FORWARD', is: 'DROP' },
    { kind: 'sysctl', host: 'host', name: 'net.bridge.bridge-nf-call-iptables', is: '1' },
  ]);
});

const exerciseLab = (guards: string) =>
  'title: guarded\nnetworks:\n  br0:\n    subnet: 172.30.0.0/16\n    nat: true\ncontainers:\n  c1:\n' +
  '    networks:\n      br0: { address: 172.30.0.2 }\nexercises:\n  - title: t\n    break:\n' +
  `      - no-masquerade: br0\n    task: x\n    hints: [y]\n    guards:\n${guards}`;

t.test('guards in the lab file: resolved with defaults, checked with file:line:col', async (t) => {
  const ok = labFromText(
    'lab.yaml',
    exerciseLab(
      '      - policy: { chain: FORWARD, is: DROP }\n      - sysctl: { name: net.ipv4.ip_forward, is: "1" }\n',
    ),
  );
  t.same(ok.exercises[0]!.guards, [
    { kind: 'policy', table: 'filter', chain: 'FORWARD', is: 'DROP', host: 'host' },
    { kind: 'sysctl', name: 'net.ipv4.ip_forward', is: '1', host: 'host' },
  ]);
  const unknownHost = problems(exerciseLab('      - policy: { chain: FORWARD, is: DROP, host: h9 }\n'));
  t.equal(unknownHost.length, 1, unknownHost.join(' | '));
  t.match(unknownHost[0], /lab\.yaml:17:\d+: .*no Docker host "h9" in this lab/);
  const badSysctl = problems(exerciseLab('      - sysctl: { name: net.ipv4.tcp_syncookies, is: "1" }\n'));
  t.ok(badSysctl.length >= 1);
  t.match(badSysctl.join('\n'), /lab\.yaml:17:\d+: /);
});
