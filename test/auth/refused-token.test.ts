// A token Graph refuses (401: revoked, or a Continuous Access Evaluation claims challenge) is
// replaced once with a fresh one carrying the claims asked for, and the request tried again; a
// second 401 is reported, never looped on. The dialog fallback signs in as the mailbox user only.
import { claimsFromChallenge } from '../../src/auth/challenge';
import { createDialogAuth } from '../../src/auth/dialog-fallback';
import { runAuthDialog } from '../../src/auth/dialog-page';
import { createNaaClient, type PcaLike } from '../../src/auth/naa';
import { createTokenProvider } from '../../src/auth';
import type { DialogReply } from '../../src/auth/dialog-fallback';
import { createGraphClient } from '../../src/graph/client';
import { BASE, fakeFetch, graphError, json } from '../graph/fake-fetch';
import { PRODUCTION, fakeDialogUi, fakeHost, fakeNaa, inOneHour } from './fakes';

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
const CHALLENGE = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(CLAIMS)}"`;
const MAIL = ['Mail.ReadWrite'];
const ALEX = 'alex.handler@force.example.police.uk';

describe('the claims of a challenge', () => {
  it('are decoded from the WWW-Authenticate header', () => {
    expect(claimsFromChallenge(CHALLENGE)).toBe(CLAIMS);
  });
  it('are absent from a plain 401 and from a malformed header', () => {
    expect(claimsFromChallenge('Bearer realm="", error="invalid_token"')).toBeNull();
    expect(claimsFromChallenge(null)).toBeNull();
    expect(claimsFromChallenge('Bearer error="insufficient_claims", claims="not base64 json"')).toBeNull();
  });
});

function client(replies: Parameters<typeof fakeFetch>[0]) {
  let issued = 1;
  const refreshed: Array<{ scopes: readonly string[]; claims?: string }> = [];
  const tokens = {
    getToken: async () => `t${issued}`,
    refresh: async (scopes: readonly string[], claims?: string) => {
      refreshed.push({ scopes, ...(claims ? { claims } : {}) });
      issued++;
    },
  };
  const fetchImpl = fakeFetch(replies);
  return { c: createGraphClient({ baseUrl: BASE, tokens, fetchImpl }), fetchImpl, refreshed };
}

describe('a 401 from Graph', () => {
  it('is tried once more with a fresh token carrying the challenge’s claims', async () => {
    const { c, fetchImpl, refreshed } = client([
      graphError(401, 'InvalidAuthenticationToken', { 'WWW-Authenticate': CHALLENGE }),
      json(200, { id: 'm1' }),
    ]);
    await expect(c.request({ url: '/me/messages/m1', scopes: MAIL })).resolves.toEqual({ id: 'm1' });
    expect(refreshed).toEqual([{ scopes: MAIL, claims: CLAIMS }]);
    expect(fetchImpl.sent.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('is reported when the fresh token is refused too, after one retry only', async () => {
    const { c, fetchImpl } = client([
      graphError(401, 'InvalidAuthenticationToken'),
      graphError(401, 'InvalidAuthenticationToken'),
    ]);
    await expect(
      c.request({ method: 'POST', url: '/me/messages/m1/move', body: {}, scopes: MAIL }),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect(fetchImpl.sent).toHaveLength(2);
  });
});

describe('the production provider after a refusal', () => {
  it('asks MSAL for a fresh token with the claims', async () => {
    const now = 1_000_000;
    let issued = 0;
    const asked: unknown[] = [];
    const naa = fakeNaa({ silent: async () => ({ accessToken: `t${++issued}`, expiresOn: inOneHour(now) }) });
    const silent = naa.silent;
    naa.silent = (scopes, fresh) => (asked.push(fresh), silent(scopes));
    const tokens = createTokenProvider(PRODUCTION, fakeHost(), {
      loadNaa: async () => naa,
      dialog: null,
      now: () => now,
    });
    await expect(tokens.getToken(MAIL)).resolves.toBe('t1');
    await tokens.refresh?.(MAIL, CLAIMS);
    expect(asked).toEqual([undefined, { claims: CLAIMS }]);
  });

  it('passes forceRefresh and the claims to MSAL', async () => {
    const requests: unknown[] = [];
    const pca = {
      getActiveAccount: () => null,
      getAllAccounts: () => [],
      setActiveAccount: () => undefined,
      acquireTokenSilent: async (r: unknown) =>
        (requests.push(r), { accessToken: 'x', expiresOn: null }) as never,
      acquireTokenPopup: async () => ({ accessToken: 'x', expiresOn: null }) as never,
    } as unknown as PcaLike;
    const naa = await createNaaClient(PRODUCTION, async () => pca);
    await naa.silent(MAIL, { claims: CLAIMS });
    expect(requests).toEqual([{ scopes: MAIL, forceRefresh: true, claims: CLAIMS }]);
  });
});

describe('the sign-in dialog', () => {
  const EVENTS = { DialogMessageReceived: 'm', DialogEventReceived: 'e' };
  const URL_ = 'https://triage.example.org/auth-dialog.html';

  it('offers the mailbox user’s account and refuses a token for another account', async () => {
    const ui = fakeDialogUi();
    const auth = createDialogAuth({ ui, eventTypes: EVENTS, dialogUrl: URL_ });
    const pending = auth.acquire(MAIL, { loginHint: ALEX, claims: CLAIMS });
    const opened = new URL(ui.opened[0] ?? '');
    expect(opened.searchParams.get('loginHint')).toBe(ALEX);
    expect(opened.searchParams.get('claims')).toBe(CLAIMS);
    ui.emit(EVENTS.DialogMessageReceived, {
      message: JSON.stringify({
        type: 'cst-auth',
        status: 'success',
        accessToken: 'theirs',
        username: 'someone.else@force.example.police.uk',
      }),
    });
    await expect(pending).rejects.toThrow(
      `Sign in as ${ALEX}, the Outlook user: the window signed in someone.else@force.example.police.uk.`,
    );
  });

  it('signs in with the hint and claims it was opened with, and says which account it got', async () => {
    const sent: DialogReply[] = [];
    const redirects: unknown[] = [];
    const search = `?scopes=Mail.ReadWrite&loginHint=${encodeURIComponent(ALEX)}&claims=${encodeURIComponent(CLAIMS)}`;
    const pca = {
      handleRedirectPromise: async () => null,
      acquireTokenRedirect: async (r: unknown) => void redirects.push(r),
    };
    await runAuthDialog({ pca, search, send: (r) => sent.push(r) });
    expect(redirects).toEqual([{ scopes: MAIL, loginHint: ALEX, claims: CLAIMS }]);

    const back = {
      handleRedirectPromise: async () =>
        ({ accessToken: 'tok', expiresOn: null, account: { username: ALEX } }) as never,
      acquireTokenRedirect: async () => undefined,
    };
    await runAuthDialog({ pca: back, search, send: (r) => sent.push(r) });
    expect(sent).toEqual([{ type: 'cst-auth', status: 'success', accessToken: 'tok', username: ALEX }]);
  });
});
