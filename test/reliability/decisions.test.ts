// Reliability: 5 panes record decisions at once against the Graph emulator while a fifth of the
// requests fail (429, 503, 504, connection dropped). Two of the panes share one mailbox and decide
// on the same messages. Each pane does what the real one does after "Record": the row goes into
// its own durable outbox, then the forward and the move run, each at most once across panes
// (src/outbox/mail-duty.ts), and a mail action that fails is tried again, as the handler would.
// Nothing may be lost or done twice: every decision is in the log exactly once, each message is
// forwarded or moved at most once, and exactly once when its plan says so.
//
// In the suite it makes 250 decisions, to stay well inside a CI minute on 2 shared cores; the
// issue's figure is 1,000: `RELIABILITY_DECISIONS=1000 npx jest test/reliability` (39 s on the
// 2-core machine: 3,816 HTTP requests and 2,307 $batch sub-requests, 1,097 injected faults, 55
// mail actions tried again; 1,000 rows, 301 forwards, 300 moves: nothing lost or repeated).
// RELIABILITY_FAULTS sets the fault share (default 0.2).
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { decisionKey, logKey } from '../../src/core/log';
import type { ContactLogRecord, DispositionKind } from '../../src/core/types';
import { createContactLog } from '../../src/graph/contact-log';
import { createMailActions } from '../../src/graph/mail';
import { CONTACT_LOG_LIST } from '../../src/graph/schema';
import { scopePlan } from '../../src/graph/scopes';
import { createSiteResolver } from '../../src/graph/site';
import { createOutbox, doMailDuty, type DutySteps, type Outbox } from '../../src/outbox';
import type { SeedMessage } from '../../emulator';
import { logRecord } from '../fixtures/strategies';
import { BASE_SEED, HANDLER, SHARED, SITE, SUPERVISOR, startHarness, type Harness } from '../graph/harness';
import { listsSeed } from '../graph/seed';

const DECISIONS = Number(process.env.RELIABILITY_DECISIONS ?? 250);
const FAULT_RATE = Number(process.env.RELIABILITY_FAULTS ?? 0.2);
const SENDER = 'paul.example@example.com';
const FOLDER = 'Contact strategy - read not respond';
const ESCALATION = 'opcc@force.example.police.uk';
const LISTS = scopePlan().lists;
const OWN = ['ali.one', 'bea.two', 'cal.three'].map((n) => `${n}@force.example.police.uk`);

/** What a decision does to the mail, by message: forward, move, or neither. */
const PLANS: ReadonlyArray<{ disposition: DispositionKind; forward: boolean; move: boolean }> = [
  { disposition: 'escalate', forward: true, move: false },
  { disposition: 'auto-file', forward: false, move: true },
  { disposition: 'handled-normally', forward: false, move: false },
];

interface Work {
  mailbox: string;
  restId: string;
  message: SeedMessage & { internetMessageId: string; receivedDateTime: string; subject: string };
  plan: (typeof PLANS)[number];
}

interface Pane {
  reader: string;
  /** The mailbox this pane's messages live in. */
  mailbox: string;
  work: Work[];
}

/** The injected faults: 5% each of 429, 503, 504 and a dropped connection, 20% in all. */
function armFaults(h: Harness): void {
  const kinds = ['429', '503', '504', 'drop'] as const;
  let left = 1;
  for (const kind of kinds) {
    // Each fault is rolled only when the ones before it missed: conditional rates, 5% absolute.
    const rate = FAULT_RATE / kinds.length / left;
    h.emu.faults.add({ kind, rate, ...(kind === '429' ? { retryAfter: 0 } : {}) });
    left -= FAULT_RATE / kinds.length;
  }
}

function message(mailbox: string, i: number): Work['message'] {
  return {
    internetMessageId: `<r${i}.${mailbox.split('@')[0]}@mail.example.com>`,
    receivedDateTime: new Date(Date.UTC(2025, 5, 1, 9) + i * 60_000).toISOString(),
    subject: `CO/${String(10000 + i)}/25 update ${i}`,
    from: { emailAddress: { name: 'Paul Example', address: SENDER } },
    toRecipients: [{ emailAddress: { name: 'PSD', address: mailbox } }],
    body: { contentType: 'text', content: 'Invented test message.' },
  };
}

