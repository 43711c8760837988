import { evasionFlags, makeFlag, orderFlags } from '../../src/core/checks';
import { inWindow } from '../../src/core/checks/timing';
import { fingerprint } from '../../src/core/repeat';
import { FLAG_SEVERITY, type Strategy } from '../../src/core/types';
import {
  ADVOCATE,
  codes,
  config,
  DESIGNATED,
  earlier,
  message,
  PAUL,
  PSD,
  runChecks,
  SPOC,
  STAFF_DOMAIN,
  strategy,
} from './checks.fixtures';

// Review dates in the fixture are fresh on this day, so housekeeping flags stay out of the way.
const FRESH = '2025-03-04T10:15:00Z';
const only = (s: Strategy, code: string, o: Parameters<typeof runChecks>[1] = {}) =>
  runChecks(s, { now: FRESH, ...o }).filter((f) => f.code === code);

describe('every flag', () => {
  it('carries the severity of its code, the strategy id, a field and a sentence', () => {
    const s = strategy({
      permittedChannels: ['post'],
      spoc: { name: 'Sam Handler', address: SPOC, since: '2023-01-01' },
      designatedAddress: DESIGNATED,
      advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true },
      contactLimit: { max: 0, periodDays: 7 },
      permittedTimes: [{ days: ['sat'], from: '09:00', to: '10:00' }],
      responsePolicy: 'read-not-respond',
      refuseReopen: true,
      reasonableAdjustments: [{ description: 'Large print', reviewDate: '2025-01-01' }],
      nextReviewDate: '2025-01-01',
    });
    const flags = runChecks(s, {
      message: message({ to: [{ address: PSD }], cc: [{ address: `jo.bloggs@${STAFF_DOMAIN}` }] }),
      matterRefs: ['CO/99999/24'],
      reopen: { start: 0, end: 6, text: 'reopen' },
    });
    expect(codes(flags).sort()).toEqual(
      [
        'CHANNEL_NOT_PERMITTED',
        'WRONG_ADDRESS',
        'NOT_SPOC',
        'MULTIPLE_RECIPIENTS',
        'ADVOCATE_REQUIRED',
        'OUTSIDE_PERMITTED_TIME',
        'CONTACT_LIMIT_EXCEEDED',
        'REOPEN_DEMAND',
        'READ_NOT_RESPOND',
        'OTHER_MATTER',
        'REASONABLE_ADJUSTMENTS',
        'REVIEW_OVERDUE',
        'SPOC_ROTATION_DUE',
        'ADJUSTMENT_REVIEW_DUE',
      ].sort(),
    );
    for (const f of flags) {
      expect(f.severity).toBe(FLAG_SEVERITY[f.code]);
      expect(f.strategyId).toBe('CS-0042');
      // The field is for the log and the CLI; the sentence uses the card's words (sentences.test).
      expect(f.field.length).toBeGreaterThan(0);
      expect(f.message).toMatch(/\.$/);
    }
  });

  it('does not throw when settings lack numbers or a valid zone: those rules simply do not fire', () => {
    const broken = {
      ...config(),
      reviewMaxDays: undefined,
      spocRotationMonths: undefined,
      timeZone: 'Not/AZone',
    };
    const s = strategy({
      designatedAddress: DESIGNATED,
      nextReviewDate: undefined,
      spoc: { name: 'Sam', address: SPOC, since: '2020-01-01' },
    });
    const flags = runChecks(s, { now: FRESH, config: broken as unknown as ReturnType<typeof config> });
    expect(codes(flags)).toEqual([]);
  });

  it('raises nothing for a compliant email under a strategy with no restrictions', () => {
    expect(runChecks(strategy(), { now: FRESH })).toEqual([]);
  });
});

describe('CHANNEL_NOT_PERMITTED', () => {
  it('is raised when email is not among the permitted channels, naming them', () => {
    const [f] = only(strategy({ permittedChannels: ['post', 'phone'] }), 'CHANNEL_NOT_PERMITTED');
    expect(f?.message).toContain('post and phone only');
  });
  it('is not raised when email is permitted, or no channel restriction is recorded', () => {
    expect(only(strategy({ permittedChannels: ['email'] }), 'CHANNEL_NOT_PERMITTED')).toEqual([]);
    expect(only(strategy({ permittedChannels: [] }), 'CHANNEL_NOT_PERMITTED')).toEqual([]);
  });
});

