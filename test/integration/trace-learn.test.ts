// Where learners meet trace: graph --trace draws the path a real ping took, verify points a
// failing check at its trace command (and that command traces that check), and the hint after
// the last one says where the probe of bridge-basic exercise 2 dies. Real namespaces, sandboxes.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { TRACE_TABLE } from '../../src/trace/tracer.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const hasNft = (await execa('nft', ['--version'], { reject: false })).exitCode === 0;
const skip =
  needsRoot || (hasNft ? false : 'nft is not installed (apt-get install nftables): trace needs it');
const bridgeNetfilter = existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables');

// What the tests do is not the learner's progress: a directory of their own.
const progress = mkdtempSync(join(tmpdir(), 'nslab-progress-'));
process.env.NSLAB_PROGRESS_DIR = progress;
t.teardown(() => rmSync(progress, { recursive: true, force: true }));

/** The tracer's table, wherever it was left: there must be none after a trace. */
async function tracerLeft(sb: string): Promise<string[]> {
  const left: string[] = [];
  for (const ns of await namespacesOf(sb)) {
    const r = await execa('ip', ['netns', 'exec', ns, 'nft', 'list', 'tables'], { reject: false });
    if (String(r.stdout).includes(TRACE_TABLE)) left.push(ns);
  }
  return left;
}

t.test(
  'graph --trace c1:outside draws the path on bridge-nat; verify points a failing check at its trace',
  { skip },
  async (t) => {
    const sb = sandboxName('gtrace');
    const at = ['--sandbox-name', sb];
    t.teardown(() => nslab(['down', 'bridge-nat', ...at]));
    t.equal((await nslab(['up', 'bridge-nat', ...at, '-q'])).exitCode, 0, 'bridge-nat is up');

    const g = await nslab(['graph', 'bridge-nat', ...at, '--trace', 'c1:outside', '--format', 'dot']);
    t.equal(g.exitCode, 0, 'graph --trace exits 0', g);
    // out by c1's cable, the bridge and the uplink, and back the same way: both colours
    for (const wire of [
      'host_end_ve_c1 -- c1_eth0',
      'host_seg_br0 -- host_end_ve_c1',
      'host_uplink -- outside',
    ])
      t.match(
        g.stdout,
        new RegExp(`${wire} \\[[^\\]]*color="#1565c0:#2e7d32", penwidth=4\\]`),
        `${wire} is drawn used both ways`,
      );
    t.match(
      g.stdout,
      /c1_eth0 \[label="eth0\n172\.31\.0\.2\/16\n▶ 1 · \d+", color="#1565c0"/,
      'c1 sent it (leg 1)',
    );
    t.match(
      g.stdout,
      /host_seg_br0 \[label="br0\nbridge\n172\.31\.0\.1\/16\n▶ \d+ · \d+"/,
      'the bridge passed it',
    );
    t.match(
      g.stdout,
      'host_end_ve_c2 -- c2_eth0 [label="veth", penwidth=2];',
      'c2’s cable is not on the path',
    );
    t.match(
      g.stdout,
      /\ntraced: c1 → outside \(203\.0\.113\.10\)[^\n]*\nDELIVERED: /,
      'the verdict is in the picture',
    );
    t.match(g.stderr, /traced c1 → outside \(203\.0\.113\.10\): DELIVERED/, 'and on the terminal');
    t.same(await tracerLeft(sb), [], 'nothing of the tracer is left');

    const healthy = await nslab(['verify', 'bridge-nat', ...at]);
    t.equal(healthy.exitCode, 0);
    t.notMatch(healthy.stdout, /see where it dies/, 'no suggestion when every check passes');

    // c2's eth0 down: c2 → c1, the lab's 4th check, fails first (unplugging ve-c2 would not do:
    // br0 takes the lowest MAC of its ports, and c1's stale neighbour entry breaks c1's checks too)
    await execa('ip', ['-n', `${sb}-c2`, 'link', 'set', 'dev', 'eth0', 'down']);
    const broken = await nslab(['verify', 'bridge-nat', ...at]);
    t.equal(broken.exitCode, 1);
    t.match(
      broken.stdout,
      `see where it dies: sudo nslab trace bridge-nat 4 --sandbox-name ${sb}    # c2 → c1 (172.31.0.2)`,
    );
    // the suggested command, as printed, traces that check
    const traced = await nslab(['trace', 'bridge-nat', '4', ...at]);
    t.match(traced.stdout, /^nslab trace bridge-nat \([^)]*\): c2 → c1 \(172\.31\.0\.2\) — expected: works/);
    t.match(traced.stdout, /\n(LOST|DROPPED): /, 'it ends lost or dropped');
    t.same(await tracerLeft(sb), [], 'nothing of the tracer is left');
  },
);

t.test(
  'the hint after the last: where the probe of bridge-basic exercise 2 dies, FORWARD named',
  {
    skip:
      skip ||
      (bridgeNetfilter
        ? false
        : 'br_netfilter is not loaded, so FORWARD never sees bridged frames (modprobe br_netfilter)'),
  },
  async (t) => {
    const sb = sandboxName('thint');
    const at = ['--sandbox-name', sb];
    t.teardown(() => nslab(['down', 'bridge-basic', ...at]));
    t.equal((await nslab(['exercise', 'bridge-basic', '2', ...at])).exitCode, 0, 'built broken');
    for (const n of [1, 2]) {
      const h = await nslab(['hint', 'bridge-basic', ...at]);
      t.match(h.stdout, `hint ${n} of 2`);
      t.notMatch(h.stdout, /traced once/, 'a written hint is not followed by a trace');
    }
    const last = await nslab(['hint', 'bridge-basic', ...at]);
    t.equal(last.exitCode, 0, 'hint exits 0', last);
    t.match(last.stdout, /That was the last hint/);
    t.match(last.stdout, /Where "c1 → c2 \(172\.30\.0\.3\)" dies, traced once:/);
    t.match(last.stdout, /forward filter FORWARD {2}policy DROP {2}→ drop/, 'the policy that dropped it');
    t.match(last.stdout, /the exercise's fault: forward-drop/, 'named as the planted fault');
    t.match(
      last.stdout,
      /DROPPED: dropped in the Docker host \(host\) \[[^\]]+\] at forward, filter\s+FORWARD/,
    );
    t.match(
      last.stdout,
      `The whole journey, hop by hop: sudo nslab trace bridge-basic 1 --sandbox-name ${sb}`,
    );

    const json = JSON.parse((await nslab(['hint', 'bridge-basic', ...at, '--json'])).stdout) as {
      trace: { check: string; verdict: string; reason: string; faults?: string[] };
    };
    t.equal(json.trace.verdict, 'dropped');
    t.match(json.trace.reason, /filter FORWARD: FORWARD's policy DROP/);
    t.same(json.trace.faults, ['forward-drop']);
    t.same(await tracerLeft(sb), [], 'nothing of the tracer is left');
  },
);
