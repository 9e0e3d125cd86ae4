// The rule-by-rule comparison behind hint's last word: what iptables-save prints compares equal
// to what the plan typed, and a flushed table or a rule with a word missing is named.
import t from 'tap';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { ruleDifferences, ruleKey } from '../../src/inspect/differences.js';
import type { IptablesCommand } from '../../src/plan/command.js';
import type { RuleLine } from '../../src/inspect/observe.js';

t.test('ruleKey: order, -m tcp, /32, probability digits and the comment mark do not count', async (t) => {
  t.equal(
    ruleKey([
      '-d',
      '10.96.0.10',
      '-p',
      'tcp',
      '--dport',
      '80',
      '-m',
      'statistic',
      '--probability',
      '0.5',
      '-j',
      'DNAT',
    ]),
    ruleKey(
      '-d 10.96.0.10/32 -p tcp -m tcp --dport 80 -m statistic --probability 0.50000000000 -j DNAT'.split(' '),
    ),
  );
  t.equal(
    ruleKey([
      '-s',
      '172.31.0.0/16',
      '!',
      '-o',
      'br0',
      '-m',
      'comment',
      '--comment',
      'nslab:x',
      '-j',
      'MASQUERADE',
    ]),
    ruleKey(['!', '-o', 'br0', '-s', '172.31.0.0/16', '-j', 'MASQUERADE']),
  );
  t.not(ruleKey(['-s', '172.31.0.0/16', '!', '-o', 'br0']), ruleKey(['-s', '172.31.0.0/16', '-o', 'br0']));
});

const lab = loadLab('bridge-nat');
const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
const ns = plan.hosts.host!;
/** What iptables-save would show for the plan's own rules in the host's namespace. */
const asBuilt = (): RuleLine[] =>
  plan.steps
    .flatMap((s) => s.commands)
    .filter(
      (c): c is IptablesCommand => c.tool === 'iptables' && c.ns === ns && (c.op === '-A' || c.op === '-I'),
    )
    .map((c) => ({ table: c.table ?? 'filter', chain: c.chain, rule: c.args.join(' ') }));
const policies = { FORWARD: 'DROP', INPUT: 'ACCEPT', OUTPUT: 'ACCEPT' };

t.test('the state the plan builds differs in nothing', async (t) => {
  t.same(ruleDifferences(plan, ns, 'host', { rules: asBuilt(), policies }), []);
});

t.test('a flushed nat table: every intended nat rule is named missing, in the namespace', async (t) => {
  const rules = asBuilt().filter((r) => r.table !== 'nat');
  const found = ruleDifferences(plan, ns, 'host', { rules, policies });
  t.ok(found.length >= 3);
  t.ok(found.every((f) => f.what.startsWith(`in ${ns}, nat `) && f.what.includes('lacks')));
  t.ok(found.some((f) => f.what.includes('-s 172.31.0.0/16 ! -o br0 -j MASQUERADE')));
});

t.test(
  '-o br0 for ! -o br0: the intended MASQUERADE is missing and the other one is unexpected',
  async (t) => {
    const rules = asBuilt().map((r) =>
      r.rule.includes('! -o br0 -j MASQUERADE') ? { ...r, rule: r.rule.replace('! -o', '-o') } : r,
    );
    const found = ruleDifferences(plan, ns, 'host', { rules, policies }).map((f) => f.what);
    t.same(found, [
      `in ${ns}, nat POSTROUTING lacks a rule the lab has: -s 172.31.0.0/16 ! -o br0 -j MASQUERADE`,
      `in ${ns}, nat POSTROUTING has a rule the lab does not: -s 172.31.0.0/16 -o br0 -j MASQUERADE`,
    ]);
  },
);

t.test('a flipped policy is named with the lab’s', async (t) => {
  const found = ruleDifferences(plan, ns, 'host', {
    rules: asBuilt(),
    policies: { ...policies, FORWARD: 'ACCEPT' },
  });
  t.same(
    found.map((f) => f.what),
    [`in ${ns}, the filter table's FORWARD policy is ACCEPT; the lab's is DROP`],
  );
});
