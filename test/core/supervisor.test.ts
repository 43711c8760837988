import {
  reviewPeriods,
  addAddress,
  endStrategy,
  recordReview,
  reviewPack,
  strategyFromSender,
} from '../../src/core/supervisor';
import type { ContactLogRecord } from '../../src/core/types';
import { message, PAUL, strategy } from './checks.fixtures';

const NOW = new Date('2025-03-31T23:30:00Z'); // 1 April 00:30 in London (BST)

describe('strategyFromSender', () => {
  it('drafts a strategy from the sender, citing the matters the email mentions', () => {
    const m = message({
      from: { name: ' Paul Example ', address: 'Paul.Example+complaints@Example.com' },
      subject: 'Re: CO/01234/24',
      body: 'See also co/5555/25.',
    });
    const r = strategyFromSender(m, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        personName: 'Paul Example',
        knownNames: ['Paul Example'],
        emailAddresses: [PAUL],
        status: 'draft',
        matterRefs: ['CO/01234/24', 'CO/5555/25'],
        reasons: [],
        permittedChannels: ['email', 'post', 'phone', 'in-person', 'online-form'],
        permittedTimes: [],
        responsePolicy: 'respond',
        refuseReopen: false,
        reasonableAdjustments: [],
        startDate: '2025-04-01',
      },
    });
  });

  it('uses the local part as a name when there is no display name', () => {
    const r = strategyFromSender(message({ from: { address: 'anon@example.org' } }), NOW);
    expect(r.ok && r.value.personName).toBe('anon');
    expect(r.ok && r.value.knownNames).toEqual([]);
  });

  it('refuses a malformed sender address with a clear message', () => {
    expect(strategyFromSender(message({ from: { address: 'not an address' } }), NOW)).toEqual({
      ok: false,
      error: 'The sender\'s address ("not an address") is not a valid email address.',
    });
  });
});

describe('addAddress', () => {
  it('adds a new address, normalised', () => {
    const r = addAddress(strategy(), ' P.Example+x@Example.ORG ');
    expect(r.ok && r.value.emailAddresses).toEqual([PAUL, 'p.example@example.org']);
  });
  it('leaves the strategy unchanged for an address it already has', () => {
    const s = strategy();
    const r = addAddress(s, 'PAUL.EXAMPLE@example.com');
    expect(r.ok && r.value).toBe(s);
  });
  it('rejects a malformed address', () => {
    expect(addAddress(strategy(), 'paul@')).toEqual({
      ok: false,
      error: '"paul@" is not a valid email address.',
    });
  });
});

describe('recordReview', () => {
  it('records the reviewer, the local date and the next review three months on', () => {
    const s = recordReview(strategy(), 'Chief Executive', NOW);
    expect([s.lastReviewedDate, s.lastReviewedBy, s.nextReviewDate]).toEqual([
      '2025-04-01',
      'Chief Executive',
      '2025-07-01',
    ]);
  });
  it('takes another interval, clamping to month ends', () => {
    const s = recordReview(strategy(), 'CE', new Date('2025-01-31T12:00:00Z'), 1);
    expect(s.nextReviewDate).toBe('2025-02-28');
  });
  it('insists on a reviewer and a sensible interval', () => {
    expect(() => recordReview(strategy(), '  ', NOW)).toThrow('who reviewed');
    expect(() => recordReview(strategy(), 'CE', NOW, 0)).toThrow('whole number of months');
  });
  it('does not change the original', () => {
    const s = strategy();
    recordReview(s, 'CE', NOW);
    expect(s.lastReviewedBy).toBeUndefined();
  });
});

describe('reviewPeriods', () => {
  const noon = (d: string) => new Date(`${d}T12:00:00Z`);

  it('offers only the periods the settings allow: three months at most under the usual 92 days', () => {
    expect(reviewPeriods(noon('2026-12-02'), 92, 'Europe/London')).toEqual({ months: [1, 2, 3], chosen: 3 });
  });

  it('follows the settings: a year allowed offers six and twelve months too', () => {
    expect(reviewPeriods(noon('2026-12-02'), 366, 'Europe/London')).toEqual({
      months: [1, 2, 3, 6, 12],
      chosen: 12,
    });
    expect(reviewPeriods(noon('2026-12-02'), 200, 'Europe/London').months).toEqual([1, 2, 3, 6]);
  });

  it('decides by the calendar: three months from 1 Jul is 92 days, too long for 91', () => {
    expect(reviewPeriods(noon('2026-07-01'), 91, 'Europe/London').months).toEqual([1, 2]);
    expect(reviewPeriods(noon('2026-07-01'), 92, 'Europe/London').months).toEqual([1, 2, 3]);
  });

  it('a setting shorter than any month still offers one month, never nothing', () => {
    expect(reviewPeriods(noon('2026-12-02'), 14, 'Europe/London')).toEqual({ months: [1], chosen: 1 });
  });
});

