// The supervisors' register in the sandbox: a supervisor opens it from the pane (Office dialog API:
// the pane sends the rows with messageChild), sorts by next review, filters by a name, exports the
// rows shown as CSV, opens a review pack, exports it and the person's whole log (a subject access
// request, without fingerprints, every decision), prints, and axe finds nothing. Opened twice or
// closed, the pane says so in words and goes on working. All of it under the sandbox's CSP:
// axe is evaluated through the DevTools protocol, which the page's policy does not govern.
import { readFileSync } from 'node:fs';
import type { Download, Frame } from 'playwright-core';
import { nodeImportIo, runImport } from '../../src/cli/import';
import {
  AXE_SOURCE,
  SAMPLES,
  answer,
  logRows,
  open,
  pane as taskpane,
  record,
  sample,
  until,
  useHarness,
} from './harness';

const h = useHarness();
const SAM = 'sam.supervisor@force.example.police.uk';
const ALEX = 'alex.handler@force.example.police.uk';
/** Opening the pane and the dialog takes tens of seconds on a loaded machine. */
const SLOW = 120_000;

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

/** A downloaded CSV's lines, without the byte-order mark and the last line end. */
async function lines(download: Download): Promise<string[]> {
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).replace(/\r\n$/, '').split('\r\n');
}

async function downloadBy(frame: Frame, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([frame.page().waitForEvent('download'), click()]);
  return download;
}

