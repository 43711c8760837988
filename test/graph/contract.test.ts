// The failure modes listed at the end of docs/graph-contract.md, one block each, against the local
// Graph emulator, through the add-in's own client and repositories.
import fc from 'fast-check';
import { parseStrategy } from '../../src/core/strategy';
import { batch } from '../../src/graph/batch';
import type { GraphClient, GraphPage } from '../../src/graph/client';
import { createContactLog } from '../../src/graph/contact-log';
import { GraphRequestError } from '../../src/graph/errors';
import { toRestId } from '../../src/graph/ids';
import { createMailActions, IMMUTABLE_IDS } from '../../src/graph/mail';
import type { FetchLike } from '../../src/graph/middleware';
import { eq, withQuery } from '../../src/graph/odata';
import type { RetryEvent } from '../../src/graph/retry';
import { CONTACT_LOG_LIST, STRATEGIES_LIST } from '../../src/graph/schema';
import { scopePlan } from '../../src/graph/scopes';
import { createSiteResolver } from '../../src/graph/site';
import { createStrategyRepository } from '../../src/graph/strategies';
import { FAST_RETRY, HANDLER, SHARED, SITE, SUPERVISOR, startHarness, type Harness } from './harness';
import { ESCAPING_MATRIX, URL_BREAKERS } from './matrix';
import { logRecord } from '../fixtures/strategies';
import { listsSeed, strategy } from './seed';

const LISTS = scopePlan().lists;
const THRESHOLD = 60;

let h: Harness;
let client: GraphClient;
let logPath: string;
let strategiesPath: string;

const MESSAGES = Array.from({ length: 3 }, (_, i) => ({
  internetMessageId: `<contract${i}@mail.example.com>`,
  subject: `Re: CO/01234/24 (${i})`,
  from: { emailAddress: { name: 'Paul Example', address: 'paul.example@example.com' } },
  toRecipients: [{ emailAddress: { address: HANDLER } }],
  receivedDateTime: `2025-03-0${i + 1}T10:00:00Z`,
  body: { contentType: 'text' as const, content: 'plain text' },
}));

beforeAll(async () => {
  const seed = listsSeed({
    strategies: Array.from({ length: 23 }, () => strategy()),
    log: Array.from({ length: THRESHOLD + 5 }, (_, i) => logRecord({ sender: `bulk${i % 7}@example.com` })),
    supervisorsOnly: true,
  });
  seed.mailboxes = seed.mailboxes?.map((m) =>
    m.upn === HANDLER || m.upn === SHARED ? { ...m, messages: MESSAGES } : m,
  );
  h = await startHarness({ seed, pageCap: 7, listViewThreshold: THRESHOLD, thresholdStatus: 503 });
  client = h.client(HANDLER);
  const site = createSiteResolver(client, SITE, LISTS);
  logPath = await site.listPath(CONTACT_LOG_LIST);
  strategiesPath = await site.listPath(STRATEGIES_LIST);
});

afterAll(async () => {
  await h.close();
});

afterEach(() => {
  h.emu.faults.clear();
  h.emu.setExposeRetryAfter(false);
});

async function failure(p: Promise<unknown>): Promise<GraphRequestError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphRequestError);
  return err as GraphRequestError;
}

