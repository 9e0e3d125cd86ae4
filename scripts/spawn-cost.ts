// Why the executor fans batches out through one ip process (src/run/batch.ts, runFanOut), as
// root: the same small batch in each of N fresh namespaces, run three ways in one run —
//   node:  one `ip -n NS -batch -` per namespace started by Node, 16 at once (the old way);
//   ip:    one `ip -batch -` whose lines are `netns exec NS ip -batch FILE` (what nslab does);
//   bash:  a bash loop of `ip -n NS -batch FILE` (what a hand-written script does).
// Usage: sudo node --import tsx scripts/spawn-cost.ts [N] [--runs 3]
// Everything happens in namespaces named nslab-spawn-PID-K, removed at the end (also on error).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dealt, pool } from '../src/run/batch.js';

const argv = process.argv.slice(2);
const n = Number(argv.find((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs') ?? 100);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 3) || 3;
const names = Array.from({ length: n }, (_, i) => `nslab-spawn-${process.pid}-${i}`);
const dir = mkdtempSync(join(tmpdir(), 'nslab-spawn-'));

const sh = (file: string, args: string[], input?: string, quiet = false) =>
  new Promise<number>((resolve) => {
    const child = spawn(file, args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', quiet ? 'ignore' : 'inherit'],
    });
    child.stdin?.end(input);
    child.on('close', (code) => resolve(code ?? 1));
  });
const batch = (i: number) =>
  `link set dev lo up\naddr add 10.99.${i >> 8}.${i & 255}/32 dev lo\nroute add 10.100.0.0/16 dev lo\n`;
names.forEach((_, i) => writeFileSync(join(dir, String(i)), batch(i)));

const fresh = async () => {
  // -force: the first time round there is nothing to delete.
  await sh(
    'ip',
    ['-force', '-batch', '-'],
    names.map((ns) => `netns del ${ns}\nnetns add ${ns}`).join('\n') + '\n',
    true,
  );
};
const ways: Record<string, () => Promise<unknown>> = {
  node: () => pool(names, 16, (ns, i) => sh('ip', ['-n', ns, '-batch', '-'], batch(i))),
  ip: () =>
    sh(
      'ip',
      ['-batch', '-'],
      names.map((ns, i) => `netns exec ${ns} ip -batch ${join(dir, String(i))}`).join('\n') + '\n',
    ),
  // nsenter enters only the network namespace: no mount namespace copied, no /sys remounted.
  'ip ×4': () =>
    Promise.all(
      dealt(n, 4).map((hand) =>
        sh(
          'ip',
          ['-batch', '-'],
          hand.map((i) => `netns exec ${names[i]} ip -batch ${join(dir, String(i))}`).join('\n') + '\n',
        ),
      ),
    ),
  'nsenter node ×4': () =>
    pool(names, 4, (ns, i) =>
      sh('nsenter', [`--net=/run/netns/${ns}`, 'ip', '-batch', join(dir, String(i))]),
    ),
  'nsenter sh ×4': () =>
    Promise.all(
      dealt(n, 4).map((hand) =>
        sh('sh', [
          '-c',
          'd=$1; shift; for i; do nsenter --net="/run/netns/$0$i" ip -batch "$d/$i" || exit 1; done',
          `nslab-spawn-${process.pid}-`,
          dir,
          ...hand.map(String),
        ]),
      ),
    ),
  bash: () =>
    sh('bash', [
      '-c',
      'for i in $(seq 0 $(($2 - 1))); do ip -n "$1$i" -batch "$3/$i"; done',
      '-',
      `nslab-spawn-${process.pid}-`,
      String(n),
      dir,
    ]),
};

try {
  const ms: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((w) => [w, []]));
  for (let r = 0; r < runs; r++) {
    for (const [way, run] of Object.entries(ways)) {
      await fresh();
      const t = performance.now();
      await run();
      ms[way]!.push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${n} namespaces, a 3-line batch in each; medians of ${runs} runs`);
  for (const way of Object.keys(ways))
    console.log(
      `  ${way.padEnd(16)} ${median(ms[way]!).toFixed(0).padStart(6)} ms   ${(median(ms[way]!) / median(ms.ip!)).toFixed(2)}× the fan-out through ip`,
    );
} finally {
  await sh('ip', ['-force', '-batch', '-'], names.map((ns) => `netns del ${ns}`).join('\n') + '\n', true);
  rmSync(dir, { recursive: true, force: true });
}
