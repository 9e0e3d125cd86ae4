// The CLI's read-only verbs and its exit codes; these touch nothing on the machine.
import { execa } from 'execa';
import t from 'tap';
import { cli, fixtureLab, isRoot, nslab } from '../helpers/machine.js';

t.test('list shows the catalogue, also as JSON', async (t) => {
  const text = await nslab(['list']);
  t.equal(text.exitCode, 0);
  t.match(text.stdout, /bridge-basic\s+│ docker0 by hand/);
  const json = JSON.parse((await nslab(['list', '--json'])).stdout) as { name: string; title: string }[];
  t.ok(json.some((l) => l.name === 'bridge-basic' && l.title.length > 0));
});

t.test(
  'validate: ok for a good lab, every problem with file:line:col and exit 2 for a bad one',
  async (t) => {
    const ok = await nslab(['validate', 'bridge-basic']);
    t.equal(ok.exitCode, 0);
    t.match(ok.stdout, /bridge-basic\.yaml: ok — 1 network\(s\), 2 container\(s\), 5 check\(s\)/);
    const bad = await nslab(['validate', fixtureLab('broken')]);
    t.equal(bad.exitCode, 2);
    t.match(
      bad.stderr,
      /broken\.yaml:8:7: container c1 joins network "br1", which is not defined: networks are br0/,
    );
    const json = JSON.parse((await nslab(['validate', fixtureLab('broken'), '--json'])).stdout) as {
      ok: boolean;
      problems: { line: number; col: number }[];
    };
    t.equal(json.ok, false);
    t.same(
      json.problems.map((p) => [p.line, p.col]),
      [[8, 7]],
    );
  },
);

t.test('an unknown lab or verb is bad input (exit 2) with a hint', async (t) => {
  const missing = await nslab(['validate', 'no-such-lab']);
  t.equal(missing.exitCode, 2);
  t.match(missing.stderr, /no such lab file: known labs are .*bridge-basic/);
  const verb = await nslab(['frobnicate']);
  t.equal(verb.exitCode, 2);
  t.match(verb.stderr, /unknown command 'frobnicate'/);
  const name = await nslab(['plan', 'bridge-basic', '--sandbox-name', 'Bad Name']);
  t.equal(name.exitCode, 2);
  t.match(name.stderr, /--sandbox-name "Bad Name" must be lowercase/);
});

t.test('--help lists the verbs and the exit codes', async (t) => {
  const help = await nslab(['--help']);
  t.equal(help.exitCode, 0);
  for (const verb of ['list', 'validate', 'plan', 'up', 'verify', 'exec', 'down', 'status'])
    t.match(help.stdout, new RegExp(`\\n  ${verb} `));
  t.match(help.stdout, /Exit codes: 0 ok, 1 a check failed, 2 bad input/);
});

t.test('plan --json is the plan as data', async (t) => {
  const plan = JSON.parse(
    (await nslab(['plan', 'bridge-basic', '--sandbox-name', 'sb', '--json'])).stdout,
  ) as { steps: { title: string; commands: { argv: string[] }[] }[]; checks: unknown[] };
  t.equal(
    plan.steps.length,
    10,
    'sandbox host, outside, uplink, 2 × (namespace, files), bridge, 2 endpoints',
  );
  t.same(plan.steps[0]!.commands[0]!.argv, ['ip', 'netns', 'add', 'sb-host']);
  t.equal(plan.checks.length, 5);
});

// Run as an ordinary user (nobody), the read-only verbs work and the others say what to do.
const asNobody = (args: string[]) =>
  execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', cli, ...args], {
    reject: false,
    env: { NO_COLOR: '1' },
  });

t.test(
  'without root: plan works, up refuses with exit 3 and says to use sudo',
  { skip: isRoot ? false : 'needs root to switch to an ordinary user' },
  async (t) => {
    const plan = await asNobody(['plan', 'bridge-basic']);
    t.equal(plan.exitCode, 0, 'plan needs no root', { stderr: plan.stderr });
    t.match(String(plan.stdout), /ip netns add c1/);
    const up = await asNobody(['up', 'bridge-basic', '--sandbox']);
    t.equal(up.exitCode, 3);
    t.match(String(up.stderr), /needs root[\s\S]*run it with sudo: sudo nslab up bridge-basic --sandbox\n/);
  },
);
