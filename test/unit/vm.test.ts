// The workshop VMs: the Vagrantfile validates (Debian's vagrant), provisions with the script CI
// runs, and gives the machines the addresses the overlay lab names for --as.
import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { loadLab } from '../../src/lab/index.js';

const repo = new URL('../..', import.meta.url).pathname;
const vagrantfile = readFileSync(new URL('../../Vagrantfile', import.meta.url), 'utf8');
const hasVagrant =
  (await execa('vagrant', ['--version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

t.test(
  'vagrant validate accepts the Vagrantfile',
  { skip: hasVagrant ? false : 'vagrant is not installed (apt-get install vagrant; .ci/run does)' },
  async (t) => {
    const r = await execa('vagrant', ['validate', '--ignore-provider'], {
      cwd: repo,
      reject: false,
      env: { VAGRANT_CHECKPOINT_DISABLE: '1' },
    });
    t.equal(r.exitCode, 0, String(r.stderr));
    t.match(String(r.stdout), /Vagrantfile validated successfully/);
  },
);

// The script a VM runs, resolved as the VM sees it: a path in the folder rsync fills from here.
t.test('the VMs run a script rsync copies, the one CI runs, and bash parses it', async (t) => {
  const synced = /synced_folder "\.", "([^"]+)", type: "rsync",\s*rsync__exclude: \[(.*)\]/.exec(vagrantfile);
  const inline = /provision "shell", inline: "bash (\S+)"/.exec(vagrantfile);
  if (!synced || !inline) return t.fail('the Vagrantfile rsyncs this folder, provisions with `bash SCRIPT`');
  const [dest, excludes, inVm] = [synced[1]!, synced[2]!, inline[1]!];
  t.ok(inVm.startsWith(`${dest}/`), `${inVm} is in the synced folder ${dest}`);
  const script = inVm.slice(dest.length + 1);
  t.ok(existsSync(new URL(`../../${script}`, import.meta.url)), `${script} is in the repository`);
  // rsync drops an excluded name at any depth
  const dropped = [...excludes.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/\/$/, ''));
  t.same(
    dropped.filter((d) => script.split('/').includes(d)),
    [],
    `rsync copies ${script}`,
  );
  const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
  t.equal(/^bash (\S+)/m.exec(ci)?.[1], script, 'CI runs the same script');
  const syntax = await execa('bash', ['-n', script], { cwd: repo, reject: false });
  t.equal(syntax.exitCode, 0, `bash parses it ${String(syntax.stderr)}`);
});

t.test('lab and lab2 have the machine addresses overlay.yaml gives h1 and h2', async (t) => {
  const machines = [...vagrantfile.matchAll(/"(lab2?)" => "([\d.]+)"/g)].map((m) => m[2]);
  t.same(
    machines,
    loadLab('overlay').hosts.map((h) => h.machine),
  );
});
