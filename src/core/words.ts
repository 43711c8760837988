// Plain words for the domain's values, shared by the flag sentences, the verdict headline and the
// strategy card, so a handler reads one vocabulary everywhere: the card's labels ("Write to",
// "Single point of contact"), never field names; dates as "2 Dec 2026"; times as
// "Mon–Fri 09:00–17:00". Pure: no Intl, so the words are the same on every machine.
import { WEEKDAYS, type Channel, type PermittedTime, type ResponsePolicy, type Weekday } from './types';

/** The strategy card's row labels; sentences that refer to a strategy setting use these. */
export const CARD_LABEL = {
  status: 'Status',
  permittedChannels: 'Channels',
  designatedAddress: 'Write to',
  spoc: 'Single point of contact',
  advocate: 'Advocate',
  responsePolicy: 'Responses',
  contactLimit: 'Contact limit',
  permittedTimes: 'Times',
  refuseReopen: 'Reopening',
  matterRefs: 'Matters',
  reasons: 'Reasons',
  nextReviewDate: 'Next review',
  lastReviewedDate: 'Last reviewed',
  decidedBy: 'Decided by',
} as const;

export const CHANNEL_WORD: Record<Channel, string> = {
  email: 'email',
  post: 'post',
  phone: 'phone',
  'in-person': 'in person',
  'online-form': 'the online form',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-02` (or an instant starting so) → `2 Dec 2026`; anything else is returned as given. */
export function ukDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

export const DAY_WORD: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/**
 * Days as a person writes them: runs of three or more as a range ("Mon–Fri"), others listed
 * ("Sat, Sun"); no days or all seven is "every day".
 */
export function dayList(days: readonly Weekday[]): string {
  const set = new Set(days.filter((d) => WEEKDAYS.includes(d)));
  if (set.size === 0 || set.size === 7) return 'every day';
  const parts: string[] = [];
  let run: Weekday[] = [];
  const flush = (): void => {
    if (run.length >= 3) parts.push(`${DAY_WORD[run[0]!]}–${DAY_WORD[run.at(-1)!]}`);
    else parts.push(...run.map((d) => DAY_WORD[d]));
    run = [];
  };
  for (const d of WEEKDAYS) {
    if (set.has(d)) run.push(d);
    else flush();
  }
  flush();
  return parts.join(', ');
}

/** One permitted-time window: `Mon–Fri 09:00–17:00`. */
export function timeWindow(w: PermittedTime): string {
  return `${dayList(w.days)} ${w.from}–${w.to}`;
}

/** Windows joined for a sentence or the card. */
export function timeWindows(windows: readonly PermittedTime[]): string {
  return windows.map(timeWindow).join('; ');
}

/** The organisation's usual zone reads as "UK time"; any other is named. */
export function zoneWord(zone: string): string {
  return zone === 'Europe/London' ? 'UK time' : `${zone} time`;
}

export function responsePolicyWords(policy: ResponsePolicy, days?: number): string {
  switch (policy) {
    case 'respond':
      return 'Respond normally';
    case 'respond-within-days':
      return days ? `Respond within ${days} days` : 'Respond within an agreed time';
    case 'read-not-respond':
      return 'Read but do not respond';
  }
}

/** `a, b and c` for a sentence. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The immediate-risk instruction when the organisation's settings give none: general, since only
 * the force knows its control room's number. Settings should give the force's own words.
 */
export const DEFAULT_IMMEDIATE_RISK_INSTRUCTION =
  'If there is an immediate risk to life, call the force control room now (999 in an emergency) and tell your supervisor. Then record your read.';

/** How often the organisation's settings ask for a review, for the review form's hint. */
export function reviewEveryWords(reviewMaxDays: number): string {
  return `Your organisation's settings ask for a review at least every ${reviewMaxDays} days.`;
}
