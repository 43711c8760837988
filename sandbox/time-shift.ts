// The sample data is written for one reference week (strategies.json and messages.json read as if
// "today" were sandbox/samples/organisation.json's referenceInstant, so the CLI can evaluate them
// with --now). The sandbox moves everything forward by whole weeks to the week before `now`:
// whole weeks keep weekdays, and local wall-clock times are kept across BST changes, so a message
// sent "on Sunday at 23:10" stays outside Monday-Friday office hours.
import { localParts } from '../src/core/time';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Whole weeks from the reference instant to `now` (never negative). */
export function weeksSince(referenceInstant: string, now: Date): number {
  const ref = Date.parse(referenceInstant);
  if (Number.isNaN(ref)) throw new Error(`referenceInstant is not an instant: ${referenceInstant}`);
  return Math.max(0, Math.floor((now.getTime() - ref) / WEEK_MS));
}

/** `YYYY-MM-DD` plus a number of days. */
export function addDays(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The instant at which the wall clock in `zone` shows `date` and `minuteOfDay`. */
export function localToInstant(date: string, minuteOfDay: number, zone: string): Date {
  let guess = dayNumber(date) * DAY_MS + minuteOfDay * 60_000;
  // Correct by the offset seen at the guess; a second pass settles guesses that crossed a change.
  for (let i = 0; i < 3; i++) {
    const seen = localParts(new Date(guess), zone);
    const diffMinutes = (dayNumber(date) - dayNumber(seen.date)) * 1440 + (minuteOfDay - seen.minuteOfDay);
    if (diffMinutes === 0) break;
    guess += diffMinutes * 60_000;
  }
  return new Date(guess);
}

/** An instant moved by whole weeks, keeping its local wall-clock time in `zone`. */
export function shiftInstant(iso: string, weeks: number, zone: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${iso}`);
  if (weeks === 0) return new Date(t).toISOString();
  const local = localParts(new Date(t), zone);
  const subMinute = ((t % 60_000) + 60_000) % 60_000;
  const moved = localToInstant(addDays(local.date, weeks * 7), local.minuteOfDay, zone);
  return new Date(moved.getTime() + subMinute).toISOString();
}
