#!/usr/bin/env node
// `npx triage evaluate …` and `npx triage import FILE` (see `npx triage --help` and README "The triage command"). Registers
// tsx so the TypeScript sources run as they are, with no build step. Both hooks: the package is
// not "type": "module", so Node loads the .ts files as CommonJS, which the ESM hook alone cannot.
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

registerCjs();
register();
const cli = await import('../src/cli/triage.ts');
// Loaded as CommonJS, its exports arrive as the default export.
const { run, nodeIo } = cli.default ?? cli;
process.exitCode = await run(process.argv.slice(2), nodeIo);
