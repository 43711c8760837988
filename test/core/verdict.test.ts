// The verdict headline: every state derived from evaluate()'s result, risk first, the kind of
// strategy named, breaches named, and the words a handler reads.
import { evaluate } from '../../src/core/evaluate';
import type { Message, Strategy } from '../../src/core/types';
import {
  headlineOf,
  headlineText,
  immediateRiskDue,
  immediateRiskOf,
  immediateRiskShown,
  strategyKind,
  strategyKindText,
  verdictOf,
  type Verdict,
} from '../../src/core/verdict';
import { ADVOCATE, DESIGNATED, PAUL, PSD, SPOC, config, message, strategy } from './checks.fixtures';
import { DEFAULT_IMMEDIATE_RISK_INSTRUCTION } from '../../src/core/words';

function verdictFor(strategies: Strategy[], msg: Partial<Message> = {}): Verdict {
  const evaluation = evaluate({
    strategies,
    message: message(msg),
    history: [],
    config: config(),
    now: new Date('2025-03-04T10:15:00Z'),
  });
  return verdictOf(evaluation, new Map(strategies.map((s) => [s.id, s])));
}

const title = (v: Verdict): string => headlineText(headlineOf(v)).title;

const SELF_HARM_BODY =
  'This will be my last email. There is no point going on any more. My daughter will be left alone in the flat tonight.';

describe('the verdict headline', () => {
  it('risk comes first, above a strategy, naming the kind of risk and the phrases', () => {
    const rbnr = strategy({ responsePolicy: 'read-not-respond' });
    const v = verdictFor([rbnr], { body: SELF_HARM_BODY });
    expect(headlineOf(v).kind).toBe('risk');
    expect(title(v)).toBe(
      'Possible risk to life: self-harm (“is no point going on”); safeguarding (“daughter will be left alone”) — read now',
    );
    // The strategy is still stated, below the risk.
    expect(v.standing).toMatchObject({ kind: 'under-strategy' });
    expect(headlineText(v.standing).title).toBe('Read but do not respond — no breach');
  });

  it('a safeguarding phrase alone is a safeguarding risk, not a risk to life', () => {
    const v = verdictFor([], {
      from: { address: 'x@example.net' },
      body: 'My daughter will be left alone tonight.',
    });
    expect(title(v)).toMatch(/^Possible safeguarding risk: safeguarding/);
    expect(v.standing.kind).toBe('no-strategy');
  });

  it('a breach names every breach, once, and the kind of strategy it breaches', () => {
    const s = strategy({
      designatedAddress: DESIGNATED,
      spoc: { name: 'Sam Handler', address: SPOC },
    });
    const v = verdictFor([s], { to: [{ address: PSD }] });
    expect(v.risk).toBeNull();
    expect(v.standing).toMatchObject({ kind: 'breach', breaches: ['WRONG_ADDRESS', 'NOT_SPOC'] });
    expect(title(v)).toBe(
      'Breach: not sent to the Write to address; sent to staff other than the single point of contact',
    );
    expect(headlineText(v.standing).detail).toBe(
      'Paul Example (CS-0042) · Single point of contact: Sam Handler',
    );
  });

  it.each<[string, Partial<Strategy>, string]>([
    ['post only', { permittedChannels: ['post'] }, 'Post only'],
    [
      'an advocate',
      { advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true } },
      'Through Ann Advocate',
    ],
    [
      'a single point of contact',
      { spoc: { name: 'Alex Handler', address: SPOC } },
      'Single point of contact: Alex Handler',
    ],
    ['read but do not respond', { responsePolicy: 'read-not-respond' }, 'Read but do not respond'],
    ['a designated address', { designatedAddress: DESIGNATED }, `Write to: ${DESIGNATED}`],
    ['a contact limit', { contactLimit: { max: 1, periodDays: 7 } }, 'Contact limit: 1 per 7 days'],
    [
      'set times',
      { permittedTimes: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] },
      'Contact only Mon–Fri 09:00–17:00',
    ],
    ['nothing else recorded', {}, 'Under a contact strategy'],
  ])('the kind of strategy is stated for %s', (_name, overrides, text) => {
    expect(strategyKindText(strategyKind(strategy(overrides)))).toBe(text);
  });

  it('under a strategy with no breach says so, and names the kind and the person', () => {
    const s = strategy({ spoc: { name: 'Alex Handler', address: SPOC } });
    const v = verdictFor([s], { to: [{ address: SPOC }] });
    expect(v.standing.kind).toBe('under-strategy');
    expect(headlineText(v.standing)).toEqual({
      title: 'Single point of contact: Alex Handler — no breach',
      detail: 'Paul Example (CS-0042).',
    });
  });

  it('an advocate writing as asked is under the strategy with no breach, and says who wrote', () => {
    const s = strategy({ advocate: { name: 'Ann Advocate', addresses: [ADVOCATE], required: true } });
    const v = verdictFor([s], { from: { name: 'Ann Advocate', address: ADVOCATE } });
    expect(v.standing).toMatchObject({ kind: 'under-strategy', viaAdvocate: 'Ann Advocate' });
    expect(title(v)).toBe('Through Ann Advocate — no breach');
    expect(headlineText(v.standing).detail).toContain('Written by Ann Advocate');
  });

  it('an ended strategy is neutral: no breach, restrictions no longer apply', () => {
    const s = strategy({ status: 'ended', permittedChannels: ['post'] });
    const v = verdictFor([s]);
    expect(v.standing).toEqual({
      kind: 'not-in-force',
      strategies: [{ strategyId: 'CS-0042', personName: 'Paul Example', status: 'ended' }],
    });
    expect(title(v)).toBe('Strategy ended: its restrictions no longer apply');
  });

  it('a look-alike sender is a possible evasion, naming whom it resembles', () => {
    const v = verdictFor([strategy()], { from: { address: PAUL.replace('p', '\u0440') } });
    expect(v.standing).toEqual({
      kind: 'possible-evasion',
      resembles: [{ strategyId: 'CS-0042', personName: 'Paul Example' }],
    });
    expect(title(v)).toBe('Possible evasion: the sender resembles Paul Example');
  });

  it('no strategy says so and still asks for the read', () => {
    const v = verdictFor([strategy()], { from: { address: 'chris.newman@example.net' } });
    expect(v).toEqual({ risk: null, standing: { kind: 'no-strategy' } });
    expect(headlineText(headlineOf(v))).toEqual({
      title: 'No contact strategy',
      detail: 'Still read it for new complaints, allegations, crimes and safeguarding.',
    });
  });

  it('an active strategy outranks an ended one the same sender matches', () => {
    const ended = strategy({ id: 'CS-0001', status: 'ended' });
    const active = strategy({ id: 'CS-0002', designatedAddress: DESIGNATED });
    const v = verdictFor([ended, active]);
    expect(v.standing).toMatchObject({ kind: 'under-strategy', strategies: [{ strategyId: 'CS-0002' }] });
  });
});

