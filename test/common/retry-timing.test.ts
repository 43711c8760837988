import fc from 'fast-check';
import { backoffDelay, parseRetryAfter } from '../../src/common/retry-timing';

describe('Retry-After and backoff', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('backs off exponentially with jitter, never below half a step and never above the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const step = Math.min(30_000, 1000 * 2 ** (attempt - 1));
          const d = backoffDelay(attempt, 1000, 30_000, () => r);
          return d >= Math.floor(step / 2) && d <= step;
        },
      ),
    );
  });
});
