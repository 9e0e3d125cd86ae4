// Every -p form in a sandbox: a port bound to 127.0.0.1 (the host's own requests only) and a udp
// port, each proved by the fixture's checks (up exits 0 only when every check is as expected).
import { execa } from 'execa';
import t from 'tap';
import type { Command } from '../../src/plan/command.js';
import { dockerPortPublish, rulesAfter } from '../helpers/iptables.js';
import { fixtureLab, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const lab = fixtureLab('ports-forms');

t.test('127.0.0.1:8080:80 and 5353:53/udp: every check as expected', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('ports');
  t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
  const up = await nslab(['up', lab, '--sandbox-name', sb, '-q']);
  t.equal(up.exitCode, 0, 'up: all checks as expected', up);

  const plan = await nslab(['plan', lab, '--sandbox-name', sb]);
  // userland-proxy false: OUTPUT jumps to DOCKER for 127.0.0.0/8 too, route_localnet on the bridge
  t.match(plan.stdout, /iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER\n/);
  t.match(
    plan.stdout,
    /DOCKER -d 127\.0\.0\.1\/32 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172\.29\.0\.2:80/,
  );
  t.match(plan.stdout, /DOCKER -p udp -m udp --dport 5353 -j DNAT --to-destination 172\.29\.0\.2:53/);
  t.match(plan.stdout, /net\.ipv4\.conf\.br0\.route_localnet=1/);
  t.notMatch(plan.stdout, /conf\.all\.route_localnet/, 'only the bridge’s, as Docker');
});

// What a learner sees with `iptables -S` in the Docker host: Docker 20.10.24's own lines for the
// same lab (captured from the real engine), and for userland-proxy false what the plan says.
const save = async (ns: string, table: string) =>
  String((await execa('ip', ['netns', 'exec', ns, 'iptables', '-t', table, '-S'])).stdout).split('\n');

t.test(
  'port-publish: iptables -S in the sandbox is Docker’s, line for line',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('rules');
    const lab = 'port-publish';
    t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
    const up = await nslab(['up', lab, '--sandbox-name', sb, '-q']);
    t.equal(up.exitCode, 0, 'up: all checks as expected', up);
    const host = `${sb}-host`;
    t.same([...(await save(host, 'filter')), ...(await save(host, 'nat'))], dockerPortPublish());
  },
);

t.test(
  'port-publish-no-proxy: the kernel has what the plan says, hairpin mode on',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('noproxy');
    const lab = 'port-publish-no-proxy';
    t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
    const up = await nslab(['up', lab, '--sandbox-name', sb, '-q']);
    t.equal(up.exitCode, 0, 'up: all checks as expected (the hairpin ones included)', up);
    const host = `${sb}-host`;
    const plan = JSON.parse((await nslab(['plan', lab, '--sandbox-name', sb, '--json'])).stdout) as {
      steps: { commands: Command[] }[];
    };
    const commands = plan.steps.flatMap((s) => s.commands);
    for (const table of ['filter', 'nat'] as const)
      t.same(await save(host, table), rulesAfter(commands, host, table), table);
    const ports = JSON.parse(
      String((await execa('bridge', ['-n', host, '-j', '-d', 'link', 'show'])).stdout),
    ) as { ifname: string; hairpin?: boolean }[];
    t.same(
      ports.map((p) => [p.ifname, p.hairpin]),
      [
        ['ve-c1', true],
        ['ve-c2', true],
      ],
    );
    t.equal(
      String(
        (await execa('ip', ['netns', 'exec', host, 'sysctl', '-n', 'net.ipv4.conf.br0.route_localnet']))
          .stdout,
      ),
      '1',
    );
  },
);
