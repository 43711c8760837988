import fc from 'fast-check';
import examples from '../../examples/strategies.json';
import { newStrategy, parseStrategies, parseStrategy } from '../../src/core/strategy';
import type { Strategy } from '../../src/core/types';

// examples/strategies.json: the example from docs/domain.md "Interchange format" (CS-0042) and a
// read-but-not-respond strategy that leaves every optional field out it can.
const [full, rbnr] = examples as unknown as [Record<string, unknown>, Record<string, unknown>];

const minimal = {
  id: 'CS-0001',
  personName: 'Jane Sample',
  emailAddresses: ['jane@example.org'],
  status: 'active',
};

function ok(raw: unknown): Strategy {
  const parsed = parseStrategy(raw);
  if (!parsed.ok) throw new Error(`expected a strategy, got error: ${parsed.error}`);
  return parsed.value;
}

function error(raw: unknown): string {
  const parsed = parseStrategy(raw);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('parseStrategy: good rows', () => {
  it('reads the documented example field for field', () => {
    expect(ok(full)).toEqual(full);
  });

  it('reads the read-but-not-respond example with its defaults, as newStrategy would make it', () => {
    expect(ok(rbnr)).toEqual(newStrategy(rbnr as Parameters<typeof newStrategy>[0]));
    expect(ok(rbnr).responsePolicy).toBe('read-not-respond');
  });

  it('fills the documented defaults for a minimal row', () => {
    const expected = {
      ...minimal,
      knownNames: [],
      matterRefs: [],
      reasons: [],
      permittedChannels: ['email', 'post', 'phone', 'in-person', 'online-form'],
      permittedTimes: [],
      responsePolicy: 'respond',
      refuseReopen: false,
      reasonableAdjustments: [],
    };
    expect(ok(minimal)).toEqual(expected);
    expect(newStrategy({ ...minimal, status: 'active' })).toEqual(expected);
  });

  it('treats null and blank optional fields as left out (empty SharePoint columns)', () => {
    const s = ok({ ...minimal, designatedAddress: '', spoc: null, timeZone: '  ', knownNames: null });
    expect(s.designatedAddress).toBeUndefined();
    expect(s.spoc).toBeUndefined();
    expect(s.timeZone).toBeUndefined();
    expect(s.knownNames).toEqual([]);
    expect(Object.keys(s)).not.toContain('designatedAddress');
  });

  it('normalises addresses and references and forgives keyword spelling', () => {
    const s = ok({
      ...minimal,
      emailAddresses: ['Jane <Jane+psd@Example.org>', 'jane@example.org', 'j.sample@example.com'],
      matterRefs: [' co/01234/24 '],
      permittedChannels: ['Email', 'In person', 'online_form'],
      status: 'Active',
      permittedTimes: [{ days: ['Mon', 'FRI'], from: '22:00', to: '02:00' }],
    });
    expect(s.emailAddresses).toEqual(['jane@example.org', 'j.sample@example.com']);
    expect(s.matterRefs).toEqual(['CO/01234/24']);
    expect(s.permittedChannels).toEqual(['email', 'in-person', 'online-form']);
    expect(s.status).toBe('active');
    expect(s.permittedTimes).toEqual([{ days: ['mon', 'fri'], from: '22:00', to: '02:00' }]);
  });

  it('accepts a window without days (every day) and one ending at 24:00', () => {
    expect(ok({ ...minimal, permittedTimes: [{ from: '18:00', to: '24:00' }] }).permittedTimes).toEqual([
      { days: [], from: '18:00', to: '24:00' },
    ]);
  });
});

describe('parseStrategy: bad rows name the strategy and the field', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a time like 9am',
      { permittedTimes: [{ days: ['mon'], from: '9am', to: '12:00' }] },
      'permittedTimes[0].from must be HH:MM (00:00 to 23:59), got "9am"',
    ],
    [
      '24:00 as a start',
      { permittedTimes: [{ days: ['mon'], from: '24:00', to: '12:00' }] },
      'permittedTimes[0].from must be HH:MM',
    ],
    [
      'an unknown weekday',
      { permittedTimes: [{ days: ['mon', 'funday'], from: '09:00', to: '12:00' }] },
      'permittedTimes[0].days[1] must be one of mon, tue, wed, thu, fri, sat, sun, got "funday"',
    ],
    [
      'an impossible date',
      { nextReviewDate: '2025-02-30' },
      'nextReviewDate must be a date written YYYY-MM-DD, got "2025-02-30"',
    ],
    ['a UK-style date', { startDate: '06/01/2025' }, 'startDate must be a date written YYYY-MM-DD'],
    [
      'a date-time instead of a date',
      { lastReviewedDate: '2025-01-06T00:00:00Z' },
      'lastReviewedDate must be a date',
    ],
    [
      'an unknown channel',
      { permittedChannels: ['email', 'carrier pigeon'] },
      'permittedChannels[1] must be one of email, post, phone, in-person, online-form, got "carrier pigeon"',
    ],
    ['no channels at all', { permittedChannels: [] }, 'permittedChannels must list at least one channel'],
    ['an unknown reason', { reasons: ['rude'] }, 'reasons[0] must be one of aggressive-or-abusive'],
    [
      'an unknown zone',
      { timeZone: 'Europe/Nowhere' },
      'timeZone must be an IANA time zone such as Europe/London, got "Europe/Nowhere"',
    ],
    [
      'a malformed address',
      { emailAddresses: ['paul.example@example.com', 'paul at example.com'] },
      'emailAddresses[1] must be an email address, got "paul at example.com"',
    ],
    ['no addresses', { emailAddresses: [] }, 'emailAddresses must list at least 1'],
    [
      'a malformed designated address',
      { designatedAddress: 'psd' },
      'designatedAddress must be an email address, got "psd"',
    ],
    ['a SPOC without an address', { spoc: { name: 'Sam Handler' } }, 'spoc.address is required'],
    [
      'an advocate without "required"',
      { advocate: { name: 'Ann', addresses: ['ann@example.org'] } },
      'advocate.required is required',
    ],
    [
      'a zero contact limit',
      { contactLimit: { max: 0, periodDays: 7 } },
      'contactLimit.max must be a whole number from 1 to 10000, got 0',
    ],
    [
      'a fractional period',
      { contactLimit: { max: 1, periodDays: 1.5 } },
      'contactLimit.periodDays must be a whole number',
    ],
    [
      'a limit as text',
      { contactLimit: { max: '1', periodDays: 7 } },
      'contactLimit.max must be a whole number from 1 to 10000, got "1"',
    ],
    [
      'respond-within-days without days',
      { responsePolicy: 'respond-within-days', responseDays: undefined },
      'responseDays is required when responsePolicy is "respond-within-days"',
    ],
    [
      'an unknown policy',
      { responsePolicy: 'ignore' },
      'responsePolicy must be one of respond, respond-within-days, read-not-respond',
    ],
    ['refuseReopen as text', { refuseReopen: 'yes' }, 'refuseReopen must be true or false, got "yes"'],
    [
      'an adjustment without a description',
      { reasonableAdjustments: [{ agreed: '2025-01-01' }] },
      'reasonableAdjustments[0].description is required',
    ],
    ['a misspelt field', { permitedTimes: [] }, 'permitedTimes is not a known field'],
    [
      'a misspelt nested field',
      { contactLimit: { max: 1, periodDays: 7, period: 7 } },
      'contactLimit.period is not a known field',
    ],
    ['a status missing', { status: undefined }, 'status is required'],
  ])('%s', (_case, change, message) => {
    const e = error({ ...full, ...change });
    expect(e.startsWith('strategy CS-0042 (Paul Example): ')).toBe(true);
    expect(e).toContain(message);
  });

  it('reports every problem of a row in one line', () => {
    const e = error({ ...full, timeZone: 'Mars/Olympus', contactLimit: { max: -1, periodDays: 7 } });
    expect(e).toContain('timeZone must be');
    expect(e).toContain('contactLimit.max must be');
    expect(e).not.toMatch(/\n/u);
  });

  it('labels a row by whatever identifies it', () => {
    expect(error({ ...minimal, id: undefined })).toMatch(/^strategy \(Jane Sample\): id is required/u);
    expect(error({ ...minimal, id: '', personName: '' })).toMatch(
      /^strategy: id must be a non-empty string, got ""/u,
    );
    expect(error('CS-0042')).toBe('strategy must be an object, got "CS-0042"');
    expect(error([minimal])).toBe('strategy must be an object, got a list');
  });

  it('keeps hostile values to one short line', () => {
    const e = error({ ...minimal, id: 'CS-1\nCS-2', timeZone: `Bad\n${'x'.repeat(500)}` });
    expect(e).not.toMatch(/\n/u);
    expect(e.length).toBeLessThan(300);
  });
});

