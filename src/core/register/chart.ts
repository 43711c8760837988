// The register row's small chart, decided here so the view only draws it: one bar per week of
// contacts over the review period, the weeks with a breach marked, on a scale shared by every row
// (so a tall bar means the same on each), and the sentence a screen reader reads instead.
import { ukDate } from '../words';
import type { WeekCount } from './register';

export interface ChartBar {
  /** Left edge and width in chart units (the chart is `width` wide, `height` high). */
  x: number;
  width: number;
  /** Bar height; 0 for a week with no contacts. */
  height: number;
  breach: boolean;
  /** The bar's own label: `Week of 6 January 2025: 3 contacts, 1 breach`. */
  label: string;
}

export interface WeekChart {
  width: number;
  height: number;
  bars: ChartBar[];
  /** The text alternative: the period, the total, the busiest week and the weeks with breaches. */
  summary: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function weekLabel(w: WeekCount): string {
  const breaches = w.breaches > 0 ? `, ${plural(w.breaches, 'breach', 'breaches')}` : '';
  return `Week of ${ukDate(w.start)}: ${plural(w.contacts, 'contact')}${breaches}`;
}

/** The highest weekly count across rows, so every row's chart uses one scale (at least 1). */
export function sharedScale(rows: readonly { weeks: readonly WeekCount[] }[]): number {
  let max = 1;
  for (const r of rows) for (const w of r.weeks) max = Math.max(max, w.contacts);
  return max;
}

export function weekChart(
  weeks: readonly WeekCount[],
  scale: number,
  size: { width: number; height: number } = { width: 104, height: 24 },
): WeekChart {
  const slot = weeks.length > 0 ? size.width / weeks.length : size.width;
  const top = Math.max(1, scale);
  const bars = weeks.map((w, i) => ({
    x: i * slot,
    width: Math.max(1, slot * 0.8),
    height: (Math.min(w.contacts, top) / top) * size.height,
    breach: w.breaches > 0,
    label: weekLabel(w),
  }));
  return { ...size, bars, summary: summarise(weeks) };
}

function summarise(weeks: readonly WeekCount[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (first === undefined || last === undefined) return 'No weeks to show.';
  const total = weeks.reduce((n, w) => n + w.contacts, 0);
  const period = `Contacts per week, ${plural(weeks.length, 'week')} from ${ukDate(first.start)}`;
  if (total === 0) return `${period}: no contacts.`;
  const busiest = weeks.reduce((a, b) => (b.contacts > a.contacts ? b : a));
  const breachWeeks = weeks.filter((w) => w.breaches > 0);
  const breaches =
    breachWeeks.length === 0
      ? 'no breaches'
      : `breaches in the ${plural(breachWeeks.length, 'week')} of ${breachWeeks.map((w) => ukDate(w.start)).join(', ')}`;
  return `${period}: ${plural(total, 'contact')}, most in the week of ${ukDate(busiest.start)} (${busiest.contacts}); ${breaches}.`;
}
