import fc from 'fast-check';
import { readDate, readLimit, readTimes } from '../../../src/core/register/cells';
import { importSheet, planImport } from '../../../src/core/register/import';
import { SHEET_HEADERS, strategyRow } from '../../../src/core/register/sheet';
import type { Strategy } from '../../../src/core/types';
import { strategyArb } from '../../graph/arbitraries';

/** What a spreadsheet can say: responseDays only with "respond within", narratives trimmed. */
const sheetable = strategyArb.map((s): Strategy => {
  const out: Strategy = { ...s };
  if (out.responsePolicy !== 'respond-within-days') delete out.responseDays;
  if (out.reasonNarrative !== undefined) {
    const t = out.reasonNarrative.replace(/\s+/g, ' ').trim();
    if (t === '') delete out.reasonNarrative;
    else out.reasonNarrative = t;
  }
  return out;
});

const TEMPLATE_ROW = {
  Reference: 'CS-0101',
  Person: 'Pat Sample',
  'Email addresses': 'pat.sample@example.com; p.sample@example.org',
  Status: 'Active',
  'Permitted channels': 'Post',
  Response: 'Respond within 10 days',
  'Permitted times': 'Mon–Fri 09:00–17:00',
  'Next review': '02/03/2027',
};

function table(rows: Record<string, string>[]): string[][] {
  const headers = Object.keys(rows[0] ?? {});
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

describe('strategy spreadsheet import', () => {
  it('reads a row written the way a force writes it', () => {
    const result = importSheet(table([TEMPLATE_ROW]));
    expect(result.problems).toEqual([]);
    const s = result.strategies[0]?.strategy;
    expect(s).toMatchObject({
      id: 'CS-0101',
      emailAddresses: ['pat.sample@example.com', 'p.sample@example.org'],
      status: 'active',
      permittedChannels: ['post'],
      responsePolicy: 'respond-within-days',
      responseDays: 10,
      permittedTimes: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
      nextReviewDate: '2027-03-02',
    });
  });

  it('accepts common headings for the same column', () => {
    const result = importSheet([
      ['Strategy ref', 'Complainant name', 'E-mail addresses', 'State', 'RBNR?'],
      ['CS-1', 'Casey Quinn', 'casey@example.net', 'Live', ''],
    ]);
    expect(result.unknownHeaders).toEqual(['RBNR?']);
    expect(result.strategies[0]?.strategy).toMatchObject({
      id: 'CS-1',
      personName: 'Casey Quinn',
      status: 'active',
    });
  });

  it('names the row and column of every bad cell, and keeps the good rows', () => {
    const result = importSheet(
      table([
        TEMPLATE_ROW,
        { ...TEMPLATE_ROW, Reference: 'CS-0102', 'Next review': '31/02/2027' },
        { ...TEMPLATE_ROW, Reference: 'CS-0103', Status: 'Maybe' },
        { ...TEMPLATE_ROW, Reference: 'CS-0104', 'Email addresses': 'not an address' },
        { ...TEMPLATE_ROW, Reference: 'CS-0105', 'Permitted times': 'weekdays mornings' },
        { ...TEMPLATE_ROW, Reference: 'CS-0101' },
        { ...TEMPLATE_ROW, Reference: 'CS-0106', Person: '' },
        { ...TEMPLATE_ROW, Reference: 'CS-0107', Response: 'Respond within days' },
      ]),
    );
    expect(result.strategies.map((s) => s.strategy.id)).toEqual(['CS-0101']);
    expect(result.rowsRead).toBe(8);
    expect(result.rowsRejected).toBe(7);
    const where = result.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual([
      '3:Next review',
      '4:Status',
      '5:Email addresses',
      '6:Permitted times',
      '7:Reference',
      '8:Person',
      '9:Response',
    ]);
    expect(result.problems[0]?.problem).toMatch(/"31\/02\/2027" is not a date/);
    expect(result.problems[4]?.problem).toMatch(/CS-0101 is already on row 2/);
  });

  it('refuses a sheet without the required columns, saying which', () => {
    const result = importSheet([
      ['Person', 'Status'],
      ['Pat Sample', 'Active'],
    ]);
    expect(result.strategies).toEqual([]);
    expect(result.problems[0]?.problem).toMatch(/no column for Reference, Email addresses/);
  });

  it('export then import gives the same strategies back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(sheetable, { selector: (s) => s.id, maxLength: 5 }), (strategies) => {
        const back = importSheet([[...SHEET_HEADERS], ...strategies.map(strategyRow)]);
        expect(back.problems).toEqual([]);
        expect(back.strategies.map((r) => r.strategy)).toEqual(strategies);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary cells', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), (rows) => {
        importSheet([[...SHEET_HEADERS], ...rows]);
      }),
    );
  });

  it('plans an import that is idempotent on the reference and never overwrites', () => {
    const first = importSheet(table([TEMPLATE_ROW, { ...TEMPLATE_ROW, Reference: 'CS-0102' }])).strategies;
    const existing = new Map<string, Strategy>([[first[0]!.strategy.id, first[0]!.strategy]]);
    const changed = { ...first[1]!.strategy };
    existing.set('CS-0102', { ...changed, status: 'ended' });
    expect(planImport(first, existing).map((s) => s.kind)).toEqual(['unchanged', 'conflict']);
    expect(planImport(first, new Map()).map((s) => s.kind)).toEqual(['create', 'create']);
    const conflict = planImport(first, existing)[1];
    expect(conflict).toMatchObject({ kind: 'conflict', id: 'CS-0102', fields: ['status'] });
  });
});

describe('cells', () => {
  it('reads UK, ISO, spelled and Excel serial dates, never US month-first', () => {
    expect(readDate('2 Dec 2026')).toEqual({ ok: true, value: '2026-12-02' });
    expect(readDate('02/12/2026')).toEqual({ ok: true, value: '2026-12-02' });
    expect(readDate('2026-12-02')).toEqual({ ok: true, value: '2026-12-02' });
    expect(readDate(46358)).toEqual({ ok: true, value: '2026-12-02' });
    expect(readDate('12/31/2026').ok).toBe(false);
  });

  it('reads contact limits and permitted times as written', () => {
    expect(readLimit('1 per week')).toEqual({ ok: true, value: { max: 1, periodDays: 7 } });
    expect(readLimit('2 per 14 days')).toEqual({ ok: true, value: { max: 2, periodDays: 14 } });
    expect(readLimit('1 per month').ok).toBe(false);
    expect(readTimes('Sat–Mon 10:00-12:00; 9:00 to 10:00')).toEqual({
      ok: true,
      value: [
        { days: ['sat', 'sun', 'mon'], from: '10:00', to: '12:00' },
        { days: [], from: '09:00', to: '10:00' },
      ],
    });
  });
});
