// Repairs broader than Docker's, or made in the wrong namespace (test/fixtures/bad-repairs.yaml):
// each exercise is built, repaired that way, and `check` must say "not solved" (exit 1) and name
// why. Every change is made inside the sandbox's namespaces, never on the machine's own.
import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { parse } from 'yaml';
import { loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { missingKinds } from '../../src/run/features.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

interface Attempt {
  why: string;
  after?: boolean;
  commands: string[][];
}
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const bad = parse(readFileSync(fixture('bad-repairs.yaml'), 'utf8')) as Record<
  string,
  Record<string, Attempt[]>
>;
const solutions = parse(readFileSync(fixture('solutions.yaml'), 'utf8')) as Record<
  string,
  Record<string, string[][]>
>;
const bridgeNetfilter = existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables');

interface Judged {
  solved: boolean;
  checks: { name: string; ok: boolean }[];
  judged: { what: string; docker: string }[];
}
interface Outcome {
  built: number;
  repairs: { argv: string[]; exitCode: number; stderr: string }[];
  check: { exitCode: number; stdout: string; json: Judged | null };
  left: string[];
}

async function attempt(name: string, number: string, a: Attempt): Promise<Outcome> {
  const sb = sandboxName(name.slice(0, 5));
  const at = ['--sandbox-name', sb];
  try {
    const built = await nslab(['exercise', name, number, ...at, '--json']);
    const repairs = [];
    const commands = [...(a.after ? solutions[name]![number]! : []), ...a.commands];
    for (const argv of commands) {
      const real = argv.map((w) => w.replace(/\{([a-z0-9-]+)\}/g, (_, n: string) => `${sb}-${n}`));
      const r = await execa(real[0]!, real.slice(1), { reject: false });
      repairs.push({ argv: real, exitCode: r.exitCode ?? -1, stderr: String(r.stderr) });
    }
    const check = await nslab(['check', name, ...at, '--json']);
    const text = await nslab(['check', name, ...at]);
    let json: Judged | null = null;
    try {
      json = JSON.parse(check.stdout) as Judged;
    } catch {
      json = null;
    }
    await nslab(['down', name, ...at]);
    return {
      built: built.exitCode,
      repairs,
      check: { exitCode: check.exitCode, stdout: text.stdout, json },
      left: await namespacesOf(sb),
    };
  } finally {
    await nslab(['down', name, ...at]);
  }
}

// Three at a time, each in its own sandbox, as exercises.test.ts runs them.
const queue: (() => void)[] = [];
let running = 0;
const limited = <T>(job: () => Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    const go = () => {
      running++;
      job()
        .then(resolve, reject)
        .finally(() => {
          running--;
          queue.shift()?.();
        });
    };
    if (running < 3) go();
    else queue.push(go);
  });

for (const [name, exercises] of Object.entries(bad)) {
  const lab = loadLab(name);
  t.test(`${name}: every exercise has a bad repair listed`, async (t) => {
    t.same(Object.keys(exercises).sort(), lab.exercises.map((_, i) => String(i + 1)).sort());
  });
  for (const [number, attempts] of Object.entries(exercises)) {
    const ex = lab.exercises[Number(number) - 1]!;
    const missing = needsRoot ? [] : await missingKinds(compile(lab, { kind: 'sandbox', name: 'probe' }));
    const skip =
      needsRoot ||
      (missing.length > 0 && `this kernel cannot create ${missing.join(', ')} links`) ||
      (ex.faults.some((f) => f.kind === 'forward-drop') && !bridgeNetfilter && 'br_netfilter is not loaded');
    for (const a of attempts) {
      const shown = a.commands.map((c) => c.slice(c.indexOf('iptables') > 0 ? 3 : 0).join(' ')).join('; ');
      const outcome = skip ? null : limited(() => attempt(name, number, a));
      t.test(
        `${name} exercise ${number} (${ex.title}) repaired with ${shown}: not solved`,
        { skip },
        async (t) => {
          const o = await outcome!;
          t.equal(o.built, 0, 'exercise builds the broken lab');
          for (const r of o.repairs) t.equal(r.exitCode, 0, `${r.argv.join(' ')} runs`, { stderr: r.stderr });
          t.equal(o.check.exitCode, 1, 'check says: not solved', { stdout: o.check.stdout });
          t.equal(o.check.json?.solved, false);
          t.match(
            o.check.json?.judged.map((j) => `${j.what} — ${j.docker}`).join('\n'),
            new RegExp(a.why),
            'check names why',
            {
              judged: o.check.json?.judged,
            },
          );
          t.ok(
            o.check.json?.judged.every((j) => j.docker.length > 0),
            'each finding says what Docker does',
          );
          t.match(o.check.stdout, /How it was repaired/);
          t.same(o.left, [], 'down removes the lab and the repair with it');
        },
      );
    }
  }
}