/** Shared mailbox: each message decided by both of its panes. Own mailboxes: once each. */
function plan(h: Harness): { panes: Pane[]; expected: number } {
  const sharedMessages = Math.round(DECISIONS / 10);
  const perOwn = Math.floor((DECISIONS - 2 * sharedMessages) / OWN.length);
  const extra = DECISIONS - 2 * sharedMessages - perOwn * OWN.length;
  const deliver = (mailbox: string, count: number, from: number): Work[] =>
    Array.from({ length: count }, (_, k) => {
      const i = from + k;
      const m = message(mailbox, i);
      const { id } = h.emu.deliver(mailbox, m);
      return { mailbox, restId: id, message: m, plan: PLANS[i % PLANS.length]! };
    });
  const shared = deliver(SHARED, sharedMessages, 0);
  const panes: Pane[] = [
    { reader: HANDLER, mailbox: SHARED, work: shared },
    // The colleague goes through the same messages in another order, so some decisions meet
    // at once and some come after the other's.
    { reader: SUPERVISOR, mailbox: SHARED, work: [...shared].reverse() },
    ...OWN.map((reader, n) => ({
      reader,
      mailbox: reader,
      work: deliver(reader, perOwn + (n < extra ? 1 : 0), 10_000 * (n + 1)),
    })),
  ];
  return { panes, expected: panes.reduce((a, p) => a + p.work.length, 0) };
}

