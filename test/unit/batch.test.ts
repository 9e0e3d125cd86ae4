// The executor's pure helpers: how work is dealt to a few processes, the bounded pool whose
// results must come back in the order of its items, whatever order they finish in, which way
// a command enters its namespace, and what a fan-out's stderr says about each batch.
import t from 'tap';
import { ip } from '../../src/plan/command.js';
import { dealt, fanOutOutcomes, pool } from '../../src/run/batch.js';
import { asIpSays, entered } from '../../src/run/exec.js';
import type { CommandResult } from '../../src/run/exec.js';

const dealtCases: { n: number; k: number; want: number[][] }[] = [
  {
    n: 5,
    k: 2,
    want: [
      [0, 2, 4],
      [1, 3],
    ],
  },
  {
    n: 7,
    k: 3,
    want: [
      [0, 3, 6],
      [1, 4],
      [2, 5],
    ],
  },
  { n: 6, k: 1, want: [[0, 1, 2, 3, 4, 5]] },
  { n: 4, k: 4, want: [[0], [1], [2], [3]] },
  // fewer items than hands: one each, and no empty hand
  { n: 3, k: 16, want: [[0], [1], [2]] },
  // the mesh's 17 fpings in 16 hands: the first hand runs two
  {
    n: 17,
    k: 16,
    want: [[0, 16], [1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11], [12], [13], [14], [15]],
  },
  { n: 0, k: 4, want: [] },
];

