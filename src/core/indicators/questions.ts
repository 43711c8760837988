// Which read questions each indicator pre-points at (docs/domain.md, "The read gate"). A hint for
// the person reading, never an answer: the questions stay unanswered until they answer them.
import {
  INDICATOR_CODES,
  READ_QUESTIONS,
  type Indicator,
  type IndicatorCode,
  type ReadQuestion,
} from '../types';

export const INDICATOR_QUESTIONS: Record<IndicatorCode, ReadQuestion[]> = {
  SAFEGUARDING: ['safeguardingOrRisk'],
  SELF_HARM: ['safeguardingOrRisk'],
  // A threat is a risk to someone and, when it is a threat to kill or harm, an offence.
  THREAT: ['safeguardingOrRisk', 'criminalMatter'],
  NEW_ALLEGATION: ['newComplaintOrAllegation'],
  // Mandatory referral matters are allegations, and every criterion (serious assault, serious
  // sexual assault, corruption, discrimination-aggravated offences) is a possible crime.
  MANDATORY_REFERRAL: ['newComplaintOrAllegation', 'criminalMatter'],
  CRIMINAL_MATTER: ['criminalMatter'],
  NEW_COMPLAINT: ['newComplaintOrAllegation'],
  // Abuse is not one of the three "must look for" questions, but may need action (a breach of an
  // aggressive-or-abusive strategy, a reminder, a review of the strategy).
  ABUSIVE_LANGUAGE: ['otherAction'],
};

/** For each read question, the indicator codes found that bear on it (no repeats, in code order). */
export function suggestedQuestions(indicators: readonly Indicator[]): Record<ReadQuestion, IndicatorCode[]> {
  const present = new Set(indicators.map((i) => i.code));
  const out = Object.fromEntries(READ_QUESTIONS.map((q) => [q, [] as IndicatorCode[]])) as Record<
    ReadQuestion,
    IndicatorCode[]
  >;
  for (const code of INDICATOR_CODES) {
    if (!present.has(code)) continue;
    for (const q of INDICATOR_QUESTIONS[code]) out[q].push(code);
  }
  return out;
}
