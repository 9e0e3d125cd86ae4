// Korean (issue 17): no text in one language only, every teaching line in Korean, and the
// glossary's words used where the English has the term.
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parse } from 'yaml';
import { chooseLang, lang, pick, setLang, t as tr } from '../../src/i18n/index.js';
import { ko } from '../../src/i18n/ko.js';
import { labsDir } from '../../src/lab/files.js';
import { labFromText, listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';
import { plant } from '../../src/plan/faults.js';
import type { Target } from '../../src/plan/types.js';
import { workshopOf } from '../../src/session/workshop.js';
import { cli, fixtureLab, nslab } from '../helpers/machine.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const HANGUL = /[\uac00-\ud7a3]/;
const KO = { NSLAB_LANG: 'ko' };

/** Every .ts file under src/. */
const sources = (dir = join(repo, 'src')): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** A JavaScript string literal's value ('…', "…" or `…` without ${}). */
const literal = (quote: string, body: string): string =>
  new Function(`return ${quote}${body}${quote}`)() as string;

/** The texts of t() calls in src/ (file:line for each), and the calls whose argument is not a literal. */
function catalogueCalls(): { texts: Map<string, string>; notLiteral: string[] } {
  const texts = new Map<string, string>();
  const notLiteral: string[] = [];
  for (const file of sources()) {
    if (file.includes('/src/i18n/')) continue;
    const code = readFileSync(file, 'utf8');
    const at = (i: number) => `${relative(repo, file)}:${code.slice(0, i).split('\n').length}`;
    for (const m of code.matchAll(/(?<![\w.$])t\(\s*(?:(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*[,)]|([^\s]))/g)) {
      if (m[3] !== undefined || m[2]!.includes('${')) notLiteral.push(at(m.index));
      else texts.set(literal(m[1]!, m[2]!), at(m.index));
    }
  }
  return { texts, notLiteral };
}

t.test('the language: --lang, then NSLAB_LANG, then the locale; t() and pick() follow it', async (t) => {
  t.equal(chooseLang('ko', { NSLAB_LANG: 'en' }), 'ko');
  t.equal(chooseLang(undefined, { NSLAB_LANG: 'ko', LANG: 'en_US.UTF-8' }), 'ko');
  t.equal(chooseLang(undefined, { LANG: 'ko_KR.UTF-8' }), 'ko');
  t.equal(chooseLang(undefined, { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }), 'en');
  t.equal(chooseLang(undefined, {}), 'en');
  t.teardown(() => setLang('en'));
  const text = { en: 'two namespaces', ko: '네임스페이스 둘' };
  setLang('ko');
  t.equal(lang(), 'ko');
  t.equal(pick(text), '네임스페이스 둘');
  t.equal(
    tr('container {name}: its /etc/hosts and resolv.conf', { name: 'c1' }),
    '컨테이너 c1: /etc/hosts와 resolv.conf',
  );
  t.equal(
    tr('not in the catalogue {c1}'),
    'not in the catalogue {c1}',
    'a text without Korean shows in English',
  );
  setLang('en');
  t.equal(pick(text), 'two namespaces');
  t.equal(pick('English only'), 'English only');
});

t.test('every t() text of src/ has its Korean in ko.ts, and every entry of ko.ts is used', async (t) => {
  const { texts, notLiteral } = catalogueCalls();
  t.ok(texts.size > 300, `the scan finds the code's texts (${texts.size})`);
  t.same(notLiteral, [], 't() takes a literal text, so this test can find it');
  const missing = [...texts].filter(([text]) => !(text in ko)).map(([text, at]) => `${at}: ${text}`);
  t.same(missing, [], 'no text in English only');
  const unused = Object.keys(ko).filter((k) => !texts.has(k));
  t.same(unused, [], 'no Korean without its English');
  const empty = Object.entries(ko).filter(([, v]) => !v.trim() || (!HANGUL.test(v) && v.trim() !== '.'));
  t.same(empty, [], 'every entry is Korean');
  // {name} placeholders are filled by name: the Korean must have the same ones.
  const names = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
  const differ = Object.entries(ko).filter(([en, k]) => names(en).join() !== names(k).join());
  t.same(differ, [], 'the same placeholders in both');
});

/** The teaching fields of a lab file, each with its path: the schema's definitions/text. */
function teachingFields(doc: Record<string, unknown>): [string, unknown][] {
  const fields: [string, unknown][] = [];
  const add = (path: string, v: unknown) => v !== undefined && fields.push([path, v]);
  add('title', doc.title);
  add('description', doc.description);
  for (const [i, c] of ((doc.checks ?? []) as Record<string, unknown>[]).entries()) {
    add(`checks[${i}].name`, c.name);
    add(`checks[${i}].why`, c.why);
  }
  for (const [i, x] of ((doc.exercises ?? []) as Record<string, unknown>[]).entries()) {
    add(`exercises[${i}].title`, x.title);
    add(`exercises[${i}].task`, x.task);
    for (const [j, h] of ((x.hints ?? []) as unknown[]).entries()) add(`exercises[${i}].hints[${j}]`, h);
  }
  return fields;
}

const schema = JSON.parse(readFileSync(join(labsDir, 'lab.schema.json'), 'utf8')) as {
  definitions: Record<string, unknown>;
};

t.test('the schema: every teaching field is a text, and these fields are all of them', async (t) => {
  const refs = JSON.stringify(schema).match(/"#\/definitions\/text"/g) ?? [];
  t.equal(refs.length, 7, 'title, description, checks[].name and why, exercises[].title, task and hints[]');
  // Every field teachingFields reads, in a lab that has them all, is found.
  const paths = teachingFields(
    parse(readFileSync(fixtureLab('bilingual'), 'utf8')) as Record<string, unknown>,
  ).map(([p]) => p.replace(/\[\d+\]/g, '[]'));
  t.same([...new Set(paths)].sort(), [
    'checks[].name',
    'checks[].why',
    'description',
    'exercises[].hints[]',
    'exercises[].task',
    'exercises[].title',
    'title',
  ]);
});

/** The catalogue's labs: their teaching fields that are in one language only. */
const oneLanguage = () =>
  readdirSync(labsDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      teachingFields(parse(readFileSync(join(labsDir, f), 'utf8')) as Record<string, unknown>)
        .filter(([, v]) => {
          const x = v as { en?: unknown; ko?: unknown };
          return (
            typeof x !== 'object' ||
            typeof x.en !== 'string' ||
            typeof x.ko !== 'string' ||
            !HANGUL.test(x.ko)
          );
        })
        .map(([path]) => `${f}: ${path}`),
    );
t.test('every catalogue lab has each teaching text in English and Korean', async (t) => {
  t.same(oneLanguage(), [], 'no teaching text in one language only');
});

t.test(
  'a lab text is a string or { en, ko }: nslab shows the one language, and names the place of a bad one',
  async (t) => {
    t.teardown(() => setLang('en'));
    const file = fixtureLab('bilingual');
    for (const [language, title, why, task, hint] of [
      [
        'en',
        'one bridge, two containers',
        'two namespaces on one bridge talk at layer 2',
        'c1 cannot ping c2 ({c2}).',
        "look at the bridge's ports",
      ],
      [
        'ko',
        '브리지 하나, 컨테이너 둘',
        '같은 브리지에 붙은 두 네임스페이스는 L2로 통신합니다',
        'c1이 c2({c2})에 ping을 보내지 못합니다.',
        '브리지의 포트를 보세요',
      ],
    ] as const) {
      setLang(language);
      const lab = loadLab(file);
      t.equal(lab.title, title, `${language}: title`);
      t.equal(lab.checks[0]!.why, why, `${language}: a check's why`);
      t.equal(
        lab.checks[0]!.name,
        language === 'ko' ? 'c1에서 c2로' : 'c1 reaches c2',
        `${language}: a check's name`,
      );
      t.equal(lab.checks[1]!.why, 'English only is allowed too', `${language}: an English-only text`);
      t.equal(lab.exercises[0]!.task, task, `${language}: the task, {c2} left for later`);
      t.same(lab.exercises[0]!.hints, [hint, 'English only'], `${language}: hints`);
      t.equal(lab.exercises[0]!.key, 'c2 is cut off', 'progress remembers the English title');
    }
    const bad = (yaml: string) => {
      try {
        labFromText('/x/bad.yaml', yaml);
        return [];
      } catch (e) {
        return (e as { problems: { line: number; col: number; message: string }[] }).problems.map(
          (p) => `${p.line}:${p.col}: ${p.message}`,
        );
      }
    };
    const lab = (title: string) =>
      `title:${title}\nnetworks:\n  br0: { subnet: 172.30.0.0/16 }\ncontainers:\n  c1: { networks: { br0: {} } }\n`;
    t.same(bad(lab('\n  en: only English')), ['1:1: title needs "ko": add it']);
    t.same(bad(lab('\n  en: a\n  ko: 가\n  ja: あ')), [
      '4:3: unknown key "ja" in title: expected one of en, ko',
    ]);
    t.same(bad(lab(' 3')), ['1:8: title must be a text: a string, or en: and ko: beneath it']);
    t.same(bad(lab('\n  en: ""\n  ko: 가')), ['2:7: title.en: "" is not valid: expected the English text']);
  },
);

t.test(
  'progress remembers an exercise by its English title, whatever the language it was solved in',
  async (t) => {
    const labs = [
      { name: 'x', title: '랩', exercises: [{ title: 'c2가 끊겼습니다', key: 'c2 is cut off' }, 'plain'] },
    ];
    const w = workshopOf(labs, { x: ['c2 is cut off'] });
    t.same(
      w.labs[0]!.exercises.map((x) => [x.title, x.solved]),
      [
        ['c2가 끊겼습니다', true],
        ['plain', false],
      ],
    );
  },
);

const targets: Record<string, Target> = {
  sandbox: { kind: 'sandbox', name: 'sb' },
  host: { kind: 'host', facts: { forwardDrop: false, ipForward: '0' } },
  'host-docker': { kind: 'host', facts: { forwardDrop: true, ipForward: '1' } },
};

t.test(
  'in Korean, every step of every catalogue lab says what, why and what Docker does in Korean',
  async (t) => {
    t.teardown(() => setLang('en'));
    setLang('ko');
    const english: string[] = [];
    for (const { name } of listLabs()) {
      const lab = loadLab(name);
      for (const [label, target] of Object.entries(targets)) {
        const plan = compile(lab, target);
        // The exercises' plans too: a planted fault may add or change a step.
        const plans = [plan, ...lab.exercises.map((x) => plant(plan, lab, x))];
        for (const p of plans)
          for (const s of p.steps)
            for (const [what, text] of [
              ['title', s.title],
              ['why', s.why],
              ['docker', s.docker],
            ] as const)
              if (!HANGUL.test(text)) english.push(`${name} (${label}) ${what}: ${text}`);
      }
    }
    t.same([...new Set(english)], []);
  },
);

t.test('NSLAB_LANG=ko nslab plan: every why and docker line is Korean', async (t) => {
  const runs = listLabs().map(async ({ name }) => ({
    name,
    r: await nslab(['plan', name, '--sandbox'], KO),
  }));
  for (const { name, r } of await Promise.all(runs)) {
    t.equal(r.exitCode, 0, name);
    const lines = r.stdout.split('\n').filter((l) => /^# (why|docker):/.test(l));
    t.ok(lines.length > 0, `${name}: its steps`);
    t.same(
      lines.filter((l) => !HANGUL.test(l)),
      [],
      `${name}: why and docker lines in Korean`,
    );
  }
});

t.test("in Korean, each exercise's title, task and hints", async (t) => {
  t.teardown(() => setLang('en'));
  setLang('ko');
  const english = listLabs().flatMap(({ name }) =>
    loadLab(name).exercises.flatMap((x, i) =>
      [x.title, x.task, ...x.hints].filter((s) => !HANGUL.test(s)).map((s) => `${name} ${i + 1}: ${s}`),
    ),
  );
  t.same(english, []);
});

t.test('NSLAB_LANG=ko nslab list: the table, its lab titles and the way to the cheat sheet', async (t) => {
  const r = await nslab(['list'], KO);
  t.equal(r.exitCode, 0);
  t.match(r.stdout, /│ 랩\s+│ 무엇을 만드나\s+│ 연습 문제 │/);
  t.match(r.stdout, /docs\/cheatsheet\.ko\.md/, 'Korean points to the map from the notes');
  const outside = r.stdout.split('\n').filter((l) => l.trim() && !/^[│┌├└]/.test(l));
  t.same(
    outside.filter((l) => !HANGUL.test(l)),
    [],
    'every line under the table is Korean',
  );
  t.test('the titles', async (t) => {
    t.teardown(() => setLang('en'));
    setLang('ko');
    const english = listLabs().filter((l) => !HANGUL.test(l.title));
    t.same(english, [], 'what list shows of each lab');
  });
  const en = await nslab(['list']);
  t.notMatch(en.stdout, /cheatsheet|[가-힣]/, 'English shows no Korean');
  const json = JSON.parse((await nslab(['list', '--json'], KO)).stdout) as { title: string }[];
  t.ok(
    json.every((l) => !HANGUL.test(l.title)),
    '--json stays English',
  );
});

t.test('NSLAB_LANG=ko nslab doctor: every finding is Korean', async (t) => {
  // As nobody when root: doctor then probes nothing in the kernel (no namespace, no lock needed).
  const asNobody =
    process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [command, ...args] = [...asNobody, 'node', cli, 'doctor'];
  const r = await execa(command!, args, { reject: false, env: { NO_COLOR: '1', NSLAB_LANG: 'ko' } });
  const lines = String(r.stdout)
    .split('\n')
    .filter((l) => l.trim());
  t.ok(lines.length > 5, 'its findings');
  t.same(
    lines.filter((l) => !HANGUL.test(l)),
    [],
  );
});

t.test('NSLAB_LANG=ko nslab --help: every verb and option is described in Korean', async (t) => {
  /** The description column of commander's help: text after the term's column. */
  const described = (help: string) =>
    help
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l) && / {2,}\S/.test(l.trim()))
      .map((l) => l.trim().split(/ {2,}/).slice(1).join(' '));
  const top = await nslab(['--help'], KO);
  t.equal(top.exitCode, 0);
  const verbs = top.stdout
    .split('\n')
    .filter((l) => /^ {2}[a-z]+ /.test(l))
    .map((l) => l.trim().split(' ')[0]!)
    .filter((v) => v !== 'help');
  t.ok(verbs.length >= 18, `the verbs (${verbs.length})`);
  t.match(top.stdout, /^사용법: nslab/m);
  const helps = await Promise.all(verbs.map((verb) => nslab([verb, '--help'], KO)));
  for (const [verb, r] of [['', top] as const, ...verbs.map((v, i) => [v, helps[i]!] as const)]) {
    const shown = described(r.stdout).filter((d) => !d.startsWith('sudo nslab') && !d.startsWith('nslab '));
    t.ok(shown.length > 0, `${verb || 'nslab'}: its descriptions`);
    t.same(
      shown.filter((d) => !HANGUL.test(d)),
      [],
      `${verb || 'nslab'}: in Korean`,
    );
  }
  t.equal((await nslab(['help', 'plan'], { NSLAB_LANG: 'ko' })).exitCode, 0);
  // English help is as it was.
  t.match((await nslab(['--help'])).stdout, /^Usage: nslab/m);
  t.match(
    (await nslab(['plan', '--help', '--lang', 'ko'])).stdout,
    /^사용법: nslab plan/m,
    '--lang after the verb',
  );
});

/** docs/glossary.ko.md: | English | 한국어 | 뜻 | rows, and its exceptions. */
const glossaryFile = join(repo, 'docs', 'glossary.ko.md');
const glossary = (): { en: string; ko: string }[] =>
  readFileSync(glossaryFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .filter((c) => c[1] && c[1] !== 'English' && !/^-+$/.test(c[1]))
    .map((c) => ({ en: c[1]!, ko: c[2]! }));

/**
 * Where the English has a term but the Korean rightly has not the glossary's word: the term is
 * inside a command, rule text, a path or a name (the glossary's own "규칙의 예외").
 */
const EXCEPTIONS: [term: string, englishContains: RegExp][] = [
  // nat and filter are table names; --network container:NAME, `nslab …` commands, /etc/hosts
  ['host', /--host|-host-ip|\/etc\/hosts|\{host\}/],
  ['container', /container:|-container-(ip|port)/],
  ['bridge', /macvlan mode bridge|in bridge mode|-o bridge|bridge -n|master br0|BRIDGE/],
  [
    'check',
    /^check a lab file|nslab check|lab\.sh check|up\/down\/check|\(up, down, check\)|then check, hint/,
  ],
  ['exercise', /nslab exercise|exercise LAB/],
  ['hint', /nslab hint|check, hint/],
  ['lab', /labs?\//],
  ['MASQUERADE', /-j MASQUERADE|\(MASQUERADE |MASQUERADE gives|without its MASQUERADE/],
  ['route', /routes? (nothing|for|between|out)|routed|would route/],
  ['step', /--step/],
  ['sandbox', /--sandbox|sandbox \{|sandbox NAME/],
  ['service', /swarm services/],
  ['overlay', /\(overlay\)/],
  ['policy', /-P FORWARD/],
];

/** Other words a term may take: route as a verb is 라우팅 (the glossary's exceptions). */
const ALSO: Record<string, string[]> = { route: ['라우팅'] };

t.test('the glossary: a Korean text whose English has a term uses the glossary’s word', async (t) => {
  const rows = glossary();
  t.ok(rows.length > 30, `its terms (${rows.length})`);
  // Every pair of texts: the code's catalogue and, once converted, the labs' texts.
  const pairs: [string, string, string][] = Object.entries(ko).map(([en, k]) => ['ko.ts', en, k]);
  for (const f of readdirSync(labsDir).filter((x) => x.endsWith('.yaml')))
    for (const [path, v] of teachingFields(
      parse(readFileSync(join(labsDir, f), 'utf8')) as Record<string, unknown>,
    ))
      if (typeof v === 'object' && v)
        pairs.push([`${f}: ${path}`, (v as { en: string }).en, (v as { ko: string }).ko]);
  const misses: string[] = [];
  for (const { en: term, ko: word } of rows) {
    // A term in capitals (NAT, MTU, MASQUERADE) is matched as written, others in any case;
    // plurals and -ed/-ing forms count ("containers", "published").
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\w-])${escaped}(s|es|ed|d|ing)?(?![\\w-])`, /[A-Z]/.test(term) ? '' : 'i');
    for (const [where, whole, k] of pairs) {
      // Words inside a command (`…`) or a placeholder ({host}) are not the term.
      const en = whole.replace(/`[^`]*`/g, '').replace(/\{\w+\}/g, '');
      if (!re.test(en) || k.includes(word) || ALSO[term]?.some((w) => k.includes(w))) continue;
      // A term the Korean keeps in English (fdb, ARP, VXLAN) is its own word.
      if (k.includes(term)) continue;
      if (EXCEPTIONS.some(([x, inside]) => x === term && inside.test(en))) continue;
      misses.push(`${where}: "${term}" → ${word}: ${k}`);
    }
  }
  t.same(misses, []);
});