for (const c of dealtCases)
  t.test(`dealt(${c.n}, ${c.k})`, async (t) => {
    t.same(dealt(c.n, c.k), c.want);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Each item is how long its job takes (ms); the timings are far apart, so the order is certain.
interface PoolCase {
  name: string;
  took: number[];
  limit: number;
  out: string[];
  most: number;
  finished: number[];
}
const poolCases: PoolCase[] = [
  {
    // a pool, not chunks: the free worker takes 2 and 3 while 0 still runs
    name: 'a slow first item does not hold up the rest',
    took: [200, 5, 5, 5],
    limit: 2,
    out: ['0:200', '1:5', '2:5', '3:5'],
    most: 2,
    finished: [1, 2, 3, 0],
  },
  {
    name: 'limit 1 runs one after the other',
    took: [30, 1, 10],
    limit: 1,
    out: ['0:30', '1:1', '2:10'],
    most: 1,
    finished: [0, 1, 2],
  },
  {
    name: 'a limit above the items starts them all',
    took: [30, 1, 10],
    limit: 16,
    out: ['0:30', '1:1', '2:10'],
    most: 3,
    finished: [1, 2, 0],
  },
  { name: 'no items', took: [], limit: 4, out: [], most: 0, finished: [] },
];

for (const c of poolCases)
  t.test(`pool: ${c.name}`, async (t) => {
    const started: number[] = [];
    const finished: number[] = [];
    let running = 0;
    let most = 0;
    const out = await pool(c.took, c.limit, async (ms, i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await sleep(ms);
      running--;
      finished.push(i);
      return `${i}:${ms}`;
    });
    t.same(out, c.out, 'results in the order of the items');
    t.same(
      started,
      c.took.map((_, i) => i),
      'started in order',
    );
    t.equal(most, c.most, 'at most the limit at once');
    t.same(finished, c.finished, 'finished as the timings say');
  });

const enteredCases: { argv: string[]; want: string[]; why: string }[] = [
  {
    argv: ['ip', '-n', 'sb-c1', '-batch', '-'],
    want: ['nsenter', '--net=/run/netns/sb-c1', 'ip', '-batch', '-'],
    why: 'an ip batch needs netlink only',
  },
  {
    argv: ['ip', '-n', 'sb-c1', '-force', '-batch', '-'],
    want: ['nsenter', '--net=/run/netns/sb-c1', 'ip', '-force', '-batch', '-'],
    why: 'its options stay',
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-c1', 'ping', '-c', '1', '-W', '1', '10.0.0.2'],
    want: ['nsenter', '--net=/run/netns/sb-c1', 'ping', '-c', '1', '-W', '1', '10.0.0.2'],
    why: 'a ping by address',
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-c1', 'fping', '-q', '-c', '1', '10.0.0.2', '10.0.0.3'],
    want: ['nsenter', '--net=/run/netns/sb-c1', 'fping', '-q', '-c', '1', '10.0.0.2', '10.0.0.3'],
    why: 'an fping of addresses',
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-host', 'iptables', '-t', 'nat', '-S'],
    want: ['nsenter', '--net=/run/netns/sb-host', 'iptables', '-t', 'nat', '-S'],
    why: 'iptables',
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-c1', 'ping', '-c', '1', 'web'],
    want: ['ip', 'netns', 'exec', 'sb-c1', 'ping', '-c', '1', 'web'],
    why: "a ping by name reads the namespace's /etc/hosts",
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-c1', 'getent', 'hosts', 'web'],
    want: ['ip', 'netns', 'exec', 'sb-c1', 'getent', 'hosts', 'web'],
    why: 'getent reads /etc/netns files',
  },
  {
    argv: ['ip', 'netns', 'exec', 'sb-c1', 'node', 'probe.js', 'tcp', '10.0.0.2', '80'],
    want: ['ip', 'netns', 'exec', 'sb-c1', 'node', 'probe.js', 'tcp', '10.0.0.2', '80'],
    why: 'any other program may read /etc or /sys',
  },
  { argv: ['ip', 'netns', 'del', 'sb-c1'], want: ['ip', 'netns', 'del', 'sb-c1'], why: 'not in a namespace' },
  { argv: ['ip', '-batch', '-'], want: ['ip', '-batch', '-'], why: "the machine's own namespace" },
];

t.test('entered: nsenter where the command needs the network namespace only', async (t) => {
  for (const c of enteredCases) {
    t.same(entered(c.argv, true), c.want, c.why);
    t.same(entered(c.argv, false), c.argv, `${c.why}: as it is with few mounts`);
  }
});

t.test('asIpSays: nsenter failing to enter reads as ip would say it', async (t) => {
  t.equal(
    asIpSays('nsenter: cannot open /run/netns/sb-c9: No such file or directory\n'),
    'Cannot open network namespace "sb-c9": No such file or directory\n',
  );
  t.equal(asIpSays('Cannot find device "nosuch"\n'), 'Cannot find device "nosuch"\n', "ip's own words stay");
});

const result = (exitCode: number, stderr: string): CommandResult => ({
  argv: ['sh'],
  exitCode,
  stdout: '',
  stderr,
  durationMs: 1,
});
// Batches 0, 2 and 4 (two lines each) in one hand.
const batches = [0, 1, 2, 3, 4].map((b) => ({
  commands: [1, 2].map((k) => ({
    index: b * 10 + k,
    command: ip(`sb-c${b}`, 'link', 'set', 'dev', 'lo', 'up'),
  })),
}));
const hand = [0, 2, 4];
const indices = (o: { done: { index: number }[] }[]) => o.map((x) => x.done.map((c) => c.index));

t.test('fanOutOutcomes: all done', async (t) => {
  t.same(indices(fanOutOutcomes(result(0, ''), hand, '/d', batches, false)), [
    [1, 2],
    [21, 22],
    [41, 42],
  ]);
});

t.test('fanOutOutcomes: a build stops its hand at the first failing batch', async (t) => {
  const said = 'Cannot find device "x"\nCommand failed /d/2:2\nnslab-batch-failed 2\n';
  const o = fanOutOutcomes(result(1, said), hand, '/d', batches, false);
  t.same(indices(o), [[1, 2], [21], []], 'before it done, its first line done, after it nothing');
  t.equal(o[1]!.failed?.at.index, 22, 'the failing line is named');
  t.equal(o[1]!.failed?.result.stderr, 'Cannot find device "x"', 'with what ip said about it');
  t.notOk(o[0]!.failed);
  t.notOk(o[2]!.failed);
});

t.test('fanOutOutcomes: a teardown goes on, every failure with its own words', async (t) => {
  const said =
    'nsenter: cannot open /run/netns/sb-c0: No such file or directory\nnslab-batch-failed 0\n' +
    'Cannot find device "y"\nCommand failed /d/4:1\nnslab-batch-failed 4\n';
  const o = fanOutOutcomes(result(0, said), hand, '/d', batches, true);
  t.same(indices(o), [[], [21, 22], [42]]);
  t.equal(o[0]!.failed?.result.stderr, 'Cannot open network namespace "sb-c0": No such file or directory');
  t.equal(o[2]!.failed?.at.index, 41);
  t.equal(o[2]!.failed?.result.stderr, 'Cannot find device "y"');
});

t.test('fanOutOutcomes: a hand that failed without a marker fails its first batch', async (t) => {
  const o = fanOutOutcomes(result(127, 'sh: 1: nsenter: not found\n'), hand, '/d', batches, false);
  t.same(indices(o), [[], [], []]);
  t.match(o[0]!.failed?.result.stderr, /nsenter: not found/);
});
