// Docker's embedded DNS, rebuilt: the compiled plan of user-bridge-dns (files, rules, resolver
// argv), network aliases in the lab file, the fault of its exercise, and the resolver's answers.
import t from 'tap';
import dnsPacket from 'dns-packet';
import { problems } from '../helpers/lab.js';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { plant } from '../../src/plan/faults.js';
import { argvOf, commandLine, inputOf, type Command } from '../../src/plan/command.js';
import { getentAddresses, mechanism } from '../../src/check/resolve.js';
import { diagnose } from '../../src/inspect/diagnose.js';
import type { ContainerState, ObservedNetwork } from '../../src/inspect/observe.js';
import { answerer, lookup, parseZones } from '../../src/serve/dns-answers.js';

const lab = loadLab('user-bridge-dns');
const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
const commands = plan.steps.flatMap((s) => s.commands);
const written = (path: string) => {
  const c = commands.find((x) => x.tool === 'file' && x.op === 'write' && x.path === path);
  return c ? inputOf(c) : undefined;
};
const typed = (c: Command) => commandLine(argvOf(c));

t.test('a container on a dns network gets the resolv.conf Docker writes', async (t) => {
  const conf = written('/etc/netns/sb-app/resolv.conf')!;
  t.same(
    conf.split('\n').filter((l) => l && !l.startsWith('#')),
    ['nameserver 127.0.0.11', 'options ndots:0'],
  );
  t.match(
    written('/etc/netns/sb-old1/resolv.conf'),
    /^nameserver 127\.0\.0\.1$/m,
    'the default bridge keeps its own',
  );
});

t.test('/etc/hosts on a user network holds the container itself, not the others', async (t) => {
  const hosts = written('/etc/netns/sb-app/hosts')!;
  t.match(hosts, /^172\.23\.0\.2\tapp$/m);
  t.notMatch(hosts, /\bdb\b/, 'db comes from the DNS server');
  t.match(
    hosts,
    /^# nslab:user-bridge-dns@sb:/,
    'the mark stays on the first line (teardown finds the dir by it)',
  );
});

