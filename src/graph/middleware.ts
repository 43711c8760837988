// Our middleware chain for the Graph SDK (`Client.initWithMiddleware`), one small job each, in the
// order a request passes through them:
//   IdentifyHandler        the exact URL, and the add-in's name (SharePoint asks for it)
//   AuthenticationHandler  (SDK) a bearer token for the scopes this call names
//   GraphRetryHandler      429, 503, 504 and dropped connections, by our idempotency rule (retry.ts)
//   TelemetryHandler       (SDK) client-request-id and SdkVersion, the correlation headers Graph
//                          support asks for; they go to Graph only (docs/decisions/graph.md)
//   TimeoutFetchHandler    the injected fetch, 30 s per attempt
// Responses pass back untouched: the client asks the SDK for the raw response and reads errors
// itself (errors.ts), so no handler rewrites a body.
import {
  AuthenticationHandler,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { requestPolicyOf } from './policy';
import { GraphRetryHandler, type RetryOptions } from './retry';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestCounter {
  requests: number;
}

/** How long one attempt may wait for its response before it counts as a dropped connection. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ChainOptions {
  auth: AuthenticationProvider;
  userAgent: string;
  fetchImpl: FetchLike;
  counter: RequestCounter;
  retry?: RetryOptions;
  requestTimeoutMs?: number;
}

/** The chain, head first: what `Client.initWithMiddleware({ middleware })` takes. */
export function graphMiddleware(options: ChainOptions): Middleware[] {
  return [
    new IdentifyHandler(options.userAgent),
    new AuthenticationHandler(options.auth),
    new GraphRetryHandler(options.retry),
    new TelemetryHandler(),
    new TimeoutFetchHandler(options.fetchImpl, options.counter, options.requestTimeoutMs),
  ];
}

/** The request's headers as a plain object the later handlers (the SDK's too) can add to. */
function headerBag(context: Context): Record<string, string> {
  const options = context.options ?? (context.options = {});
  const headers = options.headers;
  const bag: Record<string, string> = {};
  if (headers instanceof Headers) headers.forEach((v, k) => (bag[k] = v));
  else if (Array.isArray(headers)) for (const [k, v] of headers) bag[k] = v;
  else if (headers) Object.assign(bag, headers);
  options.headers = bag;
  return bag;
}

/** Whether we run where fetch may not set User-Agent (browsers silently drop or preflight it). */
function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/**
 * Head of the chain. Sends links exactly as Graph gave them, and identifies the add-in the way
 * SharePoint asks (`NONISV|Org|App/Version`). Browsers forbid setting User-Agent from fetch, so
 * the same string also goes into `SdkVersion`, a header Graph's CORS policy already allows.
 */
class IdentifyHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly userAgent: string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const policy = requestPolicyOf(context);
    if (policy) context.request = policy.exactUrl;
    const headers = headerBag(context);
    headers['SdkVersion'] = headers['SdkVersion']
      ? `${headers['SdkVersion']}, ${this.userAgent}`
      : this.userAgent;
    if (!inBrowser()) headers['User-Agent'] = this.userAgent;
    if (!this.next) throw new Error('IdentifyHandler must not be last in the chain');
    await this.next.execute(context);
  }
}

/** Thrown for an attempt that got no response in time; the retry handler treats it as dropped. */
class RequestTimeoutError extends Error {
  constructor(ms: number) {
    super(`did not answer within ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`);
    this.name = 'TimeoutError';
  }
}

/**
 * Tail of the chain: the actual HTTP call, counted (benchmarks and the ≤2-requests target).
 * fetch has no timeout of its own, and a half-open connection (a laptop back from sleep) can
 * leave it pending for minutes: the pane would show "checking earlier contacts" and refuse to
 * record all that time. So each attempt is aborted after `timeoutMs` without a response.
 */
class TimeoutFetchHandler implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly counter: RequestCounter,
    private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    this.counter.requests++;
    const init: RequestInit = context.options ?? {};
    const abort = new AbortController();
    const outer = init.signal ?? undefined;
    const follow = (): void => abort.abort(outer?.reason);
    if (outer?.aborted) follow();
    else outer?.addEventListener('abort', follow, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    try {
      context.response = await this.fetchImpl(url, { ...init, signal: abort.signal });
    } catch (err) {
      if (timedOut) throw new RequestTimeoutError(this.timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    }
  }
}
