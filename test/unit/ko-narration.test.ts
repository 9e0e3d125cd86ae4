// The narration in Korean: a trace (from a captured fixture) and compare's table (from rows like
// the compare tests') say every sentence in Hangul with the language set to ko, keep the rule
// text, addresses and names as they are, fit the terminal counting a Hangul letter as two
// columns, and come out in English again, unchanged, when the language is en.
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import t from 'tap';
import { renderCompare } from '../../src/cli/compare-table.js';
import { traceBrief, traceText } from '../../src/cli/trace-text.js';
import { cols } from '../../src/i18n/width.js';
import { compareNetworks, type Row } from '../../src/compare/diff.js';
import { setLang } from '../../src/i18n/index.js';
import { diagnose } from '../../src/inspect/diagnose.js';
import { judge, type JudgeContext } from '../../src/inspect/judge.js';
import type { NsState, Snapshot } from '../../src/inspect/snapshot.js';
import type { ContainerState, ObservedNetwork } from '../../src/inspect/observe.js';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { linkState } from '../helpers/lab.js';
import { compile } from '../../src/plan/compile.js';
import { plant } from '../../src/plan/faults.js';
import { parseConntrack, type Connection } from '../../src/trace/conntrack.js';
import { parseTraceLine } from '../../src/trace/events.js';
import { legOf, natsOf, visitsOf } from '../../src/trace/journey.js';
import { linkPeers, type NamespaceLinks } from '../../src/trace/links.js';
import type { Trace } from '../../src/trace/run.js';
import { judgeJourney } from '../../src/trace/verdict.js';
import { dockerNets, handNets, observed, side } from '../helpers/observed.js';

const HANGUL = /[\uac00-\ud7a3]/;
t.teardown(() => setLang('en'));

// ── a trace, from what the kernel printed ───────────────────────────────────────────────────────

const fixture = (name: string) => readFileSync(new URL(`../fixtures/trace/${name}`, import.meta.url), 'utf8');
const rows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)] as const);

/** The trace `nslab trace` would make of a fixture (the legs, NAT and verdict are built in the current language). */
async function traced(
  labName: string,
  name: string,
  exercise: number | null,
  reached: boolean,
): Promise<Trace> {
  const lab = loadLab(labName);
  const built = compile(lab, { kind: 'sandbox', name: labName });
  const plan = exercise === null ? built : plant(built, lab, lab.exercises[exercise]!);
  const events = rows(fixture(`${name}.txt`)).flatMap(([ns, line], i) => {
    const e = parseTraceLine(line, ns, i);
    return e ? [e] : [];
  });
  const conns: Connection[] = ((): Connection[] => {
    try {
      return rows(fixture(`${name}.conntrack.txt`)).flatMap(([ns, line]) => parseConntrack(line, ns));
    } catch {
      return []; // a capture without conntrack (no NAT on the way)
    }
  })();
  const links = JSON.parse(fixture(`${name}.links.json`)) as Record<string, Omit<NamespaceLinks, 'ns'>>;
  const visits = visitsOf(events, conns, linkPeers(Object.entries(links).map(([ns, l]) => ({ ns, ...l }))));
  const legs = visits.map((v) => legOf(plan, v, new Map()));
  const probe = { reached, rttMs: null, detail: null, argv: [] };
  const j = await judgeJourney(plan, plan.checks[0]!, probe, legs, plan.namespaces);
  return {
    ...j,
    answered: reached,
    probe: { argv: [], reached, detail: null },
    method: 'nft trace',
    legs,
    hops: legs.flatMap((l) => l.hops),
    nat: natsOf(conns, plan, visits),
  };
}

/**
 * The sentences of a rendered trace, each put back on one line: a line continues the one before
 * when the first word of it would not have fitted there (that is how the text was wrapped). Left
 * out: the rules hit (` · hook table CHAIN rule → verdict`, iptables' own words) and the plan
 * step's title and docker line under a rule (the plan's texts, translated with the plan).
 */