interface Tally {
  decisions: number;
  mailRetries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runPane(h: Harness, pane: Pane, n: number, tally: Tally): Promise<Outbox> {
  const client = h.client(pane.reader);
  const listPath = createSiteResolver(client, SITE, LISTS).listPath(CONTACT_LOG_LIST);
  const log = createContactLog({ client, listPath: () => listPath, scopes: LISTS });
  const shared = pane.mailbox === SHARED;
  const mail = createMailActions({
    client,
    ...(shared ? { mailboxUpn: SHARED } : {}),
    scopes: scopePlan({ sharedMailbox: shared }),
  });
  const outbox = await createOutbox({
    dbName: `reliability-${n}`,
    send: (record, how) => log.append(record, how),
    reader: pane.reader,
    backoff: { baseMs: 2, maxMs: 20 },
  });
  for (const [i, w] of pane.work.entries()) {
    const messageKey = logKey({ ...w.message, from: { address: SENDER } });
    const readAt = new Date(Date.UTC(2025, 5, 2, 9) + i * 1000).toISOString();
    const record: ContactLogRecord = logRecord({
      key: decisionKey(messageKey, pane.reader, readAt),
      messageKey,
      internetMessageId: w.message.internetMessageId,
      receivedDateTime: w.message.receivedDateTime,
      reader: pane.reader,
      readAt,
      disposition: w.plan.disposition,
      ...(w.plan.move ? { folder: FOLDER } : {}),
      ...(w.plan.forward ? { forwardedTo: ESCALATION } : {}),
    });
    await outbox.enqueue(record);
    tally.decisions++;
    const steps: DutySteps = { forward: false, move: false };
    const duty = {
      restId: w.restId,
      forwardTo: w.plan.forward ? ESCALATION : null,
      forwardComment: 'Escalated after the read. Sent from contact strategy triage.',
      moveTo: w.plan.move ? FOLDER : null,
    };
    // "Try the mail action again" until it is done; the log row is never written twice.
    for (let attempt = 1; ; attempt++) {
      try {
        await doMailDuty({ outbox, log, mail }, record, duty, steps);
        break;
      } catch (err) {
        if (attempt >= 40) throw err;
        tally.mailRetries++;
        await sleep(2);
      }
    }
  }
  // Everything still waiting goes before the pane is closed.
  for (let i = 0; i < 200 && outbox.state().pending > 0; i++) {
    await outbox.flush();
    if (outbox.state().pending > 0) await sleep(5);
  }
  return outbox;
}

jest.setTimeout(300_000);

describe(`${DECISIONS} decisions by 5 panes at ${FAULT_RATE * 100}% injected Graph faults`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      seed: listsSeed(
        {},
        {
          ...BASE_SEED,
          users: [...(BASE_SEED.users ?? []), ...OWN.map((upn) => ({ upn, displayName: upn }))],
          mailboxes: [...(BASE_SEED.mailboxes ?? []), ...OWN.map((upn) => ({ upn, displayName: upn }))],
        },
      ),
      randomSeed: 7,
    });
  });
  afterAll(() => h?.close());

  it('loses no decision and does nothing twice', async () => {
    const { panes, expected } = plan(h);
    expect(expected).toBe(DECISIONS);
    h.emu.store.clearRequestLog();
    armFaults(h);
    const tally: Tally = { decisions: 0, mailRetries: 0 };
    const t0 = performance.now();
    const outboxes = await Promise.all(panes.map((p, n) => runPane(h, p, n, tally)));
    const seconds = (performance.now() - t0) / 1000;
    h.emu.faults.clear();
    for (const o of outboxes) {
      expect(o.state()).toMatchObject({ pending: 0 });
      expect(o.state().refused).toBeUndefined();
      o.close();
    }

    // Every decision is in the log exactly once.
    const siteId = h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '';
    const rows = h.emu.store.listItems(siteId, CONTACT_LOG_LIST).filter((r) => r.fields.Entry !== 'claim');
    const byKey = new Map<string, number>();
    for (const r of rows) byKey.set(String(r.fields.Key), (byKey.get(String(r.fields.Key)) ?? 0) + 1);
    expect(rows).toHaveLength(DECISIONS);
    expect([...byKey.values()].filter((c) => c !== 1)).toEqual([]);
    expect(byKey.size).toBe(tally.decisions);

    // Each message forwarded, and moved, exactly once when its plan says so, never otherwise.
    const log = h.emu.store.requestLog();
    const forwards = new Map<string, number>();
    for (const f of h.emu.store.forwards())
      forwards.set(f.originalInternetMessageId, (forwards.get(f.originalInternetMessageId) ?? 0) + 1);
    const moves = log.filter(
      (e) => e.method === 'POST' && /\/move$/.test(e.path) && e.status >= 200 && e.status < 300,
    );
    const mailboxes = [SHARED, ...OWN];
    let checked = 0;
    for (const mailbox of mailboxes)
      for (const m of h.emu.store.messages(mailbox)) {
        const work = panes
          .flatMap((p) => p.work)
          .find((w) => w.message.internetMessageId === m.internetMessageId);
        if (!work) continue;
        checked++;
        expect([m.internetMessageId, forwards.get(m.internetMessageId) ?? 0]).toEqual([
          m.internetMessageId,
          work.plan.forward ? 1 : 0,
        ]);
        const movedTimes = moves.filter((e) => e.path.includes(encodeURIComponent(m.immutableId))).length;
        expect([m.internetMessageId, movedTimes]).toEqual([m.internetMessageId, work.plan.move ? 1 : 0]);
        if (work.plan.move) {
          const folder = h.emu.store
            .folders(mailbox)
            .find((f) => f.id === m.folder || f.displayName === m.folder);
          expect([m.internetMessageId, folder?.displayName]).toEqual([m.internetMessageId, FOLDER]);
        }
      }
    expect(checked).toBe(DECISIONS - Math.round(DECISIONS / 10));

    const http = log.filter((e) => e.kind === 'http');
    const faulted = log.filter((e) => e.fault !== undefined);
    // The figure for the closing note (printed, not asserted: speed belongs to the bench).
    process.stdout.write(
      `${JSON.stringify({
        decisions: DECISIONS,
        panes: panes.length,
        seconds: Number(seconds.toFixed(1)),
        httpRequests: http.length,
        batchSubRequests: log.filter((e) => e.kind === 'batch-item').length,
        faultsInjected: faulted.length,
        faultShare: Number((faulted.length / log.length).toFixed(3)),
        mailActionRetries: tally.mailRetries,
        logRows: rows.length,
        forwards: h.emu.store.forwards().length,
        moves: moves.length,
      })}\n`,
    );
  });
});
