// Our retry middleware for the Graph SDK chain (middleware.ts). It takes the place of the SDK's
// RetryHandler because:
// - a POST that lost its connection may have been carried out; the SDK would send it again and
//   make a second contact-log row. Here non-idempotent requests are retried only on 429 (the
//   server refused before doing anything); callers re-check before re-sending anything else;
// - in a browser Graph hides Retry-After behind CORS, so the backoff must be exponential with
//   jitter when the header is not visible, and the delays must be small and injectable in tests;
// - dropped connections (fetch throws) are retried too, for idempotent requests.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { backoffDelay, parseRetryAfter } from '../common/retry-timing';
import { requestPolicyOf } from './policy';

export interface RetryOptions {
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** First backoff step when no Retry-After is visible; doubles each attempt. */
  baseDelayMs?: number;
  /** Cap for one backoff step. */
  maxDelayMs?: number;
  /** Cap for a server's Retry-After (a misbehaving server must not park the taskpane). */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

export type RetryReason = 'throttled' | 'unavailable' | 'gateway-timeout' | 'network';

export interface RetryEvent {
  attempt: number;
  reason: RetryReason;
  delayMs: number;
  /** Whether the delay came from a visible Retry-After header. */
  retryAfterVisible: boolean;
  method: string;
}

export const DEFAULT_RETRY: Required<Omit<RetryOptions, 'onRetry'>> = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => Date.now(),
};

/** Which failures are worth another attempt, given whether repeating the request is safe. */
export function retryReason(
  outcome: { status: number } | { networkError: true },
  idempotent: boolean,
): RetryReason | null {
  if ('networkError' in outcome) return idempotent ? 'network' : null;
  switch (outcome.status) {
    case 429:
      return 'throttled';
    case 503:
      return idempotent ? 'unavailable' : null;
    case 504:
      return idempotent ? 'gateway-timeout' : null;
    default:
      return null;
  }
}

/** Read through a call: the assignment above would otherwise narrow it to undefined for good. */
function responseOf(context: Context): Response | undefined {
  return context.response;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

function setHeader(context: Context, key: string, value: string): void {
  const options = context.options ?? (context.options = {});
  const headers = options.headers;
  // Kept in the form it came in: the SDK's handlers and fetch accept all three.
  if (headers instanceof Headers) headers.set(key, value);
  else if (Array.isArray(headers)) options.headers = [...headers.filter(([k]) => k !== key), [key, value]];
  else options.headers = { ...headers, [key]: value };
}

export class GraphRetryHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly opts: Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

  constructor(options: RetryOptions = {}) {
    this.opts = { ...DEFAULT_RETRY, ...options };
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('GraphRetryHandler must not be last in the chain');
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const idempotent = requestPolicyOf(context)?.idempotent ?? method !== 'POST';
    for (let attempt = 1; ; attempt++) {
      let reason: RetryReason | null;
      let retryAfterMs: number | null = null;
      try {
        context.response = undefined;
        await next.execute(context);
        const response = responseOf(context);
        if (!response) return;
        reason = retryReason({ status: response.status }, idempotent);
        if (reason === null || attempt >= this.opts.maxAttempts) return;
        retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.opts.now());
        // Free the connection before waiting.
        await response.arrayBuffer().catch(() => undefined);
      } catch (err) {
        if (isAbort(err)) throw err;
        reason = retryReason({ networkError: true }, idempotent);
        if (reason === null || attempt >= this.opts.maxAttempts) throw err;
      }
      const delayMs =
        retryAfterMs !== null
          ? Math.min(retryAfterMs, this.opts.maxRetryAfterMs)
          : backoffDelay(attempt, this.opts.baseDelayMs, this.opts.maxDelayMs, this.opts.random);
      this.opts.onRetry?.({ attempt, reason, delayMs, retryAfterVisible: retryAfterMs !== null, method });
      await this.opts.sleep(delayMs);
      setHeader(context, 'Retry-Attempt', String(attempt));
    }
  }
}
