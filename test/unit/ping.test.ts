import { readFileSync } from 'node:fs';
import t from 'tap';
import { pingArgv } from '../../src/plan/probe.js';
import { parsePing, pingRefusal } from '../../src/check/ping.js';

// Output captured from iputils ping on Debian 12.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ping/${name}`, import.meta.url), 'utf8');

t.test('an answer: counts and the average round trip', async (t) => {
  t.same(parsePing(fixture('reached.txt')), { transmitted: 1, received: 1, rttMs: 0.169, error: null });
});

t.test('no answer: nothing received, no rtt', async (t) => {
  t.same(parsePing(fixture('noanswer.txt')), { transmitted: 1, received: 0, rttMs: null, error: null });
});

t.test('no route: the error ping printed is kept for the learner', async (t) => {
  const p = parsePing(fixture('unreachable.out'), fixture('unreachable.err'));
  t.equal(p.received, 0);
  t.equal(p.error, 'ping: connect: Network is unreachable');
});

t.test('an ICMP error line in stdout is reported without the From prefix', async (t) => {
  const out =
    'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nFrom 10.0.0.1 icmp_seq=1 Destination Host Unreachable\n\n--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n';
  const p = parsePing(out);
  t.equal(p.transmitted, 1);
  t.equal(p.error, 'Destination Host Unreachable');
});

t.test('the probe runs inside the namespace, or in the machine’s own when none', async (t) => {
  t.same(pingArgv('c1', '172.30.0.3'), [
    'ip',
    'netns',
    'exec',
    'c1',
    'ping',
    '-n',
    '-c',
    '1',
    '-W',
    '1',
    '172.30.0.3',
  ]);
  t.same(pingArgv(null, '172.30.0.3').slice(0, 1), ['ping']);
});

t.test('how a ping without an answer was refused: the kernel, or an ICMP error and its sender', async (t) => {
  const icmp =
    'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nFrom 10.0.0.1 icmp_seq=1 Destination Net Prohibited\n\n--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n';
  t.equal(pingRefusal(parsePing(icmp)), 'ICMP Destination Net Prohibited (from 10.0.0.1)');
  t.equal(
    pingRefusal(parsePing(fixture('unreachable.out'), fixture('unreachable.err'))),
    'kernel: Network is unreachable',
  );
  t.equal(pingRefusal(parsePing(fixture('noanswer.txt'))), null, 'silence: the caller says for how long');
  t.equal(
    pingRefusal(parsePing('', 'Cannot open network namespace "x": No such file or directory\n')),
    null,
    'not ping’s words: no proof',
  );
  // stopped by SIGINT at the end of its window: the statistics, nothing received
  const stopped =
    'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\n\n--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n';
  t.match(parsePing(stopped), { transmitted: 1, received: 0, error: null });
});
