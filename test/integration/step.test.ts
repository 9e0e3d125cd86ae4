// `up --step` driven as a learner drives it: in a real terminal (tmux), with keys, reading the screen.
import { execa } from 'execa';
import t from 'tap';
import { cli, namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const hasTmux = (await execa('tmux', ['-V'], { reject: false })).exitCode === 0;
const skip =
  needsRoot ||
  (hasTmux
    ? false
    : 'tmux is not installed (apt-get install tmux): the step-through is tested in a real terminal');

/** A tmux server of this test's own, so nothing else's sessions are touched. */
const socket = `nslab-step-${process.pid}`;
const tmux = (...args: string[]) => execa('tmux', ['-L', socket, ...args], { reject: false });
const screen = async (session: string) =>
  String((await tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', session)).stdout);

async function waitFor(session: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await screen(session);
    if (pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`the screen never showed ${pattern}; it shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `nslab up LAB --step` in a COLUMNS×50 terminal; the shell prints EXIT=<code> when it ends. */
async function startStepping(session: string, sb: string, columns = 120, ...more: string[]) {
  const command = `NO_COLOR=1 node ${cli} up bridge-basic --sandbox-name ${sb} --step ${more.join(' ')}; echo EXIT=$?; sleep 600`;
  const r = await tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', '50', command);
  if (r.exitCode !== 0) throw new Error(`tmux: ${r.stderr}`);
  await tmux('set-option', '-t', session, 'history-limit', '20000');
}

/** The whole scrollback, lines as the program wrote them (-J joins what the terminal wrapped). */
const scrollback = async (session: string) =>
  String((await tmux('capture-pane', '-p', '-J', '-S', '-20000', '-t', session)).stdout);

/** Lines longer than the terminal: the terminal wrapped them, wherever it was in a word. */
const overlong = (text: string, columns: number) =>
  text.split('\n').filter((l) => l.trimEnd().length > columns);

t.teardown(() => tmux('kill-server'));

t.test(
  '--step: Enter walks through every step, showing its state; then the checks run',
  { skip },
  async (t) => {
    const sb = sandboxName('step');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    await startStepping('walk', sb);
    const first = await waitFor('walk', /Enter: step 2 of 10/);
    t.match(first, /\[1\/10\] sandbox: namespace \S+-host plays the Docker host/);
    t.match(first, /why: /, 'the step says why');
    t.match(first, /docker: /, 'and what Docker does');
    t.match(first, new RegExp(`\\$ ip netns add ${sb}-host`), 'and its exact commands');
    t.match(first, new RegExp(`# now: ip -n ${sb}-host -br addr`), 'then the state they made');
    t.same(await namespacesOf(sb), [`${sb}-host`], 'only step 1 has run: it waits for Enter');
    for (let step = 2; step <= 10; step++) {
      await tmux('send-keys', '-t', 'walk', 'Enter');
      await waitFor(
        'walk',
        step === 10 ? /Enter: run the checks/ : new RegExp(`Enter: step ${step + 1} of 10`),
      );
    }
    const endpoint = await screen('walk');
    t.match(
      endpoint,
      new RegExp(`# now: bridge -n ${sb}-host link[\\s\\S]*ve-c2@\\S+ .*master br0`),
      'after an endpoint step, the bridge shows its new port',
    );
    t.match(
      endpoint,
      new RegExp(`# now: ip -n ${sb}-c2 route[\\s\\S]*default via 172\\.30\\.0\\.1 dev eth0`),
      'and the container its default route',
    );
    const all = await scrollback('walk');
    t.match(
      all,
      new RegExp(
        `\\$ tee /etc/netns/${sb}-c1/hosts\\n +│ # [^\\n]*\\n +│ 127\\.0\\.0\\.1 +localhost\\n +│ 172\\.30\\.0\\.2 +c1`,
      ),
      'what nslab writes into a file is shown under its tee',
    );
    t.notMatch(
      all,
      /\$ [^\n]*(alias nslab:|--comment nslab:)/,
      'the ownership marks are left out of the commands',
    );
    t.match(
      all,
      /ownership marks [\s\S]* are left out\s+below; they run all the same \(--marks shows them\)/,
    );
    t.same(overlong(all, 120), [], 'every line fits 120 columns: wrapped by nslab, between words');
    t.match(all, /why: {4}\S[^\n]*\n {14}\S/, 'a long why goes on under itself (hanging indent)');
    t.match(all, /↳ eth0@if\d+: eth0 is one end of a veth pair, and @if\d+ names the other end by its/);
    t.equal(all.match(/is one end of a veth pair/g)?.length, 1, '@ifN is explained once');
    t.match(
      all,
      new RegExp(`# now: ip -n ${sb}-host -br addr {4}\\(changed since step \\d+\\)\\n {4}\\+ `),
      'a dump shown before shows only what changed',
    );
    t.match(
      all,
      /\[10\/10\][\s\S]*c1 → c2 \(172\.30\.0\.3\) answers since step 10: one ping, and what it left behind/,
      'after the step that makes the first ping work',
    );
    t.notMatch(all, /answers since step [1-9]:/, 'and not before');
    t.match(
      all,
      new RegExp(`# now: ip -n ${sb}-c1 neigh\\n +172\\.30\\.0\\.3 dev eth0 lladdr (\\S+) `),
      'c1 learned c2’s MAC',
    );
    const c2mac =
      new RegExp(`ip -n ${sb}-c1 neigh\\n +172\\.30\\.0\\.3 dev eth0 lladdr (\\S+)`).exec(all)?.[1] ?? 'none';
    t.match(
      all,
      new RegExp(`# now: bridge -n ${sb}-host fdb show br br0 \\| grep -e \\S+ -e ${c2mac}\\n`),
      'the fdb, for both MACs',
    );
    t.match(all, new RegExp(`\\n +${c2mac} dev ve-c2 master br0`), 'br0 learned c2’s MAC on ve-c2');
    t.match(all, /\n +\S+ dev ve-c1 master br0/, 'and c1’s on ve-c1');
    await tmux('send-keys', '-t', 'walk', 'Enter');
    const end = await waitFor('walk', /EXIT=\d+/);
    t.match(end, /5 of 5 checks as expected/);
    t.match(end, /EXIT=0/);
    t.same((await namespacesOf(sb)).length, 4, 'the lab is up');
  },
);

t.test('--step: q stops at once and removes everything built so far', { skip }, async (t) => {
  const sb = sandboxName('stepq');
  t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
  await startStepping('quit', sb, 80, '--marks');
  await waitFor('quit', /Enter: step 2 of 10/);
  await tmux('send-keys', '-t', 'quit', 'Enter');
  await waitFor('quit', /Enter: step 3 of 10/);
  t.same((await namespacesOf(sb)).sort(), [`${sb}-host`, `${sb}-outside`].sort());
  await tmux('send-keys', '-t', 'quit', 'q');
  const end = await waitFor('quit', /EXIT=\d+/);
  t.match(
    end,
    /interrupted after step 2 \(namespace \S+ plays the world outside[^)]*\) had finished; step 3 \(the host: uplink[\s\S]*?\) had not started\n *rolled back: everything this run created is removed/,
    'the step that finished, and the one that never began',
  );
  t.match(end, /EXIT=130/);
  const all = await scrollback('quit');
  t.match(
    all.replace(/ \\\n +/g, ' '), // a command wrapped with \\ read as one line
    new RegExp(`\\$ ip -n ${sb}-host link set dev lo alias nslab:bridge-basic@${sb}`),
    '--marks shows them',
  );
  t.notMatch(all, /are left out/);
  t.same(overlong(all.split('\nnslab: ')[0]!, 80), [], 'every line of the steps fits 80 columns');
  t.same(await namespacesOf(sb), [], 'nothing is left');
});

t.test('--step without a terminal is refused before anything is built', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('stepn');
  const r = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '--step']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, /--step waits for a key after each step, so it needs a terminal/);
  t.same(await namespacesOf(sb), []);
});

