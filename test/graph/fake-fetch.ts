// A scripted fetch for unit tests of the client: each call is recorded and answered by the
// next scripted reply (or a handler), so retries, headers and URLs can be asserted exactly.
import type { FetchLike } from '../../src/graph/middleware';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = Response | Error | ((req: SentRequest) => Response | Error);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function graphError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return json(
    status,
    {
      error: {
        code,
        message: `${code} happened`,
        innerError: { date: '2025-01-01T00:00:00Z', 'request-id': 'r-1' },
      },
    },
    headers,
  );
}

export function fakeFetch(
  replies: Reply[] | ((req: SentRequest) => Response | Error),
): FetchLike & { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const queue = Array.isArray(replies) ? [...replies] : undefined;
  const fn = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers as HeadersInit | undefined).forEach((v, k) => (headers[k] = v));
    let body: unknown = init?.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* keep text */
      }
    }
    const req: SentRequest = { url: input, method: (init?.method ?? 'GET').toUpperCase(), headers, body };
    sent.push(req);
    let reply: Reply | undefined = queue ? queue.shift() : (replies as (r: SentRequest) => Response | Error);
    if (reply === undefined) throw new Error(`fakeFetch: no reply scripted for ${req.method} ${req.url}`);
    if (typeof reply === 'function') reply = reply(req);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return Object.assign(fn, { sent });
}

export const BASE = 'https://localhost:8443/v1.0';

export const devTokens = (upn = 'handler@force.example.police.uk') => {
  const asked: string[][] = [];
  return { asked, getToken: async (scopes: readonly string[]) => (asked.push([...scopes]), `dev:${upn}`) };
};

/** Retry settings that record delays instead of waiting. */
export function instantRetry(extra: Record<string, unknown> = {}) {
  const delays: number[] = [];
  return {
    delays,
    retry: {
      sleep: async (ms: number) => void delays.push(ms),
      baseDelayMs: 100,
      maxDelayMs: 1600,
      random: () => 0.5,
      ...extra,
    },
  };
}
