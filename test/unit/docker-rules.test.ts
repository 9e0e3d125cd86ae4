// Docker 20.10's iptables, as a learner reads them with `iptables -S`: the plan's commands run in
// order (worked out without a kernel by test/helpers/iptables.ts) leave exactly the lines a real
// dockerd leaves for the same lab: test/fixtures/iptables holds what Docker 20.10.24 printed on
// this machine for port-publish. The no-proxy tables follow libnetwork's setup_ip_tables.go and
// iptables/iptables.go (hairpinMode); the integration test ports.test.ts runs both in a kernel.
import t from 'tap';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { argvOf, type Command } from '../../src/plan/command.js';
import { compile, teardownOf } from '../../src/plan/compile.js';
import type { Plan, Target } from '../../src/plan/types.js';
import { dockerPortPublish, rulesAfter } from '../helpers/iptables.js';
import { fixtureLab } from '../helpers/machine.js';

const sandbox: Target = { kind: 'sandbox', name: 'sb' };
const host = (forwardDrop: boolean): Target => ({ kind: 'host', facts: { forwardDrop, ipForward: '1' } });
const commandsOf = (plan: Plan): Command[] => plan.steps.flatMap((s) => s.commands);

t.test('port-publish in the sandbox: Docker 20.10.24’s iptables -S, line for line', async (t) => {
  const plan = compile(loadLab('port-publish'), sandbox);
  const commands = commandsOf(plan);
  t.same(
    [...rulesAfter(commands, 'sb-host', 'filter'), ...rulesAfter(commands, 'sb-host', 'nat')],
    dockerPortPublish(),
  );
});

t.test('userland-proxy false: no RETURN, no ! -i, loopback jumped to, LOCAL MASQUERADE', async (t) => {
  const plan = compile(loadLab('port-publish-no-proxy'), sandbox);
  const filter = rulesAfter(commandsOf(plan), 'sb-host', 'filter');
  // the filter table does not depend on the mode (port-publish also publishes 5353/udp)
  t.same(
    filter,
    rulesAfter(commandsOf(compile(loadLab('port-publish'), sandbox)), 'sb-host', 'filter').filter(
      (l) => !l.includes('-p udp'),
    ),
  );
  t.same(rulesAfter(commandsOf(plan), 'sb-host', 'nat'), [
    '-P PREROUTING ACCEPT',
    '-P INPUT ACCEPT',
    '-P OUTPUT ACCEPT',
    '-P POSTROUTING ACCEPT',
    '-N DOCKER',
    '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
    '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
    '-A POSTROUTING -o br0 -m addrtype --src-type LOCAL -j MASQUERADE',
    '-A POSTROUTING -s 172.28.0.0/16 ! -o br0 -j MASQUERADE',
    '-A POSTROUTING -s 172.28.0.2/32 -d 172.28.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
    '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.28.0.2:80',
  ]);
  const lines = commandsOf(plan).map((c) => argvOf(c).join(' '));
  t.ok(
    lines.includes('ip netns exec sb-host sysctl -qw net.ipv4.conf.br0.route_localnet=1'),
    'route_localnet',
  );
  t.same(
    lines.filter((l) => l.includes('hairpin')),
    ['bridge -n sb-host link set dev ve-c1 hairpin on', 'bridge -n sb-host link set dev ve-c2 hairpin on'],
    'every bridge port in hairpin mode',
  );
  t.notOk(
    commandsOf(compile(loadLab('port-publish'), sandbox)).some((c) => argvOf(c).includes('hairpin')),
    'with the proxy, no hairpin mode',
  );
});

t.test('two networks, one internal: the newest first, as Docker inserts them', async (t) => {
  const plan = compile(loadLab(fixtureLab('internal')), sandbox);
  // back (internal) first, front second: front's rules were inserted above back's
  t.same(rulesAfter(commandsOf(plan), 'sb-host', 'filter').slice(7), [
    '-A FORWARD -j DOCKER-USER',
    '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
    '-A FORWARD -o front -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    '-A FORWARD -o front -j DOCKER',
    '-A FORWARD -i front ! -o front -j ACCEPT',
    '-A FORWARD -i front -o front -j ACCEPT',
    '-A FORWARD -i back -o back -j ACCEPT',
    '-A DOCKER-ISOLATION-STAGE-1 -i front ! -o front -j DOCKER-ISOLATION-STAGE-2',
    '-A DOCKER-ISOLATION-STAGE-1 ! -s 172.31.1.0/24 -o back -j DROP',
    '-A DOCKER-ISOLATION-STAGE-1 ! -d 172.31.1.0/24 -i back -j DROP',
    '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
    '-A DOCKER-ISOLATION-STAGE-2 -o front -j DROP',
    '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
    '-A DOCKER-USER -j RETURN',
  ]);
  t.notMatch(
    rulesAfter(commandsOf(plan), 'sb-host', 'nat').join('\n'),
    /172\.31\.1\.0\/24/,
    'no NAT for back',
  );
});

