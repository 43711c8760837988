// The supervisors' register: one row per strategy with what a review needs at a glance (when it
// is due, whether the single point of contact should rotate, which adjustments are due a review,
// and the contacts and breaches since the last review, week by week). Pure: today comes in.
import { reviewPack } from '../supervisor';
import { addDays, addMonths, daysBetween, isBefore, isIsoDate } from '../time';
import { ukDate } from '../words';
import type { Config, ContactLogRecord, IsoDate, Strategy, StrategyStatus } from '../types';

/** What kind of restriction a strategy is, in the words of the strategy card. */
export type StrategyKind =
  | { kind: 'read-not-respond' }
  | { kind: 'post-only' }
  | { kind: 'advocate'; name: string }
  | { kind: 'spoc'; name: string }
  | { kind: 'restricted' };

export function strategyKinds(s: Strategy): StrategyKind[] {
  const kinds: StrategyKind[] = [];
  if (s.responsePolicy === 'read-not-respond') kinds.push({ kind: 'read-not-respond' });
  if (s.permittedChannels.length === 1 && s.permittedChannels[0] === 'post')
    kinds.push({ kind: 'post-only' });
  if (s.advocate?.required) kinds.push({ kind: 'advocate', name: s.advocate.name });
  if (s.spoc) kinds.push({ kind: 'spoc', name: s.spoc.name });
  return kinds.length > 0 ? kinds : [{ kind: 'restricted' }];
}

export function kindLabel(k: StrategyKind): string {
  switch (k.kind) {
    case 'read-not-respond':
      return 'Read but do not respond';
    case 'post-only':
      return 'Post only';
    case 'advocate':
      return `Through ${k.name}`;
    case 'spoc':
      return `Single point of contact: ${k.name}`;
    case 'restricted':
      return 'Other restrictions';
  }
}

/** A date and whether it has passed; absent when the strategy gives no way to know it. */
export interface Due {
  date: IsoDate;
  overdue: boolean;
}

/**
 * The next review: its date, or none because the strategy has ended (it is no longer applied, so
 * a supervisor is never told it is overdue), or not known (no date and nothing to count from).
 * An ended strategy's date is its last review's: ending is the outcome of a review, and the pane's
 * End records it as one on the day (core/supervisor endStrategy).
 */
export type NextReview = ({ kind: 'due' } & Due) | { kind: 'ended'; on?: IsoDate } | { kind: 'not-set' };

/** What the register says in a due column of an ended strategy. */
export const ENDED_NOTHING_DUE = 'None (ended)';

/** The next review's words where there is no date due: "Ended 3 Mar 2026: no review due". */
export function noReviewWords(review: Exclude<NextReview, { kind: 'due' }>): string {
  if (review.kind === 'not-set') return 'Not set';
  return review.on ? `Ended ${ukDate(review.on)}: no review due` : 'Ended: no review due';
}

export interface WeekCount {
  /** The Monday-or-start date the week begins on. */
  start: IsoDate;
  contacts: number;
  breaches: number;
}

export interface RegisterRow {
  id: string;
  personName: string;
  status: StrategyStatus;
  kinds: StrategyKind[];
  spoc?: string;
  review: NextReview;
  /** Absent when there is no SPOC, no date to count from, or the strategy has ended. */
  spocRotation?: Due;
  /** None for an ended strategy. */
  adjustmentReviews: { description: string; due: Due }[];
  /** The start of the period counted: the last review, else the start date, else a year ago. */
  since: IsoDate;
  contacts: number;
  breaches: number;
  weeks: WeekCount[];
}

/** Charts show at most a year of weeks, the most recent. */
const MAX_WEEKS = 52;

function due(date: IsoDate | undefined, today: IsoDate): Due | undefined {
  return isIsoDate(date) ? { date, overdue: isBefore(date, today) } : undefined;
}

