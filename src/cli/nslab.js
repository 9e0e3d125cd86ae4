#!/usr/bin/env node
// Entry point for `nslab` and `npm run nslab`: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