t.test('bridge-isolation: both bridges in both stages, back (the newer) first', async (t) => {
  const plan = compile(loadLab('bridge-isolation'), sandbox);
  const filter = rulesAfter(commandsOf(plan), 'sb-host', 'filter');
  t.same(
    filter.filter((l) => l.includes('ISOLATION-STAGE-') && !l.startsWith('-N')),
    [
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A DOCKER-ISOLATION-STAGE-1 -i back ! -o back -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i front ! -o front -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
      '-A DOCKER-ISOLATION-STAGE-2 -o back -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o front -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
    ],
  );
  t.same(
    plan.steps.filter((s) => s.kind === 'isolation').map((s) => s.commands.map((c) => c.tags)),
    [
      [['isolation:front'], ['isolation:front']],
      [['isolation:back'], ['isolation:back']],
    ],
    'tagged for the no-isolation fault',
  );
});

const MARK = '-m comment --comment nslab:port-publish';
t.test('the host target: the same rules in nslab’s own chains, marked', async (t) => {
  const plan = compile(loadLab('port-publish'), host(true));
  const commands = commandsOf(plan);
  t.same(rulesAfter(commands, null, 'filter'), [
    '-P INPUT ACCEPT',
    '-P FORWARD ACCEPT',
    '-P OUTPUT ACCEPT',
    '-N NSLAB',
    '-N NSLAB-ISOLATION-STAGE-1',
    '-N NSLAB-ISOLATION-STAGE-2',
    '-N NSLAB-USER',
    `-A FORWARD ${MARK} -j NSLAB-USER`,
    `-A FORWARD ${MARK} -j NSLAB-ISOLATION-STAGE-1`,
    `-A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED ${MARK} -j ACCEPT`,
    `-A FORWARD -o br0 ${MARK} -j NSLAB`,
    `-A FORWARD -i br0 ! -o br0 ${MARK} -j ACCEPT`,
    `-A FORWARD -i br0 -o br0 ${MARK} -j ACCEPT`,
    `-A NSLAB -d 172.28.0.2/32 ! -i br0 -o br0 -p tcp -m tcp --dport 80 ${MARK} -j ACCEPT`,
    `-A NSLAB -d 172.28.0.2/32 ! -i br0 -o br0 -p udp -m udp --dport 53 ${MARK} -j ACCEPT`,
    `-A NSLAB-ISOLATION-STAGE-1 -i br0 ! -o br0 ${MARK} -j NSLAB-ISOLATION-STAGE-2`,
    `-A NSLAB-ISOLATION-STAGE-1 ${MARK} -j RETURN`,
    `-A NSLAB-ISOLATION-STAGE-2 -o br0 ${MARK} -j DROP`,
    `-A NSLAB-ISOLATION-STAGE-2 ${MARK} -j RETURN`,
    `-A NSLAB-USER ${MARK} -j RETURN`,
  ]);
  t.same(rulesAfter(commands, null, 'nat').slice(4), [
    '-N NSLAB',
    `-A PREROUTING -m addrtype --dst-type LOCAL ${MARK} -j NSLAB`,
    `-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL ${MARK} -j NSLAB`,
    `-A POSTROUTING -s 172.28.0.0/16 ! -o br0 ${MARK} -j MASQUERADE`,
    `-A POSTROUTING -s 172.28.0.2/32 -d 172.28.0.2/32 -p tcp -m tcp --dport 80 ${MARK} -j MASQUERADE`,
    `-A POSTROUTING -s 172.28.0.2/32 -d 172.28.0.2/32 -p udp -m udp --dport 53 ${MARK} -j MASQUERADE`,
    `-A NSLAB -i br0 ${MARK} -j RETURN`,
    `-A NSLAB ! -i br0 -p tcp -m tcp --dport 8080 ${MARK} -j DNAT --to-destination 172.28.0.2:80`,
    `-A NSLAB ! -i br0 -p udp -m udp --dport 5353 ${MARK} -j DNAT --to-destination 172.28.0.2:53`,
  ]);
  const words = commands.filter((c) => c.tool === 'iptables').map((c) => argvOf(c).join(' '));
  t.notOk(
    words.some((w) => /\bDOCKER\b|DOCKER-|-P FORWARD/.test(w)),
    'never a Docker chain, never the policy',
  );
  t.ok(
    commands.every((c) => c.tool !== 'iptables' || c.op === '-N' || c.args.includes(plan.mark)),
    'every rule carries the mark (down and status find it)',
  );
  t.ok([...'NSLAB-ISOLATION-STAGE-1'].length <= 28, 'chain names fit iptables’ 28 characters');
});

