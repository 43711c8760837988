// Provisioning against the emulator: lists, columns and indexes created once; a second run
// changes nothing and says so; a column of the wrong type is reported, never changed.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTACT_LOG_LIST, STRATEGIES_LIST, logRecordToFields } from '../../src/graph/schema';
import { claimToFields } from '../../src/graph/log-rows';
import { logRecord } from '../fixtures/strategies';
import { PER_DECISION_LOG_COLUMNS } from './seed';
import { formatReport, provision } from '../../src/graph/provision';
import type { EmulatorSeed } from '../../emulator/types';
import { BASE_SEED, HANDLER, SITE, SUPERVISOR, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface ColumnView {
  name: string;
  indexed: boolean;
}

async function columns(list: string): Promise<ColumnView[]> {
  const c = h.client(SUPERVISOR);
  const site = await c.request<{ id: string }>({
    url: `/sites/${SITE.siteHostname}:${SITE.sitePath}`,
    scopes: [],
  });
  return (
    await c.request<{ value: ColumnView[] }>({
      url: `/sites/${site.id}/lists/${encodeURIComponent(list)}/columns`,
      scopes: [],
    })
  ).value;
}

describe('provision', () => {
  it('creates the lists with indexes on every filtered column, then a second run changes nothing', async () => {
    const c = h.client(SUPERVISOR);
    const first = await provision(c, SITE);
    expect(first.actions.filter((a) => a.kind === 'created-list').map((a) => a.list)).toEqual([
      'Contact Strategies',
      'Contact Log',
      'Triage Settings',
    ]);
    const indexed = (await columns(CONTACT_LOG_LIST)).filter((x) => x.indexed).map((x) => x.name);
    expect(indexed).toEqual(expect.arrayContaining(['Key', 'Sender', 'ReceivedDateTime', 'StrategyId']));
    expect((await columns(STRATEGIES_LIST)).find((x) => x.name === 'Title')?.indexed).toBe(true);

    const before = h.emu.store.requestLog().filter((e) => e.method !== 'GET').length;
    const second = await provision(c, SITE);
    expect(second.actions).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(h.emu.store.requestLog().filter((e) => e.method !== 'GET')).toHaveLength(before);
    expect(formatReport(second, SITE)).toMatch(
      /^Nothing to change on sharepoint\.example\.com\/sites\/complaints/,
    );
  });

  it('creates a column for every field a decision row and a claim row write, MessageKey indexed', async () => {
    await provision(h.client(SUPERVISOR), SITE);
    const decision = logRecordToFields(
      logRecord({
        entry: 'second-read',
        readerName: 'Hana Handler',
        forwardedTo: 'safeguarding@force.example.police.uk',
        attachments: { total: 2, read: 1 },
      }),
    );
    const claim = claimToFields({
      key: 'c1',
      messageKey: 'm1',
      reader: HANDLER,
      readerName: 'Hana Handler',
      at: '2025-03-04T11:00:00Z',
    });
    const cols = await columns(CONTACT_LOG_LIST);
    const written = [...new Set([...Object.keys(decision), ...Object.keys(claim)])];
    expect(written).toEqual(expect.arrayContaining([...PER_DECISION_LOG_COLUMNS]));
    expect(written.filter((f) => !cols.some((c) => c.name === f))).toEqual([]);
    expect(cols.find((c) => c.name === 'MessageKey')?.indexed).toBe(true);
  });

  it('sets the log Key to refuse duplicates, indexes Title in place without a second Title', async () => {
    await h.emu.reset(BASE_SEED);
    await provision(h.client(SUPERVISOR), SITE);
    const log = (await columns(CONTACT_LOG_LIST)) as (ColumnView & { enforceUniqueValues?: boolean })[];
    expect(log.find((x) => x.name === 'Key')?.enforceUniqueValues).toBe(true);
    expect((await columns(STRATEGIES_LIST)).filter((x) => x.name === 'Title')).toHaveLength(1);
  });

  it('moves a list made with multi-choice Reasons/PermittedChannels to one-per-line columns, data and all, once', async () => {
    const legacy: EmulatorSeed = {
      ...BASE_SEED,
      sites: [
        {
          hostname: SITE.siteHostname,
          path: SITE.sitePath,
          lists: [
            {
              displayName: STRATEGIES_LIST,
              columns: [
                { name: 'Title', displayName: 'Strategy ID', text: {}, indexed: true },
                {
                  name: 'Reasons',
                  choice: {
                    choices: ['aggressive-or-abusive', 'unreasonably-persistent'],
                    displayAs: 'checkBoxes',
                  },
                },
                {
                  name: 'PermittedChannels',
                  choice: { choices: ['email', 'post'], displayAs: 'checkBoxes' },
                },
              ],
              items: [
                {
                  fields: {
                    Title: 'CS-1',
                    Reasons: ['unreasonably-persistent'],
                    PermittedChannels: ['email', 'post'],
                  },
                },
                { fields: { Title: 'CS-2' } },
              ],
            },
          ],
        },
      ],
    };
    await h.emu.reset(legacy);
    const c = h.client(SUPERVISOR);
    const first = await provision(c, SITE);
    expect(first.actions).toEqual(
      expect.arrayContaining([
        { kind: 'migrated-column', list: STRATEGIES_LIST, column: 'Reasons', rows: 1 },
        { kind: 'migrated-column', list: STRATEGIES_LIST, column: 'PermittedChannels', rows: 1 },
      ]),
    );
    const site = await c.request<{ id: string }>({
      url: `/sites/${SITE.siteHostname}:${SITE.sitePath}`,
      scopes: [],
    });
    const rows = await c.request<{ value: { fields: Record<string, unknown> }[] }>({
      url: `/sites/${site.id}/lists/${encodeURIComponent(STRATEGIES_LIST)}/items?$expand=fields`,
      scopes: [],
    });
    const cs1 = rows.value.find((r) => r.fields['Title'] === 'CS-1')?.fields ?? {};
    expect(cs1['ReasonCodes']).toBe('unreasonably-persistent');
    expect(cs1['PermittedChannelCodes']).toBe('email\npost');
    const old = (await columns(STRATEGIES_LIST)) as (ColumnView & { hidden?: boolean })[];
    expect(old.find((x) => x.name === 'Reasons')?.hidden).toBe(true);
    const second = await provision(c, SITE);
    expect(second.actions).toEqual([]);
  });

  it('needs site-owner rights: a handler gets a 403 and nothing is created', async () => {
    await h.emu.reset(BASE_SEED);
    h.emu.store.clearRequestLog();
    await expect(provision(h.client(HANDLER), SITE)).rejects.toMatchObject({ status: 403 });
    expect(h.emu.store.requestLog().filter((e) => e.method === 'POST' && e.status < 300)).toEqual([]);
  });

  it('runs from the command line against the emulator and prints what it did', async () => {
    const caFile = join(tmpdir(), `cst-provision-ca-${process.pid}.pem`);
    writeFileSync(caFile, h.emu.ca);
    // The emulator runs in this process, so the CLI must run asynchronously beside it.
    const cli = (args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'node_modules/.bin/tsx',
          ['scripts/provision.ts', ...args],
          { encoding: 'utf8', timeout: 30_000 },
          (err, stdout, stderr) => {
            resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
          },
        );
      });
    const args = [
      '--site',
      `https://${SITE.siteHostname}${SITE.sitePath}`,
      '--graph',
      h.base,
      '--token',
      `dev:${SUPERVISOR}`,
      '--ca',
      caFile,
    ];
    const bad = await cli(['--graph', h.base]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--site is required/);
    await h.emu.reset(BASE_SEED);
    const first = await cli(args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/created list "Contact Log"/);
    const second = await cli(args);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Nothing to change/);
  });
});
