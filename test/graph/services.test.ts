// The wired services: lists addressed by site path and title, the ports working together.
import { createGraphServices } from '../../src/graph';
import { HANDLER, SITE, startHarness, type Harness } from './harness';
import { logRecord } from '../fixtures/strategies';
import { listsSeed, strategy } from './seed';

let h: Harness;
beforeAll(async () => {
  const seed = listsSeed({
    strategies: [strategy({ emailAddresses: ['paul.example@example.com'] })],
    settings: [{ Title: 'rbnrFolder', Value: '"RBNR filed"' }],
  });
  seed.sites?.push({ hostname: SITE.siteHostname, path: '/sites/empty' });
  h = await startHarness({ seed });
});
afterAll(() => h.close());

describe('createGraphServices', () => {
  it('looks up neither the site nor the lists, and serves all four ports', async () => {
    const services = createGraphServices({
      baseUrl: h.base,
      ...SITE,
      tokens: h.tokens(HANDLER),
      fetchImpl: h.fetchImpl,
    });
    expect(h.emu.store.requestLog().filter((e) => e.kind === 'http')).toHaveLength(0);
    const [snap, settings] = await Promise.all([services.strategies.sync(), services.settings.load()]);
    expect(snap.strategies).toHaveLength(1);
    expect(settings.settings.rbnrFolder).toBe('RBNR filed');
    await services.contactLog.append(
      logRecord({ sender: 'paul.example@example.com', strategyIds: [snap.strategies[0]?.id ?? ''] }),
    );
    expect(
      await services.contactLog.history(['paul.example@example.com'], '2025-01-01T00:00:00Z'),
    ).toHaveLength(1);
    // Every request went straight to a list's items (by site path and title).
    const paths = h.emu.store.requestLog().map((e) => e.path);
    expect(paths).toHaveLength(5);
    expect(paths.every((p) => /:\/lists\/[^/?]+\/items/.test(p))).toBe(true);
  });

  it('on a site without the lists: says which list is missing and how to create it; settings fall back to defaults', async () => {
    const services = createGraphServices({
      baseUrl: h.base,
      siteHostname: SITE.siteHostname,
      sitePath: '/sites/empty',
      tokens: h.tokens(HANDLER),
      fetchImpl: h.fetchImpl,
    });
    await expect(services.strategies.sync()).rejects.toThrow(
      /"Contact Strategies" does not exist.*npm run provision/,
    );
    expect((await services.settings.load()).settings.rbnrFolder).toBe('Contact strategy - read not respond');
  });
});

describe('Sites.Selected (build option SITES_SELECTED)', () => {
  it('reaches the lists with Sites.Selected only, never Sites.ReadWrite.All', async () => {
    const asked: string[][] = [];
    const tokens = {
      getToken: async (scopes: readonly string[]) => (asked.push([...scopes]), `dev:${HANDLER}`),
    };
    const services = createGraphServices({
      baseUrl: h.base,
      ...SITE,
      sitesSelected: true,
      tokens,
      fetchImpl: h.fetchImpl,
    });
    await Promise.all([services.strategies.sync(), services.settings.load()]);
    await services.contactLog.history(['paul.example@example.com'], '2025-01-01T00:00:00Z');
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.flat())).toEqual(new Set(['Sites.Selected']));
  });
});
