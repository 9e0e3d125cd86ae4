// The Korean cheat sheet (docs/cheatsheet.ko.md) covers every docker/brctl/iptables command the
// study group's notes use. The notes are ../shared/seeds (beside the checkout, not in it): their
// command lines are kept in test/fixtures/seed-commands.txt, and where the notes are present the
// test re-reads them, so the list cannot go stale. UPDATE_SEED_COMMANDS=1 rewrites the list.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import t from 'tap';

const root = new URL('../../', import.meta.url);
const sheetFile = new URL('docs/cheatsheet.ko.md', root);
const fixture = new URL('test/fixtures/seed-commands.txt', root);
const seedsDir = new URL(process.env.NSLAB_SEEDS ?? '../shared/seeds/', root);

/** Typos of the notes, so `docker netork ls` counts as `docker network ls`. */
const TYPOS: Record<string, string> = { netork: 'network', insepct: 'inspect' };

const COMMAND = /^(?:sudo\s+)?(?:docker|brctl|iptables)\s|^ps\s.*docker-proxy/;

/** The command lines of one note: shell lines (`$ ` or not) and inline `code` that start with a command. */
function commandsOf(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .trim()
      .replace(/^\$\s+/, '')
      .replace(/\s+\/\/.*$/, '');
    if (COMMAND.test(line)) found.push(line);
    for (const m of raw.matchAll(/`([^`]+)`/g)) if (COMMAND.test(`${m[1]} `)) found.push(m[1]!.trim());
  }
  return found;
}

/** What a command is, for the cheat sheet: the command word and its subcommand (and, for docker
 * run, each networking option: -p, --network host|none|container:, --link). */
function keysOf(command: string): string[] {
  const words = command
    .replace(/^sudo\s+/, '')
    .split(/\s+/)
    .map((w) => TYPOS[w] ?? w);
  const [tool, sub, action] = words;
  if (tool === 'ps') return ['ps -ef | grep docker-proxy'];
  if (tool === 'brctl') return [`brctl ${sub}`];
  if (tool === 'iptables') {
    const table = words.indexOf('-t') >= 0 ? ` -t ${words[words.indexOf('-t') + 1]}` : '';
    const verb = words.find((w) => /^-[LSAIDNPF]$/.test(w));
    return [`iptables${table}${verb ? ` ${verb}` : ''}`];
  }
  if (sub === undefined) return ['docker'];
  if (['network', 'container', 'image', 'volume', 'swarm', 'stack', 'service', 'system'].includes(sub))
    return [action && !action.startsWith('[') ? `docker ${sub} ${action}` : `docker ${sub}`];
  if (sub !== 'run') return [`docker ${sub}`];
  const keys: string[] = [];
  words.forEach((w, i) => {
    const [flag, inline] = w.split(/=(.*)/);
    if (flag === '-p' || flag === '--publish') keys.push('docker run -p');
    if (flag === '--link' || flag === '-link') keys.push('docker run --link');
    if (flag === '--network' || flag === '--net' || flag === '-net') {
      const mode = inline ?? words[i + 1] ?? '';
      keys.push(
        ['host', 'none'].includes(mode)
          ? `docker run --network ${mode}`
          : mode.startsWith('container:')
            ? 'docker run --network container:'
            : 'docker run --network',
      );
    }
  });
  return keys.length ? keys : ['docker run'];
}

/** The keys of the commands in the cheat sheet's first column. */
function sheetKeys(): Set<string> {
  const rows = readFileSync(sheetFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  const keys = new Set<string>();
  for (const row of rows.slice(1)) {
    const first = row.split(/(?<!\\)\|/)[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) {
      const code = m[1]!.replace(/\\\|/g, '|');
      if (COMMAND.test(`${code} `)) for (const k of keysOf(code)) keys.add(k);
    }
  }
  return keys;
}

const fixtureLines = () =>
  readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

t.test('the command list is what the notes hold (where the notes are beside the checkout)', async (t) => {
  if (!existsSync(seedsDir)) {
    t.comment(`no notes at ${seedsDir.pathname}: the kept list is used as it is`);
    return;
  }
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  t.ok(files.length >= 5, 'the five notes');
  const lines = files.flatMap((f) =>
    commandsOf(readFileSync(new URL(f, seedsDir), 'utf8')).map((c) => `${f}: ${c}`),
  );
  if (process.env.UPDATE_SEED_COMMANDS) writeFileSync(fixture, `${lines.join('\n')}\n`);
  t.same(
    fixtureLines(),
    lines,
    'UPDATE_SEED_COMMANDS=1 npx tap test/unit/cheatsheet.test.ts rewrites the list',
  );
});

t.test('every docker/brctl/iptables command of the notes has a row in the cheat sheet', async (t) => {
  const sheet = sheetKeys();
  const commands = fixtureLines().map((l) => l.slice(l.indexOf(': ') + 2));
  const needed = new Set(commands.flatMap(keysOf));
  // the notes' commands are many kinds, not one: the list and the normalising really ran
  t.ok(needed.size >= 12, `${needed.size} kinds of command in the notes`);
  for (const k of ['docker network inspect', 'docker network ls', 'docker run -p', 'docker run --link'])
    t.ok(needed.has(k), `the notes use ${k}`);
  for (const k of needed) t.ok(sheet.has(k), `cheat sheet row for ${k}`);
});

t.test('the commands the issue names have rows too, and a command without one is caught', async (t) => {
  const sheet = sheetKeys();
  const issue = [
    'docker network ls',
    'docker network inspect bridge',
    'docker network create --driver=bridge NAME',
    'docker run --net=host nginx',
    'docker run --network none busybox',
    'docker run --network container:web busybox',
    'docker run -p 8080:80 nginx',
    'docker run --link db:database web',
    'docker exec -it c1 curl 172.17.0.2',
    'brctl show',
    'iptables -t nat -L -n',
    'ps -ef | grep docker-proxy',
  ];
  for (const c of issue) for (const k of keysOf(c)) t.ok(sheet.has(k), `cheat sheet row for ${k} (${c})`);
  t.notOk(sheet.has(keysOf('docker volume ls')[0]!), 'a command the sheet lacks is reported missing');
  t.same(keysOf('docker run --name nginx4 --net=host -d nginx-custom'), ['docker run --network host']);
  t.same(keysOf('docker netork ls'), ['docker network ls'], 'the notes’ typos count');
  t.same(keysOf('iptables -t nat -L -n'), ['iptables -t nat -L']);
});
