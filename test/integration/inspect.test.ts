// inspect prints docker network inspect's shape for a lab that is up, read from the kernel:
// each container's MAC is the one `ip link` reports for its eth0.
import { execa } from 'execa';
import t from 'tap';
import { needsRoot, nslab, sandboxName } from '../helpers/machine.js';

interface DockerNetwork {
  Name: string;
  Driver: string;
  IPAM: { Config: { Subnet: string; Gateway: string }[] };
  Containers: Record<string, { Name: string; MacAddress: string; IPv4Address: string }>;
  Options: Record<string, string>;
}

t.test('inspect bridge-basic br0: Docker’s JSON with the kernel’s MACs', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('insp');
  t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
  const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q', '--no-check']);
  t.equal(up.exitCode, 0, 'up', up);

  const r = await nslab(['inspect', 'bridge-basic', 'br0', '--sandbox-name', sb]);
  t.equal(r.exitCode, 0, 'inspect exits 0', r);
  t.match(r.stdout, /^\[\n {4}\{\n {8}"Name": "br0",/, 'pretty JSON, 4 spaces, as docker prints');
  const nets = JSON.parse(r.stdout) as DockerNetwork[];
  t.equal(nets.length, 1);
  const br0 = nets[0]!;
  t.equal(br0.Name, 'br0');
  t.equal(br0.Driver, 'bridge');
  t.strictSame(br0.IPAM.Config, [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }]);
  t.equal(br0.Options['com.docker.network.bridge.name'], 'br0');
  t.equal(br0.Options['com.docker.network.driver.mtu'], '1500');
  const byName = Object.fromEntries(Object.values(br0.Containers).map((c) => [c.Name, c]));
  t.same(Object.keys(byName).sort(), ['c1', 'c2']);
  for (const [name, address] of [
    ['c1', '172.30.0.2/16'],
    ['c2', '172.30.0.3/16'],
  ] as const) {
    const link = JSON.parse(
      String((await execa('ip', ['-n', `${sb}-${name}`, '-j', 'link', 'show', 'eth0'])).stdout),
    ) as { address: string }[];
    t.equal(byName[name]!.MacAddress, link[0]!.address, `${name}'s MAC is its eth0's`);
    t.match(byName[name]!.MacAddress, /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    t.equal(byName[name]!.IPv4Address, address);
  }

  const json = await nslab(['inspect', 'bridge-basic', 'br0', '--sandbox-name', sb, '--json']);
  t.equal(json.stdout, r.stdout, '--json prints the same document');

  const c1 = await nslab(['inspect', 'bridge-basic', 'c1', '--sandbox-name', sb]);
  t.equal(c1.exitCode, 0, 'inspect c1', c1);
  t.match(JSON.parse(c1.stdout), [
    {
      Name: '/c1',
      State: { Running: true },
      NetworkSettings: {
        SandboxKey: `/run/netns/${sb}-c1`,
        Networks: { br0: { IPAddress: '172.30.0.2', IPPrefixLen: 16, Gateway: '172.30.0.1' } },
      },
    },
  ]);

  const unknown = await nslab(['inspect', 'bridge-basic', 'nope', '--sandbox-name', sb]);
  t.equal(unknown.exitCode, 2, 'an unknown name is bad input');
  t.match(unknown.stderr, /no network or container "nope": networks br0; containers c1, c2/);

  const notUp = await nslab(['inspect', 'bridge-basic', '--sandbox-name', `${sb}x`]);
  t.equal(notUp.exitCode, 3, 'a lab that is not up is the environment');
  t.match(notUp.stderr, /bridge-basic is not up/);
});
