import fc from 'fast-check';
import { sharedScale, weekChart } from '../../../src/core/register/chart';
import type { WeekCount } from '../../../src/core/register/register';

const week = (start: string, contacts: number, breaches = 0): WeekCount => ({ start, contacts, breaches });

describe('the register row chart', () => {
  const weeks = [
    week('2026-01-05', 1),
    week('2026-01-12', 4, 2),
    week('2026-01-19', 0),
    week('2026-01-26', 2, 1),
  ];

  it('says in words what the bars show: period, total, busiest week, weeks with breaches', () => {
    expect(weekChart(weeks, 4).summary).toBe(
      'Contacts per week, 4 weeks from 5 Jan 2026: 7 contacts, most in the week of 12 Jan 2026 (4); breaches in the 2 weeks of 12 Jan 2026, 26 Jan 2026.',
    );
    expect(weekChart([week('2026-01-05', 0)], 1).summary).toBe(
      'Contacts per week, 1 week from 5 Jan 2026: no contacts.',
    );
  });

  it('marks the weeks with a breach and labels each bar', () => {
    const chart = weekChart(weeks, 4);
    expect(chart.bars.map((b) => b.breach)).toEqual([false, true, false, true]);
    expect(chart.bars[1]?.label).toBe('Week of 12 Jan 2026: 4 contacts, 2 breaches');
    expect(chart.bars[2]?.label).toBe('Week of 19 Jan 2026: 0 contacts');
  });

  it('draws every row on one scale, so equal counts are equal bars across rows', () => {
    const rows = [{ weeks }, { weeks: [week('2026-01-05', 8)] }];
    const scale = sharedScale(rows);
    expect(scale).toBe(8);
    expect(weekChart(weeks, scale).bars[1]?.height).toBe(12);
    expect(weekChart(rows[1]?.weeks ?? [], scale).bars[0]?.height).toBe(24);
  });

  it('keeps every bar inside the chart, in week order, whatever the counts', () => {
    const counts = fc.array(fc.record({ contacts: fc.nat(50), breaches: fc.nat(5) }), {
      minLength: 1,
      maxLength: 52,
    });
    fc.assert(
      fc.property(counts, fc.nat(60), (cs, scale) => {
        const ws = cs.map((c, i) =>
          week(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, c.contacts, c.breaches),
        );
        const chart = weekChart(ws, scale);
        chart.bars.forEach((b, i) => {
          expect(b.height).toBeGreaterThanOrEqual(0);
          expect(b.height).toBeLessThanOrEqual(chart.height);
          expect(b.x + b.width).toBeLessThanOrEqual(chart.width + 1);
          if (i > 0) expect(b.x).toBeGreaterThan(chart.bars[i - 1]?.x ?? -1);
        });
      }),
    );
  });
});
