// nslab capture runs tcpdump on the link named, in the namespace it is in: a ping between two
// containers shows up as echo request and reply with the lab's addresses, on a container's
// eth0, on the bridge, and in a pcap file that tcpdump reads back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { hasTool } from '../../src/run/tools.js';
import { cli, namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const C1 = '172.30.0.2';
const C2 = '172.30.0.3';
const request = new RegExp(`IP ${C2.replace(/\./g, '\\.')} > ${C1.replace(/\./g, '\\.')}: ICMP echo request`);
const reply = new RegExp(`IP ${C1.replace(/\./g, '\\.')} > ${C2.replace(/\./g, '\\.')}: ICMP echo reply`);

/** The CLI with a time limit: a capture that sees nothing would wait for ever. */
const capture = (args: string[]) =>
  execa('node', [cli, 'capture', 'bridge-basic', ...args], {
    reject: false,
    env: { NO_COLOR: '1' },
    stdin: 'ignore',
    timeout: 20_000,
  });

t.test(
  'capture in bridge-basic: a ping c2 → c1 seen on c1, on the bridge, and in a pcap',
  { skip: needsRoot || (!hasTool('tcpdump') && 'needs tcpdump (apt-get install tcpdump)') },
  async (t) => {
    const sb = sandboxName('capture');
    const dir = mkdtempSync(join(tmpdir(), 'nslab-capture-'));
    t.teardown(async () => {
      await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
      rmSync(dir, { recursive: true, force: true });
    });
    const up = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q', '--no-check']);
    t.equal(up.exitCode, 0, 'up', up);
    const at = ['--sandbox-name', sb];

    // One ping first, so the neighbours are known and the capture sees ICMP, not ARP.
    const first = await execa('ip', ['netns', 'exec', `${sb}-c2`, 'ping', '-n', '-c', '1', '-W', '2', C1]);
    t.equal(first.exitCode, 0, 'c2 reaches c1');
    const ping = execa('ip', ['netns', 'exec', `${sb}-c2`, 'ping', '-n', '-i', '0.1', '-w', '60', C1], {
      reject: false,
    });
    t.teardown(async () => {
      ping.kill();
      await ping;
    });

    const live = await capture(['c1', '-c', '6', ...at]);
    t.equal(live.exitCode, 0, 'tcpdump stops after 6 packets, exit 0', live);
    t.match(live.stdout, request, 'the echo request, c2 → c1');
    t.match(live.stdout, reply, 'the echo reply, c1 → c2');
    t.equal(live.stdout.split('\n').length, 6, 'six packets, one line each');
    t.match(
      live.stderr,
      `capturing on eth0 in namespace ${sb}-c1 (c1’s eth0 ${C1}/16, cable to ve-c1 on br0)`,
    );
    t.match(live.stderr, `ip netns exec ${sb}-c1 tcpdump -n -l -c 6 -i eth0`, 'the command, to type by hand');

    // up's "Try this next" names a capture: run as printed (a count added, so it ends by itself)
    const suggested = new RegExp(
      `^ {2}sudo nslab (capture bridge-basic c1 icmp --sandbox-name ${sb}) +# `,
      'm',
    ).exec(up.stdout);
    t.ok(suggested, 'up suggests capturing c1’s ICMP', { stdout: up.stdout });
    const [, , ...printed] = suggested![1]!.split(' ');
    const asPrinted = await capture([...printed, '-c', '4']);
    t.equal(asPrinted.exitCode, 0, 'the suggested capture runs', asPrinted);
    t.match(asPrinted.stdout, request, 'and shows the ping');

    const bridge = await capture(['br0', '-c', '4', ...at, 'icmp']);
    t.equal(bridge.exitCode, 0, 'on br0', bridge);
    t.match(bridge.stdout, request, 'the bridge sees the frames it switches between its ports');
    t.match(bridge.stdout, reply);

    const pcap = join(dir, 've-c1.pcap');
    const written = await capture(['ve-c1', '-c', '4', '-w', pcap, ...at, 'icmp']);
    t.equal(written.exitCode, 0, '-w', written);
    t.equal(written.stdout, '', 'nothing decoded on the terminal: the packets went to the file');
    t.match(written.stderr, `tcpdump -n -U -w ${pcap} -c 4 -i ve-c1 icmp`);
    const read = await execa('tcpdump', ['-n', '-r', pcap], { reject: false });
    t.equal(read.exitCode, 0, 'tcpdump reads the pcap back', read);
    t.equal(String(read.stdout).split('\n').length, 4, 'four packets in the file');
    t.match(String(read.stdout), request);
    t.match(String(read.stdout), reply);

    // Ctrl-C reaches tcpdump (the terminal signals the whole foreground group): it ends the capture.
    const interrupted = execa('node', [cli, 'capture', 'bridge-basic', 'c2', ...at, 'icmp'], {
      reject: false,
      env: { NO_COLOR: '1' },
      stdin: 'ignore',
      detached: true,
      timeout: 20_000,
    });
    // tcpdump says when it listens; a moment later it has seen the ping.
    await new Promise<void>((resolve) => {
      let said = '';
      interrupted.stderr!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (/listening on/.test(said)) setTimeout(resolve, 700);
      });
    });
    process.kill(-interrupted.pid!, 'SIGINT');
    const stopped = await interrupted;
    t.equal(stopped.exitCode, 130, 'Ctrl-C ends a capture: 130, as for every verb', stopped);
    t.match(String(stopped.stdout), reply, 'what it saw until then');
    t.match(String(stopped.stderr), /\d+ packets captured/, 'tcpdump’s own summary');

    ping.kill();
    await ping;
    for (const ns of [`${sb}-c1`, `${sb}-c2`, `${sb}-host`]) {
      const pids = await execa('ip', ['netns', 'pids', ns]);
      t.equal(String(pids.stdout), '', `no tcpdump left in ${ns}`);
    }

    const list = await capture([...at]);
    t.equal(list.exitCode, 0, 'capture LAB lists the links', list);
    t.match(list.stdout, `bridge-basic (sandbox ${sb}): 8 links to capture on`);
    t.match(list.stdout, new RegExp(`namespace ${sb}-host \\(the Docker host\\)\\n {2}eth0 `));
    t.match(list.stdout, new RegExp(`namespace ${sb}-c1 \\(container c1\\)\\n {2}c1:eth0 +c1’s eth0 ${C1}`));
    const json = await capture([...at, '--json']);
    const doc = JSON.parse(json.stdout) as {
      up: boolean;
      links: { name: string; ns: string; ifname: string }[];
    };
    t.equal(doc.up, true);
    t.same(
      doc.links.map((l) => `${l.name}=${l.ns}/${l.ifname}`),
      [
        `eth0=${sb}-host/eth0`,
        `br0=${sb}-host/br0`,
        `ve-c1=${sb}-host/ve-c1`,
        `ve-c2=${sb}-host/ve-c2`,
        `c1:eth0=${sb}-c1/eth0`,
        `c2:eth0=${sb}-c2/eth0`,
        `outside:lan=${sb}-outside/lan`,
        `outside:ve-host=${sb}-outside/ve-host`,
      ],
    );

    const unknown = await capture(['nope', ...at]);
    t.equal(unknown.exitCode, 2, 'an unknown link is bad input');
    t.match(
      unknown.stderr,
      'bridge-basic has no link "nope": its links are eth0, br0, ve-c1, ve-c2, c1:eth0, c2:eth0, outside:lan, outside:ve-host',
    );
    const badCount = await capture(['c1', '-c', 'many', ...at]);
    t.equal(badCount.exitCode, 2, '-c must be a number');
    const badFilter = await capture(['c1', '-c', '1', ...at, 'icmp', 'and', 'and']);
    t.equal(badFilter.exitCode, 3, 'tcpdump refuses the filter: a command that failed', badFilter);
    t.match(badFilter.stderr, /tcpdump: .*syntax error/, 'in tcpdump’s own words');

    const down = await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
    t.equal(down.exitCode, 0);
    t.same(await namespacesOf(sb), [], 'nothing left of the sandbox');
    const notUp = await capture(['c1', ...at]);
    t.equal(notUp.exitCode, 3, 'a lab that is not up: the environment');
    t.match(notUp.stderr, 'bridge-basic is not up');
  },
);
