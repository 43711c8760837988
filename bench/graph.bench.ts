// Strategy sync against the local Graph emulator (seeded in-process), at 10,000 and 100,000
// rows: our full load ($top pages of the mapped columns only) beside a naive one (Graph's
// default page of 200 rows with every column), and a delta refresh after 10 changes beside a
// full re-sync; and Graph requests per decision, by disposition (bench/decision-requests.ts).
// Requests are counted at the fetch, memory is heapUsed retained after GC.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseStrategy } from '../src/core/strategy';
import type { GraphClient, GraphPage } from '../src/graph/client';
import { withQuery } from '../src/graph/odata';
import { STRATEGIES_LIST, fieldsToRawStrategy } from '../src/graph/schema';
import { scopePlan } from '../src/graph/scopes';
import { createSiteResolver } from '../src/graph/site';
import { createStrategyRepository } from '../src/graph/strategies';
import { SITE, SUPERVISOR, startHarness, type Harness } from '../test/graph/harness';
import { listsSeed, strategy } from '../test/graph/seed';
import { decisionRequests } from './decision-requests';

const LISTS = scopePlan().lists;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
const mb = (bytes: number): number => round(bytes / 2 ** 20, 1);

interface Measure {
  requests: number;
  seconds: number;
  heapMB: number;
}

async function measure(
  client: GraphClient,
  run: () => Promise<unknown>,
): Promise<Measure & { kept: unknown }> {
  const heapBefore = heapAfterGc();
  const requestsBefore = client.counter.requests;
  const t0 = performance.now();
  const kept = await run();
  const seconds = (performance.now() - t0) / 1000;
  const heapMB = mb(heapAfterGc() - heapBefore);
  return { requests: client.counter.requests - requestsBefore, seconds: round(seconds), heapMB, kept };
}

/** The naive way: default pages (200), every column, every row mapped, no delta token. */
async function naiveSync(client: GraphClient, list: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of client.pages<{ id: string; fields: Record<string, unknown> }>({
    url: withQuery(`${list}/items`, { $expand: 'fields', $top: 200 }),
    scopes: LISTS,
  })) {
    for (const item of page.value) out.push(parseStrategy(fieldsToRawStrategy(item.fields)));
  }
  return out;
}

async function atSize(rows: number): Promise<Record<string, unknown>> {
  const h: Harness = await startHarness({
    seed: listsSeed({ strategies: Array.from({ length: rows }, () => strategy()) }),
    pageCap: 5000,
  });
  try {
    const client = h.client(SUPERVISOR);
    const site = createSiteResolver(client, SITE, LISTS);
    const list = await site.listPath(STRATEGIES_LIST);
    const repo = () =>
      createStrategyRepository({
        client,
        listPath: async () => list,
        scopes: LISTS,
        validate: parseStrategy,
      });

    const naive = await measure(client, () => naiveSync(client, list));
    const ours = repo();
    const full = await measure(client, () => ours.sync());
    const snapshot = full.kept as Awaited<ReturnType<typeof ours.sync>>;
    if (snapshot.strategies.length !== rows)
      throw new Error(`synced ${snapshot.strategies.length} of ${rows} rows`);

    // Ten edits by someone else, then our refresh beside a full re-sync by a fresh repository.
    const writer = h.client(SUPERVISOR);
    const page = await writer.request<GraphPage<{ id: string }>>({
      url: withQuery(`${list}/items`, { $select: 'id', $top: 10 }),
      scopes: LISTS,
    });
    for (const item of page.value)
      await writer.request({
        method: 'PATCH',
        url: `${list}/items/${item.id}/fields`,
        body: { PersonName: `Edited ${item.id}` },
        scopes: LISTS,
      });
    const delta = await measure(client, () => ours.sync());
    const resync = await measure(client, () => repo().sync());
    const edited = (delta.kept as typeof snapshot).strategies.filter((s) =>
      s.personName.startsWith('Edited '),
    ).length;
    if (edited !== 10) throw new Error(`delta applied ${edited} of 10 edits`);

    return {
      fullSync: { requests: full.requests, seconds: full.seconds, heapRetainedMB: full.heapMB },
      naiveSync: {
        requests: naive.requests,
        seconds: naive.seconds,
        heapRetainedMB: naive.heapMB,
        note: 'default page (200), all columns',
      },
      fullSyncRatio: {
        requests: round(naive.requests / full.requests),
        speed: round(naive.seconds / full.seconds),
      },
      deltaRefresh10: { requests: delta.requests, ms: round(delta.seconds * 1000, 0) },
      fullResyncInstead: { requests: resync.requests, ms: round(resync.seconds * 1000, 0) },
      deltaRatio: {
        requests: round(resync.requests / delta.requests),
        speed: round(resync.seconds / delta.seconds),
      },
    };
  } finally {
    await h.close();
  }
}

export default async function graphBench(): Promise<Record<string, unknown>> {
  // Requests per decision first: small, and the figure issue #12 asks for.
  const requestsPerDecision = await decisionRequests();
  return { requestsPerDecision, rows10k: await atSize(10_000), rows100k: await atSize(100_000) };
}
