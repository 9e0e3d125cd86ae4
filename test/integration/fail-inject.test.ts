// Failure injection over the whole catalogue: `up` with its K-th command failing
// (NSLAB_FAIL_AT=K) exits 3 and leaves nothing behind — no namespace, state file, /etc/netns
// directory or server — and the machine's own namespace as it was. By default a spread of K per
// lab (the first, the last, and evenly between); NSLAB_FAIL_EVERY=1 tries every K of every lab.
// Both targets: the sandbox, and the host target on a stand-in machine (a namespace of the test's).
import { existsSync, readdirSync } from 'node:fs';
import { execa } from 'execa';
import t, { type Test } from 'tap';
import { listLabs } from '../../src/lab/index.js';
import {
  cli,
  namespacesOf,
  needsRoot,
  nslab,
  rootSnapshot,
  sandboxName,
  standIn,
  hostTargetTurn,
} from '../helpers/machine.js';

// Many builds in one file: more than tap's default 300 s on a busy 2-core machine.
t.setTimeout(1_200_000);

const every = process.env.NSLAB_FAIL_EVERY === '1';
const SPREAD = 5;

const netnsDirs = (sb: string) =>
  existsSync('/etc/netns') ? readdirSync('/etc/netns').filter((d) => d.startsWith(`${sb}-`)) : [];

/** K values to try for a plan of `total` commands. */
function failurePoints(total: number): number[] {
  if (every || total <= SPREAD) return Array.from({ length: total }, (_, i) => i + 1);
  const ks = Array.from({ length: SPREAD }, (_, i) => 1 + Math.round((i * (total - 1)) / (SPREAD - 1)));
  return [...new Set(ks)];
}

let points = 0;

/** Says why a lab cannot run here, as a skipped test (tap counts it). */
const skipWith = (t: Test, why: string) => void t.test('cannot run here', { skip: why }, () => {});
for (const { name } of listLabs()) {
  t.test(`${name}: a failure at any command rolls back everything`, { skip: needsRoot }, async (t) => {
    const plan = JSON.parse((await nslab(['plan', name, '--sandbox-name', 'sb', '--json'])).stdout) as {
      steps: { commands: unknown[] }[];
    };
    const total = plan.steps.reduce((n, s) => n + s.commands.length, 0);
    const before = await rootSnapshot();
    for (const k of failurePoints(total)) {
      const sb = sandboxName(`fi${k}`);
      const up = await nslab(['up', name, '--sandbox-name', sb, '--no-check'], { NSLAB_FAIL_AT: String(k) });
      if (k === 1 && /this kernel cannot create/.test(up.stderr)) {
        return skipWith(t, up.stderr.split('\n')[0]!);
      }
      points += 1;
      t.equal(up.exitCode, 3, `K=${k}: exit 3`, up);
      t.match(up.stderr, /injected failure \(NSLAB_FAIL_AT=/, `K=${k}: the failing command is named`);
      const left = await namespacesOf(sb);
      const files = netnsDirs(sb);
      const state = existsSync(`/run/nslab/${name}@${sb}.json`);
      if (left.length || files.length || state) {
        await nslab(['down', name, '--sandbox-name', sb]); // leave the machine clean for the others
      }
      t.same(left, [], `K=${k}: no namespace left`);
      t.same(files, [], `K=${k}: no /etc/netns files left`);
      t.notOk(state, `K=${k}: no state file left`);
      const stray = (await nslab(['status', name, '--json'])).stdout;
      t.notMatch(
        stray,
        new RegExp(`sandbox ${sb}\\b`),
        `K=${k}: status finds nothing of it (servers, rules, links)`,
      );
    }
    t.same(await rootSnapshot(), before, 'the machine’s own namespace is unchanged');
  });
}

t.teardown(() => {
  // The count for the notes: how many failure points ran.
  console.log(`# failure injection: ${points} failure points`);
});

for (const { name } of listLabs()) {
  t.test(
    `${name} on the host target (a stand-in machine): a failure anywhere leaves nothing`,
    { skip: needsRoot },
    async (t) => {
      await hostTargetTurn(t);
      const m = await standIn(t);
      const planned = await m.inside(['node', cli, 'plan', name, '--json']);
      const plan = JSON.parse(String(planned.stdout) || 'null') as {
        namespaces: string[];
        steps: { commands: unknown[] }[];
      } | null;
      if (!plan) return skipWith(t, `${name} has no host plan: ${String(planned.stderr).split('\n')[0]}`);
      const total = plan.steps.reduce((n, s) => n + s.commands.length, 0);
      const before = await m.snapshot();
      for (const k of failurePoints(total)) {
        const up = await m.inside(['node', cli, 'up', name, '--no-check'], { NSLAB_FAIL_AT: String(k) });
        const stderr = String(up.stderr);
        if (k === 1 && /this kernel cannot create|spans \d+ hosts/.test(stderr)) {
          return skipWith(t, `${name}: ${stderr.split('\n')[0]}`);
        }
        points += 1;
        t.equal(up.exitCode, 3, `K=${k}: exit 3`, { stderr });
        t.match(stderr, /injected failure \(NSLAB_FAIL_AT=/, `K=${k}: the failing command is named`);
        const left = (
          JSON.parse(String((await execa('ip', ['-j', 'netns', 'list'])).stdout) || '[]') as {
            name: string;
          }[]
        )
          .map((n) => n.name)
          .filter((n) => plan.namespaces.includes(n));
        const files = plan.namespaces.filter((n) => existsSync(`/etc/netns/${n}`));
        const states = readdirSync(m.stateDir).filter((f) => f.endsWith('.json'));
        if (left.length || files.length || states.length) await m.inside(['node', cli, 'down', name]);
        t.same(left, [], `K=${k}: no namespace left`);
        t.same(files, [], `K=${k}: no /etc/netns files left`);
        t.same(states, [], `K=${k}: no state file left`);
        t.same(
          await m.snapshot(),
          before,
          `K=${k}: the machine's links, addresses, routes, rules, ip_forward as before`,
        );
      }
    },
  );
}
