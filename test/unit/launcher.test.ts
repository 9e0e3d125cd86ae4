// The `nslab` command scripts/setup.sh installs (through scripts/install-launcher.sh): written
// into a prefix of the test's own, it runs this checkout from any folder, by name on PATH.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';

const repo = new URL('../..', import.meta.url).pathname;
const install = (prefix: string) =>
  execa('bash', [join(repo, 'scripts/install-launcher.sh')], {
    env: { NSLAB_PREFIX: prefix },
    reject: false,
  });

t.test('install-launcher.sh: `nslab list` works from /tmp, by name on PATH', async (t) => {
  const prefix = mkdtempSync(join(tmpdir(), 'nslab-prefix-'));
  t.teardown(() => rmSync(prefix, { recursive: true, force: true }));
  const r = await install(prefix);
  t.equal(r.exitCode, 0, 'installed', r);
  t.match(r.stdout, `${prefix}/bin/nslab runs ${repo.replace(/\/$/, '')}`);
  const run = (args: string[]) =>
    execa('nslab', args, {
      cwd: '/tmp',
      env: { PATH: `${prefix}/bin:${process.env.PATH}`, NO_COLOR: '1' },
      reject: false,
    });
  const list = await run(['list']);
  t.equal(list.exitCode, 0, 'nslab list', list);
  t.match(list.stdout, /bridge-basic\s+│ docker0 by hand/);
  t.match(list.stdout, /build one: sudo nslab up bridge-basic/, 'and what it suggests is this command');
  const plan = await run(['plan', 'bridge-basic']);
  t.equal(plan.exitCode, 0, 'a verb that reads labs/ works outside the checkout too');
  t.match(plan.stdout, /^#!\/usr\/bin\/env bash\n/);
  // a lab file named by a path relative to the folder it runs in
  const own = join(prefix, 'mine.yaml');
  writeFileSync(own, readFileSync(join(repo, 'labs/bridge-basic.yaml')));
  const validate = await execa('nslab', ['validate', 'mine.yaml'], {
    cwd: prefix,
    env: { PATH: `${prefix}/bin:${process.env.PATH}`, NO_COLOR: '1' },
    reject: false,
  });
  t.equal(validate.exitCode, 0, 'a relative lab path is read from the folder nslab runs in', validate);

  const again = await install(prefix);
  t.equal(again.exitCode, 0, 'running setup again replaces its own launcher', again);
});

t.test('install-launcher.sh leaves a `nslab` that is not its own alone', async (t) => {
  const prefix = mkdtempSync(join(tmpdir(), 'nslab-prefix-'));
  t.teardown(() => rmSync(prefix, { recursive: true, force: true }));
  mkdirSync(join(prefix, 'bin'));
  writeFileSync(join(prefix, 'bin/nslab'), '#!/bin/sh\necho someone else\n');
  const r = await install(prefix);
  t.equal(r.exitCode, 3);
  t.match(r.stderr, /exists and is not nslab's launcher: leaving it/);
  t.equal(readFileSync(join(prefix, 'bin/nslab'), 'utf8'), '#!/bin/sh\necho someone else\n', 'untouched');
});

t.test('setup.sh installs the launcher after npm ci', async (t) => {
  const setup = readFileSync(join(repo, 'scripts/setup.sh'), 'utf8');
  const ci = setup.search(/^npm ci /m);
  const launcher = setup.search(/^bash scripts\/install-launcher\.sh$/m);
  t.ok(ci >= 0 && launcher > ci, 'scripts/setup.sh runs npm ci, then install-launcher.sh');
});
