// Start-up cost against the emulator (with latency, so overlap is real): strategies and settings
// in memory after one round trip of two requests, no site or list look-up first; a strategies
// list longer than a page adds the pages of its own enumeration, never a separate token request.
import { createGraphServices, type GraphServicesOptions } from '../../src/graph';
import type { FetchLike } from '../../src/graph/middleware';
import { HANDLER, SITE, startHarness, type Harness } from './harness';
import { listsSeed, strategy } from './seed';

interface Timed {
  url: string;
  start: number;
  end: number;
}

/** A fetch that records when each request went out and when its answer came back. */
function timing(inner: FetchLike): { fetchImpl: FetchLike; sent: Timed[] } {
  const sent: Timed[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const start = performance.now();
    try {
      return await inner(url, init);
    } finally {
      sent.push({ url, start, end: performance.now() });
    }
  };
  return { fetchImpl, sent };
}

/** Longest chain of requests each sent only after the one before it had answered. */
function sequentialRounds(requests: readonly Timed[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  for (const r of sorted)
    depth.push(
      1 +
        Math.max(0, ...sorted.slice(0, depth.length).map((q, j) => (q.end <= r.start ? (depth[j] ?? 0) : 0))),
    );
  return Math.max(0, ...depth);
}

const LATENCY_MS = 60;
const strategies = Array.from({ length: 10 }, () => strategy());
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    seed: listsSeed({ strategies, settings: [{ Title: 'rbnrFolder', Value: '"RBNR filed"' }] }),
    latencyMs: LATENCY_MS,
  });
});
afterAll(() => h.close());

/** Fresh services (nothing cached) whose requests are timed. */
function fresh(options: Partial<GraphServicesOptions> = {}) {
  const { fetchImpl, sent } = timing(h.fetchImpl);
  const services = createGraphServices({
    baseUrl: h.base,
    ...SITE,
    tokens: h.tokens(HANDLER),
    fetchImpl,
    ...options,
  });
  return { services, sent };
}

async function coldStart(options: Partial<GraphServicesOptions> = {}) {
  const { services, sent } = fresh(options);
  // As the taskpane starts: both at once.
  const [snapshot, settings] = await Promise.all([services.strategies.sync(), services.settings.load()]);
  return { services, snapshot, settings, sent };
}

describe('cold start', () => {
  it('has strategies and settings after one round trip of two requests, with no site or list look-up', async () => {
    const { snapshot, settings, sent } = await coldStart();
    expect(snapshot.strategies.map((s) => s.id)).toEqual(strategies.map((s) => s.id));
    expect(settings.settings.rbnrFolder).toBe('RBNR filed');
    expect(sent.map((r) => new URL(r.url).pathname.replace(/^.*\/lists\//, '/lists/'))).toEqual(
      expect.arrayContaining(['/lists/Contact%20Strategies/items/delta', '/lists/Triage%20Settings/items']),
    );
    expect(sent).toHaveLength(2);
    expect(sequentialRounds(sent)).toBe(1);
    // Issued together: the second went out before the first answered.
    const [a, b] = [...sent].sort((x, y) => x.start - y.start);
    expect((b as Timed).start).toBeLessThan((a as Timed).end);
  });

  it('a strategies list longer than a page: its delta pages only, two rounds, and the sync after reads changes only', async () => {
    const { services, snapshot, sent } = await coldStart({ pageSize: 6 });
    expect(snapshot.strategies).toHaveLength(10);
    expect(sent).toHaveLength(3);
    expect(sequentialRounds(sent)).toBe(2);
    expect(sent.some((r) => r.url.includes('token=latest'))).toBe(false);
    // The enumeration's deltaLink: the next sync is one request that finds nothing new.
    const before = sent.length;
    const again = await services.strategies.sync();
    expect(again.strategies).toHaveLength(10);
    expect(sent.slice(before)).toEqual([
      expect.objectContaining({ url: expect.stringMatching(/delta\?.*token=/) }),
    ]);
  });

  it('a site that does not exist is an error for both, not a missing list or default settings', async () => {
    const { services } = fresh({ sitePath: '/sites/nowhere' });
    await expect(services.strategies.sync()).rejects.toMatchObject({ status: 404 });
    await expect(services.strategies.sync()).rejects.not.toThrow(/provision/);
    await expect(services.settings.load()).rejects.toMatchObject({ status: 404 });
  });
});