describe('WRONG_ADDRESS', () => {
  const s = strategy({ designatedAddress: DESIGNATED });
  it('is raised when the designated address is not in To or Cc', () => {
    const [f] = only(s, 'WRONG_ADDRESS', { message: message({ to: [{ address: PSD }] }) });
    expect(f?.message).toContain(DESIGNATED);
    expect(f?.message).toContain(PSD);
  });
  it('is not raised when it is in To or Cc, whatever the case or +tag', () => {
    expect(only(s, 'WRONG_ADDRESS')).toEqual([]);
    const cc = message({
      to: [{ address: PSD }],
      cc: [{ address: 'Contact.Strategy+x@FORCE.example.police.uk' }],
    });
    expect(only(s, 'WRONG_ADDRESS', { message: cc })).toEqual([]);
  });
  it('is not raised when no designated address is set', () => {
    expect(only(strategy(), 'WRONG_ADDRESS', { message: message({ to: [{ address: PSD }] }) })).toEqual([]);
  });
});

describe('NOT_SPOC', () => {
  const s = strategy({ spoc: { name: 'Sam Handler', address: SPOC, since: '2025-01-06' } });
  it('is raised when other staff got it instead of the SPOC', () => {
    const [f] = only(s, 'NOT_SPOC', { message: message({ to: [{ address: PSD }] }) });
    expect(f?.message).toMatch(/instead of the single point of contact, Sam Handler/);
  });
  it('is raised when other staff got it as well as the SPOC', () => {
    const [f] = only(s, 'NOT_SPOC', {
      message: message({ to: [{ address: SPOC }], cc: [{ address: PSD }] }),
    });
    expect(f?.message).toContain('as well as');
  });
  it('counts staff at subdomains of a staff domain', () => {
    const m = message({ to: [{ address: `x@psd.${STAFF_DOMAIN}` }] });
    expect(codes(only(s, 'NOT_SPOC', { message: m }))).toEqual(['NOT_SPOC']);
  });
  it('is not raised for the SPOC alone, the designated address, or non-staff recipients', () => {
    expect(only(s, 'NOT_SPOC', { message: message({ to: [{ address: SPOC }] }) })).toEqual([]);
    const withDesignated = strategy({ ...s, designatedAddress: DESIGNATED });
    expect(only(withDesignated, 'NOT_SPOC')).toEqual([]);
    const mp = message({ to: [{ address: SPOC }], cc: [{ address: 'mp@parliament.example.org' }] });
    expect(only(s, 'NOT_SPOC', { message: mp })).toEqual([]);
  });
  it('is not raised when no SPOC is set', () => {
    expect(only(strategy(), 'NOT_SPOC', { message: message({ to: [{ address: PSD }] }) })).toEqual([]);
  });
});

describe('MULTIPLE_RECIPIENTS', () => {
  it('is raised for two teams', () => {
    const m = message({ to: [{ address: PSD }], cc: [{ address: `complaints@${STAFF_DOMAIN}` }] });
    const [f] = only(strategy(), 'MULTIPLE_RECIPIENTS', { message: m });
    expect(f?.message).toContain('2 colleagues or teams (PSD, Complaints)');
    expect(f?.field).toBe('reasons');
  });
  it('is raised for the SPOC plus another colleague, naming the spoc field', () => {
    const s = strategy({ spoc: { name: 'Sam Handler', address: SPOC } });
    const m = message({ to: [{ address: SPOC }], cc: [{ address: `jo.bloggs@${STAFF_DOMAIN}` }] });
    expect(only(s, 'MULTIPLE_RECIPIENTS', { message: m })[0]?.field).toBe('spoc');
  });
  it('counts two mailboxes of one team as one team', () => {
    const cfg = config({ teams: { [PSD]: 'PSD', [`psd.intake@${STAFF_DOMAIN}`]: 'PSD' } });
    const m = message({ to: [{ address: PSD }], cc: [{ address: `psd.intake@${STAFF_DOMAIN}` }] });
    expect(only(strategy(), 'MULTIPLE_RECIPIENTS', { message: m, config: cfg })).toEqual([]);
  });
  it('treats the SPOC and designated address together as one route', () => {
    const s = strategy({ designatedAddress: DESIGNATED, spoc: { name: 'Sam Handler', address: SPOC } });
    const m = message({ to: [{ address: SPOC }], cc: [{ address: DESIGNATED }] });
    expect(only(s, 'MULTIPLE_RECIPIENTS', { message: m })).toEqual([]);
  });
  it('ignores recipients outside the organisation', () => {
    const m = message({ to: [{ address: PSD }], cc: [{ address: 'mp@parliament.example.org' }] });
    expect(only(strategy(), 'MULTIPLE_RECIPIENTS', { message: m })).toEqual([]);
  });
});

