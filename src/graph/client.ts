// The Graph client: the JS SDK (`Client.initWithMiddleware`) with our middleware chain
// (middleware.ts). Callers describe a call as data (verb, URL already encoded, body, scopes) because
// $batch, the outbox and the idempotency rule all need the verb as data; `request()` hands it to
// the SDK's request builder and reads the raw response, `pages()` follows nextLinks as given.
import {
  AuthenticationHandlerOptions,
  Client,
  ResponseType,
  type AuthenticationProvider,
  type GraphRequest,
} from '@microsoft/microsoft-graph-client';
import { claimsFromChallenge } from '../auth/challenge';
import type { TokenProvider } from '../auth/types';
import { errorFromResponse, errorFromThrown, GraphRequestError } from './errors';
import { graphMiddleware, type FetchLike, type RequestCounter } from './middleware';
import { RequestPolicy } from './policy';
import type { RetryOptions } from './retry';

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
  /** 'bytes': the body as it came (an attachment's /$value), not JSON. Default 'json'. */
  response?: 'json' | 'bytes';
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or the emulator's https://localhost:PORT/v1.0 */
  baseUrl: string;
  tokens: TokenProvider;
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
  /** HTTP requests actually sent, retries included (the bench's requests-per-open figure). */
  readonly counter: RequestCounter;
  request<T>(call: GraphCall): Promise<T>;
  /** Every page of a collection, following `@odata.nextLink` exactly as given; empty pages are normal. */
  pages<T>(call: GraphCall): AsyncGenerator<GraphPage<T>, void, undefined>;
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

/**
 * Each verb through the SDK's builder. The SDK has one method per verb and no generic send;
 * this table is the one place a verb given as data becomes that call. Every request is sent with
 * ResponseType.RAW, for which the SDK resolves to fetch's Response, whatever its status.
 */
const SEND: Record<HttpMethod, (request: GraphRequest, body: unknown) => Promise<Response>> = {
  GET: (request) => request.get(),
  POST: (request, body) => request.post(body ?? {}),
  PATCH: (request, body) => request.patch(body ?? {}),
  PUT: (request, body) => request.put(body ?? {}),
  DELETE: (request) => request.delete(),
};

/** A success body: JSON as Graph sends it, nothing for 204 or an empty body. */
async function successBody(response: Response, method: string): Promise<unknown> {
  const text = response.status === 204 ? '' : await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // The request may have been carried out: status 0 makes it ambiguous, so a create re-checks.
    throw new GraphRequestError({
      status: 0,
      message: `Graph answered HTTP ${response.status} with a body that is not JSON`,
      method,
    });
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { origin, version, host } = splitBase(options.baseUrl);
  const baseUrl = `${origin}/${version}`;
  const tokens = options.tokens;
  // Every request names its scopes (AuthenticationHandlerOptions below); none asks for a default.
  const auth: AuthenticationProvider = { getAccessToken: (opts) => tokens.getToken(opts?.scopes ?? []) };
  const counter: RequestCounter = { requests: 0 };
  const middleware = graphMiddleware({
    auth,
    userAgent: options.userAgent ?? appUserAgent(),
    fetchImpl: options.fetchImpl ?? ((input, init) => fetch(input, init)),
    counter,
    retry: options.retry,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  // The SDK compares hosts without the port, so the emulator needs its hostname listed.
  const customHosts = GRAPH_HOSTS.has(host) ? undefined : new Set([host, 'localhost', '127.0.0.1']);
  const sdk = Client.initWithMiddleware({
    middleware,
    baseUrl: origin,
    defaultVersion: version,
    customHosts,
  });

  const resolve = (pathOrUrl: string): string =>
    /^https:\/\//i.test(pathOrUrl)
      ? pathOrUrl
      : `${baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;

  async function send(call: GraphCall, method: HttpMethod, url: string): Promise<Response> {
    const builder = sdk
      .api(url)
      // Raw: the SDK hands back every response as it came, and errors are read in one place.
      .responseType(ResponseType.RAW)
      .middlewareOptions([
        new AuthenticationHandlerOptions(undefined, { scopes: [...call.scopes] }),
        new RequestPolicy(call.idempotent ?? method !== 'POST', url),
      ]);
    if (call.headers) builder.headers(call.headers);
    try {
      return await SEND[method](builder, call.body);
    } catch (err) {
      throw errorFromThrown(err, method);
    }
  }

  async function request<T>(call: GraphCall): Promise<T> {
    const method = call.method ?? 'GET';
    const url = resolve(call.url);
    let response = await send(call, method, url);
    // A refused token (revoked, or a Continuous Access Evaluation claims challenge): once, with a
    // fresh token carrying the claims asked for. A 401 is an answer, so nothing was carried out.
    if (response.status === 401 && tokens.refresh) {
      const claims = claimsFromChallenge(response.headers.get('www-authenticate'));
      await tokens.refresh(call.scopes, claims ?? undefined);
      response = await send(call, method, url);
    }
    if (!response.ok) throw await errorFromResponse(response, method);
    if (call.response === 'bytes') return new Uint8Array(await response.arrayBuffer()) as T;
    // The body's shape is the endpoint's contract with its caller, as with any JSON API.
    return (await successBody(response, method)) as T;
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

  return { counter, request, pages };
}
