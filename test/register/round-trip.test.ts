// The import round trip against the Graph emulator (issue #14 §4): the strategies on the list are
// exported in the template's columns (core's strategyRow, as .csv through the exports' writer and
// as .xlsx), imported again with `triage import --apply`, and nothing changes: every row is
// unchanged, nothing is created, and no list item gets a new eTag.
import { readFileSync } from 'node:fs';
import { runImport, type ImportIo } from '../../src/cli/import';
import { toCsv } from '../../src/core/register/exports';
import { SHEET_HEADERS, strategyRow } from '../../src/core/register/sheet';
import { createGraphServices } from '../../src/graph';
import type { EmulatorSeed } from '../../emulator/types';
import { startHarness, type Harness } from '../graph/harness';
import { arrayBufferOf, xlsxBytes } from './xlsx';

const SAMPLE = JSON.parse(readFileSync('emulator/seed/sample.json', 'utf8')) as EmulatorSeed;
const SUPERVISOR = 'sue.supervisor@force.example.police.uk';
const SITE = { hostname: 'sharepoint.example.com', path: '/sites/complaints' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: SAMPLE });
});
afterAll(() => h.close());

async function run(file: string, bytes: Buffer): Promise<{ status: number; out: string }> {
  let out = '';
  const io: ImportIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readBytes: () => arrayBufferOf(bytes),
    env: () => undefined,
    fetchImpl: h.fetchImpl,
  };
  const argv = [file, '--site', `https://${SITE.hostname}${SITE.path}`, '--graph', h.base];
  const status = await runImport([...argv, '--token', `dev:${SUPERVISOR}`, '--apply'], io);
  return { status, out };
}

/** The list as the pane reads it (core's parser on every row). */
async function listed() {
  const graph = createGraphServices({
    baseUrl: h.base,
    siteHostname: SITE.hostname,
    sitePath: SITE.path,
    tokens: h.tokens(SUPERVISOR),
    fetchImpl: h.fetchImpl,
  });
  const snapshot = await graph.strategies.sync();
  expect(snapshot.rejected).toEqual([]);
  return snapshot.strategies;
}

/** Each item's eTag by reference: a write of any kind would change one. */
async function etags(): Promise<Record<string, string | undefined>> {
  return Object.fromEntries((await listed()).map((s) => [s.id, s.eTag]));
}

it('export, import, and nothing changes (.csv and .xlsx)', async () => {
  // The seed's strategies and the template's (adjustments, times, limits, an advocate…).
  const template = await run('strategies-template.xlsx', readFileSync('examples/strategies-template.xlsx'));
  expect(template.out).toMatch(/Written: 5 created/);
  const strategies = await listed();
  expect(strategies.length).toBe(7);
  const before = await etags();

  const rows = strategies.map(strategyRow);
  const csv = Buffer.from(toCsv({ headers: [...SHEET_HEADERS], rows }));
  const xlsx = xlsxBytes([[...SHEET_HEADERS], ...rows]);
  for (const [file, bytes] of [
    ['register.csv', csv],
    ['register.xlsx', xlsx],
  ] as const) {
    const again = await run(file, bytes);
    expect(again.out).toMatch(/7 rows read/);
    expect(again.out).toMatch(/Plan: 0 new strategies, 7 unchanged, 0 conflicts, 0 rows with problems/);
    expect(again.out).toMatch(/Written: 0 created/);
    expect(again.status).toBe(0);
  }
  expect(await etags()).toEqual(before);
  expect(await listed()).toEqual(strategies);
});