describe('parseStrategies', () => {
  it('keeps the good rows and reports each bad one by position', () => {
    const { strategies, errors } = parseStrategies([
      minimal,
      { ...minimal, id: 'CS-0002', status: 'paused' },
      { personName: 'No Id', emailAddresses: ['x@example.com'], status: 'active' },
      42,
      full,
    ]);
    expect(strategies.map((s) => s.id)).toEqual(['CS-0001', 'CS-0042']);
    expect(errors).toEqual([
      expect.stringMatching(/^strategy CS-0002 \(Jane Sample\): status must be one of/u),
      expect.stringMatching(/^strategy at index 2 \(No Id\): id is required/u),
      'strategy at index 3 must be an object, got 42',
    ]);
  });

  it('reports a second strategy with an id already used, and keeps the first', () => {
    const { strategies, errors } = parseStrategies([minimal, { ...minimal, personName: 'Someone Else' }]);
    expect(strategies).toHaveLength(1);
    expect(strategies[0]?.personName).toBe('Jane Sample');
    expect(errors).toEqual([
      'strategy CS-0001 (Someone Else): id is already used by the strategy at index 0',
    ]);
  });

  it('reports input that is not a list', () => {
    expect(parseStrategies({ strategies: [] })).toEqual({
      strategies: [],
      errors: ['strategies must be a list, got an object'],
    });
  });
});

describe('parseStrategy properties', () => {
  it('never throws on any value, and an error is always one non-empty line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (raw) => {
        const parsed = parseStrategy(raw);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          expect(parsed.error).not.toMatch(/[\n\r]/u);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws when any one field of a good row is replaced by any JSON value', () => {
    const keys = Object.keys(full);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const parsed = parseStrategy({ ...full, [key]: value });
        if (!parsed.ok)
          expect(parsed.error).toMatch(
            /^strategy CS-0042 \(Paul Example\): |^strategy \(Paul Example\): |^strategy CS-0042: /u,
          );
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on parseStrategies of a list of anything', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.constant(full), fc.constant(minimal))), (raw) => {
        const { strategies, errors } = parseStrategies(raw);
        // Every row is either kept or reported: none is silently dropped.
        expect(strategies.length + errors.length).toBe(raw.length);
      }),
    );
  });
});
