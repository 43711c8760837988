// The emulator as a server: CORS, each fault kind, the admin endpoints and the request log.
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, HOST, SHARED, SITE_PATH, call, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let me: ReturnType<typeof clientFor>;
let items: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed() });
  me = clientFor(emu, HANDLER);
  items = `/sites/${emu.store.siteId(HOST, SITE_PATH)}/lists/Contact%20Log/items`;
});
afterAll(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.setExposeRetryAfter(false);
});

const preflight = () =>
  call(emu.url, emu.ca, '/v1.0/me/messages', {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://localhost:3000',
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'authorization,content-type,prefer,if-match',
    },
  });

describe('CORS', () => {
  it('answers a preflight from any origin with the headers Graph clients send', async () => {
    const r = await preflight();
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    const allowed = (r.headers['access-control-allow-headers'] ?? '').toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'prefer',
        'if-match',
        'client-request-id',
        'sdkversion',
        'retry-attempt',
      ]),
    );
    expect(r.headers['access-control-allow-methods']).toContain('PATCH');
  });

  it('hides Retry-After from the expose list by default, like Graph, and shows it when switched on at run time', async () => {
    const hidden = await me('/me', { headers: { Origin: 'https://localhost:3000' } });
    expect(hidden.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(hidden.headers['access-control-expose-headers']).not.toMatch(/retry-after/i);
    expect(hidden.headers['access-control-expose-headers']).toMatch(/request-id/);
    emu.setExposeRetryAfter(true);
    expect((await me('/me')).headers['access-control-expose-headers']).toMatch(/Retry-After/);
    expect((await me('/_admin/cors', { method: 'POST', body: { exposeRetryAfter: false } })).status).toBe(
      204,
    );
    expect((await preflight()).headers['access-control-expose-headers']).not.toMatch(/Retry-After/);
  });

  it('can start with Retry-After exposed', async () => {
    const other = await startEmulator({ seed: testSeed(), exposeRetryAfter: true });
    try {
      expect((await clientFor(other, HANDLER)('/me')).headers['access-control-expose-headers']).toMatch(
        /Retry-After/,
      );
    } finally {
      await other.close();
    }
  });
});

