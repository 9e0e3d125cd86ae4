#!/usr/bin/env node
// Entry point for `nslab` and `npm run nslab`. Runs the compiled JavaScript in dist/ (built by
// `npm ci` through the prepare script) when it is newer than every source file: that starts in
// about 0.2 s instead of 0.45 s. Otherwise it runs the TypeScript sources through tsx, so an
// edit is never shadowed by a stale build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));
const built = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

const newest = (dir) =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory()
        ? newest(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? statSync(join(dir, e.name)).mtimeMs
          : 0,
    ),
  );

let fresh = false;
try {
  fresh = statSync(built).mtimeMs >= newest(src);
} catch {
  fresh = false; // not built
}

if (fresh) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
