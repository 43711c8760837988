// `triage import` against the Graph emulator: the example template imports, a second run changes
// nothing, a changed row is a conflict and is never overwritten, bad rows are named by row and
// column, and a create whose answer was lost is looked up rather than written twice.
import { readFileSync } from 'node:fs';
import { runImport, type ImportIo } from '../../src/cli/import';
import type { EmulatorSeed } from '../../emulator/types';
import { loseAnswers, startHarness, type Harness } from '../graph/harness';
import { arrayBufferOf, xlsxBytes } from './xlsx';

const SAMPLE = JSON.parse(readFileSync('emulator/seed/sample.json', 'utf8')) as EmulatorSeed;
const SUPERVISOR = 'sue.supervisor@force.example.police.uk';
const SITE = 'https://sharepoint.example.com/sites/complaints';
const CSV = 'examples/strategies-template.csv';
const XLSX = 'examples/strategies-template.xlsx';
/** The sample seed's two strategies and the template's five. */
const AFTER_TEMPLATE = ['CS-0042', 'CS-0043', 'CS-0101', 'CS-0102', 'CS-0103', 'CS-0104', 'CS-0105'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: SAMPLE });
});
afterAll(() => h.close());
beforeEach(() => h.emu.reset(SAMPLE));

function io(files: Record<string, Buffer> = {}, fetchImpl = h.fetchImpl) {
  const out: string[] = [];
  const err: string[] = [];
  const fake: ImportIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readBytes: (path) => arrayBufferOf(files[path] ?? readFileSync(path)),
    env: () => undefined,
    fetchImpl,
  };
  return { fake, out: () => out.join(''), err: () => err.join('') };
}

const online = (file: string, ...more: string[]) => [
  file,
  '--site',
  SITE,
  '--graph',
  h.base,
  '--token',
  `dev:${SUPERVISOR}`,
  ...more,
];

async function titles(): Promise<string[]> {
  const page = await h.client(SUPERVISOR).request<{ value: { fields: { Title: string } }[] }>({
    url: '/sites/sharepoint.example.com:/sites/complaints:/lists/Contact Strategies/items?$expand=fields($select=Title)&$top=500',
    scopes: [],
  });
  return page.value.map((i) => i.fields.Title).sort();
}

it('a dry run of the template checks every row and writes nothing', async () => {
  const run = io();
  expect(await runImport([CSV], run.fake)).toBe(0);
  expect(run.out()).toMatch(/5 rows read/);
  expect(run.out()).toMatch(/Checked: 5 rows ready, 0 rows with problems/);
  expect(run.out()).toMatch(/Dry run: nothing written/);
  const planned = io();
  expect(await runImport(online(CSV), planned.fake)).toBe(0);
  expect(planned.out()).toMatch(/Plan: 5 new strategies, 0 unchanged, 0 conflicts/);
  expect(await titles()).toEqual(['CS-0042', 'CS-0043']);
});

