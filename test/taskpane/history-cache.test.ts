import { HistoryCache } from '../../src/taskpane/state/history-cache';
import type { HistoryEntry } from '../../src/core/types';

const entry = (id: string, at: string): HistoryEntry => ({
  internetMessageId: `<${id}@example.com>`,
  receivedDateTime: at,
  from: { address: 'paul.example@example.com' },
});

function setup(entries: HistoryEntry[] = [entry('old', '2025-03-01T09:00:00Z')]) {
  let now = Date.parse('2025-03-04T10:00:00Z');
  const fetch = jest.fn(async (_a: readonly string[], _s: string) => entries);
  const cache = new HistoryCache({ fetch, ttlMs: 60_000, now: () => now });
  return { cache, fetch, tick: (ms: number) => (now += ms) };
}

const PAUL = ['paul.example@example.com', 'p.example@example.org'];
const SINCE = '2025-02-01T00:00:00Z';

describe('history cache', () => {
  test('a second message from the same person is answered warm, with no request', async () => {
    const { cache, fetch } = setup();
    expect(cache.peek(PAUL, SINCE)).toBeNull();
    await cache.get(PAUL, SINCE);
    // Address order and case do not make a different person.
    expect(cache.peek(['P.Example@example.org', 'paul.example@example.com'], SINCE)).toHaveLength(1);
    await cache.get(PAUL, SINCE);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('two quick requests for the same person share one fetch', async () => {
    const { cache, fetch } = setup();
    const [a, b] = await Promise.all([cache.get(PAUL, SINCE), cache.get(PAUL, SINCE)]);
    expect(a).toEqual(b);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('stale entries are fetched again after the TTL; a longer look-back is never answered from a shorter one', async () => {
    const { cache, fetch, tick } = setup();
    await cache.get(PAUL, SINCE);
    expect(cache.peek(PAUL, '2025-01-01T00:00:00Z')).toBeNull();
    tick(61_000);
    expect(cache.peek(PAUL, SINCE)).toBeNull();
    await cache.get(PAUL, SINCE);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('a contact recorded here counts at once, and only once when the log returns it too', async () => {
    const logged = entry('new', '2025-03-04T09:59:00Z');
    const { cache, tick } = setup([entry('old', '2025-03-01T09:00:00Z')]);
    cache.remember(PAUL, logged);
    expect(await cache.get(PAUL, SINCE)).toHaveLength(2);
    tick(61_000);
    const again = setup([entry('old', '2025-03-01T09:00:00Z'), logged]);
    again.cache.remember(PAUL, logged);
    expect(await again.cache.get(PAUL, SINCE)).toHaveLength(2);
  });

  test('a failed fetch is not cached: the next call asks again', async () => {
    const { cache, fetch } = setup();
    fetch.mockRejectedValueOnce(new Error('offline'));
    await expect(cache.get(PAUL, SINCE)).rejects.toThrow('offline');
    await expect(cache.get(PAUL, SINCE)).resolves.toHaveLength(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
