// Nested app authentication (NAA): MSAL asks Outlook for tokens for our app, so the user signs in
// once, as the mailbox user. Loaded on demand (dynamic import) so MSAL stays out of the main
// bundle and out of the sandbox entirely.
import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from '../runtime-config';
import { msalConfiguration } from './msal-config';
import type { TokenResult } from './token-cache';
import type { FreshToken } from './types';

/** The token steps the provider chains: silent first, then a popup. */
export interface InteractiveClient {
  /** `fresh`: not from MSAL's cache (Graph refused the cached one), with the claims asked for. */
  silent(scopes: readonly string[], fresh?: FreshToken): Promise<TokenResult>;
  popup(scopes: readonly string[], fresh?: FreshToken): Promise<TokenResult>;
}

export type PcaLike = Pick<
  IPublicClientApplication,
  'acquireTokenSilent' | 'acquireTokenPopup' | 'getActiveAccount' | 'getAllAccounts' | 'setActiveAccount'
>;

export type PcaFactory = (configuration: ReturnType<typeof msalConfiguration>) => Promise<PcaLike>;

export async function createNaaClient(
  config: RuntimeConfig,
  create: PcaFactory = (c) => createNestablePublicClientApplication(c),
): Promise<InteractiveClient> {
  const pca = await create(msalConfiguration(config));
  const account = () => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  return {
    async silent(scopes, fresh) {
      const known = account();
      const result = await pca.acquireTokenSilent({
        scopes: [...scopes],
        ...(known ? { account: known } : {}),
        ...(fresh ? { forceRefresh: true } : {}),
        ...(fresh?.claims ? { claims: fresh.claims } : {}),
      });
      return { accessToken: result.accessToken, expiresOn: result.expiresOn };
    },
    async popup(scopes, fresh) {
      const result = await pca.acquireTokenPopup({
        scopes: [...scopes],
        ...(fresh?.claims ? { claims: fresh.claims } : {}),
      });
      if (result.account) pca.setActiveAccount(result.account);
      return { accessToken: result.accessToken, expiresOn: result.expiresOn };
    },
  };
}
