// `internal: true`: what validation refuses, and the two DROP rules the plan adds (Docker's
// DOCKER-ISOLATION-STAGE-1 rules for an --internal network, as Docker 20.10.24 writes them).
import { problems } from '../helpers/lab.js';
import t from 'tap';
import { labFromText } from '../../src/lab/index.js';
import { argvOf } from '../../src/plan/command.js';
import { compile } from '../../src/plan/compile.js';

const lab = (network: string) =>
  `title: t\nnetworks:\n  back: ${network}\ncontainers:\n  db: { networks: { back: {} } }\n`;

t.test('what an internal network may not be', async (t) => {
  const cases: [string, string, string[]][] = [
    ['internal alone', '{ subnet: 172.31.1.0/24, internal: true }', []],
    [
      'internal with nat',
      '{ subnet: 172.31.1.0/24, internal: true, nat: true }',
      ['lab.yaml:3:55: an internal network sends nothing out, so it has no NAT: remove nat or internal'],
    ],
  ];
  for (const [name, network, want] of cases) t.same(problems(lab(network)), want, name);
});

t.test('the plan: two DROP rules for the bridge, ip_forward on, no MASQUERADE', async (t) => {
  const plan = compile(labFromText('lab.yaml', lab('{ subnet: 172.31.1.0/24, internal: true }')), {
    kind: 'sandbox',
    name: 'sb',
  });
  const lines = plan.steps.flatMap((s) => s.commands.map((c) => argvOf(c).join(' ')));
  t.same(
    lines.filter((l) => l.includes('DROP') && !l.includes('-P FORWARD')),
    [
      'ip netns exec sb-host iptables -t filter -I DOCKER-ISOLATION-STAGE-1 ! -d 172.31.1.0/24 -i back -j DROP',
      'ip netns exec sb-host iptables -t filter -I DOCKER-ISOLATION-STAGE-1 ! -s 172.31.1.0/24 -o back -j DROP',
    ],
    'in Docker’s order: inserted, the outgoing one ends on top',
  );
  t.same(
    lines.filter((l) => l.includes('-I FORWARD -i back')),
    ['ip netns exec sb-host iptables -t filter -I FORWARD -i back -o back -j ACCEPT'],
    'only back → back is accepted in FORWARD: no -i back ! -o back',
  );
  t.notOk(
    lines.some((l) => /STAGE-1 -i back .*-j DOCKER-ISOLATION-STAGE-2|STAGE-2 -o back -j DROP/.test(l)),
    'an internal network is in no isolation stage rule',
  );
  t.ok(
    lines.includes('ip netns exec sb-host sysctl -qw net.ipv4.ip_forward=1'),
    'the host forwards, as dockerd makes it',
  );
  t.notOk(
    lines.some((l) => l.includes('MASQUERADE')),
    'no MASQUERADE',
  );
  t.same(
    plan.steps.filter((s) => s.kind === 'internal').map((s) => s.commands.map((c) => c.tags)),
    [[['internal:back'], ['internal:back']]],
    'tagged for faults',
  );
});