t.test('the host target: down removes every rule, then the chains, so nothing is left', async (t) => {
  for (const name of ['port-publish', 'bridge-isolation', 'port-publish-no-proxy']) {
    const plan = compile(loadLab(name), host(false));
    const after = [...commandsOf(plan), ...teardownOf(plan)];
    // -X of a chain still in use does nothing (the kernel refuses it): the chains gone prove the order
    t.same(
      rulesAfter(after, null, 'filter'),
      ['-P INPUT ACCEPT', '-P FORWARD ACCEPT', '-P OUTPUT ACCEPT'],
      name,
    );
    t.same(rulesAfter(after, null, 'nat').length, 4, `${name}: nat as it was`);
  }
});

t.test('two labs on the host at once share the chains: the first down leaves the other’s', async (t) => {
  const a = compile(loadLab('port-publish'), host(false));
  const b = compile(loadLab('bridge-isolation'), host(false));
  // a up, b up (a chain already there is not made again: apply checks first, as Docker does), a down
  const both = [...commandsOf(a), ...commandsOf(b), ...teardownOf(a)];
  const filter = rulesAfter(both, null, 'filter');
  t.ok(filter.includes('-N NSLAB-ISOLATION-STAGE-1'), 'the chain stays while b uses it');
  t.notOk(filter.join('\n').includes('nslab:port-publish'), 'none of a’s rules is left');
  t.ok(
    filter.some((l) => l.includes('-o back -m comment --comment nslab:bridge-isolation -j DROP')),
    'b’s are',
  );
  const all = [...both, ...teardownOf(b)];
  t.same(rulesAfter(all, null, 'filter').length, 3, 'the last one down takes the chains along');
});

t.test('a host that does not forward gets no Docker chains (bridge-basic)', async (t) => {
  for (const target of [sandbox, host(false)])
    t.notOk(
      commandsOf(compile(loadLab('bridge-basic'), target)).some((c) => c.tool === 'iptables'),
      target.kind,
    );
  // …but on a machine where Docker set FORWARD to DROP, its bridge still needs its accept
  t.same(
    commandsOf(compile(loadLab('bridge-basic'), host(true)))
      .filter((c) => c.tool === 'iptables')
      .map((c) => argvOf(c).join(' ')),
    ['iptables -t filter -I FORWARD -i br0 -o br0 -m comment --comment nslab:bridge-basic -j ACCEPT'],
  );
});

t.test('a published port bound to 127.0.0.1', async (t) => {
  const text = (proxy: boolean) =>
    `title: t\n${proxy ? '' : 'daemon: { userland-proxy: false }\n'}` +
    'networks:\n  br0: { subnet: 10.10.0.0/24, nat: true }\n' +
    'containers:\n  c1:\n    networks: { br0: { address: 10.10.0.2 } }\n    ports: ["127.0.0.1:8080:80"]\n';
  const nat = (proxy: boolean, target: Target) =>
    rulesAfter(
      commandsOf(compile(labFromText('lab.yaml', text(proxy)), target)),
      target.kind === 'host' ? null : 'sb-host',
      'nat',
    )
      .filter((l) => l.includes('DNAT') || l.startsWith('-A OUTPUT'))
      .map((l) => l.replace(/ -m comment --comment \S+/, ''));
  t.same(
    nat(true, sandbox),
    [
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      '-A DOCKER -d 127.0.0.1/32 ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80',
    ],
    'with the proxy the DNAT is never reached from OUTPUT: docker-proxy answers',
  );
  t.same(nat(false, sandbox), [
    '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
    '-A DOCKER -d 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80',
  ]);
  t.same(
    nat(false, host(false)),
    [
      '-A OUTPUT -m addrtype --dst-type LOCAL -j NSLAB',
      '-A NSLAB -d 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80',
    ],
    'on the machine too: route_localnet goes on nslab’s own bridge, not on all',
  );
  t.notOk(
    commandsOf(compile(labFromText('lab.yaml', text(false)), host(false))).some((c) =>
      argvOf(c).join(' ').includes('conf.all.route_localnet'),
    ),
  );
});
