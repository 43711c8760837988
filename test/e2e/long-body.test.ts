// A 10 MB body in the real pane (sandbox, emulator, Chromium): it is read in the reading worker,
// the verdict and the highlighted text show, every highlight is reachable, and the pane's main
// thread never blocks for long: the longest task in which the pane ran while the message opens,
// is read, paged through and answered, from the browser's own long-task timing. Reading the body
// in place used to block it for 4.6 s; rendering a 50,000-character part and posting the body to
// the worker in one piece, for 190-540 ms.
//
// The target is 50 ms. Reported, not counted (long-tasks.ts says why): the emulated
// Outlook page's own tasks, and Office.js handing the pane the 10 MB message (one copy into the
// pane's frame, which the add-in cannot split). The bound is what the shared 2-core machine holds
// without flaking while other test processes take the cores; bench/reading.bench.ts reports the
// figure on the production build each run.
import { PART_CHARS } from '../../src/taskpane/components/message-parts';
import { answer, open, pane, recordable, useHarness } from './harness';
import { watchLongTasks } from './long-tasks';

const h = useHarness();
const LONGEST_TASK_MS = 500;
const BODY_CHARS = 10 * 1024 * 1024;

it('opens a 10 MB message without blocking the pane, shows the verdict and jumps to each highlight', async () => {
  // The pinned pane is open on the first message; watch it before the long one is selected.
  const first = await open(h.page, 'protected-smime');
  const longest = await watchLongTasks(first);
  const subject = h.page.locator('.subject', { hasText: /^Everything, again \(the whole file\)$/ });
  await h.page.locator('#messages button', { has: subject }).click();
  const frame = await pane(h.page);
  // Locators scoped to small elements: a text search over the whole pane is itself a long task
  // in the pane's thread (Playwright's text engine runs there), and would be counted.
  const part = frame.getByTestId('message-part');
  await part.getByText(/^This message is long \(10,485,760 characters\)/).waitFor({ timeout: 120_000 });
  const parts = Number(/Part 1 of ([\d,]+)/.exec((await part.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(parts).toBeGreaterThanOrEqual(Math.ceil(BODY_CHARS / PART_CHARS));
  await frame.locator('p', { hasText: /^Subject: Everything, again \(the whole file\)$/ }).waitFor();
  const text = frame.getByTestId('message-text');
  // The verdict and the reading aids are there: the phrases are highlighted in the part shown.
  await frame.locator('p', { hasText: /^Highlighted: / }).waitFor();
  await text.locator('mark[data-codes~="NEW_ALLEGATION"]').first().waitFor();
  // Only a part is in the page, not 10 MB.
  expect(((await text.textContent()) ?? '').length).toBeLessThanOrEqual(PART_CHARS * 1.2);
  // A jump to a later highlight shows its part and focuses it.
  const next = frame.getByRole('button', { name: 'Next highlighted phrase' });
  await next.click();
  await part.getByText(/highlighted phrase 1 of/).waitFor();
  await frame.getByRole('button', { name: 'Later part' }).click();
  await part.getByText(/Part 2 of/).waitFor();
  await next.click();
  await part.getByText(/Part 2 of .*, highlighted phrase/).waitFor();
  await frame.waitForFunction(() => document.activeElement?.tagName === 'MARK');
  // The pane still answers: the read can be done and recorded.
  await answer(frame, ['No', 'No', 'No', 'No']);
  await recordable(frame);
  const ms = await longest();
  console.log(
    `10 MB body: longest task of the pane's own ${Math.round(ms.pane)} ms; not counted: ` +
      `Office.js handing over the message ${Math.round(ms.officeDelivery)} ms, ` +
      `the emulated Outlook page ${Math.round(ms.page)} ms`,
  );
  expect(ms.pane).toBeLessThan(LONGEST_TASK_MS);
}, 180_000);
