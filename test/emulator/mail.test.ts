// Mail over HTTPS: access rules, move and ids, EWS ids, categories, folders, master categories, forward.
import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, OUTSIDER, SHARED, SUPERVISOR, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let me: ReturnType<typeof clientFor>;
let outsider: ReturnType<typeof clientFor>;

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed() });
  me = clientFor(emu, HANDLER);
  outsider = clientFor(emu, OUTSIDER);
});
afterAll(() => emu.close());

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const firstInbox = async (who = '/me'): Promise<{ id: string; [k: string]: unknown }> =>
  (await me(`${who}/mailFolders/inbox/messages`)).json.value[0];

describe('profile and access', () => {
  it('returns the caller for /me and a known user or shared mailbox by upn', async () => {
    expect((await me('/me')).json).toMatchObject({ userPrincipalName: HANDLER, displayName: 'Hana Handler' });
    expect((await me(`/users/${SHARED}`)).json.displayName).toBe('PSD');
  });

  it('lets a member use a shared mailbox; refuses others with 403 ErrorAccessDenied', async () => {
    expect((await me(`/users/${SHARED}/messages`)).status).toBe(200);
    const r = await outsider(`/users/${SHARED}/messages`);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('ErrorAccessDenied');
    expect((await outsider(`/users/${HANDLER}/messages`)).status).toBe(403);
    expect((await me('/users/nobody@example.com/messages')).status).toBe(404);
  });

  it('refuses a shared mailbox’s master categories through delegated rights, but serves the caller’s own', async () => {
    const shared = await me(`/users/${SHARED}/outlook/masterCategories`);
    expect(shared.status).toBe(403);
    expect(shared.json.error.code).toBe('ErrorAccessDenied');
    expect((await me(`/users/${HANDLER}/outlook/masterCategories`)).status).toBe(200);
  });
});

