/**
 * @jest-environment jsdom
 */
// The sandbox Office host answers nested app authentication as Outlook does, so the bench can run
// the production bundle: MSAL's own nestable client, talking to the broker, gets the emulator's
// token for the signed-in user, after the broker's latency.
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';
import { createNaaBroker } from '../../sandbox/office-host/naa-broker';

beforeAll(() => {
  // jsdom lacks what MSAL uses from the browser; Node has the same APIs.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  Object.defineProperty(window, 'crypto', { value: webcrypto, configurable: true });
});

afterEach(() => {
  delete (window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge;
});

function install(user: string, latencyMs = 0): void {
  (window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge = createNaaBroker({
    user: () => user,
    latencyMs,
  });
}

const msalConfig = {
  auth: {
    clientId: '00000000-0000-4000-8000-0000000be9c4',
    authority: 'https://login.microsoftonline.com/organizations',
  },
};

it("gives MSAL's nestable client the emulator token of the signed-in user, after the broker's latency", async () => {
  install('Handler.One@Example.org', 120);
  const pca = await createNestablePublicClientApplication(msalConfig);
  const started = Date.now();
  const result = await pca.acquireTokenSilent({ scopes: ['User.Read'] });
  expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  expect(result.accessToken).toBe('dev:handler.one@example.org');
  expect(result.account.username).toBe('handler.one@example.org');
  expect(result.expiresOn!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
});

it('says no account when nobody is signed in, and MSAL rejects rather than hanging', async () => {
  install('');
  const pca = await createNestablePublicClientApplication(msalConfig);
  await expect(pca.acquireTokenSilent({ scopes: ['User.Read'] })).rejects.toBeDefined();
});
