// Retry timing for the outbox: exponential with jitter, honouring a server's Retry-After.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** 2 s, 4 s, 8 s … capped at 5 minutes: a throttled SharePoint is left alone, an outage is retried. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 300_000 };

/**
 * Delay before attempt `attempts + 1`. A server's Retry-After wins when it asks for longer;
 * otherwise "full jitter" in [half, whole] of the exponential step, so panes do not retry in step.
 */
export function nextDelayMs(
  policy: BackoffPolicy,
  attempts: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = step / 2 + (step / 2) * random();
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * The wait a failed send asked for, if its error says (a `retryAfterMs` number, or a
 * `retryAfter` in seconds as Graph's Retry-After header gives it). Anything else: none.
 */
export function retryAfterOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const { retryAfterMs, retryAfter } = err as { retryAfterMs?: unknown; retryAfter?: unknown };
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)
    return retryAfterMs;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter * 1000;
  return null;
}
