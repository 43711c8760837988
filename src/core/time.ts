// Wall-clock and calendar arithmetic for the checks. Time always comes in as a parameter;
// zones are resolved with Intl (no dependency), so BST and other transitions follow the
// platform's tz database.
import { WEEKDAYS, type IsoDate, type Weekday } from './types';

/** The organisation default when neither the strategy nor the settings name a valid zone. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

export const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;

export interface LocalParts {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: IsoDate;
  weekday: Weekday;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** en-US short weekday names (`Mon`) are our codes (`mon`) capitalised. */
const SHORT_WEEKDAY = new Map<string, Weekday>(
  WEEKDAYS.map((day) => [`${day.charAt(0).toUpperCase()}${day.slice(1)}`, day]),
);

/** True when Intl knows the zone (an unknown zone makes Intl throw RangeError). */
export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false;
  if (formatters.has(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The first valid zone among the candidates (strategy's, then organisation's), else the default. */
export function resolveTimeZone(...candidates: (string | undefined)[]): string {
  return candidates.find(isValidTimeZone) ?? DEFAULT_TIME_ZONE;
}

/** Local date, weekday and minute of day of an instant in an IANA zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  let year = '';
  let month = '';
  let day = '';
  let hour = 0;
  let minute = 0;
  let weekday: Weekday = 'mon';
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = p.value;
        break;
      case 'month':
        month = p.value;
        break;
      case 'day':
        day = p.value;
        break;
      case 'hour':
        hour = Number(p.value) % 24;
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'weekday':
        weekday = SHORT_WEEKDAY.get(p.value) ?? weekday;
        break;
      default:
        break;
    }
  }
  return { date: `${year.padStart(4, '0')}-${month}-${day}`, weekday, minuteOfDay: hour * 60 + minute };
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return localParts(instant, timeZone).date;
}

/** `HH:MM` → minutes since midnight; `24:00` is allowed as an end of day. Null when malformed. */
export function parseHhMm(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** An instant from an ISO string, or null when it does not parse. */
export function parseInstant(value: string | undefined): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateToUtcMs(date: IsoDate): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject dates Date.UTC silently rolls over (2025-02-30 → March).
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

function utcMsToDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dateToUtcMs(value) !== null;
}

function requireDate(date: IsoDate): number {
  const ms = dateToUtcMs(date);
  if (ms === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ms;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcMsToDate(requireDate(date) + days * MS_PER_DAY);
}

/**
 * Calendar months, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb), which
 * is how a person reads "review in three months".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(requireDate(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return utcMsToDate(Date.UTC(targetYear, targetMonth, Math.min(d.getUTCDate(), lastDay)));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((requireDate(b) - requireDate(a)) / MS_PER_DAY);
}

/** -1, 0 or 1, comparing calendar dates. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = requireDate(a) - requireDate(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** True when `date` is a valid date strictly before `today` (a review date "has passed"). */
export function isBefore(date: IsoDate | undefined, today: IsoDate): boolean {
  return isIsoDate(date) && compareDates(date, today) < 0;
}