describe('1. filters on non-indexed columns', () => {
  it('fail with 400 without the Prefer header, naming the column', async () => {
    const err = await failure(
      client.request({
        url: withQuery(`${logPath}/items`, { $filter: eq('Reader', HANDLER) }),
        scopes: LISTS,
      }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('Reader');
  });

  it('fail on a list above the view threshold even with Prefer, while the indexed history query works', async () => {
    const err = await failure(
      client.request({
        url: withQuery(`${logPath}/items`, { $filter: eq('Reader', HANDLER) }),
        headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
        scopes: LISTS,
      }),
    );
    expect([429, 503]).toContain(err.status);
    const log = createContactLog({ client, listPath: async () => logPath, scopes: LISTS });
    const history = await log.history(['bulk3@example.com'], '2025-01-01T00:00:00Z');
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((e) => e.from.address === 'bulk3@example.com')).toBe(true);
  });
});

describe('2. paging', () => {
  it('caps $top, follows each nextLink exactly as given, and survives empty pages', async () => {
    h.emu.faults.add({ kind: 'emptyPage', rate: 0.5, path: '/items' });
    const sent: string[] = [];
    const links: string[] = [];
    const spying: FetchLike = async (url, init) => {
      sent.push(url);
      const res = await h.fetchImpl(url, init);
      const body = (await res.clone().json()) as { '@odata.nextLink'?: string };
      if (body['@odata.nextLink']) links.push(body['@odata.nextLink']);
      return res;
    };
    const { createGraphClient } = await import('../../src/graph/client');
    const traced = createGraphClient({
      baseUrl: h.base,
      tokens: h.tokens(HANDLER),
      fetchImpl: spying,
      retry: FAST_RETRY,
    });
    const ids: string[] = [];
    let pages = 0;
    let empty = 0;
    for await (const page of traced.pages<{ id: string }>({
      url: withQuery(`${strategiesPath}/items`, { $top: 5000 }),
      scopes: LISTS,
    })) {
      pages++;
      if (page.value.length === 0) empty++;
      ids.push(...page.value.map((i) => i.id));
    }
    expect(new Set(ids).size).toBe(23);
    expect(ids).toHaveLength(23);
    expect(pages).toBeGreaterThanOrEqual(4); // 23 rows at 7 a page, whatever $top asked
    expect(empty).toBeGreaterThan(0);
    expect(sent.slice(1)).toEqual(links);
  });
});

describe('3. the escaping matrix', () => {
  const log = () => createContactLog({ client, listPath: async () => logPath, scopes: LISTS });

  it.each(ESCAPING_MATRIX)('%j is a value, never part of the query', async (value) => {
    expect(await log().append(logRecord({ key: value }))).toBe('created');
    expect(await log().append(logRecord({ key: value }))).toBe('exists');
    const hand = await client.request<GraphPage<{ fields: { Key: string } }>>({
      url: withQuery(`${logPath}/items`, { $expand: 'fields($select=Key)', $filter: eq('Key', value) }),
      scopes: LISTS,
    });
    expect(hand.value.map((i) => i.fields.Key)).toEqual([value]);
  });

  it('any string round-trips through the eq filter', async () => {
    const char = fc.oneof(
      fc.constantFrom(...URL_BREAKERS),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: char, minLength: 1, maxLength: 24 }), async (raw) => {
        const value = `p:${raw}`;
        await log().append(logRecord({ key: value }));
        const page = await client.request<GraphPage<{ fields: { Key: string } }>>({
          url: withQuery(`${logPath}/items`, { $expand: 'fields($select=Key)', $filter: eq('Key', value) }),
          scopes: LISTS,
        });
        // SharePoint compares text case-insensitively: the exact value is among the hits.
        expect(page.value.map((i) => i.fields.Key)).toContain(value);
      }),
      { numRuns: 40 },
    );
  });
});

describe('4. stale If-Match', () => {
  it('412 becomes a conflict with the current row; nothing is overwritten', async () => {
    const supervisor = h.client(SUPERVISOR);
    const make = () =>
      createStrategyRepository({
        client: supervisor,
        listPath: async () => strategiesPath,
        scopes: LISTS,
        validate: parseStrategy,
      });
    const a = make();
    const b = make();
    const [first] = (await a.sync()).strategies;
    await b.sync();
    if (!first) throw new Error('seeded strategies missing');
    const savedA = await a.update({ ...first, personName: 'Edited By A' });
    expect(savedA.kind).toBe('saved');
    const stale = b.cached()?.strategies.find((s) => s.id === first.id);
    if (!stale) throw new Error('b has no copy');
    const result = await b.update({ ...stale, personName: 'Edited By B' });
    expect(result.kind).toBe('conflict');
    expect(result.kind === 'conflict' && result.current?.personName).toBe('Edited By A');
    const rows = h.emu.store.listItems(
      h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '',
      STRATEGIES_LIST,
    );
    expect(rows.find((r) => r.fields['Title'] === first.id)?.fields['PersonName']).toBe('Edited By A');
  });
});

