// Fuzzing `validate` with the catalogue's own labs, mutated (keys, values, types, names,
// addresses, bytes), and with labs made up from scratch. Every file must come out as a Lab or a
// LabError (exit 0 or 2), in time, never as another exception or a stack trace.
//
// The seed is printed. To repeat a run, make it longer, or run one case of it:
//   NSLAB_FUZZ_SEED=1234 npx tap test/unit/fuzz.test.ts
//   NSLAB_FUZZ_SEED=1234 NSLAB_FUZZ_COUNT=30000 npx tap test/unit/fuzz.test.ts
//   NSLAB_FUZZ_SEED=1234 NSLAB_FUZZ_CASE=817 npx tap test/unit/fuzz.test.ts
// Each case draws from a generator of its own (seed, case number), so a case is the same
// whatever the count; a failing one is also kept as a file (its path is in the failure).
import { randomInt } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import t, { type Test } from 'tap';
import { parse, stringify } from 'yaml';
import { labsDir } from '../../src/lab/files.js';
import { loadLab } from '../../src/lab/index.js';
import { LabError } from '../../src/lab/problems.js';
import { cli } from '../helpers/machine.js';

const env = process.env;
const SEED = env.NSLAB_FUZZ_SEED ? Number(env.NSLAB_FUZZ_SEED) >>> 0 : randomInt(2 ** 32);
const COUNT = Number(env.NSLAB_FUZZ_COUNT ?? 2000);
const ONLY = env.NSLAB_FUZZ_CASE === undefined ? null : Number(env.NSLAB_FUZZ_CASE);
// 40 by default, and the fixed ones below: about 50 processes
const CLI_COUNT = ONLY === null ? Math.max(1, Math.round(COUNT / 50)) : 0;
const LIMIT_MS = 2000;
const REPEAT = `NSLAB_FUZZ_SEED=${SEED}${COUNT === 2000 ? '' : ` NSLAB_FUZZ_COUNT=${COUNT}`}`;

// ── randomness ────────────────────────────────────────────────────────────────────────────────
/** mulberry32: small, fast, and the same numbers from the same seed on every machine. */
function rngFor(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    /** a size on a log scale, so that small and huge both come up */
    size: (max: number) => Math.floor(Math.exp(next() * Math.log(max + 1))),
  };
}
type Rng = ReturnType<typeof rngFor>;
const caseRng = (i: number) => rngFor(SEED ^ Math.imul(i + 1, 0x9e3779b1));

/** Picks a mutation; the costly ones (a megabyte, a thousand containers) a third as often. */
function pickMutation<M>(rng: Rng, mutations: Record<string, M>, costly: readonly string[]): [string, M] {
  const entries = Object.entries(mutations);
  let picked = rng.pick(entries);
  while (costly.includes(picked[0]) && rng.chance(2 / 3)) picked = rng.pick(entries);
  return picked;
}

// ── what mutations draw from ──────────────────────────────────────────────────────────────────
const catalogue = readdirSync(labsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, data: parse(readFileSync(join(labsDir, f), 'utf8')) as unknown }));

