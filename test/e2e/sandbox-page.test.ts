// The sandbox's emulated Outlook page behaves like Outlook where it matters to testing with a
// keyboard (issue #10 §6): the message list keeps focus and selection across its refreshes, Up
// and Down move the selection with the reading pane and the add-in following, paragraphs stay
// apart in the text view, and a reply to "RE: x" is "RE: x". One sandbox for the file.
import type { Page } from 'playwright-core';
import { AXE_SOURCE, open, pane, until, useHarness, type Harness } from './harness';

/** The message button that has focus, by its message id ('' when focus is elsewhere). */
const focusedMessage = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['messageId'] ?? '');

const currentMessage = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector<HTMLElement>('#messages button[aria-current="true"]')?.dataset['messageId'] ??
      '',
  );

/** Waits until the page has read the folder again twice since now: one whole refresh at least. */
async function refreshed(h: Harness): Promise<void> {
  const since = Date.now();
  const lists = () =>
    h.sandbox.graph
      .requests()
      .filter((r) => r.start >= since && /\/mailFolders\/inbox\/messages\?/.test(r.path)).length;
  await until('the page has refreshed its message list', () => lists() >= 2, 20_000);
  // And what came back is drawn.
  await h.page.waitForTimeout(300);
}

describe('sandbox page', () => {
  const h = useHarness({ bypassCSP: true });
  const bodyText = (page: Page) => page.locator('#body').evaluate((b) => (b as HTMLElement).innerText);

  it('keeps keyboard focus and the selection across its refreshes', async () => {
    await open(h.page, 'paul-compliant');
    const id = await currentMessage(h.page);
    expect(id).not.toBe('');
    await h.page.locator(`#messages button[data-message-id="${id}"]`).focus();
    expect(await focusedMessage(h.page)).toBe(id);
    await h.page.waitForTimeout(3500);
    await refreshed(h);
    expect(await focusedMessage(h.page)).toBe(id);
    expect(await currentMessage(h.page)).toBe(id);
  }, 60_000);

  it('moves the selection with Down and Up, the reading pane and the add-in following', async () => {
    const buttons = h.page.locator('#messages button');
    const ids = await buttons.evaluateAll((bs) =>
      bs.map((b) => (b as HTMLElement).dataset['messageId'] ?? ''),
    );
    const start = ids.indexOf(await focusedMessage(h.page));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThan(ids.length - 1);
    const next = buttons.nth(start + 1);
    const nextSubject = (await next.locator('.subject').textContent()) ?? '';

    await h.page.keyboard.press('ArrowDown');
    expect(await focusedMessage(h.page)).toBe(ids[start + 1]);
    await h.page.locator('#reading h2', { hasText: nextSubject }).waitFor();
    expect(await currentMessage(h.page)).toBe(ids[start + 1]);
    await (await pane(h.page)).getByText(`Subject: ${nextSubject}`, { exact: true }).waitFor();
    // One message in the tab order: the selected one.
    expect(await h.page.locator('#messages button[tabindex="0"]').count()).toBe(1);
    expect(await next.getAttribute('tabindex')).toBe('0');

    await h.page.keyboard.press('ArrowUp');
    expect(await focusedMessage(h.page)).toBe(ids[start]);
    await (await pane(h.page)).getByText('Subject: CO/01234/24 - update', { exact: true }).waitFor();
    expect(await currentMessage(h.page)).toBe(ids[start]);

    // Focus and selection hold through a refresh after arrowing, too.
    await refreshed(h);
    expect(await focusedMessage(h.page)).toBe(ids[start]);
    expect(await currentMessage(h.page)).toBe(ids[start]);
  }, 60_000);

  it('has no axe violations in the message list', async () => {
    await h.page.addScriptTag({ content: AXE_SOURCE() });
    const violations = await h.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run('#mailboxes')).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('keeps paragraphs apart in a text body and in an HTML body', async () => {
    await open(h.page, 'paul-compliant');
    expect(await bodyText(h.page)).toContain('Dear Alex,\n\nThank you for your letter of 28 May.');
    await open(h.page, 'hostile-html');
    expect(await bodyText(h.page)).toBe(
      'Contact form submission from the website.\n\nMessage: please call me back about my property.',
    );
  }, 60_000);

  it('gives a reply to "RE: x" one RE:, and a forward FW: in front', async () => {
    await open(h.page, 'paul-not-spoc');
    expect(await h.page.locator('#reading h2').textContent()).toBe('RE: CO/01234/24');
    await h.page.getByRole('button', { name: 'Reply', exact: true }).click();
    expect(await h.page.locator('#compose-subject').inputValue()).toBe('RE: CO/01234/24');
    await h.page.locator('#compose-discard').click();
    await h.page.getByRole('button', { name: 'Forward', exact: true }).click();
    expect(await h.page.locator('#compose-subject').inputValue()).toBe('FW: RE: CO/01234/24');
    await h.page.locator('#compose-discard').click();
  }, 60_000);
});
