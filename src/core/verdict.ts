// The verdict at a glance: what this email is and what to do, as one headline derived from
// evaluate()'s result. Risk (self-harm, threat, safeguarding phrases) comes first, above any
// strategy; then the sender's standing: a breach, under a strategy with no breach (naming the kind
// of strategy), a strategy no longer in force, a possible evasion, or no strategy. The pane and the
// CLI render this; neither decides anything itself.
import type {
  EvasionWarning,
  Evaluation,
  FlagCode,
  IndicatorCode,
  PartialReadAnswers,
  Strategy,
  StrategyStatus,
} from './types';
import { CARD_LABEL, CHANNEL_WORD, DEFAULT_IMMEDIATE_RISK_INSTRUCTION, andList, timeWindows } from './words';

/** Indicators that may mean someone is at risk: their own style, and the headline, first. */
export const RISK_CODES = ['SELF_HARM', 'THREAT', 'SAFEGUARDING'] as const satisfies readonly IndicatorCode[];
export type RiskCode = (typeof RISK_CODES)[number];

export function isRiskCode(code: IndicatorCode): code is RiskCode {
  return (RISK_CODES as readonly IndicatorCode[]).includes(code);
}

export const RISK_WORD: Record<RiskCode, string> = {
  SELF_HARM: 'self-harm',
  THREAT: 'threat',
  SAFEGUARDING: 'safeguarding',
};

export interface RiskFinding {
  code: RiskCode;
  /** The phrases found, distinct, in the order they appear. */
  phrases: string[];
}

export interface RiskHeadline {
  kind: 'risk';
  /** Self-harm or a threat: a possible risk to life, not only a welfare concern. */
  toLife: boolean;
  findings: RiskFinding[];
}

/** What the strategy asks for, in the words a handler uses; the first that applies names it. */
export type StrategyKind =
  | { kind: 'read-not-respond' }
  | { kind: 'through-advocate'; advocate: string }
  | { kind: 'channels'; channels: Strategy['permittedChannels'] }
  | { kind: 'spoc'; name: string }
  | { kind: 'write-to'; address: string }
  | { kind: 'contact-limit'; max: number; periodDays: number }
  | { kind: 'times'; windows: Strategy['permittedTimes'] }
  | { kind: 'restricted' };

export interface StrategyRef {
  strategyId: string;
  personName: string;
  strategyKind: StrategyKind;
}

/** The breaches of a strategy by the person: the flags whose severity is breach. */
export const BREACH_WORD = {
  CHANNEL_NOT_PERMITTED: 'email is not a permitted channel',
  WRONG_ADDRESS: `not sent to the ${CARD_LABEL.designatedAddress} address`,
  NOT_SPOC: 'sent to staff other than the single point of contact',
  MULTIPLE_RECIPIENTS: 'sent to several colleagues or teams',
  ADVOCATE_REQUIRED: 'did not come through the advocate',
  OUTSIDE_PERMITTED_TIME: 'sent outside the permitted times',
  CONTACT_LIMIT_EXCEEDED: 'over the contact limit',
} as const satisfies Partial<Record<FlagCode, string>>;
export type BreachCode = keyof typeof BREACH_WORD;

function isBreachCode(code: FlagCode): code is BreachCode {
  return code in BREACH_WORD;
}

export type StandingHeadline =
  | { kind: 'breach'; breaches: BreachCode[]; strategies: StrategyRef[] }
  | { kind: 'under-strategy'; strategies: StrategyRef[]; viaAdvocate: string | null }
  | { kind: 'possible-evasion'; resembles: Array<{ strategyId: string; personName: string }> }
  | {
      kind: 'not-in-force';
      strategies: Array<{
        strategyId: string;
        personName: string;
        status: Exclude<StrategyStatus, 'active'>;
      }>;
    }
  | { kind: 'no-strategy' };

export type Headline = RiskHeadline | StandingHeadline;
export type HeadlineKind = Headline['kind'];

export interface Verdict {
  /** Present when the body holds a risk phrase; shown first, above the standing. */
  risk: RiskHeadline | null;
  standing: StandingHeadline;
}

export function strategyKind(st: Strategy): StrategyKind {
  if (st.responsePolicy === 'read-not-respond') return { kind: 'read-not-respond' };
  if (st.advocate?.required) return { kind: 'through-advocate', advocate: st.advocate.name };
  // An empty list records no channel restriction; a list without email restricts the channel.
  if (st.permittedChannels.length > 0 && !st.permittedChannels.includes('email'))
    return { kind: 'channels', channels: st.permittedChannels };
  if (st.spoc) return { kind: 'spoc', name: st.spoc.name };
  if (st.designatedAddress) return { kind: 'write-to', address: st.designatedAddress };
  if (st.contactLimit) return { kind: 'contact-limit', ...st.contactLimit };
  if (st.permittedTimes.length > 0) return { kind: 'times', windows: st.permittedTimes };
  return { kind: 'restricted' };
}

