// Plain English in every flag sentence a handler reads: the strategy card's labels, never a field
// name or code; dates as "2 Dec 2026", never ISO. Walks every flag code, from the sandbox samples
// (which cover them all) and from fixtures that push each check down its other branches.
import { evaluate } from '../../src/core/evaluate';
import { fingerprint } from '../../src/core/repeat';
import { FLAG_SEVERITY, type Flag, type Strategy } from '../../src/core/types';
import { dayList, timeWindow, ukDate } from '../../src/core/words';
import { buildSeed, loadSamples } from '../../sandbox/seed';
import { sampleConfig } from '../fixtures/sample-config';
import {
  ADVOCATE,
  DESIGNATED,
  PSD,
  SPOC,
  STAFF_DOMAIN,
  domainStrategy,
  earlier,
  message,
  runChecks,
  strategy,
} from './checks.fixtures';

const FIELD_NAMES = Object.keys(domainStrategy({ lastReviewedBy: 'x', decidedBy: 'x', timeZone: 'x' }));
const CODE_VALUES = [
  'read-not-respond',
  'respond-within-days',
  'in-person',
  'online-form',
  'aggressive-or-abusive',
  'unreasonably-persistent',
  'unreasonable-demands',
  'confusable-address',
  'same-local-part',
  'same-display-name',
];

/** What a handler should never have to read in a sentence; empty when the sentence is plain. */
function problems(text: string): string[] {
  const found: string[] = [];
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
  if (iso) found.push(`ISO date ${iso[0]}`);
  const camel = /\b[a-z]+[A-Z][A-Za-z]*\b/.exec(text);
  if (camel) found.push(`code identifier ${camel[0]}`);
  const code = /\b[A-Z]{2,}_[A-Z_]+\b/.exec(text);
  if (code) found.push(`flag code ${code[0]}`);
  for (const field of FIELD_NAMES) if (new RegExp(`\\(${field}\\b`).test(text)) found.push(`(${field}`);
  for (const value of CODE_VALUES) if (text.includes(value)) found.push(`code value ${value}`);
  const day = /\b(mon|tue|wed|thu|fri|sat|sun)\b/.exec(text);
  if (day) found.push(`day code ${day[0]}`);
  if (/\bSPOC\b/.test(text)) found.push('the abbreviation SPOC');
  return found;
}

function sampleFlags(): Flag[] {
  const now = new Date('2026-12-02T12:00:00Z');
  const { samples } = buildSeed(loadSamples(), now);
  const config = sampleConfig(samples);
  const history = samples.history.map(({ internetMessageId, receivedDateTime, from, body }) => ({
    internetMessageId,
    receivedDateTime,
    from,
    fingerprint: fingerprint(body),
  }));
  return samples.messages.flatMap(
    (m) => evaluate({ strategies: samples.strategies, message: m.message, history, config, now }).flags,
  );
}

/** Each check down the branches the samples do not take. */
function fixtureFlags(): Flag[] {
  const all: Strategy = domainStrategy({
    status: 'active',
    permittedChannels: ['post', 'in-person', 'online-form'],
    nextReviewDate: '2025-02-01',
    spoc: { name: 'Sam Handler', address: SPOC, since: '2023-01-06' },
    reasonableAdjustments: [
      { description: 'Large print', reviewDate: '2025-01-01' },
      { description: 'Calls in the morning', reviewDate: '2025-02-01' },
    ],
  });
  const msg = message({
    receivedDateTime: '2025-03-05T10:00:00Z',
    to: [{ address: PSD }],
    cc: [{ address: `complaints@${STAFF_DOMAIN}` }, { address: `jo.bloggs@${STAFF_DOMAIN}` }],
  });
  const history = [earlier('2025-03-04T10:00:00Z', { body: msg.body }), earlier('2025-03-03T10:00:00Z')];
  return [
    ...runChecks(all, {
      message: msg,
      history,
      matterRefs: ['CO/09999/25'],
      reopen: { start: 0, end: 6, text: 'reopen it' },
    }),
    ...runChecks(all, { message: msg, via: 'advocate', matterRefs: ['CO/01234/24', 'CO/09999/25'] }),
    // Reasons route for several recipients; a stale last review rather than a passed date.
    ...runChecks(strategy({ lastReviewedDate: '2024-01-01', nextReviewDate: undefined }), { message: msg }),
    ...runChecks(
      strategy({ startDate: '2024-01-01', lastReviewedDate: undefined, nextReviewDate: undefined }),
    ),
    ...runChecks(strategy({ designatedAddress: DESIGNATED }), { message: msg }),
    ...(['draft', 'suspended', 'ended'] as const).flatMap((status) => runChecks(strategy({ status }))),
    ...runChecks(strategy({ responsePolicy: 'read-not-respond' })),
    ...runChecks(strategy({ advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true } })),
    ...runChecks(
      strategy({ permittedTimes: [{ days: [], from: '22:00', to: '02:00' }], timeZone: 'America/New_York' }),
      { message: message({ receivedDateTime: '2025-03-05T15:00:00Z' }) },
    ),
  ];
}

describe('flag sentences are plain English', () => {
  const flags = [...sampleFlags(), ...fixtureFlags()];

  it('the walk covers every flag code', () => {
    expect([...new Set(flags.map((f) => f.code))].sort()).toEqual(Object.keys(FLAG_SEVERITY).sort());
  });

  it('no sentence holds a code identifier, a field name or an ISO date', () => {
    const bad = flags.map((f) => ({ code: f.code, text: f.message, problems: problems(f.message) }));
    expect(bad.filter((b) => b.problems.length > 0)).toEqual([]);
  });

  it('the checker itself catches what the issue found', () => {
    for (const text of [
      'Not sent to the designated address (designatedAddress: a@example.com).',
      'single point of contact (spoc: Alex Handler).',
      'read but do not respond (responsePolicy).',
      'The review date (nextReviewDate: 2026-11-17) has passed.',
      'permitted times: mon, tue, wed, thu, fri 09:00-17:00.',
    ])
      expect([text, problems(text).length > 0]).toEqual([text, true]);
  });
});

describe('the plain words', () => {
  it('writes dates the UK way', () => {
    expect(ukDate('2026-12-02')).toBe('2 Dec 2026');
    expect(ukDate('2026-11-17T10:15:00Z')).toBe('17 Nov 2026');
    expect(ukDate('not a date')).toBe('not a date');
  });

  it('writes days as ranges and lists', () => {
    expect(dayList(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
    expect(dayList(['sat', 'sun'])).toBe('Sat, Sun');
    expect(dayList(['mon', 'wed', 'thu', 'fri', 'sun'])).toBe('Mon, Wed–Fri, Sun');
    expect(dayList([])).toBe('every day');
    expect(timeWindow({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' })).toBe(
      'Mon–Fri 09:00–17:00',
    );
  });
});