const NAMES = [
  'c1',
  'c2',
  'br0',
  'br1',
  'web',
  'h1',
  'h2',
  'host',
  'outside',
  'all',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a-very-long-name-x',
  'Upper',
  'x_y',
  '-x',
  '9x',
  '',
  'x'.repeat(300),
];
const ADDRESSES = [
  '127.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '224.0.0.1',
  '239.1.1.1',
  '169.254.1.1',
  '240.0.0.1',
  '10.0.0.1',
  '10.0.0.0',
  '10.0.0.255',
  '172.17.0.1',
  '172.17.0.2',
  '198.51.100.1',
  '198.51.100.2',
  '198.51.100.3',
  '203.0.113.10',
  '192.168.56.11',
  '1.2.3',
  '999.1.1.1',
  '10.0.0.256',
  '10.0.0.01',
  '::1',
  '1.2.3.4/24',
];
const SUBNETS = [
  '0.0.0.0/0',
  '128.0.0.0/1',
  '127.0.0.0/8',
  '224.0.0.0/24',
  '169.254.0.0/16',
  '240.0.0.0/4',
  '255.255.255.255/32',
  '0.0.0.0/8',
  '10.0.0.0/32',
  '10.0.0.0/31',
  '10.0.0.0/30',
  '10.0.0.0/8',
  '172.17.0.0/16',
  '172.17.0.0/24',
  '198.51.100.0/24',
  '198.51.100.0/25',
  '203.0.113.0/24',
  '10.0.0.5/24',
  '10.0.0.0/33',
  '10.0.0.0',
];
const NUMBERS = [
  0,
  -1,
  1,
  2,
  3,
  31,
  32,
  42,
  80,
  999,
  1000,
  1001,
  1500,
  65507,
  65535,
  65536,
  16777215,
  16777216,
  2 ** 31,
  2 ** 53,
  1e308,
  0.5,
  -0,
  Infinity,
  -Infinity,
  NaN,
];
const STRINGS = [
  '',
  ' ',
  'all',
  'bridge',
  'macvlan',
  'ipvlan',
  'overlay',
  'weave',
  'none',
  'host',
  'container:c1',
  'container:',
  'container:constructor',
  'uplink',
  'reach',
  'fail',
  '8080:80',
  '0:0',
  '99999:1',
  '80:80',
  'c1:alias',
  '{c1}',
  '{nobody}',
  '\t',
  'é',
  '🙂',
  '\u202e',
  '\ud800',
  '~',
  'null',
  'yes',
  '0x10',
  '1e3',
  '.inf',
  '- x',
  ': x',
  '#x',
  '&a',
  '*a',
  '!!str',
  '%TAG',
];
const FAULTS = [
  'lo-down',
  'link-down',
  'host-end-down',
  'unplugged',
  'no-default-route',
  'no-output-dnat',
  'no-hairpin',
  'macvlan-private',
  'no-gateway',
  'bridge-down',
  'no-masquerade',
  'no-shim',
  'no-isolation',
  'ip-forward-off',
  'forward-drop',
  'vxlan-unplugged',
  'prefix',
  'hosts-missing',
  'hosts-stale',
  'wrong-gateway',
  'dnat-wrong-port',
  'backend-missing',
  'resolv-no-dns',
  'mtu',
  'masquerade-wrong-way',
  'no-route-localnet',
  'no-isolation-jump',
  'no-vxlan-peers',
  'frobnicate',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const deepValue = (rng: Rng, depth: number): unknown =>
  Array.from({ length: depth }).reduce(
    (inner: unknown) => (rng.chance(0.5) ? [inner] : { x: inner }),
    rng.pick(STRINGS),
  );

function anyValue(rng: Rng): unknown {
  switch (rng.int(10)) {
    case 0:
      return rng.pick(NUMBERS);
    case 1:
      return rng.chance(0.5);
    case 2:
      return null;
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return [rng.pick(NAMES), rng.pick(ADDRESSES)];
    case 6:
      return { [rng.pick(NAMES)]: rng.pick(STRINGS) };
    case 7:
      return 'x'.repeat(rng.size(300_000));
    case 8:
      return deepValue(rng, rng.pick([2, 10, 62, 63, 64, 65, 100]));
    default:
      return rng.pick([...STRINGS, ...NAMES, ...ADDRESSES, ...SUBNETS]);
  }
}

// ── mutations of the data, written out as YAML afterwards ─────────────────────────────────────
type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };
function slots(v: unknown, out: Slot[] = []): Slot[] {
  const entries: [string | number, unknown][] = Array.isArray(v)
    ? [...v.entries()]
    : isObject(v)
      ? Object.entries(v)
      : [];
  for (const [key, value] of entries) {
    out.push({ parent: v as Slot['parent'], key, value });
    slots(value, out);
  }
  return out;
}
const set = (s: Slot, value: unknown) => ((s.parent as Record<string | number, unknown>)[s.key] = value);
const remove = (s: Slot) =>
  Array.isArray(s.parent) ? s.parent.splice(s.key as number, 1) : delete s.parent[s.key as string];
const stringsIn = (data: unknown) =>
  slots(data)
    .map((s) => s.value)
    .filter((v): v is string => typeof v === 'string');
