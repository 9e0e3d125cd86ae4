// Every exercise of the catalogue, done as a learner does it: built broken, `check` fails,
// the intended commands repair it, `check` passes; hints come one at a time, then nslab's own
// diagnosis. Each in a sandbox of its own, removed afterwards.
import { existsSync, readFileSync } from 'node:fs';
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
  solved: (Checks & { solved: boolean; judged: { what: string }[] }) | null;
  left: string[];
  /** what nslab names as wrong once every hint was shown */
  findings: { layer: string; what: string }[] | null;
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
    const findings = parse<{ findings?: Outcome['findings'] }>(last)?.findings ?? null;
    return {
      built,
      start: parse(built.stdout),
      before,
      repairs,
      after,
      solved: parse(after.stdout),
      left: await namespacesOf(sb),
      findings,
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
          o.findings && o.findings.length > 0,
          `after the last hint nslab names what is wrong: ${o.findings?.map((f) => f.what).join('; ')}`,
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
      },
    ]);
  },
);

t.test(
  'exercise: bad numbers, labs without exercises and an exercise naming nothing are refused',
  async (t) => {
    const r = await nslab(['exercise', 'bridge-basic', '9', '--sandbox-name', 'tnone']);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, /bridge-basic has 2 exercises: 1 \(c2 is cut off\), 2 \(Docker was installed/);
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
    t.match(r.stderr, /not as an exercise: start one with npm run nslab -- exercise bridge-basic/);
  },
);
