// compare against a real Docker engine: docker0 beside the hand-built bridge, every difference
// explained, a property broken on the hand-built side found as exactly that row, and Docker's
// rules left as they were. Skipped (with the reason) where no Docker engine runs.
import { execa } from 'execa';
import t from 'tap';
import { engineUserlandProxy, IMAGE, unsupported } from '../../src/compare/docker.js';
import { listLabs, loadLab } from '../../src/lab/index.js';
import {
  cli,
  needsRoot,
  nslab,
  namespacesOf,
  sandboxName,
  standIn,
  holdDockerTurn,
  hostTargetTurn,
} from '../helpers/machine.js';

interface Row {
  property: string;
  hand: string;
  docker: string;
  verdict: string;
  why: string;
}
interface Result {
  ok: boolean;
  rows: Row[];
  docker: { version: string; networks: { lab: string; bridge: string }[] };
}

async function engine(): Promise<string | false> {
  if (needsRoot) return needsRoot;
  const r = await execa('docker', ['version', '--format', '{{.Server.Version}}'], { reject: false });
  return r.exitCode === 0
    ? false
    : `no Docker engine answers here (${String(r.stderr).trim().split('\n').at(-1)}): .ci/run starts one with npm run docker -- start`;
}

const skip = await engine();
if (!skip) await holdDockerTurn(); // compare.test.ts and compare-breaks.test.ts both use Docker
/** iptables of the machine's own namespace without counters: compare must leave Docker's rules as they were. */
const rules = async () =>
  String((await execa('iptables-save')).stdout)
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/ \[\d+:\d+\]$/, ''));
const leftovers = async (lab: string) => ({
  containers: String((await execa('docker', ['ps', '-aq', '--filter', `label=nslab.compare=${lab}`])).stdout)
    .split('\n')
    .filter(Boolean),
  names: String((await execa('ip', ['netns', 'list'])).stdout)
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((l) => l.startsWith(`nslab-dk-${lab}-`)),
});

t.test(
  'compare bridge-basic: docker0 beside the hand-built br0, every difference explained',
  { skip },
  async (t) => {
    const sb = sandboxName('cmp');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const before = await rules();
    const r = await nslab(['compare', 'bridge-basic', '--sandbox-name', sb, '--json']);
    t.equal(r.exitCode, 0, 'exit 0: nothing differs that the lab means to match', { stderr: r.stderr });
    const result = JSON.parse(r.stdout) as Result;
    const row = (p: string) => result.rows.find((x) => x.property === p);
    t.equal(result.docker.networks[0]?.bridge, 'docker0', 'br0 stands beside docker0');
    t.match(row('bridge br0: device'), {
      hand: 'br0 (bridge)',
      docker: 'docker0 (bridge)',
      verdict: 'docker',
    });
    for (const p of [
      'bridge br0: MTU',
      'bridge br0: STP',
      'c1 eth0: address',
      'c1 eth0: MTU',
      'c1: routes',
      'c1: lo',
      'c1: /etc/hosts (IPv4 lines)',
      'c1 eth0: host end on bridge',
    ])
      t.equal(row(p)?.verdict, 'same', `${p} matches Docker`);
    t.match(
      row('c1 eth0: host end'),
      { hand: 've-c1', docker: /^veth[0-9a-f]{7}$/, verdict: 'docker' },
      'Docker’s random veth name is named as its choice',
    );
    t.match(
      row('c1 eth0: MAC'),
      { verdict: /same|docker/, why: new RegExp(`Docker ${result.docker.version.replace(/[.+]/g, '\\$&')}`) },
      'the MAC row names the Docker version',
    );
    t.match(row("iptables: MASQUERADE br0's subnet"), {
      hand: '—',
      docker: /-s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE/,
      verdict: 'lab',
    });
    t.same(
      result.rows.filter((x) => x.verdict !== 'same' && !x.why).map((x) => x.property),
      [],
      'every difference has a why',
    );
    t.same(
      result.rows.filter((x) => x.property.startsWith('check:')).map((x) => x.verdict),
      ['same', 'same', 'same', 'same', 'same'],
      'the lab’s five checks come out the same on both sides',
    );
    t.same(await rules(), before, 'Docker’s iptables rules are as they were');
    t.same(
      await leftovers('bridge-basic'),
      { containers: [], names: [] },
      'no Docker container or namespace name left',
    );
    t.same(await namespacesOf(sb), [], 'the hand-built copy compare made is gone');
  },
);

