import { batch, chunk, type BatchRequest } from '../../src/graph/batch';
import { createGraphClient } from '../../src/graph/client';
import { BASE, devTokens, fakeFetch, instantRetry, json, type SentRequest } from './fake-fetch';

interface Wire {
  id: string;
  method: string;
  url: string;
  dependsOn?: string[];
  headers?: Record<string, string>;
  body?: unknown;
}

/** A $batch endpoint: answers each sub-request with `answer`, in reverse order (any order is legal). */
function batchServer(
  answer: (r: Wire, call: number) => { status: number; headers?: Record<string, string>; body?: unknown },
) {
  let calls = 0;
  const seen: Wire[][] = [];
  const fetchImpl = fakeFetch((req: SentRequest) => {
    calls++;
    const requests = (req.body as { requests: Wire[] }).requests;
    seen.push(requests);
    if (requests.length > 20) return json(400, { error: { code: 'BadRequest', message: 'too many' } });
    const failed = new Set<string>();
    const responses = requests.map((r) => {
      if ((r.dependsOn ?? []).some((d) => failed.has(d))) {
        failed.add(r.id);
        return { id: r.id, status: 424, body: { error: { code: 'FailedDependency' } } };
      }
      const a = answer(r, calls);
      if (a.status >= 400) failed.add(r.id);
      return { id: r.id, status: a.status, headers: a.headers ?? {}, body: a.body ?? {} };
    });
    return json(200, { responses: responses.reverse() });
  });
  const { delays, retry } = instantRetry();
  const client = createGraphClient({ baseUrl: BASE, tokens: devTokens(), fetchImpl });
  return { client, seen, delays, retry, fetchImpl };
}

const get = (id: string, dependsOn?: string[]): BatchRequest => ({
  id,
  method: 'GET',
  url: `/items/${id}`,
  ...(dependsOn ? { dependsOn } : {}),
});

describe('$batch', () => {
  it('splits 21 requests into batches of at most 20 and correlates out-of-order answers by id', async () => {
    const s = batchServer((r) => ({ status: 200, body: { echo: r.url } }));
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i + 1)));
    const results = await batch(s.client, requests, { scopes: ['Sites.ReadWrite.All'], retry: s.retry });
    expect(s.seen.map((b) => b.length)).toEqual([20, 1]);
    for (const r of requests) expect(results.get(r.id)?.body).toEqual({ echo: r.url });
  });

  it('retries an inner 429 after its own Retry-After, with the 424 requests that depended on it', async () => {
    const s = batchServer((r, call) =>
      r.id === 'a' && call === 1
        ? { status: 429, headers: { 'Retry-After': '2' } }
        : { status: 200, body: { ok: r.id } },
    );
    const results = await batch(s.client, [get('a'), get('b', ['a']), get('c')], {
      scopes: [],
      retry: s.retry,
    });
    expect([...results.values()].map((r) => [r.id, r.status]).sort()).toEqual([
      ['a', 200],
      ['b', 200],
      ['c', 200],
    ]);
    expect(s.delays).toEqual([2000]);
    // The second round resends only a and b, b still after a; c succeeded and is not repeated.
    expect(s.seen[1]?.map((w) => [w.id, w.dependsOn ?? []])).toEqual([
      ['a', []],
      ['b', ['a']],
    ]);
  });

  it('does not retry real failures, and their dependants stay 424', async () => {
    const s = batchServer((r) =>
      r.id === 'a' ? { status: 404, body: { error: { code: 'itemNotFound' } } } : { status: 200 },
    );
    const results = await batch(s.client, [get('a'), get('b', ['a'])], { scopes: [], retry: s.retry });
    expect(results.get('a')?.status).toBe(404);
    expect(results.get('b')?.status).toBe(424);
    expect(s.seen).toHaveLength(1);
  });

  it('gives up on a request throttled every time after the configured attempts and returns its 429', async () => {
    const s = batchServer(() => ({ status: 429 }));
    const results = await batch(s.client, [get('a')], { scopes: [], retry: { ...s.retry, maxAttempts: 3 } });
    expect(results.get('a')?.status).toBe(429);
    expect(s.seen).toHaveLength(3);
  });

  it('refuses duplicate ids and unknown dependencies before sending anything', async () => {
    const s = batchServer(() => ({ status: 200 }));
    await expect(batch(s.client, [get('a'), get('a')], { scopes: [] })).rejects.toThrow(/Duplicate/);
    await expect(batch(s.client, [get('a', ['zz'])], { scopes: [] })).rejects.toThrow(/unknown id/);
    expect(s.seen).toHaveLength(0);
  });

  it('keeps requests tied by dependsOn in the same batch', () => {
    const requests = [...Array.from({ length: 19 }, (_, i) => get(`x${i}`)), get('p'), get('q', ['p'])];
    const chunks = chunk(requests);
    const withQ = chunks.find((c) => c.some((r) => r.id === 'q'));
    expect(withQ?.some((r) => r.id === 'p')).toBe(true);
    expect(chunks.every((c) => c.length <= 20)).toBe(true);
  });

  it('adds Content-Type to sub-requests with a body', async () => {
    const s = batchServer(() => ({ status: 201 }));
    await batch(s.client, [{ id: '1', method: 'POST', url: '/items', body: { fields: {} } }], { scopes: [] });
    expect(s.seen[0]?.[0]?.headers).toEqual({ 'Content-Type': 'application/json' });
  });
});
