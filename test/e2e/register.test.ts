// The supervisors' register in the sandbox: a supervisor opens it from the pane (Office dialog API:
// the pane sends the rows with messageChild), sorts by next review, filters by a name, exports the
// rows shown as CSV, and axe finds nothing. The context bypasses the CSP only to inject axe.
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { AXE_SOURCE, open, useHarness } from './harness';

const h = useHarness({ bypassCSP: true });
const SAM = 'sam.supervisor@force.example.police.uk';

async function openRegister(): Promise<Frame> {
  await h.page.selectOption('#user', SAM);
  const pane = await open(h.page, 'paul-compliant');
  await pane.getByRole('button', { name: 'Register of all strategies' }).click();
  const frame = await (await h.page.waitForSelector('[data-sandbox-dialog] iframe')).contentFrame();
  if (!frame) throw new Error('the register dialog has no document');
  await frame.getByRole('heading', { name: 'Register of contact strategies' }).waitFor();
  return frame;
}

/** The people in the order the table shows them (each row's header cell starts with the name). */
const people = (frame: Frame) =>
  frame
    .locator('tbody th[scope=row]')
    .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));

const header = (frame: Frame, name: string) => frame.locator('thead th', { hasText: name });

describe('the register', () => {
  let frame: Frame;

  it('shows every strategy, sorts by next review both ways, filters by a name and exports the rows shown', async () => {
    frame = await openRegister();
    expect(await people(frame)).toHaveLength(7);
    // Each row draws its chart with the sentence a screen reader reads.
    await expect(
      frame.getByRole('img', { name: /^Contacts per week, \d+ weeks? from / }).count(),
    ).resolves.toBe(7);

    await header(frame, 'Next review').getByRole('button').click();
    await expect(header(frame, 'Next review').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(header(frame, 'Person').getAttribute('aria-sort')).resolves.toBe('none');
    // Sandy's strategy has no next review date: due 92 days (the policy's maximum) after her last.
    expect(await people(frame)).toEqual([
      'Sandy Former',
      'Jordan Blake',
      'Riley Persistent',
      'Casey Quinn',
      'Paul Example',
      'Pat Sample',
      'Morgan Test',
    ]);
    // From the keyboard: the header's button again, with Enter, turns the order round.
    await header(frame, 'Next review').getByRole('button').focus();
    await frame.page().keyboard.press('Enter');
    await expect(header(frame, 'Next review').getAttribute('aria-sort')).resolves.toBe('descending');
    expect((await people(frame))[0]).toBe('Morgan Test');

    await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('casey');
    expect(await people(frame)).toEqual(['Casey Quinn']);
    await frame.getByText('1 of 7 strategies shown', { exact: false }).waitFor();

    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      frame.getByRole('link', { name: 'Export the 1 row shown as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contact-strategy-register.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toMatch(/^Reference,Person,Status,Kind,Single point of contact,Next review,/);
    expect(csv[1]).toMatch(/^CS-0046,Casey Quinn,active,/);
    expect(csv.filter(Boolean)).toHaveLength(2);
  });

  it('has no axe violations', async () => {
    await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('');
    await frame.addScriptTag({ content: AXE_SOURCE() });
    const found = await frame.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes)}`,
      );
    });
    expect(found).toEqual([]);
  });

  it('closes with the dialog’s close button and opens again', async () => {
    await h.page.getByRole('button', { name: 'Close dialog' }).click();
    await expect(h.page.locator('[data-sandbox-dialog]').count()).resolves.toBe(0);
    frame = await openRegister();
    expect(await people(frame)).toHaveLength(7);
  });
});
