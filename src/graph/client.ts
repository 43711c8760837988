// The Graph client: the JS SDK (`Client.initWithMiddleware`) with our own middleware chain.
//   PrepareHandler     exact URLs, add-in identification
//   AuthenticationHandler (SDK) bearer token for the scopes this call names
//   GraphRetryHandler  429/503/504/dropped connections, idempotency-safe
//   TelemetryHandler (SDK) client-request-id, SdkVersion
//   FetchHandler       the injected fetch; every error body made JSON
// Callers use `request()` (hand-built, already-encoded URLs), `pages()` and `batch()`; `api()` gives
// the SDK's fluent request with the same chain for code that prefers it.
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError,
  TelemetryHandler,
  type AuthenticationProvider,
  type GraphRequest,
} from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/types';
import { GraphRequestError } from './errors';
import { FetchHandler, PrepareHandler, type FetchLike, type RequestCounter } from './middleware';
import { RequestPolicy } from './policy';
import { GraphRetryHandler, type RetryOptions } from './retry';

export const APP_NAME = 'ContactStrategyTriage';
/** Kept in step with package.json by hand: the bundle should not carry package.json. */
export const APP_VERSION = '0.1.0';

export function appUserAgent(organisation = 'UKPolicing'): string {
  return `NONISV|${organisation.replace(/[|\s]/g, '')}|${APP_NAME}/${APP_VERSION}`;
}

const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

/** How often one nextLink may be followed before paging counts as stuck. */
const MAX_SAME_LINK = 20;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphCall {
  method?: HttpMethod;
  /** A path under the base URL (`/sites/…`, query already encoded) or an absolute link from Graph. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Delegated permissions this call needs (least privilege). */
  scopes: readonly string[];
  /** Safe to repeat after an ambiguous failure. Defaults to true for everything but POST. */
  idempotent?: boolean;
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or the emulator's https://localhost:PORT/v1.0 */
  baseUrl: string;
  tokens: TokenProvider;
  /** Scopes for `api()` requests that name none. */
  scopes?: readonly string[];
  /** Defaults to the global fetch (browser, Node 20). Tests pass one trusting the emulator's CA. */
  fetchImpl?: FetchLike;
  /** `NONISV|Org|ContactStrategyTriage/<version>`. */
  userAgent?: string;
  retry?: RetryOptions;
  /** How long one attempt waits for a response (default 30 s); then it counts as dropped. */
  requestTimeoutMs?: number;
}

export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly sdk: Client;
  /** HTTP requests actually sent, retries included. */
  readonly counter: RequestCounter;
  request<T>(call: GraphCall): Promise<T>;
  /** Every page of a collection, following `@odata.nextLink` exactly as given; empty pages are normal. */
  pages<T>(call: GraphCall): AsyncGenerator<GraphPage<T>, void, undefined>;
  /** The SDK's fluent request through the same chain (the SDK path for OData escaping). */
  api(path: string, scopes?: readonly string[]): GraphRequest;
  /** Absolute URL for a path under the base URL. */
  resolve(pathOrUrl: string): string;
}

