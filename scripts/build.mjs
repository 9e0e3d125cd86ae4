// Builds dist/ for the `nslab` entry point (run by `npm ci` through `prepare`, and `npm run build`):
//   dist/cli/main.js and its chunks — src/ bundled by esbuild with its dependencies, one chunk
//     per verb, so a command loads a few files instead of resolving hundreds (about 95 ms less
//     for `nslab plan` on a 2-core VM);
//   dist/cli/lab-validator.cjs — labs/lab.schema.json compiled by ajv ahead of time (its
//     standalone code), so `up` neither imports ajv's compiler nor compiles the schema (~130 ms).
// Type-checking is `npm run typecheck` (tsc); esbuild only strips the types.
// Plain JavaScript, so it runs before anything is compiled.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/cli`;
rmSync(`${root}dist`, { recursive: true, force: true });

await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS (yaml, commander, ajv's runtime) calls require(): give the chunks one.
  banner: {
    js: "import { createRequire as __nslabRequire } from 'node:module'; const require = __nslabRequire(import.meta.url);",
  },
});

// The options must match src/lab/schema.ts: the same errors, whichever validator runs.
const schemaText = readFileSync(`${root}labs/lab.schema.json`, 'utf8');
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, code: { source: true } });
const code = standaloneCode(ajv, ajv.compile(JSON.parse(schemaText)));
const hash = createHash('sha256').update(schemaText).digest('hex');
writeFileSync(`${out}/lab-validator.cjs`, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`);
console.log(`built dist/ (schema ${hash.slice(0, 12)})`);
