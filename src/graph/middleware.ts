// The ends of our middleware chain: the head fixes the URL and identifies the add-in, the tail
// sends the request with the fetch we were given and makes every error body JSON.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestPolicyOf } from './policy';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function headerBag(context: Context): Record<string, string> {
  const options = context.options ?? (context.options = {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    const bag: Record<string, string> = {};
    headers.forEach((v, k) => (bag[k] = v));
    options.headers = bag;
    return bag;
  }
  if (Array.isArray(headers)) {
    const bag = Object.fromEntries(headers) as Record<string, string>;
    options.headers = bag;
    return bag;
  }
  const bag = (headers as Record<string, string> | undefined) ?? {};
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
export class PrepareHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly userAgent: string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const exact = requestPolicyOf(context)?.exactUrl;
    if (exact) context.request = exact;
    const headers = headerBag(context);
    headers['SdkVersion'] = headers['SdkVersion']
      ? `${headers['SdkVersion']}, ${this.userAgent}`
      : this.userAgent;
    if (!inBrowser()) headers['User-Agent'] = this.userAgent;
    if (!this.next) throw new Error('PrepareHandler must not be last in the chain');
    await this.next.execute(context);
  }
}

interface ErrorEnvelope {
  error: { code?: unknown; message?: unknown };
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorEnvelope).error === 'object' &&
    (body as ErrorEnvelope).error !== null
  );
}

/**
 * Proxies and gateways answer errors in HTML or plain text, and some Graph errors come without
 * `Content-Type: application/json`; the SDK then hands back a stream and the code is lost.
 * Rewrites every error body as a Graph error envelope so status, code and message survive.
 */
async function normaliseErrorResponse(response: Response): Promise<Response> {
  if (response.ok || response.status < 400) return response;
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const envelope = isErrorEnvelope(parsed)
    ? parsed
    : {
        error: {
          code: '',
          message: `HTTP ${response.status}${text ? `: ${text.replace(/\s+/g, ' ').trim().slice(0, 200)}` : ''}`,
        },
      };
  const headers = new Headers(response.headers);
  headers.set('Content-Type', 'application/json');
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  return new Response(JSON.stringify(envelope), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export interface RequestCounter {
  requests: number;
}

/** How long one attempt may wait for its response before it counts as a dropped connection. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

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
export class FetchHandler implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly counter: RequestCounter,
    private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    this.counter.requests++;
    const init = (context.options ?? {}) as RequestInit;
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
      const response = await this.fetchImpl(url, { ...init, signal: abort.signal });
      context.response = await normaliseErrorResponse(response);
    } catch (err) {
      if (timedOut) throw new RequestTimeoutError(this.timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    }
  }
}