describe('messages', () => {
  it('lists a folder with the key-in-parentheses syntax and reads one message', async () => {
    const list = await me(`/users/${SHARED}/mailFolders('Inbox')/messages`);
    expect(list.status).toBe(200);
    const id = list.json.value[0].id as string;
    const one = await me(`/users/${SHARED}/mailFolders('Inbox')/messages/${id}`);
    expect(one.json).toMatchObject({ id, internetMessageId: '<s1@example.com>', subject: 'Complaint' });
    expect(one.json.body.contentType).toBe('html');
  });

  it('turns an HTML body into text when asked with Prefer outlook.body-content-type', async () => {
    const m = await firstInbox(`/users/${SHARED}`);
    const r = await me(`/users/${SHARED}/messages/${m.id}`, {
      headers: { Prefer: 'outlook.body-content-type="text"' },
    });
    expect(r.json.body).toEqual({ contentType: 'text', content: 'Hello & goodbye\n' });
    expect(r.headers['preference-applied']).toContain('outlook.body-content-type');
  });

  it('filters by internetMessageId and selects properties (id always present)', async () => {
    const f = encodeURIComponent("internetMessageId eq '<m1@example.com>'");
    const r = await me(`/me/messages?$filter=${f}&$select=subject,categories`);
    expect(r.json.value).toEqual([
      { id: expect.any(String), subject: 'Re: CO/01234/24', categories: ['Blue category'] },
    ]);
    expect((await me('/me/messages?$select=nope')).status).toBe(400);
  });

  it('replaces the whole category set on PATCH (read, merge, write is the client’s job)', async () => {
    const m = await firstInbox();
    const r = await me(`/me/messages/${m.id}`, { method: 'PATCH', body: { categories: ['CST: Read'] } });
    expect(r.status).toBe(200);
    expect(r.json.categories).toEqual(['CST: Read']);
    expect(emu.store.messages(HANDLER)[0]?.categories).toEqual(['CST: Read']);
    expect((await me(`/me/messages/${m.id}`, { method: 'PATCH', body: { subject: 'x' } })).status).toBe(400);
    expect(
      (await me(`/me/messages/${m.id}`, { method: 'PATCH', body: { categories: 'CST: Read' } })).status,
    ).toBe(400);
  });

  it('moves to a folder by well-known name: 201 with a new id, and the old id is 404 ErrorItemNotFound', async () => {
    const m = await firstInbox();
    const moved = await me(`/me/messages/${m.id}/move`, {
      method: 'POST',
      body: { destinationId: 'archive' },
    });
    expect(moved.status).toBe(201);
    expect(moved.json.id).not.toBe(m.id);
    const old = await me(`/me/messages/${m.id}`);
    expect(old.status).toBe(404);
    expect(old.json.error.code).toBe('ErrorItemNotFound');
    expect((await me(`/me/messages/${moved.json.id}`)).status).toBe(200);
    expect(emu.store.messages(HANDLER)[0]?.folderWellKnownName).toBe('archive');
  });

  it('keeps immutable ids across moves, and resolves both id kinds', async () => {
    const m = (await me('/me/messages', { headers: IMMUTABLE })).json.value[0];
    expect(m.id.startsWith('AAkALg')).toBe(true);
    const folder = (
      await me('/me/mailFolders/inbox/childFolders', { method: 'POST', body: { displayName: 'Filed' } })
    ).json;
    const moved = await me(`/me/messages/${m.id}/move`, {
      method: 'POST',
      body: { destinationId: folder.id },
      headers: IMMUTABLE,
    });
    expect(moved.status).toBe(201);
    expect(moved.json.id).toBe(m.id);
    expect(moved.headers['preference-applied']).toContain('ImmutableId');
    expect((await me(`/me/messages/${m.id}`)).status).toBe(200);
    const restId = (await me(`/me/mailFolders/${folder.id}/messages`)).json.value[0].id;
    expect(restId).not.toBe(m.id);
    expect((await me(`/me/messages/${restId}`, { headers: IMMUTABLE })).json.id).toBe(m.id);
  });

  it('refuses an EWS-format id (/ or +) with 400 ErrorInvalidIdMalformed, encoded or not', async () => {
    const rest = (await me('/me/messages')).json.value[0].id as string;
    const ews = rest.replace(/-/g, '/').replace(/_/g, '+');
    for (const path of [
      `/me/messages/${ews}`,
      `/me/messages/${encodeURIComponent(ews)}`,
      `/me/messages/${ews}/move`,
    ]) {
      const r = await me(
        path,
        path.endsWith('/move') ? { method: 'POST', body: { destinationId: 'inbox' } } : {},
      );
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('ErrorInvalidIdMalformed');
    }
  });

  it('refuses a folder display name as a destination (ids and well-known names only)', async () => {
    const m = await firstInbox(`/users/${SHARED}`);
    const r = await me(`/users/${SHARED}/messages/${m.id}/move`, {
      method: 'POST',
      body: { destinationId: 'RBNR' },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('ErrorInvalidIdMalformed');
  });

  it('forwards: 202, a copy in Sent Items, delivery to an emulated mailbox, and a record for tests', async () => {
    const m = await firstInbox(`/users/${SHARED}`);
    const r = await me(`/users/${SHARED}/messages/${m.id}/forward`, {
      method: 'POST',
      body: { comment: 'Please review', toRecipients: [{ emailAddress: { address: SUPERVISOR } }] },
    });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    const fwd = emu.store.forwards().at(-1);
    expect(fwd).toMatchObject({
      mailbox: SHARED,
      by: HANDLER,
      comment: 'Please review',
      originalInternetMessageId: '<s1@example.com>',
    });
    expect(
      emu.store
        .messages(SHARED)
        .some((x) => x.folderWellKnownName === 'sentitems' && x.subject === 'FW: Complaint'),
    ).toBe(true);
    expect(
      emu.store
        .messages(SUPERVISOR)
        .some((x) => x.subject === 'FW: Complaint' && x.body.content.includes('Please review')),
    ).toBe(true);
    const none = await me(`/users/${SHARED}/messages/${m.id}/forward`, {
      method: 'POST',
      body: { comment: 'x', toRecipients: [] },
    });
    expect(none.status).toBe(400);
    expect(fwd?.sentAs).toBe('sendAs');
  });

  it('refuses a forward from a shared mailbox to a member without Send As or Send on Behalf: 403 ErrorSendAsDenied, nothing sent', async () => {
    const supervisor = clientFor(emu, SUPERVISOR);
    const m = await firstInbox(`/users/${SHARED}`);
    const before = emu.store.forwards().length;
    const r = await supervisor(`/users/${SHARED}/messages/${m.id}/forward`, {
      method: 'POST',
      body: { comment: 'Please review', toRecipients: [{ emailAddress: { address: HANDLER } }] },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('ErrorSendAsDenied');
    expect(emu.store.forwards()).toHaveLength(before);
    // Their own mail anyone forwards as themselves.
    const own = (await me('/me/messages')).json.value[0];
    const mine = await me(`/me/messages/${own.id}/forward`, {
      method: 'POST',
      body: { comment: 'fyi', toRecipients: [{ emailAddress: { address: SUPERVISOR } }] },
    });
    expect(mine.status).toBe(202);
    expect(emu.store.forwards().at(-1)?.sentAs).toBe('owner');
  });
});

describe('folders', () => {
  it('lists root folders ten at a time with a nextLink', async () => {
    for (const name of ['One', 'Two', 'Three'])
      await me('/me/mailFolders', { method: 'POST', body: { displayName: name } });
    const first = await me('/me/mailFolders');
    expect(first.json.value).toHaveLength(10);
    const link: string = first.json['@odata.nextLink'];
    expect(link.startsWith(`${emu.url}/v1.0/me/mailFolders?`)).toBe(true);
    const second = await me(link);
    expect(second.json.value.map((f: { displayName: string }) => f.displayName)).toEqual(['Three']);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('creates a child folder (201), refuses a duplicate name with 409 ErrorFolderExists, and finds it by filter', async () => {
    const made = await me(`/users/${SHARED}/mailFolders/inbox/childFolders`, {
      method: 'POST',
      body: { displayName: 'Escalated' },
    });
    expect(made.status).toBe(201);
    const dup = await me(`/users/${SHARED}/mailFolders/inbox/childFolders`, {
      method: 'POST',
      body: { displayName: 'escalated' },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('ErrorFolderExists');
    const f = encodeURIComponent("displayName eq 'Escalated'");
    const found = await me(`/users/${SHARED}/mailFolders/inbox/childFolders?$filter=${f}`);
    expect(found.json.value.map((x: { id: string }) => x.id)).toEqual([made.json.id]);
    const nested = await me(`/users/${SHARED}/mailFolders/inbox/childFolders/${made.json.id}`);
    expect(nested.json.displayName).toBe('Escalated');
  });
});

describe('master categories', () => {
  it('lists, adds (201) and refuses a duplicate name (409)', async () => {
    const list = await me('/me/outlook/masterCategories');
    expect(list.json.value.map((c: { displayName: string }) => c.displayName)).toEqual(['CST: Read']);
    const add = await me('/me/outlook/masterCategories', {
      method: 'POST',
      body: { displayName: 'CST: Escalate', color: 'preset0' },
    });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ displayName: 'CST: Escalate', color: 'preset0' });
    const dup = await me('/me/outlook/masterCategories', {
      method: 'POST',
      body: { displayName: 'cst: escalate' },
    });
    expect(dup.status).toBe(409);
    expect(
      (await me('/me/outlook/masterCategories', { method: 'POST', body: { displayName: 'X', color: 'red' } }))
        .status,
    ).toBe(400);
    expect(emu.store.masterCategories(HANDLER).map((c) => c.displayName)).toEqual([
      'CST: Read',
      'CST: Escalate',
    ]);
  });

  it('never renames a category', async () => {
    const c = (await me('/me/outlook/masterCategories')).json.value[0];
    expect(
      (await me(`/me/outlook/masterCategories/${c.id}`, { method: 'PATCH', body: { displayName: 'Other' } }))
        .status,
    ).toBe(400);
    expect(
      (await me(`/me/outlook/masterCategories/${c.id}`, { method: 'PATCH', body: { color: 'preset9' } })).json
        .color,
    ).toBe('preset9');
  });
});
