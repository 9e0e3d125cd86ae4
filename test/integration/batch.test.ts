// The executor's batches, against the real kernel: a failing line is named exactly, the lines
// before it took effect, the lines after it did not.
import { execa } from 'execa';
import t from 'tap';
import { argvOf, ip, type Command } from '../../src/plan/command.js';
import { runBatch, runTiers } from '../../src/run/batch.js';
import { runRules } from '../../src/run/rules.js';
import { IpQueues } from '../../src/run/schedule.js';
import { needsRoot, sandboxName } from '../helpers/machine.js';

t.test('a failing line of an ip batch is named, with what ip said', { skip: needsRoot }, async (t) => {
  const ns = sandboxName('batch');
  await execa('ip', ['netns', 'add', ns]);
  t.teardown(() => execa('ip', ['netns', 'del', ns], { reject: false }));
  const cmd = (...args: string[]) => ip(ns, ...args);
  const commands = [
    cmd('link', 'set', 'dev', 'lo', 'up'),
    cmd('link', 'set', 'dev', 'nosuch', 'up'),
    cmd('addr', 'add', '10.1.1.1/32', 'dev', 'lo'),
  ].map((command, i) => ({ index: i + 1, command }));
  const r = await runBatch(ns, commands);
  t.same(
    r.done.map((c) => c.index),
    [1],
    'the line before the failure ran',
  );
  t.equal(r.failed?.at.index, 2, 'the failing line is the second command');
  t.same(
    r.failed?.result.argv,
    ['ip', '-n', ns, 'link', 'set', 'dev', 'nosuch', 'up'],
    'named as the plan has it',
  );
  t.match(r.failed?.result.stderr, /Cannot find device "nosuch"/);
  const lo = String((await execa('ip', ['-n', ns, '-br', 'addr', 'show', 'dev', 'lo'])).stdout);
  t.match(lo, /UNKNOWN|UP/, 'lo was set up');
  t.notMatch(lo, /10\.1\.1\.1/, 'the line after the failure did not run');
});

t.test(
  'many namespaces through one ip: each batch ran once, a failure is named exactly',
  { skip: needsRoot },
  async (t) => {
    const names = [0, 1, 2, 3, 4, 5].map((i) => sandboxName(`fan${i}`));
    const missing = sandboxName('fan-missing');
    for (const ns of names) await execa('ip', ['netns', 'add', ns]);
    t.teardown(async () => {
      for (const ns of names) await execa('ip', ['netns', 'del', ns], { reject: false });
    });
    // Every namespace: lo up, then an address; namespace 3 fails on its second line; one is missing.
    const build = (force: boolean) => {
      const queues = new IpQueues();
      let index = 0;
      const add = (ns: string, ...args: string[]) =>
        queues.add(ns, { index: ++index, command: ip(ns, ...args) });
      for (const [i, ns] of names.entries()) {
        if (i === 2) add(missing, 'link', 'set', 'dev', 'lo', 'up');
        add(ns, 'link', 'set', 'dev', 'lo', 'up');
        add(
          ns,
          ...(i === 3
            ? ['link', 'set', 'dev', 'nosuch', 'up']
            : ['addr', 'add', `10.9.${force ? 1 : 0}.${i + 1}/32`, 'dev', 'lo']),
        );
        add(ns, 'addr', 'add', `10.8.${force ? 1 : 0}.${i + 1}/32`, 'dev', 'lo');
      }
      return queues;
    };
    const addresses = async (ns: string) =>
      String((await execa('ip', ['-n', ns, '-br', 'addr', 'show', 'dev', 'lo'])).stdout).match(
        /10\.\d+\.\d+\.\d+/g,
      ) ?? [];

    for (const force of [false, true]) {
      const outcomes = [];
      for await (const tier of runTiers(build(force), new Set(), force)) outcomes.push(...tier);
      const failed = outcomes.flatMap((o) => (o.failed ? [o.failed] : []));
      // A build stops a chunk at its first failure; a teardown goes on to try everything.
      const bad = failed.find((f) => argvOf(f.at.command).includes('nosuch'));
      if (force || bad)
        t.match(
          bad?.result.stderr,
          /^Cannot find device "nosuch"$/,
          `${force ? 'teardown' : 'build'}: the bad line is named, with just what ip said about it`,
        );
      t.match(
        failed.find((f) => f.at.command.ns === missing)?.result.stderr,
        /^Cannot open network namespace "[^"]+": No such file or directory$/,
        `${force ? 'teardown' : 'build'}: the missing namespace is named`,
      );
      t.equal(failed.length, force ? 2 : new Set(failed.map((f) => f.at.index)).size, 'each failure once');
      for (const o of outcomes)
        for (const c of o.done)
          t.notOk(argvOf(c.command).includes('nosuch'), 'a failed line is never counted as done');
      // Whatever is reported done is there exactly once (a line run twice would have failed: File exists).
      for (const [i, ns] of names.entries()) {
        const want = outcomes
          .flatMap((o) => o.done)
          .map((c) => argvOf(c.command))
          .filter((argv) => argv[2] === ns && argv[3] === 'addr')
          .map((argv) => argv[5]!.replace('/32', ''));
        t.same(
          (await addresses(ns)).filter((a) => a.split('.')[2] === (force ? '1' : '0')).sort(),
          want.sort(),
          `${force ? 'teardown' : 'build'}: namespace ${i} has just what was reported done`,
        );
      }
    }
  },
);

