// The typed command and its renderings, table by table: argv as typed, ip -batch lines,
// iptables-restore lines and their groups, teardown's pruning, what --step shows.
import t from 'tap';
import {
  argvOf,
  batchLine,
  changesOf,
  file,
  ip,
  netns,
  plainWords,
  restoreLine,
  serverScript,
  sysctl,
  type Command,
  type IptablesCommand,
} from '../../src/plan/command.js';
import { sameGroup } from '../../src/run/rules.js';
import { withoutInsides } from '../../src/run/teardown.js';

const rule = (
  ns: string | null,
  table: string | undefined,
  op: IptablesCommand['op'],
  ...args: string[]
): Command => ({
  tool: 'iptables',
  ns,
  ...(table ? { table } : {}),
  op,
  chain: 'FORWARD',
  args,
});

t.test('argvOf renders each tool as a learner types it', async (t) => {
  const cases: [string, Command, string[]][] = [
    [
      'ip in the machine',
      ip(null, 'link', 'add', 'br0', 'type', 'bridge'),
      ['ip', 'link', 'add', 'br0', 'type', 'bridge'],
    ],
    [
      'ip in a namespace',
      ip('c1', 'link', 'set', 'dev', 'lo', 'up'),
      ['ip', '-n', 'c1', 'link', 'set', 'dev', 'lo', 'up'],
    ],
    ['netns add', netns('add', 'c1'), ['ip', 'netns', 'add', 'c1']],
    [
      'bridge in a namespace',
      { tool: 'bridge', ns: 'h', args: ['fdb', 'show'] },
      ['bridge', '-n', 'h', 'fdb', 'show'],
    ],
    [
      'rule in a namespace',
      rule('h', 'nat', '-A', '-j', 'ACCEPT'),
      ['ip', 'netns', 'exec', 'h', 'iptables', '-t', 'nat', '-A', 'FORWARD', '-j', 'ACCEPT'],
    ],
    ['policy (no table)', rule(null, undefined, '-P', 'DROP'), ['iptables', '-P', 'FORWARD', 'DROP']],
    [
      'sysctl in a namespace',
      sysctl('h', 'net.ipv4.ip_forward', '1'),
      ['ip', 'netns', 'exec', 'h', 'sysctl', '-qw', 'net.ipv4.ip_forward=1'],
    ],
    ['mkdir', file('mkdir', '/etc/netns/c1'), ['mkdir', '-p', '/etc/netns/c1']],
    ['write', file('write', '/etc/netns/c1/hosts', 'x\n'), ['tee', '/etc/netns/c1/hosts']],
    ['rm', file('rm', '/etc/netns/c1'), ['rm', '-rf', '/etc/netns/c1']],
    [
      'server',
      { tool: 'server', ns: 'c1', program: 'server', args: ['http', '80', 'c1'], mark: 'nslab:x' },
      ['ip', 'netns', 'exec', 'c1', 'node', serverScript, 'http', '80', 'c1', 'nslab:x'],
    ],
  ];
  for (const [name, c, want] of cases) t.same(argvOf(c), want, name);
});

t.test('a batch line is made only of words ip -batch splits back the same', async (t) => {
  const cases: [string, Command, ReturnType<typeof batchLine>][] = [
    [
      'plain ip',
      ip('c1', 'addr', 'add', '10.0.0.2/24', 'dev', 'eth0'),
      { ns: 'c1', line: 'addr add 10.0.0.2/24 dev eth0' },
    ],
    ['machine ip', ip(null, 'link', 'del', 'br0'), { ns: null, line: 'link del br0' }],
    ['netns del', netns('del', 'c1'), { ns: null, line: 'netns del c1' }],
    ['a blank inside a word', ip('c1', 'link', 'set', 'dev', 'lo', 'alias', 'a b'), null],
    ['a quote', ip('c1', 'link', 'set', 'dev', 'lo', 'alias', "it's"), null],
    ['a double quote', ip('c1', 'link', 'set', 'dev', 'lo', 'alias', 'say "x"'), null],
    ['a backslash', ip('c1', 'link', 'set', 'dev', 'lo', 'alias', 'a\\b'), null],
    ['a comment sign', ip('c1', 'link', 'set', 'dev', 'lo', 'alias', 'x#1'), null],
    ['an empty word', ip('c1', 'link', 'set', 'dev', ''), null],
    ['an option first (ip -batch takes none)', ip('c1', '-br', 'addr'), null],
    ['not ip', sysctl(null, 'net.ipv4.ip_forward', '1'), null],
    ['a rule', rule('h', 'filter', '-A', '-j', 'ACCEPT'), null],
  ];
  for (const [name, c, want] of cases) t.same(batchLine(c), want, name);
  t.equal(plainWords(['a', 'b']), true);
  t.equal(plainWords(['a\tb']), false, 'a tab splits too');
});