describe('5. unknown field names', () => {
  it('are rejected with 400 naming the field, and no row is written', async () => {
    const before = h.emu.store.listItems(
      h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '',
      CONTACT_LOG_LIST,
    ).length;
    const err = await failure(
      client.request({
        method: 'POST',
        url: `${logPath}/items`,
        body: { fields: { Title: 'x', Key: 'x', Colour: 'blue' } },
        scopes: LISTS,
      }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toContain('Colour');
    expect(
      h.emu.store.listItems(h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '', CONTACT_LOG_LIST),
    ).toHaveLength(before);
  });
});

async function messageIds(
  upn: string,
  immutable: boolean,
): Promise<{ id: string; internetMessageId: string }[]> {
  const base = upn === HANDLER ? '/me' : `/users/${upn}`;
  const page = await client.request<GraphPage<{ id: string; internetMessageId: string }>>({
    url: `${base}/mailFolders/inbox/messages?$select=id,internetMessageId`,
    scopes: ['Mail.ReadWrite'],
    ...(immutable ? { headers: IMMUTABLE_IDS } : {}),
  });
  return page.value;
}

describe('6. ids after a move', () => {
  it('the old REST id is 404; the returned (immutable) id works', async () => {
    const [plain] = await messageIds(HANDLER, false);
    const [immutable] = await messageIds(HANDLER, true);
    if (!plain || !immutable) throw new Error('seeded messages missing');
    const mail = createMailActions({ client, scopes: scopePlan() });
    const moved = await mail.moveToFolder(immutable.id, 'Contact strategy - read not respond');
    expect(moved.id).toBe(immutable.id);
    const after = await client.request<{ parentFolderId: string }>({
      url: `/me/messages/${moved.id}?$select=parentFolderId`,
      scopes: ['Mail.ReadWrite'],
      headers: IMMUTABLE_IDS,
    });
    expect(after.parentFolderId).toBe(await mail.ensureFolder('Contact strategy - read not respond'));
    const gone = await failure(
      client.request({ url: `/me/messages/${plain.id}`, scopes: ['Mail.ReadWrite'] }),
    );
    expect(gone.status).toBe(404);
  });
});

describe('7. EWS and REST ids', () => {
  const ewsFromRest = (id: string) => id.replace(/-/g, '/').replace(/_/g, '+');
  const convert = (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_');

  it('an unconverted EWS id is 400 ErrorInvalidIdMalformed; converted once it works; a REST id is not converted twice', async () => {
    const msgs = await messageIds(HANDLER, true);
    const rest = msgs.find((m) => /[-_]/.test(m.id));
    if (!rest) throw new Error('no message id with URL-safe characters in the seed');
    const mail = createMailActions({ client, scopes: scopePlan() });
    const ews = ewsFromRest(rest.id);
    const err = await failure(mail.addCategories(ews, ['CST: Read']));
    expect(err.status).toBe(400);
    expect(err.code).toBe('ErrorInvalidIdMalformed');
    await expect(mail.addCategories(toRestId(ews, convert), ['CST: Read'])).resolves.toBeUndefined();
    const calls: string[] = [];
    await expect(
      mail.addCategories(
        toRestId(rest.id, (id) => (calls.push(id), convert(id))),
        ['CST: Read'],
      ),
    ).resolves.toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('8. categories', () => {
  it('a category missing from the master list is still applied, merged with the existing ones, and added to the master list', async () => {
    const [m] = await messageIds(HANDLER, true);
    if (!m) throw new Error('seeded messages missing');
    const mail = createMailActions({ client, scopes: scopePlan() });
    const read = async () =>
      (
        await client.request<{ categories: string[] }>({
          url: `/me/messages/${m.id}?$select=categories`,
          scopes: ['Mail.ReadWrite'],
          headers: IMMUTABLE_IDS,
        })
      ).categories;
    const before = await read();
    await mail.addCategories(m.id, ['Existing']);
    await mail.addCategories(m.id, ['CST: Breach', 'existing']);
    expect(await read()).toEqual([...before, 'Existing', 'CST: Breach']);
    expect(await mail.ensureMasterCategories(['CST: Breach'])).toEqual({ missing: [] });
    expect(h.emu.store.masterCategories(HANDLER).map((c) => c.displayName)).toContain('CST: Breach');
    expect(await mail.ensureMasterCategories(['CST: Breach'])).toEqual({ missing: [] });
    expect(h.emu.store.masterCategories(HANDLER).filter((c) => c.displayName === 'CST: Breach')).toHaveLength(
      1,
    );
  });

  it('403 on a shared mailbox’s master categories is reported as missing, not thrown', async () => {
    const shared = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    expect(await shared.ensureMasterCategories(['CST: Read', 'CST: Escalate'])).toEqual({
      missing: ['CST: Read', 'CST: Escalate'],
    });
    const [m] = await messageIds(SHARED, true);
    if (!m) throw new Error('shared mailbox messages missing');
    await shared.addCategories(m.id, ['CST: Read']);
    expect(
      h.emu.store.messages(SHARED).find((x) => x.internetMessageId === m.internetMessageId)?.categories,
    ).toEqual(['CST: Read']);
  });
});

/** fetch as a browser sees it: response headers not exposed by CORS are invisible. */
function corsView(inner: FetchLike): FetchLike {
  return async (url, init) => {
    const res = await inner(url, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), Origin: 'https://addin.example.com' },
    });
    const exposed = (res.headers.get('Access-Control-Expose-Headers') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase());
    const safelisted = [
      'cache-control',
      'content-language',
      'content-length',
      'content-type',
      'expires',
      'last-modified',
      'pragma',
    ];
    const headers = new Headers();
    res.headers.forEach((v, k) => {
      if (safelisted.includes(k) || exposed.includes(k)) headers.set(k, v);
    });
    return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers });
  };
}

describe('9. 429 without a visible Retry-After', () => {
  async function run(expose: boolean, retryAfter: number | undefined): Promise<RetryEvent[]> {
    h.emu.setExposeRetryAfter(expose);
    h.emu.faults.add({
      kind: '429',
      count: 2,
      path: '/lists',
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
    const events: RetryEvent[] = [];
    const { createGraphClient } = await import('../../src/graph/client');
    const c = createGraphClient({
      baseUrl: h.base,
      tokens: h.tokens(HANDLER),
      fetchImpl: corsView(h.fetchImpl),
      retry: {
        ...FAST_RETRY,
        maxRetryAfterMs: 60_000,
        sleep: async () => undefined,
        onRetry: (e) => events.push(e),
      },
    });
    const page = await c.request<GraphPage<unknown>>({
      url: `${strategiesPath.split('/lists/')[0]}/lists`,
      scopes: LISTS,
    });
    expect(page.value.length).toBe(3);
    return events;
  }

  it('without the header: exponential backoff with jitter, then success', async () => {
    const events = await run(true, undefined);
    expect(events.map((e) => e.retryAfterVisible)).toEqual([false, false]);
    expect(events[1]?.delayMs ?? 0).toBeGreaterThan(0);
  });

  it('with the header hidden by CORS: the same backoff; when exposed, the server’s delay is used', async () => {
    expect((await run(false, 7)).map((e) => e.retryAfterVisible)).toEqual([false, false]);
    const visible = await run(true, 7);
    expect(visible.map((e) => [e.retryAfterVisible, e.delayMs])).toEqual([
      [true, 7000],
      [true, 7000],
    ]);
  });
});

describe('10. $batch', () => {
  it('21 requests are split; inner 429s and their 424 dependants are retried; answers matched by id whatever their order', async () => {
    h.emu.faults.add({ kind: '429', scope: 'batch', count: 3, retryAfter: 1, path: '/items/1\\b' });
    const site = strategiesPath;
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: `r${i + 1}`,
      method: 'GET' as const,
      url: `${site}/items/${i + 1}?$select=id`,
    }));
    requests.push({
      id: 'dep',
      method: 'GET',
      url: `${site}/items/2?$select=id`,
      dependsOn: ['r1'],
    } as (typeof requests)[number]);
    const results = await batch(client, requests, {
      scopes: LISTS,
      retry: { ...FAST_RETRY, sleep: async () => undefined },
    });
    for (let i = 1; i <= 21; i++) {
      const r = results.get(`r${i}`);
      expect(r?.status).toBe(200);
      expect((r?.body as { id: string }).id).toBe(String(i));
    }
    expect(results.get('dep')?.status).toBe(200);
  });

  it('a dependant of a real failure comes back 424, and the emulator refuses 21 in one batch', async () => {
    const results = await batch(
      client,
      [
        { id: 'missing', method: 'GET', url: `${strategiesPath}/items/99999` },
        { id: 'after', method: 'GET', url: `${strategiesPath}/items/1`, dependsOn: ['missing'] },
      ],
      { scopes: LISTS },
    );
    expect(results.get('missing')?.status).toBe(404);
    expect(results.get('after')?.status).toBe(424);
    const tooMany = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: `${strategiesPath}/items/1`,
    }));
    const err = await failure(
      client.request({
        method: 'POST',
        url: '/$batch',
        body: { requests: tooMany },
        scopes: LISTS,
        idempotent: true,
      }),
    );
    expect(err.status).toBe(400);
  });
});