function sentences(text: string): string[] {
  const width = Math.max(60, Math.min(process.stdout.columns ?? 100, 120));
  const out: { text: string; last: string }[] = [];
  for (const line of stripVTControlCharacters(text).split('\n').slice(2)) {
    if (!line.trim()) continue;
    const prev = out.at(-1);
    const first = line.trim().split(' ')[0]!;
    if (prev && /^ /.test(line) && cols(prev.last) + 1 + cols(first) > width) {
      prev.text += ` ${line.trim()}`;
      prev.last = line;
    } else out.push({ text: line, last: line });
  }
  return out.map((s) => s.text).filter((s) => !/^ {6}· /.test(s) && !/^ {10}\S/.test(s));
}

for (const [labName, name, exercise, reached] of [
  ['bridge-basic', 'forward-drop', 1, false],
  ['bridge-nat', 'masquerade-ping', null, true],
  ['port-publish', 'dnat-tcp', null, true],
] as const)
  t.test(`trace ${name}: every sentence in Korean, and the English as it was`, async (t) => {
    setLang('en');
    const en = traceText('title', await traced(labName, name, exercise, reached));
    setLang('ko');
    const koTrace = await traced(labName, name, exercise, reached);
    const ko = traceText('title', koTrace);
    const said = sentences(ko);
    t.ok(said.length >= 3, `${said.length} sentences`);
    t.same(
      said.filter((l) => !HANGUL.test(l)),
      [],
      'every leg, note, NAT line and the verdict has Hangul',
    );
    t.same(
      traceBrief(koTrace).filter(
        (l) => /^\s*\d+\. |^\S/.test(stripVTControlCharacters(l)) && !HANGUL.test(l),
      ),
      [],
      'the brief of it too (hint)',
    );
    t.match(ko, /icmp|tcp/, 'the packets as the kernel writes them');
    const lines = stripVTControlCharacters(ko).split('\n');
    t.same(
      lines.filter((l) => cols(l) > 120),
      [],
      'no line wider than 120 columns, a Hangul letter counted as two',
    );
    setLang('en');
    t.notOk(HANGUL.test(en), 'no Hangul in English');
    t.equal(traceText('title', await traced(labName, name, exercise, reached)), en, 'English, unchanged');
  });

t.test('trace: the English words of a drop, as they always were', async (t) => {
  setLang('en');
  const text = stripVTControlCharacters(
    traceText('title', await traced('bridge-basic', 'forward-drop', 1, false)),
  );
  t.match(
    text,
    /^ {2}2\. {2}the Docker host \(host\) \[bridge-basic-host\] gets icmp echo-request 172\.30\.0\.2 → 172\.30\.0\.3 by/m,
  );
  t.match(text, /ve-c1 \(a port of br0\): dropped here/);
  t.match(
    text.replace(/\n\s+/g, ' '),
    /DROPPED: dropped in the Docker host \(host\) \[bridge-basic-host\] at forward, filter FORWARD: FORWARD's policy DROP — the exercise's fault \(forward-drop\)/,
  );
  setLang('ko');
  const ko = stripVTControlCharacters(
    traceText('title', await traced('bridge-basic', 'forward-drop', 1, false)),
  );
  t.match(
    ko.replace(/\n\s+/g, ' '),
    /드롭됨: Docker 호스트\(host\) \[bridge-basic-host\], forward 훅의 filter FORWARD에서 드롭: FORWARD의 정책 DROP/,
  );
  setLang('en');
});

// ── compare's table, from rows like the compare tests' ─────────────────────────────────────────

const lab = loadLab('bridge-basic');
/** Rows of two copies of bridge-basic, the hand-built one with another MTU and txqueuelen, in the current language. */
const compared = (): Row[] =>
  compareNetworks({
    lab,
    hand: side(observed('br0', '172.30.0', { mtu: 1400, qlen: 1000 }), handNets),
    docker: { ...side(observed('docker0', '172.17.0'), dockerNets), version: '20.10.24' },
  });