t.test('restore lines: only appended or inserted rules of a table, with plain words', async (t) => {
  const cases: [string, Command, ReturnType<typeof restoreLine>][] = [
    [
      'append',
      rule('h', 'nat', '-A', '-j', 'MASQUERADE'),
      { ns: 'h', table: 'nat', line: '-A FORWARD -j MASQUERADE' },
    ],
    [
      'insert',
      rule(null, 'filter', '-I', '-i', 'br0', '-j', 'ACCEPT'),
      { ns: null, table: 'filter', line: '-I FORWARD -i br0 -j ACCEPT' },
    ],
    ['delete (teardown runs it alone)', rule('h', 'nat', '-D', '-j', 'MASQUERADE'), null],
    ['policy', rule('h', undefined, '-P', 'DROP'), null],
    [
      'a comment with a blank',
      rule('h', 'nat', '-A', '-m', 'comment', '--comment', 'a b', '-j', 'RETURN'),
      null,
    ],
    ['not iptables', ip('h', 'link', 'set', 'dev', 'br0', 'up'), null],
  ];
  for (const [name, c, want] of cases) t.same(restoreLine(c), want, name);
});

t.test('rules share one restore only within one namespace and table', async (t) => {
  const key = (ns: string | null, table: string) => restoreLine(rule(ns, table, '-A', '-j', 'ACCEPT'))!;
  const cases: [string, boolean, string | null, string, string | null, string][] = [
    ['same namespace and table', true, 'h', 'nat', 'h', 'nat'],
    ['another table', false, 'h', 'nat', 'h', 'filter'],
    ['another namespace', false, 'h1', 'nat', 'h2', 'nat'],
    ['the machine against a namespace', false, null, 'nat', 'h', 'nat'],
    ['both the machine', true, null, 'filter', null, 'filter'],
  ];
  for (const [name, want, ns1, t1, ns2, t2] of cases)
    t.equal(sameGroup(key(ns1, t1), key(ns2, t2)), want, name);
});

t.test('teardown skips undos inside a namespace the same list deletes', async (t) => {
  const del = ip(null, 'link', 'del', 've-c1');
  const cases: [string, Command[], Command[]][] = [
    [
      'a link in a deleted namespace goes with it',
      [ip('c1', 'link', 'del', 'x'), netns('del', 'c1')],
      [netns('del', 'c1')],
    ],
    [
      'a rule in a deleted namespace too',
      [rule('h', 'nat', '-D', '-j', 'ACCEPT'), netns('del', 'h')],
      [netns('del', 'h')],
    ],
    ['the machine’s own undo stays', [del, netns('del', 'c1')], [del, netns('del', 'c1')]],
    [
      'a namespace not deleted keeps its undo',
      [ip('c2', 'link', 'del', 'x'), netns('del', 'c1')],
      [ip('c2', 'link', 'del', 'x'), netns('del', 'c1')],
    ],
    [
      'files stay',
      [file('rm', '/etc/netns/c1'), netns('del', 'c1')],
      [file('rm', '/etc/netns/c1'), netns('del', 'c1')],
    ],
    ['nothing deleted: all stay', [ip('c1', 'link', 'del', 'x')], [ip('c1', 'link', 'del', 'x')]],
  ];
  for (const [name, undo, want] of cases) t.same(withoutInsides(undo), want, name);
});

t.test('what --step shows after each kind of command', async (t) => {
  const cases: [string, Command, ReturnType<typeof changesOf>][] = [
    ['a link set', ip('c1', 'link', 'set', 'dev', 'eth0', 'up'), [{ kind: 'addresses', ns: 'c1' }]],
    [
      'plugging into a bridge',
      ip('h', 'link', 'set', 'dev', 've-c1', 'master', 'br0'),
      [
        { kind: 'addresses', ns: 'h' },
        { kind: 'ports', ns: 'h' },
      ],
    ],
    ['an address', ip(null, 'addr', 'add', '10.0.0.1/24', 'dev', 'br0'), [{ kind: 'addresses', ns: null }]],
    ['a route', ip('c1', 'route', 'add', 'default', 'via', '10.0.0.1'), [{ kind: 'routes', ns: 'c1' }]],
    [
      'a rule',
      rule('h', 'nat', '-A', '-j', 'MASQUERADE'),
      [{ kind: 'chain', ns: 'h', table: 'nat', chain: 'FORWARD' }],
    ],
    [
      'a policy is in the filter table',
      rule('h', undefined, '-P', 'DROP'),
      [{ kind: 'chain', ns: 'h', table: 'filter', chain: 'FORWARD' }],
    ],
    [
      'a sysctl',
      sysctl(null, 'net.ipv4.ip_forward', '1'),
      [{ kind: 'sysctl', ns: null, key: 'net.ipv4.ip_forward' }],
    ],
    [
      'a program started in the background',
      { tool: 'server', ns: 'c1', program: 'resolver', args: [], mark: 'nslab:x' },
      [{ kind: 'sockets', ns: 'c1' }],
    ],
    ['a namespace by itself', netns('add', 'c1'), []],
    ['a file', file('mkdir', '/etc/netns/c1'), []],
  ];
  for (const [name, c, want] of cases) t.same(changesOf(c), want, name);
});
