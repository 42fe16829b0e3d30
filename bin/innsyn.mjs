#!/usr/bin/env node
// The `innsyn` command. The CLI is TypeScript run through tsx, so it always runs the same
// source the tests cover, with no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
