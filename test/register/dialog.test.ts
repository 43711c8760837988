// The register dialog's pure parts: sorting and filtering the rows, the messages between pane and
// dialog (strings, refused when malformed), and the pane's side of the conversation with a fake
// Office dialog: rows on "ready", a pack and a person's log on request, errors as sentences.
import { registerRows } from '../../src/core/register/register';
import { newStrategy } from '../../src/core/strategy';
import { reviewPack } from '../../src/core/supervisor';
import type { AsyncCallback, DialogEventArg, DialogLike, DialogUi } from '../../src/office/office-api';
import { createAsker } from '../../src/register/dialog/ask';
import { openRegister, type RegisterEvent, type RegisterSource } from '../../src/register/dialog/open';
import { filterRows, sortRows } from '../../src/register/dialog/order';
import { readFromDialog, readToDialog, type ToDialog } from '../../src/register/dialog/protocol';
import { subjectAccessTable } from '../../src/core/register/exports';
import { personOf } from '../../src/core/register/person';
import { logRecord } from '../fixtures/strategies';

const TODAY = '2026-12-05';
const config = { reviewMaxDays: 92, spocRotationMonths: 12 };
const paul = newStrategy({
  id: 'CS-0042',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  spoc: { name: 'Sam Handler', address: 'sam.handler@force.example.police.uk', since: '2025-06-01' },
  lastReviewedDate: '2026-10-01',
  nextReviewDate: '2027-01-01',
});
const rita = newStrategy({
  id: 'CS-0051',
  personName: 'Rita Sample',
  emailAddresses: ['rita.sample@example.org'],
  status: 'active',
  lastReviewedDate: '2026-09-01',
  nextReviewDate: '2026-11-01',
});
const ann = newStrategy({
  id: 'CS-0060',
  personName: 'ann Other',
  emailAddresses: ['ann.other@example.net'],
  status: 'draft',
});
const log = [
  logRecord({ strategyIds: ['CS-0042'], receivedDateTime: '2026-11-02T10:00:00Z' }),
  logRecord({ strategyIds: ['CS-0042'], receivedDateTime: '2026-11-03T10:00:00Z' }),
  logRecord({
    strategyIds: ['CS-0051'],
    receivedDateTime: '2026-11-04T10:00:00Z',
    sender: 'rita.sample@example.org',
  }),
];
const rows = registerRows([paul, rita, ann], log, config, TODAY);
const names = (r: { personName: string }[]) => r.map((x) => x.personName);

describe('sorting and filtering the register', () => {
  it('sorts by name ignoring case, and by a date with the rows that have none last either way round', () => {
    expect(names(sortRows(rows, { key: 'person', direction: 'ascending' }))).toEqual([
      'ann Other',
      'Paul Example',
      'Rita Sample',
    ]);
    // Ties (here the two without a SPOC) fall back to the reference.
    expect(names(sortRows(rows, { key: 'spocRotation', direction: 'ascending' }))).toEqual([
      'Paul Example',
      'Rita Sample',
      'ann Other',
    ]);
    expect(names(sortRows(rows, { key: 'spocRotation', direction: 'descending' }))[0]).toBe('Paul Example');
    expect(names(sortRows(rows, { key: 'review', direction: 'ascending' }))).toEqual([
      'Rita Sample',
      'Paul Example',
      'ann Other',
    ]);
    expect(names(sortRows(rows, { key: 'contacts', direction: 'descending' }))).toEqual([
      'Paul Example',
      'Rita Sample',
      'ann Other',
    ]);
  });

  it('filters by every word typed, in the name, reference, SPOC or kind', () => {
    // "Sam" is Paul's SPOC and the start of Rita's surname.
    expect(names(filterRows(rows, 'sam'))).toEqual(['Paul Example', 'Rita Sample']);
    expect(names(filterRows(rows, 'SAM handler'))).toEqual(['Paul Example']);
    expect(names(filterRows(rows, 'cs-0051'))).toEqual(['Rita Sample']);
    expect(names(filterRows(rows, '  '))).toHaveLength(3);
    expect(filterRows(rows, 'nobody')).toEqual([]);
  });
});

