// The mark on everything nslab creates: `down` and `status` trust only what parses back, so a
// lab's own mark must round-trip and nothing else may pass for one.
import t from 'tap';
import { markOf, parseMark, type Place } from '../../src/lab/names.js';
import { emptyNslabChainsIn } from '../../src/run/inventory.js';

const host: Place = { kind: 'host' };
const sandbox = (name: string): Place => ({ kind: 'sandbox', name });

const roundTrips: { name: string; lab: string; place: Place; mark: string }[] = [
  { name: 'on the host', lab: 'bridge-basic', place: host, mark: 'nslab:bridge-basic' },
  { name: 'in a sandbox', lab: 'bridge-basic', place: sandbox('sb'), mark: 'nslab:bridge-basic@sb' },
  { name: 'one-letter names', lab: 'a', place: sandbox('b'), mark: 'nslab:a@b' },
  { name: 'digits and odd dashes', lab: 'x9--y-', place: sandbox('z-0'), mark: 'nslab:x9--y-@z-0' },
  // as test/helpers/machine.ts names them: t<pid><n>-tag
  { name: 'a test sandbox', lab: 'link', place: sandbox('t1k2-link'), mark: 'nslab:link@t1k2-link' },
  { name: 'a sandbox named host', lab: 'host-mode', place: sandbox('host'), mark: 'nslab:host-mode@host' },
  { name: 'a lab named nslab', lab: 'nslab', place: host, mark: 'nslab:nslab' },
  {
    name: 'the longest names: a 40-character lab, a 24-character sandbox',
    lab: 'l'.repeat(40),
    place: sandbox('s'.repeat(24)),
    mark: `nslab:${'l'.repeat(40)}@${'s'.repeat(24)}`,
  },
];

for (const c of roundTrips)
  t.test(`mark ${c.name}`, async (t) => {
    t.equal(markOf(c.lab, c.place), c.mark);
    t.same(parseMark(c.mark), { lab: c.lab, place: c.place });
  });

// Aliases and comments found on the machine that are someone else's, or broken.
const notMarks: { name: string; alias: string | undefined }[] = [
  { name: 'no alias', alias: undefined },
  { name: 'empty', alias: '' },
  { name: 'no lab', alias: 'nslab:' },
  { name: 'a sandbox without a lab', alias: 'nslab:@sb' },
  { name: 'an @ without a sandbox', alias: 'nslab:lab@' },
  { name: 'two sandboxes', alias: 'nslab:lab@sb@sb2' },
  { name: 'capitals', alias: 'nslab:Lab' },
  { name: 'a capital prefix', alias: 'NSLAB:lab' },
  { name: 'a digit first', alias: 'nslab:9lab' },
  { name: 'a dash first', alias: 'nslab:-lab' },
  { name: 'a sandbox starting with a dash', alias: 'nslab:lab@-sb' },
  { name: 'an underscore', alias: 'nslab:my_lab' },
  { name: 'a file name', alias: 'nslab:lab.yaml' },
  { name: 'a leading blank', alias: ' nslab:lab' },
  { name: 'a trailing blank', alias: 'nslab:lab ' },
  { name: 'a trailing newline', alias: 'nslab:lab\n' },
  { name: 'quoted, as iptables-save may print a comment', alias: '"nslab:lab"' },
  { name: 'a longer prefix', alias: 'xnslab:lab' },
  { name: 'a double colon', alias: 'nslab::lab' },
  { name: 'another tool’s alias', alias: 'docker:br0' },
  { name: 'something after the mark', alias: 'nslab:lab@sb:extra' },
];

for (const c of notMarks)
  t.test(`not a mark: ${c.name}`, async (t) => {
    t.equal(parseMark(c.alias), null);
  });

t.test(
  'nslab’s chains on the machine: only the empty, unused ones are left for down to remove',
  async (t) => {
    const saved = [
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':NSLAB - [0:0]',
      '-A PREROUTING -m addrtype --dst-type LOCAL -m comment --comment "nslab:a" -j NSLAB',
      'COMMIT',
      '*filter',
      ':FORWARD DROP [0:0]',
      ':DOCKER - [0:0]',
      ':NSLAB - [0:0]',
      ':NSLAB-ISOLATION-STAGE-1 - [0:0]',
      ':NSLAB-ISOLATION-STAGE-2 - [0:0]',
      ':NSLAB-USER - [0:0]',
      ':NSLABX - [0:0]',
      '-A NSLAB-ISOLATION-STAGE-1 -i br0 ! -o br0 -m comment --comment "nslab:a" -j NSLAB-ISOLATION-STAGE-2',
      'COMMIT',
    ].join('\n');
    t.same(emptyNslabChainsIn(saved), [
      { table: 'filter', chain: 'NSLAB' },
      { table: 'filter', chain: 'NSLAB-USER' },
    ]);
  },
);
