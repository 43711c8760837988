// Recording while SharePoint cannot be reached: the decision waits in the pane's IndexedDB outbox,
// the pane says so, and once Graph answers again exactly one contact-log row is written, also
// when the pane was reloaded in between. Graph is taken off the network for real: the sandbox
// drops every connection to it (the browser's fetch fails), it does not answer with an error.
import type { Frame } from 'playwright-core';
import {
  answer,
  logRows,
  open,
  pane,
  recordButton,
  recordable,
  sample,
  useHarness,
  stored,
  until,
} from './harness';

const h = useHarness();
afterEach(() => h.sandbox.graph.setOnline(true));

const rowsFor = (key: string) =>
  logRows(h.sandbox).filter((r) => r.fields.InternetMessageId === sample(key).message.internetMessageId);

/** The status line about decisions waiting for the contact log. */
const waiting = (frame: Frame) => frame.getByText(/\d+ decisions? /);

/** Opens a sample online and answers the read, so only recording is left. */
async function readyToRecord(key: string): Promise<Frame> {
  const frame = await open(h.page, key);
  await answer(frame, ['No', 'No', 'No', 'No']);
  // Recording waits for the person's history; it must be in before Graph goes away.
  await recordable(frame);
  return frame;
}

describe('offline outbox', () => {
  it('keeps a decision recorded offline pending, then writes one log row when Graph is back', async () => {
    const frame = await readyToRecord('paul-compliant');
    h.sandbox.graph.setOnline(false);
    await recordButton(frame).click();
    await waiting(frame).waitFor();
    expect(await waiting(frame).textContent()).toMatch(/1 decision /);
    // The mail is not tagged either while Graph is away, and the pane says so.
    await frame.getByText(/Your decision is saved, but tagging the message did not work/).waitFor();
    expect(rowsFor('paul-compliant')).toEqual([]);
    expect(h.sandbox.graph.dropped()).toBeGreaterThan(0);

    h.sandbox.graph.setOnline(true);
    await waiting(frame).waitFor({ state: 'detached', timeout: 60_000 });
    expect(rowsFor('paul-compliant').map((r) => r.fields.Disposition)).toEqual(['handled-normally']);
    await frame.getByRole('button', { name: 'Try the mail action again' }).click();
    await frame.getByText('Your decision is saved for the contact log and the message is updated.').waitFor();
    expect(stored(h.sandbox, sample('paul-compliant').message.internetMessageId).categories).toEqual(
      expect.arrayContaining([expect.stringMatching(/read/i)]),
    );
    expect(rowsFor('paul-compliant')).toHaveLength(1);
  }, 90_000);

  it('sends a decision recorded offline once, after the pane was reloaded while still offline', async () => {
    const frame = await readyToRecord('morgan-via-advocate');
    h.sandbox.graph.setOnline(false);
    await recordButton(frame).click();
    // The pane has given up for now: the decision is on this computer, to be sent later.
    await frame.getByText(/1 decision saved on this computer will be sent/).waitFor({ timeout: 60_000 });

    const dropped = h.sandbox.graph.dropped();
    await frame.evaluate(() => window.location.reload());
    // The new pane starts and tries Graph (its start-up loads and the waiting row) while offline.
    await h.page.waitForFunction(
      () =>
        document.querySelector<HTMLIFrameElement>('#taskpane')?.contentDocument?.readyState === 'complete',
    );
    await until('the reloaded pane has tried Graph', () => h.sandbox.graph.dropped() > dropped);
    expect(rowsFor('morgan-via-advocate')).toEqual([]);

    h.sandbox.graph.setOnline(true);
    await until(
      'the decision is in the contact log',
      () => rowsFor('morgan-via-advocate').length > 0,
      60_000,
    );
    const reloaded = await pane(h.page);
    await reloaded.getByText(`Subject: ${sample('morgan-via-advocate').message.subject}`).waitFor({
      timeout: 60_000,
    });
    await waiting(reloaded).waitFor({ state: 'detached' });
    expect(rowsFor('morgan-via-advocate').map((r) => r.fields.Disposition)).toEqual(['handled-normally']);
  }, 120_000);

  it('can be switched from the browser, as docs/sandbox.md shows, with a clear message for a bad switch', async () => {
    const call = (method: string, body?: string) =>
      h.page.evaluate(
        async ({ method: m, body: b }) => {
          const res = await fetch('/sandbox/api/graph', {
            method: m,
            ...(b === undefined ? {} : { body: b }),
          });
          return { status: res.status, text: await res.text() };
        },
        { method, body },
      );
    const graphAnswers = () =>
      h.page.evaluate(() =>
        fetch('/v1.0/me', {
          headers: { Authorization: 'Bearer dev:alex.handler@force.example.police.uk' },
        }).then(
          (r) => r.status,
          (e: unknown) => (e instanceof TypeError ? 'network error' : String(e)),
        ),
      );
    await expect(call('POST', '{"online": "no"}')).resolves.toEqual({
      status: 400,
      text: '"online" must be true or false',
    });
    await expect(call('POST', '{"online": false}')).resolves.toMatchObject({ status: 200 });
    await expect(graphAnswers()).resolves.toBe('network error');
    expect(JSON.parse((await call('GET')).text)).toMatchObject({ online: false, latencyMs: 0 });
    await expect(call('POST', '{"online": true}')).resolves.toMatchObject({ status: 200 });
    await expect(graphAnswers()).resolves.toBe(200);
  });
});
