// Production sign-in: NAA (silent, then popup) where Outlook supports NestedAppAuth 1.1; the
// Office dialog running a standard MSAL redirect where it does not, or where the popup fails.
// One token cache: MSAL's. NAA tokens are asked of MSAL every time (its acquireTokenSilent answers
// from its own memory cache and renews near expiry); the pane keeps no copy of them. Only the
// dialog fallback's tokens, which come back through messageParent outside any MSAL in the pane,
// are held here, in memory. Concurrent requests for the same scopes share one sign-in, and only
// one sign-in window is ever open.
import { globalOffice } from '../office/office-api';
import type { MailboxHost } from '../office/types';
import type { RuntimeConfig } from '../runtime-config';
import { createDialogAuth, type DialogAuth } from './dialog-fallback';
import { errorDetail } from '../common/error-detail';
import { AuthError } from './errors';
import type { InteractiveClient } from './naa';
import { createTokenCache, scopeKey, type TokenResult } from './token-cache';
import type { FreshToken, TokenProvider } from './types';

export interface ProductionDeps {
  /** Creates the NAA client; default: MSAL's nestable application, loaded on demand. */
  loadNaa?: () => Promise<InteractiveClient>;
  /** The dialog fallback; `null` when the client has no dialog API. Default: Office.context.ui. */
  dialog?: DialogAuth | null;
  now?: () => number;
}

export const NAA_REQUIREMENT = { name: 'NestedAppAuth', version: '1.1' } as const;

export function createProductionTokenProvider(
  config: RuntimeConfig,
  host: MailboxHost,
  deps: ProductionDeps = {},
): TokenProvider {
  const cache = createTokenCache(deps.now ?? Date.now);
  const naaSupported = host.isSetSupported(NAA_REQUIREMENT.name, NAA_REQUIREMENT.version);
  // A chunk of its own, named so that the page preloads it beside the main bundle (webpack.config.js).
  const loadNaa =
    deps.loadNaa ??
    (() => import(/* webpackChunkName: "msal" */ './naa').then((m) => m.createNaaClient(config)));
  let naa: Promise<InteractiveClient | null> | null = null;
  const naaClient = (): Promise<InteractiveClient | null> =>
    (naa ??= loadNaa().catch((err: unknown) => {
      console.warn(`Nested app authentication is unavailable, using the sign-in dialog: ${errorDetail(err)}`);
      return null;
    }));
  // Created once, right away (the provider is built after Office.onReady), not on first use.
  if (naaSupported) void naaClient();
  const dialog = deps.dialog !== undefined ? deps.dialog : defaultDialog();

  let interactive: Promise<unknown> = Promise.resolve();
  const oneWindowAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = interactive.then(task, task);
    interactive = run.catch(() => undefined);
    return run;
  };

  const keep = (scopes: readonly string[], result: TokenResult): string => {
    cache.put(scopes, result);
    return result.accessToken;
  };

  async function acquire(scopes: readonly string[], fresh?: FreshToken): Promise<string> {
    const client = naaSupported ? await naaClient() : null;
    if (client) {
      try {
        return (await client.silent(scopes, fresh)).accessToken;
      } catch {
        // Consent or a fresh sign-in is needed: that is what the popup is for.
      }
      try {
        // MSAL caches what the popup brings back; the next silent call finds it there.
        return (await oneWindowAtATime(() => client.popup(scopes, fresh))).accessToken;
      } catch (err) {
        if (isUserCancelled(err)) throw new AuthError('cancelled', 'Sign-in was cancelled.', { cause: err });
        console.warn(`Sign-in popup failed, using the sign-in dialog: ${errorDetail(err)}`);
      }
    }
    if (!dialog) {
      throw new AuthError(
        'unavailable',
        'This version of Outlook cannot sign the add-in in (no NAA, no dialog API).',
      );
    }
    return keep(
      scopes,
      await oneWindowAtATime(() =>
        dialog.acquire(scopes, {
          loginHint: host.user().emailAddress,
          ...(fresh?.claims ? { claims: fresh.claims } : {}),
        }),
      ),
    );
  }

  const inflight = new Map<string, Promise<string>>();
  const refreshing = new Map<string, Promise<string>>();
  return {
    ready: () => (naaSupported ? naaClient().then(() => undefined) : Promise.resolve()),
    getToken(scopes) {
      if (scopes.length === 0)
        return Promise.reject(new AuthError('failed', 'A token was requested without scopes.'));
      const cached = cache.get(scopes);
      if (cached) return Promise.resolve(cached);
      const key = scopeKey(scopes);
      let pending = inflight.get(key);
      if (!pending) {
        pending = acquire(scopes).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
    async refresh(scopes, claims) {
      cache.drop(scopes);
      const key = scopeKey(scopes);
      // Requests refused together share one fresh token; an ordinary request in flight does
      // not count (it may hand back the very token Graph refused).
      let pending = refreshing.get(key);
      if (!pending) {
        pending = acquire(scopes, { ...(claims ? { claims } : {}) }).finally(() => refreshing.delete(key));
        refreshing.set(key, pending);
      }
      await pending;
    },
  };
}

/** MSAL's BrowserAuthError for a popup the user closed. */
export function isUserCancelled(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { errorCode?: unknown }).errorCode === 'user_cancelled'
  );
}

function defaultDialog(): DialogAuth | null {
  let office;
  try {
    office = globalOffice();
  } catch {
    return null;
  }
  const ui = office.context.ui;
  const { DialogMessageReceived, DialogEventReceived } = office.EventType;
  if (!ui || !DialogMessageReceived || !DialogEventReceived) return null;
  return createDialogAuth({
    ui,
    eventTypes: { DialogMessageReceived, DialogEventReceived },
    dialogUrl: new URL('auth-dialog.html', globalThis.location.href).href,
  });
}
