// A 10 MB body in the real pane (sandbox, emulator, Chromium, the production build Outlook runs):
// it is read in the reading worker, the verdict and the highlighted text show, every highlight is
// reachable, and the pane's main thread never blocks for more than 50 ms at a time: the longest
// task in which the pane ran while the message opens, is read, laid out, paged through and
// answered, from the browser's own long-task timing. Reading the body in place used to block it
// for 4.6 s; posting the body to the worker in one piece and building a whole part's DOM in one
// task, for 50-540 ms.
//
// Reported, not counted (long-tasks.ts says why): the emulated Outlook page's own tasks, and
// Office.js handing the pane the 10 MB message (one copy into the pane's frame, which the add-in
// cannot split). Task durations are wall time, which a busy machine (other test processes on the
// 2 shared cores) stretches in any one attempt; a task the pane really makes too long is long in
// every attempt. So the message is opened up to ATTEMPTS times, each in a freshly loaded pane,
// and the best attempt is held to the bound. With the whole part's DOM built and laid out in one
// task again, every attempt measured 165-300 ms and the test failed; bench/reading.bench.ts
// reports the same figure each run.
import type { Frame } from 'playwright-core';
import { PART_CHARS } from '../../src/taskpane/components/message-parts';
import { answer, AXE_SOURCE, open, pane, recordable, useHarness } from './harness';
import { watchLongTasks, type LongestTasks } from './long-tasks';

// Production build as Outlook runs it (React's development build is several times slower); the
// CSP is bypassed only so axe can be injected at the end, after the timing.
const h = useHarness({ buildMode: 'production', bypassCSP: true });
const LONGEST_TASK_MS = 50;
// Under heavy load (4-8 on 2 cores) about one attempt in two, and nearly every first attempt
// after the browser starts, measured over 50 ms of wall time for 12-21 ms of the thread's CPU
// (Chromium trace); 5 attempts keep the test steady there, and a regression fails all of them.
const ATTEMPTS = 5;
const BODY_CHARS = 10 * 1024 * 1024;

/** Opens the 10 MB message from a short one and goes through it as a handler would. */
async function readLongMessage(): Promise<{ frame: Frame; longest: LongestTasks }> {
  // A fresh pane each time, as a handler meets the message: nothing compiled or warmed up by an
  // earlier attempt (a warm pane does in 40 ms what a fresh one does in 80).
  await h.page.reload();
  await h.page.waitForSelector('#messages button', { timeout: 120_000 });
  // The pinned pane is open on a short message; watch it before the long one is selected.
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
  // The verdict and the reading aids are there: the phrases are highlighted in the part shown,
  // and the whole part is in the page once it is no longer busy.
  await frame.locator('p', { hasText: /^Highlighted: / }).waitFor();
  await text.locator('mark[data-codes~="NEW_ALLEGATION"]').first().waitFor();
  await frame.locator('[data-testid="message-text"][aria-busy="false"]').waitFor();
  // Only a part is in the page, not 10 MB, and all of it.
  const shown = ((await text.textContent()) ?? '').length;
  expect(shown).toBeLessThanOrEqual(PART_CHARS * 1.2);
  expect(shown).toBeGreaterThan(PART_CHARS * 0.5);
  // A jump to a later highlight shows its part and focuses it.
  const next = frame.getByRole('button', { name: 'Next highlighted phrase' });
  await next.click();
  await part.getByText(/highlighted phrase 1 of/).waitFor();
  await frame.getByRole('button', { name: 'Later part' }).click();
  await part.getByText(/Part 2 of/).waitFor();
  await next.click();
  await part.getByText(/Part 2 of .*, highlighted phrase/).waitFor();
  await frame.waitForFunction(() => document.activeElement?.tagName === 'MARK');
  // The highlight jumped to is on screen in the text box, though its block had not been laid
  // out (the browser lays out only the blocks in view).
  const onScreen = await frame.evaluate(() => {
    const mark = document.activeElement?.getBoundingClientRect();
    const box = document.querySelector('[data-testid="message-text"]')?.getBoundingClientRect();
    return !!mark && !!box && mark.height > 0 && mark.bottom > box.top && mark.top < box.bottom;
  });
  expect(onScreen).toBe(true);
  // The pane still answers: the read can be done and recorded.
  await answer(frame, ['No', 'No', 'No', 'No']);
  await recordable(frame);
  return { frame, longest: await longest() };
}

it('opens a 10 MB message without blocking the pane, shows the verdict and jumps to each highlight', async () => {
  const seen: LongestTasks[] = [];
  let frame: Frame | null = null;
  for (let i = 0; i < ATTEMPTS && !seen.some((ms) => ms.pane < LONGEST_TASK_MS); i++) {
    const attempt = await readLongMessage();
    frame = attempt.frame;
    seen.push(attempt.longest);
  }
  console.log(
    `10 MB body, each attempt: longest task of the pane's own ${seen.map((ms) => Math.round(ms.pane)).join(', ')} ms; ` +
      `not counted: Office.js handing over the message ${seen.map((ms) => Math.round(ms.officeDelivery)).join(', ')} ms, ` +
      `the emulated Outlook page ${seen.map((ms) => Math.round(ms.page)).join(', ')} ms`,
  );
  expect(Math.min(...seen.map((ms) => ms.pane))).toBeLessThan(LONGEST_TASK_MS);

  // And the part in blocks is as accessible as the rest of the pane.
  await frame!.addScriptTag({ content: AXE_SOURCE() });
  const violations = await frame!.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}, 600_000);
