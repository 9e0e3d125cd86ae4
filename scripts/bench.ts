// Benchmark, as root, in three parts (--only workshop|rack|mininet, comma-separated, runs some):
// workshop — what a learner waits for: up (with its checks) and verify of bridge-basic, check of
//   its exercise 1, against `node -e 0`, the floor of any Node command;
// rack — nslab up / verify / down for N containers on one bridge, against baselines that build
//   the identical network in the same run:
//     naive — the `nslab plan` script: one ip command per line, run by bash (a workshop handout);
//     floor — the same commands hand-grouped into one `ip -n NS -batch -` per namespace, by bash;
//     nsenter floor — the same batches through `nsenter --net=/run/netns/NS ip -batch -`, which
//       does not copy the mount table (one entry per namespace) as `ip -n` does on every call;
//   and two that delete it by hand: one `ip -batch` of `netns del` lines and one `rm -rf` (the
//   floor), and the plan's teardown section run line by line (the handout's clean-up);
// mininet — Mininet 2.3 (`mn --switch lxbr --controller none`, when `mn` is on PATH; Debian:
//   apt-get install mininet bridge-utils) building and stopping N hosts on one switch, and its
//   pingall at N=50, against nslab's up (+ mesh) + down of the same rack. Mininet works in the
//   machine's own namespace; its bridged frames pass the machine's iptables FORWARD chain
//   (Docker's policy there is DROP) while net.bridge.bridge-nf-call-iptables is 1, so that is 0
//   for Mininet's runs only and restored afterwards (also on Ctrl-C), with the limits Mininet
//   raises on every start (the neighbour table's gc_thresh*, socket buffers). `mn -c` is not run: it
//   kills every ping of the machine and deletes /tmp/*.log; Mininet's own leftovers (links
//   sN-ethK, hosts `mininet:hN`) are looked for after each run and removed.
// Usage: sudo node --import tsx scripts/bench.ts [N …] [--runs 3] [--only workshop,rack,mininet]
// Prints markdown tables of medians and ratios; nslab's part runs in sandboxes and is removed.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $ } from 'zx';
import { argvOf, batchLine, type Command } from '../src/plan/command.js';

$.verbose = false;
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 3) || 3;
const sizes = argv
  .filter((a, i) => /^\d+$/.test(a) && !['--runs', '--only'].includes(argv[i - 1]!))
  .map(Number);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]!.split(',') : null;
const part = (p: 'workshop' | 'rack' | 'mininet') => only === null || only.includes(p);
const Ns = sizes.length ? sizes : [10, 50, 100, 250];
const dir = mkdtempSync(join(tmpdir(), 'nslab-bench-'));
const cli = new URL('../src/cli/nslab.js', import.meta.url).pathname;
const sb = 'bench';

interface Plan {
  steps: { commands: Command[] }[];
  hosts: Record<string, string | null>;
}

function labFile(n: number): string {
  const file = join(dir, `rack${n}.yaml`);
  // Full mesh up to 100 containers (N×(N-1) pings), every container to its gateway above.
  const check = n <= 100 ? '{ from: all, to: all }' : '{ from: all, to: br0 }';
  writeFileSync(
    file,
    `title: a rack of ${n}\nnetworks:\n  br0:\n    subnet: 10.88.0.0/16\ncontainers:\n  c:\n    count: ${n}\n    networks:\n      br0: {}\nchecks:\n  - ping: ${check}\n`,
  );
  return file;
}