describe('the messages between pane and dialog', () => {
  it('reads what each side sends and refuses anything else', () => {
    expect(readFromDialog('{"type":"cst-register","kind":"ready"}')).toEqual({
      type: 'cst-register',
      kind: 'ready',
    });
    expect(
      readFromDialog(
        JSON.stringify({ type: 'cst-register', kind: 'ask', request: { kind: 'pack', id: 'CS-0042' } }),
      ),
    ).toEqual({ type: 'cst-register', kind: 'ask', request: { kind: 'pack', id: 'CS-0042' } });
    for (const bad of [
      '',
      'ready',
      '{"kind":"ready"}',
      '{"type":"cst-register","kind":"ask","request":{"kind":"all"}}',
    ])
      expect(readFromDialog(bad)).toBeNull();

    const sent: ToDialog = { type: 'cst-register', kind: 'rows', rows };
    expect(readToDialog(JSON.stringify(sent))).toEqual(sent);
    expect(readToDialog(JSON.stringify({ ...sent, rows: [{ id: 'CS-1' }] }))).toBeNull();
    const table = { headers: ['A'], rows: [['1', 2]] };
    expect(
      readToDialog(
        JSON.stringify({
          type: 'cst-register',
          kind: 'person-log',
          id: 'x',
          export: { personName: 'P', strategyIds: ['x'], table, unreadable: [] },
        }),
      ),
    ).toBeNull();
  });

  it('settles a request with the answer for the same strategy, and a refusal as an error', async () => {
    const out: string[] = [];
    const asker = createAsker((t) => out.push(t));
    const pack = asker.pack('CS-0042');
    const person = asker.personLog('CS-0051');
    expect(out.map((t) => readFromDialog(t))).toEqual([
      { type: 'cst-register', kind: 'ask', request: { kind: 'pack', id: 'CS-0042' } },
      { type: 'cst-register', kind: 'ask', request: { kind: 'person-log', id: 'CS-0051' } },
    ]);
    // An answer for another strategy settles nothing.
    expect(
      asker.receive({
        type: 'cst-register',
        kind: 'refused',
        request: { kind: 'pack', id: 'CS-0051' },
        message: 'no',
      }),
    ).toBe(false);
    const p = reviewPack(paul, log);
    expect(
      asker.receive({
        type: 'cst-register',
        kind: 'pack',
        id: 'CS-0042',
        pack: p,
        table: { headers: [], rows: [] },
      }),
    ).toBe(true);
    await expect(pack).resolves.toMatchObject({ pack: { strategyId: 'CS-0042', contacts: 2 } });
    asker.receive({
      type: 'cst-register',
      kind: 'refused',
      request: { kind: 'person-log', id: 'CS-0051' },
      message: 'The contact log could not be read (offline).',
    });
    await expect(person).rejects.toThrow('The contact log could not be read (offline).');
  });
});