describe('endStrategy', () => {
  it('ends the strategy, recording who and when, with no next review due', () => {
    const s = endStrategy(strategy(), NOW, 'Chief Executive');
    expect(s.status).toBe('ended');
    expect(s.lastReviewedDate).toBe('2025-04-01');
    expect(s.lastReviewedBy).toBe('Chief Executive');
    expect(s).not.toHaveProperty('nextReviewDate');
    expect(s.emailAddresses).toEqual([PAUL]);
  });
});

describe('reviewPack', () => {
  let n = 0;
  const rec = (receivedDateTime: string, over: Partial<ContactLogRecord> = {}): ContactLogRecord => ({
    key: `k${(n += 1)}`,
    messageKey: `m${n}`,
    entry: 'decision',
    internetMessageId: `<m${n}@example.com>`,
    receivedDateTime,
    sender: PAUL,
    recipients: [],
    strategyIds: ['CS-0042'],
    personNames: ['Paul Example'],
    flagCodes: [],
    indicatorCodes: [],
    answers: {
      newComplaintOrAllegation: false,
      criminalMatter: false,
      safeguardingOrRisk: false,
      otherAction: false,
    },
    reader: 'h',
    readAt: receivedDateTime,
    disposition: 'handled-normally',
    fingerprint: { v: 'x', sig: '', n: 0 },
    ...over,
  });

  const before = rec('2025-01-05T10:00:00Z', { disposition: 'breach', flagCodes: ['NOT_SPOC'] });
  const b1 = rec('2025-02-01T10:00:00Z', {
    disposition: 'breach',
    flagCodes: ['NOT_SPOC', 'REVIEW_OVERDUE'],
  });
  const esc = rec('2025-01-20T10:00:00Z', { disposition: 'escalate', indicatorCodes: ['SELF_HARM'] });
  const filed = rec('2025-02-10T10:00:00Z', {
    disposition: 'auto-file',
    flagCodes: ['READ_NOT_RESPOND', 'CONTACT_LIMIT_EXCEEDED'],
  });
  const retry = { ...filed };
  const other = rec('2025-02-11T10:00:00Z', {
    strategyIds: ['CS-9'],
    disposition: 'breach',
    flagCodes: ['WRONG_ADDRESS'],
  });

  it('summarises contacts, breaches, dispositions and flags since the last review, oldest first', () => {
    const pack = reviewPack(strategy(), [before, b1, esc, filed, retry, other]);
    expect(pack.since).toBe('2025-01-06');
    expect(pack.contacts).toBe(3);
    expect(pack.records.map((r) => r.key)).toEqual([esc.key, b1.key, filed.key]);
    expect(pack.breaches.map((r) => r.key)).toEqual([b1.key, filed.key]);
    expect(pack.byDisposition).toEqual({ escalate: 1, 'auto-file': 1, breach: 1, 'handled-normally': 0 });
    expect(pack.byFlag).toEqual({
      NOT_SPOC: 1,
      REVIEW_OVERDUE: 1,
      READ_NOT_RESPOND: 1,
      CONTACT_LIMIT_EXCEEDED: 1,
    });
    expect(pack.byIndicator).toEqual({ SELF_HARM: 1 });
    expect(pack.nextReviewDate).toBe('2025-04-06');
  });

  it('takes an explicit start', () => {
    expect(reviewPack(strategy(), [before, b1, esc], '2025-01-21T00:00:00Z').contacts).toBe(1);
    expect(
      reviewPack(strategy({ lastReviewedDate: undefined, startDate: undefined }), [before, b1]).contacts,
    ).toBe(2);
  });
});
