// $batch over HTTPS: limits, duplicate ids, Content-Type, dependsOn/424, order, inner throttling.
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, HOST, SITE_PATH, SUPERVISOR, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let sup: ReturnType<typeof clientFor>;
let items: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed() });
  sup = clientFor(emu, SUPERVISOR);
  items = `/sites/${emu.store.siteId(HOST, SITE_PATH)}/lists/Contact%20Log/items`;
});
afterAll(() => emu.close());
afterEach(() => emu.faults.clear());

const get = (id: string, url: string) => ({ id, method: 'GET', url });
const batch = (requests: unknown[], headers: Record<string, string> = {}) =>
  sup('/$batch', { method: 'POST', body: { requests }, headers });

describe('$batch', () => {
  it('runs sub-requests and answers each with id, status, headers and body inside a 200', async () => {
    const r = await batch([get('a', '/me'), get('b', `${items}?$top=1`), get('c', '/sites/nowhere')]);
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.json.responses.map((x: { id: string }) => [x.id, x]));
    expect(byId.a.status).toBe(200);
    expect(byId.a.body.userPrincipalName).toBe(SUPERVISOR);
    expect(byId.a.headers['Content-Type']).toBe('application/json');
    expect(byId.b.status).toBe(200);
    expect(byId.c.status).toBe(404);
    expect(byId.c.body.error.code).toBe('itemNotFound');
  });

  it('accepts 20 requests and refuses 21 with 400 for the whole batch', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => get(String(i + 1), '/me'));
    expect((await batch(twenty)).status).toBe(200);
    const r = await batch([...twenty, get('21', '/me')]);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/20/);
  });

  it('refuses duplicate ids, a body without Content-Type, absolute urls and unknown dependencies', async () => {
    expect((await batch([get('1', '/me'), get('1', '/me')])).status).toBe(400);
    const noType = await batch([{ id: '1', method: 'POST', url: items, body: { fields: { Title: 'x' } } }]);
    expect(noType.status).toBe(400);
    expect(noType.json.error.message).toMatch(/Content-Type/);
    expect((await batch([get('1', `${emu.url}/v1.0/me`)])).status).toBe(400);
    expect((await batch([{ ...get('1', '/me'), dependsOn: ['9'] }])).status).toBe(400);
    expect(
      (
        await sup('/$batch', {
          method: 'POST',
          rawBody: '{"requests":[]',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  it('creates through a sub-request with a body and Content-Type, as the outer caller', async () => {
    const r = await batch([
      {
        id: '1',
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: 'via batch', Key: 'b1' } },
      },
    ]);
    expect(r.json.responses[0].status).toBe(201);
    const rows = emu.store.listItems(emu.store.siteId(HOST, SITE_PATH) as string, 'Contact Log');
    expect(rows.some((i) => i.fields.Title === 'via batch')).toBe(true);
  });

  it('runs dependants after their dependency and answers 424 when it failed', async () => {
    const r = await batch([
      { ...get('3', '/me'), dependsOn: ['2'] },
      { ...get('2', '/sites/nowhere'), dependsOn: ['1'] },
      get('1', '/me'),
      { ...get('4', '/me'), dependsOn: ['1'] },
    ]);
    const byId = Object.fromEntries(
      r.json.responses.map((x: { id: string; status: number }) => [x.id, x.status]),
    );
    expect(byId).toEqual({ '1': 200, '2': 404, '3': 424, '4': 200 });
    const log = emu.store
      .requestLog()
      .filter((e) => e.kind === 'batch-item')
      .slice(-3);
    expect(log.map((e) => e.path)).toEqual(['/v1.0/me', '/v1.0/sites/nowhere', '/v1.0/me']);
  });

  it('answers in an order other than the one sent (deterministically), or as sent when configured', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => String(i + 1));
    const r = await batch(ids.map((id) => get(id, '/me')));
    const order = r.json.responses.map((x: { id: string }) => x.id);
    expect(order).not.toEqual(ids);
    expect([...order].sort((a: string, b: string) => Number(a) - Number(b))).toEqual(ids);
    const inOrder = await startEmulator({ seed: testSeed(), batchOrder: 'sent' });
    try {
      const r2 = await clientFor(inOrder, HANDLER)('/$batch', {
        method: 'POST',
        body: { requests: ids.map((id) => get(id, '/me')) },
      });
      expect(r2.json.responses.map((x: { id: string }) => x.id)).toEqual(ids);
    } finally {
      await inOrder.close();
    }
  });

  it('throttles one sub-request alone: an inner 429 with Retry-After inside an outer 200', async () => {
    emu.faults.add({ kind: '429', scope: 'batch', count: 1, retryAfter: 3, path: '^/me$' });
    const r = await batch([get('1', '/me'), get('2', `${items}?$top=1`)]);
    expect(r.status).toBe(200);
    const one = r.json.responses.find((x: { id: string }) => x.id === '1');
    expect(one.status).toBe(429);
    expect(one.headers['Retry-After']).toBe('3');
    expect(one.body.error.code).toBe('ApplicationThrottled');
    expect(r.json.responses.find((x: { id: string }) => x.id === '2').status).toBe(200);
  });

  it('needs Content-Type: application/json on the batch itself and refuses a nested batch', async () => {
    const plain = await sup('/$batch', {
      method: 'POST',
      rawBody: JSON.stringify({ requests: [get('1', '/me')] }),
    });
    expect(plain.status).toBe(400);
    const nested = await batch([
      {
        id: '1',
        method: 'POST',
        url: '/$batch',
        headers: { 'Content-Type': 'application/json' },
        body: { requests: [] },
      },
    ]);
    expect(nested.json.responses[0].status).toBe(400);
  });
});
