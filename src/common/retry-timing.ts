// When to try again: the timing both the Graph client's retries and the outbox's resends use.
// Pure arithmetic on numbers and header text, so either adapter may depend on it without
// depending on the other.

/** Retry-After is delta-seconds or an HTTP date; null when absent, unreadable or hidden (CORS). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": never zero, never in lock-step with other clients. */
export function backoffDelay(attempt: number, base: number, cap: number, random: () => number): number {
  const step = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
