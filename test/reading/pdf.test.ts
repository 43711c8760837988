// The PDF reader with the real pdf.js, in a Node child process (see pdf-node.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { AttachmentReading } from '../../src/reading/types';

let results: Record<string, AttachmentReading>;

beforeAll(() => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'pdf-node.ts')], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 120_000,
  });
  results = JSON.parse(out) as Record<string, AttachmentReading>;
}, 150_000);

it('finds a new allegation in a PDF letter and shows where', () => {
  const r = results.text!;
  expect(r).toMatchObject({ status: 'read', format: 'pdf' });
  if (r.status !== 'read') return;
  expect(r.indicators.map((i) => i.code)).toContain('NEW_ALLEGATION');
  expect(r.excerpts[0]).toMatchObject({
    text: 'new allegation',
    after: expect.stringContaining('PC Example'),
  });
});

it('reads every page of a long PDF letter: an allegation on the last page is found', () => {
  const r = results.long!;
  expect(r).toMatchObject({ status: 'read', format: 'pdf' });
  if (r.status !== 'read') return;
  expect(r.indicators.map((i) => i.code)).toContain('NEW_ALLEGATION');
  expect(r.excerpts.some((e) => e.text === 'new allegation' && e.after.includes('PC Example'))).toBe(true);
});

it('calls a PDF that is only a picture a scan, not an empty letter', () => {
  expect(results.scanned).toMatchObject({ status: 'not-read', reason: { kind: 'no-text' } });
});

it('calls a password-protected PDF encrypted, and a broken one failed', () => {
  expect(results.password).toMatchObject({ status: 'not-read', reason: { kind: 'encrypted' } });
  expect(results.broken).toMatchObject({ status: 'not-read', reason: { kind: 'failed' } });
});