describe('ADVOCATE_REQUIRED', () => {
  const s = strategy({ advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true } });
  it('is raised when the person writes directly', () => {
    expect(only(s, 'ADVOCATE_REQUIRED')[0]?.message).toContain('Ann Advocate');
  });
  it('is not raised via the advocate, nor when the advocate is optional', () => {
    expect(only(s, 'ADVOCATE_REQUIRED', { via: 'advocate' })).toEqual([]);
    const optional = strategy({ advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: false } });
    expect(only(optional, 'ADVOCATE_REQUIRED')).toEqual([]);
  });
  it('via the advocate, no breach of any kind is raised against the person', () => {
    const strict = strategy({
      ...s,
      designatedAddress: DESIGNATED,
      permittedChannels: ['post'],
      contactLimit: { max: 0, periodDays: 7 },
    });
    const flags = runChecks(strict, {
      now: FRESH,
      via: 'advocate',
      message: message({ to: [{ address: PSD }] }),
    });
    expect(flags.filter((f) => f.severity === 'breach')).toEqual([]);
  });
});

describe('OUTSIDE_PERMITTED_TIME', () => {
  const mornings = strategy({ permittedTimes: [{ days: ['mon', 'tue'], from: '09:00', to: '12:00' }] });
  const at = (iso: string) =>
    only(mornings, 'OUTSIDE_PERMITTED_TIME', { message: message({ receivedDateTime: iso }) });

  it('accepts the window start and rejects the window end (to is exclusive)', () => {
    expect(at('2025-03-04T09:00:00Z')).toEqual([]); // Tue 09:00 GMT
    expect(at('2025-03-04T11:59:59Z')).toEqual([]);
    expect(codes(at('2025-03-04T12:00:00Z'))).toEqual(['OUTSIDE_PERMITTED_TIME']);
  });

  it('rejects a permitted time on a day not listed', () => {
    const [f] = at('2025-03-05T10:00:00Z'); // Wednesday
    expect(f?.message).toContain('Wed 5 Mar 2025 10:00 (UK time)');
    expect(f?.message).toContain('Mon, Tue 09:00–12:00');
  });

  it('reads the time in BST in summer: 08:30Z in July is 09:30 London, inside', () => {
    expect(at('2025-07-01T08:30:00Z')).toEqual([]);
    expect(codes(at('2025-07-01T11:30:00Z'))).toEqual(['OUTSIDE_PERMITTED_TIME']); // 12:30 BST
  });

  it('follows the BST start and end days (30 Mar and 26 Oct 2025 are Sundays)', () => {
    const sundays = strategy({ permittedTimes: [{ days: ['sun'], from: '01:00', to: '03:00' }] });
    const sun = (iso: string) =>
      only(sundays, 'OUTSIDE_PERMITTED_TIME', { message: message({ receivedDateTime: iso }) });
    expect(codes(sun('2025-03-30T00:30:00Z'))).toEqual(['OUTSIDE_PERMITTED_TIME']); // 00:30 GMT
    expect(sun('2025-03-30T01:30:00Z')).toEqual([]); // 02:30 BST
    expect(sun('2025-10-26T00:30:00Z')).toEqual([]); // 01:30 BST
    expect(sun('2025-10-26T01:30:00Z')).toEqual([]); // 01:30 GMT, the second time round
    expect(codes(sun('2025-10-26T03:00:00Z'))).toEqual(['OUTSIDE_PERMITTED_TIME']); // 03:00 GMT
  });

  it("uses the strategy's own zone when it has one", () => {
    const ny = strategy({ ...mornings, timeZone: 'America/New_York' });
    const m = message({ receivedDateTime: '2025-03-04T14:30:00Z' }); // 09:30 EST, 14:30 London
    expect(only(ny, 'OUTSIDE_PERMITTED_TIME', { message: m })).toEqual([]);
    expect(codes(only(mornings, 'OUTSIDE_PERMITTED_TIME', { message: m }))).toEqual([
      'OUTSIDE_PERMITTED_TIME',
    ]);
  });

  it('supports windows across midnight, attributed to the start day', () => {
    const late = { days: ['fri' as const], from: '22:00', to: '02:00' };
    expect(inWindow(late, 'fri', 23 * 60)).toBe(true);
    expect(inWindow(late, 'sat', 60)).toBe(true);
    expect(inWindow(late, 'sat', 2 * 60)).toBe(false);
    expect(inWindow(late, 'fri', 60)).toBe(false);
    const sunday = { days: ['sun' as const], from: '23:00', to: '01:00' };
    expect(inWindow(sunday, 'mon', 30)).toBe(true);
  });

  it('treats no days as every day and ignores malformed windows', () => {
    expect(inWindow({ days: [], from: '09:00', to: '17:00' }, 'sun', 10 * 60)).toBe(true);
    expect(inWindow({ days: ['mon'], from: '9am', to: '17:00' }, 'mon', 10 * 60)).toBe(false);
  });

  it('is not raised when no permitted times are set', () => {
    expect(
      only(strategy(), 'OUTSIDE_PERMITTED_TIME', {
        message: message({ receivedDateTime: '2025-03-09T03:00:00Z' }),
      }),
    ).toEqual([]);
  });
});

