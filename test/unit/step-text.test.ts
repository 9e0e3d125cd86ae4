// The step display's words, without root: wrapping, marks left out, file contents, state diffs.
import t from 'tap';
import { renderStep } from '../../src/cli/render.js';
import { fdbLinesOf, firstPath } from '../../src/cli/step-path.js';
import {
  fileLines,
  firstPeerRef,
  hidesMarks,
  lineDiff,
  shownCommand,
  stoppedAt,
  wrapCommand,
  wrapOutput,
  wrapWords,
} from '../../src/cli/step-text.js';
import { loadLab } from '../../src/lab/index.js';
import { file, ip, type IptablesCommand } from '../../src/plan/command.js';
import { compile } from '../../src/plan/compile.js';
import type { Step } from '../../src/plan/types.js';

process.env.NO_COLOR = '1';

t.test('wrapWords: at word boundaries, with a hanging indent, never past the width', async (t) => {
  const text =
    'a veth pair is a cable: one end in the container as eth0, the other plugged into the bridge; the default route leads to the gateway';
  for (const width of [40, 80, 120]) {
    const lines = wrapWords(text, width, '      why:    ', ' '.repeat(14));
    t.ok(lines.length > 1 || width === 120 || text.length + 14 <= width);
    for (const l of lines) t.ok(l.length <= width, `${l.length} ≤ ${width}: ${l}`);
    t.ok(
      lines.slice(1).every((l) => l.startsWith(' '.repeat(14)) && l[14] !== ' '),
      'hanging indent',
    );
    t.equal(
      lines
        .map((l) => l.trim())
        .join(' ')
        .replace('why:    ', 'why: '),
      `why: ${text}`,
      'no word cut',
    );
  }
  t.same(wrapWords('x /a/very/long/path/that/does/not/fit', 10, '', '  '), [
    'x',
    '  /a/very/long/path/that/does/not/fit',
  ]);
});

t.test('wrapCommand: continuation lines end in a backslash, so the copy still runs', async (t) => {
  const words = [
    'ip',
    '-n',
    'sandbox-host',
    'link',
    'add',
    've-c1',
    'type',
    'veth',
    'peer',
    'name',
    'eth0',
    'netns',
    'sandbox-c1',
  ];
  const lines = wrapCommand(words, 40, '      $ ', '          ');
  t.ok(lines.length > 1);
  t.ok(lines.slice(0, -1).every((l) => l.endsWith(' \\') && l.length <= 40));
  t.notOk(lines.at(-1)!.endsWith('\\'));
  t.equal(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' '), `$ ${words.join(' ')}`);
});

t.test(
  'marks: an alias-only command is left out, a rule loses its comment; --marks shows both',
  async (t) => {
    const alias = ip('sb-host', 'link', 'set', 'dev', 'br0', 'alias', 'nslab:bridge-basic@sb');
    const rule: IptablesCommand = {
      tool: 'iptables',
      ns: null,
      table: 'nat',
      op: '-A',
      chain: 'POSTROUTING',
      args: [
        '-s',
        '172.30.0.0/16',
        '!',
        '-o',
        'br0',
        '-m',
        'comment',
        '--comment',
        'nslab:bridge-nat',
        '-j',
        'MASQUERADE',
      ],
    };
    t.equal(shownCommand(alias, false), null);
    t.same(shownCommand(alias, true), [
      'ip',
      '-n',
      'sb-host',
      'link',
      'set',
      'dev',
      'br0',
      'alias',
      'nslab:bridge-basic@sb',
    ]);
    t.same(shownCommand(rule, false), [
      'iptables',
      '-t',
      'nat',
      '-A',
      'POSTROUTING',
      '-s',
      '172.30.0.0/16',
      '!',
      '-o',
      'br0',
      '-j',
      'MASQUERADE',
    ]);
    t.same(shownCommand(rule, true)!.slice(-6, -2), ['-m', 'comment', '--comment', 'nslab:bridge-nat']);
    const other = ip('sb-host', 'link', 'set', 'dev', 'br0', 'alias', 'mine');
    t.same(shownCommand(other, false), shownCommand(other, true), 'an alias that is no mark of nslab stays');
    t.ok(hidesMarks([alias]));
    t.notOk(hidesMarks([other, ip('sb-host', 'link', 'set', 'dev', 'br0', 'up')]));
  },
);

t.test('renderStep: the contents of a written file under its tee, the marks left out', async (t) => {
  const step: Step = {
    kind: 'files',
    title: 'container c1: its /etc/hosts',
    why: '`ip netns exec` mounts /etc/netns/sb-c1/* over /etc',
    docker: 'Docker writes /etc/hosts',
    commands: [
      ip('sb-c1', 'link', 'set', 'dev', 'lo', 'alias', 'nslab:l@sb'),
      file('mkdir', '/etc/netns/sb-c1'),
      file('write', '/etc/netns/sb-c1/hosts', '127.0.0.1\tlocalhost\n172.30.0.2\tc1\n'),
    ],
  };
  const text = renderStep(4, 10, step, { commands: true, marks: false, width: 80 });
  t.match(text, /^\[5\/10\] container c1/);
  t.match(
    text,
    /\$ tee \/etc\/netns\/sb-c1\/hosts\n {8}│ 127\.0\.0\.1 {7}localhost\n {8}│ 172\.30\.0\.2 {6}c1$/,
  );
  t.notMatch(text, /alias/);
  t.match(renderStep(4, 10, step, { commands: true, marks: true, width: 80 }), /alias nslab:l@sb/);
  t.notMatch(
    renderStep(4, 10, step, { commands: false, marks: false, width: 80 }),
    /tee|│/,
    '--quiet: no commands',
  );
});

