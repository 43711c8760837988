import fc from 'fast-check';
import {
  csvCell,
  registerTable,
  subjectAccessTable,
  toCsv,
  uncsvCell,
} from '../../../src/core/register/exports';
import { personOf } from '../../../src/core/register/person';
import { attention, kindLabel, noReviewWords, registerRows } from '../../../src/core/register/register';
import { newStrategy } from '../../../src/core/strategy';
import { logRecord } from '../../fixtures/strategies';

const config = { reviewMaxDays: 92, spocRotationMonths: 12 };
const TODAY = '2026-12-05';

const paul = newStrategy({
  id: 'CS-0042',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  spoc: { name: 'Sam Handler', address: 'sam.handler@force.example.police.uk', since: '2025-06-01' },
  lastReviewedDate: '2026-10-01',
  nextReviewDate: '2027-01-01',
  reasonableAdjustments: [{ description: 'Large print replies', reviewDate: '2026-11-01' }],
});
const rita = newStrategy({
  id: 'CS-0051',
  personName: 'Rita Sample',
  emailAddresses: ['rita.sample@example.org'],
  status: 'active',
  responsePolicy: 'read-not-respond',
  permittedChannels: ['post'],
  lastReviewedDate: '2026-06-01',
});

describe('the register', () => {
  const log = [
    logRecord({
      key: 'a',
      strategyIds: ['CS-0042'],
      receivedDateTime: '2026-10-02T10:00:00Z',
      flagCodes: ['NOT_SPOC'],
    }),
    logRecord({
      key: 'b',
      strategyIds: ['CS-0042'],
      receivedDateTime: '2026-10-20T10:00:00Z',
      flagCodes: [],
    }),
    logRecord({
      key: 'c',
      strategyIds: ['CS-0042'],
      receivedDateTime: '2026-09-20T10:00:00Z',
      flagCodes: ['NOT_SPOC'],
    }),
    logRecord({
      key: 'd',
      strategyIds: ['CS-0051'],
      receivedDateTime: '2026-12-01T10:00:00Z',
      flagCodes: [],
    }),
  ];
  const [p, r] = registerRows([paul, rita], log, config, TODAY);

  it('counts contacts and breaches since the last review, week by week', () => {
    expect(p).toMatchObject({ contacts: 2, breaches: 1, since: '2026-10-01' });
    expect(p!.weeks[0]).toEqual({ start: '2026-10-01', contacts: 1, breaches: 1 });
    expect(p!.weeks.reduce((n, w) => n + w.contacts, 0)).toBe(2);
    expect(p!.weeks.at(-1)!.start <= TODAY).toBe(true);
  });

  it('says what is due: the review, the SPOC rotation and each adjustment review', () => {
    expect(p!.review).toEqual({ kind: 'due', date: '2027-01-01', overdue: false });
    expect(p!.spocRotation).toEqual({ date: '2026-06-01', overdue: true });
    expect(p!.adjustmentReviews).toEqual([
      { description: 'Large print replies', due: { date: '2026-11-01', overdue: true } },
    ]);
    // No next review date: the last review plus the settings' maximum.
    expect(r!.review).toEqual({ kind: 'due', date: '2026-09-01', overdue: true });
    expect(attention(r!)).toBeGreaterThan(0);
  });

  it('tells a supervisor nothing is due for an ended strategy, however long ago its dates passed', () => {
    // Ended after its last review: the review, SPOC rotation and adjustment review dates all passed.
    const ended = { ...paul, status: 'ended' as const, nextReviewDate: '2026-02-01' };
    const [row] = registerRows([ended], log, config, TODAY);
    // Ending is recorded as a review: the last review's date is when it ended.
    expect(row).toMatchObject({
      status: 'ended',
      review: { kind: 'ended', on: '2026-10-01' },
      adjustmentReviews: [],
    });
    expect(row!.spocRotation).toBeUndefined();
    expect(attention(row!)).toBe(0);
    // Its contacts are still counted: mail from someone whose strategy ended is still seen.
    expect(row!.contacts).toBe(2);
    const table = registerTable([row!]);
    const cell = (heading: string) => table.rows[0]?.[table.headers.indexOf(heading)];
    expect([cell('Next review'), cell('Review overdue'), cell('SPOC rotation due')]).toEqual([
      'Ended 1 Oct 2026: no review due',
      'No',
      '',
    ]);
    const [undated] = registerRows([{ ...ended, lastReviewedDate: undefined }], log, config, TODAY);
    expect(undated!.review).toEqual({ kind: 'ended' });
    if (undated!.review.kind === 'due') throw new Error('an ended strategy has no review due');
    expect(noReviewWords(undated!.review)).toBe('Ended: no review due');
    // Without a date or anything to count from, the review is not set (and not overdue).
    const [unknown] = registerRows(
      [{ ...rita, lastReviewedDate: undefined, startDate: undefined, nextReviewDate: undefined }],
      [],
      config,
      TODAY,
    );
    expect(unknown!.review).toEqual({ kind: 'not-set' });
  });

  it("names each kind of strategy in the strategy card's words", () => {
    expect(p!.kinds.map(kindLabel)).toEqual(['Single point of contact: Sam Handler']);
    expect(r!.kinds.map(kindLabel)).toEqual(['Read but do not respond', 'Post only']);
  });

  it('exports the register as CSV a spreadsheet opens safely', () => {
    const csv = toCsv(registerTable([p!, r!]));
    expect(csv.startsWith('\uFEFFReference,Person,')).toBe(true);
    expect(csv).toContain('CS-0051,Rita Sample,active,Read but do not respond; Post only');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // A value that already looks guarded keeps its own apostrophe through export and import
    // (fast-check found "'-" coming back as "-").
    expect(uncsvCell(csvCell("'-"))).toBe("'-");
    expect(uncsvCell(csvCell("''=1"))).toBe("''=1");
    fc.assert(
      fc.property(fc.string(), (s) =>
        expect(uncsvCell(csvCell(s).replace(/^"|"$/g, '').replace(/""/g, '"'))).toBe(s),
      ),
    );
  });
});

describe('a subject access export', () => {
  it("holds the person's rows, by strategy or by address, without fingerprints or keys", () => {
    const log = [
      logRecord({ key: 'k1', strategyIds: ['CS-0042'], sender: 'someone.else@example.net' }),
      logRecord({ key: 'k2', strategyIds: [], sender: 'Paul.Example@example.com' }),
      logRecord({ key: 'k3', strategyIds: ['CS-0051'], sender: 'rita.sample@example.org' }),
    ];
    const table = subjectAccessTable(personOf(paul, [paul, rita]), log);
    expect(table.rows).toHaveLength(2);
    const text = toCsv(table);
    expect(text).not.toMatch(/k1|k2|fingerprint/i);
    for (const r of log) expect(text).not.toContain(r.fingerprint.sig);
    expect(table.headers).toContain('Read by');
  });

  it('says where a message was forwarded and what of its attachments was read', () => {
    const log = [
      logRecord({
        key: 'k1',
        strategyIds: ['CS-0042'],
        forwardedTo: 'professional.standards@force.example.police.uk',
        attachments: { total: 3, read: 2 },
      }),
    ];
    const table = subjectAccessTable(personOf(paul, [paul, rita]), log);
    const row = table.rows[0] ?? [];
    expect(row[table.headers.indexOf('Forwarded to')]).toBe('professional.standards@force.example.police.uk');
    expect(row[table.headers.indexOf('Attachments')]).toBe('2 of 3 read');
    expect(toCsv(table)).not.toContain(log[0]?.messageKey ?? 'no message key');
  });
});
