// `internal: true`: what validation refuses, and the two DROP rules the plan adds (Docker's
// DOCKER-ISOLATION-STAGE-1 rules for an --internal network, checked against Docker 20.10 here).
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
  const mark = '-m comment --comment nslab:lab@sb -j DROP';
  t.same(
    lines.filter((l) => l.includes('FORWARD')),
    [
      `ip netns exec sb-host iptables -t filter -I FORWARD ! -s 172.31.1.0/24 -o back ${mark}`,
      `ip netns exec sb-host iptables -t filter -I FORWARD ! -d 172.31.1.0/24 -i back ${mark}`,
    ],
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
