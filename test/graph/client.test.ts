import { appUserAgent, createGraphClient } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { BASE, devTokens, fakeFetch, graphError, instantRetry, json } from './fake-fetch';

function client(replies: Parameters<typeof fakeFetch>[0], retryExtra: Record<string, unknown> = {}) {
  const fetchImpl = fakeFetch(replies);
  const tokens = devTokens();
  const { delays, retry } = instantRetry(retryExtra);
  return { c: createGraphClient({ baseUrl: BASE, tokens, fetchImpl, retry }), fetchImpl, tokens, delays };
}

const dropped = () => new TypeError('fetch failed');

describe('createGraphClient', () => {
  it('sends the bearer token for the emulator host (port stripped by the SDK) and asks only for the call’s scopes', async () => {
    const { c, fetchImpl, tokens } = client([json(200, { id: 'x' })]);
    await c.request({ url: '/me', scopes: ['Mail.ReadWrite'] });
    expect(fetchImpl.sent[0]?.headers['authorization']).toBe('Bearer dev:handler@force.example.police.uk');
    expect(tokens.asked).toEqual([['Mail.ReadWrite']]);
  });

  it('identifies the add-in in SdkVersion and (outside a browser) User-Agent', async () => {
    const { c, fetchImpl } = client([json(200, {})]);
    await c.request({ url: '/me', scopes: ['User.Read'] });
    const h = fetchImpl.sent[0]?.headers ?? {};
    expect(appUserAgent()).toMatch(/^NONISV\|[^|]+\|ContactStrategyTriage\/\d+\.\d+\.\d+$/);
    expect(h['sdkversion']).toContain(appUserAgent());
    expect(h['sdkversion']).toContain('graph-js/');
    expect(h['user-agent']).toBe(appUserAgent());
    expect(h['client-request-id']).toBeTruthy();
  });

  it('retries a 429 after the Retry-After it was given, and marks the retry', async () => {
    const { c, fetchImpl, delays } = client([
      graphError(429, 'activityLimitReached', { 'Retry-After': '3' }),
      json(200, { ok: true }),
    ]);
    await expect(c.request({ url: '/sites/x/lists', scopes: ['Sites.ReadWrite.All'] })).resolves.toEqual({
      ok: true,
    });
    expect(delays).toEqual([3000]);
    expect(fetchImpl.sent[1]?.headers['retry-attempt']).toBe('1');
  });

  it('backs off exponentially when Retry-After is missing or hidden by CORS', async () => {
    const { c, delays } = client([
      graphError(429, ''),
      graphError(503, 'serviceNotAvailable'),
      graphError(504, ''),
      json(200, {}),
    ]);
    await c.request({ url: '/sites/x', scopes: ['Sites.ReadWrite.All'] });
    expect(delays).toEqual([75, 150, 300]);
  });

  it('retries a dropped connection for a GET', async () => {
    const { c, fetchImpl } = client([dropped(), json(200, { v: 1 })]);
    await expect(c.request({ url: '/me', scopes: ['User.Read'] })).resolves.toEqual({ v: 1 });
    expect(fetchImpl.sent).toHaveLength(2);
  });

  it('never re-sends a POST whose connection dropped: the caller gets an ambiguous error to re-check', async () => {
    const { c, fetchImpl } = client([dropped(), json(201, {})]);
    const err = await c
      .request({ method: 'POST', url: '/sites/x/lists/y/items', body: {}, scopes: ['Sites.ReadWrite.All'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphRequestError);
    expect((err as GraphRequestError).status).toBe(0);
    expect((err as GraphRequestError).ambiguous).toBe(true);
    expect(fetchImpl.sent).toHaveLength(1);
  });

  it('does not re-send a POST on 503 (it may have been done) but does on 429 (refused before doing anything)', async () => {
    const a = client([graphError(503, 'serviceNotAvailable', { 'Retry-After': '1' }), json(201, {})]);
    const err = (await a.c
      .request({ method: 'POST', url: '/x', body: {}, scopes: [] })
      .catch((e: unknown) => e)) as GraphRequestError;
    expect(err.status).toBe(503);
    expect(err.ambiguous).toBe(true);
    expect(a.fetchImpl.sent).toHaveLength(1);

    const b = client([graphError(429, 'activityLimitReached'), json(201, { id: '7' })]);
    await expect(b.c.request({ method: 'POST', url: '/x', body: { a: 1 }, scopes: [] })).resolves.toEqual({
      id: '7',
    });
    expect(b.fetchImpl.sent.map((s) => s.body)).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it('gives up after maxAttempts and reports the last status', async () => {
    const { c, fetchImpl } = client(() => graphError(429, 'activityLimitReached'), { maxAttempts: 3 });
    const err = (await c.request({ url: '/x', scopes: [] }).catch((e: unknown) => e)) as GraphRequestError;
    expect(err.status).toBe(429);
    expect(err.code).toBe('activityLimitReached');
    expect(fetchImpl.sent).toHaveLength(3);
  });

  it('keeps status and code when an error body has the wrong content type', async () => {
    const { c } = client([
      new Response('<html><body>Service Unavailable</body></html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
      new Response(JSON.stringify({ error: { code: 'itemNotFound', message: 'gone' } }), {
        status: 404,
        headers: { 'Content-Type': 'text/plain' },
      }),
    ]);
    const html = (await c.request({ url: '/a', scopes: [] }).catch((e: unknown) => e)) as GraphRequestError;
    expect(html).toBeInstanceOf(GraphRequestError);
    expect(html.status).toBe(502);
    expect(html.message).toContain('Service Unavailable');
    const text = (await c.request({ url: '/b', scopes: [] }).catch((e: unknown) => e)) as GraphRequestError;
    expect(text.status).toBe(404);
    expect(text.code).toBe('itemNotFound');
  });

  it('follows nextLinks exactly as given and tolerates empty pages', async () => {
    const odd = `${BASE}/sites/s/lists/l/items?$skiptoken=Paged%3DTRUE%26p_ID%3D2&$top=2&x=a+b`;
    const { c, fetchImpl } = client([
      json(200, { value: [{ id: '1' }], '@odata.nextLink': odd }),
      json(200, { value: [], '@odata.nextLink': `${BASE}/next/3` }),
      json(200, { value: [{ id: '3' }] }),
    ]);
    const ids: string[] = [];
    for await (const page of c.pages<{ id: string }>({ url: '/sites/s/lists/l/items?$top=2', scopes: [] }))
      ids.push(...page.value.map((v) => v.id));
    expect(ids).toEqual(['1', '3']);
    expect(fetchImpl.sent[1]?.url).toBe(odd);
  });

  it('a request that never answers fails after the timeout instead of hanging: a GET is tried again, a POST is left to re-check', async () => {
    // A half-open connection (a laptop back from sleep): fetch neither answers nor fails.
    const hanging = Object.assign(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          hanging.calls++;
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      { calls: 0 },
    );
    const { retry } = instantRetry({ maxAttempts: 2 });
    const c = createGraphClient({
      baseUrl: BASE,
      tokens: devTokens(),
      fetchImpl: hanging,
      retry,
      requestTimeoutMs: 20,
    });
    const get = (await c.request({ url: '/x', scopes: [] }).catch((e: unknown) => e)) as GraphRequestError;
    expect(get).toBeInstanceOf(GraphRequestError);
    expect(get.status).toBe(0);
    expect(get.message).toMatch(/did not answer within/);
    expect(hanging.calls).toBe(2);
    const post = (await c
      .request({ method: 'POST', url: '/x', body: {}, scopes: [] })
      .catch((e: unknown) => e)) as GraphRequestError;
    expect(post.ambiguous).toBe(true);
    expect(hanging.calls).toBe(3);
  });

  it('refuses a plain-http base URL (the SDK would send no token)', () => {
    expect(() => createGraphClient({ baseUrl: 'http://localhost:1/v1.0', tokens: devTokens() })).toThrow(
      /https/,
    );
  });
});
