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
 * The wait a failed send asked for, if its error says: a `retryAfterMs` number, a `retryAfter`
 * in seconds, or a `Retry-After` response header (seconds or an HTTP date, as Graph sends it).
 * Anything else: none. Duck-typed, so the outbox does not depend on the Graph client.
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
  if (!header) return null;
  const seconds = Number(header.trim());
  if (header.trim() !== '' && isWait(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function isWait(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}
