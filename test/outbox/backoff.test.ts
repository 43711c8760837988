import fc from 'fast-check';
import { nextDelayMs, retryAfterOf } from '../../src/outbox/backoff';

const policy = { baseMs: 2_000, maxMs: 300_000 };

describe('outbox backoff', () => {
  test('each delay lies in the upper half of its exponential step, capped, and never below Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
        (attempts, r, retryAfter) => {
          const step = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempts - 1));
          const d = nextDelayMs(policy, attempts, retryAfter, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.max(step / 2, retryAfter ?? 0));
          expect(d).toBeLessThanOrEqual(Math.max(step, retryAfter ?? 0));
        },
      ),
    );
  });

  test('later attempts wait at least as long as earlier ones (same jitter)', () => {
    const delays = [1, 2, 3, 4, 5, 10, 20].map((a) => nextDelayMs(policy, a, null, () => 0.3));
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
    expect(delays.at(-1)).toBeLessThanOrEqual(policy.maxMs);
  });

  test('Retry-After is read from retryAfterMs or retryAfter (seconds); junk is ignored', () => {
    expect(retryAfterOf({ retryAfterMs: 1500 })).toBe(1500);
    expect(retryAfterOf({ retryAfter: 7 })).toBe(7000);
    expect(retryAfterOf({ retryAfter: 'soon' })).toBeNull();
    expect(retryAfterOf({ retryAfterMs: -1 })).toBeNull();
    expect(retryAfterOf(new Error('x'))).toBeNull();
    expect(retryAfterOf(null)).toBeNull();
  });

  test('a Retry-After header is read as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-04T10:00:00Z');
    const withHeader = (value: string) => ({ headers: new Headers({ 'Retry-After': value }) });
    expect(retryAfterOf(withHeader('12'), now)).toBe(12_000);
    expect(retryAfterOf(withHeader('Tue, 04 Mar 2025 10:00:30 GMT'), now)).toBe(30_000);
    expect(retryAfterOf(withHeader('Tue, 04 Mar 2025 09:00:00 GMT'), now)).toBe(0);
    expect(retryAfterOf(withHeader('whenever'), now)).toBeNull();
    expect(retryAfterOf({ headers: new Headers() }, now)).toBeNull();
  });
});
