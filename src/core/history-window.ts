// How far back a message's earlier contacts are needed, and for whom. Contact limits count
// contacts within their period, and repeats look back about one review period, so the look-back
// is the longest of those. Time comes in as a parameter.
import type { Strategy } from './types';

const DAY_MS = 86_400_000;

export interface HistoryWindow {
  /** Every address of every matched strategy, lower-cased: a person may write from several. */
  addresses: string[];
  /** The start of the look-back, an ISO instant at midnight UTC. */
  since: string;
}

/**
 * The history a verdict needs for these matched strategies, or null when none is needed (nothing
 * matched, or the strategies list no address). The start is rounded down to a whole UTC day so
 * the same person asks the same question all day, and a cache keyed on it stays warm.
 */
export function historyWindow(
  matched: readonly Strategy[],
  reviewMaxDays: number,
  now: Date,
): HistoryWindow | null {
  const addresses = new Set<string>();
  let days = reviewMaxDays;
  for (const strategy of matched) {
    for (const a of strategy.emailAddresses) addresses.add(a.trim().toLowerCase());
    if (strategy.contactLimit) days = Math.max(days, strategy.contactLimit.periodDays);
  }
  if (addresses.size === 0) return null;
  const since = new Date(Math.floor((now.getTime() - days * DAY_MS) / DAY_MS) * DAY_MS).toISOString();
  return { addresses: [...addresses], since };
}
