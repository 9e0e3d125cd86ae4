// The executor's pure helpers: how work is dealt to a few processes, and the bounded pool
// whose results must come back in the order of its items, whatever order they finish in.
import t from 'tap';
import { dealt, pool } from '../../src/run/batch.js';

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
