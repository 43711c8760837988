// `triage import` of a 10,000-row spreadsheet against the local Graph emulator (in-process), as
// the command runs it: CSV read, every row through core's parser, the list read, the plan, the
// creates in $batch. Beside it, the baseline of one POST per row (what saving each strategy from
// the pane would cost), and a second import of the same file (every row unchanged: reads only).
// Requests are counted at the fetch, so retries and $batch envelopes are counted as sent.
import { performance } from 'node:perf_hooks';
import { runImport } from '../src/cli/import';
import { toCsv } from '../src/core/register/exports';
import { SHEET_HEADERS, strategyRow } from '../src/core/register/sheet';
import type { FetchLike } from '../src/graph/middleware';
import { STRATEGIES_LIST, strategyToFields, withoutNulls } from '../src/graph/schema';
import { scopePlan } from '../src/graph/scopes';
import { listPathUrl } from '../src/graph/site';
import { SITE, SUPERVISOR, startHarness } from '../test/graph/harness';
import { listsSeed, strategy } from '../test/graph/seed';

const ROWS = 10_000;
const round = (n: number) => Number(n.toFixed(2));

function counting(inner: FetchLike): { fetchImpl: FetchLike; count: () => number } {
  let n = 0;
  return {
    fetchImpl: (url, init) => {
      n++;
      return inner(url, init);
    },
    count: () => n,
  };
}

export default async function importBench(): Promise<Record<string, unknown>> {
  const strategies = Array.from({ length: ROWS }, () => strategy());
  const csv = Buffer.from(toCsv({ headers: [...SHEET_HEADERS], rows: strategies.map(strategyRow) }));
  const h = await startHarness({ seed: listsSeed(), pageCap: 5000 });
  try {
    const importOnce = async () => {
      const c = counting(h.fetchImpl);
      const lines: string[] = [];
      const t0 = performance.now();
      const code = await runImport(
        ['bench.csv', '--apply', '--site', `https://${SITE.siteHostname}${SITE.sitePath}`, '--graph', h.base],
        {
          stdout: (t) => lines.push(t),
          stderr: (t) => lines.push(t),
          readBytes: () => csv.buffer.slice(csv.byteOffset, csv.byteOffset + csv.byteLength) as ArrayBuffer,
          env: (name) => (name === 'GRAPH_TOKEN' ? `dev:${SUPERVISOR}` : undefined),
          fetchImpl: c.fetchImpl,
        },
      );
      if (code !== 0) throw new Error(`import failed: ${lines.join('')}`);
      return { requests: c.count(), seconds: round((performance.now() - t0) / 1000) };
    };
    const first = await importOnce();
    const again = await importOnce();

    await h.emu.reset(listsSeed());
    const client = h.client(SUPERVISOR);
    const list = listPathUrl(SITE, STRATEGIES_LIST);
    const t0 = performance.now();
    for (const s of strategies) {
      await client.request({
        method: 'POST',
        url: `${list}/items`,
        body: { fields: withoutNulls(strategyToFields(s)) },
        scopes: scopePlan().lists,
      });
    }
    const baseline = { requests: client.counter.requests, seconds: round((performance.now() - t0) / 1000) };
    return {
      rows: ROWS,
      import: first,
      reimportUnchanged: again,
      baselineOnePostPerRow: baseline,
      requestsVsBaseline: round(first.requests / baseline.requests),
      timeVsBaseline: round(first.seconds / baseline.seconds),
    };
  } finally {
    await h.close();
  }
}