function riskOf(evaluation: Evaluation): RiskHeadline | null {
  const findings: RiskFinding[] = [];
  for (const code of RISK_CODES) {
    const phrases = [
      ...new Set(
        evaluation.indicators
          .filter((i) => i.code === code)
          .sort((a, b) => a.start - b.start)
          .map((i) => i.text.trim()),
      ),
    ].filter((p) => p.length > 0);
    if (phrases.length > 0) findings.push({ code, phrases });
  }
  if (findings.length === 0) return null;
  return { kind: 'risk', toLife: findings.some((f) => f.code !== 'SAFEGUARDING'), findings };
}

/**
 * The verdict for a message from evaluate()'s result and the strategies it refers to (matched
 * and resembled, by id). A breach outranks everything about the standing; an active strategy
 * outranks a resemblance to another, which outranks a strategy no longer in force.
 */
export function verdictOf(evaluation: Evaluation, strategies: ReadonlyMap<string, Strategy>): Verdict {
  return { risk: riskOf(evaluation), standing: standingOf(evaluation, strategies) };
}

function standingOf(evaluation: Evaluation, strategies: ReadonlyMap<string, Strategy>): StandingHeadline {
  const matched = evaluation.matches
    .map((m) => ({ match: m, strategy: strategies.get(m.strategyId) }))
    .filter((m): m is { match: (typeof m)['match']; strategy: Strategy } => m.strategy !== undefined);
  const ref = (st: Strategy): StrategyRef => ({
    strategyId: st.id,
    personName: st.personName,
    strategyKind: strategyKind(st),
  });
  const breaches = [...new Set(evaluation.flags.map((f) => f.code).filter(isBreachCode))];
  if (breaches.length > 0) {
    const ids = new Set(evaluation.flags.filter((f) => isBreachCode(f.code)).map((f) => f.strategyId));
    return {
      kind: 'breach',
      breaches,
      strategies: matched.filter((m) => ids.has(m.strategy.id)).map((m) => ref(m.strategy)),
    };
  }
  const active = matched.filter((m) => m.strategy.status === 'active');
  if (active.length > 0) {
    const advocate = active.find((m) => m.match.via === 'advocate');
    return {
      kind: 'under-strategy',
      strategies: active.map((m) => ref(m.strategy)),
      viaAdvocate: advocate ? (advocate.strategy.advocate?.name ?? 'their advocate') : null,
    };
  }
  if (evaluation.evasions.length > 0)
    return { kind: 'possible-evasion', resembles: resembled(evaluation.evasions, strategies) };
  if (matched.length > 0) {
    return {
      kind: 'not-in-force',
      strategies: matched.map(({ strategy }) => ({
        strategyId: strategy.id,
        personName: strategy.personName,
        // `active` was handled above; the filter keeps the type honest.
        status: strategy.status === 'active' ? 'ended' : strategy.status,
      })),
    };
  }
  return { kind: 'no-strategy' };
}

function resembled(
  evasions: readonly EvasionWarning[],
  strategies: ReadonlyMap<string, Strategy>,
): Array<{ strategyId: string; personName: string }> {
  const ids = [...new Set(evasions.map((e) => e.strategyId))];
  return ids.map((id) => ({ strategyId: id, personName: strategies.get(id)?.personName ?? 'a person' }));
}

/** The headline shown first: the risk when there is one, else the standing. */
export function headlineOf(verdict: Verdict): Headline {
  return verdict.risk ?? verdict.standing;
}

// ---- Words ---------------------------------------------------------------------------------

const PHRASE_MAX = 40;

function quote(phrase: string): string {
  const one = phrase.replace(/\s+/g, ' ');
  return `“${one.length > PHRASE_MAX ? `${one.slice(0, PHRASE_MAX - 1)}…` : one}”`;
}