t.test('compare: every heading and explanation in Korean, the table still square', async (t) => {
  setLang('en');
  const en = renderCompare(compared(), { width: 100 });
  setLang('ko');
  for (const group of ['verdict', 'section'] as const) {
    const text = stripVTControlCharacters(renderCompare(compared(), { width: 100, group }));
    const lines = text.split('\n');
    t.same(
      lines.filter((l) => cols(l) > 100),
      [],
      `--group ${group}: no line wider than 100 columns, a Hangul letter counted as two`,
    );
    const inside = lines.filter((l) => l.startsWith('│'));
    t.same(
      inside.filter((l) => cols(l) !== cols(inside[0]!)),
      [],
      `--group ${group}: every row of the table as wide as the others (its right border in line)`,
    );
    // the summary, and the lines across the whole table: the verdicts' headings and each explanation
    const across = inside.filter((l) => l.split('│').length === 3 && l.slice(1, -1).trim());
    const said = [lines[0]!, ...across];
    t.ok(across.length >= 3, `${across.length} lines across the table`);
    t.same(
      said.filter((l) => !HANGUL.test(l)),
      [],
      `--group ${group}: the summary, every heading and every line of explanation has Hangul`,
    );
    t.match(text, /docker0/, 'names stay as they are');
  }
  const labels = stripVTControlCharacters(renderCompare(compared(), { width: 100, group: 'section' }));
  t.match(labels, /│ 다름 +│/, 'the verdict column in Korean');
  setLang('en');
  t.notOk(HANGUL.test(en), 'no Hangul in English');
  t.equal(renderCompare(compared(), { width: 100 }), en, 'English, unchanged');
  t.match(stripVTControlCharacters(en), /^\d+ properties compared: /);
});

// ── inspect's diagnosis, of a network broken in many ways at once ──────────────────────────────

t.test('diagnose: every finding in Korean, and in English as it was', async (t) => {
  const broken = labFromText(
    '/tmp/diagnosed.yaml',
    `title: diagnosed
networks:
  br0: { subnet: 172.30.0.0/16, nat: true }
containers:
  c1:
    networks:
      br0: { address: 172.30.0.2 }
    ports: ["8080:80"]
  c2:
    networks:
      br0: { address: 172.30.0.3 }
`,
  );
  const container = (n: number): ContainerState => ({
    sharesHost: false,
    lo: linkState('lo', { kind: 'loopback', state: 'DOWN', adminUp: false }),
    endpoints: [
      {
        container: `c${n}`,
        inside: linkState('eth0', { addresses: [], mtu: 1400, adminUp: false }),
        hostSide: linkState(`ve-c${n}`, { master: null, adminUp: false }),
        disableIpv6: '1',
      },
    ],
    routes: [],
    hosts: ['127.0.0.1 localhost'],
    resolv: ['nameserver 127.0.0.1'],
  });
  const seen: ObservedNetwork = {
    bridges: { br0: { ...linkState('br0', { kind: 'bridge', adminUp: false }), stp: 0, forwardDelay: 1500 } },
    hostLinks: [],
    containers: { c1: container(1), c2: container(2) },
    sysctls: { ipForward: '0', bridgeNfCallIptables: '1' },
    policies: { INPUT: 'ACCEPT', FORWARD: 'DROP', OUTPUT: 'ACCEPT' },
    rules: [],
  };
  setLang('en');
  const en = diagnose(broken, seen, true).map((f) => f.what);
  setLang('ko');
  const ko = diagnose(broken, seen, true).map((f) => f.what);
  setLang('en');
  t.ok(ko.length >= 10, `${ko.length} findings`);
  t.equal(ko.length, en.length, 'the same findings');
  t.same(
    ko.filter((w) => !HANGUL.test(w)),
    [],
    'each in Korean',
  );
  t.same(
    en.filter((w) => HANGUL.test(w)),
    [],
    'and in English without Hangul',
  );
  t.ok(en.includes('bridge br0 is DOWN (not set up)'), 'the English words as they were');
  t.ok(ko.includes('br0 브리지가 DOWN 상태입니다 (set up 안 됨)'));
});

