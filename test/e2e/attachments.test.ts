// Attachments and unreadable bodies in the real pane (sandbox, emulator, Chromium): the PDF's new
// allegation is found and highlighted and nothing is filed until the reading is done; a scan
// needs "I have opened every attachment"; a protected message is named, never "no indicators".
import { answer, open, recordable, recordButton, useHarness } from './harness';

const h = useHarness();
const NO = ['No', 'No', 'No', 'No'] as const;

it('finds the new allegation in a PDF, highlights it, and lets Record wait for the reading', async () => {
  const frame = await open(h.page, 'casey-pdf');
  const section = frame.getByTestId('attachments');
  await section.getByText('Letter to PSD.pdf').waitFor();
  await answer(frame, [...NO]);
  // The verdict came first; once reading is done the PDF's phrases are shown in context.
  const mark = section.locator('mark', { hasText: /^new allegation/ });
  await mark.waitFor({ timeout: 60_000 });
  expect(await mark.getAttribute('data-codes')).toBe('NEW_ALLEGATION');
  expect(await section.locator('mark', { hasText: /^PC Example assaulted/ }).count()).toBe(1);
  await section.getByText('Read as PDF:').waitFor();
  // Everything was read: nothing more is asked, and Record is available.
  expect(await section.getByRole('checkbox').count()).toBe(0);
  await recordable(frame);
}, 120_000);

it('names a scanned letter as not read and needs "I have opened every attachment" before Record', async () => {
  const frame = await open(h.page, 'casey-scan');
  const section = frame.getByTestId('attachments');
  await answer(frame, [...NO]);
  await section.getByText('Not read by the add-in: open it.').first().waitFor({ timeout: 60_000 });
  await section.getByText(/a scan: its pages are pictures/).waitFor();
  await section.getByText(/a picture \(perhaps a scanned letter\)/).waitFor();
  await section.getByText(/up to 10\.0 MB each and 25\.0 MB in total/).waitFor();
  expect(await recordButton(frame).isDisabled()).toBe(true);
  const opened = section.getByRole('checkbox', { name: 'I have opened every attachment' });
  // Keyboard-operable: focus and Space.
  await opened.focus();
  await h.page.keyboard.press('Space');
  expect(await opened.isChecked()).toBe(true);
  await recordable(frame);
}, 120_000);

it('names a protected message and what to do, and never says no indicators were found', async () => {
  const frame = await open(h.page, 'protected-smime');
  await frame
    .getByTestId('body-notice')
    .getByText(/Encrypted message \(S\/MIME\)/)
    .waitFor();
  expect(await frame.getByText('No phrases highlighted', { exact: false }).count()).toBe(0);
  await answer(frame, [...NO]);
  expect(await recordButton(frame).isDisabled()).toBe(true);
  await frame.getByRole('checkbox', { name: /I have read the whole message/ }).check();
  await recordable(frame);
}, 120_000);

it('reads and highlights the PDF through Graph when Outlook cannot give it (getAttachmentContentAsync fails)', async () => {
  // From another message, so that selecting the PDF's message reads it afresh.
  await open(h.page, 'paul-compliant');
  await h.page.evaluate(() => {
    (window as unknown as { cstHostFaults: { attachmentContent: boolean } }).cstHostFaults.attachmentContent =
      true;
  });
  try {
    const frame = await open(h.page, 'casey-pdf');
    const section = frame.getByTestId('attachments');
    const mark = section.locator('mark', { hasText: /^new allegation/ });
    await mark.waitFor({ timeout: 60_000 });
    expect(await mark.getAttribute('data-codes')).toBe('NEW_ALLEGATION');
    await section.getByText('Read as PDF:').waitFor();
    expect(await section.getByRole('checkbox').count()).toBe(0);
    // Outlook was asked and refused: the content came from Graph.
    const hits = await h.page.evaluate(
      () => (window as unknown as { cstHostFaults: { hits: number } }).cstHostFaults.hits,
    );
    expect(hits).toBeGreaterThan(0);
    await answer(frame, [...NO]);
    await recordable(frame);
  } finally {
    await h.page.evaluate(() => {
      (
        window as unknown as { cstHostFaults: { attachmentContent: boolean } }
      ).cstHostFaults.attachmentContent = false;
    });
  }
}, 120_000);
