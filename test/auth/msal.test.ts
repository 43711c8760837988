import type { Configuration } from '@azure/msal-browser';
import { msalConfiguration } from '../../src/auth/msal-config';
import { createNaaClient, type PcaLike } from '../../src/auth/naa';
import { PRODUCTION } from './fakes';

const CONFIG = PRODUCTION;

describe('MSAL configuration', () => {
  it('keeps tokens in memory and personal data out of logs', () => {
    const config = msalConfiguration(CONFIG);
    expect(config.cache?.cacheLocation).toBe('memoryStorage');
    expect(config.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
    expect(config.auth).toEqual({
      clientId: CONFIG.clientId,
      authority: CONFIG.authority,
      // Declares that claims challenges are handled, so Continuous Access Evaluation applies.
      clientCapabilities: ['CP1'],
    });
  });

  it('drops log lines that MSAL marks as containing personal data', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = msalConfiguration(CONFIG).system?.loggerOptions?.loggerCallback;
    log?.(0, 'user alex.handler@force.example.police.uk', true);
    log?.(0, 'network error', false);
    expect(spy.mock.calls.map((c) => String(c[0]))).toEqual(['MSAL: network error']);
    spy.mockRestore();
  });

  it('refuses to start without a client id, in words an administrator can act on', () => {
    expect(() => msalConfiguration({ ...CONFIG, clientId: '' })).toThrow(/no CLIENT_ID/);
  });
});

describe('the NAA client', () => {
  function fakePca(): PcaLike & { seen: Configuration[]; active: unknown } {
    const account = { homeAccountId: 'h', username: 'alex.handler@force.example.police.uk' };
    const pca = {
      seen: [] as Configuration[],
      active: null as unknown,
      getActiveAccount: () => pca.active as never,
      getAllAccounts: () => [],
      setActiveAccount: (a: unknown) => {
        pca.active = a;
      },
      acquireTokenSilent: jest.fn(async () => ({ accessToken: 'silent', expiresOn: null }) as never),
      acquireTokenPopup: jest.fn(async () => ({ accessToken: 'popup', expiresOn: null, account }) as never),
    };
    return pca;
  }

  it('is created once with the safe configuration, and remembers who signed in', async () => {
    const pca = fakePca();
    const create = jest.fn(async (c: Configuration) => {
      pca.seen.push(c);
      return pca;
    });
    const client = await createNaaClient(CONFIG, create);
    expect(create).toHaveBeenCalledTimes(1);
    expect(pca.seen[0]?.cache?.cacheLocation).toBe('memoryStorage');

    await expect(client.popup(['Mail.ReadWrite'])).resolves.toMatchObject({ accessToken: 'popup' });
    await client.silent(['Mail.ReadWrite']);
    expect(pca.acquireTokenSilent).toHaveBeenLastCalledWith({
      scopes: ['Mail.ReadWrite'],
      account: pca.active,
    });
  });
});
