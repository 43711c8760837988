import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isBefore,
  isIsoDate,
  isValidTimeZone,
  localDate,
  localParts,
  parseHhMm,
  parseInstant,
  resolveTimeZone,
} from '../../src/core/time';

const LONDON = 'Europe/London';
const at = (iso: string): Date => new Date(iso);

describe('localParts in Europe/London', () => {
  it('is GMT in winter: 09:30Z in January is 09:30 local', () => {
    expect(localParts(at('2025-01-15T09:30:00Z'), LONDON)).toEqual({
      date: '2025-01-15',
      weekday: 'wed',
      minuteOfDay: 9 * 60 + 30,
    });
  });

  it('is BST in summer: 09:30Z in July is 10:30 local', () => {
    expect(localParts(at('2025-07-15T09:30:00Z'), LONDON).minuteOfDay).toBe(10 * 60 + 30);
  });

  it('springs forward at 01:00Z on 2025-03-30', () => {
    expect(localParts(at('2025-03-30T00:59:00Z'), LONDON).minuteOfDay).toBe(59);
    expect(localParts(at('2025-03-30T01:00:00Z'), LONDON).minuteOfDay).toBe(2 * 60);
  });

  it('falls back at 01:00Z on 2025-10-26 (01:xx local happens twice)', () => {
    expect(localParts(at('2025-10-26T00:30:00Z'), LONDON).minuteOfDay).toBe(60 + 30);
    expect(localParts(at('2025-10-26T01:30:00Z'), LONDON).minuteOfDay).toBe(60 + 30);
    expect(localParts(at('2025-10-26T02:30:00Z'), LONDON).minuteOfDay).toBe(2 * 60 + 30);
  });

  it('moves the local date across midnight in BST (23:30Z on a Sunday is Monday 00:30)', () => {
    expect(localParts(at('2025-06-01T23:30:00Z'), LONDON)).toEqual({
      date: '2025-06-02',
      weekday: 'mon',
      minuteOfDay: 30,
    });
  });

  it('reports midnight as minute 0, never 24:00', () => {
    expect(localParts(at('2025-01-06T00:00:00Z'), LONDON).minuteOfDay).toBe(0);
  });

  it('works in other zones (New York, UTC-5 in January)', () => {
    expect(localDate(at('2025-01-01T03:00:00Z'), 'America/New_York')).toBe('2024-12-31');
  });
});

describe('zones', () => {
  it('recognises valid and invalid IANA names', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
  });

  it('resolves to the first valid candidate, else Europe/London', () => {
    expect(resolveTimeZone('Nowhere/Else', 'America/New_York')).toBe('America/New_York');
    expect(resolveTimeZone(undefined, 'bad')).toBe('Europe/London');
  });
});

describe('parseHhMm', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s → %d', (s, n) => expect(parseHhMm(s)).toBe(n));

  it.each(['9:30', '24:01', '12:60', 'noon', '', '12:00:00'])('rejects %j', (s) =>
    expect(parseHhMm(s)).toBeNull(),
  );
});

describe('calendar dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-06', 3)).toBe('2025-04-06');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
  });

  it('compares and measures dates', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(daysBetween('2025-01-01', '2025-04-03')).toBe(92);
    expect(isBefore('2025-04-05', '2025-04-06')).toBe(true);
    expect(isBefore('2025-04-06', '2025-04-06')).toBe(false);
    expect(isBefore(undefined, '2025-04-06')).toBe(false);
  });

  it('rejects impossible dates with a message naming the value', () => {
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow('"2025-02-30"');
  });

  it('addDays is the inverse of daysBetween (property)', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const start = d.toISOString().slice(0, 10);
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });

  it('parses instants or returns null', () => {
    expect(parseInstant('2025-03-04T10:15:00Z')?.getTime()).toBe(Date.UTC(2025, 2, 4, 10, 15));
    expect(parseInstant('yesterday')).toBeNull();
    expect(parseInstant(undefined)).toBeNull();
  });
});