describe('faults', () => {
  it('429 with Retry-After, in SharePoint’s style under /sites', async () => {
    emu.faults.add({ kind: '429', retryAfter: 7, count: 1 });
    const r = await me(`${items}?$top=1`);
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    expect(r.json.error).toMatchObject({
      code: 'activityLimitReached',
      innerError: { code: 'throttledRequest' },
    });
    expect((await me(`${items}?$top=1`)).status).toBe(200);
  });

  it('429 without Retry-After, in Outlook’s style for mail', async () => {
    emu.faults.add({ kind: '429', count: 1 });
    const r = await me('/me/messages');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBeUndefined();
    expect(r.json.error.code).toBe('ApplicationThrottled');
  });

  it('503 with and without Retry-After, and 504', async () => {
    emu.faults.add({ kind: '503', count: 1, retryAfter: 1 });
    const a = await me('/me');
    expect([a.status, a.headers['retry-after'], a.json.error.code]).toEqual([
      503,
      '1',
      'serviceNotAvailable',
    ]);
    emu.faults.add({ kind: '503', count: 1 });
    const b = await me('/me');
    expect([b.status, b.headers['retry-after']]).toEqual([503, undefined]);
    emu.faults.add({ kind: '504', count: 1 });
    expect((await me('/me')).status).toBe(504);
  });

  it('drop destroys the connection without an answer', async () => {
    emu.faults.add({ kind: 'drop', count: 1 });
    await expect(me('/me')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(emu.store.requestLog().at(-1)).toMatchObject({ status: 0, fault: 'drop' });
    expect((await me('/me')).status).toBe(200);
  });

  it('wrongContentType sends an error body as text/plain and leaves successes alone', async () => {
    emu.faults.add({ kind: 'wrongContentType' });
    expect((await me('/me')).headers['content-type']).toMatch(/^application\/json/);
    const r = await me('/sites/nowhere');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(JSON.parse(r.text).error.code).toBe('itemNotFound');
  });

  it('latency delays the answer by at least its ms', async () => {
    emu.faults.add({ kind: 'latency', ms: 120, count: 1 });
    const started = Date.now();
    await me('/me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect(emu.store.requestLog().at(-1)?.durationMs).toBeGreaterThanOrEqual(120);
  });

  it('emptyPage empties a message page but keeps its nextLink', async () => {
    emu.faults.add({ kind: 'emptyPage', count: 1, path: '/messages' });
    const r = await me('/me/messages');
    expect(r.json.value).toEqual([]);
    expect((await me(r.json['@odata.nextLink'])).json.value).toHaveLength(1);
  });

  it('limits a fault to a path and a method, and to the next N requests', async () => {
    emu.faults.add({ kind: '503', path: '/items', method: 'POST', count: 2 });
    expect((await me(`${items}?$top=1`)).status).toBe(200);
    const post = () => me(items, { method: 'POST', body: { fields: { Title: 'x' } } });
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(201);
    expect(emu.faults.list()).toEqual([]);
  });

  it('fires at a rate from a seeded PRNG: the same seed gives the same sequence', async () => {
    const run = async (): Promise<number[]> => {
      const e = await startEmulator({
        seed: testSeed(),
        randomSeed: 42,
        faults: [{ kind: '429', rate: 0.5 }],
      });
      try {
        const c = clientFor(e, HANDLER);
        const out: number[] = [];
        for (let i = 0; i < 16; i++) out.push((await c('/me')).status);
        return out;
      } finally {
        await e.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });
});

describe('Outlook mailbox concurrency', () => {
  it('answers 429 ApplicationThrottled when more mail requests than the limit are in flight for one mailbox', async () => {
    const e = await startEmulator({
      seed: testSeed(),
      mailboxConcurrency: 2,
      faults: [{ kind: 'latency', ms: 600, count: 2, path: '/messages' }],
    });
    try {
      const c = clientFor(e, HANDLER);
      const statuses = (await Promise.all(Array.from({ length: 4 }, () => c('/me/messages')))).map(
        (r) => r.status,
      );
      expect(statuses.sort()).toEqual([200, 200, 429, 429]);
      const throttled = e.store.requestLog().find((x) => x.status === 429);
      expect(throttled?.upn).toBe(HANDLER);
      // Another mailbox, a profile read and a later request are not affected.
      const [shared, profile] = await Promise.all([
        c(`/users/${SHARED}/messages`),
        c('/me'),
        c('/me/messages'),
        c('/me/messages'),
      ]);
      expect([shared.status, profile.status]).toEqual([200, 200]);
      expect((await c('/me/messages')).status).toBe(200);
    } finally {
      await e.close();
    }
  });
});

describe('admin endpoints and the request log', () => {
  it('adds faults as JSON or CLI text, lists and removes them', async () => {
    const add = await me('/_admin/faults', { method: 'POST', body: '503:count=1' });
    expect(add.status).toBe(201);
    const [id] = add.json.ids;
    expect((await me('/_admin/faults')).json.value).toEqual([
      expect.objectContaining({ id, kind: '503', count: 1 }),
    ]);
    expect((await me(`/_admin/faults/${id}`, { method: 'DELETE' })).status).toBe(204);
    await me('/_admin/faults', { method: 'POST', body: [{ kind: '429' }, { kind: 'latency', ms: 1 }] });
    expect(emu.faults.list()).toHaveLength(2);
    expect((await me('/_admin/faults', { method: 'DELETE' })).status).toBe(204);
    expect(emu.faults.list()).toEqual([]);
    const bad = await me('/_admin/faults', { method: 'POST', body: 'teapot' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Unknown fault kind/);
  });

  it('logs Graph requests with method, path, status, user and kind, and clears the log', async () => {
    expect((await me('/_admin/requests', { method: 'DELETE' })).status).toBe(204);
    await me('/me');
    await me('/sites/nowhere');
    await preflight();
    await me('/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    const log = (await me('/_admin/requests')).json.value;
    expect(
      log.map((e: { kind: string; method: string; path: string; status: number }) => [
        e.kind,
        e.method,
        e.path,
        e.status,
      ]),
    ).toEqual([
      ['http', 'GET', '/v1.0/me', 200],
      ['http', 'GET', '/v1.0/sites/nowhere', 404],
      ['preflight', 'OPTIONS', '/v1.0/me/messages', 204],
      ['batch-item', 'GET', '/v1.0/me', 200],
      ['http', 'POST', '/v1.0/$batch', 200],
    ]);
    expect(log[0].upn).toBe(HANDLER);
    expect(Date.parse(log[0].time)).not.toBeNaN();
    expect(emu.store.requestLog()).toHaveLength(5);
  });

  it('resets to the start seed, or to a seed sent in the body', async () => {
    await me('/me/mailFolders', { method: 'POST', body: { displayName: 'Temp' } });
    expect(emu.store.folders(HANDLER).some((f) => f.displayName === 'Temp')).toBe(true);
    expect((await me('/_admin/reset', { method: 'POST' })).status).toBe(204);
    expect(emu.store.folders(HANDLER).some((f) => f.displayName === 'Temp')).toBe(false);
    const bad = await me('/_admin/reset', { method: 'POST', body: { users: [{ upn: 'no-at-sign' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/users\[0\]\.upn/);
    expect((await me('/me')).status).toBe(200);
  });

  it('delivers new mail into a mailbox, programmatically or through /_admin/messages', async () => {
    const direct = emu.deliver(HANDLER, {
      subject: 'Arrived',
      from: { emailAddress: { address: 'paul.example@example.com' } },
    });
    const got = await me(`/me/messages/${direct.id}`);
    expect(got.json).toMatchObject({ subject: 'Arrived', isRead: false });
    expect(Date.parse(got.json.receivedDateTime)).not.toBeNaN();
    expect((await me(`/me/messages/${direct.immutableId}`)).status).toBe(200);
    const viaAdmin = await me('/_admin/messages', {
      method: 'POST',
      body: { mailbox: SHARED, message: { folder: 'RBNR', subject: 'Filed already' } },
    });
    expect(viaAdmin.status).toBe(201);
    expect(emu.store.messages(SHARED).find((m) => m.id === viaAdmin.json.id)?.folder).toBe('RBNR');
    const bad = await me('/_admin/messages', {
      method: 'POST',
      body: { mailbox: 'nobody@example.com', message: {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/No mailbox nobody@example.com/);
  });

  it('changes who may write a list, as a site owner would', async () => {
    const post = () => me(items, { method: 'POST', body: { fields: { Title: 'perm' } } });
    expect((await post()).status).toBe(201);
    const set = await me('/_admin/list-writers', {
      method: 'POST',
      body: { site: `${HOST}:${SITE_PATH}`, list: 'Contact Log', writers: 'supervisors' },
    });
    expect(set.status).toBe(204);
    expect((await post()).status).toBe(403);
    emu.setListWriters(emu.store.siteId(HOST, SITE_PATH) as string, 'Contact Log', 'everyone');
    expect((await post()).status).toBe(201);
    const bad = await me('/_admin/list-writers', {
      method: 'POST',
      body: { site: 'nowhere', list: 'x', writers: 'everyone' },
    });
    expect(bad.status).toBe(400);
  });

  it('answers health and refuses an unknown admin path', async () => {
    expect((await me('/_admin/health')).json).toEqual({ ok: true });
    expect((await me('/_admin/nothing')).status).toBe(404);
  });

  it('refuses paths outside v1.0 and unknown segments with a Graph error', async () => {
    expect(
      (await call(emu.url, emu.ca, '/beta/me', { headers: { Authorization: `Bearer dev:${HANDLER}` } }))
        .status,
    ).toBe(400);
    const r = await me('/groups');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BadRequest');
  });
});
