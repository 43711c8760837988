// The sign-in dialog's logic (the Office dialog fallback): first visit starts a standard MSAL
// redirect for the scopes in the query; the visit back from the identity platform completes it and
// hands the token to the taskpane with messageParent. Nothing is stored beyond MSAL's memory cache.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { DialogReply } from './dialog-fallback';
import { errorDetail } from '../common/error-detail';

export interface AuthDialogDeps {
  pca: Pick<IPublicClientApplication, 'handleRedirectPromise' | 'acquireTokenRedirect'>;
  /** location.search of the dialog page. */
  search: string;
  send(reply: DialogReply): void;
}

export async function runAuthDialog(deps: AuthDialogDeps): Promise<'sent' | 'redirecting'> {
  try {
    const result = await deps.pca.handleRedirectPromise();
    if (result) {
      const reply: DialogReply = { type: 'cst-auth', status: 'success', accessToken: result.accessToken };
      if (result.expiresOn) reply.expiresOn = result.expiresOn.toISOString();
      if (result.account?.username) reply.username = result.account.username;
      deps.send(reply);
      return 'sent';
    }
    const query = new URLSearchParams(deps.search);
    const scopes = (query.get('scopes') ?? '').split(' ').filter(Boolean);
    const loginHint = query.get('loginHint');
    const claims = query.get('claims');
    if (scopes.length === 0) {
      deps.send({
        type: 'cst-auth',
        status: 'error',
        message: 'the sign-in window was opened without scopes',
      });
      return 'sent';
    }
    await deps.pca.acquireTokenRedirect({
      scopes,
      ...(loginHint ? { loginHint } : {}),
      ...(claims ? { claims } : {}),
    });
    return 'redirecting';
  } catch (err) {
    deps.send({ type: 'cst-auth', status: 'error', message: errorDetail(err) });
    return 'sent';
  }
}
