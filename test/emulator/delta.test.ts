// List-item delta over HTTPS: enumeration, changes with deletions, token=latest, expiry (410).
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HOST, SITE_PATH, SUPERVISOR, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let sup: ReturnType<typeof clientFor>;
let items: string;
let clock = Date.parse('2025-03-01T09:00:00Z');
const TTL = 60_000;

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed(), pageCap: 1, deltaTokenTtlMs: TTL, now: () => clock });
  sup = clientFor(emu, SUPERVISOR);
  items = `/sites/${emu.store.siteId(HOST, SITE_PATH)}/lists/Contact%20Strategies/items`;
});
afterAll(() => emu.close());

interface DeltaRow {
  id: string;
  deleted?: { state: string };
  fields?: Record<string, unknown>;
}

async function drain(url: string): Promise<{ rows: DeltaRow[]; deltaLink: string; pages: number }> {
  const rows: DeltaRow[] = [];
  let next: string | undefined = url;
  let pages = 0;
  for (;;) {
    const r = await sup(next as string);
    expect(r.status).toBe(200);
    rows.push(...r.json.value);
    pages += 1;
    if (r.json['@odata.deltaLink']) return { rows, deltaLink: r.json['@odata.deltaLink'], pages };
    next = r.json['@odata.nextLink'];
    expect(next).toBeDefined();
  }
}

describe('delta', () => {
  let link: string;

  it('enumerates every item page by page, then gives an absolute deltaLink', async () => {
    const first = await drain(`${items}/delta?$expand=fields(select=Title)`);
    expect(first.rows.map((r) => r.fields?.Title)).toEqual(['CS-0001', 'CS-0002']);
    expect(first.pages).toBe(2);
    expect(first.deltaLink.startsWith(`${emu.url}/v1.0/sites/`)).toBe(true);
    expect(first.deltaLink).toContain('token=');
    link = first.deltaLink;
  });

  it('reports nothing when nothing changed', async () => {
    const again = await drain(link);
    expect(again.rows).toEqual([]);
    link = again.deltaLink;
  });

  it('reports creations, updates and deletions since the token, deletions as tombstones', async () => {
    const created = await sup(items, { method: 'POST', body: { fields: { Title: 'CS-0003' } } });
    await sup(`${items}/1/fields`, { method: 'PATCH', body: { PersonName: 'Paul E.' } });
    await sup(`${items}/2`, { method: 'DELETE' });
    const changes = await drain(link);
    expect(changes.pages).toBe(3);
    expect(changes.rows.map((r) => r.id)).toEqual([created.json.id, '1', '2']);
    expect(changes.rows[1]?.fields?.Title).toBe('CS-0001');
    expect(changes.rows[2]).toMatchObject({ id: '2', deleted: { state: 'deleted' } });
    expect(changes.rows[2]?.fields).toBeUndefined();
    link = changes.deltaLink;
  });

  it('token=latest gives an empty page and a link that sees only later changes', async () => {
    const latest = await sup(`${items}/delta?token=latest`);
    expect(latest.json.value).toEqual([]);
    expect(latest.json['@odata.nextLink']).toBeUndefined();
    await sup(`${items}/1/fields`, { method: 'PATCH', body: { Notes: 'later' } });
    const after = await drain(latest.json['@odata.deltaLink']);
    expect(after.rows.map((r) => r.id)).toEqual(['1']);
  });

  it('answers an expired token with 410, resyncChangesApplyDifferences and a Location that starts over', async () => {
    clock += TTL + 1;
    const gone = await sup(link);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('resyncChangesApplyDifferences');
    const location = gone.headers.location as string;
    expect(location.startsWith(`${emu.url}/v1.0/sites/`)).toBe(true);
    expect(location).not.toContain('token=');
    const fresh = await drain(location);
    expect(fresh.rows.map((r) => r.id)).toEqual(['1', '3']);
    link = fresh.deltaLink;
  });

  it('expires every token on demand (programmatically and through /_admin)', async () => {
    expect((await sup(link)).status).toBe(200);
    emu.expireDeltaTokens();
    expect((await sup(link)).status).toBe(410);
    const fresh = await drain(`${items}/delta`);
    const admin = await sup('/_admin/expire-delta-tokens', { method: 'POST' });
    expect(admin.status).toBe(204);
    expect((await sup(fresh.deltaLink)).status).toBe(410);
  });

  it('refuses a token it never issued with 400', async () => {
    const r = await sup(`${items}/delta?token=not-a-token`);
    expect(r.status).toBe(400);
  });
});