t.test('a broken hand-built property shows as exactly that row', { skip }, async (t) => {
  const sb = sandboxName('cmpx');
  t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
  t.equal((await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q'])).exitCode, 0);
  await execa('ip', ['-n', `${sb}-host`, 'link', 'set', 'dev', 'br0', 'mtu', '1400']);
  const r = await nslab(['compare', 'bridge-basic', '--sandbox-name', sb, '--json']);
  t.equal(r.exitCode, 1, 'exit 1: a difference the lab does not explain');
  const rows = (JSON.parse(r.stdout) as Result).rows;
  t.same(
    rows.filter((x) => x.verdict === 'differs').map((x) => [x.property, x.hand, x.docker]),
    [['bridge br0: MTU', '1400', '1500']],
  );
  t.same(await namespacesOf(sb).then((n) => n.length), 4, 'a lab that was up before compare stays up');
  t.same(await leftovers('bridge-basic'), { containers: [], names: [] });
});

t.test('bridge-nat without its MASQUERADE rule: that rule is the row that differs', { skip }, async (t) => {
  const sb = sandboxName('cmpn');
  t.teardown(() => nslab(['down', 'bridge-nat', '--sandbox-name', sb]));
  t.equal((await nslab(['up', 'bridge-nat', '--sandbox-name', sb, '-q'])).exitCode, 0);
  const host = `${sb}-host`;
  const rule = String((await execa('ip', ['netns', 'exec', host, 'iptables-save', '-t', 'nat'])).stdout)
    .split('\n')
    .find((l) => l.includes('-j MASQUERADE'));
  t.ok(rule, 'the lab made a MASQUERADE rule');
  await execa('ip', [
    'netns',
    'exec',
    host,
    'iptables',
    '-t',
    'nat',
    ...rule!
      .replace(/^-A /, '-D ')
      .split(' ')
      .map((w) => w.replace(/^"|"$/g, '')),
  ]);
  const r = await nslab(['compare', 'bridge-nat', '--sandbox-name', sb, '--json']);
  t.equal(r.exitCode, 1);
  const rows = (JSON.parse(r.stdout) as Result).rows;
  t.same(
    rows.filter((x) => x.verdict === 'differs').map((x) => x.property),
    ['iptables: -t nat -A POSTROUTING -s <br0>/subnet ! -o <br0> -j MASQUERADE'],
  );
  t.same(await leftovers('bridge-nat'), { containers: [], names: [] });
});

t.test('Ctrl-C while Docker builds its copy removes both copies', { skip }, async (t) => {
  const sb = sandboxName('cmpi');
  t.teardown(() => nslab(['down', 'port-publish', '--sandbox-name', sb]));
  const before = await rules();
  const child = execa('node', [cli, 'compare', 'port-publish', '--sandbox-name', sb], {
    reject: false,
    env: { NO_COLOR: '1' },
  });
  await new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/building the same with Docker/.test(chunk.toString())) resolve();
    });
    void child.then(() => resolve());
  });
  child.kill('SIGINT');
  const r = await child;
  t.equal(r.exitCode, 130, 'exit 128 + SIGINT', { stderr: r.stderr });
  t.match(String(r.stderr), /interrupted: everything compare built was removed/);
  t.same(
    await leftovers('port-publish'),
    { containers: [], names: [] },
    'no Docker container or namespace name left',
  );
  t.same(await namespacesOf(sb), [], 'no hand-built namespace left');
  t.same(await rules(), before, 'Docker’s rules (its DNAT for the published port too) are as they were');
});

t.test(
  'a reader that stops early (| head) does not stop compare from removing what it built',
  { skip },
  async (t) => {
    const sb = sandboxName('cmph');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const child = execa('node', [cli, 'compare', 'bridge-basic', '--sandbox-name', sb], {
      reject: false,
      env: { NO_COLOR: '1' },
    });
    child.stdout!.once('data', () => child.stdout!.destroy()); // like `| head -1`
    const r = await child;
    t.equal(r.exitCode, 0, 'compare finishes', { stderr: r.stderr });
    t.same(
      await leftovers('bridge-basic'),
      { containers: [], names: [] },
      'no Docker container or namespace name left',
    );
    t.same(await namespacesOf(sb), [], 'the hand-built copy is gone');
  },
);

