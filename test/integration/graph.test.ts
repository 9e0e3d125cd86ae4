// graph --live draws what the kernel has, so a learner's own change shows in the picture.
import { execa } from 'execa';
import t from 'tap';
import { needsRoot, nslab, sandboxName } from '../helpers/machine.js';

t.test(
  'graph --live: a port unplugged and a link set down show; the file view does not change',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('graph');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q']);
    t.equal(up.exitCode, 0);
    t.match(
      up.stdout,
      /└── br0 {2}bridge {2}172\.30\.0\.1\/16\n {4}├── ve-c1 ══ eth0 172\.30\.0\.2\/16 {2}c1/,
      'up ends with the ascii picture',
    );

    const before = await nslab(['graph', 'bridge-basic', '--live', '--sandbox-name', sb]);
    t.equal(before.exitCode, 0, 'graph --live exits 0', before);
    t.match(before.stdout, /\(from the kernel/);
    t.match(before.stdout, /ve-c2 ══ eth0 172\.30\.0\.3\/16 {2}c2/);
    t.notMatch(before.stdout, /unplugged|✗/);

    await execa('ip', ['-n', `${sb}-host`, 'link', 'set', 'dev', 've-c2', 'nomaster']);
    await execa('ip', ['-n', `${sb}-c1`, 'link', 'set', 'dev', 'eth0', 'down']);
    const after = await nslab(['graph', 'bridge-basic', '--live', '--sandbox-name', sb, '--json']);
    const r = JSON.parse(after.stdout) as {
      topology: {
        hosts: {
          segments: { name: string; ports: { hostEnd: string; down?: string[] }[] }[];
          unplugged: { hostEnd: string }[];
        }[];
      };
      drawing: string;
    };
    const host = r.topology.hosts[0]!;
    t.same(
      host.unplugged.map((p) => p.hostEnd),
      ['ve-c2'],
      've-c2 is on no bridge',
    );
    t.same(
      host.segments.find((s) => s.name === 'br0')!.ports.map((p) => p.hostEnd),
      ['ve-c1'],
    );
    t.match(host.segments[0]!.ports[0]!.down, ['eth0 DOWN'], 'c1’s eth0 is drawn as down');
    t.match(r.drawing, /on no bridge \(unplugged\):\n {4}└── ve-c2/);

    const file = await nslab(['graph', 'bridge-basic', '--sandbox-name', sb]);
    t.match(file.stdout, /├── ve-c1[\s\S]*└── ve-c2/, 'the file view still shows what should be');
    const svg = await nslab(['graph', 'bridge-basic', '--live', '--sandbox-name', sb, '--format', 'svg']);
    t.equal(svg.exitCode, 0, 'svg renders', svg);
    t.match(
      svg.stdout,
      /<svg[\s\S]*ve(-|&#45;)c2[\s\S]*on no bridge[\s\S]*<\/svg>/,
      'Graphviz escapes - as &#45;',
    );
  },
);

t.test('graph --live of a lab that is not up says so', { skip: needsRoot }, async (t) => {
  const r = await nslab(['graph', 'bridge-basic', '--live', '--sandbox-name', sandboxName('nograph')]);
  t.equal(r.exitCode, 3);
  t.match(r.stderr, /bridge-basic is not up/);
});

t.test(
  'graph --live of a lab on two hosts reads each host’s own namespace',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('graph2');
    t.teardown(() => nslab(['down', 'overlay', '--sandbox-name', sb]));
    t.equal((await nslab(['up', 'overlay', '--sandbox-name', sb, '-q', '--no-check'])).exitCode, 0);
    await execa('ip', ['-n', `${sb}-h2`, 'link', 'set', 'dev', 've-b', 'down']);
    const r = await nslab(['graph', 'overlay', '--live', '--sandbox-name', sb]);
    t.equal(r.exitCode, 0, r.stderr);
    t.match(
      r.stdout,
      new RegExp(`h2 \\[namespace ${sb}-h2\\][\\s\\S]*ve-b ══ eth0 10\\.0\\.9\\.3/24 {2}b {2}✗ .*ve-b DOWN`),
      'h2’s down link shows',
    );
    t.notMatch(r.stdout.split(`h2 [namespace`)[0]!, /✗/, 'h1 is drawn as it is: nothing down there');
  },
);