/** "Post only", "Through Ann Advocate", "Single point of contact: Alex Handler", … */
export function strategyKindText(k: StrategyKind): string {
  switch (k.kind) {
    case 'read-not-respond':
      return 'Read but do not respond';
    case 'through-advocate':
      return `Through ${k.advocate}`;
    case 'channels': {
      const words = k.channels.map((c) => CHANNEL_WORD[c]);
      const text = `${andList(words)} only`;
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'spoc':
      return `${CARD_LABEL.spoc}: ${k.name}`;
    case 'write-to':
      return `${CARD_LABEL.designatedAddress}: ${k.address}`;
    case 'contact-limit':
      return `${CARD_LABEL.contactLimit}: ${k.max} per ${k.periodDays === 1 ? 'day' : `${k.periodDays} days`}`;
    case 'times':
      return `Contact only ${timeWindows(k.windows)}`;
    case 'restricted':
      return 'Under a contact strategy';
  }
}

function whoList(refs: ReadonlyArray<{ strategyId: string; personName: string }>): string {
  return refs.map((r) => `${r.personName} (${r.strategyId})`).join('; ');
}

const NOT_IN_FORCE_WORD: Record<Exclude<StrategyStatus, 'active'>, string> = {
  ended: 'Strategy ended: its restrictions no longer apply',
  suspended: 'Strategy suspended: its restrictions are not applied',
  draft: 'Draft strategy: not yet in force',
};

/**
 * The headline as words: `title` is the one line a handler takes in at a glance; `detail` says
 * whom it concerns. Every state ends in what to do or what it means: for a risk, the force's
 * immediate-risk instruction when it is due there (`immediateRiskOf`).
 */
export function headlineText(h: Headline, riskInstruction?: string): { title: string; detail: string } {
  switch (h.kind) {
    case 'risk': {
      const named = h.findings.map(
        (f) => `${RISK_WORD[f.code]} (${f.phrases.slice(0, 2).map(quote).join(', ')})`,
      );
      return {
        title: `${h.toLife ? 'Possible risk to life' : 'Possible safeguarding risk'}: ${named.join('; ')} — read now`,
        detail:
          riskInstruction ?? 'Whatever the strategy says, read the whole message and act on any risk first.',
      };
    }
    case 'breach': {
      const words = h.breaches.map((c) => BREACH_WORD[c]);
      const title = `Breach: ${words.join('; ')}`;
      return {
        title,
        detail: h.strategies
          .map((s) => `${s.personName} (${s.strategyId}) · ${strategyKindText(s.strategyKind)}`)
          .join('; '),
      };
    }
    case 'under-strategy':
      return {
        // Two strategies of one kind read as one line, not the same words twice.
        title: `${[...new Set(h.strategies.map((s) => strategyKindText(s.strategyKind)))].join('; ')} — no breach`,
        detail: `${whoList(h.strategies)}${h.viaAdvocate ? `. Written by ${h.viaAdvocate}, the person’s advocate` : ''}.`,
      };
    case 'possible-evasion':
      return {
        title: `Possible evasion: the sender resembles ${h.resembles.map((r) => r.personName).join(' and ')}`,
        detail: `No strategy lists this address; it looks like ${whoList(h.resembles)}. Decide whether this is the same person.`,
      };
    case 'not-in-force': {
      const statuses = [...new Set(h.strategies.map((s) => s.status))];
      return {
        title: statuses.length === 1 ? NOT_IN_FORCE_WORD[statuses[0]!] : 'Strategy not in force',
        detail: `${whoList(h.strategies)}. Read it as you would any message.`,
      };
    }
    case 'no-strategy':
      return {
        title: 'No contact strategy',
        detail: 'Still read it for new complaints, allegations, crimes and safeguarding.',
      };
  }
}

/**
 * Whether the force's immediate-risk instruction must be shown before recording: a risk phrase
 * in the body, or the handler's "yes" to the safeguarding question.
 */
export function immediateRiskDue(evaluation: Evaluation, answers: PartialReadAnswers): boolean {
  return answers.safeguardingOrRisk === true || evaluation.indicators.some((i) => isRiskCode(i.code));
}

/**
 * The immediate-risk instruction as the handler sees it before recording, or null when none is
 * due: the organisation's own words, or the general default when the settings give none. The pane
 * shows this and the log row records this, from the same inputs, so the log says what was shown.
 */
export function immediateRiskShown(
  evaluation: Evaluation,
  answers: PartialReadAnswers,
  configured: string | undefined,
): string | null {
  if (!immediateRiskDue(evaluation, answers)) return null;
  const own = configured?.trim();
  return own ? own : DEFAULT_IMMEDIATE_RISK_INSTRUCTION;
}

/**
 * Where the pane shows the immediate-risk instruction, with its words (those of
 * `immediateRiskShown`, which the log row records):
 * - `risk-headline`: the body holds a risk phrase, so the verdict opens with a risk headline; the
 *   instruction is its second line, what to do, seen before anything else on opening;
 * - `before-record`: only the handler's "yes" to the safeguarding question made it due; it shows
 *   where they are answering, before Record.
 */
export type ImmediateRiskPlace =
  { where: 'risk-headline'; words: string } | { where: 'before-record'; words: string };

export function immediateRiskOf(
  evaluation: Evaluation,
  answers: PartialReadAnswers,
  configured: string | undefined,
): ImmediateRiskPlace | null {
  const words = immediateRiskShown(evaluation, answers, configured);
  if (words === null) return null;
  return { where: riskOf(evaluation) ? 'risk-headline' : 'before-record', words };
}
