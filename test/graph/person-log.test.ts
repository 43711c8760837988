// The subject access export's read of the contact log against the emulator: every decision about a
// person (a message's first decision and a colleague's second, rows under each of their strategies,
// from each of their addresses), none of anyone else's, paged to the end, and on a list above the
// 5,000-item view threshold still one indexed column per query (the emulator refuses more).
import { buildOverrideRecord } from '../../src/core/log';
import { SENT_PAST_WARNING, subjectAccessTable, toCsv } from '../../src/core/register/exports';
import { personOf } from '../../src/core/register/person';
import { newStrategy } from '../../src/core/strategy';
import type { ContactLogRecord } from '../../src/core/types';
import type { GraphClient } from '../../src/graph/client';
import { createContactLog } from '../../src/graph/contact-log';
import { CONTACT_LOG_LIST } from '../../src/graph/schema';
import { scopePlan } from '../../src/graph/scopes';
import { createSiteResolver } from '../../src/graph/site';
import { graphOverrideLog } from '../../src/send-guard/override-log';
import { logRecord } from '../fixtures/strategies';
import { HANDLER, SITE, startHarness, type Harness } from './harness';
import { listsSeed } from './seed';

const LISTS = scopePlan().lists;
let h: Harness;
let client: GraphClient;
let logPath: string;

beforeAll(async () => {
  // Pages of 50: a person with more rows than that is read over several pages.
  h = await startHarness({ seed: listsSeed(), pageCap: 50 });
  client = h.client(HANDLER);
  logPath = await createSiteResolver(client, SITE, LISTS).listPath(CONTACT_LOG_LIST);
});

afterAll(() => h.close());

const log = () => createContactLog({ client, listPath: async () => logPath, scopes: LISTS, pageSize: 50 });

const ANN = 'ann.advocate@advocacy.example.org';
const paul = newStrategy({
  id: 'CS-0101',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  advocate: { name: 'Ann Advocate', addresses: [ANN], required: false },
});
// Paul's second matter: his first address and a second one.
const paulAgain = newStrategy({
  id: 'CS-0102',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com', 'p.example@example.org'],
  status: 'active',
});
// Ann acts for Rita too.
const rita = newStrategy({
  id: 'CS-0200',
  personName: 'Rita Sample',
  emailAddresses: ['rita.sample@example.org'],
  status: 'active',
  advocate: { name: 'Ann Advocate', addresses: [ANN], required: false },
});
const person = personOf(paul, [paul, paulAgain, rita]);

/** The $filter of every list query the emulator was sent, $batch sub-requests included. */
function filters(): string[] {
  return h.emu.store
    .requestLog()
    .map((e) => decodeURIComponent(e.path))
    .flatMap((u) => /\$filter=([^&]*)/.exec(u)?.[1] ?? []);
}

