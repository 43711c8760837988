// Graph requests per decision: the pane's own recording (TriageController with the real contact
// log, mail actions and IndexedDB outbox, against the emulator), counted at the fetch from the
// click on Record until the log row is confirmed and the mail is done. The message was opened and
// read first, so requests made on open (history, who has the message) are not counted. Each
// disposition in the handler's own mailbox (tagged through Office.js) and in a shared one (tagged
// through Graph on the owner's mailbox); read-but-not-respond the first time in a mailbox (the
// folder is looked up, and made) and once the folder is known. The look-ups the pane makes
// while the handler is still reading (src/taskpane/state/mail-warmup.ts) are not counted: they
// are over before Record, like the history read.
import 'fake-indexeddb/auto';
import type { Strategy } from '../src/core/types';
import { createContactLog } from '../src/graph/contact-log';
import { createMailActions } from '../src/graph/mail';
import { CONTACT_LOG_LIST } from '../src/graph/schema';
import { scopePlan } from '../src/graph/scopes';
import { createSiteResolver } from '../src/graph/site';
import type { CurrentMessage } from '../src/office/types';
import { createOutbox } from '../src/outbox';
import { TriageController } from '../src/taskpane/state/controller';
import type { ReadQuestion } from '../src/core/types';
import { HANDLER, SHARED, SITE, SUPERVISOR, startHarness } from '../test/graph/harness';
import { listsSeed } from '../test/graph/seed';
import { FakeHost, FakeSettings, FakeStrategies, SETTINGS, message, strategy } from '../test/taskpane/fakes';

const LISTS = scopePlan().lists;
const QUESTIONS: readonly ReadQuestion[] = [
  'newComplaintOrAllegation',
  'criminalMatter',
  'safeguardingOrRisk',
  'otherAction',
];

/** The issue's count before this work, where it gave one (#12: own mailbox). */
const ISSUE_BASELINE: Record<string, number | string> = {
  viaAdvocate: 3,
  readNotRespondFirst: 5,
  readNotRespondFolderKnown: 3,
};

/**
 * This bench's own count before the levers (commit 2cf1d56): every request after Record, with the
 * immutable id, the folder and the "who acts first" read all on the decision's path.
 */
const BEFORE: Record<string, { ownMailbox: number; sharedMailbox: number }> = {
  handledNormally: { ownMailbox: 1, sharedMailbox: 4 },
  breach: { ownMailbox: 1, sharedMailbox: 4 },
  escalateAndForward: { ownMailbox: 4, sharedMailbox: 6 },
  viaAdvocate: { ownMailbox: 1, sharedMailbox: 4 },
  readNotRespondFirst: { ownMailbox: 6, sharedMailbox: 8 },
  readNotRespondFolderKnown: { ownMailbox: 4, sharedMailbox: 6 },
};

interface Case {
  name: string;
  from: string;
  to: string;
  yes?: ReadQuestion[];
}

const PAUL = 'paul.example@example.com';
const ADVOCATE = 'ada.advocate@example.org';
const DESIGNATED = 'contact.strategy@force.example.police.uk';

