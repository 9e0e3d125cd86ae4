// `plan --portable`: every catalogue lab's handout is valid bash and passes shellcheck, in both
// shapes (a sandbox, the machine's own namespace); what it decides at run time is in the script.
import { execFileSync, spawnSync } from 'node:child_process';
import t from 'tap';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { renderPortable } from '../../src/plan/portable.js';

const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;
const noShellcheck = shellcheck
  ? false
  : 'shellcheck is not installed (apt-get install shellcheck; setup.sh does)';

/** bash -n, then shellcheck: the findings, empty when there are none. */
const lint = (script: string, tool: 'bash' | 'shellcheck'): string => {
  const argv = tool === 'bash' ? ['-n'] : ['-s', 'bash', '-'];
  const r = spawnSync(tool, argv, { input: script, encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stdout}${r.stderr}`.trim() || `exit ${r.status}`;
};

for (const { name } of listLabs()) {
  const lab = loadLab(name);
  for (const [shape, sandbox] of [
    ['sandbox', name],
    ['host', null],
  ] as const) {
    const script = renderPortable(lab, sandbox);
    t.test(`${name} (${shape}): the portable script is valid bash`, async (t) => {
      t.equal(lint(script, 'bash'), '', 'bash -n finds nothing');
      t.match(script, /^#!\/usr\/bin\/env bash\n/, 'it starts with the shebang');
      t.match(script, /\n {2}up\) up ;;\n {2}down\) down ;;\n {2}check\) check ;;\n/, 'up, down and check');
      t.notMatch(script, /src\/serve|node /, 'nothing of nslab');
    });
    t.test(`${name} (${shape}): shellcheck finds nothing`, { skip: noShellcheck }, async (t) => {
      t.equal(lint(script, 'shellcheck'), '');
    });
  }
}

t.test('the host shape decides ip_forward and Docker’s FORWARD DROP when it runs', async (t) => {
  const nat = renderPortable(loadLab('bridge-nat'), null);
  t.match(nat, /\nforward_on\n/, 'ip_forward is turned on through forward_on, which keeps the old value');
  t.match(nat, /\n {2}forward_back\n/, 'down puts it back');
  t.notMatch(
    nat,
    /if forward_drops/,
    'a lab that plays dockerd has its own FORWARD rules: nothing to decide',
  );
  const basic = renderPortable(loadLab('bridge-basic'), null);
  t.match(
    basic,
    /if forward_drops; then\n {2}iptables -t filter -I FORWARD -i br0 -o br0 -m comment --comment nslab:bridge-basic -j ACCEPT\nfi/,
    'the accept for a bridge only where FORWARD drops',
  );
  t.notMatch(basic, /\nforward_on\n/, 'no ip_forward for a lab that routes nothing');
});

t.test('the sandbox shape is named and marked as nslab’s sandbox, so nslab verify finds it', async (t) => {
  const s = renderPortable(loadLab('bridge-basic'), 'hand1');
  t.match(s, /\nip netns add hand1-host\nip -n hand1-host link set dev lo alias nslab:bridge-basic@hand1\n/);
  t.match(s, /NAMESPACES=\(hand1-host hand1-outside hand1-c1 hand1-c2\)/);
});

t.test(
  'servers, proxy and DNS go through the run-time functions, with the plan’s own arguments',
  async (t) => {
    const pp = renderPortable(loadLab('port-publish'), 'pp');
    t.match(pp, /\nserve pp-c1 http 80 c1\n/);
    t.match(
      pp,
      /\nproxy pp-host -proto udp -host-ip 0\.0\.0\.0 -host-port 5353 -container-ip 172\.28\.0\.2 -container-port 53\n/,
    );
    t.match(
      pp,
      /socket_check reach .* pp-host http 127\.0\.0\.1 8080 'c1 answered; client 172\.28\.0\.1' 1\n/,
    );
    const dns = renderPortable(loadLab('user-bridge-dns'), 'd');
    t.match(dns, /\nresolver d-app 127\.0\.0\.11:\d+\/udp 127\.0\.0\.11:\d+\/tcp appnet /);
    const vip = renderPortable(loadLab('service-vip'), 'v');
    t.match(vip, / 12 web1 web2\n/, 'a load-balanced check asks 12 times and names its backends');
  },
);

t.test('plan --portable from the CLI prints the script and nothing else', async (t) => {
  const cli = new URL('../../src/cli/nslab.js', import.meta.url).pathname;
  const out = execFileSync('node', [cli, 'plan', 'bridge-nat', '--portable'], { encoding: 'utf8' });
  t.equal(out, renderPortable(loadLab('bridge-nat'), 'bridge-nat'));
});
