// Every exercise of the catalogue, done as a learner does it: built broken, `check` fails,
// the intended commands repair it, `check` passes; hints come one at a time, then nslab's own
// diagnosis. Each in a sandbox of its own, removed afterwards.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { parse } from 'yaml';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { missingKinds } from '../../src/run/features.js';
import { fixtureLab, namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const solutions = parse(
  readFileSync(new URL('../fixtures/solutions.yaml', import.meta.url), 'utf8'),
) as Record<string, Record<string, string[][]>>;
const bridgeNetfilter = existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables');
// What the tests solve is not the learner's progress: it is kept in a directory of their own.
const progress = mkdtempSync(join(tmpdir(), 'nslab-progress-'));
process.env.NSLAB_PROGRESS_DIR = progress;
t.teardown(() => rmSync(progress, { recursive: true, force: true }));

async function skipFor(name: string, faults: string[]): Promise<string | false> {
  if (needsRoot) return needsRoot;
  const missing = await missingKinds(compile(loadLab(name), { kind: 'sandbox', name: 'probe' }));
  if (missing.length > 0) return `this kernel cannot create ${missing.join(', ')} links`;
  if (faults.includes('forward-drop') && !bridgeNetfilter)
    return 'br_netfilter is not loaded, so FORWARD never sees bridged frames (modprobe br_netfilter, or start dockerd)';
  return false;
}

interface Checks {
  ok: boolean;
  checks: { name: string; ok: boolean }[];
}
interface Outcome {
  built: { exitCode: number; stderr: string };
  start: (Checks & { exercise: { task: string } }) | null;
  before: { exitCode: number; stdout: string };
  repairs: { argv: string[]; exitCode: number; stderr: string }[];
  after: { exitCode: number };
  solved:
    | (Checks & {
        solved: boolean;
        judged: { what: string }[];
        next?: { lab: string; number: number } | null;
      })
    | null;
  left: string[];
  /** what nslab names as wrong once every hint was shown */
  findings: { layer: string; what: string }[] | null;
  failing: { command: string } | null;
}

/** One exercise done as a learner does it; the assertions come after, in its own subtest. */
async function doExercise(name: string, number: string): Promise<Outcome> {
  const sb = sandboxName(name.slice(0, 5));
  const at = ['--sandbox-name', sb];
  try {
    const built = await nslab(['exercise', name, number, ...at, '--json']);
    const before = await nslab(['check', name, ...at]);
    let last = '';
    for (let i = 0; i <= loadLab(name).exercises[Number(number) - 1]!.hints.length; i++)
      last = (await nslab(['hint', name, ...at, '--json'])).stdout;
    const repairs = [];
    for (const argv of solutions[name]![number]!) {
      const real = argv.map((w) => w.replace(/\{([a-z0-9-]+)\}/g, (_, n: string) => `${sb}-${n}`));
      const r = await execa(real[0]!, real.slice(1), { reject: false });
      repairs.push({ argv: real, exitCode: r.exitCode ?? -1, stderr: String(r.stderr) });
    }
    const after = await nslab(['check', name, ...at, '--json']);
    const parse = <T>(text: string): T | null => {
      try {
        return JSON.parse(text) as T;
      } catch {
        return null;
      }
    };
    await nslab(['down', name, ...at]);
    const said = parse<{ findings?: Outcome['findings']; failing?: Outcome['failing'] }>(last);
    const findings = said?.findings ?? null;
    return {
      built,
      start: parse(built.stdout),
      before,
      repairs,
      after,
      solved: parse(after.stdout),
      left: await namespacesOf(sb),
      findings,
      failing: said?.failing ?? null,
    };
  } finally {
    await nslab(['down', name, ...at]);
  }
}

// Exercises run three at a time (each in its own sandbox); a reach check that fails costs 3 s.
const queue: (() => Promise<void>)[] = [];
let running = 0;
const limited = <T>(job: () => Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    const go = async () => {
      running++;
      try {
        resolve(await job());
      } catch (e) {
        reject(e);
      } finally {
        running--;
        queue.shift()?.();
      }
    };
    if (running < 3) void go();
    else queue.push(go);
  });

