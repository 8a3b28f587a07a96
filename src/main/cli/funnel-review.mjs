#!/usr/bin/env node
// The `funnel-review` command. Runs the TypeScript sources through tsx, so a fresh clone needs no
// build step before `npx funnel-review`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
