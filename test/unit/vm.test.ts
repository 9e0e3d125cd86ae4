// The workshop VMs: the Vagrantfile validates (Debian's vagrant), provisions with the script CI
// runs, and gives the machines the addresses the overlay lab names for --as.
import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { loadLab } from '../../src/lab/index.js';

const repo = new URL('../..', import.meta.url).pathname;
const vagrantfile = readFileSync(new URL('../../Vagrantfile', import.meta.url), 'utf8');
const hasVagrant = (await execa('vagrant', ['--version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

t.test('vagrant validate accepts the Vagrantfile', { skip: hasVagrant ? false : 'vagrant is not installed (apt-get install vagrant; .ci/run does)' }, async (t) => {
  const r = await execa('vagrant', ['validate', '--ignore-provider'], { cwd: repo, reject: false, env: { VAGRANT_CHECKPOINT_DISABLE: '1' } });
  t.equal(r.exitCode, 0, String(r.stderr));
  t.match(String(r.stdout), /Vagrantfile validated successfully/);
});

t.test('the VMs are provisioned by scripts/provision.sh, the script CI runs', async (t) => {
  t.match(vagrantfile, /provision "shell", inline: "bash \/home\/vagrant\/nslab\/scripts\/provision\.sh"/);
  t.match(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8'), /^bash scripts\/provision\.sh/m);
  const syntax = await execa('bash', ['-n', 'scripts/provision.sh'], { cwd: repo, reject: false });
  t.equal(syntax.exitCode, 0, String(syntax.stderr));
  t.match(vagrantfile, /config\.vm\.box = "debian\/bookworm64"/);
});

t.test('lab and lab2 have the machine addresses overlay.yaml gives h1 and h2', async (t) => {
  const machines = [...vagrantfile.matchAll(/"(lab2?)" => "([\d.]+)"/g)].map((m) => m[2]);
  t.same(machines, loadLab('overlay').hosts.map((h) => h.machine));
});