t.test('fileLines: a long line wraps under the gutter, further indented', async (t) => {
  const lines = fileLines(
    '# nslab:l@sb: /etc/hosts of container c1 (ip netns exec mounts it over /etc/hosts)\n',
    60,
    '  ',
  );
  t.ok(lines.length > 1 && lines.every((l) => l.startsWith('  │ ') && l.length <= 60));
  t.match(lines[1]!, /^ {2}│ {5}\S/);
});

t.test('lineDiff: only what changed, gone before new; realigned blanks are no change', async (t) => {
  const before = ['lo               UNKNOWN        127.0.0.1/8', 'eth0@if2         DOWN'];
  const after = ['lo     UNKNOWN  127.0.0.1/8', 'eth0@if2         UP             172.30.0.2/16', 'br0  UP'];
  const d = lineDiff(before, after);
  t.equal(d.same, 1);
  t.same(d.changed, [
    { sign: '-', text: 'eth0@if2         DOWN' },
    { sign: '+', text: 'eth0@if2         UP             172.30.0.2/16' },
    { sign: '+', text: 'br0  UP' },
  ]);
  t.same(lineDiff(after, after).changed, []);
  t.same(lineDiff([], ['a']).changed, [{ sign: '+', text: 'a' }]);
});

t.test('firstPeerRef: the first NAME@ifN of a dump', async (t) => {
  t.same(firstPeerRef(['lo UNKNOWN 127.0.0.1/8', 'eth0@if4         UP   172.30.0.2/16']), {
    name: 'eth0',
    index: 4,
  });
  t.same(firstPeerRef(['5: ve-c1@if2: <BROADCAST> master br0']), { name: 've-c1', index: 2 });
  t.equal(firstPeerRef(['br0 UP 172.30.0.1/16']), null);
});

t.test('stoppedAt: the step that finished, the one cut short, the one that had not started', async (t) => {
  const s = (index: number) => ({ index, title: `title ${index + 1}` });
  t.equal(
    stoppedAt({ finished: s(11), cutShort: null, next: s(12) }),
    'interrupted after step 12 (title 12) had finished; step 13 (title 13) had not started',
  );
  t.equal(
    stoppedAt({ finished: s(11), cutShort: s(12), next: s(13) }),
    'interrupted during step 13 (title 13), which was cut short; steps 1–12 had finished',
  );
  t.equal(
    stoppedAt({ finished: s(9), cutShort: null, next: null }),
    'interrupted after step 10 (title 10) had finished',
  );
  t.equal(
    stoppedAt({ finished: null, cutShort: s(0), next: s(1) }),
    'interrupted during step 1 (title 1), which was cut short; no step had finished',
  );
  t.equal(stoppedAt({ finished: null, cutShort: null, next: s(0) }), 'interrupted before step 1 (title 1)');
});

t.test('firstPath: the first ping between containers on a bridge, or to its gateway', async (t) => {
  const lab = loadLab('bridge-basic');
  const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
  const p = firstPath(lab, plan)!;
  t.equal(p.check.name, 'c1 → c2 (172.30.0.3)');
  t.same(p.from, { who: 'c1', ns: 'sb-c1', ifname: 'eth0' });
  t.same(p.to, { who: 'c2', ns: 'sb-c2', ifname: 'eth0', gateway: false });
  t.same(p.bridge, { name: 'br0', ns: 'sb-host' });
  const gw = firstPath(lab, { ...plan, checks: plan.checks.filter((c) => 'to' in c && c.to === 'br0') })!;
  t.same(gw.to, { who: 'br0', ns: 'sb-host', ifname: 'br0', gateway: true });
  t.equal(
    firstPath(lab, { ...plan, checks: plan.checks.filter((c) => c.from === 'host') }),
    null,
    'host → c1: not from a container',
  );
});

t.test('fdbLinesOf: the entries of the given MACs only', async (t) => {
  const fdb = [
    '33:33:00:00:00:01 dev ve-c1 self permanent',
    'aa:bb:cc:00:00:01 dev ve-c1 master br0',
    'aa:bb:cc:00:00:02 dev ve-c2 master br0',
    'ee:ee:ee:00:00:09 dev ve-c2 master br0 permanent',
  ].join('\n');
  t.same(fdbLinesOf(fdb, ['aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02']), [
    'aa:bb:cc:00:00:01 dev ve-c1 master br0',
    'aa:bb:cc:00:00:02 dev ve-c2 master br0',
  ]);
});

t.test('wrapOutput: a too-long line of output breaks at a blank; its aligned columns stay', async (t) => {
  const line = '      lan              UNKNOWN        198.51.100.1/24 fe80::4c74:49ff:fe34:3bb9/64';
  t.same(wrapOutput(line, 100, '          '), [line], 'it fits: as it is');
  t.same(wrapOutput(line, 80, '          '), [
    '      lan              UNKNOWN        198.51.100.1/24',
    '          fe80::4c74:49ff:fe34:3bb9/64',
  ]);
  t.same(wrapOutput('      /a/very/long/word/without/blanks', 20, '    '), [
    '      /a/very/long/word/without/blanks',
  ]);
});