/** The floor: each namespace's ip commands as one batch, in the order nslab's executor uses. */
function floorScript(plan: Plan, nsenter = false): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const hosts = new Set(Object.values(plan.hosts));
  const batches = new Map<string, string[]>();
  const files: string[] = [];
  for (const c of plan.steps.flatMap((s) => s.commands)) {
    const line = batchLine(c);
    if (line) batches.set(line.ns ?? '', [...(batches.get(line.ns ?? '') ?? []), line.line]);
    else if (c.tool === 'file' && c.op === 'mkdir') files.push(`mkdir -p ${c.path}`);
    else if (c.tool === 'file' && c.op === 'write')
      files.push(`printf %s ${quote(c.content ?? '')} > ${c.path}`);
    else files.push(argvOf(c).map(quote).join(' '));
  }
  const tier = (ns: string) => (ns === '' ? 0 : hosts.has(ns) ? 1 : 2);
  const order = [...batches.keys()].sort((a, b) => tier(a) - tier(b));
  return (
    [
      'set -euo pipefail',
      ...order.map(
        (ns) =>
          `${ns ? (nsenter ? `nsenter --net=/run/netns/${ns} ip` : `ip -n ${ns}`) : 'ip'} -batch - <<'EOF'\n${batches.get(ns)!.join('\n')}\nEOF`,
      ),
      ...files,
    ].join('\n') + '\n'
  );
}

const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * The handout's clean-up: the plan's teardown section (`#   CMD` lines), one command each,
 * without what acts inside a namespace (deleting the namespace takes that along).
 */
const cleanUpScript = (planText: string): string =>
  `${planText
    .slice(planText.indexOf('# ── teardown'))
    .split('\n')
    .filter((l) => l.startsWith('#   ') && !l.startsWith('#   ip -n '))
    .map((l) => l.slice(4))
    .join('\n')}\n`;

const byHand = async (n: number) => {
  // "Deleting the namespaces and the bridge by hand": the bridge goes with the sandbox's host.
  const names = ['host', 'outside', ...Array.from({ length: n }, (_, i) => `c${i + 1}`)].map(
    (c) => `netns del ${sb}-${c}`,
  );
  await $({ input: `${names.join('\n')}\n` })`ip -batch -`;
  await $`rm -rf ${Array.from({ length: n }, (_, i) => `/etc/netns/${sb}-c${i + 1}`)}`;
};

// Node's own start, the part of every nslab command no code of nslab's can remove.
const starts: number[] = [];
for (let i = 0; i < 7; i++) starts.push(await time(() => $`node -e 0`));
const nodeStart = median(starts);
const fmt = (ms: number) => ms.toFixed(0);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `${runs} runs each, medians in ms; ${new Date().toISOString().slice(0, 16)}Z, ${(await $`nproc`).stdout.trim()} cores, kernel ${(await $`uname -r`).stdout.trim()}, load at start ${load()}`,
);

/** A learner's waits, in a sandbox of their own: each a median of `runs`. */
async function workshop(): Promise<void> {
  const w = 'benchw';
  const lab = 'bridge-basic';
  const m: Record<string, number[]> = { up: [], verify: [], check: [], npmLab: [], npm: [] };
  const root = new URL('..', import.meta.url).pathname;
  try {
    // As the card says it: `npm run lab bridge-basic`, here with --sandbox (its own name).
    for (let r = 0; r < runs; r++) {
      m.npm!.push(await time(() => $({ cwd: root })`npm --version`));
      m.npmLab!.push(await time(() => $({ cwd: root })`npm run -s lab -- ${lab} --sandbox`));
      await $`node ${cli} down ${lab} --sandbox`;
    }
    for (let r = 0; r < runs; r++) {
      m.up!.push(await time(() => $`node ${cli} up ${lab} --sandbox-name ${w}`));
      await $`node ${cli} down ${lab} --sandbox-name ${w}`;
    }
    await $`node ${cli} up ${lab} --sandbox-name ${w} --no-check`;
    for (let r = 0; r < runs; r++)
      m.verify!.push(await time(() => $`node ${cli} verify ${lab} --sandbox-name ${w}`));
    await $`node ${cli} down ${lab} --sandbox-name ${w}`;
    // The exercise's fault is planted: check says what still fails (exit code 1), as a learner sees it.
    await $`node ${cli} exercise ${lab} 1 --sandbox-name ${w}`;
    for (let r = 0; r < runs; r++)
      m.check!.push(await time(() => $`node ${cli} check ${lab} --sandbox-name ${w}`.nothrow()));
  } finally {
    await $`node ${cli} down ${lab} --sandbox-name ${w}`.nothrow();
    await $`node ${cli} down ${lab} --sandbox`.nothrow();
  }
  console.log(`\n| workshop (${lab}, sandbox) | median ms | ÷ node -e 0 |\n| --- | --- | --- |`);
  const row = (what: string, ms: number) =>
    console.log(`| ${what} | ${fmt(ms)} | ${(ms / nodeStart).toFixed(1)}× |`);
  row('`node -e 0` (the floor of any Node command)', nodeStart);
  row('`npm --version` (npm’s own start)', median(m.npm!));
  row(`\`npm run lab -- ${lab} --sandbox\` with its checks`, median(m.npmLab!));
  row(`\`nslab up ${lab}\` with its checks`, median(m.up!));
  row(`\`nslab verify ${lab}\``, median(m.verify!));
  row(`\`nslab check ${lab}\` (exercise 1 planted)`, median(m.check!));
}