export function registerRow(
  strategy: Strategy,
  log: readonly ContactLogRecord[],
  config: Pick<Config, 'reviewMaxDays' | 'spocRotationMonths'>,
  today: IsoDate,
): RegisterRow {
  const lastReview = strategy.lastReviewedDate ?? strategy.startDate;
  const ended = strategy.status === 'ended';
  const reviewDue =
    due(strategy.nextReviewDate, today) ??
    (isIsoDate(lastReview) && Number.isFinite(config.reviewMaxDays)
      ? due(addDays(lastReview, config.reviewMaxDays), today)
      : undefined);
  const review: NextReview = ended
    ? { kind: 'ended', ...(isIsoDate(strategy.lastReviewedDate) ? { on: strategy.lastReviewedDate } : {}) }
    : reviewDue
      ? { kind: 'due', ...reviewDue }
      : { kind: 'not-set' };
  const spocSince = strategy.spoc?.since;
  const spocRotation =
    !ended && strategy.spoc && isIsoDate(spocSince) && Number.isInteger(config.spocRotationMonths)
      ? due(addMonths(spocSince, config.spocRotationMonths), today)
      : undefined;
  let since = isIsoDate(lastReview) ? lastReview : addDays(today, -365);
  if (daysBetween(since, today) > MAX_WEEKS * 7) since = addDays(today, -(MAX_WEEKS * 7 - 1));
  const pack = reviewPack(strategy, log, `${since}T00:00:00Z`);
  const weekCount = Math.max(1, Math.ceil((daysBetween(since, today) + 1) / 7));
  const weeks: WeekCount[] = Array.from({ length: weekCount }, (_, i) => ({
    start: addDays(since, i * 7),
    contacts: 0,
    breaches: 0,
  }));
  const breachKeys = new Set(pack.breaches.map((r) => r.key));
  for (const r of pack.records) {
    const day = r.receivedDateTime.slice(0, 10);
    const w = weeks[Math.min(weekCount - 1, Math.max(0, Math.floor(daysBetween(since, day) / 7)))];
    if (w === undefined) continue;
    w.contacts += 1;
    if (breachKeys.has(r.key)) w.breaches += 1;
  }
  const row: RegisterRow = {
    id: strategy.id,
    personName: strategy.personName,
    status: strategy.status,
    kinds: strategyKinds(strategy),
    review,
    adjustmentReviews: (ended ? [] : strategy.reasonableAdjustments).flatMap((a) => {
      const d = due(a.reviewDate, today);
      return d ? [{ description: a.description, due: d }] : [];
    }),
    since,
    contacts: pack.contacts,
    breaches: pack.breaches.length,
    weeks,
  };
  if (strategy.spoc) row.spoc = strategy.spoc.name;
  if (spocRotation) row.spocRotation = spocRotation;
  return row;
}

export function registerRows(
  strategies: readonly Strategy[],
  log: readonly ContactLogRecord[],
  config: Pick<Config, 'reviewMaxDays' | 'spocRotationMonths'>,
  today: IsoDate,
): RegisterRow[] {
  const byStrategy = new Map<string, ContactLogRecord[]>();
  for (const r of log) {
    for (const id of r.strategyIds) {
      const list = byStrategy.get(id);
      if (list) list.push(r);
      else byStrategy.set(id, [r]);
    }
  }
  return strategies.map((s) => registerRow(s, byStrategy.get(s.id) ?? [], config, today));
}

/**
 * The start of a review pack's period: the last review, else the start date, else a year before
 * `now` (a pack is about the current period, not the whole history).
 */
export function packSince(strategy: Strategy, now: Date): string {
  const date = strategy.lastReviewedDate ?? strategy.startDate;
  if (isIsoDate(date)) return `${date}T00:00:00Z`;
  return new Date(now.getTime() - 365 * 86_400_000).toISOString();
}

/** Something due before anything that is not: the order a supervisor works through the register. */
export function attention(row: RegisterRow): number {
  return (
    (row.review.kind === 'due' && row.review.overdue ? 4 : 0) +
    (row.spocRotation?.overdue ? 2 : 0) +
    (row.adjustmentReviews.some((a) => a.due.overdue) ? 1 : 0)
  );
}