for (const { name } of listLabs()) {
  const lab = loadLab(name);
  t.test(`${name} has at least one exercise, and a solution for each`, async (t) => {
    t.ok(lab.exercises.length >= 1);
    t.equal(Object.keys(solutions[name] ?? {}).length, lab.exercises.length);
  });
  for (const [i, ex] of lab.exercises.entries()) {
    const number = String(i + 1);
    const skip = await skipFor(
      name,
      ex.faults.map((f) => f.kind),
    );
    const outcome = skip ? null : limited(() => doExercise(name, number));
    t.test(
      `${name} exercise ${number} (${ex.title}): broken, repaired with the intended commands, solved`,
      { skip },
      async (t) => {
        const o = await outcome!;
        t.equal(o.built.exitCode, 0, 'exercise builds the broken lab', o.built);
        t.notMatch(o.start?.exercise.task, /\{[a-z0-9-]+\}/, 'the task names real namespaces');
        t.ok(
          o.start?.checks.some((c) => !c.ok),
          `some check fails before the repair: ${o.start?.checks
            .filter((c) => !c.ok)
            .map((c) => c.name)
            .join(', ')}`,
        );
        t.equal(o.before.exitCode, 1, 'check says: not solved');
        t.match(o.before.stdout, /Not solved yet/);
        t.ok(
          (o.findings && o.findings.length > 0) || o.failing,
          'after the last hint nslab names what is wrong, or the failing probe to run: ' +
            (o.findings?.map((f) => f.what).join('; ') || o.failing?.command),
        );
        for (const r of o.repairs)
          t.equal(r.exitCode, 0, `the repair ${r.argv.join(' ')} runs`, { stderr: r.stderr });
        t.same(
          o.solved?.checks.filter((c) => !c.ok).map((c) => c.name),
          [],
          'after the repair every check comes out as expected',
        );
        t.same(o.solved?.judged, [], 'the repair is Docker’s: the judge finds nothing broader or misplaced');
        t.equal(o.after.exitCode, 0, 'check says: solved');
        t.equal(o.solved?.solved, true);
        t.ok(o.solved && 'next' in o.solved, 'Solved says which exercise comes next');
        if (i + 1 < lab.exercises.length)
          t.match(o.solved?.next, { lab: name, number: i + 2 }, 'the next of this lab');
        t.same(o.left, [], 'down removes the lab and the learner’s repairs with it');
      },
    );
  }
}

t.test(
  'hints come one at a time; after the last, nslab names what is wrong',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('hint');
    const at = ['--sandbox-name', sb];
    t.teardown(() => nslab(['down', 'bridge-basic', ...at]));
    t.equal((await nslab(['exercise', 'bridge-basic', '1', ...at])).exitCode, 0);
    const first = await nslab(['hint', 'bridge-basic', ...at]);
    t.match(first.stdout, /hint 1 of 2: Every container's cable has two ends/);
    t.match(first.stdout, new RegExp(`\\(${sb}-host\\)`), 'the hint names the real namespace');
    t.notMatch(first.stdout, /What nslab sees/);
    const second = await nslab(['hint', 'bridge-basic', ...at]);
    t.match(second.stdout, /hint 2 of 2/);
    t.notMatch(second.stdout, /What nslab sees/);
    const third = await nslab(['hint', 'bridge-basic', ...at, '--json']);
    const r = JSON.parse(third.stdout) as { hint: number; findings: { layer: string; what: string }[] };
    t.equal(r.hint, 2);
    t.same(r.findings, [
      {
        layer: 'link',
        where: 'c2',
        what: 've-c2, the host end of c2’s cable, is on no bridge (the lab plugs it into br0)'.replace(
          '’',
          "'",
        ),
        ns: `${sb}-c2`,
      },
    ]);
  },
);