/** A fake Office.context.ui whose dialog records what the pane sends it. */
function fakeUi(fail?: number) {
  const handlers = new Map<string, (arg: DialogEventArg) => void>();
  const sent: ToDialog[] = [];
  const ui: DialogUi = {
    displayDialogAsync(_url: string, _options: unknown, cb: AsyncCallback<DialogLike>) {
      const dialog: DialogLike = {
        addEventHandler: (type, h) => handlers.set(type, h),
        close: () => undefined,
        messageChild: (m) => {
          const read = readToDialog(m);
          if (!read) throw new Error(`unreadable: ${m}`);
          sent.push(read);
        },
      };
      setTimeout(() =>
        cb(
          fail
            ? { status: 'failed', value: dialog, error: { code: fail, name: 'x', message: 'x' } }
            : { status: 'succeeded', value: dialog },
        ),
      );
    },
    messageParent: () => undefined,
  };
  const fromDialog = (message: unknown, origin = 'https://addin.example.org') =>
    handlers.get('dialogMessageReceived')?.({ message: JSON.stringify(message), origin });
  const event = (error: number) => handlers.get('dialogEventReceived')?.({ error });
  const closeByUser = () => event(12006);
  return { ui, sent, fromDialog, closeByUser, event };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function source(overrides: Partial<RegisterSource> = {}): RegisterSource {
  return {
    rows: async () => rows,
    pack: async () => reviewPack(rita, log),
    personLog: async () => ({
      personName: 'Rita Sample',
      strategyIds: ['CS-0051'],
      table: subjectAccessTable(personOf(rita, [rita]), log),
      unreadable: ['Contact log row 7: FlagCodes: unknown code "X"'],
    }),
    ...overrides,
  };
}

const options = (ui: DialogUi, src: RegisterSource) => ({
  ui,
  eventTypes: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  url: 'https://addin.example.org/register.html',
  source: src,
  describe: (err: unknown) => (err instanceof Error ? err.message : String(err)),
});

describe('the pane opening the register', () => {
  it('sends the rows when the page is ready, and a pack and a person’s log when asked', async () => {
    const f = fakeUi();
    await openRegister(options(f.ui, source()));
    f.fromDialog({ type: 'cst-register', kind: 'ready' }, 'https://elsewhere.example.com');
    await settle();
    expect(f.sent).toEqual([]);
    f.fromDialog({ type: 'cst-register', kind: 'ready' });
    f.fromDialog({ type: 'cst-register', kind: 'ask', request: { kind: 'pack', id: 'CS-0051' } });
    f.fromDialog({ type: 'cst-register', kind: 'ask', request: { kind: 'person-log', id: 'CS-0051' } });
    await settle();
    expect(f.sent.map((m) => m.kind)).toEqual(['rows', 'pack', 'person-log']);
    // What it covers and what could not be read go with the person's table.
    expect(f.sent[2]).toMatchObject({
      export: { strategyIds: ['CS-0051'], unreadable: ['Contact log row 7: FlagCodes: unknown code "X"'] },
    });
    const pack = f.sent[1];
    if (pack?.kind !== 'pack') throw new Error('no pack');
    expect(pack.table.rows).toHaveLength(1);
    expect(pack.table.headers).not.toContain('Fingerprint');
    expect(JSON.stringify(f.sent[2])).not.toContain(log[2]?.fingerprint.sig ?? 'no sig');
  });

  it('tells the dialog, in words, when the log cannot be read, and sends nothing once it is closed', async () => {
    const f = fakeUi();
    await openRegister(
      options(
        f.ui,
        source({
          rows: () => Promise.reject(new Error('SharePoint is not answering')),
          personLog: () => Promise.reject(new Error('offline')),
        }),
      ),
    );
    f.fromDialog({ type: 'cst-register', kind: 'ready' });
    f.fromDialog({ type: 'cst-register', kind: 'ask', request: { kind: 'person-log', id: 'CS-0051' } });
    await settle();
    expect(f.sent).toEqual([
      {
        type: 'cst-register',
        kind: 'failed',
        message: 'The register could not be built: SharePoint is not answering.',
      },
      {
        type: 'cst-register',
        kind: 'refused',
        request: { kind: 'person-log', id: 'CS-0051' },
        message: 'The contact log could not be read (offline).',
      },
    ]);
    f.closeByUser();
    f.fromDialog({ type: 'cst-register', kind: 'ask', request: { kind: 'pack', id: 'CS-0051' } });
    await settle();
    expect(f.sent).toHaveLength(2);
  });

  it('says what to do when Office will not open it', async () => {
    await expect(openRegister(options(fakeUi(12007).ui, source()))).rejects.toThrow(
      'The register is already open in its own window. Switch to it, or close it and open it again.',
    );
    await expect(openRegister(options(fakeUi(12004).ui, source()))).rejects.toThrow(
      /not on the add-in’s own web address\. Tell your administrator\.$/,
    );
    await expect(openRegister(options(fakeUi(12005).ui, source()))).rejects.toThrow(/secure \(HTTPS\)/);
    await expect(openRegister(options(fakeUi(12009).ui, source()))).rejects.toThrow(/allow pop-up windows/);
    await expect(openRegister(options(fakeUi(99).ui, source()))).rejects.toThrow('(Office error 99)');
  });

  it('tells the pane in words when the open register is closed or its page fails', async () => {
    const said: RegisterEvent[] = [];
    const open = async () => {
      const f = fakeUi();
      await openRegister({ ...options(f.ui, source()), onEvent: (e) => said.push(e) });
      return f;
    };
    (await open()).closeByUser();
    (await open()).event(12002);
    (await open()).event(12003);
    (await open()).event(12345);
    expect(said).toEqual([
      { kind: 'closed', message: 'The register is closed. Open it again with “Register of all strategies”.' },
      { kind: 'failed', message: expect.stringMatching(/^The register window could not load its page/) },
      { kind: 'failed', message: expect.stringMatching(/insecure \(HTTP\) address/) },
      { kind: 'failed', message: 'The register window stopped (Office error 12345).' },
    ]);
  });
});
