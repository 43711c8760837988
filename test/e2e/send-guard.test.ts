// The send guard in the sandbox: the compose form's Send runs the real OnMessageSend bundle in a
// hidden event runtime through the local compose host, and the page answers as Outlook does
// (send, or the Smart Alerts dialog with the buttons the send mode allows). Sent mail lands in
// the user's Sent Items in the emulator; a Send anyway is found there and logged as an outbound
// override. One sandbox for the file; tests run in order and share its state.
import type { Page } from 'playwright-core';
import { AXE_SOURCE, SAMPLES, logRows, open, until, useHarness, type Harness } from './harness';

const ALEX = 'alex.handler@force.example.police.uk';
const SAM = 'sam.supervisor@force.example.police.uk';
const PAUL = 'paul.example@example.com';
const PAT = 'pat.sample@example.org';
const MORGAN = 'morgan.test@example.com';
const ANN = 'ann.advocate@advocacy.example.org';
const CASEY = 'casey.quinn@example.com';
/** Where the event runtime keeps the strategy snapshot and its log (src/send-guard). */
const SNAPSHOT_KEY = 'cst-send-guard-snapshot-v1';
const LOG_KEY = 'cst-send-guard-log';

// The store's message view names its folder (display name and well-known name), not its id.
function sentTo(h: Harness, mailbox: string, address: string) {
  return h.sandbox.store
    .messages(mailbox)
    .filter((m) => m.folderWellKnownName === 'sentitems')
    .filter((m) => (m.toRecipients ?? []).some((r) => r.emailAddress.address === address));
}

async function compose(page: Page, button: 'New email' | 'Reply' | 'Forward', to?: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  if (to !== undefined) await page.locator('#compose-to').fill(to);
  await page.locator('#compose-subject').fill(`${button} from the send guard test`);
}

async function send(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.getElementById('compose')?.dataset['decisions'] ?? '');
  await page.locator('#compose-send').click();
  await page.waitForFunction(
    (b) => (document.getElementById('compose')?.dataset['decisions'] ?? '') !== b || false,
    before,
  );
}

const dialog = (page: Page) => page.getByRole('alertdialog');

/** Send, with no Smart Alerts dialog, and the mail lands in the sender's Sent Items. */
async function sendsThrough(h: Harness, mailbox: string, address: string): Promise<void> {
  const before = sentTo(h, mailbox, address).length;
  await send(h.page);
  expect(await dialog(h.page).isVisible()).toBe(false);
  await until(
    `a mail to ${address} is in ${mailbox}'s Sent Items`,
    () => sentTo(h, mailbox, address).length === before + 1,
  );
  await h.page.locator('#compose').waitFor({ state: 'hidden' });
}

/** The dialog shows `sentence`; "Send anyway" is offered or not; Don't send closes it. */
async function alerted(page: Page, sentence: string, sendAnyway: boolean): Promise<void> {
  await dialog(page).getByText(sentence, { exact: true }).waitFor();
  await page
    .getByRole('button', { name: 'Send anyway' })
    .waitFor({ state: sendAnyway ? 'visible' : 'hidden' });
}

async function dontSend(page: Page): Promise<void> {
  await page.getByRole('button', { name: "Don't send" }).click();
  await dialog(page).waitFor({ state: 'hidden' });
}

const overrideRows = (h: Harness) =>
  logRows(h.sandbox).filter((r) => r.fields['Entry'] === 'outbound-override');

