// Delta feeds the emulator does not produce on demand: an item repeated in one feed (the last
// wins) and items that come with ids only (read again in a $batch).
import { parseStrategy } from '../../src/core/strategy';
import { createGraphClient } from '../../src/graph/client';
import { strategyToFields } from '../../src/graph/schema';
import { createStrategyRepository } from '../../src/graph/strategies';
import { BASE, devTokens, fakeFetch, json, type SentRequest } from './fake-fetch';
import { strategy } from './seed';

const LIST = '/sites/s/lists/l';
const a = strategy({ personName: 'Ann Example' });
const b = strategy({ personName: 'Bob Example' });
const item = (id: string, s: typeof a, eTag = `"{E},${id}"`) => ({ id, eTag, fields: strategyToFields(s) });

function server(deltaPages: unknown[]) {
  let deltaCall = 0;
  return fakeFetch((req: SentRequest) => {
    const url = new URL(req.url);
    // Without a token: the full enumeration, ending with the first deltaLink.
    if (url.pathname.endsWith('/items/delta') && !url.searchParams.has('token'))
      return json(200, {
        value: [item('1', a), item('2', b)],
        '@odata.deltaLink': `${BASE}${LIST}/items/delta?token=t0`,
      });
    if (url.pathname.endsWith('/items/delta')) return json(200, deltaPages[deltaCall++]);
    if (url.pathname.endsWith('/$batch')) {
      const requests = (req.body as { requests: { id: string; url: string }[] }).requests;
      return json(200, {
        responses: requests.map((r) => ({
          id: r.id,
          status: 200,
          body: item(r.id, { ...a, personName: 'Ann Refetched' }),
        })),
      });
    }
    return json(404, { error: { code: 'itemNotFound', message: req.url } });
  });
}

const repoOn = (fetchImpl: ReturnType<typeof server>) =>
  createStrategyRepository({
    client: createGraphClient({ baseUrl: BASE, tokens: devTokens(), fetchImpl }),
    listPath: async () => LIST,
    scopes: [],
    validate: parseStrategy,
  });

describe('delta feeds', () => {
  it('applies the last occurrence of an item repeated in the feed, across pages', async () => {
    const fetchImpl = server([
      {
        value: [item('2', { ...b, personName: 'Bob First' })],
        '@odata.nextLink': `${BASE}${LIST}/items/delta?token=t0&page=2`,
      },
      { value: [], '@odata.nextLink': `${BASE}${LIST}/items/delta?token=t0&page=3` },
      {
        value: [item('2', { ...b, personName: 'Bob Last' })],
        '@odata.deltaLink': `${BASE}${LIST}/items/delta?token=t1`,
      },
    ]);
    const repo = repoOn(fetchImpl);
    await repo.sync();
    const snap = await repo.sync();
    expect(snap.strategies.map((s) => s.personName)).toEqual(['Ann Example', 'Bob Last']);
  });

  it('reads again the items a delta page lists without fields, and removes deleted ones', async () => {
    const fetchImpl = server([
      {
        value: [{ id: '1' }, { id: '2', deleted: { state: 'deleted' } }],
        '@odata.deltaLink': `${BASE}${LIST}/items/delta?token=t1`,
      },
    ]);
    const repo = repoOn(fetchImpl);
    await repo.sync();
    const snap = await repo.sync();
    expect(snap.strategies.map((s) => s.personName)).toEqual(['Ann Refetched']);
    expect(fetchImpl.sent.filter((s) => s.url.endsWith('/$batch'))).toHaveLength(1);
  });
});