t.test("app's namespace gets Docker's chains and rules, tcp before udp", async (t) => {
  const step = plan.steps.find((s) => s.kind === 'dns' && s.title.startsWith('container app:'))!;
  t.ok(step, 'a dns step for app');
  const [resolver, ...rules] = step.commands;
  t.equal(resolver!.tool, 'server');
  const ports = /127\.0\.0\.11:(\d+)\/udp 127\.0\.0\.11:(\d+)\/tcp/.exec(typed(resolver!))!;
  const [udp, tcp] = [Number(ports[1]), Number(ports[2])];
  t.ok(udp >= 32768 && udp <= 60999 && tcp >= 32768 && tcp <= 60999, 'ports in the ephemeral range');
  t.equal(
    typed(resolver!).replace(/^.*resolver\.js /, ''),
    `127.0.0.11:${udp}/udp 127.0.0.11:${tcp}/tcp appnet app=172.23.0.2 db=172.23.0.3 ` +
      'database=172.23.0.3,172.23.0.4 db2=172.23.0.4 nslab:user-bridge-dns@sb',
    'the resolver: its ports, the names of appnet, the mark last',
  );
  t.same(rules.map(typed), [
    'ip netns exec sb-app iptables -t nat -N DOCKER_OUTPUT',
    'ip netns exec sb-app iptables -t nat -N DOCKER_POSTROUTING',
    'ip netns exec sb-app iptables -t nat -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT',
    'ip netns exec sb-app iptables -t nat -A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING',
    `ip netns exec sb-app iptables -t nat -A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:${tcp}`,
    `ip netns exec sb-app iptables -t nat -A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:${udp}`,
    `ip netns exec sb-app iptables -t nat -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport ${tcp} -j SNAT --to-source :53`,
    `ip netns exec sb-app iptables -t nat -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport ${udp} -j SNAT --to-source :53`,
  ]);
  t.ok(
    step.commands.every((c) => !c.undo),
    "nothing to undo: the container's namespace is nslab's and goes on down",
  );
  t.same(
    plan.steps.filter((s) => s.kind === 'dns').map((s) => s.title.split(':')[0]),
    ['container app', 'container db', 'container db2'],
    'only the containers on the dns network',
  );
  const lastEndpoint = plan.steps.map((s) => s.kind).lastIndexOf('endpoint');
  t.ok(plan.steps.findIndex((s) => s.kind === 'dns') > lastEndpoint, 'after the endpoints');
  const again = compile(loadLab('user-bridge-dns'), { kind: 'sandbox', name: 'other' });
  t.equal(
    typed(again.steps.find((s) => s.kind === 'dns')!.commands[0]!)
      .match(/:\d+\//g)!
      .join(),
    typed(resolver!)
      .match(/:\d+\//g)!
      .join(),
    'the same ports every time, whatever the sandbox',
  );
});

t.test('the exercise drops only the jump into DOCKER_OUTPUT in app', async (t) => {
  const broken = plant(plan, lab, lab.exercises[0]!);
  const before = commands.map(typed);
  const after = broken.steps.flatMap((s) => s.commands).map(typed);
  t.same(
    before.filter((l) => !after.includes(l)),
    ['ip netns exec sb-app iptables -t nat -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT'],
  );
  t.equal(after.length, before.length - 1);
});

const withAliases = (aliases: string, dns = 'true') =>
  `title: t\nnetworks:\n  n1:\n    subnet: 10.10.0.0/24\n    dns: ${dns}\n` +
  `containers:\n  a:\n    networks:\n      n1: { aliases: ${aliases} }\n` +
  `  b:\n    networks:\n      n1: { aliases: [web] }\n`;

t.test('aliases: names the DNS server answers, validated where they are written', async (t) => {
  const l = labFromText('lab.yaml', withAliases('[web, api]'));
  t.same(l.containers[0]!.endpoints[0]!.aliases, ['web', 'api']);
  const p = compile(l, { kind: 'sandbox', name: 'sb' });
  t.match(
    typed(p.steps.find((s) => s.kind === 'dns')!.commands[0]!),
    / n1 a=10\.10\.0\.2 web=10\.10\.0\.2,10\.10\.0\.3 api=10\.10\.0\.2 b=10\.10\.0\.3 /,
  );
  t.same(problems(withAliases('[Web]')).length, 1);
  t.match(
    problems(withAliases('[Web]'))[0],
    /^lab\.yaml:9:23: .*aliases\[0\]: "Web" is not valid/,
    'a bad name, at the name',
  );
  t.match(problems(withAliases('[web, web]')), [/^lab\.yaml:9:28: alias web is listed twice/]);
  t.match(problems(withAliases('[web]', 'false')), [
    /^lab\.yaml:9:22: aliases are names the embedded DNS server answers.*set dns: true on network n1/,
    /^lab\.yaml:12:22: aliases are names/,
  ]);
});

t.test('a resolve check tells which mechanism answered', async (t) => {
  t.same(getentAddresses('172.23.0.4      database\n172.23.0.3      database\n'), [
    '172.23.0.4',
    '172.23.0.3',
  ]);
  const conf = '# nslab\nnameserver 127.0.0.11\noptions ndots:0\n';
  t.equal(mechanism('db', '127.0.0.1\tlocalhost\n172.23.0.2\tapp\n', conf), 'DNS 127.0.0.11');
  t.equal(mechanism('DB', '127.0.0.1\tlocalhost\n172.21.0.2\tdatabase db\n', conf), '/etc/hosts');
  t.equal(mechanism('db', '# 172.21.0.2 db\n', conf), 'DNS 127.0.0.11', 'a comment lists nothing');
});

/** A decoded reply, as dns-packet gives it (its types know no rcode or flag_* fields). */
interface Reply {
  id: number;
  rcode: string;
  flag_ra: boolean;
  flag_rd: boolean;
  flag_aa: boolean;
  answers: { name: string; type: string; ttl: number; data: string }[];
}

t.test("the resolver answers as Docker's embedded DNS server", async (t) => {
  const zones = parseZones([
    'front',
    'web=10.0.0.2,10.0.0.3',
    'app=10.0.0.4',
    'back',
    'db=10.1.0.2',
    'app=10.1.0.4',
  ]);
  t.same(lookup(zones, 'APP.'), ['10.0.0.4'], 'case-insensitive; the first network that has it');
  t.same(lookup(zones, 'app.back'), ['10.1.0.4'], 'NAME.NETWORK asks that network');
  t.equal(lookup(zones, 'nosuch'), null);
  t.throws(() => parseZones(['a=1.2.3.4']), /before any network/);

  const answer = answerer(zones);
  const ask = (name: string, type: 'A' | 'AAAA' | 'MX' = 'A', flags = dnsPacket.RECURSION_DESIRED) => {
    // through the wire format both ways, as the sockets carry it
    const query = dnsPacket.decode(
      dnsPacket.encode({ type: 'query', id: 7, flags, questions: [{ type, name, class: 'IN' }] }),
    );
    const reply = answer(query);
    return reply && (dnsPacket.decode(dnsPacket.encode(reply)) as unknown as Reply);
  };
  const web = [ask('web')!, ask('web')!, ask('web')!];
  t.same(
    web.map((r) => r.answers!.map((a) => a.data)),
    [
      ['10.0.0.2', '10.0.0.3'],
      ['10.0.0.3', '10.0.0.2'],
      ['10.0.0.2', '10.0.0.3'],
    ],
    'a shared alias: every address, in a new order each query',
  );
  const r = web[0]!;
  t.equal(r.id, 7);
  t.equal(r.rcode, 'NOERROR');
  t.same(
    r.answers!.map((a) => [a.name, a.type, a.ttl]),
    [
      ['web', 'A', 600],
      ['web', 'A', 600],
    ],
  );
  t.equal(r.flag_ra, true, 'recursion available, as Docker sets');
  t.equal(r.flag_rd, true, 'RD copied from the query');
  t.equal(r.flag_aa, false, 'not authoritative, as Docker');
  const aaaa = ask('app', 'AAAA')!;
  t.equal(aaaa.rcode, 'NOERROR', 'AAAA of a known name: NOERROR …');
  t.same(aaaa.answers, [], '… with no answers');
  t.same(ask('app', 'MX')!.answers, [], 'MX of a known name too');
  t.equal(ask('nosuch')!.rcode, 'NXDOMAIN', 'a name without a dot it does not know');
  t.equal(ask('nosuch', 'AAAA')!.rcode, 'NXDOMAIN');
  t.equal(ask('example.com')!.rcode, 'SERVFAIL', 'a name Docker would forward: nothing leaves the lab');
  t.equal(answer({ id: 1, type: 'query', flags: 0, questions: [] } as never), null, 'no question: no answer');

  const many = answerer(
    parseZones(['n', `web=${Array.from({ length: 60 }, (_, i) => `10.0.${i}.1`).join(',')}`]),
  );
  const query = dnsPacket.decode(
    dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'A', name: 'web', class: 'IN' }] }),
  );
  const udp = many(query, false)!;
  t.ok(dnsPacket.encode(udp).length <= 512, 'over udp it fits 512 bytes');
  t.ok(udp.flags! & dnsPacket.TRUNCATED_RESPONSE, 'and says it was truncated');
  t.equal(many(query, true)!.answers!.length, 60, 'over tcp every address');
});