interface RackTimes {
  upChecked: number;
  upBare: number;
  down: number;
}
/** nslab's up + down of the rack, as Mininet's runs are timed: with its checks and without. */
const nslabRack: Record<number, RackTimes> = {};

const failures: string[] = [];
async function rack(): Promise<void> {
  const rows: string[] = [];
  const floors: string[] = [];
  for (const n of Ns) {
    const lab = labFile(n);
    const plan = JSON.parse((await $`node ${cli} plan ${lab} --sandbox-name ${sb} --json`).stdout) as Plan;
    const naive = join(dir, `naive${n}.sh`);
    const floor = join(dir, `floor${n}.sh`);
    const floorNsenter = join(dir, `floor-nsenter${n}.sh`);
    const cleanUp = join(dir, `clean-up${n}.sh`);
    const planText = (await $`node ${cli} plan ${lab} --sandbox-name ${sb}`).stdout;
    writeFileSync(naive, planText);
    writeFileSync(cleanUp, cleanUpScript(planText));
    writeFileSync(floor, floorScript(plan));
    writeFileSync(floorNsenter, floorScript(plan, true));
    // Above 250 the handout's script (one `ip -n` per line, each copying the mount table) takes minutes.
    const withNaive = n <= 250;
    const m: Record<string, number[]> = {
      up: [],
      floor: [],
      floorNsenter: [],
      naive: [],
      verify: [],
      checks: [],
      down: [],
      downHand: [],
      downNaive: [],
      rss: [],
    };
    try {
      await runRack();
    } finally {
      // Whatever stopped a run, nothing of it stays: nslab's copy and the scripts' both.
      await $`node ${cli} down ${lab} --sandbox-name ${sb}`.nothrow();
      await byHand(n).catch(() => {});
    }
    async function runRack() {
      for (let r = 0; r < runs; r++) {
        m.floor!.push(await time(() => $`bash ${floor}`));
        m.downHand!.push(await time(() => byHand(n)));
        m.floorNsenter!.push(await time(() => $`bash ${floorNsenter}`));
        await byHand(n);
        if (withNaive) {
          m.naive!.push(await time(() => $`bash ${naive}`));
          m.downNaive!.push(await time(() => $`bash ${cleanUp}`));
        }
        let out = '';
        m.up!.push(
          await time(async () => {
            out = (await $`node ${cli} up ${lab} --sandbox-name ${sb} --no-check --json`).stdout;
          }),
        );
        m.rss!.push((JSON.parse(out) as { maxRssKb: number }).maxRssKb / 1024);
        m.verify!.push(
          await time(async () => {
            out = (await $`node ${cli} verify ${lab} --sandbox-name ${sb} --json`.nothrow()).stdout;
          }),
        );
        const v = JSON.parse(out) as {
          ok: boolean;
          checksMs: number;
          maxRssKb: number;
          checks: { ok: boolean; name: string; detail: string | null }[];
        };
        // A failed verify is reported, not hidden: its row says how many checks failed.
        const bad = v.checks.filter((c) => !c.ok);
        if (bad.length > 0) {
          failures.push(
            `N=${n} run ${r + 1}: ${bad.length} of ${v.checks.length} checks failed, e.g. ${bad[0]!.name}: ${bad[0]!.detail}`,
          );
          process.stderr.write(`${failures.at(-1)}\n`);
        }
        m.checks!.push(v.checksMs);
        m.rss!.push(v.maxRssKb / 1024);
        m.down!.push(await time(() => $`node ${cli} down ${lab} --sandbox-name ${sb}`));
      }
    }
    const md = (k: string) => (m[k]!.length ? median(m[k]!) : NaN);
    const best = Math.min(md('floor'), md('floorNsenter'));
    const pings = n <= 100 ? n * (n - 1) : n;
    const or = (x: number, text: string) => (Number.isNaN(x) ? '—' : text);
    rows.push(
      `| ${n} | ${fmt(md('up'))} | ${fmt(md('floor'))} | ${fmt(md('floorNsenter'))} | **${(md('up') / best).toFixed(2)}×** | ${or(md('naive'), fmt(md('naive')))} | ${or(md('naive'), `**${(md('naive') / md('up')).toFixed(1)}×**`)} | ${pings} ${n <= 100 ? 'mesh' : 'to gateway'}: ${fmt(md('checks'))} (${fmt(md('verify'))} whole) | ${fmt(md('down'))} | ${fmt(md('downHand'))} | **${(md('down') / md('downHand')).toFixed(2)}×** | ${or(md('downNaive'), fmt(md('downNaive')))} | ${or(md('downNaive'), `**${(md('down') / md('downNaive')).toFixed(2)}×**`)} | ${Math.max(...m.rss!).toFixed(0)} |`,
    );
    floors.push(`N=${n}: ${((nodeStart + md('downHand')) / md('downHand')).toFixed(2)}×`);
    nslabRack[n] = { upChecked: NaN, upBare: md('up'), down: md('down') };
    process.stderr.write(`rack N=${n} done\n`);
  }
  console.log(
    '\n| N | nslab up | floor: ip -n batches | floor: nsenter batches | up ÷ faster floor | naive script | naive ÷ up | checks (verify) | nslab down | delete: one batch | down ÷ batch | delete: one command each | down ÷ each | peak MB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log(
    `\nNode's own start (\`node -e 0\`, same way): ${fmt(nodeStart)} ms. A down with no cost of its own beyond Node's start and the kernel work of the one-batch delete would take this much of that delete: ${floors.join(', ')}. The naive script is left out above 250 containers.`,
  );
}