describe('11. delta token expiry', () => {
  it('410 with a Location; the repository loads everything again and ends up right', async () => {
    const supervisor = h.client(SUPERVISOR);
    const repo = createStrategyRepository({
      client: supervisor,
      listPath: async () => strategiesPath,
      scopes: LISTS,
      validate: parseStrategy,
    });
    const before = await repo.sync();
    const latest = await supervisor.request<GraphPage<unknown>>({
      url: `${strategiesPath}/items/delta?token=latest`,
      scopes: LISTS,
    });
    h.emu.expireDeltaTokens();
    const expired = await failure(
      supervisor.request({ url: latest['@odata.deltaLink'] ?? '', scopes: LISTS }),
    );
    expect(expired.status).toBe(410);
    expect(expired.headers?.get('Location')).toMatch(/\/items\/delta/);
    const target = before.strategies[1];
    if (!target) throw new Error('seeded strategies missing');
    await supervisor.request({
      method: 'PATCH',
      url: `${strategiesPath}/items/${2}/fields`,
      body: { PersonName: 'Renamed While Away' },
      scopes: LISTS,
    });
    const after = await repo.sync();
    expect(after.strategies).toHaveLength(before.strategies.length);
    expect(after.strategies.find((s) => s.personName === 'Renamed While Away')).toBeDefined();
  });
});

describe('12. error bodies with the wrong content type', () => {
  it('status and code survive', async () => {
    h.emu.faults.add({ kind: 'wrongContentType', count: 1 });
    const err = await failure(client.request({ url: `${strategiesPath}/items/424242`, scopes: LISTS }));
    expect(err.status).toBe(404);
    expect(err.code).toBe('itemNotFound');
  });
});
