// Spreadsheet cells → the interchange values core's strategy parser reads. A cell is what a
// spreadsheet reader gives back: text (CSV, or a text cell), a number, a boolean or a date.
// Each reader either returns a value or says, in words a supervisor understands, what is wrong.
import type { Weekday } from '../types';

export type Cell = string | number | boolean | Date | null | undefined;

export type CellRead<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const bad = <T>(problem: string): CellRead<T> => ({ ok: false, problem });

/** A cell as trimmed text; numbers and booleans as a person would type them. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

/** Lowercase letters and digits only: "Next review date" and "next_review-date" are one heading. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Items of a list cell: one a line, or separated by semicolons. Commas separate too unless
 * `commas` is false (names such as "Example, Paul" keep their comma).
 */
export function listItems(cell: Cell, commas: boolean): string[] {
  const splitter = commas ? /[\n;,]+/ : /[\n;]+/;
  return cellText(cell)
    .split(splitter)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in); serials 1 to 2958465 are dates. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * A calendar date: a date cell, an Excel serial number, `2026-12-02`, UK `02/12/2026` (day
 * first, as forces write it), or `2 Dec 2026`. US month-first dates are never guessed at.
 */
export function readDate(cell: Cell): CellRead<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('is not a date');
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return bad(`${cell} is not a date`);
    return ok(new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let iso: string | null = null;
  if (m) iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)))
    iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text))) {
    const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase());
    if (month >= 0) iso = isoOf(Number(m[3]), month + 1, Number(m[1]));
  }
  return iso === null ? bad(`"${text}" is not a date (write 2 Dec 2026, 02/12/2026 or 2026-12-02)`) : ok(iso);
}

/** Yes/no: yes, y, true, 1, x (a ticked column) and no, n, false, 0. */
export function readYesNo(cell: Cell): CellRead<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const t = fold(cellText(cell));
  if (['yes', 'y', 'true', '1', 'x'].includes(t)) return ok(true);
  if (['no', 'n', 'false', '0'].includes(t)) return ok(false);
  return bad(`"${cellText(cell)}" is not yes or no`);
}

/** One of a fixed set of words, through a table of the words people write for each. */
export function readKeyword<T extends string>(
  cell: Cell,
  words: ReadonlyMap<string, T>,
  what: string,
): CellRead<T> {
  const t = cellText(cell);
  const found = words.get(fold(t));
  return found === undefined ? bad(`"${t}" is not a known ${what}`) : ok(found);
}

export const WEEKDAY_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function weekday(word: string): Weekday | null {
  const i = WEEKDAY_ORDER.indexOf(word.slice(0, 3).toLowerCase() as Weekday);
  return i >= 0 && /^[a-z]+$/i.test(word) ? (WEEKDAY_ORDER[i] ?? null) : null;
}

export interface TimeWindow {
  days: Weekday[];
  from: string;
  to: string;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Permitted times, one window a line or separated by semicolons: `Mon–Fri 09:00–17:00`,
 * `Mon, Wed 10:00-12:00`, or `09:00-12:00` alone for every day.
 */
export function readTimes(cell: Cell): CellRead<TimeWindow[]> {
  const windows: TimeWindow[] = [];
  for (const part of listItems(cell, false)) {
    const m = /^(.*?)\s*(\d{1,2}:\d{2})\s*[-–—to]+\s*(\d{1,2}:\d{2})$/i.exec(part);
    if (!m) return bad(`"${part}" is not a time window (write Mon–Fri 09:00–17:00)`);
    const [from, to] = [m[2] ?? '', m[3] ?? ''].map((c) => c.padStart(5, '0'));
    if (!CLOCK.test(from ?? '') || !CLOCK.test(to ?? ''))
      return bad(`"${part}" has a time that is not HH:MM`);
    const days: Weekday[] = [];
    const dayText = (m[1] ?? '').trim();
    if (dayText !== '' && !/^(every ?day|daily|any ?day)$/i.test(dayText)) {
      for (const piece of dayText.split(/\s*[,/&]\s*|\s+and\s+|\s+/i).filter((s) => s !== '')) {
        const range = /^([a-z]+)\s*[-–—]\s*([a-z]+)$/i.exec(piece);
        if (range) {
          const a = weekday(range[1] ?? '');
          const b = weekday(range[2] ?? '');
          if (a === null || b === null) return bad(`"${piece}" is not a range of days`);
          const ia = WEEKDAY_ORDER.indexOf(a);
          const ib = WEEKDAY_ORDER.indexOf(b);
          for (let i = ia; ; i = (i + 1) % 7) {
            const d = WEEKDAY_ORDER[i] as Weekday;
            if (!days.includes(d)) days.push(d);
            if (i === ib) break;
          }
        } else {
          const d = weekday(piece);
          if (d === null) return bad(`"${piece}" is not a day of the week`);
          if (!days.includes(d)) days.push(d);
        }
      }
    }
    windows.push({ days, from: from ?? '', to: to ?? '' });
  }
  return ok(windows);
}

/** The days as a person writes them: a run of three or more in week order as `Mon–Fri`. */
export function writeDays(days: readonly Weekday[]): string {
  const idx = days.map((d) => WEEKDAY_ORDER.indexOf(d));
  const ascending = idx.every((v, i) => i === 0 || v === (idx[i - 1] ?? -2) + 1);
  if (days.length >= 3 && ascending) {
    return `${WEEKDAY_LABELS[idx[0] ?? 0]}–${WEEKDAY_LABELS[idx[idx.length - 1] ?? 0]}`;
  }
  return idx.map((i) => WEEKDAY_LABELS[i]).join(', ');
}

export function writeTimes(windows: readonly TimeWindow[]): string {
  return windows
    .map((w) => (w.days.length === 0 ? `${w.from}–${w.to}` : `${writeDays(w.days)} ${w.from}–${w.to}`))
    .join('\n');
}

/** `1 per 7 days`, `2 per week`, `1 per fortnight`. A month is not a fixed number of days: refused. */
export function readLimit(cell: Cell): CellRead<{ max: number; periodDays: number }> {
  const t = cellText(cell).toLowerCase();
  const m =
    /^(\d+)\s*(?:contacts?|emails?|messages?)?\s*(?:per|every|a|in|\/)\s*(\d+)?\s*(days?|weeks?|fortnights?)$/.exec(
      t,
    );
  if (!m) return bad(`"${cellText(cell)}" is not a contact limit (write 1 per 7 days)`);
  const n = Number(m[2] ?? '1');
  const unit = m[3] ?? 'day';
  const periodDays = unit.startsWith('week') ? n * 7 : unit.startsWith('fortnight') ? n * 14 : n;
  return ok({ max: Number(m[1]), periodDays });
}

export function writeLimit(limit: { max: number; periodDays: number }): string {
  return `${limit.max} per ${limit.periodDays} day${limit.periodDays === 1 ? '' : 's'}`;
}