const shortStrings = (data: unknown) => [...stringsIn(data).filter((x) => x.length < 40), 'c1'];
const containersOf = (data: unknown) =>
  isObject(data) && isObject(data.containers) ? Object.values(data.containers).filter(isObject) : [];

/** A like-for-like value most of the time, so that the lab gets past the schema to the checks behind it. */
function likeValue(rng: Rng, old: unknown, data: unknown): unknown {
  if (typeof old === 'number') return rng.pick(NUMBERS);
  if (typeof old !== 'string') return anyValue(rng);
  if (/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(old)) return rng.pick(SUBNETS);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(old)) return rng.pick(ADDRESSES);
  return rng.chance(0.6) ? rng.pick(stringsIn(data)) : rng.pick([...NAMES, ...STRINGS]);
}

const dataMutations: Record<string, (rng: Rng, data: unknown) => void> = {
  delete: (rng, data) => {
    const s = slots(data);
    if (s.length) remove(rng.pick(s));
  },
  duplicate: (rng, data) => {
    const s = slots(data).filter((x) => x.value !== null && typeof x.value === 'object');
    if (!s.length) return;
    const d = rng.pick(s);
    if (Array.isArray(d.parent)) d.parent.splice(d.key as number, 0, structuredClone(d.value));
    else d.parent[`${String(d.key)}${rng.pick(['2', '-b', ''])}`] = structuredClone(d.value);
  },
  typeSwap: (rng, data) => {
    const s = slots(data);
    if (s.length) set(rng.pick(s), anyValue(rng));
  },
  likeSwap: (rng, data) => {
    const s = slots(data);
    if (!s.length) return;
    const d = rng.pick(s);
    set(d, likeValue(rng, d.value, data));
  },
  rename: (rng, data) => {
    const maps = slots(data)
      .map((s) => s.value)
      .filter(isObject)
      .filter((m) => Object.keys(m).length > 0);
    if (!maps.length) return;
    const m = rng.pick(maps);
    const from = rng.pick(Object.keys(m));
    const to = rng.chance(0.5) ? rng.pick(NAMES) : rng.pick(shortStrings(data));
    const entries = Object.entries(m).map(([k, v]) => [k === from ? to : k, v] as const);
    for (const k of Object.keys(m)) delete m[k];
    for (const [k, v] of entries) m[k] = v;
  },
  addresses: (rng, data) => {
    for (const s of slots(data))
      if (typeof s.value === 'string' && /^\d+\.\d+\.\d+\.\d+/.test(s.value) && rng.chance(0.5))
        set(s, likeValue(rng, s.value, data));
  },
  count: (rng, data) => {
    const containers = containersOf(data);
    if (containers.length) rng.pick(containers).count = rng.pick([1, 2, 3, 50, 250, 1000, 1001, 0, -1]);
  },
  scale: (rng, data) => {
    // many copies of a network or container, to meet the limits on a lab's size
    if (!isObject(data)) return;
    const [what, copies] = rng.pick([
      ['networks', 260],
      ['containers', 1100],
      ['hosts', 260],
    ] as const);
    const group = data[what];
    if (what === 'hosts') data.hosts = Array.from({ length: rng.size(copies) + 2 }, (_, i) => `h${i}`);
    else if (isObject(group) && Object.keys(group).length) {
      const [name, value] = rng.pick(Object.entries(group));
      for (let i = rng.size(copies); i > 0; i--) group[`${name}x${i}`] = structuredClone(value);
    }
  },
  graft: (rng, data) => {
    const from = slots(rng.pick(catalogue).data).filter((s) => typeof s.key === 'string');
    const to = slots(data)
      .map((s) => s.value)
      .filter(isObject);
    if (!from.length || !to.length) return;
    const f = rng.pick(from);
    rng.pick(to)[f.key as string] = structuredClone(f.value);
  },
  checks: (rng, data) => {
    if (!isObject(data)) return;
    const names = shortStrings(data);
    const kind = rng.pick(['ping', 'tcp', 'http', 'resolve', 'listen']);
    const check = {
      [kind]: {
        from: rng.pick([...names, 'all', 'host', 'outside']),
        to: rng.pick([...names, 'all', ...ADDRESSES]),
        name: rng.pick(names),
        port: rng.pick(NUMBERS),
        size: rng.pick(NUMBERS),
        answers: [rng.pick(names)],
      },
    };
    data.checks = [...(Array.isArray(data.checks) ? data.checks : []), check];
  },
  faults: (rng, data) => {
    if (!isObject(data)) return;
    const names = shortStrings(data);
    const value = rng.chance(0.7)
      ? rng.pick(names)
      : { container: rng.pick(names), prefix: rng.pick(NUMBERS), name: rng.pick(names) };
    const task = '{c1} {nobody}';
    data.exercises = [{ title: 't', break: [{ [rng.pick(FAULTS)]: value }], task, hints: ['h'] }];
  },
};

