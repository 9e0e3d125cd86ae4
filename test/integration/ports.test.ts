// Every -p form in a sandbox: a port bound to 127.0.0.1 (the host's own requests only) and a udp
// port, each proved by the fixture's checks (up exits 0 only when every check is as expected).
import t from 'tap';
import { fixtureLab, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

const lab = fixtureLab('ports-forms');

t.test('127.0.0.1:8080:80 and 5353:53/udp: every check as expected', { skip: needsRoot }, async (t) => {
  const sb = sandboxName('ports');
  t.teardown(() => nslab(['down', lab, '--sandbox-name', sb]));
  const up = await nslab(['up', lab, '--sandbox-name', sb, '-q']);
  t.equal(up.exitCode, 0, 'up: all checks as expected', up);

  const plan = await nslab(['plan', lab, '--sandbox-name', sb]);
  const c = String.raw`-m comment --comment \S+`;
  t.match(
    plan.stdout,
    new RegExp(String.raw`OUTPUT -d 127\.0\.0\.1/32 -p tcp -m tcp --dport 8080 ${c} -j DNAT`),
  );
  t.match(
    plan.stdout,
    new RegExp(String.raw`PREROUTING -m addrtype --dst-type LOCAL -p udp -m udp --dport 5353 ${c} -j DNAT`),
  );
  t.notMatch(plan.stdout, /PREROUTING .*--dport 8080/, '127.0.0.1 only: no DNAT for packets from elsewhere');
  t.match(plan.stdout, /net\.ipv4\.conf\.all\.route_localnet=1/);
});
