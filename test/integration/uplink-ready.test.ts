// A sandbox's uplink carries packets as soon as `up` returns. Both its ends were once number 2
// (the first link of a new namespace), and the kernel's link watcher then takes the outside's
// end for a link without a peer: it stayed DOWN for the LAN bridge for up to a second, and the
// first ping to the outside took 1.0 s (2 runs of 3). They are numbered apart now (10, 11, …).
import { execa } from 'execa';
import t from 'tap';
import { needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const operstate = async (ns: string, link: string) =>
  (
    JSON.parse(String((await execa('ip', ['-n', ns, '-j', 'link', 'show', 'dev', link])).stdout)) as {
      operstate: string;
      ifindex: number;
      link_index?: number;
    }[]
  )[0]!;

for (const lab of ['bridge-nat', 'overlay']) {
  t.test(
    `${lab}: every uplink carries the first packet as soon as up returns`,
    { skip: needsRoot },
    async (t) => {
      const hosts = lab === 'overlay' ? ['h1', 'h2'] : ['host'];
      // Three times: the old race lost two times in three.
      for (let run = 0; run < 3; run++) {
        const sb = sandboxName('upl');
        t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
        const up = await nslab(['up', lab, '--sandbox-name', sb, '--no-check', '-q']);
        t.equal(up.exitCode, 0, `up ${lab}`, { stderr: up.stderr });
        for (const host of hosts) {
          // The first echo request over the uplink, right away: with the old numbering its ARP
          // request was dropped and answered only by the retry a second later.
          const ping = await execa(
            'ip',
            ['netns', 'exec', `${sb}-${host}`, 'ping', '-n', '-c', '1', '-W', '0.5', '198.51.100.1'],
            { reject: false },
          );
          t.equal(
            ping.exitCode,
            0,
            `run ${run + 1}: ${host}'s first ping to the outside is answered within 0.5 s`,
            {
              stdout: ping.stdout,
            },
          );
          const far = await operstate(`${sb}-outside`, `ve-${host}`);
          const near = await operstate(`${sb}-${host}`, 'eth0');
          t.equal(far.operstate, 'UP', `run ${run + 1}: ve-${host} in the outside is UP`);
          t.not(far.ifindex, near.ifindex, `run ${run + 1}: ${host}'s uplink ends have numbers of their own`);
        }
        await nslab(['down', lab, '--sandbox-name', sb]);
      }
    },
  );
}