t.test(
  'exercise: bad numbers, labs without exercises and an exercise naming nothing are refused',
  async (t) => {
    const r = await nslab(['exercise', 'bridge-basic', '9', '--sandbox-name', 'tnone']);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, /bridge-basic has 3 exercises: 1 \(c2 is cut off\), 2 \(Docker was installed/);
    const bad = await nslab(['validate', fixtureLab('bad-exercise')]);
    t.equal(bad.exitCode, 2);
    t.match(bad.stderr, /bad-exercise\.yaml:\d+:\d+: .*no container "c9" in this lab/);
    t.match(bad.stderr, /bad-exercise\.yaml:\d+:\d+: .*br0 has no nat: true/);
  },
);

t.test(
  'hint on a lab that is up but not as an exercise says how to start one',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('nohint');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    t.equal((await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q', '--no-check'])).exitCode, 0);
    const r = await nslab(['hint', 'bridge-basic', '--sandbox-name', sb]);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, /not as an exercise: start one with sudo nslab exercise bridge-basic/);
  },
);

/** A small seeded generator (mulberry32): the same seed gives the same learner. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// What a learner plausibly types in bridge-nat while trying things: {NAME} is NAME's namespace.
const EDITS: string[][] = [
  ['ip', 'netns', 'exec', '{host}', 'iptables', '-t', 'nat', '-F'],
  ['ip', 'netns', 'exec', '{host}', 'iptables', '-t', 'nat', '-F', 'POSTROUTING'],
  ['ip', 'netns', 'exec', '{host}', 'iptables', '-P', 'FORWARD', 'ACCEPT'],
  ['ip', 'netns', 'exec', '{host}', 'iptables', '-F', 'FORWARD'],
  ['ip', 'netns', 'exec', '{host}', 'iptables', '-D', 'FORWARD', '1'],
  [
    'ip',
    'netns',
    'exec',
    '{host}',
    'iptables',
    '-t',
    'nat',
    '-A',
    'POSTROUTING',
    '-s',
    '172.31.0.0/16',
    '-o',
    'br0',
    '-j',
    'MASQUERADE',
  ],
  ['ip', 'netns', 'exec', '{host}', 'sysctl', '-qw', 'net.ipv4.ip_forward=0'],
  ['ip', '-n', '{host}', 'link', 'set', 'dev', 'br0', 'down'],
  ['ip', '-n', '{host}', 'link', 'set', 'dev', 've-c1', 'nomaster'],
  ['ip', '-n', '{host}', 'addr', 'flush', 'dev', 'br0'],
  ['ip', '-n', '{c1}', 'link', 'set', 'dev', 'eth0', 'down'],
  ['ip', '-n', '{c1}', 'addr', 'flush', 'dev', 'eth0'],
  ['ip', '-n', '{c1}', 'route', 'del', 'default'],
  ['ip', '-n', '{c2}', 'route', 'replace', 'default', 'via', '172.31.0.99'],
];

const seed = Number(process.env.NSLAB_SEED ?? 14);
for (let trial = 0; trial < 6; trial++) {
  const random = seeded(seed * 100 + trial);
  const edits = Array.from(
    { length: 1 + Math.floor(random() * 3) },
    () => EDITS[Math.floor(random() * EDITS.length)]!,
  );
  const sb = sandboxName(`rnd${trial}`);
  const real = (argv: string[]) =>
    argv.map((w) => w.replace(/\{([a-z0-9-]+)\}/g, (_, n: string) => `${sb}-${n}`));
  const outcome = needsRoot
    ? null
    : limited(async () => {
        const at = ['--sandbox-name', sb];
        try {
          const built = await nslab(['exercise', 'bridge-nat', '1', ...at]);
          for (const argv of edits.map(real)) await execa(argv[0]!, argv.slice(1), { reject: false });
          const hints = [];
          for (let i = 0; i < 3; i++)
            hints.push((await nslab(['hint', 'bridge-nat', ...at, '--json'])).stdout);
          const check = await nslab(['check', 'bridge-nat', ...at]);
          return { built, hints, check, left: null as string[] | null };
        } finally {
          await nslab(['down', 'bridge-nat', ...at]);
        }
      });
  t.test(
    `hint never dead-ends (seed ${seed}, trial ${trial}): ${edits.map((e) => e.slice(e.indexOf('{') > 0 ? 3 : 0).join(' ')).join('; ')}`,
    { skip: needsRoot },
    async (t) => {
      const o = await outcome!;
      t.equal(o.built.exitCode, 0);
      const said = o.hints.map(
        (h) =>
          JSON.parse(h) as {
            hints: string[];
            findings?: { what: string; ns: string | null }[];
            failing?: { check: string; command: string };
          },
      );
      t.equal(
        new Set(said.slice(0, 2).map((s) => s.hints.at(-1))).size,
        2,
        'the two written hints, one each',
      );
      const last = said[2]!;
      const concrete = [
        ...(last.findings ?? []).map((f) => `${f.ns ?? ''} ${f.what}`),
        ...(last.failing ? [`${last.failing.command} ${last.failing.check}`] : []),
      ];
      t.ok(
        concrete.length > 0 || o.check.exitCode === 0,
        'the third call names what differs, or the probe to run',
      );
      for (const c of concrete) {
        t.match(c, new RegExp(`${sb}-(host|c1|c2|outside)`), `it names a namespace: ${c}`);
        t.match(
          c,
          /\b(eth0|br0|ve-c[12]|lo|POSTROUTING|PREROUTING|FORWARD|OUTPUT|DOCKER\S*|ip_forward|route|MASQUERADE)\b/,
          'and an object in it',
        );
      }
      t.notMatch(o.hints[2], /nothing it knows to look for/, 'never the generic fallback');
      if (o.check.exitCode !== 0) t.notMatch(o.hints[2], /run check/, 'hint does not send back to check');
    },
  );
}

t.test(
  'when nothing nslab compares differs, the last hint gives the first failing check’s probe, not "run check"',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('probe');
    const at = ['--sandbox-name', sb];
    t.teardown(() => nslab(['down', 'bridge-nat', ...at]));
    t.equal((await nslab(['exercise', 'bridge-nat', '1', ...at])).exitCode, 0);
    // The planted fault repaired, then a neighbour entry no layer of the diagnosis reads.
    for (const argv of [
      [...solutions['bridge-nat']!['1']![0]!],
      [
        'ip',
        '-n',
        '{c1}',
        'neigh',
        'replace',
        '172.31.0.1',
        'lladdr',
        '02:00:00:00:00:01',
        'dev',
        'eth0',
        'nud',
        'permanent',
      ],
    ]) {
      const real = argv.map((w) => w.replace(/\{([a-z0-9-]+)\}/g, (_, n: string) => `${sb}-${n}`));
      t.equal((await execa(real[0]!, real.slice(1), { reject: false })).exitCode, 0, real.join(' '));
    }
    let last = '';
    for (let i = 0; i < 3; i++) last = (await nslab(['hint', 'bridge-nat', ...at, '--json'])).stdout;
    const r = JSON.parse(last) as {
      findings: unknown[];
      failing?: { check: string; command: string; got: string };
    };
    t.same(r.findings, []);
    t.match(r.failing?.command, new RegExp(`${sb}-c1`), 'the probe runs in c1’s namespace');
    t.match(r.failing?.got, /^fails/);
    const text = await nslab(['hint', 'bridge-nat', ...at]);
    t.match(text.stdout, /Run its probe by hand/);
    t.notMatch(text.stdout, /run check/);
  },
);
