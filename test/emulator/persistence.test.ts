// State on disk across restarts, the cached certificate, and clear errors for a bad seed or state.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator';
import { SeedError } from '../../emulator/seed';
import { HANDLER, HOST, SITE_PATH, SUPERVISOR, call, clientFor, testSeed } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps items, moves, folders and categories across a restart on the same data dir', async () => {
    const first = await startEmulator({ dataDir: dir, seed: testSeed() });
    const siteId = first.store.siteId(HOST, SITE_PATH) as string;
    const sup = clientFor(first, SUPERVISOR);
    const me = clientFor(first, HANDLER);
    const created = await sup(`/sites/${siteId}/lists/Contact%20Strategies/items`, {
      method: 'POST',
      body: { fields: { Title: 'CS-0100', PersonName: 'Kept Person' } },
    });
    const msg = (await me('/me/messages')).json.value[0];
    const moved = await me(`/me/messages/${msg.id}/move`, {
      method: 'POST',
      body: { destinationId: 'archive' },
    });
    await me('/me/outlook/masterCategories', { method: 'POST', body: { displayName: 'CST: Kept' } });
    const ca = first.ca;
    await first.close();

    // A different seed on restart is ignored: the data dir wins.
    const second = await startEmulator({ dataDir: dir, seed: { users: [{ upn: 'someone@example.com' }] } });
    try {
      expect(second.ca).toBe(ca);
      const items = second.store.listItems(siteId, 'Contact Strategies');
      expect(items.find((i) => i.id === created.json.id)?.fields.PersonName).toBe('Kept Person');
      const sup2 = clientFor(second, SUPERVISOR);
      const again = await sup2(
        `/sites/${siteId}/lists/Contact%20Strategies/items/${created.json.id}?expand=fields`,
      );
      expect(again.json.eTag).toBe(created.json.eTag);
      const me2 = clientFor(second, HANDLER);
      expect((await me2(`/me/messages/${moved.json.id}`)).status).toBe(200);
      expect((await me2(`/me/messages/${msg.id}`)).status).toBe(404);
      expect(second.store.masterCategories(HANDLER).map((c) => c.displayName)).toContain('CST: Kept');
      // Item ids keep counting from where they were.
      const next = await sup2(`/sites/${siteId}/lists/Contact%20Strategies/items`, {
        method: 'POST',
        body: { fields: { Title: 'n' } },
      });
      expect(Number(next.json.id)).toBe(Number(created.json.id) + 1);
    } finally {
      await second.close();
    }
  });

  it('writes changes to disk soon after they happen (flush waits for it)', async () => {
    const emu = await startEmulator({ dataDir: dir, seed: testSeed() });
    try {
      await clientFor(emu, HANDLER)('/me/mailFolders', { method: 'POST', body: { displayName: 'On disk' } });
      await emu.flush();
      expect(readFileSync(join(dir, 'state.json'), 'utf8')).toContain('On disk');
    } finally {
      await emu.close();
    }
  });

  it('keeps serving from memory when the disk write fails, and flush reports it', async () => {
    const emu = await startEmulator({ dataDir: dir, seed: testSeed() });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      rmSync(dir, { recursive: true, force: true });
      const me = clientFor(emu, HANDLER);
      expect(
        (await me('/me/mailFolders', { method: 'POST', body: { displayName: 'Memory only' } })).status,
      ).toBe(201);
      await expect(emu.flush()).rejects.toThrow(/Cannot save emulator state/);
      expect(emu.store.folders(HANDLER).some((f) => f.displayName === 'Memory only')).toBe(true);
      expect((await me('/me')).status).toBe(200);
    } finally {
      stderr.mockRestore();
      await emu.close().catch(() => undefined);
    }
  });

  it('refuses to start on a corrupt state file, saying which file', async () => {
    writeFileSync(join(dir, 'state.json'), '{ not json');
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(/state\.json is not valid JSON/);
  });
});

describe('certificate', () => {
  it('is self-signed for localhost and 127.0.0.1, cached in the data dir, and trusted as the only CA', async () => {
    const emu = await startEmulator({ dataDir: dir });
    try {
      const x = new X509Certificate(emu.ca);
      expect(x.checkHost('localhost')).toBe('localhost');
      expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(readFileSync(join(dir, 'certs', 'emulator-cert.pem'), 'utf8')).toBe(emu.ca);
      expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      // Without the emulator's certificate, TLS verification fails: nothing turned it off.
      await expect(call(emu.url, '', '/v1.0/me')).rejects.toThrow(/self[- ]signed|certificate/i);
    } finally {
      await emu.close();
    }
  });
});

describe('seed errors', () => {
  it.each([
    [
      { users: [{ upn: 'x@example.com' }, { upn: 'X@example.com' }] },
      /users\[1\]: X@example.com is listed twice/,
    ],
    [
      {
        sites: [
          {
            hostname: HOST,
            path: SITE_PATH,
            lists: [
              { displayName: 'L', columns: [{ name: 'N', number: {} }], items: [{ fields: { N: 'x' } }] },
            ],
          },
        ],
      },
      /sites\[0\]\.lists\[0\]\.items\[0\]\.fields: Invalid value "x" for field 'N'/,
    ],
    [
      {
        sites: [
          {
            hostname: HOST,
            path: SITE_PATH,
            lists: [{ displayName: 'L', items: [{ fields: { Nope: 1 } }] }],
          },
        ],
      },
      /Field 'Nope' is not recognized/,
    ],
    [
      { mailboxes: [{ upn: 'team@example.com' }] },
      /not a seeded user; add it to "users" or set "shared": true/,
    ],
    [
      { mailboxes: [{ upn: 'team@example.com', shared: true, members: ['ghost@example.com'] }] },
      /members\[0\]: ghost@example.com/,
    ],
    [
      {
        users: [{ upn: 'u@example.com' }],
        mailboxes: [{ upn: 'u@example.com', messages: [{ folder: 'Nowhere' }] }],
      },
      /messages\[0\]\.folder/,
    ],
  ])('names the place in the seed that is wrong (%#)', async (seed, message) => {
    const attempt = startEmulator({ seed: seed as never });
    await expect(attempt).rejects.toThrow(SeedError);
    await expect(startEmulator({ seed: seed as never })).rejects.toThrow(message);
  });

  it('names an unreadable or invalid seed file', async () => {
    await expect(startEmulator({ seed: join(dir, 'missing.json') })).rejects.toThrow(/Cannot read seed file/);
    writeFileSync(join(dir, 'bad.json'), '{');
    await expect(startEmulator({ seed: join(dir, 'bad.json') })).rejects.toThrow(
      /bad\.json is not valid JSON/,
    );
  });

  it('loads the sample seed shipped with the emulator', async () => {
    const emu = await startEmulator({ seed: 'emulator/seed/sample.json' });
    try {
      const siteId = emu.store.siteId(HOST, SITE_PATH) as string;
      expect(emu.store.listItems(siteId, 'Contact Strategies').map((i) => i.fields.Title)).toEqual([
        'CS-0042',
        'CS-0043',
      ]);
      expect(emu.store.messages('psd@force.example.police.uk')).toHaveLength(3);
    } finally {
      await emu.close();
    }
  });
});