// ── mutations of the text ─────────────────────────────────────────────────────────────────────
const list = (item: string, width: number) => `[${Array(width).fill(item).join(', ')}]`;
const bomb = (levels: number, width: number) =>
  [
    `b0: &b0 ${list('x', width)}`,
    ...Array.from({ length: levels }, (_, i) => `b${i + 1}: &b${i + 1} ${list(`*b${i}`, width)}`),
  ].join('\n');
const TOKENS = [
  '&a ',
  '*a',
  '*b0',
  '!!binary ',
  '!!set ',
  '!!omap ',
  '!!int ',
  '!!float ',
  '!!str ',
  '!!map ',
  '!x ',
  '%YAML 1.1\n---\n',
  '---\n',
  '\n...\n',
  '? ',
  ': ',
  '- ',
  '|',
  '>-',
  '"',
  "'",
  '#',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '<<: *a\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\\',
  '@',
  '`',
];
const at = (rng: Rng, b: Buffer) => rng.int(b.length + 1);
const insert = (b: Buffer, i: number, ...pieces: Buffer[]) =>
  Buffer.concat([b.subarray(0, i), ...pieces, b.subarray(i)]);
const lines = (b: Buffer, edit: (ls: string[]) => void) => {
  const ls = b.toString('latin1').split('\n'); // latin1 keeps every byte as it is
  edit(ls);
  return Buffer.from(ls.join('\n'), 'latin1');
};

const textMutations: Record<string, (rng: Rng, b: Buffer) => Buffer> = {
  byteFlip: (rng, b) => {
    const c = Buffer.from(b);
    for (let n = rng.size(20); n >= 0 && c.length; n--) c[rng.int(c.length)]! ^= 1 << rng.int(8);
    return c;
  },
  deleteRange: (rng, b) => {
    const i = at(rng, b);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + rng.size(400))]);
  },
  duplicateRange: (rng, b) => {
    const i = at(rng, b);
    return insert(b, i, ...Array<Buffer>(1 + rng.size(30)).fill(b.subarray(i, i + rng.size(400))));
  },
  truncate: (rng, b) => b.subarray(0, at(rng, b)),
  binary: (rng, b) => {
    const junk = Buffer.from(Array.from({ length: rng.size(64) }, () => rng.int(256)));
    return insert(b, at(rng, b), junk);
  },
  token: (rng, b) => insert(b, at(rng, b), Buffer.from(rng.pick(TOKENS))),
  indent: (rng, b) =>
    lines(b, (ls) => {
      const i = rng.int(ls.length);
      ls[i] = rng.pick(['', ' ', '  ', '   ', '\t', ' '.repeat(rng.size(200))]) + ls[i]!.trimStart();
    }),
  swapLines: (rng, b) =>
    lines(b, (ls) => {
      const [i, j] = [rng.int(ls.length), rng.int(ls.length)];
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    }),
  aliasBomb: (rng, b) =>
    insert(b, 0, Buffer.from(`${bomb(rng.pick([1, 2, 3, 9, 20]), rng.pick([2, 9, 30]))}\n`)),
  aliasLoop: (rng, b) =>
    insert(
      b,
      b.length,
      Buffer.from(rng.pick(['\nz: &z [*z]\n', '\nz: *nowhere\n', '\nz: &z {y: [*z]}\n', '\n*z : 1\n'])),
    ),
  deepText: (rng, b) => {
    const n = rng.pick([63, 64, 65, 1000, 100_000, 500_000]);
    const [open, close] = rng.pick([
      ['[', ']'],
      ['{a: ', '}'],
      ['- ', ''],
    ]);
    const closed = rng.chance(0.5) ? close!.repeat(n) : '';
    return insert(b, b.length, Buffer.from(`\nzz: ${open!.repeat(n)}${closed}\n`));
  },
  huge: (rng, b) => {
    // 1 MiB exactly, or just over
    const size = rng.pick([1000, 500_000, 1024 * 1024 - b.length - 4, 1024 * 1024]);
    return insert(b, b.length, Buffer.from(`\n# ${'x'.repeat(Math.max(0, size))}\n`));
  },
  manyKeys: (rng, b) => {
    // the keys repeat past 5000
    const keys = Array.from({ length: rng.size(20_000) }, (_, i) => `  k${i % 5000}: ${i}\n`);
    return insert(b, b.length, Buffer.from(`\nmany:\n${keys.join('')}`));
  },
  encoding: (rng, b) => {
    const text = b.toString('utf8');
    return rng.pick([
      () => Buffer.from(`\ufeff${text}`),
      () => Buffer.from(text, 'utf16le'),
      () => Buffer.from(text, 'latin1'),
      () => Buffer.from(text.replace(/\n/g, '\r\n')),
    ])();
  },
};

