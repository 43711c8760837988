// Two handlers, two browsers, one shared mailbox. Alex starts reading a message; Sam opens the same
// message in his own Outlook and is told Alex is reading it. Both record at the same moment: the
// contact log keeps both decisions, and the escalation is forwarded once, the filed message moved
// once. Opened again, the message says who triaged it first.
import type { BrowserContext, Frame, Page } from 'playwright-core';
import {
  SHARED,
  answer,
  logRows,
  open,
  record,
  recordable,
  sample,
  stored,
  until,
  useHarness,
} from './harness';

const h = useHarness();
const ALEX = 'alex.handler@force.example.police.uk';
const SAM = 'sam.supervisor@force.example.police.uk';

let samContext: BrowserContext;
let samPage: Page;

beforeAll(async () => {
  // A second browser context: another person's Outlook, with its own storage and outbox.
  samContext = await h.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1500, height: 1000 },
  });
  samPage = await samContext.newPage();
  await samPage.goto(h.sandbox.url);
  await samPage.waitForSelector('#messages button');
  await samPage.selectOption('#user', SAM);
}, 60_000);

afterAll(async () => {
  await samContext?.close();
});

const rowsFor = (internetMessageId: string) =>
  logRows(h.sandbox).filter(
    (r) =>
      r.fields.InternetMessageId === internetMessageId ||
      r.fields.MessageKey === messageKeyOf(internetMessageId),
  );

/** The message key the claim rows carry (they have no InternetMessageId): taken from a decision row. */
function messageKeyOf(internetMessageId: string): string | undefined {
  const decision = logRows(h.sandbox).find((r) => r.fields.InternetMessageId === internetMessageId);
  return typeof decision?.fields.MessageKey === 'string' ? decision.fields.MessageKey : undefined;
}

/** The pane's notice of who else has the message (not the screen reader's copy of it). */
const notice = (frame: Frame) => frame.getByTestId('already-triaged');

/** Alex starts the read (his first answer claims it); Sam then opens the same message. */
async function bothOpen(key: string): Promise<{ alex: Frame; sam: Frame }> {
  const claimsBefore = logRows(h.sandbox).filter((r) => r.fields.Entry === 'claim').length;
  const alex = await open(h.page, key);
  await answer(alex, ['No']);
  await until(
    'Alex’s claim is in the contact log',
    () => logRows(h.sandbox).filter((r) => r.fields.Entry === 'claim').length > claimsBefore,
  );
  const sam = await open(samPage, key);
  return { alex, sam };
}

// Two panes, two sign-ins and two reads in one test: well over jest's 30 s when the 2-core CI
// machine runs other browser suites beside it.
const TWO_PANES_MS = 120_000;

describe('two handlers on one shared mailbox', () => {
  it(
    'tells the second who is reading, keeps both decisions, and forwards the escalation once',
    async () => {
      const { message } = sample('casey-self-harm');
      const { alex, sam } = await bothOpen('casey-self-harm');
      await notice(sam)
        .getByText(/^Being read by Alex Handler since \d\d:\d\d/)
        .waitFor();

      await answer(alex, ['No', 'No', 'Yes', 'No']);
      await answer(sam, ['No', 'No', 'Yes', 'No']);
      await Promise.all([recordable(alex), recordable(sam)]);
      // At the same moment: neither pane has seen the other's decision.
      await Promise.all([record(alex), record(sam)]);

      const decisions = rowsFor(message.internetMessageId).filter((r) => r.fields.Entry !== 'claim');
      expect(decisions.map((r) => [r.fields.Reader, r.fields.Disposition]).sort()).toEqual([
        [ALEX, 'escalate'],
        [SAM, 'escalate'],
      ]);
      const forwards = h.sandbox.store
        .forwards()
        .filter((f) => f.originalInternetMessageId === message.internetMessageId);
      expect(forwards).toHaveLength(1);

      // Opened again, the message says who triaged it first, and the read is a choice.
      await open(samPage, 'paul-compliant');
      const again = await open(samPage, 'casey-self-harm');
      await notice(again)
        .getByText(/^Already triaged by (Alex Handler|Sam Supervisor) at \d\d:\d\d: escalated\./)
        .waitFor();
      await notice(again)
        .getByRole('button', { name: /Read it again/ })
        .waitFor();
    },
    TWO_PANES_MS,
  );

  it(
    'files a read-but-not-respond message once when both record it, and logs both',
    async () => {
      const { message } = sample('casey-rbnr');
      const { alex, sam } = await bothOpen('casey-rbnr');
      await notice(sam)
        .getByText(/^Being read by Alex Handler since/)
        .waitFor();
      await answer(alex, ['No', 'No', 'No', 'No']);
      await answer(sam, ['No', 'No', 'No', 'No']);
      await Promise.all([recordable(alex), recordable(sam)]);
      h.sandbox.store.clearRequestLog();
      await Promise.all([record(alex), record(sam)]);

      const decisions = rowsFor(message.internetMessageId).filter((r) => r.fields.Entry !== 'claim');
      expect(decisions.map((r) => [r.fields.Reader, r.fields.Disposition]).sort()).toEqual([
        [ALEX, 'auto-file'],
        [SAM, 'auto-file'],
      ]);
      const moves = h.sandbox.store
        .requestLog()
        .filter((e) => e.method === 'POST' && /\/move$/.test(e.path) && e.status >= 200 && e.status < 300);
      expect(moves).toHaveLength(1);
      expect(stored(h.sandbox, message.internetMessageId, SHARED).folderName).toBe(
        'Contact strategy - read not respond',
      );
    },
    TWO_PANES_MS,
  );
});
