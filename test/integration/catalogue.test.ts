// Every lab of the catalogue, for real in a sandbox: its checks come out as written; then one
// thing is broken per lab (the property it teaches) and exactly the checks that prove that
// property fail; down leaves nothing behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import t from 'tap';
import { listLabs } from '../../src/lab/index.js';
import { namespacesOf, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

interface Result { ok: boolean; checks: { name: string; ok: boolean }[] }

/** Deletes the first iptables rule of a namespace whose saved line matches. */
async function deleteRule(ns: string, table: string, match: RegExp) {
  const saved = String((await execa('ip', ['netns', 'exec', ns, 'iptables-save', '-t', table])).stdout).split('\n');
  const line = saved.find((l) => l.startsWith('-A ') && match.test(l));
  if (!line) throw new Error(`no rule matching ${match} in ${ns}`);
  await execa('ip', ['netns', 'exec', ns, 'iptables-restore', '--noflush'], { input: `*${table}\n-D${line.slice(2)}\nCOMMIT\n` });
}

/** Stops the server a container runs (found by its command line, as teardown finds it). */
async function killServer(owner: string, sb: string) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const argv = (() => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { return []; } })();
    if (argv.some((a) => a.endsWith('/serve/server.js')) && argv.includes(owner) && argv.some((a) => a.endsWith(`@${sb}`))) process.kill(Number(pid));
  }
  await new Promise((r) => setTimeout(r, 100));
}

const dropLine = (file: string, pattern: RegExp) => writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !pattern.test(l)).join('\n'));

/** For each lab: how to break what it teaches, and the checks that must then fail (all others still pass). */
const breaks: Record<string, { what: string; apply: (sb: string) => Promise<unknown>; fails: string[] }> = {
  'bridge-basic': { what: 'take ve-c2 off the bridge', apply: (sb) => execa('ip', ['-n', `${sb}-host`, 'link', 'set', 've-c2', 'nomaster']), fails: ['c1 → c2 (172.30.0.3)', 'c2 → c1 (172.30.0.2)'] },
  'bridge-nat': { what: 'delete the MASQUERADE rule', apply: (sb) => deleteRule(`${sb}-host`, 'nat', /MASQUERADE/), fails: ['c1 → outside (203.0.113.10)', 'http c1 → outside (203.0.113.10:80)'] },
  'port-publish': { what: 'delete the PREROUTING DNAT', apply: (sb) => deleteRule(`${sb}-host`, 'nat', /^-A PREROUTING .*DNAT/), fails: ['http outside → host (198.51.100.2:8080)', 'http c2 → host (198.51.100.2:8080)'] },
  'none-mode': { what: 'set lo down', apply: (sb) => execa('ip', ['-n', `${sb}-lonely`, 'link', 'set', 'lo', 'down']), fails: ['lonely → 127.0.0.1', 'http lonely → 127.0.0.1:80'] },
  'container-mode': { what: 'stop web’s server', apply: (sb) => killServer('web', sb), fails: ['http sidecar → 127.0.0.1:80', 'http client → sidecar (172.25.0.2:80)', 'sidecar can listen on port 80: must not'] },
  'host-mode': { what: 'stop the host-mode server', apply: (sb) => killServer('web', sb), fails: ['http outside → host (198.51.100.2:80)', 'http c1 → br0 (172.24.0.1:80)', 'host can listen on port 80: must not'] },
  'user-bridge-dns': { what: 'remove db from app’s /etc/hosts', apply: async (sb) => dropLine(`/etc/netns/${sb}-app/hosts`, /\tdb$/), fails: ['app resolves db to 172.23.0.3'] },
  link: { what: 'remove the --link entry', apply: async (sb) => dropLine(`/etc/netns/${sb}-web/hosts`, /database/), fails: ['web resolves database to 172.21.0.2', 'web resolves db to 172.21.0.2'] },
  'bridge-isolation': {
    what: 'delete the isolation drops',
    apply: async (sb) => { await deleteRule(`${sb}-host`, 'filter', /-i front -o back .*DROP/); await deleteRule(`${sb}-host`, 'filter', /-i back -o front .*DROP/); },
    fails: ['web ↛ db (172.20.2.2)', 'cache ↛ proxy (172.20.1.3)'],
  },
  'service-vip': { what: 'delete the DNAT to web1 for containers', apply: (sb) => deleteRule(`${sb}-host`, 'nat', /^-A PREROUTING .*172\.19\.0\.11:80/), fails: ['http client → web (10.96.0.10:80)'] },
};

for (const { name } of listLabs()) {
  t.test(`${name}: checks pass in a sandbox, the broken property fails the right checks, down leaves nothing`, { skip: needsRoot }, async (t) => {
    const sb = sandboxName(name.slice(0, 6));
    t.teardown(() => nslab(['down', name, '--sandbox-name', sb]));
    const up = await nslab(['up', name, '--sandbox-name', sb, '--json']);
    t.equal(up.exitCode, 0, 'up passes every check', up);
    const built = JSON.parse(up.stdout) as Result;
    t.ok(built.checks.length >= 3, 'the lab has checks');
    t.ok(built.checks.every((c) => c.ok), 'every check comes out as the lab says');

    const broken = breaks[name];
    t.ok(broken, `the test knows how to break ${name}`);
    if (broken) {
      await broken.apply(sb);
      const verify = await nslab(['verify', name, '--sandbox-name', sb, '--json']);
      t.equal(verify.exitCode, 1, `after "${broken.what}" verify exits 1`, verify);
      const failed = (JSON.parse(verify.stdout) as Result).checks.filter((c) => !c.ok).map((c) => c.name);
      t.same(failed.sort(), [...broken.fails].sort(), `after "${broken.what}" exactly these checks fail`);
    }

    const down = await nslab(['down', name, '--sandbox-name', sb]);
    t.equal(down.exitCode, 0, 'down exits 0', down);
    t.same(await namespacesOf(sb), [], 'no namespace left');
    t.same(readdirSync('/etc/netns').filter((d) => d.startsWith(`${sb}-`)), [], 'no /etc/netns files left');
    const servers = String((await execa('ps', ['-eo', 'args'])).stdout).split('\n').filter((l) => l.includes('serve/server.js') && l.includes(`@${sb}`));
    t.same(servers, [], 'no server left running');
    t.notOk(existsSync(`/run/nslab/${name}@${sb}.json`), 'no state file left');
  });
}
