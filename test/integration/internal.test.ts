// `internal: true` (docker network create --internal): its containers reach each other and the
// gateway, nothing is forwarded into or out of the subnet. Removing the two DROP rules must turn
// exactly the "web ↛ db" check (the path into the network), proving the rules are what block it.
import { execa } from 'execa';
import t from 'tap';
import { fixtureLab, namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const lab = fixtureLab('internal');

t.test('an internal network: in and out dropped, inside works', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('internal');
  t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
  const up = await nslab(['up', lab, '--sandbox-name', sb, '-q', '--json']);
  t.equal(up.exitCode, 0, 'every check as expected', up);

  const host = `${sb}-host`;
  const stage1 = String(
    (await execa('ip', ['netns', 'exec', host, 'iptables', '-S', 'DOCKER-ISOLATION-STAGE-1'])).stdout,
  );
  const drops = stage1.split('\n').filter((l) => /-(o|i) back .*-j DROP/.test(l));
  t.same(
    drops,
    [
      '-A DOCKER-ISOLATION-STAGE-1 ! -s 172.31.1.0/24 -o back -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 ! -d 172.31.1.0/24 -i back -j DROP',
    ],
    'Docker’s two DROP rules for the internal bridge, in its order',
  );
  t.notMatch(
    String((await execa('ip', ['netns', 'exec', host, 'iptables', '-t', 'nat', '-S'])).stdout),
    /172\.31\.1\.0\/24.*MASQUERADE/,
    'no MASQUERADE for the internal subnet',
  );

  for (const rule of drops)
    await execa('ip', [
      'netns',
      'exec',
      host,
      'iptables',
      '-D',
      ...rule
        .replace(/^-A /, '')
        .split(' ')
        .map((w) => w.replace(/^"|"$/g, '')),
    ]);
  const v = await nslab(['verify', lab, '--sandbox-name', sb, '--json']);
  const failing = (JSON.parse(v.stdout) as { checks: { name: string; ok: boolean }[] }).checks
    .filter((c) => !c.ok)
    .map((c) => c.name);
  t.same(failing, ['web ↛ db (172.31.1.2)'], 'without the rules, only the path into the network opens');

  t.equal((await nslab(['down', lab, '--sandbox-name', sb])).exitCode, 0);
  t.same(await namespacesOf(sb), []);
});
