// graph --live tells the truth about an overlay: its VXLAN devices (VNI, port, peers), one
// unplugged from its bridge, a port with no carrier apart from one set down, and the forwarding
// settings; --watch draws again after a change and leaves no monitor behind on Ctrl-C.
import { execa } from 'execa';
import t from 'tap';
import { cli, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

/** The `ip monitor` processes of sandbox `sb` still running. */
const monitorsOf = async (sb: string) =>
  String((await execa('ps', ['-eo', 'pid=,args='])).stdout)
    .split('\n')
    .filter((l) => l.includes(' monitor ') && l.includes(sb));

t.test(
  'graph overlay --live: VXLAN devices, unplugged, no carrier, forwarding; --watch',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('gl');
    t.teardown(() => nslab(['down', 'overlay', '--sandbox-name', sb]));
    const up = await nslab(['up', 'overlay', '--sandbox-name', sb, '-q', '--no-check']);
    t.equal(up.exitCode, 0, 'up', up);

    const live = await nslab(['graph', 'overlay', '--live', '--sandbox-name', sb]);
    t.equal(live.exitCode, 0, live.stderr);
    t.match(
      live.stdout,
      /h1 \[namespace \S+-h1\][\s\S]*├── vx-ov0 ── VXLAN VNI 42 udp\/4789, floods to h2 198\.51\.100\.3/,
    );
    t.match(
      live.stdout,
      /h2 \[namespace \S+-h2\][\s\S]*├── vx-ov0 ── VXLAN VNI 42 udp\/4789, floods to h1 198\.51\.100\.2/,
    );
    t.match(
      live.stdout,
      /forwarding: net\.ipv4\.ip_forward=\d, FORWARD policy (ACCEPT|DROP)/,
      'forwarding shows',
    );
    t.match(live.stdout, /tunnel ov0: h1 ⇄ h2, VXLAN 42, udp\/4789$/m, 'the tunnel is whole');
    t.notMatch(live.stdout, /✗/);

    // The vxlan-unplugged fault: h1's VXLAN device is on no bridge.
    await execa('ip', ['-n', `${sb}-h1`, 'link', 'set', 'dev', 'vx-ov0', 'nomaster']);
    // b's eth0 set down: its host end ve-b stays admin UP but loses its carrier.
    await execa('ip', ['-n', `${sb}-b`, 'link', 'set', 'dev', 'eth0', 'down']);
    const broken = await nslab(['graph', 'overlay', '--live', '--sandbox-name', sb]);
    t.match(broken.stdout, /on no bridge \(unplugged\):\n {4}└── vx-ov0 ── VXLAN VNI 42/, 'unplugged shows');
    t.match(broken.stdout, /tunnel ov0: h1 ⇄ h2, VXLAN 42, udp\/4789 ✗ vx-ov0 on h1 is on no bridge/);
    t.match(
      broken.stdout,
      /ve-b ══ eth0 10\.0\.9\.3\/24 {2}b {2}✗ eth0 DOWN, ve-b UP, no carrier/,
      'no carrier apart from DOWN',
    );
    const dot = await nslab(['graph', 'overlay', '--live', '--sandbox-name', sb, '--format', 'dot']);
    t.match(dot.stdout, /h1_dev_vx_ov0 \[label="vx-ov0\nVXLAN VNI 42[^"]*✗ on no bridge", color=red\]/);

    // --watch: a first drawing, then another after a change, then Ctrl-C.
    const watch = execa('node', [cli, 'graph', 'overlay', '--watch', '--sandbox-name', sb], {
      reject: false,
      env: { NO_COLOR: '1' },
      stdin: 'ignore',
    });
    t.teardown(() => void watch.kill('SIGKILL'));
    let out = '';
    watch.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 100));
      t.ok(test(), what);
    };
    const drawings = () => out.split('(from the kernel').length - 1;
    await until(() => drawings() >= 1, 'a first drawing');
    t.equal((await monitorsOf(sb)).length, 5, 'one ip monitor per namespace (h1, h2, a, b, c)', {
      found: await monitorsOf(sb),
    });
    await execa('ip', ['-n', `${sb}-h2`, 'link', 'set', 'dev', 've-b', 'down']);
    await until(
      () => /ve-b DOWN/.test(out.split('(from the kernel').at(-1)!),
      'drawn again after ip link set ve-b down',
    );
    watch.kill('SIGINT');
    const r = await watch;
    t.equal(r.exitCode, 130, 'Ctrl-C ends it with 130', { stderr: r.stderr });
    t.same(await monitorsOf(sb), [], 'no ip monitor left');
  },
);
