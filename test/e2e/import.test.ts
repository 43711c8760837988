// A supervisor imports the force's spreadsheet from the pane: the example template (.xlsx) is
// uploaded, previewed row by row, applied, and its strategies are then on the SharePoint list in
// the emulator. Uploading the same file again changes nothing and says so.
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { SAMPLES, open, until, useHarness } from './harness';

const h = useHarness();

const SAM = 'sam.supervisor@force.example.police.uk';
const TEMPLATE = resolve('examples/strategies-template.xlsx');
const IMPORTED = ['CS-0101', 'CS-0102', 'CS-0103', 'CS-0104', 'CS-0105'];

function titles(): string[] {
  const siteId =
    h.sandbox.store.siteId(SAMPLES.organisation.site.hostname, SAMPLES.organisation.site.path) ?? '';
  return h.sandbox.store.listItems(siteId, 'Contact Strategies').map((r) => String(r.fields.Title));
}

const section = (frame: Frame) => frame.getByRole('region', { name: 'Import strategies' });
const preview = (frame: Frame) => frame.getByRole('region', { name: 'Import preview' });

async function upload(frame: Frame): Promise<void> {
  await section(frame)
    .getByLabel(/Spreadsheet \(\.xlsx or \.csv\)/)
    .setInputFiles(TEMPLATE);
  await preview(frame).waitFor({ timeout: 60_000 });
}

describe('importing strategies from the pane', () => {
  it('previews the template, applies it to the list, and a second upload changes nothing', async () => {
    const before = titles();
    expect(before.filter((t) => IMPORTED.includes(t))).toEqual([]);
    await h.page.selectOption('#user', SAM);
    const frame = await open(h.page, 'paul-compliant');

    await upload(frame);
    await expect(preview(frame).textContent()).resolves.toContain(
      'strategies-template.xlsx: 5 rows read. Plan: 5 new strategies, 0 unchanged, 0 conflicts, 0 rows with problems (not imported).',
    );
    const created = preview(frame)
      .getByRole('list', { name: /To be created/ })
      .getByRole('listitem');
    await expect(created.allTextContents()).resolves.toEqual([
      'row 2, CS-0101: Pat Sample',
      'row 3, CS-0102: Rory Example',
      'row 4, CS-0103: Jo Placeholder',
      'row 5, CS-0104: Alex Demo',
      'row 6, CS-0105: Morgan Trial',
    ]);
    // The preview writes nothing.
    expect(titles()).toEqual(before);

    await preview(frame).getByRole('button', { name: 'Apply' }).click();
    const status = section(frame).getByRole('status');
    await status.waitFor({ timeout: 60_000 });
    await expect(status.textContent()).resolves.toContain(
      'Written: 5 created. Left as they are on the list: 0 unchanged, 0 conflicts (not overwritten).',
    );
    await until('the five strategies are on the list', () => IMPORTED.every((id) => titles().includes(id)));
    const stored = h.sandbox.store
      .listItems(
        h.sandbox.store.siteId(SAMPLES.organisation.site.hostname, SAMPLES.organisation.site.path) ?? '',
        'Contact Strategies',
      )
      .find((r) => r.fields.Title === 'CS-0101');
    expect(stored?.fields.PersonName).toBe('Pat Sample');

    // The same file again: every row is already there as it is in the file.
    await upload(frame);
    await expect(preview(frame).textContent()).resolves.toContain(
      'Plan: 0 new strategies, 5 unchanged, 0 conflicts, 0 rows with problems (not imported).',
    );
    await preview(frame).getByText('Nothing to change: no new strategies in this file.').waitFor();
    await expect(preview(frame).getByRole('button', { name: 'Apply' }).count()).resolves.toBe(0);
    const after = titles();
    expect(after).toHaveLength(before.length + IMPORTED.length);
    for (const id of IMPORTED) expect(after.filter((t) => t === id)).toHaveLength(1);
  }, 240_000);
});
