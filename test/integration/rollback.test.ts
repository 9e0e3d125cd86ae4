// Nothing is left behind when up fails half-way, is interrupted, or is refused.
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { cli, namespacesOf, needsRoot, nslab, rootSnapshot, sandboxName } from '../helpers/machine.js';

const stateFile = (sb: string) => `/run/nslab/bridge-basic@${sb}.json`;

// Fail the first command, one after the sandbox exists, one half-way through, and the very last.
const commands = JSON.parse(
  (await nslab(['plan', 'bridge-basic', '--sandbox-name', 'sb', '--json'])).stdout,
) as { steps: { commands: unknown[] }[] };
const total = commands.steps.reduce((n, s) => n + s.commands.length, 0);
for (const k of [1, 4, Math.round(total / 2), total]) {
  t.test(`a failure at command ${k} of up rolls back everything`, { skip: needsRoot }, async (t) => {
    const sb = sandboxName(`f${k}`);
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const before = await rootSnapshot();
    const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb], { NSLAB_FAIL_AT: String(k) });
    t.equal(up.exitCode, 3, 'a failed command is an environment error', up);
    t.match(up.stderr, /a command failed at step \d+/);
    t.match(up.stderr, /command: (ip|mkdir|tee) /, 'the message names the command');
    t.match(up.stderr, /injected failure \(NSLAB_FAIL_AT=/, 'and what it said');
    t.match(up.stderr, /rolled back/);
    t.same(await namespacesOf(sb), [], 'no namespace left');
    t.notOk(existsSync(stateFile(sb)), 'no state file left');
    t.same(await rootSnapshot(), before, 'the machine’s own namespace is unchanged');
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  t.test(`${signal} during up rolls back everything`, { skip: needsRoot }, async (t) => {
    const sb = sandboxName(signal.toLowerCase());
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const child = execa('node', [cli, 'up', 'bridge-basic', '--sandbox-name', sb], {
      reject: false,
      env: { NO_COLOR: '1' },
    });
    // Interrupt once the build is under way (step 3 has started).
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (/\[3\/\d+\]/.test(chunk.toString())) resolve();
      });
      void child.then(() => resolve());
    });
    child.kill(signal);
    const r = await child;
    t.equal(r.exitCode, signal === 'SIGINT' ? 130 : 143, 'exit 128 + the signal number', {
      stderr: r.stderr,
    });
    t.match(String(r.stderr), /interrupted/);
    t.same(await namespacesOf(sb), [], 'no namespace left');
    t.notOk(existsSync(stateFile(sb)), 'no state file left');
  });
}

t.test('a name nslab did not create is refused, and left alone', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('taken');
  await execa('ip', ['netns', 'add', `${sb}-c2`]); // made by "someone else": no mark
  t.teardown(async () => {
    await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
    await execa('ip', ['netns', 'del', `${sb}-c2`], { reject: false });
  });
  const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(up.exitCode, 3, 'a clash is an environment error', up);
  t.match(up.stderr, new RegExp(`namespace ${sb}-c2 already exists: nslab did not create it`));
  t.same(
    await namespacesOf(sb),
    [`${sb}-c2`],
    'nothing was created, and the foreign namespace is still there',
  );
  const down = await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
  t.equal(down.exitCode, 0);
  t.same(await namespacesOf(sb), [`${sb}-c2`], 'down does not touch what nslab did not make');
});

t.test('a bad lab file is refused before anything is touched', { skip: needsRoot }, async (t) => {
  const before = await rootSnapshot();
  const bad = new URL('../fixtures/labs/broken.yaml', import.meta.url).pathname;
  const up = await nslab(['up', bad, '--sandbox-name', sandboxName('bad')]);
  t.equal(up.exitCode, 2, 'bad input exits 2', up);
  t.match(up.stderr, /broken\.yaml:\d+:\d+: /);
  t.same(await rootSnapshot(), before);
});

t.test('a failure after a server started stops that server too', { skip: needsRoot }, async (t) => {
  // container-mode starts web's server, then the sidecar's: fail the last command (the sidecar's).
  const plan = JSON.parse(
    (await nslab(['plan', 'container-mode', '--sandbox-name', 'sb', '--json'])).stdout,
  ) as { steps: { commands: { background?: boolean }[] }[] };
  const all = plan.steps.flatMap((s) => s.commands);
  t.equal(all.filter((c) => c.background).length, 2, 'two servers in the plan');
  const sb = sandboxName('srv');
  t.teardown(() => nslab(['down', 'container-mode', '--sandbox-name', sb]));
  const up = await nslab(['up', 'container-mode', '--sandbox-name', sb], {
    NSLAB_FAIL_AT: String(all.length),
  });
  t.equal(up.exitCode, 3, 'the failure is reported', up);
  t.match(up.stderr, /server\.js http 8081 sidecar/, 'the failed command is the sidecar’s server');
  const servers = String((await execa('ps', ['-eo', 'args'])).stdout)
    .split('\n')
    .filter((l) => l.includes('serve/server.js') && l.includes(`@${sb}`));
  t.same(servers, [], 'web’s server, which had started, was stopped');
  t.same(await namespacesOf(sb), []);
});
