// `npm run nslab -- … > FILE` writes exactly nslab's document: the project's .npmrc keeps npm's
// "> nslab@0.1.0 nslab" banner off stdout. Each file is read back as what it claims to be.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { hasTool } from '../../src/run/tools.js';

const repo = new URL('../..', import.meta.url).pathname;
// A learner's shell: no npm_config_* that an outer `npm test` would pass down (npm exports its
// own settings to the scripts it runs, the log level among them).
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))) as Record<
  string,
  string
>;

const dir = mkdtempSync(join(tmpdir(), 'nslab-redirect-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run nslab -- ARGS > FILE` from the checkout, as a shell does it: stdout is the file. */
async function redirected(args: string[], file: string) {
  const path = join(dir, file);
  const r = await execa('npm', ['run', 'nslab', '--', ...args], {
    cwd: repo,
    env: { ...shellEnv, NO_COLOR: '1' },
    extendEnv: false,
    stdout: { file: path },
    reject: false,
  });
  return { exitCode: r.exitCode, stderr: String(r.stderr), text: readFileSync(path, 'utf8') };
}

/** Well-formed XML, checked the way a parser fails on it: declaration first, tags nested, one root. */
function xmlProblem(text: string): string | null {
  if (!text.startsWith('<?xml')) return `does not start with the XML declaration: ${text.slice(0, 40)}`;
  const body = text
    .replace(/^<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/, '');
  const open: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, close, name, , empty] = m;
    if (close) {
      if (open.pop() !== name) return `</${name}> closes nothing open`;
    } else if (!empty) {
      if (open.length === 0) roots++;
      open.push(name!);
    } else if (open.length === 0) roots++;
  }
  if (open.length) return `<${open.at(-1)}> is never closed`;
  if (roots !== 1) return `${roots} root elements`;
  const outside = body.replace(/<svg[\s\S]*<\/svg>/, '').trim();
  return outside ? `text outside the root: ${outside.slice(0, 40)}` : null;
}

t.test('the parser finds what a banner does to a file', async (t) => {
  t.equal(xmlProblem('<?xml version="1.0"?>\n<svg><g><text>a</text></g><path d="x"/></svg>\n'), null);
  t.match(xmlProblem('\n> nslab@0.1.0 nslab\n<?xml version="1.0"?><svg></svg>'), /declaration/);
  t.match(xmlProblem('<?xml version="1.0"?><svg><g></svg>'), /closes nothing/);
  t.match(xmlProblem('<?xml version="1.0"?><svg></svg>\n> nslab@0.1.0'), /outside the root/);
});

t.test('npm run nslab -- plan bridge-basic > f.sh: the script, from its shebang', async (t) => {
  const r = await redirected(['plan', 'bridge-basic'], 'f.sh');
  t.equal(r.exitCode, 0, 'plan', r);
  t.equal(r.text.split('\n')[0], '#!/usr/bin/env bash', 'the first line is the shebang');
  t.notMatch(r.text, /nslab@\d|^> /m, 'nothing of npm’s');
  const syntax = await execa('bash', ['-n', join(dir, 'f.sh')], { reject: false });
  t.equal(syntax.exitCode, 0, 'bash parses it', syntax);
});

t.test(
  'npm run nslab -- graph bridge-nat --format svg > g.svg: XML',
  { skip: hasTool('dot') ? false : 'needs graphviz (apt-get install graphviz)' },
  async (t) => {
    const r = await redirected(['graph', 'bridge-nat', '--format', 'svg'], 'g.svg');
    t.equal(r.exitCode, 0, 'graph', r);
    t.equal(xmlProblem(r.text), null, 'well-formed XML');
    t.match(r.text, /<svg[\s\S]*<\/svg>\s*$/, 'an SVG document');
  },
);

t.test('npm run nslab -- … --json > f.json: JSON', async (t) => {
  const list = await redirected(['list', '--json'], 'list.json');
  t.equal(list.exitCode, 0, 'list', list);
  t.ok((JSON.parse(list.text) as { name: string }[]).some((l) => l.name === 'bridge-basic'));
  const plan = await redirected(['plan', 'bridge-basic', '--json'], 'plan.json');
  t.equal(plan.exitCode, 0, 'plan --json', plan);
  t.equal((JSON.parse(plan.text) as { lab: string }).lab, 'bridge-basic');
});

t.test('an error still says what failed, and the exit code is nslab’s', async (t) => {
  const r = await redirected(['plan', 'no-such-lab'], 'none.sh');
  t.equal(r.exitCode, 2, 'bad input: 2');
  t.equal(r.text, '', 'nothing in the file');
  t.match(r.stderr, /no such lab file/);
});
