#!/usr/bin/env node
// `arw` entry point for `npm link` / global installs: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
const { run } = await import('./arw.ts');
process.exit(await run(process.argv.slice(2)));
