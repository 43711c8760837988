// Two people on one computer never share an outbox: each person in each tenant has a database of
// their own, rows are sent only with their own reader's token, and the rows of the single shared
// database of earlier versions go to their reader when that reader next opens the pane.
import 'fake-indexeddb/auto';
import {
  createOutbox,
  createPersonalOutbox,
  legacyDbName,
  outboxDbName,
  type Outbox,
} from '../../src/outbox';
import type { ContactLogRecord } from '../../src/core/types';
import { logRecord } from '../fixtures/strategies';

const SAM = 'sam.supervisor@force.example.police.uk';
const HANA = 'hana.handler@force.example.police.uk';
const TENANT = 'force.sharepoint.example.com';

let run = 0;
const opened: Outbox[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

/** A sender that records who sent which row; `mode` keeps each test's databases apart. */
function sender() {
  const sent: Array<{ key: string; reader: string; neverSent: boolean }> = [];
  const send = async (r: ContactLogRecord, how: { neverSent: boolean }) => {
    sent.push({ key: r.key, reader: r.reader, neverSent: how.neverSent });
    return 'created' as const;
  };
  return { sent, send };
}

async function personal(mode: string, reader: string, send: ReturnType<typeof sender>['send']) {
  const outbox = await createPersonalOutbox({ mode, tenant: TENANT, reader }, { send });
  opened.push(outbox);
  await outbox.flush();
  return outbox;
}

describe('the outbox database name', () => {
  it('differs by person, by tenant and by mode, ignores case, and names nobody', () => {
    const base = { mode: 'production', tenant: TENANT, reader: SAM };
    const names = new Set([
      outboxDbName(base),
      outboxDbName({ ...base, reader: HANA }),
      outboxDbName({ ...base, tenant: 'other.sharepoint.example.com' }),
      outboxDbName({ ...base, mode: 'sandbox' }),
    ]);
    expect(names.size).toBe(4);
    expect(outboxDbName({ ...base, reader: SAM.toUpperCase() })).toBe(outboxDbName(base));
    for (const n of names) expect(n).not.toMatch(/sam|hana|force/i);
  });
});

describe('two people on one computer', () => {
  it('never sends another person’s unsent row, and tells the next person it is there', async () => {
    const mode = `t${++run}`;
    const offline = async (): Promise<never> => {
      throw new TypeError('Failed to fetch');
    };
    // Hana decides offline and closes the pane: her row stays on this computer.
    const hana = await createPersonalOutbox({ mode, tenant: TENANT, reader: HANA }, { send: offline });
    await hana.enqueue(logRecord({ reader: HANA }));
    await hana.flush();
    hana.close();

    const s = sender();
    const sam = await personal(mode, SAM, s.send);
    await sam.enqueue(logRecord({ reader: SAM }));
    await sam.flush();
    expect(s.sent.map((x) => x.reader)).toEqual([SAM]);
    expect(sam.state()).toMatchObject({ pending: 0, othersWaiting: 1 });
    sam.close();

    // Hana signs in again: her row goes, with her token.
    const h = sender();
    const back = await personal(mode, HANA, h.send);
    expect(h.sent.map((x) => x.reader)).toEqual([HANA]);
    expect(back.state().othersWaiting).toBeUndefined();
  });

  it('moves each person’s rows out of the old shared database when they next sign in, looked up before sending', async () => {
    const mode = `t${++run}`;
    const never = () => new Promise<never>(() => undefined);
    const shared = await createOutbox({ dbName: legacyDbName(mode), send: never, reader: '' });
    const samRow = logRecord({ reader: SAM });
    const hanaRow = logRecord({ reader: HANA });
    await shared.enqueue(samRow);
    await shared.enqueue(hanaRow);
    shared.close();

    const s = sender();
    const sam = await personal(mode, SAM, s.send);
    // Sam's row, which may have reached the log before, is looked up before it is created.
    expect(s.sent).toEqual([{ key: samRow.key, reader: SAM, neverSent: false }]);
    expect(sam.state()).toMatchObject({ pending: 0, othersWaiting: 1 });
    sam.close();

    const h = sender();
    await personal(mode, HANA, h.send);
    expect(h.sent.map((x) => x.key)).toEqual([hanaRow.key]);
  });
});
