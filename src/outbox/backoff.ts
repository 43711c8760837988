// Retry timing for the outbox: the same exponential backoff with jitter as the Graph client, stretched to
// the outbox's longer steps, and a server's Retry-After when it asks for longer.
import { backoffDelay, parseRetryAfter } from '../common/retry-timing';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** 2 s, 4 s, 8 s … capped at 5 minutes: a throttled SharePoint is left alone, an outage is retried. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 300_000 };

/**
 * Delay before attempt `attempts + 1`: in [half, whole] of the exponential step, so panes do not
 * retry in step; a server's Retry-After wins when it asks for longer.
 */
export function nextDelayMs(
  policy: BackoffPolicy,
  attempts: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  return Math.max(backoffDelay(attempts, policy.baseMs, policy.maxMs, random), retryAfterMs ?? 0);
}

/**
 * The wait a failed send asked for, if its error says: a `retryAfterMs` number, a `retryAfter`
 * in seconds, or a `Retry-After` response header (as the Graph client's errors carry it).
 * Anything else: none. Duck-typed on the error, so any sender's errors will do.
 */
export function retryAfterOf(err: unknown, nowMs: number = Date.now()): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const { retryAfterMs, retryAfter, headers } = err as {
    retryAfterMs?: unknown;
    retryAfter?: unknown;
    headers?: unknown;
  };
  if (isWait(retryAfterMs)) return retryAfterMs;
  if (isWait(retryAfter)) return retryAfter * 1000;
  const header =
    typeof (headers as Headers | undefined)?.get === 'function'
      ? (headers as Headers).get('retry-after')
      : null;
  return parseRetryAfter(header, nowMs);
}

function isWait(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}
