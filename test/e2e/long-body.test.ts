// A 10 MB body in the real pane (sandbox, emulator, Chromium): it is read in the reading worker,
// the verdict and the highlighted text show, every highlight is reachable, and the pane's main
// thread never blocks for long: the longest task while the message opens and is read, from the
// browser's own long-task timing, stays under a second. Reading the body in place used to block
// it for 4.6 s. The target is 50 ms: the figure measured here (about 300 ms on the shared
// 2-core machine) includes the emulated Outlook page's own fetch and parse of the 10 MB message,
// which shares the pane's thread in the sandbox; bench/reading.bench.ts reports it each run.
import { answer, open, pane, recordable, useHarness } from './harness';
import { watchLongTasks } from './long-tasks';

const h = useHarness();
const LONGEST_TASK_MS = 1000;

it('opens a 10 MB message without blocking the pane, shows the verdict and jumps to each highlight', async () => {
  // The pinned pane is open on the first message; watch it before the long one is selected.
  const first = await open(h.page, 'protected-smime');
  const longest = await watchLongTasks(first);
  const subject = h.page.locator('.subject', { hasText: /^Everything, again \(the whole file\)$/ });
  await h.page.locator('#messages button', { has: subject }).click();
  const frame = await pane(h.page);
  await frame.getByText('Subject: Everything, again (the whole file)').waitFor({ timeout: 120_000 });
  const text = frame.getByTestId('message-text');
  // The verdict and the reading aids are there: the phrases are highlighted in the part shown.
  await frame.getByText(/^Highlighted: /).waitFor();
  expect(await text.locator('mark[data-codes~="NEW_ALLEGATION"]').count()).toBeGreaterThan(0);
  await frame
    .getByTestId('message-part')
    .getByText(/Part 1 of 2\d\d/)
    .waitFor();
  // Only a part is in the page, not 10 MB.
  expect(((await text.textContent()) ?? '').length).toBeLessThan(60_000);
  // A jump to a later highlight shows its part and focuses it.
  const next = frame.getByRole('button', { name: 'Next highlighted phrase' });
  await next.click();
  await frame
    .getByTestId('message-part')
    .getByText(/highlighted phrase 1 of/)
    .waitFor();
  await frame.getByRole('button', { name: 'Later part' }).click();
  await frame
    .getByTestId('message-part')
    .getByText(/Part 2 of/)
    .waitFor();
  await next.click();
  await frame
    .getByTestId('message-part')
    .getByText(/Part 2 of .*, highlighted phrase/)
    .waitFor();
  expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
  // The pane still answers: the read can be done and recorded.
  await answer(frame, ['No', 'No', 'No', 'No']);
  await recordable(frame);
  const ms = await longest();
  console.log(`10 MB body: longest main-thread task in the pane ${Math.round(ms)} ms`);
  expect(ms).toBeLessThan(LONGEST_TASK_MS);
}, 180_000);
