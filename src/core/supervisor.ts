// Supervisor operations on strategies, as pure functions returning a new strategy (the
// repository saves it with If-Match, so concurrent edits are caught there). Reviews record who
// and when (lancs 3.12, kent 18); the review pack summarises contact since the last review.
import { normaliseAddress } from './address';
import { extractMatterRefs } from './matter';
import { strategyDefaults } from './strategy';
import { addDays, addMonths, DEFAULT_TIME_ZONE, localDate, resolveTimeZone } from './time';
import {
  FLAG_SEVERITY,
  type ContactLogRecord,
  type DispositionKind,
  type FlagCode,
  type IndicatorCode,
  type IsoDate,
  type IsoInstant,
  type Message,
  type Parsed,
  type Strategy,
} from './types';

/** A strategy not yet saved: the list assigns the id and the concurrency token. */
export type NewStrategy = Omit<Strategy, 'id' | 'eTag'>;

/** Lancs 3.12: review at least every three months. */
export const DEFAULT_REVIEW_MONTHS = 3;

/** The periods a supervisor picks the next review from, before the settings narrow them. */
const REVIEW_PERIOD_CHOICES = [1, 2, 3, 6, 12] as const;

/**
 * The next-review periods the organisation's settings allow today: each period whose date is no
 * more than `reviewMaxDays` ahead (calendar months differ in length, so the date decides), the
 * longest first chosen. A setting shorter than a month still offers one month, the shortest there
 * is, rather than none.
 */
export function reviewPeriods(
  now: Date,
  reviewMaxDays: number,
  timeZone?: string,
): { months: number[]; chosen: number } {
  const today = localDate(now, resolveTimeZone(timeZone));
  const latest = addDays(today, reviewMaxDays);
  const months = REVIEW_PERIOD_CHOICES.filter((m) => addMonths(today, m) <= latest);
  const allowed = months.length ? [...months] : [1];
  return { months: allowed, chosen: allowed.at(-1) ?? 1 };
}

/**
 * A draft strategy from the open email's sender: their address and display name, the matter
 * references the email cites, no restrictions yet. A draft restricts nothing until a supervisor
 * completes and activates it.
 */