t.test('the last hint names a missing piece of the way to the DNS server', async (t) => {
  const l = labFromText(
    'lab.yaml',
    'title: t\nnetworks:\n  n1: { subnet: 10.10.0.0/24, dns: true }\n' +
      'containers:\n  a:\n    networks:\n      n1: {}\n',
  );
  const nat = [
    'OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT',
    'POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING',
    'DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:40000',
    'DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:40001',
  ];
  const seen = (over: Partial<ContainerState>): ObservedNetwork => ({
    bridges: {},
    hostLinks: [],
    containers: {
      a: {
        sharesHost: false,
        lo: null,
        endpoints: [],
        routes: [],
        hosts: null,
        resolv: ['nameserver 127.0.0.11', 'options ndots:0'],
        nat,
        ...over,
      },
    },
    sysctls: { ipForward: '1', bridgeNfCallIptables: '0' },
    policies: {},
    rules: [],
  });
  const whats = (o: ObservedNetwork) =>
    diagnose(l, o, false)
      .filter((f) => f.layer === 'rules' || f.layer === 'names')
      .map((f) => f.what);
  t.same(whats(seen({})), [], 'all there: nothing to say');
  t.same(whats(seen({ nat: nat.slice(1) })), [
    'in a, nothing sends what goes to 127.0.0.11 through DOCKER_OUTPUT',
  ]);
  t.same(whats(seen({ nat: nat.filter((r) => !r.includes('-p udp')) })), [
    'in a, nothing DNATs udp port 53 of 127.0.0.11 to the DNS server',
  ]);
  t.same(whats(seen({ resolv: ['nameserver 127.0.0.1'] })), [
    "a's resolv.conf does not send lookups to 127.0.0.11",
  ]);
});
