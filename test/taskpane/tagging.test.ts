// Tagging after a decision never holds up the forward, the move or the log, and an item in a
// shared mailbox is tagged through Graph on the owning mailbox: Outlook refuses categories.addAsync
// there for any name missing from the owner's master list, which a delegate cannot add to.
import type { CurrentMessage } from '../../src/office/types';
import { TriageController } from '../../src/taskpane/state/controller';
import type { ShownItem } from '../../src/taskpane/state/types';
import { OfficeCallError } from '../../src/office/outlook';
import {
  FakeContactLog,
  FakeHost,
  FakeMail,
  FakeOutbox,
  FakeSettings,
  FakeStrategies,
  NOW,
  SETTINGS,
  message,
  settle,
  strategy,
} from './fakes';

const PSD = 'psd@force.example.police.uk';
const rbnr = () => strategy({ spoc: undefined, responsePolicy: 'read-not-respond' });
const invalidCategory = () =>
  new OfficeCallError('Adding categories', 9031, 'InvalidCategory', 'not in the master list');

class TaggingMail extends FakeMail {
  failCategories: Error | null = null;
  constructor(readonly mailbox: string) {
    super();
  }
  override async addCategories(restId: string, names: readonly string[]) {
    if (this.failCategories) {
      this.calls.push(['categories-refused', restId, [...names]]);
      throw this.failCategories;
    }
    await super.addCategories(restId, names);
  }
}

function pane(first: CurrentMessage) {
  const host = new FakeHost(first);
  // What Outlook does for a category missing from the master list of the item's mailbox.
  host.failCategories = invalidCategory();
  const own = new TaggingMail('me');
  const shared = new TaggingMail(PSD);
  const contactLog = new FakeContactLog();
  const outbox = new FakeOutbox([], contactLog);
  const controller = new TriageController(
    {
      host,
      strategies: new FakeStrategies([rbnr()]),
      contactLog,
      settings: new FakeSettings(),
      mail: own,
      mailFor: (owner) => (owner === PSD ? shared : own),
      outbox,
    },
    { now: () => NOW, setInterval: () => 0, clearInterval: () => undefined, warmUp: () => undefined },
  );
  return { host, own, shared, outbox, controller };
}

function shown(controller: TriageController): ShownItem {
  const s = controller.getState();
  if (s.phase !== 'ready' || s.item.kind !== 'shown') throw new Error('no item shown');
  return s.item;
}

async function recordAllNo(controller: TriageController): Promise<void> {
  await controller.start();
  await settle();
  for (const q of [
    'newComplaintOrAllegation',
    'criminalMatter',
    'safeguardingOrRisk',
    'otherAction',
  ] as const)
    controller.answer(q, false);
  await controller.record();
  await settle();
}

test('an item in a shared mailbox is tagged through Graph on that mailbox, then filed', async () => {
  const p = pane(message({ mailboxOwner: PSD }));
  await recordAllNo(p.controller);
  expect(p.host.categories).toEqual([]); // Office.js was not asked: Outlook would refuse it
  expect(p.shared.calls).toEqual([
    ['categories', 'rest-<m1@example.com>', [SETTINGS.categories.rbnrFiled]],
    ['move', 'rest-<m1@example.com>', 'RBNR'],
  ]);
  expect(p.own.calls.filter((c) => c[0] !== 'ensureMasterCategories')).toEqual([]);
  expect(shown(p.controller).record).toMatchObject({ kind: 'recorded', mail: 'done' });
});

test('when Outlook refuses the tag on the own mailbox, Graph keeps it', async () => {
  const p = pane(message());
  await recordAllNo(p.controller);
  expect(p.own.calls.filter((c) => c[0] === 'categories')).toEqual([
    ['categories', 'rest-<m1@example.com>', [SETTINGS.categories.rbnrFiled]],
  ]);
  expect(shown(p.controller).record).toMatchObject({ kind: 'recorded', mail: 'done' });
});

test('a tag that fails everywhere never stops the log row or the move, and is retried alone', async () => {
  const p = pane(message({ mailboxOwner: PSD }));
  p.shared.failCategories = Object.assign(new Error('busy'), { status: 503 });
  await recordAllNo(p.controller);
  expect(p.outbox.records).toHaveLength(1);
  expect(p.shared.calls.filter((c) => c[0] === 'move')).toHaveLength(1);
  const record = shown(p.controller).record;
  expect(record).toMatchObject({
    kind: 'recorded',
    mail: 'failed',
    steps: { move: true, categories: false },
  });
  expect(record.kind === 'recorded' && record.mailError).toBe(
    'Your decision is saved and the message filed to "RBNR", but tagging the message did not work: SharePoint or Exchange is busy. Trying again only tags it.',
  );

  p.shared.failCategories = null;
  await p.controller.retryMail();
  expect(shown(p.controller).record).toMatchObject({ kind: 'recorded', mail: 'done' });
  expect(p.shared.calls.filter((c) => c[0] === 'move')).toHaveLength(1); // not moved twice
  expect(p.shared.calls.filter((c) => c[0] === 'categories')).toHaveLength(1);
  expect(p.outbox.records).toHaveLength(1);
});

test("a supervisor's tag on a shared item goes through Graph on that mailbox, not Outlook", async () => {
  const p = pane(message({ mailboxOwner: PSD }));
  await p.controller.start();
  await settle();
  await p.controller.supervisor.tag('breachConfirmed');
  expect(p.host.categories).toEqual([]);
  expect(p.shared.calls).toContainEqual([
    'categories',
    expect.any(String),
    [SETTINGS.categories.breachConfirmed],
  ]);
  expect(p.own.calls.filter((c) => c[0] === 'categories')).toEqual([]);
});

test("a supervisor's tag on their own item falls back to Graph when Outlook refuses the name", async () => {
  const p = pane(message({ mailboxOwner: undefined }));
  await p.controller.start();
  await settle();
  await p.controller.supervisor.tag('reviewNeeded');
  expect(p.own.calls).toContainEqual(['categories', expect.any(String), [SETTINGS.categories.reviewNeeded]]);
  const s = p.controller.getState();
  expect(s.phase === 'ready' && s.announcement).toMatch(/Tagged/);
});