// ── labs from scratch ─────────────────────────────────────────────────────────────────────────
function madeUp(rng: Rng): unknown {
  const nets = Array.from({ length: 1 + rng.int(4) }, (_, i) => `n${i}`);
  const names = Array.from({ length: 1 + rng.int(6) }, (_, i) => `c${i}`);
  const maybe = (p: number, value: () => object) => (rng.chance(p) ? value() : {});
  const subnet = () =>
    rng.chance(0.3) ? rng.pick(SUBNETS) : `10.${rng.int(256)}.0.0/${rng.pick([16, 24, 30])}`;
  const machine = () => ({ machine: rng.pick(ADDRESSES) });
  const hosts = () => (rng.chance(0.5) ? ['h1', 'h2'] : { h1: machine(), h2: machine() });
  return {
    title: 'made up',
    ...maybe(0.2, () => ({ hosts: hosts() })),
    networks: Object.fromEntries(
      nets.map((n) => [
        n,
        {
          subnet: subnet(),
          ...maybe(0.3, () => ({ driver: rng.pick(['bridge', 'macvlan', 'ipvlan', 'overlay']) })),
          ...maybe(0.2, () => ({ gateway: rng.pick(ADDRESSES) })),
          ...maybe(0.2, () => ({ parent: 'uplink', shim: rng.pick(ADDRESSES) })),
          ...maybe(0.2, () => ({ vni: rng.pick(NUMBERS) })),
          ...maybe(0.3, () => ({ nat: true, dns: rng.chance(0.5), isolated: rng.chance(0.5) })),
        },
      ]),
    ),
    containers: Object.fromEntries(
      names.map((c) => [
        c,
        {
          ...maybe(0.8, () => ({
            networks: Object.fromEntries(
              nets
                .filter(() => rng.chance(0.6))
                .map((n) => [n, rng.chance(0.5) ? {} : { address: rng.pick(ADDRESSES) }]),
            ),
          })),
          ...maybe(0.2, () => ({
            network_mode: rng.pick(['none', 'host', 'bridge', `container:${rng.pick(names)}`]),
          })),
          ...maybe(0.2, () => ({ count: rng.pick([1, 2, 3, 30, 250]) })),
          ...maybe(0.2, () => ({ ports: [`${rng.pick(NUMBERS)}:${rng.pick(NUMBERS)}`] })),
          ...maybe(0.2, () => ({ links: [rng.pick(names)] })),
          ...maybe(0.2, () => ({ serve: [{ http: rng.pick([80, 8080]) }] })),
          ...maybe(0.2, () => ({ host: rng.pick(['h1', 'h2', 'host']) })),
        },
      ]),
    ),
    ...maybe(0.3, () => ({
      services: { svc: { vip: rng.pick(ADDRESSES), port: 80, backends: [rng.pick(names)] } },
    })),
    checks: Array.from({ length: rng.int(4) }, () => ({
      [rng.pick(['ping', 'tcp', 'http'])]: {
        from: rng.pick([...names, 'host', 'outside', 'all']),
        to: rng.pick([...names, ...nets, 'all', ...ADDRESSES]),
        port: 80,
      },
    })),
  };
}