describe('CONTACT_LIMIT_EXCEEDED', () => {
  const weekly = strategy({
    emailAddresses: [PAUL, 'p.example@example.org'],
    contactLimit: { max: 2, periodDays: 7 },
  });
  const msg = message({ receivedDateTime: '2025-03-10T09:00:00Z' });
  const limit = (history: ReturnType<typeof earlier>[]) =>
    only(weekly, 'CONTACT_LIMIT_EXCEEDED', { message: msg, history, now: '2025-03-10T09:00:00Z' });

  it('counts this message: at the limit is not exceeded', () => {
    expect(limit([earlier('2025-03-05T09:00:00Z')])).toEqual([]);
  });

  it('is raised one over the limit, counting every address of the person', () => {
    const [f] = limit([
      earlier('2025-03-05T09:00:00Z'),
      earlier('2025-03-06T09:00:00Z', { from: { address: 'P.Example@example.org' } }),
    ]);
    expect(f?.message).toContain('contact 3 from the person in the 7 days');
    expect(f?.message).toContain('2 per 7 days');
  });

  it('counts a Message-ID once however often it appears, and never this message twice', () => {
    const dup = earlier('2025-03-05T09:00:00Z');
    const again = { ...dup, internetMessageId: dup.internetMessageId.toUpperCase() };
    const self = earlier('2025-03-10T09:00:00Z', { internetMessageId: msg.internetMessageId });
    expect(limit([dup, again, self])).toEqual([]);
  });

  it('excludes a contact exactly periodDays before (the window start is exclusive) and later ones', () => {
    const boundary = earlier('2025-03-03T09:00:00Z');
    const inside = earlier('2025-03-03T09:00:01Z');
    const after = earlier('2025-03-11T09:00:00Z');
    expect(limit([boundary, inside, after])).toEqual([]);
    expect(codes(limit([inside, earlier('2025-03-09T09:00:00Z')]))).toEqual(['CONTACT_LIMIT_EXCEEDED']);
  });

  it('ignores other senders and entries without a date', () => {
    const other = earlier('2025-03-05T09:00:00Z', { from: { address: 'someone@example.com' } });
    const undated = earlier('not a date');
    expect(limit([other, other, undated, earlier('2025-03-06T09:00:00Z')])).toEqual([]);
  });
});

