import fc from 'fast-check';
import { evaluate, type EvaluateInput } from '../../src/core/evaluate';
import { buildIndex } from '../../src/core/match';
import { fingerprint, fingerprintKey } from '../../src/core/repeat';
import type { Strategy } from '../../src/core/types';
import {
  ADVOCATE,
  codes,
  config,
  domainStrategy,
  earlier,
  message,
  PAUL,
  PSD,
  strategy,
} from './checks.fixtures';

const NOW = new Date('2025-03-04T10:30:00Z');

const cs42 = domainStrategy();
const other: Strategy = strategy({
  id: 'CS-0100',
  personName: 'Olive Other',
  emailAddresses: ['olive@example.org'],
  knownNames: [],
});

const run = (over: Partial<EvaluateInput> = {}) =>
  evaluate({
    strategies: [cs42, other],
    message: message(),
    history: [],
    config: config(),
    now: NOW,
    ...over,
  });

describe('evaluate', () => {
  it('gives a sender with no strategy a clear empty verdict, still to be read', () => {
    const e = run({ message: message({ from: { name: 'Someone', address: 'someone.new@example.net' } }) });
    expect(e.matches).toEqual([]);
    expect(e.flags).toEqual([]);
    expect(e.readRequired).toBe(true);
    expect(e.fingerprint.v).toMatch(/^mh2/);
  });

  it('evaluates the domain example: PSD instead of the SPOC and designated address', () => {
    const e = run({ message: message({ to: [{ name: 'PSD', address: PSD }] }) });
    expect(e.matches).toEqual([{ strategyId: 'CS-0042', via: 'sender' }]);
    expect(codes(e.flags)).toEqual([
      'REASONABLE_ADJUSTMENTS',
      'WRONG_ADDRESS',
      'NOT_SPOC',
      'ADVOCATE_REQUIRED',
    ]);
    expect(e.flags[0]?.severity).toBe('info');
  });

  it('matches via the advocate without breaches', () => {
    const e = run({
      message: message({ from: { name: 'Ann Advocate', address: ADVOCATE }, to: [{ address: PSD }] }),
    });
    expect(e.matches).toEqual([{ strategyId: 'CS-0042', via: 'advocate' }]);
    expect(codes(e.flags)).toEqual(['REASONABLE_ADJUSTMENTS']);
  });

  it('shows every strategy a person has, adjustments first', () => {
    const second = strategy({
      id: 'CS-0043',
      matterRefs: ['CO/77777/25'],
      responsePolicy: 'read-not-respond',
    });
    const e = run({ strategies: [cs42, second] });
    expect(e.matches.map((m) => m.strategyId)).toEqual(['CS-0042', 'CS-0043']);
    expect(e.flags.map((f) => `${f.code}:${f.strategyId}`)).toEqual([
      'REASONABLE_ADJUSTMENTS:CS-0042',
      'ADVOCATE_REQUIRED:CS-0042',
      'READ_NOT_RESPOND:CS-0043',
      'OTHER_MATTER:CS-0043',
    ]);
  });

  it('counts the contact log for limits and compares it for repeats', () => {
    const letter =
      'I have written to you many times about the search of my house in March. Your officers broke the door and took my laptop. ' +
      'Nobody has explained why the warrant was granted. I want the names of every officer involved and a full apology.';
    const history = [
      earlier('2025-03-03T09:30:00Z', { fingerprint: fingerprint(letter) }),
      earlier('2025-02-01T09:30:00Z', { from: { address: 'someone@example.com' } }),
    ];
    const e = run({ message: message({ body: letter }), history });
    expect(codes(e.flags)).toEqual([
      'REASONABLE_ADJUSTMENTS',
      'ADVOCATE_REQUIRED',
      'CONTACT_LIMIT_EXCEEDED',
      'REPEATED_CONTENT',
    ]);
  });

  it('raises REOPEN_DEMAND from the body and scans indicators', () => {
    const body = 'I want you to reopen my complaint CO/01234/24. I want to make a complaint about PC Smith.';
    const e = run({ message: message({ body }) });
    expect(codes(e.flags)).toContain('REOPEN_DEMAND');
    expect(e.indicators.map((i) => i.code)).toContain('NEW_COMPLAINT');
    for (const i of e.indicators) expect(body.slice(i.start, i.end)).toBe(i.text);
  });

  it('passes a possible evasion through as a warning, never as a match', () => {
    const e = run({
      message: message({ from: { name: 'Paul Example', address: 'paul.example@example.net' } }),
    });
    expect(e.matches).toEqual([]);
    expect(e.evasions.length).toBeGreaterThan(0);
    expect(e.flags.every((f) => f.code === 'POSSIBLE_EVASION' && f.strategyId === 'CS-0042')).toBe(true);
    expect(e.flags.length).toBeGreaterThan(0);
  });

  it('gives the same verdict with a prebuilt index', () => {
    const m = message({ to: [{ address: PSD }] });
    const index = buildIndex([cs42, other]);
    expect(run({ message: m, index, strategies: [] })).toEqual(run({ message: m }));
  });

  it('rejects an invalid now with a clear error', () => {
    expect(() => run({ now: new Date('nope') })).toThrow('`now` is not a valid date');
  });

  it('never throws on arbitrary bodies and subjects, and indicator offsets point into the body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ maxLength: 60 }),
        (body, subject) => {
          const e = run({
            message: message({ body, subject }),
            history: [earlier('2025-03-01T10:00:00Z', { body })],
          });
          expect(e.readRequired).toBe(true);
          for (const i of e.indicators) expect(body.slice(i.start, i.end)).toBe(i.text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on odd message shapes from untyped callers', () => {
    const odd = {
      ...message(),
      to: undefined,
      cc: null,
      body: 42,
      subject: undefined,
    } as unknown as EvaluateInput['message'];
    expect(run({ message: odd }).readRequired).toBe(true);
    expect(run({ message: message({ receivedDateTime: 'garbage' }) }).matches).toEqual([
      { strategyId: 'CS-0042', via: 'sender' },
    ]);
  });

  it("raises only the sender's own strategy's flags", () => {
    const olive = strategy({ ...other, responsePolicy: 'read-not-respond' });
    const e = run({
      strategies: [cs42, olive],
      message: message({ from: { address: 'Olive@Example.org' } }),
    });
    expect(e.flags.map((f) => `${f.code}:${f.strategyId}`)).toEqual(['READ_NOT_RESPOND:CS-0100']);
    expect(run().flags.every((f) => f.strategyId === 'CS-0042' && cs42.emailAddresses.includes(PAUL))).toBe(
      true,
    );
  });
});

describe('history passed again on every evaluation (as the taskpane does)', () => {
  const limited = strategy({ contactLimit: { max: 1, periodDays: 7 } });
  const flagsFor = (history: ReturnType<typeof earlier>[]) =>
    codes(
      evaluate({
        strategies: [limited],
        message: message(),
        history,
        config: config(),
        now: NOW,
      }).flags,
    );

  it('sees entries added to or replaced in the same list since the last evaluation', () => {
    const history = [earlier('2025-01-02T10:00:00Z')];
    expect(flagsFor(history)).not.toContain('CONTACT_LIMIT_EXCEEDED');
    history.push(earlier('2025-03-03T10:00:00Z'));
    expect(flagsFor(history)).toContain('CONTACT_LIMIT_EXCEEDED');
    history[1] = earlier('2025-01-03T10:00:00Z');
    expect(flagsFor(history)).not.toContain('CONTACT_LIMIT_EXCEEDED');
  });

  it('counts a message logged twice once, by the copy that is before this one', () => {
    const later = earlier('2025-03-05T10:00:00Z');
    const copy = { ...later, receivedDateTime: '2025-03-03T10:00:00Z' };
    expect(flagsFor([later, copy])).toContain('CONTACT_LIMIT_EXCEEDED');
    expect(flagsFor([later])).not.toContain('CONTACT_LIMIT_EXCEEDED');
  });
});

describe('the body fingerprint beside the repeat check', () => {
  const letter =
    'I have written to you many times about the search of my house in March. Your officers broke the door and took my laptop. ' +
    'Nobody has explained why the warrant was granted. I want the names of every officer involved and a full apology.';

  it('is the fingerprint of the body whether or not an earlier contact was compared', () => {
    // The letter followed by much else (distinct references): too different in size to repeat it.
    const long = [letter, ...Array.from({ length: 120 }, (_, i) => `Exhibit ref${i}a lists item${i}b.`)].join(
      '\n\n',
    );
    for (const body of [letter, long]) {
      const e = run({
        message: message({ body }),
        history: [earlier('2025-02-20T10:00:00Z', { body: letter })],
      });
      expect(e.fingerprint).toEqual(fingerprint(body));
      // Only the letter of the same size can repeat the earlier one.
      expect(codes(e.flags).includes('REPEATED_CONTENT')).toBe(body === letter);
    }
  });
});

describe('the organisation fingerprint key', () => {
  const letter =
    'I have written to you many times about the search of my house in March. Your officers broke the door and took my laptop. ' +
    'Nobody has explained why the warrant was granted. I want the names of every officer involved and a full apology.';
  const key = fingerprintKey('organisation secret 0b7e2d9c4a1f6e3b8d5c2a9f7e4b1d6c');

  it('fingerprints the body and earlier bodies under it, and still finds the repeat', () => {
    const e = run({
      message: message({ body: letter }),
      history: [earlier('2025-02-20T10:00:00Z', { body: letter })],
      fingerprintKey: key,
    });
    expect(e.fingerprint).toEqual(fingerprint(letter, key));
    expect(codes(e.flags)).toContain('REPEATED_CONTENT');
  });

  it('never compares a stored fingerprint made under another key', () => {
    const e = run({
      message: message({ body: letter }),
      history: [earlier('2025-02-20T10:00:00Z', { fingerprint: fingerprint(letter) })],
      fingerprintKey: key,
    });
    expect(codes(e.flags)).not.toContain('REPEATED_CONTENT');
  });
});
