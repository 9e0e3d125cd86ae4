// Sums the tests of the last `tap` run from .tap/test-results and prints the one line CI reads:
// "N passed, N failed, N skipped". A test is a t.test() at the top of a test file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'tap-parser';

const dir = process.argv[2] ?? '.tap/test-results';
const files = (d: string): string[] =>
  readdirSync(d).flatMap((f) =>
    statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith('.tap') ? [join(d, f)] : [],
  );

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files(dir)) {
  const results = Parser.parse(readFileSync(file, 'utf8'));
  for (const event of results) {
    if (event[0] !== 'assert') continue;
    const point = event[1] as { ok: boolean; skip?: unknown; todo?: unknown; name: string };
    if (point.skip || point.todo) skipped += 1;
    else if (point.ok) passed += 1;
    else {
      failed += 1;
      console.log(`failed: ${file}: ${point.name}`);
    }
  }
  // A file that crashed before planning its tests still counts as a failure.
  if (!results.some((e) => e[0] === 'plan')) {
    failed += 1;
    console.log(`failed: ${file}: did not finish`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