describe('send guard in the sandbox', () => {
  const h = useHarness({ bypassCSP: true });

  it("post only: Send shows the Smart Alerts dialog with only Don't send, and nothing is sent", async () => {
    await compose(h.page, 'New email', 'Pat Sample <pat.sample@example.org>');
    await send(h.page);
    await dialog(h.page).waitFor();
    await dialog(h.page).getByText('Pat Sample: contact by post only. Send a letter instead.').waitFor();
    await dialog(h.page).getByRole('heading', { name: 'Contact Strategy Triage' }).waitFor();
    await h.page.getByRole('button', { name: 'Send anyway' }).waitFor({ state: 'hidden' });
    await h.page.getByRole('button', { name: "Don't send" }).click();
    await dialog(h.page).waitFor({ state: 'hidden' });
    await h.page.locator('#compose').waitFor();
    expect(sentTo(h, ALEX, 'pat.sample@example.org')).toEqual([]);
  });

  it('the Smart Alerts dialog has no axe violations and keeps focus on its buttons', async () => {
    await send(h.page);
    await dialog(h.page).waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toBe("Don't send");
    await h.page.addScriptTag({ content: AXE_SOURCE() });
    const violations = await h.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run('#smart-alert')).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await h.page.keyboard.press('Escape');
    await dialog(h.page).waitFor({ state: 'hidden' });
    await h.page.locator('#compose-discard').click();
  });

  it('advocate: a reply to Morgan Test is stopped and names Ann Advocate; a reply to Ann goes', async () => {
    await open(h.page, 'morgan-direct');
    await compose(h.page, 'Reply');
    expect(await h.page.locator('#compose-to').inputValue()).toBe(`Morgan Test <${MORGAN}>`);
    await send(h.page);
    // Writing through the advocate is a decision made in writing: Don't send only.
    await alerted(h.page, 'Morgan Test: write to Ann Advocate instead.', false);
    await dontSend(h.page);
    await h.page.locator('#compose-discard').click();
    expect(sentTo(h, ALEX, MORGAN)).toEqual([]);

    await open(h.page, 'morgan-via-advocate');
    await compose(h.page, 'Reply');
    expect(await h.page.locator('#compose-to').inputValue()).toBe(`Ann Advocate <${ANN}>`);
    await sendsThrough(h, ALEX, ANN);
  }, 120_000);

  it("single point of contact: Sam writing to Paul Example is told his is Alex Handler; Alex's mail goes", async () => {
    await h.page.selectOption('#user', SAM);
    await compose(h.page, 'New email', `Paul Example <${PAUL}>`);
    await send(h.page);
    // A colleague may cover an absent single point of contact, so the dialog offers Send anyway.
    await alerted(h.page, "Paul Example's single point of contact is Alex Handler.", true);
    await dontSend(h.page);
    await h.page.locator('#compose-discard').click();
    expect(sentTo(h, SAM, PAUL)).toEqual([]);

    await h.page.selectOption('#user', ALEX);
    await compose(h.page, 'New email', `Paul Example <${PAUL}>`);
    await sendsThrough(h, ALEX, PAUL);
  }, 120_000);

  it('read but do not respond: Send anyway on a reply to Casey Quinn sends it, and the next Send logs the override', async () => {
    await open(h.page, 'casey-rbnr');
    await compose(h.page, 'Reply');
    expect(await h.page.locator('#compose-to').inputValue()).toBe(`Casey Quinn <${CASEY}>`);
    await send(h.page);
    await alerted(
      h.page,
      "Casey Quinn: read but do not respond. A reply needs a supervisor's approval.",
      true,
    );
    await h.page.getByRole('button', { name: 'Send anyway' }).click();
    await until('the reply to Casey is in Sent Items', () => sentTo(h, ALEX, CASEY).length === 1);
    // Outlook does not tell the add-in which button was pressed: the reply is found in Sent Items
    // on the next Send, and only then logged.
    expect(overrideRows(h)).toEqual([]);

    await compose(h.page, 'New email', 'someone@example.net');
    await sendsThrough(h, ALEX, 'someone@example.net');
    await until('the outbound override is in the contact log', () => overrideRows(h).length > 0, 60_000);
    const rows = overrideRows(h);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.fields).toMatchObject({
      Sender: ALEX,
      Recipients: CASEY,
      PersonNames: 'Casey Quinn',
      StrategyIds: 'CS-0046',
    });
    // Sam's Don't send to Paul is not turned into an override by Alex's mail to Paul.
    expect(rows.filter((r) => String(r.fields['PersonNames']).includes('Paul Example'))).toEqual([]);
  }, 120_000);

  it('warm cache: reports the median time from Send to decision', async () => {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await compose(h.page, 'New email', 'someone@example.net');
      await send(h.page);
      times.push(
        Number(await h.page.evaluate(() => document.getElementById('compose')?.dataset['decisionMs'])),
      );
      await h.page.locator('#compose').waitFor({ state: 'hidden' });
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    console.log(
      `send guard, warm cache, Send to decision: median ${median} ms over ${times.length} (${sorted.join(', ')})`,
    );
    expect(median).toBeLessThan(1000);
    expect(sentTo(h, ALEX, 'someone@example.net').length).toBeGreaterThanOrEqual(15);
  }, 240_000);

  it('fails open: with Graph unavailable and nothing kept, a mail to Pat Sample goes and the failure is logged', async () => {
    await h.page.evaluate(
      ([snapshot, log]) => {
        localStorage.removeItem(snapshot as string);
        localStorage.removeItem(log as string);
      },
      [SNAPSHOT_KEY, LOG_KEY],
    );
    const fault = (method: 'POST' | 'DELETE') =>
      h.page.evaluate(async (m) => {
        const init: RequestInit = { method: m };
        if (m === 'POST') {
          init.headers = { 'content-type': 'application/json' };
          init.body = JSON.stringify({ kind: '503' });
        }
        const response = await fetch('_admin/faults', init);
        if (!response.ok) throw new Error(`_admin/faults ${m}: ${response.status}`);
      }, method);
    await fault('POST');
    try {
      await compose(h.page, 'New email', `Pat Sample <${PAT}>`);
      await sendsThrough(h, ALEX, PAT);
      await h.page.waitForFunction(
        (key) => (localStorage.getItem(key) ?? '').includes('failed-open'),
        LOG_KEY,
      );
      const log: unknown = JSON.parse(
        await h.page.evaluate((key) => localStorage.getItem(key) ?? '[]', LOG_KEY),
      );
      expect(log).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ event: 'failed-open', detail: expect.stringMatching(/\S/) }),
        ]),
      );
      expect(await h.page.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY)).toBeNull();
    } finally {
      await fault('DELETE');
    }
  }, 120_000);

  it('uses sample strategies of each kind the guard demonstrates', () => {
    const by = (name: string) => SAMPLES.strategies.find((s) => s.personName === name);
    expect(by('Pat Sample')).toMatchObject({ status: 'active', permittedChannels: ['post'] });
    expect(by('Casey Quinn')).toMatchObject({ status: 'active', responsePolicy: 'read-not-respond' });
    expect(by('Morgan Test')).toMatchObject({
      status: 'active',
      advocate: { name: 'Ann Advocate', addresses: [ANN], required: true },
    });
    expect(by('Paul Example')).toMatchObject({
      status: 'active',
      spoc: { name: 'Alex Handler', address: ALEX },
    });
  });
});