describe("a person's whole log (subject access)", () => {
  const message = { messageKey: 'm-paul-1', internetMessageId: '<paul-1@example.com>' };
  const first = logRecord({ ...message, strategyIds: ['CS-0101'], readAt: '2025-03-04T11:00:00Z' });
  const second = logRecord({
    ...message,
    strategyIds: ['CS-0101'],
    entry: 'second-read',
    reader: 'sam.supervisor@force.example.police.uk',
    readAt: '2025-03-04T12:00:00Z',
  });
  // Under the second strategy only, from the second address: no query on CS-0101 finds it.
  const underSecond = logRecord({
    strategyIds: ['CS-0102'],
    sender: 'p.example@example.org',
    receivedDateTime: '2025-01-10T09:00:00Z',
  });
  // Ann wrote about Rita and Paul: Rita's strategy matched first.
  const viaAnn = logRecord({ strategyIds: ['CS-0200', 'CS-0101'], sender: ANN });
  const annForRita = logRecord({
    strategyIds: ['CS-0200'],
    sender: ANN,
    internetMessageId: '<ann-rita@x.example>',
  });
  const ritas = logRecord({
    strategyIds: ['CS-0200'],
    sender: 'rita.sample@example.org',
    internetMessageId: '<rita@x.example>',
  });

  beforeAll(async () => {
    await h.emu.reset(listsSeed({ log: [first, second, underSecond, viaAnn, annForRita, ritas] }));
    const l = log();
    await l.claim({
      key: 'c-1',
      messageKey: message.messageKey,
      reader: HANDLER,
      at: '2025-03-04T10:59:00Z',
    });
  });

  it('holds both decisions on one message, the rows of their second strategy and via their advocate', async () => {
    const l = log();
    const { records, unreadable } = await l.forPerson(person);
    expect(records.map((r) => r.key)).toEqual([underSecond.key, first.key, second.key, viaAnn.key]);
    expect(unreadable).toEqual([]);
    // The review pack's query keeps only the message's latest decision: not enough for this.
    const pack = await l.forStrategy('CS-0101', '1970-01-01T00:00:00Z');
    expect(pack.filter((r) => r.messageKey === message.messageKey).map((r) => r.key)).toEqual([second.key]);
  });

  it('holds the mail the force sent them past a send-guard warning, and not mail sent to others', async () => {
    const staff = 'alex.handler@force.example.police.uk';
    const sent = (minute: number, recipients: string[], strategyIds: string[], personNames: string[]) =>
      buildOverrideRecord({
        sender: staff,
        alertedAt: new Date(Date.UTC(2025, 2, 5, 9, minute)),
        sentAt: new Date(Date.UTC(2025, 2, 5, 9, minute + 1)),
        recipients,
        strategyIds,
        personNames,
      });
    // To Paul's second address, naming his second strategy; and one to Rita alone.
    const toPaul = sent(0, ['p.example@example.org'], ['CS-0102'], ['Paul Example']);
    const toRita = sent(10, ['rita.sample@example.org'], ['CS-0200'], ['Rita Sample']);
    const writer = graphOverrideLog({
      client,
      contactLogPath: async () => logPath,
      listScopes: LISTS,
      mailScopes: scopePlan().mail,
    });
    await writer.write(toPaul);
    await writer.write(toRita);
    const { records, overrides } = await log().forPerson(person);
    expect(overrides.map((o) => o.key)).toEqual([toPaul.key]);
    // The decisions are unchanged by the override rows beside them.
    expect(records.map((r) => r.key)).toEqual([underSecond.key, first.key, second.key, viaAnn.key]);
    const csv = toCsv(subjectAccessTable(person, records, overrides));
    const line = csv.split('\r\n').find((l) => l.includes(SENT_PAST_WARNING)) ?? '';
    expect(line).toContain(staff);
    expect(line).toContain('p.example@example.org');
    expect(csv).not.toContain('rita.sample@example.org');
  });

  it("never holds another person's rows, even from the advocate they share", async () => {
    const { records } = await log().forPerson(person);
    const csv = toCsv(subjectAccessTable(person, records));
    expect(csv).not.toContain('rita.sample@example.org');
    expect(csv).not.toContain(annForRita.internetMessageId);
    expect(csv).toContain(viaAnn.internetMessageId);
    const forRita = await log().forPerson(personOf(rita, [paul, paulAgain, rita]));
    expect(forRita.records.map((r) => r.key).sort()).toEqual([viaAnn.key, annForRita.key, ritas.key].sort());
  });
});

describe("a person's row the log cannot read", () => {
  it('is named, never silently left out, and does not hide the rest', async () => {
    const good = logRecord({ strategyIds: ['CS-0101'] });
    const bad = logRecord({ strategyIds: ['CS-0101'], flagCodes: ['NOT_A_FLAG' as never] });
    await h.emu.reset(listsSeed({ log: [good, bad] }));
    const { records, unreadable } = await log().forPerson(person);
    expect(records.map((r) => r.key)).toEqual([good.key]);
    expect(unreadable).toEqual([
      { itemId: expect.any(String), message: expect.stringMatching(/FlagCodes.*NOT_A_FLAG/) },
    ]);
  });
});

describe("a person's whole log on a list above the view threshold", () => {
  it('reads every page of every query, each query filtering on one indexed column', async () => {
    const others: ContactLogRecord[] = Array.from({ length: 5_200 }, (_, i) =>
      logRecord({ sender: `other${i % 300}@example.net`, strategyIds: [`CS-9${i % 300}`] }),
    );
    // 70 of Paul's under his first strategy, 60 under his second: more than a page of each.
    const paulsRows = [
      ...Array.from({ length: 70 }, () => logRecord({ strategyIds: ['CS-0101'] })),
      ...Array.from({ length: 60 }, () =>
        logRecord({ strategyIds: ['CS-0102'], sender: 'p.example@example.org' }),
      ),
    ];
    await h.emu.reset(listsSeed({ log: [...others, ...paulsRows] }));
    h.emu.store.clearRequestLog();
    const { records } = await log().forPerson(person);
    expect(records.map((r) => r.key).sort()).toEqual(paulsRows.map((r) => r.key).sort());
    const sent = filters();
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const f of sent) expect(f).toMatch(/^fields\/(StrategyId|Sender|Entry) eq '[^']*'$/);
  }, 60_000);
});
