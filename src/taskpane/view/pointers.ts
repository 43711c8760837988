// "Indicators found: Self-harm ×2" beside each read question: core says which indicators bear on
// which question; this adds the counts for the hint.
import { suggestedQuestions } from '../../core/indicators';
import type { Indicator, IndicatorCode, ReadQuestion } from '../../core/types';
import { countByCode } from './segments';

export type QuestionPointers = Partial<Record<ReadQuestion, ReadonlyMap<IndicatorCode, number>>>;

export function pointersFor(indicators: readonly Indicator[]): QuestionPointers {
  const counts = countByCode(indicators);
  const out: QuestionPointers = {};
  for (const [question, codes] of Object.entries(suggestedQuestions(indicators)) as Array<
    [ReadQuestion, IndicatorCode[]]
  >) {
    if (codes.length) out[question] = new Map(codes.map((c) => [c, counts.get(c) ?? 0]));
  }
  return out;
}