// ── judging a repair: what Docker does instead ─────────────────────────────────────────────────

t.test('judge: every finding and what Docker does instead, in Korean', async (t) => {
  const ns = (over: Partial<NsState> = {}): NsState => ({
    links: { lo: 'up, no master', eth0: 'up, no master' },
    addresses: ['eth0 172.30.0.2/16'],
    routes: ['default via 172.30.0.1 dev eth0'],
    rules: { filter: [], nat: [] },
    policies: { 'filter FORWARD': 'ACCEPT', 'filter INPUT': 'ACCEPT', 'nat OUTPUT': 'ACCEPT' },
    sysctls: { 'net.ipv4.ip_forward': '1', 'net.bridge.bridge-nf-call-iptables': '1' },
    ...over,
  });
  const host = ns({
    policies: { 'filter FORWARD': 'DROP', 'filter INPUT': 'ACCEPT', 'nat OUTPUT': 'ACCEPT' },
    rules: {
      filter: ['-A FORWARD -o br0 -j DOCKER'],
      nat: [
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.30.0.0/16 ! -o br0 -j MASQUERADE',
      ],
    },
  });
  const before: Snapshot = {
    namespaces: { 'sb-host': host, 'sb-c1': ns() },
    machine: { policies: { 'filter FORWARD': 'DROP' }, sysctls: { 'net.ipv4.ip_forward': '1' } },
    passing: ['c1 → br0 (172.30.0.1)'],
  };
  // everything a learner may do instead of Docker's repair, at once
  const now: Snapshot = {
    namespaces: {
      'sb-host': {
        ...host,
        policies: { ...host.policies, 'filter FORWARD': 'ACCEPT' },
        sysctls: { ...host.sysctls, 'net.bridge.bridge-nf-call-iptables': '0' },
        rules: { filter: ['-A FORWARD -j ACCEPT'], nat: ['-A POSTROUTING -j MASQUERADE'] },
      },
      'sb-c1': ns({ addresses: [], routes: [], rules: { filter: ['-A OUTPUT -j ACCEPT'], nat: [] } }),
    },
    machine: { policies: { 'filter FORWARD': 'ACCEPT' }, sysctls: { 'net.ipv4.ip_forward': '0' } },
    passing: [],
  };
  const ctx: JudgeContext = {
    guards: [{ kind: 'policy', host: 'host', table: 'filter', chain: 'FORWARD', is: 'DROP' }],
    hostNs: { host: 'sb-host' },
    faultNs: ['sb-host'],
    label: (n) => n,
    bridges: { 'sb-host': ['br0'] },
    proxy: true,
    failing: ['c1 → br0 (172.30.0.1)'],
  };
  setLang('en');
  const en = judge(before, now, ctx);
  setLang('ko');
  const ko = judge(before, now, ctx);
  setLang('en');
  t.ok(ko.length >= 7, `${ko.length} findings`);
  t.equal(ko.length, en.length, 'the same findings');
  t.same(
    ko.flatMap((f) => [f.what, f.docker]).filter((w) => !HANGUL.test(w)),
    [],
    'what the repair did and what Docker does, each in Korean',
  );
  t.same(
    en.flatMap((f) => [f.what, f.docker]).filter((w) => HANGUL.test(w)),
    [],
    'and in English without Hangul',
  );
  t.match(ko.map((f) => f.docker).join('\n'), /-A FORWARD -i br0 -o br0 -j ACCEPT/, 'rules as they are');
});
