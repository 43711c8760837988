#!/usr/bin/env node
// `npm run start:outlook` / `npm stop`: sideload the add-in into a real Outlook (Windows or Mac)
// with office-addin-debugging, or remove it again. That package is an optional dependency (its
// keytar build needs libsecret-1-dev on Debian), so when it is missing, or there is no desktop
// Outlook on this system, this says what to do instead of crashing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const action = process.argv[2];
const extra = process.argv.slice(3);

if (action !== 'start' && action !== 'stop') {
  console.error('usage: node scripts/outlook.mjs start|stop [office-addin-debugging options]');
  process.exit(2);
}

const withoutOutlook = [
  'To try the add-in without Outlook, run the local sandbox: npm start',
  'To use Outlook on the web: npm run dev-server, then in Outlook on the web choose',
  'Get add-ins > My add-ins > Add a custom add-in > Add from file, and pick manifest.xml.',
].join('\n');

let cli;
try {
  cli = join(
    dirname(createRequire(import.meta.url).resolve('office-addin-debugging/package.json')),
    'cli.js',
  );
} catch {
  console.error(
    [
      'office-addin-debugging is not installed (it is optional: on Debian its keytar build needs',
      '`apt-get install libsecret-1-dev`, then `npm install`).',
      withoutOutlook,
    ].join('\n'),
  );
  process.exit(1);
}

if (action === 'start' && process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(`There is no desktop Outlook on ${process.platform} to sideload into.\n${withoutOutlook}`);
  process.exit(1);
}

const args =
  action === 'start'
    ? [
        cli,
        'start',
        'manifest.xml',
        'desktop',
        '--app',
        'outlook',
        '--dev-server',
        'npm run dev-server',
        '--dev-server-port',
        '3000',
        ...extra,
      ]
    : [cli, 'stop', 'manifest.xml', ...extra];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