describe('REOPEN_DEMAND', () => {
  const hit = { start: 10, end: 40, text: 'I demand you reopen\n my complaint' };
  it('is raised when refuse-to-reopen is set and a demand is found, quoting it on one line', () => {
    const [f] = only(strategy({ refuseReopen: true }), 'REOPEN_DEMAND', { reopen: hit });
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('"I demand you reopen my complaint"');
  });
  it('is not raised without refuse-to-reopen, or without a demand', () => {
    expect(only(strategy({ refuseReopen: false }), 'REOPEN_DEMAND', { reopen: hit })).toEqual([]);
    expect(only(strategy({ refuseReopen: true }), 'REOPEN_DEMAND', { reopen: null })).toEqual([]);
  });
});

describe('REPEATED_CONTENT', () => {
  const letter =
    'I have written to you many times about the search of my house in March. Your officers broke the door and took my laptop. ' +
    'Nobody has explained why the warrant was granted. I want the names of every officer involved and a full apology. ' +
    'I also want compensation for the door and the laptop, which was returned damaged.';
  const reworded = letter.replace('many times', 'again and again').replace('full apology', 'proper apology');
  const unrelated =
    'Thank you for your letter about the meeting next week. I will bring the documents you asked for, including the receipts ' +
    'for the repairs and the photographs of the garden fence. Please let me know if the room has changed.';

  it('is raised when an earlier message from the person says substantially the same', () => {
    const [f] = only(strategy(), 'REPEATED_CONTENT', {
      message: message({ body: reworded }),
      history: [earlier('2025-02-20T10:00:00Z', { body: letter })],
    });
    expect(f?.message).toMatch(/% similar\) as an earlier message from the person received 20 Feb 2025/);
  });

  it('compares stored fingerprints (contact log rows have no body)', () => {
    const stored = earlier('2025-02-21T10:00:00Z', { fingerprint: fingerprint(letter) });
    const flags = only(strategy(), 'REPEATED_CONTENT', {
      message: message({ body: reworded }),
      history: [stored],
    });
    expect(codes(flags)).toEqual(['REPEATED_CONTENT']);
  });

  it('is not raised for different content, for other senders, or above a stricter threshold', () => {
    const m = message({ body: reworded });
    expect(
      only(strategy(), 'REPEATED_CONTENT', {
        message: m,
        history: [earlier('2025-02-20T10:00:00Z', { body: unrelated })],
      }),
    ).toEqual([]);
    const other = earlier('2025-02-20T10:00:00Z', { body: letter, from: { address: 'someone@example.com' } });
    expect(only(strategy(), 'REPEATED_CONTENT', { message: m, history: [other] })).toEqual([]);
    const same = earlier('2025-02-20T10:00:00Z', { body: letter });
    expect(
      only(strategy(), 'REPEATED_CONTENT', {
        message: m,
        history: [same],
        config: config({ repeatThreshold: 0.999 }),
      }),
    ).toEqual([]);
  });
});

describe('READ_NOT_RESPOND', () => {
  it('is raised (info) for a read-not-respond strategy only', () => {
    expect(only(strategy({ responsePolicy: 'read-not-respond' }), 'READ_NOT_RESPOND')[0]?.severity).toBe(
      'info',
    );
    expect(
      only(strategy({ responsePolicy: 'respond-within-days', responseDays: 10 }), 'READ_NOT_RESPOND'),
    ).toEqual([]);
  });
});

describe('OTHER_MATTER', () => {
  it('is raised when the email cites only matters the strategy does not cover', () => {
    const [f] = only(strategy(), 'OTHER_MATTER', { matterRefs: ['CO/55555/25'] });
    expect(f?.message).toBe('Cites CO/55555/25, which the strategy does not cover: handle normally.');
  });
  it('is raised, worded as "also", when it cites a covered matter and another', () => {
    const [f] = only(strategy(), 'OTHER_MATTER', { matterRefs: ['co/01234/24', 'CO/55555/25'] });
    expect(f?.message).toMatch(/^Also cites CO\/55555\/25/);
  });
  it('is not raised for covered matters only, no references, or a strategy covering no listed matter', () => {
    expect(only(strategy(), 'OTHER_MATTER', { matterRefs: ['co / 01234 / 24'] })).toEqual([]);
    expect(only(strategy(), 'OTHER_MATTER', { matterRefs: [] })).toEqual([]);
    expect(only(strategy({ matterRefs: [] }), 'OTHER_MATTER', { matterRefs: ['CO/55555/25'] })).toEqual([]);
  });
});