it('--apply writes the template in one $batch; a second run finds every row unchanged', async () => {
  const first = io();
  expect(await runImport(online(XLSX, '--apply'), first.fake)).toBe(0);
  expect(first.out()).toMatch(/Written: 5 created \(/);
  expect(await titles()).toEqual(AFTER_TEMPLATE);
  const again = io();
  expect(await runImport(online(CSV, '--apply'), again.fake)).toBe(0);
  expect(again.out()).toMatch(/Plan: 0 new strategies, 5 unchanged, 0 conflicts/);
  expect(again.out()).toMatch(/Written: 0 created/);
  expect(await titles()).toHaveLength(7);
});

it('a row that differs from the list is a conflict, reported and never overwritten', async () => {
  const csv = readFileSync(CSV, 'utf8').replace('Pat Sample,', 'Pat Sampled,');
  await runImport(online(CSV, '--apply'), io().fake);
  const run = io({ 'changed.csv': Buffer.from(csv) });
  expect(await runImport(online('changed.csv', '--apply'), run.fake)).toBe(1);
  expect(run.out()).toMatch(/row 2, CS-0101: already on the list and different \(Person\); not overwritten/);
  expect(run.out()).toMatch(/Plan: 0 new strategies, 4 unchanged, 1 conflict/);
  const page = await h.client(SUPERVISOR).request<{ value: { fields: { PersonName: string } }[] }>({
    url: "/sites/sharepoint.example.com:/sites/complaints:/lists/Contact Strategies/items?$expand=fields&$filter=fields/Title eq 'CS-0101'",
    scopes: [],
  });
  expect(page.value.map((i) => i.fields.PersonName)).toEqual(['Pat Sample']);
});

it('names every bad row by row and column, imports the good ones, and exits 1', async () => {
  const sheet = xlsxBytes([
    ['Ref', 'Complainant', 'E-mail addresses', 'Status', 'Next review', 'Contact limit', 'Shoe size'],
    ['CS-9001', 'Good Row', 'good@example.com', 'Live', '02/03/2027', '1 per week', '9'],
    ['CS-9002', 'Bad Date', 'bad.date@example.com', 'Active', '31/02/2027', '', ''],
    ['CS-9003', 'Bad Status', 'bad.status@example.com', 'Sleeping', '', '1 per month', ''],
    ['', 'No Reference', 'no.ref@example.com', 'Active', '', '', ''],
    ['CS-9001', 'Second Row', 'second@example.com', 'Active', '', '', ''],
    ['CS-9005', 'Bad Address', 'not an address', 'Active', '', '', ''],
  ]);
  const run = io({ 'bad.xlsx': sheet });
  expect(await runImport(online('bad.xlsx', '--apply'), run.fake)).toBe(1);
  const text = run.out();
  expect(text).toMatch(/row 3, Next review: "31\/02\/2027" is not a date/);
  expect(text).toMatch(/row 4, Status: "Sleeping" is not a known status/);
  expect(text).toMatch(/row 4, Contact limit: "1 per month" is not a contact limit/);
  expect(text).toMatch(/row 5, Reference: /);
  expect(text).toMatch(/row 6, Reference: CS-9001 is already on row 2/);
  expect(text).toMatch(/row 7, Email addresses: /);
  expect(text).toMatch(/headings not read \(not in the template\): Shoe size/);
  expect(text).toMatch(/Plan: 1 new strategy, 0 unchanged, 0 conflicts, 5 rows with problems/);
  expect(await titles()).toEqual(['CS-0042', 'CS-0043', 'CS-9001']);
});

it('a $batch whose answer is lost is looked up by reference, not written twice', async () => {
  const losing = loseAnswers(
    h.fetchImpl,
    (url, init) => url.endsWith('/$batch') && init?.method === 'POST',
    1,
  );
  const run = io({}, losing);
  expect(await runImport(online(CSV, '--apply'), run.fake)).toBe(0);
  expect(run.out()).toMatch(/Written: 5 created/);
  expect(await titles()).toEqual(AFTER_TEMPLATE);
});

it('refuses what it cannot read with one sentence and exit status 2', async () => {
  const cases: [string[], RegExp][] = [
    [['strategies.txt'], /expected \.xlsx or \.csv/],
    [['nowhere.csv'], /nowhere\.csv: /],
    [['x.xlsx'], /not a readable \.xlsx workbook/],
    [[CSV, '--apply'], /--apply needs --site/],
    [[CSV, '--dry-run', '--apply'], /not both/],
    [[CSV, '--site', SITE], /give --token/],
  ];
  for (const [argv, message] of cases) {
    const run = io({ 'strategies.txt': Buffer.from('a'), 'x.xlsx': Buffer.from('not a zip') });
    expect(await runImport(argv, run.fake)).toBe(2);
    expect(run.err()).toMatch(message);
  }
});
