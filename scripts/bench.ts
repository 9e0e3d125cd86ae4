// Benchmark, as root: nslab up / verify / down for N containers on one bridge, against two
// baselines that build the identical network in the same run:
//   naive — the `nslab plan` script: one ip command per line, run by bash (a workshop handout);
//   floor — the same commands hand-grouped into one `ip -batch` per namespace, run by bash.
// and two that delete it by hand: one `ip -batch` of `netns del` lines and one `rm -rf` (the
// floor), and the plan's teardown section run line by line (the handout's clean-up).
// Usage: sudo node --import tsx scripts/bench.ts [N …] [--runs 3]
// Prints a markdown table of medians and ratios; everything runs in sandboxes and is removed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $ } from 'zx';
import { argvOf, batchLine, type Command } from '../src/plan/command.js';

$.verbose = false;
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 3) || 3;
const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs').map(Number);
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
  // Full mesh up to 50 containers (N×(N-1) pings), every container to its gateway above.
  const check = n <= 50 ? '{ from: all, to: all }' : '{ from: all, to: br0 }';
  writeFileSync(
    file,
    `title: a rack of ${n}\nnetworks:\n  br0:\n    subnet: 10.88.0.0/16\ncontainers:\n  c:\n    count: ${n}\n    networks:\n      br0: {}\nchecks:\n  - ping: ${check}\n`,
  );
  return file;
}

/** The floor: each namespace's ip commands as one batch, in the order nslab's executor uses. */
function floorScript(plan: Plan): string {
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
        (ns) => `ip ${ns ? `-n ${ns} ` : ''}-batch - <<'EOF'\n${batches.get(ns)!.join('\n')}\nEOF`,
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

const rows: string[] = [];
const floors: string[] = [];
// Node's own start, the part of every nslab command no code of nslab's can remove.
const starts: number[] = [];
for (let i = 0; i < 7; i++) starts.push(await time(() => $`node -e 0`));
const nodeStart = median(starts);

for (const n of Ns) {
  const lab = labFile(n);
  const plan = JSON.parse((await $`node ${cli} plan ${lab} --sandbox-name ${sb} --json`).stdout) as Plan;
  const naive = join(dir, `naive${n}.sh`);
  const floor = join(dir, `floor${n}.sh`);
  const cleanUp = join(dir, `clean-up${n}.sh`);
  const planText = (await $`node ${cli} plan ${lab} --sandbox-name ${sb}`).stdout;
  writeFileSync(naive, planText);
  writeFileSync(cleanUp, cleanUpScript(planText));
  writeFileSync(floor, floorScript(plan));
  const m: Record<string, number[]> = {
    up: [],
    floor: [],
    naive: [],
    verify: [],
    checks: [],
    down: [],
    downHand: [],
    downNaive: [],
    rss: [],
  };
  for (let r = 0; r < runs; r++) {
    m.floor!.push(await time(() => $`bash ${floor}`));
    m.downHand!.push(await time(() => byHand(n)));
    m.naive!.push(await time(() => $`bash ${naive}`));
    m.downNaive!.push(await time(() => $`bash ${cleanUp}`));
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
    const v = JSON.parse(out) as { ok: boolean; checksMs: number; maxRssKb: number };
    if (!v.ok) throw new Error(`verify failed at N=${n}`);
    m.checks!.push(v.checksMs);
    m.rss!.push(v.maxRssKb / 1024);
    m.down!.push(await time(() => $`node ${cli} down ${lab} --sandbox-name ${sb}`));
  }
  const md = (k: string) => median(m[k]!);
  const pings = n <= 50 ? n * (n - 1) : n;
  rows.push(
    `| ${n} | ${md('up').toFixed(0)} | ${md('floor').toFixed(0)} | **${(md('up') / md('floor')).toFixed(2)}×** | ${md('naive').toFixed(0)} | **${(md('naive') / md('up')).toFixed(1)}×** | ${pings} ${n <= 50 ? 'mesh' : 'to gateway'}: ${md('checks').toFixed(0)} (${md('verify').toFixed(0)} whole) | ${md('down').toFixed(0)} | ${md('downHand').toFixed(0)} | **${(md('down') / md('downHand')).toFixed(2)}×** | ${md('downNaive').toFixed(0)} | **${(md('down') / md('downNaive')).toFixed(2)}×** | ${Math.max(...m.rss!).toFixed(0)} |`,
  );
  floors.push(`N=${n}: ${((nodeStart + md('downHand')) / md('downHand')).toFixed(2)}×`);
  process.stderr.write(`N=${n} done\n`);
}
console.log(
  `${runs} runs each, medians in ms; ${new Date().toISOString().slice(0, 10)}, ${(await $`nproc`).stdout.trim()} cores, kernel ${(await $`uname -r`).stdout.trim()}\n`,
);
console.log(
  '| N | nslab up | ip -batch floor | up ÷ floor | naive script | naive ÷ up | checks (verify) | nslab down | delete: one batch | down ÷ batch | delete: one command each | down ÷ each | peak MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(
  `\nNode's own start (\`node -e 0\`, same way): ${nodeStart.toFixed(0)} ms. A down with no cost of its own beyond Node's start and the kernel work of the one-batch delete would take this much of that delete: ${floors.join(', ')}.`,
);
