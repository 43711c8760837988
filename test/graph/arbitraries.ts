// fast-check generators for strategies and contact-log records as the add-in writes them.
import fc from 'fast-check';
import {
  CHANNELS,
  DISPOSITION_KINDS,
  REASONS,
  RESPONSE_POLICIES,
  STRATEGY_STATUSES,
  type ContactLogRecord,
  type Strategy,
} from '../../src/core/types';

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,8}$/);
const name = fc.tuple(word, word).map(([a, b]) => `${a} ${b}`);
const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/).filter((s) => !s.includes('..'));
const domain = fc.constantFrom('example.com', 'example.org', 'force.example.police.uk');
export const emailAddress = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
export const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const clock = fc
  .tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom('00', '30'))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`);
const uniq = <T>(arb: fc.Arbitrary<T>, min = 0, max = 3) =>
  fc.uniqueArray(arb, { minLength: min, maxLength: max });

export const strategyArb: fc.Arbitrary<Strategy> = fc
  .record(
    {
      id: fc.stringMatching(/^CS-[0-9A-Z]{4,8}$/),
      personName: name,
      knownNames: uniq(name),
      emailAddresses: uniq(emailAddress, 1, 3),
      status: fc.constantFrom(...STRATEGY_STATUSES),
      matterRefs: uniq(fc.integer({ min: 1, max: 99999 }).map((n) => `CO/${String(n).padStart(5, '0')}/24`)),
      reasons: uniq(fc.constantFrom(...REASONS)),
      reasonNarrative: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
      permittedChannels: uniq(fc.constantFrom(...CHANNELS), 1, 5),
      designatedAddress: emailAddress,
      spoc: fc.record({ name, address: emailAddress, since: isoDate }, { requiredKeys: ['name', 'address'] }),
      advocate: fc.record({ name, addresses: uniq(emailAddress, 1, 2), required: fc.boolean() }),
      contactLimit: fc.record({
        max: fc.integer({ min: 1, max: 10 }),
        periodDays: fc.integer({ min: 1, max: 60 }),
      }),
      permittedTimes: fc.array(
        fc.record({
          days: uniq(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const), 1, 3),
          from: clock,
          to: clock.map((c) => `${String(Number(c.slice(0, 2)) + 12)}${c.slice(2)}`),
        }),
        { maxLength: 2 },
      ),
      timeZone: fc.constantFrom('Europe/London', 'UTC'),
      responsePolicy: fc.constantFrom(...RESPONSE_POLICIES),
      responseDays: fc.integer({ min: 1, max: 30 }),
      refuseReopen: fc.boolean(),
      reasonableAdjustments: fc.array(
        fc.record(
          {
            description: fc.constantFrom(
              'Large print replies',
              'Phone call before any letter',
              'Plain English',
            ),
            agreed: isoDate,
            reviewDate: isoDate,
          },
          { requiredKeys: ['description'] },
        ),
        { maxLength: 2 },
      ),
      warningGiven: isoDate,
      notifiedInWriting: isoDate,
      startDate: isoDate,
      nextReviewDate: isoDate,
      lastReviewedDate: isoDate,
      lastReviewedBy: name,
      decidedBy: name,
    },
    {
      requiredKeys: [
        'id',
        'personName',
        'knownNames',
        'emailAddresses',
        'status',
        'matterRefs',
        'reasons',
        'permittedChannels',
        'permittedTimes',
        'responsePolicy',
        'refuseReopen',
        'reasonableAdjustments',
      ],
    },
  )
  .map((s) =>
    s.responsePolicy === 'respond-within-days' && s.responseDays === undefined
      ? { ...s, responseDays: 10 }
      : s,
  );

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

export const logRecordArb: fc.Arbitrary<ContactLogRecord> = fc
  .record({
    key: hex32,
    messageKey: hex32,
    entry: fc.constantFrom('decision', 'second-read' as const),
    internetMessageId: local.map((l) => `<${l}@mail.example.com>`),
    receivedDateTime: isoInstant,
    sender: emailAddress,
    recipients: uniq(emailAddress, 1, 3),
    strategyIds: uniq(fc.stringMatching(/^CS-[0-9A-Z]{4}$/), 0, 2),
    personNames: uniq(name, 0, 2),
    flagCodes: uniq(fc.constantFrom('NOT_SPOC', 'WRONG_ADDRESS', 'READ_NOT_RESPOND' as const)),
    indicatorCodes: uniq(fc.constantFrom('SAFEGUARDING', 'THREAT' as const)),
    answers: fc.record({
      newComplaintOrAllegation: fc.boolean(),
      criminalMatter: fc.boolean(),
      safeguardingOrRisk: fc.boolean(),
      otherAction: fc.boolean(),
    }),
    reader: emailAddress,
    readAt: isoInstant,
    disposition: fc.constantFrom(...DISPOSITION_KINDS),
    folder: fc.option(fc.constant('Contact strategy - read not respond'), { nil: undefined }),
    immediateRiskShown: fc.option(
      fc.constantFrom(
        'If there is an immediate risk to life, call the force control room on 01632 960000.',
        'Ring the control room.\nThen tell your supervisor.',
      ),
      { nil: undefined },
    ),
    fingerprint: fc.record({
      v: fc.constant('mh1'),
      sig: fc.base64String({ minLength: 4, maxLength: 40 }),
      n: fc.integer({ min: 0, max: 500 }),
    }),
  })
  .map((r) => {
    const { folder, immediateRiskShown, ...rest } = r;
    return {
      ...rest,
      ...(folder === undefined ? {} : { folder }),
      ...(immediateRiskShown === undefined ? {} : { immediateRiskShown }),
    };
  });
