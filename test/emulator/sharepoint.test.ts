// SharePoint list behaviour of the emulator, over real HTTPS.
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, HOST, SITE_PATH, SUPERVISOR, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let sup: ReturnType<typeof clientFor>;
let handler: ReturnType<typeof clientFor>;
let siteId: string;
const STRATEGIES = '/lists/Contact%20Strategies';

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed(), pageCap: 5 });
  sup = clientFor(emu, SUPERVISOR);
  handler = clientFor(emu, HANDLER);
  siteId = emu.store.siteId(HOST, SITE_PATH) as string;
});
afterAll(() => emu.close());

const items = (query = ''): string => `/sites/${siteId}${STRATEGIES}/items${query}`;

describe('errors and authentication', () => {
  it('answers a missing token with 401 in the Graph envelope, as JSON', async () => {
    const r = await clientFor(emu, undefined)(`/sites/${siteId}`);
    expect(r.status).toBe(401);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json.error.code).toBe('InvalidAuthenticationToken');
    expect(r.json.error.innerError['request-id']).toBe(r.headers['request-id']);
    expect(typeof r.json.error.innerError.date).toBe('string');
  });

  it('answers an unknown user with 401 and echoes the client-request-id', async () => {
    const r = await clientFor(emu, 'nobody@example.com')(`/sites/${siteId}`, {
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(r.status).toBe(401);
    expect(r.json.error.innerError['client-request-id']).toBe('abc-123');
    expect(r.headers['client-request-id']).toBe('abc-123');
  });

  it('refuses a handler writing a supervisors-only list with 403 accessDenied, and changes nothing', async () => {
    const before = emu.store.listItems(siteId, 'Contact Strategies').length;
    const r = await handler(items(), { method: 'POST', body: { fields: { Title: 'CS-9' } } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('accessDenied');
    expect(emu.store.listItems(siteId, 'Contact Strategies')).toHaveLength(before);
  });

  it('lets a handler read that list and write the everyone list', async () => {
    expect((await handler(items())).status).toBe(200);
    const r = await handler(`/sites/${siteId}/lists/Contact%20Log/items`, {
      method: 'POST',
      body: { fields: { Title: 'k1', Key: 'k1' } },
    });
    expect(r.status).toBe(201);
  });
});

describe('sites and lists', () => {
  it('finds a site by hostname and path, and continues past the path after a closing colon', async () => {
    const site = await sup(`/sites/${HOST}:${SITE_PATH}`);
    expect(site.status).toBe(200);
    expect(site.json.id).toBe(siteId);
    expect(site.json.id.split(',')).toHaveLength(3);
    const lists = await sup(`/sites/${HOST}:${SITE_PATH}:/lists`);
    expect(lists.json.value.map((l: { displayName: string }) => l.displayName)).toEqual([
      'Contact Strategies',
      'Contact Log',
    ]);
  });

  it('answers an unknown site path with 404 itemNotFound, and a path without the closing colon likewise', async () => {
    expect((await sup(`/sites/${HOST}:/sites/nowhere`)).json.error.code).toBe('itemNotFound');
    const r = await sup(`/sites/${HOST}:${SITE_PATH}/lists`);
    expect(r.status).toBe(404);
  });

  it('hides system lists but still serves them by title', async () => {
    const r = await sup(`/sites/${siteId}/lists`);
    expect(r.json.value.some((l: { displayName: string }) => l.displayName === 'User Information List')).toBe(
      false,
    );
    expect((await sup(`/sites/${siteId}/lists/User%20Information%20List`)).status).toBe(200);
  });

  it('filters lists by displayName and gets one by id or title', async () => {
    const r = await sup(`/sites/${siteId}/lists?$filter=displayName eq 'Contact Log'`);
    expect(r.json.value).toHaveLength(1);
    const byId = await sup(`/sites/${siteId}/lists/${r.json.value[0].id}`);
    expect(byId.json.displayName).toBe('Contact Log');
  });

  it('creates a list with columns (supervisor), refuses a duplicate title and a handler', async () => {
    const body = {
      displayName: 'Scratch',
      columns: [
        { name: 'Colour', text: {}, indexed: true },
        { displayName: 'Due date', dateTime: {} },
      ],
      list: { template: 'genericList' },
    };
    const r = await sup(`/sites/${siteId}/lists`, { method: 'POST', body });
    expect(r.status).toBe(201);
    const cols = await sup(`/sites/${siteId}/lists/${r.json.id}/columns`);
    const names = cols.json.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Title', 'Colour', 'Due_x0020_date']));
    expect(cols.json.value.find((c: { name: string }) => c.name === 'Colour')).toMatchObject({
      indexed: true,
      text: {},
    });
    expect((await sup(`/sites/${siteId}/lists`, { method: 'POST', body })).status).toBe(409);
    expect(
      (await handler(`/sites/${siteId}/lists`, { method: 'POST', body: { displayName: 'Other' } })).status,
    ).toBe(403);
  });

  it('adds a column and indexes one with PATCH', async () => {
    const add = await sup(`/sites/${siteId}/lists/Scratch/columns`, {
      method: 'POST',
      body: { name: 'Size', number: {} },
    });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ name: 'Size', indexed: false, number: {} });
    const dup = await sup(`/sites/${siteId}/lists/Scratch/columns`, {
      method: 'POST',
      body: { name: 'size', text: {} },
    });
    expect(dup.status).toBe(409);
    const patched = await sup(`/sites/${siteId}/lists/Scratch/columns/${add.json.id}`, {
      method: 'PATCH',
      body: { indexed: true },
    });
    expect(patched.json.indexed).toBe(true);
  });
});

describe('items', () => {
  it('expands fields with select (both $expand and expand) and keeps ids numeric strings', async () => {
    for (const key of ['$expand', 'expand']) {
      const r = await sup(items(`?${key}=fields(select=PersonName,Reasons)`));
      expect(r.status).toBe(200);
      const first = r.json.value[0];
      expect(first.id).toBe('1');
      expect(first.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
      expect(Object.keys(first.fields).sort()).toEqual(['@odata.etag', 'PersonName', 'Reasons']);
      expect(first.fields.Reasons).toEqual(['unreasonably-persistent']);
    }
  });

  it('returns no fields without an expand, and all values with a plain one', async () => {
    expect((await sup(items())).json.value[0].fields).toBeUndefined();
    const r = await sup(items('?$expand=fields'));
    expect(r.json.value[0].fields).toMatchObject({
      Title: 'CS-0001',
      ContactLimitMax: 1,
      RefuseReopen: true,
      id: '1',
    });
  });

  it('refuses an unknown field in select, filter, create and update with 400', async () => {
    expect((await sup(items('?$expand=fields(select=Nope)'))).status).toBe(400);
    expect((await sup(items(`?$filter=fields/Nope eq 'x'`))).status).toBe(400);
    expect((await sup(items(), { method: 'POST', body: { fields: { Nope: 'x' } } })).status).toBe(400);
    const u = await sup(items('/1/fields'), { method: 'PATCH', body: { Nope: 'x' } });
    expect(u.status).toBe(400);
    expect(u.json.error.code).toBe('invalidRequest');
  });

  it('creates an item: 201, next numeric id, eTag version 1, timestamps', async () => {
    const r = await sup(items(), {
      method: 'POST',
      body: { fields: { Title: 'CS-0003', PersonName: 'New Person', Status: 'draft' } },
    });
    expect(r.status).toBe(201);
    expect(r.json.id).toBe('3');
    expect(r.json.eTag).toMatch(/,1"$/);
    expect(r.json.fields.PersonName).toBe('New Person');
    expect(Date.parse(r.json.createdDateTime)).not.toBeNaN();
    expect(r.json.lastModifiedDateTime).toBe(r.json.createdDateTime);
  });

  it('updates with a matching If-Match (version +1), refuses a stale one with 412 and changes nothing', async () => {
    const item = (await sup(items('/2?expand=fields'))).json;
    const ok = await sup(items('/2/fields'), {
      method: 'PATCH',
      headers: { 'If-Match': item.eTag },
      body: { PersonName: 'Rita S.' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.PersonName).toBe('Rita S.');
    expect(ok.headers.etag).toMatch(/,2"$/);
    const stale = await sup(items('/2/fields'), {
      method: 'PATCH',
      headers: { 'If-Match': item.eTag },
      body: { PersonName: 'Lost' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('resourceModified');
    expect(
      emu.store.listItems(siteId, 'Contact Strategies').find((i) => i.id === '2')?.fields.PersonName,
    ).toBe('Rita S.');
    const star = await sup(items('/2/fields'), {
      method: 'PATCH',
      headers: { 'If-Match': '*' },
      body: { Notes: 'x' },
    });
    expect(star.status).toBe(200);
    const fieldsTag = await sup(items('/2/fields'), {
      method: 'PATCH',
      headers: { 'If-Match': star.json['@odata.etag'] },
      body: { Notes: 'y' },
    });
    expect(fieldsTag.status).toBe(200);
  });

  it('deletes with If-Match: stale 412, current 204, then 404', async () => {
    const created = (await sup(items(), { method: 'POST', body: { fields: { Title: 'gone' } } })).json;
    const stale = created.eTag.replace(/,1"$/, ',9"');
    expect(
      (await sup(items(`/${created.id}`), { method: 'DELETE', headers: { 'If-Match': stale } })).status,
    ).toBe(412);
    expect(
      (await sup(items(`/${created.id}`), { method: 'DELETE', headers: { 'If-Match': created.eTag } }))
        .status,
    ).toBe(204);
    const again = await sup(items(`/${created.id}`));
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('itemNotFound');
  });

  it('writes multi-choice only as an annotated collection; a plain string is generalException', async () => {
    const plain = await sup(items('/1/fields'), {
      method: 'PATCH',
      body: { Reasons: 'aggressive-or-abusive' },
    });
    expect(plain.status).toBe(400);
    expect(plain.json.error.code).toBe('generalException');
    const bare = await sup(items('/1/fields'), {
      method: 'PATCH',
      body: { Reasons: ['aggressive-or-abusive'] },
    });
    expect(bare.status).toBe(400);
    const ok = await sup(items('/1/fields'), {
      method: 'PATCH',
      body: {
        'Reasons@odata.type': 'Collection(Edm.String)',
        Reasons: ['aggressive-or-abusive', 'unreasonably-persistent'],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.Reasons).toEqual(['aggressive-or-abusive', 'unreasonably-persistent']);
  });

  it('checks value types and single-line length, and clears a field written as null', async () => {
    expect((await sup(items('/1/fields'), { method: 'PATCH', body: { ContactLimitMax: '3' } })).status).toBe(
      400,
    );
    expect((await sup(items('/1/fields'), { method: 'PATCH', body: { RefuseReopen: 'yes' } })).status).toBe(
      400,
    );
    expect((await sup(items('/1/fields'), { method: 'PATCH', body: { NextReview: 'soon' } })).status).toBe(
      400,
    );
    expect(
      (await sup(items('/1/fields'), { method: 'PATCH', body: { PersonName: 'x'.repeat(256) } })).status,
    ).toBe(400);
    expect(
      (await sup(items('/1/fields'), { method: 'PATCH', body: { Notes: 'x'.repeat(5000) } })).status,
    ).toBe(200);
    expect((await sup(items('/1/fields'), { method: 'PATCH', body: { Id: '7' } })).status).toBe(400);
    const cleared = await sup(items('/1/fields'), { method: 'PATCH', body: { Notes: null } });
    expect(cleared.json.Notes).toBeUndefined();
    const dt = await sup(items('/1/fields'), {
      method: 'PATCH',
      body: { NextReview: '2025-07-01T10:00:00.123+01:00' },
    });
    expect(dt.json.NextReview).toBe('2025-07-01T09:00:00Z');
  });
});
