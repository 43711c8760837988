import fc from 'fast-check';
import { DEFAULT_CONFIG, defaultConfig, parseConfig, parseHistory, parseMessage } from '../../src/core/parse';

const message = {
  internetMessageId: '<abc@example.com>',
  receivedDateTime: '2025-03-04T10:15:00Z',
  from: { name: 'Paul Example', address: 'paul.example@example.com' },
  to: [{ name: 'PSD', address: 'psd@force.example.police.uk' }],
  cc: [],
  subject: 'Re: CO/01234/24',
  body: 'plain text body',
};

function errorOf(parsed: { ok: true } | { ok: false; error: string }): string {
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('parseMessage', () => {
  it('reads the documented example unchanged', () => {
    expect(parseMessage(message)).toEqual({ ok: true, value: message });
  });

  it('defaults to, cc, subject and body, and ignores fields it does not use', () => {
    const { to: _to, cc: _cc, subject: _s, body: _b, ...bare } = message;
    expect(parseMessage({ ...bare, id: 'AAMk…', conversationId: 'x' })).toEqual({
      ok: true,
      value: { ...bare, to: [], cc: [], subject: '', body: '' },
    });
  });

  it('keeps a sender whose address is malformed: it is still read, it just matches nothing', () => {
    const parsed = parseMessage({ ...message, from: { address: '/o=ExchangeLabs/cn=paul' } });
    expect(parsed.ok && parsed.value.from.address).toBe('/o=ExchangeLabs/cn=paul');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a numeric sender address', { from: { address: 42 } }, 'from.address must be a string, got 42'],
    ['a missing sender', { from: undefined }, 'from is required'],
    ['a sender as a string', { from: 'paul@example.com' }, 'from must be an object, got "paul@example.com"'],
    ['a recipient without address', { to: [{ name: 'PSD' }] }, 'to[0].address is required'],
    ['cc not a list', { cc: 'psd@example.org' }, 'cc must be a list, got "psd@example.org"'],
    [
      'a time without zone',
      { receivedDateTime: '2025-03-04T10:15:00' },
      'receivedDateTime must be an ISO date and time with a zone',
    ],
    [
      'an impossible time',
      { receivedDateTime: '2025-02-30T10:15:00Z' },
      'receivedDateTime must be an ISO date',
    ],
    ['a body that is not text', { body: { html: '<p>' } }, 'body must be a string, got an object'],
    ['an empty message id', { internetMessageId: '  ' }, 'internetMessageId must be a non-empty string'],
  ])('names the field for %s', (_case, change, expected) => {
    expect(errorOf(parseMessage({ ...message, ...change }))).toContain(expected);
  });

  it('accepts offsets and fractions of a second', () => {
    expect(parseMessage({ ...message, receivedDateTime: '2025-03-04T10:15:00.123+01:00' }).ok).toBe(true);
  });

  it('rejects a message that is not an object', () => {
    expect(errorOf(parseMessage(null))).toBe('message must be an object, got null');
  });
});

describe('parseHistory', () => {
  const entry = {
    internetMessageId: '<1@example.com>',
    receivedDateTime: '2025-03-01T09:00:00Z',
    from: { address: 'paul.example@example.com' },
  };

  it('reads entries with and without body, fingerprint and strategy id', () => {
    const list = [
      entry,
      { ...entry, body: 'text', strategyId: 'CS-0042', fingerprint: { v: 'mh1', sig: 'AAAA', n: 12 } },
    ];
    expect(parseHistory(list)).toEqual({ ok: true, value: list });
  });

  it('names the entry and field of a bad one', () => {
    expect(errorOf(parseHistory([entry, { ...entry, receivedDateTime: 'yesterday' }]))).toContain(
      'history[1].receivedDateTime must be an ISO date and time with a zone',
    );
    expect(errorOf(parseHistory([{ ...entry, fingerprint: { v: 'mh1', sig: 'x', n: -1 } }]))).toContain(
      'history[0].fingerprint.n must be a whole number, got -1',
    );
    expect(errorOf(parseHistory({}))).toBe('history must be a list, got an object');
  });

  it('shows the first few problems of a long bad list and counts the rest', () => {
    const e = errorOf(parseHistory(Array.from({ length: 20 }, () => 1)));
    expect(e).toContain('history[0] must be an object, got 1');
    expect(e).toContain('and 15 more');
  });
});

describe('parseConfig', () => {
  it('fills every default for an empty object', () => {
    expect(parseConfig({})).toEqual({ ok: true, value: defaultConfig() });
    expect(DEFAULT_CONFIG).toEqual(defaultConfig());
    // Each parse gets its own lists: editing one config's settings cannot change another's.
    const a = parseConfig({});
    const b = parseConfig({});
    expect(a.ok && b.ok && a.value.staffDomains !== b.value.staffDomains).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG.staffDomains)).toBe(true);
    expect(defaultConfig()).toEqual({
      staffDomains: [],
      teams: {},
      spocRotationMonths: 12,
      reviewMaxDays: 92,
      timeZone: 'Europe/London',
    });
  });

  it('reads the documented example, normalising team mailboxes and domains', () => {
    const parsed = parseConfig({
      staffDomains: ['Force.Example.Police.UK', '@example.org'],
      teams: { 'PSD@force.example.police.uk': 'PSD' },
      spocRotationMonths: 6,
      reviewMaxDays: 90,
      timeZone: 'Europe/London',
      terms: { SELF_HARM: ['no point going on'] },
      repeatThreshold: 0.8,
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        staffDomains: ['force.example.police.uk', 'example.org'],
        teams: { 'psd@force.example.police.uk': 'PSD' },
        spocRotationMonths: 6,
        reviewMaxDays: 90,
        timeZone: 'Europe/London',
        terms: { SELF_HARM: ['no point going on'] },
        repeatThreshold: 0.8,
      },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a misspelt setting', { reviewMaxDay: 30 }, 'reviewMaxDay is not a known field'],
    ['an unknown zone', { timeZone: 'London' }, 'timeZone must be an IANA time zone'],
    [
      'a months value as text',
      { spocRotationMonths: '12' },
      'spocRotationMonths must be a whole number from 1 to 120, got "12"',
    ],
    [
      'a team key that is not an address',
      { teams: { PSD: 'PSD' } },
      'teams.PSD: the key must be an email address',
    ],
    [
      'an empty team name',
      { teams: { 'psd@example.org': '' } },
      'teams.psd@example.org must be a non-empty string',
    ],
    ['an unknown indicator code', { terms: { SWEARING: ['x'] } }, 'terms.SWEARING is not a known field'],
    [
      'a threshold above 1',
      { repeatThreshold: 1.5 },
      'repeatThreshold must be a number from 0 to 1, got 1.5',
    ],
    ['a bad staff domain', { staffDomains: ['not a domain'] }, 'staffDomains[0] must be a mail domain'],
  ])('names the field for %s', (_case, raw, expected) => {
    expect(errorOf(parseConfig(raw))).toContain(expected);
  });
});

describe('parsers never throw', () => {
  it.each([
    ['parseMessage', parseMessage],
    ['parseHistory', parseHistory],
    ['parseConfig', parseConfig],
  ])('%s on any value', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.array(fc.anything())), (raw) => {
        const parsed = parse(raw);
        if (!parsed.ok) expect(parsed.error).not.toMatch(/[\n\r]/u);
      }),
      { numRuns: 500 },
    );
  });

  it('parseMessage with any one field replaced by any JSON value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(message)), fc.jsonValue(), (key, value) => {
        const parsed = parseMessage({ ...message, [key]: value });
        // Either it reads, or the error names the field that was changed.
        if (!parsed.ok) expect(parsed.error.startsWith(key)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
