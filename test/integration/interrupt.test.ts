// The interruption contract and one writer per place: Ctrl-C while the checks run removes the
// lab and gives no verdict; two `up`s of one place never build beside each other; kill -9
// releases the lock; a corrupt state file is "unreadable" and down still works.
import { existsSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { runChecks } from '../../src/check/run.js';
import type { PlannedCheck } from '../../src/plan/types.js';
import { cli, namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

/** Starts `up` in a process group of its own, so a signal reaches it and its probes, as Ctrl-C does. */
function upInGroup(sb: string) {
  return execa('node', [cli, 'up', 'bridge-basic', '--sandbox-name', sb], {
    reject: false,
    detached: true,
    env: { NO_COLOR: '1' },
  });
}

const built = (child: ReturnType<typeof upInGroup>) =>
  new Promise<void>((resolve) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/built in \d+ ms/.test(seen)) resolve();
    });
  });

// 0 ms: the checks have just started; 160 ms: the must-fail ping is waiting for its answer
// (held open for its window, 200 ms, see check/window.ts).
for (const delay of [0, 80, 160]) {
  t.test(
    `SIGINT ${delay} ms into the checks: exit 130, no verdict, nothing left`,
    { skip: needsRoot },
    async (t) => {
      const sb = sandboxName(`ck${delay}`);
      t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
      const child = upInGroup(sb);
      await built(child);
      await new Promise((r) => setTimeout(r, delay));
      process.kill(-child.pid!, 'SIGINT');
      const r = await child;
      t.equal(r.exitCode, 130, 'exit 128+SIGINT');
      t.notMatch(String(r.stdout), /PASS|The lab is up/, 'no verdict and no "the lab is up"');
      t.match(String(r.stderr), /interrupted: everything built was removed/);
      t.same(await namespacesOf(sb), [], 'no namespace left');
      t.notOk(existsSync(`/run/nslab/bridge-basic@${sb}.json`), 'no state file left');
    },
  );
}

t.test(
  'two ups of one place at once: one builds, the other never touches it',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('twice');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const [a, b] = await Promise.all([
      nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q']),
      nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q']),
    ]);
    t.same([a.exitCode, b.exitCode].sort(), [0, 3], 'one built it, the other was refused');
    const refused = a.exitCode === 3 ? a : b;
    t.match(refused.stderr, /already up|is busy/, refused.stderr);
    t.notMatch(refused.stderr, /rolled back|left behind/, 'the refused one removed nothing');
    const v = await nslab(['verify', 'bridge-basic', '--sandbox-name', sb]);
    t.equal(v.exitCode, 0, 'the lab the first one built is whole');
    t.equal((await nslab(['down', 'bridge-basic', '--sandbox-name', sb])).exitCode, 0);
    t.same(await namespacesOf(sb), []);
  },
);

t.test(
  'kill -9 during up: the lock goes with the process, down removes the rest',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('kill9');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const child = upInGroup(sb);
    await built(child);
    process.kill(-child.pid!, 'SIGKILL');
    await child;
    const down = await nslab(['down', 'bridge-basic', '--sandbox-name', sb]);
    t.equal(down.exitCode, 0, 'down is not kept waiting by a dead holder', down);
    t.same(await namespacesOf(sb), [], 'nothing left');
    const again = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q', '--no-check']);
    t.equal(again.exitCode, 0, 'and the place can be built again', again);
  },
);

t.test(
  'a corrupt state file is unreadable in status; down still removes the lab',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('corrupt');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    t.equal((await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '-q', '--no-check'])).exitCode, 0);
    writeFileSync(`/run/nslab/bridge-basic@${sb}.json`, '{garbage');
    const status = JSON.parse((await nslab(['status', 'bridge-basic', '--json'])).stdout) as {
      target: string;
      state: string;
    }[];
    const mine = status.find((l) => l.target === `sandbox ${sb}`);
    t.equal(mine?.state, 'unreadable');
    t.equal((await nslab(['down', 'bridge-basic', '--sandbox-name', sb])).exitCode, 0);
    t.same(await namespacesOf(sb), []);
    t.notOk(existsSync(`/run/nslab/bridge-basic@${sb}.json`), 'the corrupt file went with it');
  },
);

t.test(
  'a probe killed by a signal is interrupted: never a pass, even for a must-fail check',
  { skip: needsRoot },
  async (t) => {
    const ns = sandboxName('probe');
    await execa('ip', ['netns', 'add', ns]);
    t.teardown(() => execa('ip', ['netns', 'del', ns], { reject: false }));
    // A veth whose other end says nothing: a ping to its subnet waits its full second for ARP.
    await execa('ip', ['-n', ns, 'link', 'add', 'va', 'type', 'veth', 'peer', 'name', 'vb']);
    await execa('ip', ['-n', ns, 'addr', 'add', '10.99.0.1/24', 'dev', 'va']);
    for (const dev of ['va', 'vb']) await execa('ip', ['-n', ns, 'link', 'set', 'dev', dev, 'up']);
    const check = {
      kind: 'ping',
      name: 'nobody answers',
      from: 'x',
      to: '10.99.0.77',
      address: '10.99.0.77',
      expect: 'fail',
      netns: ns,
    } as unknown as PlannedCheck;
    // SIGTERM kills ping outright; SIGINT it traps and exits as unanswered: nslab's flag says so.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const interrupt = { signal: null as NodeJS.Signals | null };
      const running = runChecks([check], [], [], interrupt);
      await new Promise((r) => setTimeout(r, 300));
      if (signal === 'SIGINT') interrupt.signal = 'SIGINT'; // what nslab's own handler does
      // held open (-W 10), nslab would stop it at its window; this signal comes first
      await execa('pkill', [`-${signal.slice(3)}`, '-f', `ping -n -c 1 -W [0-9]+ 10\\.99\\.0\\.77`], {
        reject: false,
      });
      const [result] = await running;
      t.equal(result!.interrupted, signal, `${signal}: the probe says what stopped it`);
      t.equal(result!.ok, false, `${signal}: and it is not a pass`);
    }
  },
);

t.test(
  'kill -9 early in the build, then down: nothing left (write-ahead undo)',
  { skip: needsRoot },
  async (t) => {
    // Early moments: between `ip netns add` and the command that marks the namespace there is
    // nothing in the kernel that says "nslab's"; only the state file's write-ahead undo does.
    for (const delay of [200, 260, 320, 380, 440]) {
      const sb = sandboxName(`early${delay}`);
      const child = execa('node', [cli, 'up', 'macvlan-shim', '--sandbox-name', sb, '-q', '--no-check'], {
        reject: false,
        detached: true,
      });
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // it finished first
      }
      await child;
      const down = await nslab(['down', 'macvlan-shim', '--sandbox-name', sb]);
      t.equal(down.exitCode, 0, `${delay} ms: down`);
      t.same(await namespacesOf(sb), [], `${delay} ms: no namespace left`);
    }
  },
);
