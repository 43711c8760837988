// The host's side of nested app authentication, as Outlook answers it: MSAL's nestable client
// looks for `window.nestedAppAuthBridge` (set by the host before the add-in runs), posts JSON
// requests to it (GetInitContext, GetToken, GetTokenPopup) and reads JSON answers from its
// "message" listeners, matched by requestId (msal-browser dist/naa/BridgeProxy.mjs, and
// NestedAppAuthAdapter.mjs for the token and account fields it requires). The token it hands out
// is the sandbox emulator's dev token for the signed-in user, after `latencyMs` (what Outlook's
// broker takes to answer from its own cache). Part of the sandbox Office host only: production
// loads office.js from Microsoft's CDN, and this file is in no production entry.

export interface NaaBrokerOptions {
  /** The signed-in user's address, '' while the host does not know it yet. */
  user: () => string;
  latencyMs: number;
}

type Listener = (message: { data: string } | string) => void;

export interface NaaBridge {
  postMessage(message: string): void;
  addEventListener(type: string, listener: Listener): void;
  removeEventListener(type: string, listener: Listener): void;
}

const TENANT = '00000000-0000-4000-8000-00000000a11d';
const ENVIRONMENT = 'login.microsoftonline.com';

const base64Url = (text: string): string =>
  btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A stable object id per user, so MSAL sees one account across tokens. */
function oidOf(upn: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < upn.length; i++) h = Math.imul(h ^ upn.charCodeAt(i), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}

/** An unsigned id token: MSAL reads its claims and never checks a signature it cannot hold. */
function idToken(upn: string, oid: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: 'sandbox',
    iss: `https://${ENVIRONMENT}/${TENANT}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid,
    sub: oid,
    tid: TENANT,
    preferred_username: upn,
    name: upn,
    ver: '2.0',
  };
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;
}

/** A performance mark, where the page has them (not every test DOM does). */
function markOnce(name: string): void {
  try {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  } catch {
    // no User Timing here: the bench is the only reader
  }
}

export function createNaaBroker(options: NaaBrokerOptions): NaaBridge {
  const listeners = new Set<Listener>();
  const answer = (body: Record<string, unknown>): void => {
    const data = JSON.stringify({ messageType: 'NestedAppAuthResponse', ...body });
    for (const listener of listeners) listener({ data });
  };

  const token = (requestId: string, scope: string): void => {
    const upn = options.user().trim().toLowerCase();
    if (!upn) {
      // Outlook with nobody signed in: the bridge says the account is not available.
      answer({ requestId, success: false, error: { status: 'ACCOUNT_UNAVAILABLE', code: 'no_account' } });
      return;
    }
    const oid = oidOf(upn);
    markOnce('cst:naa-token'); // for the bench's cold-open waterfall
    answer({
      requestId,
      success: true,
      token: {
        access_token: `dev:${upn}`,
        id_token: idToken(upn, oid),
        expires_in: 3600,
        scope,
        token_type: 'Bearer',
      },
      account: {
        homeAccountId: `${oid}.${TENANT}`,
        environment: ENVIRONMENT,
        tenantId: TENANT,
        localAccountId: oid,
        username: upn,
        name: upn,
      },
    });
  };

  return {
    postMessage(message) {
      let request: { method?: unknown; requestId?: unknown; tokenParams?: { scope?: unknown } };
      try {
        request = JSON.parse(message) as typeof request;
      } catch {
        return; // not a bridge request; Outlook ignores it too
      }
      const requestId = typeof request.requestId === 'string' ? request.requestId : '';
      if (request.method === 'GetInitContext') {
        setTimeout(() =>
          answer({
            requestId,
            success: true,
            initContext: { sdkName: 'sandbox-office-host', sdkVersion: '1.0.0', capabilities: {} },
          }),
        );
      } else if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
        const scope = typeof request.tokenParams?.scope === 'string' ? request.tokenParams.scope : '';
        setTimeout(() => token(requestId, scope), options.latencyMs);
      } else {
        setTimeout(() =>
          answer({ requestId, success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported' } }),
        );
      }
    },
    addEventListener(type, listener) {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener(type, listener) {
      if (type === 'message') listeners.delete(listener);
    },
  };
}