const bridgeNf = '/proc/sys/net/bridge/bridge-nf-call-iptables';
// What Mininet raises for itself on every start and never lowers (mininet/util.py, fixLimits):
// read before its first run and written back after its last.
const mininetRaises = [
  'fs/file-max',
  'net/core/wmem_max',
  'net/core/rmem_max',
  'net/ipv4/tcp_rmem',
  'net/ipv4/tcp_wmem',
  'net/core/netdev_max_backlog',
  'net/ipv4/neigh/default/gc_thresh1',
  'net/ipv4/neigh/default/gc_thresh2',
  'net/ipv4/neigh/default/gc_thresh3',
  'net/ipv4/route/max_size',
  'kernel/pty/max',
  'net/bridge/bridge-nf-call-iptables',
].map((k) => `/proc/sys/${k}`);
/** Mininet's links in the machine's namespace (its switches sK and their ports sK-ethJ) and its hosts' shells. */
const mininetLeftovers = async () => ({
  links: (await $`ip -o link show`).stdout
    .split('\n')
    .map((l) => l.split(': ')[1]?.split('@')[0] ?? '')
    .filter((name) => /^s\d+(-eth\d+)?$/.test(name)),
  pids: readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return /\0-is\0mininet:h\d+\0$/.test(`\0${readFileSync(`/proc/${p}/cmdline`, 'utf8')}`);
      } catch {
        return false;
      }
    })
    .map(Number),
});
async function removeMininetLeftovers(): Promise<void> {
  const { links, pids } = await mininetLeftovers();
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  for (const link of links) await $`ip link del dev ${link}`.nothrow();
  if (links.length + pids.length > 0)
    process.stderr.write(
      `removed Mininet's leftovers: ${[...links, ...pids.map((p) => `pid ${p}`)].join(', ')}\n`,
    );
}