const CASES: Case[] = [
  { name: 'handledNormally', from: PAUL, to: DESIGNATED },
  { name: 'breach', from: PAUL, to: 'someone.else@force.example.police.uk' },
  { name: 'escalateAndForward', from: PAUL, to: DESIGNATED, yes: ['safeguardingOrRisk'] },
  { name: 'viaAdvocate', from: ADVOCATE, to: DESIGNATED },
  { name: 'readNotRespondFirst', from: 'casey.quinn@example.com', to: DESIGNATED },
  { name: 'readNotRespondFolderKnown', from: 'casey.quinn@example.com', to: DESIGNATED },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function decisionRequests(): Promise<Record<string, unknown>> {
  const h = await startHarness({ seed: listsSeed({}) });
  try {
    const client = h.client(HANDLER);
    const listPath = createSiteResolver(client, SITE, LISTS).listPath(CONTACT_LOG_LIST);
    const contactLog = createContactLog({ client, listPath: () => listPath, scopes: LISTS });
    const own = createMailActions({ client, scopes: scopePlan() });
    const shared = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const outbox = await createOutbox({
      dbName: 'bench-decision-requests',
      send: (r, how) => contactLog.append(r, how),
      reader: HANDLER,
    });
    const strategies: Strategy[] = [
      strategy({
        advocate: { name: 'Ada Advocate', addresses: [ADVOCATE], required: false },
      }),
      strategy({
        id: 'CS-0050',
        personName: 'Casey Quinn',
        emailAddresses: ['casey.quinn@example.com'],
        responsePolicy: 'read-not-respond',
        spoc: undefined,
      }),
    ];
    const host = new FakeHost(null, { displayName: 'Hana Handler', emailAddress: HANDLER });
    // Outlook reads the item's own categories from its mailbox (Office.js, no Graph request).
    host.getCategories = async () => {
      const item = host.current;
      const owner = item?.mailboxOwner ?? HANDLER;
      return h.emu.store.messages(owner).find((m) => m.id === item?.restId)?.categories ?? [];
    };
    const controller = new TriageController(
      {
        host,
        strategies: new FakeStrategies(strategies),
        contactLog,
        settings: new FakeSettings({ ...SETTINGS, escalationMailbox: SUPERVISOR }),
        mail: own,
        mailFor: () => shared,
        outbox,
      },
      { setInterval: () => 0, clearInterval: () => undefined, warmUp: () => undefined },
    );
    await listPath;
    const siteId = h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '';
    const claims = () =>
      h.emu.store.listItems(siteId, CONTACT_LOG_LIST).filter((r) => r.fields.Entry === 'claim').length;
    await controller.start();
    /** Until no request has been made for 200 ms. */
    const quiet = async () => {
      for (let last = -1; last !== client.counter.requests;) {
        last = client.counter.requests;
        await sleep(200);
      }
    };
    const table: Record<string, Record<string, unknown>> = {};
    let n = 0;
    for (const mailbox of [HANDLER, SHARED]) {
      const where = mailbox === SHARED ? 'sharedMailbox' : 'ownMailbox';
      for (const c of CASES) {
        n++;
        const internetMessageId = `<bench${n}@mail.example.com>`;
        const receivedDateTime = new Date(Date.UTC(2025, 2, 4, 9, n)).toISOString();
        const subject = `Re: CO/01234/24 (${n})`;
        const { id } = h.emu.deliver(mailbox, {
          internetMessageId,
          receivedDateTime,
          subject,
          from: { emailAddress: { address: c.from } },
          toRecipients: [{ emailAddress: { address: c.to } }],
          body: { contentType: 'text', content: 'Please tell me when my complaint will be finished.' },
        });
        const msg: CurrentMessage = message({
          internetMessageId,
          receivedDateTime,
          subject,
          from: { name: '', address: c.from },
          to: [{ name: '', address: c.to }],
          itemId: `ews-${n}`,
          restId: id,
          ...(mailbox === SHARED ? { mailboxOwner: SHARED } : {}),
        });
        host.select(msg);
        // Opened and read: history and "who has it" are in before Record is pressed.
        for (let i = 0; i < 500; i++) {
          const s = controller.getState();
          if (
            s.phase === 'ready' &&
            s.item.kind === 'shown' &&
            s.item.message.internetMessageId === internetMessageId &&
            s.item.history.kind !== 'checking' &&
            s.item.triage.kind !== 'checking'
          )
            break;
          await sleep(5);
        }
        for (const q of QUESTIONS) controller.answer(q, (c.yes ?? []).includes(q));
        // The claim the first answer writes is part of the read, not the decision: wait for it.
        for (let i = 0; i < 500 && claims() < n; i++) await sleep(5);
        // Start-up work (master categories) and the read's own requests are over before Record.
        await quiet();
        const before = client.counter.requests;
        await controller.record();
        let state = controller.getState();
        for (let i = 0; i < 1000; i++) {
          state = controller.getState();
          const rec = state.phase === 'ready' && state.item.kind === 'shown' ? state.item.record : null;
          if (rec?.kind === 'recorded' && rec.mail !== 'working' && outbox.state().pending === 0) break;
          await sleep(5);
        }
        const rec = state.phase === 'ready' && state.item.kind === 'shown' ? state.item.record : null;
        table[c.name] ??= {};
        table[c.name]![where] = {
          requests: client.counter.requests - before,
          disposition: rec?.kind === 'recorded' ? rec.disposition.kind : rec?.kind,
          mail: rec?.kind === 'recorded' ? rec.mail : undefined,
        };
      }
    }
    for (const [name, row] of Object.entries(table)) {
      row.target = 2;
      if (BEFORE[name]) row.before = BEFORE[name];
      if (ISSUE_BASELINE[name] !== undefined) row.issueBaselineOwnMailbox = ISSUE_BASELINE[name];
    }
    outbox.close();
    return table;
  } finally {
    await h.close();
  }
}