describe('the immediate-risk instruction', () => {
  const evaluation = (body: string) =>
    evaluate({ strategies: [], message: message({ body }), history: [], config: config(), now: new Date() });

  it('is due for a risk phrase before any answer', () => {
    expect(immediateRiskDue(evaluation(SELF_HARM_BODY), {})).toBe(true);
  });

  it('is due when the handler answers yes to the safeguarding question, and not otherwise', () => {
    const plain = evaluation('When is the meeting?');
    expect(immediateRiskDue(plain, {})).toBe(false);
    expect(immediateRiskDue(plain, { safeguardingOrRisk: false, criminalMatter: true })).toBe(false);
    expect(immediateRiskDue(plain, { safeguardingOrRisk: true })).toBe(true);
  });

  it("shows the organisation's own words when the settings give them, else the general default", () => {
    const risky = evaluation(SELF_HARM_BODY);
    const own = 'If there is an immediate risk to life, call the force control room on 01632 960000.';
    expect(immediateRiskShown(risky, {}, `  ${own} `)).toBe(own);
    expect(immediateRiskShown(risky, {}, undefined)).toBe(DEFAULT_IMMEDIATE_RISK_INSTRUCTION);
    expect(immediateRiskShown(risky, {}, '   ')).toBe(DEFAULT_IMMEDIATE_RISK_INSTRUCTION);
    expect(DEFAULT_IMMEDIATE_RISK_INSTRUCTION).toMatch(/immediate risk to life.*control room.*999/);
    expect(immediateRiskShown(evaluation('When is the meeting?'), {}, own)).toBeNull();
  });

  it('opens the pane inside the risk headline for a risk phrase; after a "yes" alone, it waits before Record', () => {
    const own = 'If someone may be at immediate risk, phone the duty inspector on 01632 960123 now.';
    const risky = evaluation(SELF_HARM_BODY);
    expect(immediateRiskOf(risky, {}, own)).toEqual({ where: 'risk-headline', words: own });
    // Answering yes as well does not move it away from the top.
    expect(immediateRiskOf(risky, { safeguardingOrRisk: true }, own)).toEqual({
      where: 'risk-headline',
      words: own,
    });
    const risk = verdictOf(risky, new Map()).risk;
    expect(risk).not.toBeNull();
    if (risk) expect(headlineText(risk, own).detail).toBe(own);
    const plain = evaluation('When is the meeting?');
    expect(immediateRiskOf(plain, {}, own)).toBeNull();
    expect(immediateRiskOf(plain, { safeguardingOrRisk: true }, own)).toEqual({
      where: 'before-record',
      words: own,
    });
    // The words are always those the log row records.
    expect(immediateRiskOf(plain, { safeguardingOrRisk: true }, undefined)?.words).toBe(
      immediateRiskShown(plain, { safeguardingOrRisk: true }, undefined),
    );
  });
});