t.test(
  'iptables rules go in as one restore; a bad one is still named exactly',
  { skip: needsRoot },
  async (t) => {
    const ns = sandboxName('rules');
    await execa('ip', ['netns', 'add', ns]);
    t.teardown(() => execa('ip', ['netns', 'del', ns], { reject: false }));
    const rule = (i: number, ...target: string[]) => {
      const args = ['-s', `10.${i}.0.0/16`, '!', '-o', 'br0', '-j', ...target];
      const command: Command = { tool: 'iptables', ns, table: 'nat', op: '-A', chain: 'POSTROUTING', args };
      return { index: i, command };
    };
    const nat = async () =>
      String((await execa('ip', ['netns', 'exec', ns, 'iptables', '-t', 'nat', '-S', 'POSTROUTING'])).stdout)
        .split('\n')
        .filter((l) => l.startsWith('-A'));

    const good = await runRules([rule(1, 'MASQUERADE'), rule(2, 'MASQUERADE'), rule(3, 'RETURN')]);
    t.same(
      good.done.map((c) => c.index),
      [1, 2, 3],
    );
    t.notOk(good.failed);
    t.same(
      await nat(),
      [
        '-A POSTROUTING -s 10.1.0.0/16 ! -o br0 -j MASQUERADE',
        '-A POSTROUTING -s 10.2.0.0/16 ! -o br0 -j MASQUERADE',
        '-A POSTROUTING -s 10.3.0.0/16 ! -o br0 -j RETURN',
      ],
      'all three, in order',
    );

    await execa('ip', ['netns', 'exec', ns, 'iptables', '-t', 'nat', '-F', 'POSTROUTING']);
    const bad = await runRules([rule(4, 'MASQUERADE'), rule(5, 'NOSUCHCHAIN'), rule(6, 'MASQUERADE')]);
    t.same(
      bad.done.map((c) => c.index),
      [4],
      'the rule before the bad one is done',
    );
    t.equal(bad.failed?.at.index, 5, 'the bad rule is named');
    t.match(bad.failed?.result.stderr, /NOSUCHCHAIN/, 'with what iptables said');
    t.same(
      await nat(),
      ['-A POSTROUTING -s 10.4.0.0/16 ! -o br0 -j MASQUERADE'],
      'the rule after it never went in',
    );
  },
);