/** Case i: its bytes, and what was done to make them. */
function makeCase(i: number): { bytes: Buffer; steps: string[] } {
  const rng = caseRng(i);
  const steps: string[] = [];
  let data: unknown;
  if (rng.chance(0.15)) {
    data = madeUp(rng);
    steps.push('made up');
  } else {
    const lab = rng.pick(catalogue);
    data = structuredClone(lab.data);
    steps.push(lab.name);
  }
  for (let n = rng.int(4); n > 0; n--) {
    const [name, mutate] = pickMutation(rng, dataMutations, ['count', 'scale']);
    mutate(rng, data);
    steps.push(name);
  }
  let bytes: Buffer = Buffer.from(stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }));
  for (let n = rng.chance(0.4) ? 1 + rng.int(3) : 0; n > 0; n--) {
    const [name, mutate] = pickMutation(rng, textMutations, ['deepText', 'huge', 'manyKeys']);
    bytes = mutate(rng, bytes);
    steps.push(name);
  }
  return { bytes, steps };
}

// ── the runs ──────────────────────────────────────────────────────────────────────────────────
/** A failing case's file, kept where tap does not remove it. */
function keep(name: string, bytes: Buffer): string {
  const dir = join(tmpdir(), `nslab-fuzz-${SEED}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

/** Failures said once per kind (the first line and the first frame of ours), with the cases that had it. */
function reportFailures(t: Test, failures: { what: string; detail: string; where: string }[], label: string) {
  const kinds = new Map<string, { detail: string; where: string[] }>();
  for (const f of failures) {
    const kind = kinds.get(f.what) ?? { detail: f.detail, where: [] };
    kind.where.push(f.where);
    kinds.set(f.what, kind);
  }
  for (const [what, { detail, where }] of kinds) {
    const extra = { seed: SEED, repeat: REPEAT, cases: where.slice(0, 10), detail };
    t.fail(`${what} — ${where.length} case(s), first ${where[0]}`, extra);
  }
  t.equal(failures.length, 0, `${label} (${REPEAT})`);
}

const firstLineAndFrame = (e: unknown): string => {
  const stack = String((e as Error)?.stack ?? e);
  const frame =
    stack
      .split('\n')
      .find((l) => /src\/lab|src\/net/.test(l))
      ?.trim() ?? '';
  return `${stack.split('\n')[0]} ${frame}`.trim();
};

t.comment(
  `fuzz seed ${SEED}: ${ONLY === null ? `${COUNT} cases` : `case ${ONLY}`} in-process, ${CLI_COUNT} ` +
    `through the CLI (repeat: ${REPEAT})`,
);

t.test('in-process: every mutated lab is a Lab or a LabError, in time', async (t) => {
  const file = join(t.testdir({}), 'fuzz.yaml');
  const outcome = { lab: 0, labError: 0 };
  const failures: { what: string; detail: string; where: string }[] = [];
  let slowest = { ms: 0, i: -1 };
  const start = Date.now();
  for (const i of ONLY === null ? Array.from({ length: COUNT }, (_, n) => n) : [ONLY]) {
    const { bytes, steps } = makeCase(i);
    writeFileSync(file, bytes);
    const before = Date.now();
    let failure: { what: string; detail: string } | null = null;
    try {
      loadLab(file); // what the validate verb runs
      outcome.lab++;
    } catch (e) {
      if (e instanceof LabError && e.problems.length > 0) outcome.labError++;
      else failure = { what: `threw ${firstLineAndFrame(e)}`, detail: String((e as Error)?.stack ?? e) };
    }
    const ms = Date.now() - before;
    if (ms > slowest.ms) slowest = { ms, i };
    if (ms > LIMIT_MS) failure ??= { what: `took over ${LIMIT_MS} ms`, detail: `${ms} ms` };
    if (failure)
      failures.push({ ...failure, where: `${i} (${steps.join(' → ')}, ${keep(`case-${i}.yaml`, bytes)})` });
  }
  const cases = outcome.lab + outcome.labError + failures.length;
  t.comment(
    `${cases} cases in ${Date.now() - start} ms: ${outcome.lab} labs, ${outcome.labError} LabErrors, ` +
      `${failures.length} failures; the slowest, case ${slowest.i}, took ${slowest.ms} ms`,
  );
  reportFailures(t, failures, 'no case crashed or overran');
});

// The CLI gets some of each limit for sure, then cases the in-process run did not draw.
const fixed: [string, (dir: string) => string][] = [
  ['an alias bomb', (dir) => write(dir, 'bomb.yaml', `${bomb(9, 9)}\n`)],
  ['1 MiB of [', (dir) => write(dir, 'deep.yaml', `title: t\nx: ${'['.repeat(1024 * 1024 - 20)}`)],
  ['over 1 MiB', (dir) => write(dir, 'big.yaml', `#${'x'.repeat(1024 * 1024)}\n`)],
  [
    'binary',
    (dir) => write(dir, 'binary.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))),
  ],
  ['a directory', (dir) => (mkdirSync(join(dir, 'dir.yaml')), join(dir, 'dir.yaml'))],
  ['a missing file', (dir) => join(dir, 'missing.yaml')],
  [
    '127.0.0.0/8',
    (dir) =>
      write(
        dir,
        'loopback.yaml',
        'title: t\nnetworks:\n  br0:\n    subnet: 127.0.0.0/8\ncontainers:\n  c1:\n    networks:\n' +
          '      br0: {}\n',
      ),
  ],
];
function write(dir: string, name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

const skipCli = { skip: CLI_COUNT === 0 && 'one case asked for' };
t.test('through the CLI: exit 0 or 2, and no stack trace', skipCli, async (t) => {
  const dir = t.testdir({});
  const runs: { name: string; file: () => string; steps?: string[]; bytes?: () => Buffer }[] = [
    ...fixed.map(([name, make]) => ({ name, file: () => make(dir) })),
    ...Array.from({ length: CLI_COUNT }, (_, n) => {
      const i = COUNT + n;
      const { bytes, steps } = makeCase(i);
      const file = () => write(dir, `case-${i}.yaml`, bytes);
      return { name: `case ${i}`, steps, bytes: () => bytes, file };
    }),
  ];
  const failures: { what: string; detail: string; where: string }[] = [];
  const exits = new Map<number, number>();
  const start = Date.now();
  const runOne = async (run: (typeof runs)[number]) => {
    const file = run.file();
    const options = { reject: false, timeout: 30_000, env: { NO_COLOR: '1' }, stdin: 'ignore' } as const;
    const r = await execa('node', [cli, 'validate', file], options);
    const code = r.exitCode ?? -1;
    exits.set(code, (exits.get(code) ?? 0) + 1);
    const stderr = String(r.stderr);
    const bad =
      code !== 0 && code !== 2
        ? `exit ${code}${r.timedOut ? ' (timed out)' : ''}`
        : /^ {4}at /m.test(stderr)
          ? 'a stack trace'
          : /unexpected error/.test(stderr)
            ? 'an unexpected error'
            : null;
    if (bad) {
      const kept = run.bytes ? keep(`${run.name.replace(' ', '-')}.yaml`, run.bytes()) : file;
      const where = `${run.name} (${[...(run.steps ?? []), kept].join(' → ')})`;
      failures.push({ what: bad, detail: stderr.slice(0, 2000), where });
    }
  };
  // two at a time: on a 2-core machine the other test files run beside this one
  const queue = [...runs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let run = queue.shift(); run; run = queue.shift()) await runOne(run);
    }),
  );
  const byExit = [...exits].map(([c, n]) => `${c} × ${n}`).join(', ');
  t.comment(`${runs.length} CLI runs in ${Date.now() - start} ms: exit ${byExit}`);
  reportFailures(t, failures, 'every run exited 0 or 2 without a stack trace');
});
