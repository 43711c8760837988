// OUTSIDE_PERMITTED_TIME (iopc: restrict times, days or durations of permitted contact).
// Windows are local to the strategy's zone; `from` is inclusive, `to` exclusive. A window whose
// `to` is not after its `from` runs past midnight into the next day (22:00-02:00); equal ends
// mean the whole day from `from`. Days name the day the window starts on; no days means every day.
import { localParts, MINUTES_PER_DAY, parseHhMm } from '../time';
import { WEEKDAYS, type Flag, type PermittedTime, type Weekday } from '../types';
import { DAY_WORD, timeWindows, ukDate, zoneWord } from '../words';
import { strategyZone, type CheckInput } from './context';
import { makeFlag } from './flag';

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Whether a local weekday and minute fall inside the window. A malformed window matches nothing. */
export function inWindow(window: PermittedTime, weekday: Weekday, minuteOfDay: number): boolean {
  const from = parseHhMm(window.from);
  const to = parseHhMm(window.to);
  if (from === null || to === null || from >= MINUTES_PER_DAY) return false;
  const length = to > from ? to - from : to + MINUTES_PER_DAY - from;
  const t = WEEKDAYS.indexOf(weekday) * MINUTES_PER_DAY + minuteOfDay;
  const days = window.days.length > 0 ? window.days : WEEKDAYS;
  return days.some((d) => {
    const start = WEEKDAYS.indexOf(d) * MINUTES_PER_DAY + from;
    // Modulo the week, so a Sunday-night window runs into Monday morning.
    return (t - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK < length;
  });
}

function hhmm(minuteOfDay: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

export function timingFlags({ strategy, facts, env }: CheckInput): Flag[] {
  if (strategy.permittedTimes.length === 0 || !facts.receivedAt) return [];
  const zone = strategyZone(strategy, env.config);
  const local = localParts(facts.receivedAt, zone);
  if (strategy.permittedTimes.some((w) => inWindow(w, local.weekday, local.minuteOfDay))) return [];
  const windows = timeWindows(strategy.permittedTimes);
  return [
    makeFlag(
      'OUTSIDE_PERMITTED_TIME',
      strategy.id,
      'permittedTimes',
      `Received ${DAY_WORD[local.weekday]} ${ukDate(local.date)} ${hhmm(local.minuteOfDay)} (${zoneWord(zone)}), outside the permitted times: ${windows}.`,
    ),
  ];
}