function splitBase(baseUrl: string): { origin: string; version: string; host: string } {
  const url = new URL(baseUrl.replace(/\/+$/, ''));
  if (url.protocol !== 'https:') {
    throw new Error(`Graph base URL must be https (the SDK sends tokens only over https): ${baseUrl}`);
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const prefix = segments.length ? `/${segments.join('/')}` : '';
  return { origin: `${url.origin}${prefix}`, version, host: url.hostname.toLowerCase() };
}

function toGraphRequestError(err: unknown, method: string): GraphRequestError {
  if (err instanceof GraphRequestError) return err;
  if (err instanceof GraphError) {
    let innerCode = '';
    try {
      const body =
        typeof err.body === 'string'
          ? (JSON.parse(err.body) as { innerError?: { code?: string } })
          : undefined;
      innerCode = body?.innerError?.code ?? '';
    } catch {
      innerCode = '';
    }
    const status = err.statusCode > 0 ? err.statusCode : 0;
    return new GraphRequestError({
      status,
      code: status === 0 ? '' : (err.code ?? ''),
      innerCode,
      message:
        status === 0
          ? `No response from Graph (${err.message || err.code || 'connection failed'})`
          : err.message || `HTTP ${status}`,
      requestId: err.requestId ?? undefined,
      headers: err.headers,
      method,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new GraphRequestError({ status: 0, message: `No response from Graph (${message})`, method });
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { origin, version, host } = splitBase(options.baseUrl);
  const baseUrl = `${origin}/${version}`;
  const defaultScopes = options.scopes ?? ['User.Read'];
  const tokens = options.tokens;
  const authProvider: AuthenticationProvider = {
    getAccessToken: (opts) => tokens.getToken(opts?.scopes ?? defaultScopes),
  };
  const counter: RequestCounter = { requests: 0 };
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const chain = [
    new PrepareHandler(options.userAgent ?? appUserAgent()),
    new AuthenticationHandler(authProvider),
    new GraphRetryHandler(options.retry),
    new TelemetryHandler(),
    new FetchHandler(fetchImpl, counter, options.requestTimeoutMs),
  ];
  // The SDK compares hosts without the port, so the emulator needs its hostname listed.
  const customHosts = GRAPH_HOSTS.has(host) ? undefined : new Set([host, 'localhost', '127.0.0.1']);
  const sdk = Client.initWithMiddleware({
    middleware: chain,
    baseUrl: origin,
    defaultVersion: version,
    customHosts,
  });

  const resolve = (pathOrUrl: string): string =>
    /^https:\/\//i.test(pathOrUrl)
      ? pathOrUrl
      : `${baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;

  function prepared(call: GraphCall): GraphRequest {
    const method = call.method ?? 'GET';
    const url = resolve(call.url);
    const idempotent = call.idempotent ?? method !== 'POST';
    const req = sdk
      .api(url)
      .middlewareOptions([
        new AuthenticationHandlerOptions(undefined, { scopes: [...call.scopes] }),
        new RequestPolicy(idempotent, url),
      ]);
    if (call.headers) req.headers(call.headers);
    return req;
  }

  async function request<T>(call: GraphCall): Promise<T> {
    const method = call.method ?? 'GET';
    const req = prepared(call);
    try {
      switch (method) {
        case 'GET':
          return (await req.get()) as T;
        case 'POST':
          return (await req.post(call.body ?? {})) as T;
        case 'PATCH':
          return (await req.patch(call.body ?? {})) as T;
        case 'PUT':
          return (await req.put(call.body ?? {})) as T;
        case 'DELETE':
          return (await req.delete()) as T;
      }
    } catch (err) {
      throw toGraphRequestError(err, method);
    }
  }

  async function* pages<T>(call: GraphCall): AsyncGenerator<GraphPage<T>, void, undefined> {
    // An empty page may point at the very link just read ("try again"); only a link that keeps
    // coming back is a loop.
    const visits = new Map<string, number>();
    let url: string | undefined = call.url;
    while (url !== undefined) {
      const seen = (visits.get(url) ?? 0) + 1;
      if (seen > MAX_SAME_LINK)
        throw new Error(`Graph returned the same nextLink ${MAX_SAME_LINK} times; stopped paging at ${url}`);
      visits.set(url, seen);
      const page: GraphPage<T> = await request<GraphPage<T>>({ ...call, url, method: 'GET' });
      yield { ...page, value: Array.isArray(page.value) ? page.value : [] };
      url = page['@odata.nextLink'];
    }
  }

  function api(path: string, scopes: readonly string[] = defaultScopes): GraphRequest {
    return sdk
      .api(path)
      .middlewareOptions([new AuthenticationHandlerOptions(undefined, { scopes: [...scopes] })]);
  }

  return { baseUrl, sdk, counter, request, pages, api, resolve };
}
