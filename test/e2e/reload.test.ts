// A pane reloaded while a decision is waiting to be sent (Outlook reloads add-ins; a laptop goes
// offline): the decision is still sent once, soon after Graph is back, and a pane that starts
// while SharePoint is unreachable says a decision is waiting and recovers by itself.
import { answer, logRows, open, pane, recordButton, recordable, sample, until, useHarness } from './harness';

const h = useHarness();
afterEach(() => h.sandbox.graph.setOnline(true));

async function recordOfflineThenReload(key: string): Promise<void> {
  const frame = await open(h.page, key);
  await answer(frame, ['No', 'No', 'No', 'No']);
  await recordable(frame);
  h.sandbox.graph.setOnline(false);
  await recordButton(frame).click();
  await frame.getByText(/1 decision saved on this computer/).waitFor({ timeout: 60_000 });
  await frame.evaluate(() => window.location.reload());
}

it('a decision left mid-send by a reloaded pane is sent within seconds of Graph coming back, once', async () => {
  const id = sample('pat-email').message.internetMessageId;
  const dropped = h.sandbox.graph.dropped();
  await recordOfflineThenReload('pat-email');
  await until('the new pane has tried Graph', () => h.sandbox.graph.dropped() > dropped);
  h.sandbox.graph.setOnline(true);
  const back = Date.now();
  await until(
    'the decision is in the contact log',
    () => logRows(h.sandbox).some((r) => r.fields.InternetMessageId === id),
    90_000,
  );
  // Not held back by the closed pane's lease (60 s).
  expect(Date.now() - back).toBeLessThan(20_000);
  expect(logRows(h.sandbox).filter((r) => r.fields.InternetMessageId === id)).toHaveLength(1);
}, 120_000);

it('a pane that starts offline shows the waiting decision and recovers by itself when Graph is back', async () => {
  // Another message than the test above, which this sandbox has already logged.
  await recordOfflineThenReload('no-strategy');
  const reloaded = await pane(h.page);
  // Offline, the start-up reads are retried by the Graph client (backoff) before the pane gives up.
  await reloaded.getByText('Contact strategies are not available').waitFor({ timeout: 150_000 });
  await reloaded.getByText(/1 decision saved on this computer/).waitFor();
  h.sandbox.graph.setOnline(true);
  // No click: the pane retries on its own (every 15 s while strategies are missing).
  await reloaded.getByText(`Subject: ${sample('no-strategy').message.subject}`).waitFor({ timeout: 45_000 });
}, 240_000);