async function mininet(): Promise<void> {
  if ((await $`command -v mn`.nothrow()).exitCode !== 0) {
    console.log(
      '\nMininet: not measured, `mn` is not on PATH (Debian: apt-get install mininet bridge-utils; no Open vSwitch needed).',
    );
    return;
  }
  const sizes = [...new Set([...Ns.filter((n) => n <= 100), 50])].sort((a, b) => a - b);
  const saved = new Map(
    mininetRaises.filter((f) => existsSync(f)).map((f) => [f, readFileSync(f, 'utf8')] as const),
  );
  const before = saved.get(bridgeNf)?.trim() ?? null;
  const restore = () => {
    for (const [f, text] of saved) if (readFileSync(f, 'utf8') !== text) writeFileSync(f, text);
  };
  const onSignal = () => {
    restore();
    void removeMininetLeftovers().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const m: Record<string, number[]> = {};
  const mn = async (n: number, test: string) => {
    const t = performance.now();
    const r = await $`mn --switch lxbr --controller none --topo single,${n} --test ${test}`.nothrow();
    const ms = performance.now() - t;
    await removeMininetLeftovers();
    const said = r.stdout + r.stderr;
    if (r.exitCode !== 0 || (test === 'pingall' && !/Results: 0% dropped/.test(said)))
      throw new Error(`mn at N=${n} (${test}) failed:\n${said.slice(-2000)}`);
    return ms;
  };
  try {
    if (before !== null) writeFileSync(bridgeNf, '0\n');
    for (const n of sizes) {
      for (let r = 0; r < runs; r++) {
        (m[`mn${n}`] ??= []).push(await mn(n, 'none'));
        if (n === 50) (m.pingall ??= []).push(await mn(n, 'pingall'));
      }
    }
  } finally {
    restore();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await removeMininetLeftovers();
  }
  // nslab's side, in the same run: up (without checks) + down of each rack, and up with its mesh + down at 50.
  for (const n of sizes) {
    const lab = labFile(n);
    const bare: number[] = [];
    const checked: number[] = [];
    for (let r = 0; r < runs; r++) {
      bare.push(
        await time(async () => {
          await $`node ${cli} up ${lab} --sandbox-name ${sb} --no-check`;
          await $`node ${cli} down ${lab} --sandbox-name ${sb}`;
        }),
      );
      if (n === 50)
        checked.push(
          await time(async () => {
            await $`node ${cli} up ${lab} --sandbox-name ${sb}`;
            await $`node ${cli} down ${lab} --sandbox-name ${sb}`;
          }),
        );
    }
    nslabRack[n] = {
      ...nslabRack[n]!,
      upBare: median(bare),
      upChecked: checked.length ? median(checked) : NaN,
    };
  }
  console.log(
    `\n| N hosts on one bridge | Mininet 2.3 (lxbr) | nslab up + down | Mininet ÷ nslab |\n| --- | --- | --- | --- |`,
  );
  for (const n of sizes) {
    const mnMs = median(m[`mn${n}`]!);
    const ns = nslabRack[n]!.upBare;
    console.log(`| ${n}: build + stop | ${fmt(mnMs)} | ${fmt(ns)} | **${(mnMs / ns).toFixed(1)}×** |`);
  }
  const p = median(m.pingall!);
  const c = nslabRack[50]!.upChecked;
  console.log(
    `| 50: build + full mesh (2,450 pings) + stop | ${fmt(p)} (\`--test pingall\`) | ${fmt(c)} (up with its checks) | **${(p / c).toFixed(1)}×** |`,
  );
  console.log(
    `\nMininet: \`mn --switch lxbr --controller none --topo single,N --test none|pingall\`, net.bridge.bridge-nf-call-iptables 0 during its runs (was ${before ?? 'absent'}); it and the limits Mininet raises (gc_thresh1-3, [rw]mem_max, tcp_[rw]mem, netdev_max_backlog, pty.max) restored after.`,
  );
}

try {
  if (part('workshop')) await workshop();
  if (part('rack')) await rack();
  if (part('mininet')) await mininet();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) console.log(`\nverify failed: ${failures.join('; ')}`);
console.log(`\nload at the end ${load()}`);
