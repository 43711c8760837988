import fc from 'fast-check';
import { historyWindow } from '../../src/core/history-window';
import { strategy } from './checks.fixtures';

const NOW = new Date('2025-03-04T10:30:00Z');

describe('historyWindow: whose earlier contacts a verdict needs, and since when', () => {
  test('nothing matched, or no address to ask about: no history is needed', () => {
    expect(historyWindow([], 92, NOW)).toBeNull();
    expect(historyWindow([strategy({ emailAddresses: [] })], 92, NOW)).toBeNull();
  });

  test('every address of every matched strategy, lower-cased and once each', () => {
    const a = strategy({ emailAddresses: ['Paul.Example@Example.com ', 'p.example@example.net'] });
    const b = strategy({ id: 'CS-0043', emailAddresses: ['paul.example@example.com'] });
    expect(historyWindow([a, b], 92, NOW)?.addresses).toEqual([
      'paul.example@example.com',
      'p.example@example.net',
    ]);
  });

  test('one review period back, from the start of that UTC day', () => {
    expect(historyWindow([strategy()], 92, NOW)?.since).toBe('2024-12-02T00:00:00.000Z');
  });

  test('a contact limit with a longer period than the review reaches back that far instead', () => {
    const s = strategy({ contactLimit: { max: 1, periodDays: 365 } });
    // 2024 was a leap year: 365 days before 4 March 2025 is 4 March 2024.
    expect(historyWindow([s], 92, NOW)?.since).toBe('2024-03-04T00:00:00.000Z');
    const short = strategy({ contactLimit: { max: 1, periodDays: 7 } });
    expect(historyWindow([short], 92, NOW)?.since).toBe('2024-12-02T00:00:00.000Z');
  });

  test('the same all day (a stable cache key), and always at least the look-back before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 86_399_999 }),
        fc.integer({ min: 1, max: 3660 }),
        (msIntoDay, days) => {
          const now = new Date(Date.UTC(2025, 2, 4) + msIntoDay);
          const since = historyWindow([strategy()], days, now)?.since ?? '';
          expect(since).toBe(historyWindow([strategy()], days, new Date(Date.UTC(2025, 2, 4)))?.since);
          expect(now.getTime() - Date.parse(since)).toBeGreaterThanOrEqual(days * 86_400_000);
        },
      ),
    );
  });
});