describe('REASONABLE_ADJUSTMENTS', () => {
  it('lists every adjustment, for any status', () => {
    const adj = [{ description: 'Large print (18pt) replies' }, { description: 'Plain English' }];
    for (const status of ['active', 'draft', 'suspended', 'ended'] as const) {
      const [f] = only(strategy({ status, reasonableAdjustments: adj }), 'REASONABLE_ADJUSTMENTS');
      expect(f?.message).toContain('Large print (18pt) replies; Plain English');
    }
  });
  it('is not raised without adjustments', () => {
    expect(only(strategy(), 'REASONABLE_ADJUSTMENTS')).toEqual([]);
  });
});

describe('REVIEW_OVERDUE', () => {
  const on = (now: string, s: Strategy) => only(s, 'REVIEW_OVERDUE', { now });
  it('is raised the day after the next review date, not on it', () => {
    expect(on('2025-04-06T12:00:00Z', strategy())).toEqual([]);
    expect(on('2025-04-07T12:00:00Z', strategy())[0]?.field).toBe('nextReviewDate');
  });
  it('is raised when the last review is older than reviewMaxDays, even without a next date', () => {
    const s = strategy({ nextReviewDate: undefined, lastReviewedDate: '2025-01-01' });
    expect(on('2025-04-03T12:00:00Z', s)).toEqual([]); // 92 days
    expect(on('2025-04-04T12:00:00Z', s)[0]?.field).toBe('lastReviewedDate');
  });
  it('falls back to the start date when never reviewed', () => {
    const s = strategy({ nextReviewDate: undefined, lastReviewedDate: undefined, startDate: '2024-06-01' });
    expect(on('2025-03-04T12:00:00Z', s)[0]?.message).toContain('Started 1 Jun 2024');
  });
  it('uses the local date: 23:30Z on 6 April is already 7 April in London (BST)', () => {
    expect(codes(on('2025-04-06T23:30:00Z', strategy()))).toEqual(['REVIEW_OVERDUE']);
  });
});

describe('SPOC_ROTATION_DUE', () => {
  const s = strategy({ spoc: { name: 'Sam Handler', address: SPOC, since: '2024-01-06' } });
  it('is raised once the SPOC has served longer than spocRotationMonths', () => {
    expect(only(s, 'SPOC_ROTATION_DUE', { now: '2025-01-06T12:00:00Z' })).toEqual([]);
    expect(only(s, 'SPOC_ROTATION_DUE', { now: '2025-01-07T12:00:00Z' })[0]?.message).toContain(
      'Sam Handler',
    );
    expect(
      only(s, 'SPOC_ROTATION_DUE', {
        now: '2025-01-07T12:00:00Z',
        config: config({ spocRotationMonths: 24 }),
      }),
    ).toEqual([]);
  });
  it('is not raised without a since date or a SPOC', () => {
    expect(
      only(strategy({ spoc: { name: 'Sam', address: SPOC } }), 'SPOC_ROTATION_DUE', {
        now: '2030-01-01T00:00:00Z',
      }),
    ).toEqual([]);
  });
});

describe('ADJUSTMENT_REVIEW_DUE', () => {
  it('is raised when an adjustment review date has passed, naming it', () => {
    const s = strategy({
      reasonableAdjustments: [
        { description: 'Large print', reviewDate: '2025-03-01' },
        { description: 'Calls only in the morning', reviewDate: '2025-12-01' },
      ],
    });
    const [f] = only(s, 'ADJUSTMENT_REVIEW_DUE');
    expect(f?.message).toContain('an adjustment');
    expect(f?.message).toContain('Large print (review by 1 Mar 2025)');
    expect(f?.message).not.toContain('Calls only');
  });
  it('is not raised for future or missing review dates', () => {
    const s = strategy({
      reasonableAdjustments: [{ description: 'Large print' }, { description: 'x', reviewDate: '2025-03-04' }],
    });
    expect(only(s, 'ADJUSTMENT_REVIEW_DUE')).toEqual([]);
  });
});

