// The mesh's reading of fping: its summary lines, and one batch's shared stderr cut at the
// `nslabmarkK` markers into each fping's report. Texts as fping 5.1 and iproute2 6.1 print them.
import t from 'tap';
import { parseFping, splitAtMarks } from '../../src/check/mesh.js';

const mark = (k: number) => `Device "nslabmark${k}" does not exist.\n`;

type Seen = Record<string, { received: number; rttMs: number | null }>;
const fpingCases: { name: string; text: string; want: Seen }[] = [
  {
    name: 'an answer: one received, the average round trip',
    text: '172.30.0.3 : xmt/rcv/%loss = 1/1/0%, min/avg/max = 0.045/0.051/0.057\n',
    want: { '172.30.0.3': { received: 1, rttMs: 0.051 } },
  },
  {
    name: 'no answer: nothing received, no round trip',
    text: '172.30.0.99 : xmt/rcv/%loss = 1/0/100%\n',
    want: { '172.30.0.99': { received: 0, rttMs: null } },
  },
  {
    name: 'addresses padded to the longest one',
    text:
      '10.0.0.2   : xmt/rcv/%loss = 1/1/0%, min/avg/max = 0.218/0.218/0.218\n' +
      '10.0.0.200 : xmt/rcv/%loss = 1/0/100%\n',
    want: { '10.0.0.2': { received: 1, rttMs: 0.218 }, '10.0.0.200': { received: 0, rttMs: null } },
  },
  {
    name: 'several requests: how many came back',
    text: '10.0.0.2 : xmt/rcv/%loss = 3/2/33%, min/avg/max = 0.04/12.5/25.1\n',
    want: { '10.0.0.2': { received: 2, rttMs: 12.5 } },
  },
  {
    name: 'ICMP errors and ip’s "Command failed" lines are not targets',
    text:
      'ICMP Host Unreachable from 172.30.0.1 for ICMP Echo sent to 172.30.0.99\n' +
      '172.30.0.99 : xmt/rcv/%loss = 1/0/100%\nCommand failed -:1\n',
    want: { '172.30.0.99': { received: 0, rttMs: null } },
  },
  { name: 'nothing said', text: '', want: {} },
  {
    name: 'fping could not start: no target at all',
    text: 'Cannot open network namespace "c9": No such file or directory\nCommand failed -:1\n',
    want: {},
  },
];

for (const c of fpingCases)
  t.test(`parseFping: ${c.name}`, async (t) => {
    t.same(Object.fromEntries(parseFping(c.text)), c.want);
  });

const splitCases: { name: string; stderr: string; mine: number[]; want: string[] | null }[] = [
  { name: 'one fping and its marker', stderr: `A\n${mark(3)}`, mine: [3], want: ['A\n'] },
  {
    // ip's own line after a marker goes with the next report; what follows the last is dropped
    name: 'two fpings in one batch',
    stderr: `A\n${mark(0)}Command failed -:2\nB\nCommand failed -:3\n${mark(16)}Command failed -:4\n`,
    mine: [0, 16],
    want: ['A\n', '\nCommand failed -:2\nB\nCommand failed -:3\n'],
  },
  { name: 'an fping said nothing', stderr: `${mark(1)}B\n${mark(17)}`, mine: [1, 17], want: ['', '\nB\n'] },
  { name: 'nslabmark1 is not nslabmark17', stderr: `A\n${mark(17)}`, mine: [1], want: null },
  { name: 'a marker missing', stderr: `A\n${mark(0)}B\n`, mine: [0, 16], want: null },
  { name: 'a marker seen twice', stderr: `${mark(0)}${mark(0)}B\n${mark(16)}`, mine: [0, 16], want: null },
  { name: 'markers out of order', stderr: `A\n${mark(16)}B\n${mark(0)}`, mine: [0, 16], want: null },
  { name: 'another batch’s marker', stderr: `A\n${mark(0)}B\n${mark(15)}`, mine: [0, 16], want: null },
  { name: 'no marker: ip itself failed', stderr: 'ip: command not found\n', mine: [2, 18], want: null },
];

for (const c of splitCases)
  t.test(`splitAtMarks: ${c.name}`, async (t) => {
    t.same(splitAtMarks(c.stderr, c.mine), c.want);
  });

t.test('a batch’s stream as ip and fping print it: each report has its own targets only', async (t) => {
  const stderr =
    '172.30.0.3 : xmt/rcv/%loss = 1/1/0%, min/avg/max = 0.050/0.050/0.050\n' +
    `${mark(4)}Command failed -:2\n` +
    '172.30.0.2  : xmt/rcv/%loss = 1/1/0%, min/avg/max = 0.070/0.070/0.070\n' +
    '172.30.0.99 : xmt/rcv/%loss = 1/0/100%\nCommand failed -:3\n' +
    `${mark(20)}Command failed -:4\n`;
  const reports = splitAtMarks(stderr, [4, 20]);
  t.same(
    reports?.map((r) => Object.fromEntries(parseFping(r))),
    [
      { '172.30.0.3': { received: 1, rttMs: 0.05 } },
      { '172.30.0.2': { received: 1, rttMs: 0.07 }, '172.30.0.99': { received: 0, rttMs: null } },
    ],
  );
});
