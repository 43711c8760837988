// The strategy repository against the emulator: paging, delta, rejected rows, conflicts,
// permissions and creates whose answer was lost.
import { parseStrategy } from '../../src/core/strategy';
import type { Strategy } from '../../src/core/types';
import type { GraphClient } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { provision } from '../../src/graph/provision';
import { STRATEGIES_LIST, STRATEGIES_SCHEMA } from '../../src/graph/schema';
import { scopePlan } from '../../src/graph/scopes';
import { createSiteResolver } from '../../src/graph/site';
import { createStrategyRepository } from '../../src/graph/strategies';
import { HANDLER, SITE, SUPERVISOR, startHarness, type Harness, losingClient } from './harness';
import { listsSeed, seedList, strategy } from './seed';

const LISTS = scopePlan().lists;
let h: Harness;

const good = Array.from({ length: 30 }, () => strategy());
const bad: Record<string, unknown>[] = [
  { Title: 'CS-BAD1', PersonName: 'Bad Address', EmailAddresses: 'not-an-address', Status: 'active' },
  {
    Title: 'CS-BAD2',
    PersonName: 'Bad Times',
    EmailAddresses: 'bad.times@example.com',
    Status: 'active',
    PermittedTimes: '[{"days":["mon"],',
  },
  { Title: 'CS-BAD3', EmailAddresses: 'no.name@example.com', Status: 'active' },
  {
    Title: (good[0] as Strategy).id,
    PersonName: 'Duplicate Id',
    EmailAddresses: 'dup@example.com',
    Status: 'active',
  },
];

beforeAll(async () => {
  h = await startHarness({
    seed: listsSeed({ strategies: [...good, ...bad], supervisorsOnly: true }),
    pageCap: 7,
  });
});
afterAll(() => h.close());

function repo(upn = SUPERVISOR, c: GraphClient = h.client(upn)) {
  const site = createSiteResolver(c, SITE, LISTS);
  return createStrategyRepository({
    client: c,
    listPath: () => site.listPath(STRATEGIES_LIST),
    scopes: LISTS,
    validate: parseStrategy,
  });
}

function storeRows() {
  return h.emu.store.listItems(h.emu.store.siteId(SITE.siteHostname, SITE.sitePath) ?? '', STRATEGIES_LIST);
}

describe('sync', () => {
  it('loads every row page by page and reports each bad row with the strategy, item and field named', async () => {
    const r = repo(HANDLER);
    expect(r.cached()).toBeNull();
    const snap = await r.sync();
    expect(snap.strategies.map((s) => s.id)).toEqual(good.map((s) => s.id));
    expect(snap.rejected).toHaveLength(4);
    const messages = snap.rejected.map((x) => x.message).join('\n');
    expect(messages).toMatch(/CS-BAD1 \(Bad Address\).*emailAddresses/);
    expect(messages).toMatch(/CS-BAD2 \(Bad Times\).*column PermittedTimes: is not valid JSON/);
    expect(messages).toMatch(/CS-BAD3.*personName is required/);
    expect(messages).toMatch(
      new RegExp(`${(good[0] as Strategy).id} \\(Duplicate Id\\).*already used by list item 1`),
    );
    expect(snap.rejected.every((x) => /^\d+$/.test(x.itemId))).toBe(true);
    expect(r.cached()).toBe(snap);
  });

  it('then brings itself up to date with the changes only: edits, new rows, deletions', async () => {
    const r = repo();
    await r.sync();
    const writer = h.client(SUPERVISOR);
    const site = createSiteResolver(writer, SITE, LISTS);
    const list = await site.listPath(STRATEGIES_LIST);
    const [first, second] = storeRows();
    await writer.request({
      method: 'PATCH',
      url: `${list}/items/${first?.id}/fields`,
      body: { PersonName: 'Edited Name' },
      scopes: LISTS,
    });
    await writer.request({
      method: 'PATCH',
      url: `${list}/items/${first?.id}/fields`,
      body: { PersonName: 'Edited Twice' },
      scopes: LISTS,
    });
    await writer.request({ method: 'DELETE', url: `${list}/items/${second?.id}`, scopes: LISTS });
    const created = await r.create({ ...strategy(), id: undefined } as unknown as Omit<
      Strategy,
      'id' | 'eTag'
    >);
    expect(created.kind).toBe('saved');
    h.emu.store.clearRequestLog();
    const snap = await r.sync();
    expect(
      h.emu.store
        .requestLog()
        .filter((e) => e.kind === 'http' && e.path.includes('/items'))
        .every((e) => e.path.includes('/items/delta')),
    ).toBe(true);
    expect(snap.strategies.find((s) => s.id === first?.fields['Title'])?.personName).toBe('Edited Twice');
    expect(snap.strategies.some((s) => s.id === second?.fields['Title'])).toBe(false);
    expect(
      snap.strategies.filter((s) => created.kind === 'saved' && s.id === created.strategy.id),
    ).toHaveLength(1);
  });
});

