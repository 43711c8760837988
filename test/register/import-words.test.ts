// The pane's upload and `triage import` say the same thing about the same file: every line the
// command prints about a row (problems, headings not read) is one the pane's preview shows.
import { runImport } from '../../src/cli/import';
import { previewImport } from '../../src/taskpane/components/supervisor/import-preview';
import { xlsxBytes, arrayBufferOf } from './xlsx';

const SHEET = xlsxBytes([
  ['Ref', 'Complainant', 'E-mail addresses', 'Status', 'Next review', 'Contact limit', 'Shoe size'],
  ['CS-9001', 'Good Row', 'good@example.com', 'Live', '02/03/2027', '1 per week', '9'],
  ['CS-9002', 'Bad Date', 'bad.date@example.com', 'Active', '31/02/2027', '', ''],
  ['CS-9003', 'Bad Status', 'bad.status@example.com', 'Sleeping', '', '1 per month', ''],
  ['', 'No Reference', 'no.ref@example.com', 'Active', '', '', ''],
  ['CS-9001', 'Second Row', 'second@example.com', 'Active', '', '', ''],
  ['CS-9005', 'Bad Address', 'not an address', 'Active', '', '', ''],
]);

it('the preview names each problem with the command’s own words', async () => {
  let out = '';
  const status = await runImport(['bad.xlsx'], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readBytes: () => arrayBufferOf(SHEET),
    env: () => undefined,
  });
  expect(status).toBe(1);
  const commandLines = out
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());

  const preview = await previewImport('bad.xlsx', arrayBufferOf(SHEET), async () => ({
    strategies: [],
    rejected: [],
    syncedAt: '2026-12-02T09:00:00Z',
  }));
  if (preview.kind !== 'planned') throw new Error(preview.error);
  const paneLines = [...preview.problems, ...preview.notes];
  // Six problems on five rows, and the heading that is not read.
  expect(commandLines).toHaveLength(7);
  expect(paneLines).toEqual(commandLines);
  expect(preview.create.map((r) => r.id)).toEqual(['CS-9001']);
});