t.test(
  '--step --trace c1:c2: a ping after each step, traced after the step that makes it work',
  { skip },
  async (t) => {
    const sb = sandboxName('stept');
    t.teardown(() => nslab(['down', 'bridge-basic', '--sandbox-name', sb]));
    const command = `NO_COLOR=1 node ${cli} up bridge-basic --sandbox-name ${sb} --step --trace c1:c2; echo EXIT=$?; sleep 600`;
    const r = await tmux('new-session', '-d', '-s', 'trace', '-x', '120', '-y', '50', command);
    if (r.exitCode !== 0) throw new Error(`tmux: ${r.stderr}`);
    await tmux('set-option', '-t', 'trace', 'history-limit', '20000');
    for (let step = 2; step <= 10; step++) {
      await waitFor('trace', new RegExp(`Enter: step ${step} of 10`));
      await tmux('send-keys', '-t', 'trace', 'Enter');
    }
    await waitFor('trace', /Enter: run the checks/);
    // the whole scrollback, from step 1
    const last = String((await tmux('capture-pane', '-p', '-J', '-S', '-20000', '-t', 'trace')).stdout);
    t.match(last, /\[1\/10\] sandbox/);
    t.notMatch(
      last,
      /c1 → c2 \(172\.30\.0\.3\): not yet[^\n]*\n[\s\S]*\[4\/10\]/,
      'no ping before c1 exists',
    );
    t.match(last, /\[9\/10\][\s\S]*c1 → c2 \(172\.30\.0\.3\): not yet/, 'after step 9, c2 has no cable yet');
    t.match(
      last,
      /c1 → c2 \(172\.30\.0\.3\) works since step 10 \(endpoint c2\/eth0[^\n]*: its ping, traced/,
      'the step that makes it work',
    );
    t.match(
      last,
      /c2 \[\S+-c2\] gets icmp echo-request 172\.30\.0\.2 → 172\.30\.0\.3 by eth0: delivered here/,
    );
    t.match(last, /DELIVERED: /);
    await tmux('send-keys', '-t', 'trace', 'Enter');
    t.match(await waitFor('trace', /EXIT=\d+/), /EXIT=0/);
  },
);

t.test('--trace without --step is refused before anything is built', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('stepx');
  const r = await nslab(['up', 'bridge-basic', '--sandbox-name', sb, '--trace', 'c1:c2']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, /--trace goes with --step/);
  t.same(await namespacesOf(sb), []);
});