t.test('compare --keep leaves both copies up; down removes both', { skip }, async (t) => {
  const sb = sandboxName('cmpk');
  t.teardown(() => nslab(['down', 'bridge-basic']));
  const kept = await nslab(['compare', 'bridge-basic', '--sandbox-name', sb, '--keep']);
  t.equal(kept.exitCode, 0, kept.stderr);
  t.match(kept.stdout, /kept: Docker containers nslab-dk-bridge-basic-c1, nslab-dk-bridge-basic-c2/);
  t.same(
    (await leftovers('bridge-basic')).names.sort(),
    ['nslab-dk-bridge-basic-c1', 'nslab-dk-bridge-basic-c2'],
    'Docker’s copy is still there',
  );
  t.equal((await namespacesOf(sb)).length, 4, 'and the hand-built one');
  const down = await nslab(['down', 'bridge-basic']);
  t.equal(down.exitCode, 0, down.stderr);
  t.match(down.stdout, /removed Docker's copy of bridge-basic that compare --keep left/);
  t.same(await leftovers('bridge-basic'), { containers: [], names: [] });
  t.same(await namespacesOf(sb), []);
});

// What a learner reads by default: the summary, what differs and the choices with their reasons,
// what only agrees named in a few lines; the whole of it within a screen at 100 columns.
t.test('compare bridge-basic’s default text: at most 60 lines at 100 columns', { skip }, async (t) => {
  const sb = sandboxName('cmpt');
  t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
  const r = await nslab(['compare', 'bridge-basic', '--sandbox-name', sb], { COLUMNS: '100' });
  t.equal(r.exitCode, 0, 'compare ran', { stderr: r.stderr });
  const lines = r.stdout.replace(/\n$/, '').split('\n');
  t.ok(lines.length <= 60, `${lines.length} lines`, { stdout: r.stdout });
  t.same(
    lines.filter((l) => l.length > 100),
    [],
    'none wider than 100 columns',
  );
  const table = lines.findIndex((l) => l.startsWith('┌'));
  t.ok(lines.findIndex((l) => / properties compared: /.test(l)) < table, 'the summary first');
  const headings = lines.filter((l) =>
    /^│ (DIFFERS|Docker’s choice|the lab’s choice|not run|the same) /.test(l),
  );
  t.ok(headings.length > 0, `the rows under ${headings.length} headings`);
  t.notOk(
    headings.some((l) => l.startsWith('│ the same')),
    'rows that only agree are not drawn…',
  );
  t.match(r.stdout, /Also the same on both sides: bridge br0: [^;]*MTU/, '…but named under the table');
  t.match(r.stdout, /│ eth0: MAC — c1, c2 /, 'one row for both containers’ MAC');
  t.match(
    r.stdout,
    /│ iptables: MASQUERADE br0's\s[^]*-t nat -A POSTROUTING -s 172\.17\.0\.0\/16/,
    'Docker’s NAT rule, which the lab leaves out, is there',
  );
  const every = await nslab(['compare', 'bridge-basic', '--sandbox-name', sb, '--group', 'section']);
  t.equal(every.exitCode, 0);
  t.match(every.stdout, /│ bridge br0: MTU +│ 1500 +│ 1500 +│ same /, '--group section draws every row');
  t.ok(every.stdout.split('\n').length > lines.length, 'and is longer');
});

// The text a learner reads, for every lab compare can rebuild: the summary before the table, and
// no line wider than 100 columns (the table wraps its cells; piped output draws for 100).
t.test('compare’s text fits 100 columns for every lab it supports', { skip }, async (t) => {
  // a lab built for the other userland-proxy mode than this engine's is refused (next test)
  const labs = listLabs()
    .map((l) => l.name)
    .filter((n) => !unsupported(loadLab(n)) && loadLab(n).daemon.userlandProxy === engineUserlandProxy());
  t.ok(labs.length >= 9, `${labs.length} labs: ${labs.join(', ')}`);
  for (const lab of labs) {
    const sb = sandboxName('cmpw');
    t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
    const r = await nslab(['compare', lab, '--sandbox-name', sb]);
    t.ok(r.exitCode === 0 || r.exitCode === 1, `${lab}: compare ran (exit ${r.exitCode})`, {
      stderr: r.stderr,
    });
    const lines = r.stdout.split('\n');
    t.same(
      lines.filter((l) => l.length > 100),
      [],
      `${lab}: ${lines.length} lines, none wider than 100 columns`,
    );
    const summary = lines.findIndex((l) => / properties compared: /.test(l));
    t.ok(summary >= 0 && summary < lines.findIndex((l) => l.startsWith('┌')), `${lab}: summary first`);
    t.same(await leftovers(lab), { containers: [], names: [] }, `${lab}: nothing left`);
  }
});

t.test('compare says which labs it cannot rebuild with Docker, and changes nothing', { skip }, async (t) => {
  const r = await nslab(['compare', 'overlay']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, /overlay.*compare rebuilds bridge networks only/);
  // this machine's dockerd runs its userland proxy (Docker's default): the no-proxy lab would
  // differ by that setting alone, so compare refuses it and says how to compare it
  t.equal(engineUserlandProxy(), true, 'the engine CI starts keeps Docker’s default');
  const noProxy = await nslab(['compare', 'port-publish-no-proxy', '--sandbox-name', sandboxName('cmpn')]);
  t.equal(noProxy.exitCode, 3);
  t.match(
    noProxy.stderr,
    /built as dockerd with userland-proxy false, but this engine runs with userland-proxy true/,
  );
  t.match(noProxy.stderr, /--userland-proxy=false/);
  t.same(await leftovers('port-publish-no-proxy'), { containers: [], names: [] }, 'nothing built');
});

// Docker beside every lab that can run on the host target: a real dockerd (FORWARD policy DROP,
// br_netfilter on) with a container of its own up; each lab goes up, verifies and comes down on
// the host target of a stand-in machine, and Docker's chains, rules, bridges and containers are
// exactly as before. In this file, so that no other test's containers come and go meanwhile.
t.test('Docker beside every host-capable lab: Docker is left exactly as it was', { skip }, async (t) => {
  const docker = async () => ({
    rules: (await rules()).filter((l) => /DOCKER|docker0|br-[0-9a-f]{12}/.test(l) || l.startsWith(':')),
    bridges: String((await execa('ip', ['-br', 'link', 'show', 'type', 'bridge'])).stdout),
    containers: String(
      (await execa('docker', ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Status}}'])).stdout,
    )
      .split('\n')
      .map((l) => l.replace(/ Up .*$/, ' Up'))
      .sort(),
    networks: String((await execa('docker', ['network', 'ls', '-q', '--no-trunc'])).stdout),
  });
  const name = `nslab-beside-${process.pid}`;
  const run = await execa('docker', ['run', '-d', '--name', name, IMAGE, 'sleep', '1000000'], {
    reject: false,
  });
  t.equal(run.exitCode, 0, 'a container of Docker’s own is up', { stderr: run.stderr });
  t.teardown(() => execa('docker', ['rm', '-f', name], { reject: false }));
  t.match(
    String((await execa('iptables', ['-S', 'FORWARD'])).stdout),
    /^-P FORWARD DROP$/m,
    'Docker set FORWARD to DROP',
  );
  const before = await docker();

  await hostTargetTurn(t);
  const m = await standIn(t);
  await m.inside(['iptables', '-P', 'FORWARD', 'DROP']); // the stand-in is a Docker host too
  const labs = String((await nslab(['list', '--json'])).stdout);
  for (const { name: lab } of JSON.parse(labs) as { name: string }[]) {
    const up = await m.inside(['node', cli, 'up', lab, '-q']);
    if (/this kernel cannot create|spans \d+ hosts/.test(String(up.stderr))) continue; // not host-capable here
    t.equal(up.exitCode, 0, `${lab}: up passes its checks beside Docker`, { stderr: up.stderr });
    const verify = await m.inside(['node', cli, 'verify', lab]);
    t.equal(verify.exitCode, 0, `${lab}: verify`, { stdout: verify.stdout, stderr: verify.stderr });
    t.equal((await m.inside(['node', cli, 'down', lab])).exitCode, 0, `${lab}: down`);
  }
  t.same(await docker(), before, 'Docker’s chains, rules, bridges, networks and containers as before');
});