async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE());
  return frame.evaluate(async () => {
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
}

describe('the register', () => {
  let frame: Frame;

  it(
    'shows every strategy, sorts by next review both ways, filters by a name and exports the rows shown',
    async () => {
      frame = await openRegister();
      expect(await people(frame)).toHaveLength(7);
      // Each row draws its chart with the sentence a screen reader reads.
      await expect(
        frame.getByRole('img', { name: /^Contacts per week, \d+ weeks? from / }).count(),
      ).resolves.toBe(7);

      await header(frame, 'Next review').getByRole('button').click();
      await expect(header(frame, 'Next review').getAttribute('aria-sort')).resolves.toBe('ascending');
      await expect(header(frame, 'Person').getAttribute('aria-sort')).resolves.toBe('none');
      // Sandy's strategy has ended: no review is due, so it comes after every date.
      expect(await people(frame)).toEqual([
        'Jordan Blake',
        'Riley Persistent',
        'Casey Quinn',
        'Paul Example',
        'Pat Sample',
        'Morgan Test',
        'Sandy Former',
      ]);
      const sandy = frame.locator('tbody tr', { has: frame.getByRole('button', { name: 'Sandy Former' }) });
      // The day it ended is the last review's (the sandbox moves the samples' dates to this week).
      await expect(sandy.locator('td').nth(3).textContent()).resolves.toMatch(
        /^Ended \d{1,2} [A-Z][a-z]{2} \d{4}: no review due$/,
      );
      await expect(sandy.locator('td').nth(4).textContent()).resolves.toBe('None (ended)');
      await expect(sandy.getByText('overdue').count()).resolves.toBe(0);
      // From the keyboard: the header's button again, with Enter, turns the order round.
      await header(frame, 'Next review').getByRole('button').focus();
      await frame.page().keyboard.press('Enter');
      await expect(header(frame, 'Next review').getAttribute('aria-sort')).resolves.toBe('descending');
      expect((await people(frame))[0]).toBe('Morgan Test');

      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('casey');
      expect(await people(frame)).toEqual(['Casey Quinn']);
      await frame.getByText('1 of 7 strategies shown', { exact: false }).waitFor();

      const download = await downloadBy(frame, () =>
        frame.getByRole('link', { name: 'Export the 1 row shown as CSV' }).click(),
      );
      expect(download.suggestedFilename()).toBe('contact-strategy-register.csv');
      const csv = await lines(download);
      expect(csv[0]).toMatch(/^Reference,Person,Status,Kind,Single point of contact,Next review,/);
      expect(csv[1]).toMatch(/^CS-0046,Casey Quinn,active,/);
      expect(csv).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'prints the table without the controls',
    async () => {
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('');
      await frame.getByText('7 of 7 strategies shown', { exact: false }).waitFor();
      await h.page.emulateMedia({ media: 'print' });
      try {
        await expect(frame.getByLabel('Filter by name, reference, SPOC or kind').isVisible()).resolves.toBe(
          false,
        );
        await expect(frame.getByRole('button', { name: 'Print the register' }).isVisible()).resolves.toBe(
          false,
        );
        await expect(frame.locator('table').isVisible()).resolves.toBe(true);
        await expect(frame.locator('tbody tr').count()).resolves.toBe(7);
      } finally {
        await h.page.emulateMedia({ media: 'screen' });
      }
      await expect(frame.getByLabel('Filter by name, reference, SPOC or kind').isVisible()).resolves.toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'opens a review pack from a row, exports it and the person’s whole log, and comes back',
    async () => {
      // Riley's two earlier emails were triaged before: the seeded contact log holds both.
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('riley');
      await frame.getByRole('button', { name: 'Riley Persistent' }).click();
      const heading = frame.getByRole('heading', {
        level: 1,
        name: 'Review pack: Riley Persistent (CS-0045)',
      });
      await heading.waitFor();
      // The keyboard lands on the new page's heading.
      await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await frame.getByText(/: 2 contacts, \d+ with a breach\./).waitFor();
      await expect(frame.locator('tbody tr').count()).resolves.toBe(2);

      const pack = await downloadBy(frame, () =>
        frame.getByRole('link', { name: 'Export the review pack as CSV' }).click(),
      );
      expect(pack.suggestedFilename()).toBe('review-pack-CS-0045.csv');
      const packCsv = await lines(pack);
      expect(packCsv[0]).toMatch(/^Received,Message ID,From,To,Strategies,/);
      expect(packCsv.slice(1).map((l) => l.split(',')[1])).toEqual([
        '<riley-1.0603@mail.example.org>',
        '<riley-2.0604@mail.example.org>',
      ]);

      const person = await downloadBy(frame, () =>
        frame
          .getByRole('button', {
            name: 'Export everything the contact log holds about Riley Persistent (subject access request)',
          })
          .click(),
      );
      expect(person.suggestedFilename()).toBe('subject-access-CS-0045.csv');
      const personCsv = await lines(person);
      const text = personCsv.join('\n');
      expect(text).toContain('<riley-1.0603@mail.example.org>');
      expect(text).toContain('<riley-2.0604@mail.example.org>');
      expect(text).toContain('riley.persistent@example.org');
      // What is internal stays out: no fingerprint or key column, and none of the stored values.
      expect(personCsv[0]).not.toMatch(/fingerprint|key/i);
      const stored = logRows(h.sandbox).filter((r) =>
        String(r.fields['StrategyIds'] ?? '').includes('CS-0045'),
      );
      expect(stored).toHaveLength(2);
      for (const r of stored) {
        const fingerprint = JSON.parse(String(r.fields['Fingerprint'])) as { sig: string };
        expect(fingerprint.sig.length).toBeGreaterThan(8);
        expect(text).not.toContain(fingerprint.sig);
        expect(text).not.toContain(String(r.fields['Key']));
        expect(text).not.toContain(String(r.fields['MessageKey']));
      }
      await frame
        .getByText(
          'Saved subject-access-CS-0045.csv: 2 entries of the contact log about Riley Persistent (strategy CS-0045).',
        )
        .waitFor();

      // Printed, the pack keeps its summary and table and loses its buttons.
      await h.page.emulateMedia({ media: 'print' });
      try {
        await expect(frame.getByRole('button', { name: 'Back to the register' }).isVisible()).resolves.toBe(
          false,
        );
        await expect(
          frame.getByRole('link', { name: 'Export the review pack as CSV' }).isVisible(),
        ).resolves.toBe(false);
        await expect(heading.isVisible()).resolves.toBe(true);
        await expect(frame.locator('table').isVisible()).resolves.toBe(true);
      } finally {
        await h.page.emulateMedia({ media: 'screen' });
      }

      expect(await axeViolations(frame)).toEqual([]);

      await frame.getByRole('button', { name: 'Back to the register' }).click();
      // The register is as it was left, and the keyboard is back on Riley's name.
      await expect(frame.getByLabel('Filter by name, reference, SPOC or kind').inputValue()).resolves.toBe(
        'riley',
      );
      const riley = frame.getByRole('button', { name: 'Riley Persistent' });
      await riley.waitFor();
      await expect(riley.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    },
    SLOW,
  );

  it(
    'has no axe violations',
    async () => {
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('');
      await frame.getByText('7 of 7 strategies shown', { exact: false }).waitFor();
      expect(await axeViolations(frame)).toEqual([]);
    },
    SLOW,
  );

  it(
    'closes with the dialog’s close button and opens again',
    async () => {
      await h.page.getByRole('button', { name: 'Close dialog' }).click();
      await expect(h.page.locator('[data-sandbox-dialog]').count()).resolves.toBe(0);
      frame = await openRegister();
      expect(await people(frame)).toHaveLength(7);
    },
    SLOW,
  );

  it(
    'says in words when the register is opened twice (12007) or closed (12006), and the pane stays usable',
    async () => {
      // The register is open from the test before, in a window beside the pane, as Outlook's is.
      const pane = await taskpane(h.page);
      const button = pane.getByRole('button', { name: 'Register of all strategies' });
      await button.click();
      await pane
        .getByRole('alert')
        .filter({
          hasText:
            'The register is already open in its own window. Switch to it, or close it and open it again.',
        })
        .waitFor();
      // Office refused a second dialog: the first is still the only one, and still works.
      await expect(h.page.locator('[data-sandbox-dialog]').count()).resolves.toBe(1);
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('casey');
      expect(await people(frame)).toEqual(['Casey Quinn']);

      await h.page.getByRole('button', { name: 'Close dialog' }).click();
      await pane
        .getByRole('status')
        .filter({ hasText: 'The register is closed. Open it again with “Register of all strategies”.' })
        .waitFor();
      await expect(pane.getByRole('alert').filter({ hasText: 'already open' }).count()).resolves.toBe(0);

      // The pane goes on: another message shows, and the register opens again from it.
      frame = await openRegister();
      expect(await people(frame)).toHaveLength(7);
      // The pane was loaded again for the user switch: a fresh look at it.
      await expect((await taskpane(h.page)).getByText('The register is closed.').count()).resolves.toBe(0);
    },
    SLOW,
  );

  it(
    'draws the pane’s own review pack with the same summary as the dialog’s',
    async () => {
      await h.page.getByRole('button', { name: 'Close dialog' }).click();
      const pane = await open(h.page, 'riley-repeat');
      await pane
        .getByRole('group', { name: 'Strategy CS-0045' })
        .getByRole('button', { name: 'Review pack' })
        .click();
      await pane
        .getByRole('heading', { level: 3, name: 'Review pack: Riley Persistent (CS-0045)' })
        .waitFor();
      await pane.getByText(/: 2 contacts, \d+ with a breach\./).waitFor();
    },
    SLOW,
  );

  it(
    'exports every decision on a message in the person’s log: a colleague’s earlier one too',
    async () => {
      // Alex triages Riley's repeat; Sam, opening it after him, reads it again and records too.
      const { message } = sample('riley-repeat');
      await h.page.selectOption('#user', ALEX);
      let pane = await open(h.page, 'riley-repeat');
      await answer(pane, ['No', 'No', 'No', 'No']);
      await record(pane);
      await h.page.selectOption('#user', SAM);
      pane = await open(h.page, 'riley-repeat');
      await pane.getByRole('button', { name: /Read it again/ }).click();
      await answer(pane, ['No', 'No', 'No', 'No']);
      await record(pane);
      const decisions = () =>
        logRows(h.sandbox).filter(
          (r) => r.fields['InternetMessageId'] === message.internetMessageId && r.fields['Entry'] !== 'claim',
        );
      await until('both decisions are in the contact log', () => decisions().length === 2);

      frame = await openRegister();
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('riley');
      await frame.getByRole('button', { name: 'Riley Persistent' }).click();
      const person = await downloadBy(frame, () =>
        frame
          .getByRole('button', {
            name: 'Export everything the contact log holds about Riley Persistent (subject access request)',
          })
          .click(),
      );
      const csv = await lines(person);
      const readBy = (csv[0] ?? '').split(',').indexOf('Read by');
      const about = csv.filter((l) => l.includes(message.internetMessageId));
      // The earlier decision first, then the re-read: both, not only the latest.
      expect(about.map((l) => l.split(',')[readBy])).toEqual([ALEX, SAM]);
      expect(csv).toHaveLength(1 + 2 + 2);
      await frame
        .getByText(
          'Saved subject-access-CS-0045.csv: 4 entries of the contact log about Riley Persistent (strategy CS-0045).',
        )
        .waitFor();
      await h.page.getByRole('button', { name: 'Close dialog' }).click();
    },
    // Two reads recorded by two users, then the register: minutes when the machine is loaded.
    2 * SLOW,
  );

  it(
    'shows the example spreadsheet after `triage import` writes it, each row with its chart',
    async () => {
      // The CLI against the sandbox's Graph, trusting the sandbox's own certificate, as a supervisor.
      const { hostname, path } = SAMPLES.organisation.site;
      const out: string[] = [];
      const code = await runImport(
        [
          'examples/strategies-template.xlsx',
          '--apply',
          '--site',
          `https://${hostname}${path}`,
          '--graph',
          `${h.sandbox.url}v1.0`,
          '--token',
          `dev:${SAM}`,
          '--ca',
          '.certs/localhost/cert.pem',
        ],
        { ...nodeImportIo, stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
      );
      expect({ code, out: out.join('') }).toEqual({
        code: 0,
        out: expect.stringMatching(/Written: 5 created/),
      });

      // The pane reads the strategies when it starts: a new session sees the imported ones.
      await h.page.reload();
      await h.page.waitForSelector('#messages button');
      frame = await openRegister();
      expect(await people(frame)).toHaveLength(12);
      await frame.getByLabel('Filter by name, reference, SPOC or kind').fill('CS-0103');
      expect(await people(frame)).toEqual(['Jo Placeholder']);
      const row = frame.locator('tbody tr');
      await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Hana Handler');
      await expect(row.locator('td').nth(5).textContent()).resolves.toMatch(
        /^Calls with an advocate present: 1 Jun 2026 \(overdue\)$/,
      );
      await expect(
        row.getByRole('img', { name: /^Contacts per week, \d+ weeks? from / }).count(),
      ).resolves.toBe(1);
    },
    SLOW,
  );
});