describe('create and update', () => {
  it('creates with a fresh id and an eTag, and a later update with that eTag saves', async () => {
    const r = repo();
    const input = strategy({ personName: 'New Person' });
    const created = await r.create({ ...input, id: undefined } as unknown as Omit<Strategy, 'id' | 'eTag'>);
    if (created.kind !== 'saved') throw new Error(`not saved: ${JSON.stringify(created)}`);
    expect(created.strategy.id).toMatch(/^CS-[0-9A-Z]{8}$/);
    expect(created.strategy.eTag).toBeTruthy();
    const updated = await r.update({ ...created.strategy, status: 'suspended' });
    expect(updated.kind === 'saved' && updated.strategy.status).toBe('suspended');
    expect(storeRows().find((x) => x.fields['Title'] === created.strategy.id)?.fields['Status']).toBe(
      'suspended',
    );
  });

  it('a create whose answer was lost is not written twice', async () => {
    const c = losingClient(h, SUPERVISOR, (_url, init) => init?.method === 'POST');
    const saved = await repo(SUPERVISOR, c).create({
      ...strategy({ personName: 'Lost Answer' }),
      id: undefined,
    } as unknown as Omit<Strategy, 'id' | 'eTag'>);
    expect(saved.kind).toBe('saved');
    expect(storeRows().filter((x) => x.fields['PersonName'] === 'Lost Answer')).toHaveLength(1);
  });

  it('an update whose first attempt landed but whose answer was lost is saved, not a conflict', async () => {
    const r = repo();
    const [s] = (await r.sync()).strategies;
    if (!s) throw new Error('no strategies');
    const c = losingClient(h, SUPERVISOR, (_url, init) => init?.method === 'PATCH');
    const other = repo(SUPERVISOR, c);
    await other.sync();
    const result = await other.update({ ...s, decidedBy: 'Chief Executive' });
    expect(result.kind).toBe('saved');
  });

  it('a handler (no write permission) gets forbidden, and nothing changes', async () => {
    const r = repo(HANDLER);
    const [s] = (await r.sync()).strategies;
    if (!s) throw new Error('no strategies');
    const update = await r.update({ ...s, personName: 'Handler Edit' });
    expect(update.kind).toBe('forbidden');
    expect(update.kind === 'forbidden' && update.message).toMatch(/permission/);
    expect(
      (await r.create({ ...strategy(), id: undefined } as unknown as Omit<Strategy, 'id' | 'eTag'>)).kind,
    ).toBe('forbidden');
    expect(storeRows().some((x) => x.fields['PersonName'] === 'Handler Edit')).toBe(false);
  });

  it('refuses to save an invalid strategy, saying which field', async () => {
    await expect(
      repo().create({ ...strategy({ emailAddresses: ['nope'] }), id: undefined } as unknown as Omit<
        Strategy,
        'id' | 'eTag'
      >),
    ).rejects.toThrow(/emailAddresses/);
  });
});

describe('a list from an older schema', () => {
  it('a missing column is a clear error naming it; provisioning adds it, then the save works', async () => {
    const old = seedList(
      { ...STRATEGIES_SCHEMA, columns: STRATEGIES_SCHEMA.columns.filter((c) => c.name !== 'DecidedBy') },
      [],
    );
    const h2 = await startHarness({
      seed: { ...listsSeed(), sites: [{ hostname: SITE.siteHostname, path: SITE.sitePath, lists: [old] }] },
    });
    try {
      const c = h2.client(SUPERVISOR);
      const site = createSiteResolver(c, SITE, LISTS);
      const r = createStrategyRepository({
        client: c,
        listPath: () => site.listPath(STRATEGIES_LIST),
        scopes: LISTS,
        validate: parseStrategy,
      });
      const input = { ...strategy({ decidedBy: 'Chief Executive' }), id: undefined } as unknown as Omit<
        Strategy,
        'id' | 'eTag'
      >;
      const err = await r.create(input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphRequestError);
      expect((err as GraphRequestError).status).toBe(400);
      expect((err as GraphRequestError).message).toContain('DecidedBy');
      const report = await provision(c, SITE);
      expect(report.actions).toContainEqual({
        kind: 'added-column',
        list: STRATEGIES_LIST,
        column: 'DecidedBy',
      });
      expect((await r.create(input)).kind).toBe('saved');
    } finally {
      await h2.close();
    }
  });
});