describe('STRATEGY_NOT_ACTIVE and what still applies', () => {
  const strict = strategy({
    permittedChannels: ['post'],
    designatedAddress: DESIGNATED,
    responsePolicy: 'read-not-respond',
    refuseReopen: true,
    reasonableAdjustments: [{ description: 'Large print' }],
    nextReviewDate: '2025-01-01',
  });
  const flagsFor = (status: Strategy['status']) =>
    codes(
      runChecks(
        { ...strict, status },
        {
          now: FRESH,
          message: message({ to: [{ address: PSD }] }),
          reopen: { start: 0, end: 1, text: 'x' },
          matterRefs: ['CO/5/25'],
        },
      ),
    );

  it('an ended strategy raises no breach or restriction, only not-active and adjustments', () => {
    expect(flagsFor('ended').sort()).toEqual(['REASONABLE_ADJUSTMENTS', 'STRATEGY_NOT_ACTIVE']);
  });
  it('a suspended strategy still shows review housekeeping but no restriction', () => {
    expect(flagsFor('suspended').sort()).toEqual([
      'REASONABLE_ADJUSTMENTS',
      'REVIEW_OVERDUE',
      'STRATEGY_NOT_ACTIVE',
    ]);
  });
  it('a draft raises neither restrictions nor reviews', () => {
    expect(flagsFor('draft').sort()).toEqual(['REASONABLE_ADJUSTMENTS', 'STRATEGY_NOT_ACTIVE']);
  });
  it('says the message must still be read', () => {
    const [f] = runChecks({ ...strict, status: 'ended' }, { now: FRESH }).filter(
      (x) => x.code === 'STRATEGY_NOT_ACTIVE',
    );
    expect(f?.message).toContain('must still be read');
  });
  it('an active strategy is not flagged as not active', () => {
    expect(flagsFor('active')).not.toContain('STRATEGY_NOT_ACTIVE');
  });
});

describe('POSSIBLE_EVASION', () => {
  const s = strategy();
  const lookup = (id: string) => (id === s.id ? s : undefined);
  it('passes each evasion warning through as a warning naming the person and field', () => {
    const flags = evasionFlags(
      [
        { strategyId: 'CS-0042', kind: 'confusable-address', resembles: PAUL },
        { strategyId: 'CS-0042', kind: 'confusable-address', resembles: PAUL },
        { strategyId: 'CS-0042', kind: 'same-display-name', resembles: 'Paul Example' },
        { strategyId: 'CS-9', kind: 'same-local-part', resembles: 'x@example.com' },
      ],
      lookup,
    );
    expect(flags.map((f) => [f.code, f.severity, f.strategyId, f.field])).toEqual([
      ['POSSIBLE_EVASION', 'warning', 'CS-0042', 'emailAddresses'],
      ['POSSIBLE_EVASION', 'warning', 'CS-0042', 'knownNames'],
      ['POSSIBLE_EVASION', 'warning', 'CS-9', 'emailAddresses'],
    ]);
    expect(flags[0]?.message).toContain('Paul Example');
  });
  it('is nothing without warnings', () => {
    expect(evasionFlags([], lookup)).toEqual([]);
  });
});

describe('orderFlags', () => {
  it('puts adjustments first, then breach, warning, info, keeping order within each', () => {
    const f = (code: Parameters<typeof makeFlag>[0], id = 'A') => makeFlag(code, id, 'x', 'x');
    const ordered = orderFlags([
      f('READ_NOT_RESPOND'),
      f('REVIEW_OVERDUE'),
      f('NOT_SPOC', 'A'),
      f('REASONABLE_ADJUSTMENTS', 'B'),
      f('WRONG_ADDRESS', 'B'),
      f('NOT_SPOC', 'B'),
      f('REASONABLE_ADJUSTMENTS', 'A'),
    ]);
    expect(ordered.map((x) => `${x.code}:${x.strategyId}`)).toEqual([
      'REASONABLE_ADJUSTMENTS:B',
      'REASONABLE_ADJUSTMENTS:A',
      'NOT_SPOC:A',
      'WRONG_ADDRESS:B',
      'NOT_SPOC:B',
      'REVIEW_OVERDUE:A',
      'READ_NOT_RESPOND:A',
    ]);
  });
});