export function strategyFromSender(
  message: Message,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Parsed<NewStrategy> {
  const address = normaliseAddress(message.from?.address ?? '');
  if (!address) {
    return {
      ok: false,
      error: `The sender's address (${JSON.stringify(message.from?.address ?? '')}) is not a valid email address.`,
    };
  }
  const name = (message.from.name ?? '').trim();
  return {
    ok: true,
    value: {
      ...strategyDefaults(),
      personName: name || address.slice(0, address.indexOf('@')),
      knownNames: name ? [name] : [],
      emailAddresses: [address],
      status: 'draft',
      matterRefs: extractMatterRefs(`${message.subject ?? ''}\n${message.body ?? ''}`),
      startDate: localDate(now, resolveTimeZone(timeZone)),
    },
  };
}

/** Adds an address the person writes from; an address already there leaves the strategy as it is. */
export function addAddress<S extends NewStrategy>(strategy: S, address: string): Parsed<S> {
  const n = normaliseAddress(address);
  if (!n) return { ok: false, error: `${JSON.stringify(address)} is not a valid email address.` };
  const known = strategy.emailAddresses.some((a) => normaliseAddress(a) === n);
  return {
    ok: true,
    value: known ? strategy : { ...strategy, emailAddresses: [...strategy.emailAddresses, n] },
  };
}

/** Records a review today (in the strategy's zone): who, when, and the next review date. */
export function recordReview<S extends NewStrategy>(
  strategy: S,
  reviewer: string,
  now: Date,
  months: number = DEFAULT_REVIEW_MONTHS,
  timeZone?: string,
): S {
  if (!reviewer.trim()) throw new RangeError('A review must record who reviewed the strategy.');
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError('The next review must be a whole number of months ahead (1 or more).');
  const today = localDate(now, resolveTimeZone(timeZone, strategy.timeZone));
  return {
    ...strategy,
    lastReviewedDate: today,
    lastReviewedBy: reviewer.trim(),
    nextReviewDate: addMonths(today, months),
  };
}

/**
 * Ends a strategy. Ending is the outcome of a review, so it is recorded as one (who and when);
 * no next review is due for an ended strategy.
 */
export function endStrategy<S extends NewStrategy>(
  strategy: S,
  now: Date,
  endedBy?: string,
  timeZone?: string,
): S {
  const today = localDate(now, resolveTimeZone(timeZone, strategy.timeZone));
  const { nextReviewDate: _dropped, ...rest } = strategy;
  return {
    ...rest,
    status: 'ended',
    lastReviewedDate: today,
    ...(endedBy?.trim() ? { lastReviewedBy: endedBy.trim() } : {}),
  } as S;
}

// ---- Review pack ----------------------------------------------------------------------------

export interface ReviewPack {
  strategyId: string;
  personName: string;
  status: Strategy['status'];
  /** Start of the period (the last review, or what the caller asked for). */
  since: IsoInstant;
  lastReviewedDate?: IsoDate;
  nextReviewDate?: IsoDate;
  /** Distinct messages logged against the strategy since then. */
  contacts: number;
  /** Those records, oldest first. */
  records: ContactLogRecord[];
  /** The records with at least one breach flag. */
  breaches: ContactLogRecord[];
  byDisposition: Record<DispositionKind, number>;
  byFlag: Partial<Record<FlagCode, number>>;
  byIndicator: Partial<Record<IndicatorCode, number>>;
}

function count<K extends string>(into: Partial<Record<K, number>>, keys: Iterable<K>): void {
  for (const k of new Set(keys)) into[k] = (into[k] ?? 0) + 1;
}

/**
 * Contacts, breaches and dispositions for one strategy since `sinceIso` (the last review when
 * left out: lastReviewedDate, else startDate, else everything). A record written twice (same
 * key) counts once; counts are of messages, so a flag raised twice on one message counts once.
 */
export function reviewPack(
  strategy: Strategy,
  logRecords: readonly ContactLogRecord[],
  sinceIso?: IsoInstant,
): ReviewPack {
  const since = sinceIso ?? strategy.lastReviewedDate ?? strategy.startDate ?? '1970-01-01';
  const from = Date.parse(since);
  const byKey = new Map<string, ContactLogRecord>();
  for (const r of logRecords) {
    if (!r.strategyIds.includes(strategy.id)) continue;
    const t = Date.parse(r.receivedDateTime);
    if (Number.isNaN(t) || (!Number.isNaN(from) && t < from)) continue;
    if (!byKey.has(r.key)) byKey.set(r.key, r);
  }
  const records = [...byKey.values()].sort(
    (a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime),
  );
  const byDisposition: Record<DispositionKind, number> = {
    escalate: 0,
    'auto-file': 0,
    breach: 0,
    'handled-normally': 0,
  };
  const byFlag: Partial<Record<FlagCode, number>> = {};
  const byIndicator: Partial<Record<IndicatorCode, number>> = {};
  for (const r of records) {
    if (r.disposition in byDisposition) byDisposition[r.disposition] += 1;
    count(byFlag, r.flagCodes);
    count(byIndicator, r.indicatorCodes);
  }
  const pack: ReviewPack = {
    strategyId: strategy.id,
    personName: strategy.personName,
    status: strategy.status,
    since,
    contacts: records.length,
    records,
    breaches: records.filter((r) => r.flagCodes.some((c) => FLAG_SEVERITY[c] === 'breach')),
    byDisposition,
    byFlag,
    byIndicator,
  };
  if (strategy.lastReviewedDate) pack.lastReviewedDate = strategy.lastReviewedDate;
  if (strategy.nextReviewDate) pack.nextReviewDate = strategy.nextReviewDate;
  return pack;
}
