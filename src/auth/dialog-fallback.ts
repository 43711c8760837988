// Where NAA is missing or its popup fails: the Office dialog API opens our auth-dialog page, which
// runs a standard MSAL redirect sign-in and sends the token back with messageParent.
import type { DialogEventArg, DialogLike, DialogUi } from '../office/office-api';
import { AuthError } from './errors';
import type { TokenResult } from './token-cache';

/** What the dialog page sends back (JSON, through messageParent). */
export type DialogReply =
  | { type: 'cst-auth'; status: 'success'; accessToken: string; expiresOn?: string; username?: string }
  | { type: 'cst-auth'; status: 'error'; message: string };

/** Office dialog error codes (DialogEventReceived / displayDialogAsync). */
export const DIALOG_CLOSED_BY_USER = 12006;
const DIALOG_OPEN_ERRORS: Record<number, string> = {
  12007: 'A sign-in window is already open: finish or close it first.',
  12009: 'The sign-in window was blocked: allow pop-up windows for Outlook and try again.',
  12011: "The browser's settings block the sign-in window: allow pop-ups for this site and try again.",
};

export interface DialogAuthOptions {
  ui: DialogUi;
  eventTypes: { DialogMessageReceived: string; DialogEventReceived: string };
  /** Absolute https URL of auth-dialog.html on the add-in's own origin. */
  dialogUrl: string;
}

/** Who must sign in (the mailbox user), and the claims a 401 challenge asked for. */
export interface DialogSignIn {
  loginHint: string;
  claims?: string;
}

export interface DialogAuth {
  acquire(scopes: readonly string[], who: DialogSignIn): Promise<TokenResult>;
}

const sameAccount = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createDialogAuth(options: DialogAuthOptions): DialogAuth {
  const expectedOrigin = new URL(options.dialogUrl).origin;
  return {
    acquire(scopes, who) {
      const url = new URL(options.dialogUrl);
      url.searchParams.set('scopes', scopes.join(' '));
      // The identity platform offers the mailbox user's account first.
      url.searchParams.set('loginHint', who.loginHint);
      if (who.claims) url.searchParams.set('claims', who.claims);
      return new Promise<TokenResult>((resolve, reject) => {
        let settled = false;
        let dialog: DialogLike | null = null;
        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          try {
            dialog?.close();
          } catch {
            // Already closed by the user: nothing to do.
          }
          outcome();
        };
        options.ui.displayDialogAsync(
          url.href,
          { height: 60, width: 30, promptBeforeOpen: false },
          (result) => {
            if (result.status !== 'succeeded') {
              const code = result.error?.code ?? 0;
              const why =
                DIALOG_OPEN_ERRORS[code] ?? `The sign-in window could not open (Office error ${code}).`;
              finish(() => reject(new AuthError('unavailable', why)));
              return;
            }
            dialog = result.value;
            dialog.addEventHandler(options.eventTypes.DialogMessageReceived, (arg: DialogEventArg) => {
              if (arg.origin !== undefined && arg.origin !== expectedOrigin) return; // not our page
              const reply = parseReply(arg.message);
              if (!reply) {
                finish(() => reject(new AuthError('failed', 'The sign-in window sent an unreadable reply.')));
              } else if (reply.status === 'success' && !sameAccount(reply.username ?? '', who.loginHint)) {
                // Another account's token would record and act as someone else.
                finish(() =>
                  reject(
                    new AuthError(
                      'failed',
                      `Sign in as ${who.loginHint}, the Outlook user: the window signed in ${reply.username || 'an unnamed account'}.`,
                    ),
                  ),
                );
              } else if (reply.status === 'success') {
                const expiresOn = reply.expiresOn ? new Date(reply.expiresOn) : null;
                finish(() => resolve({ accessToken: reply.accessToken, expiresOn }));
              } else {
                finish(() => reject(new AuthError('failed', `Sign-in failed: ${reply.message}`)));
              }
            });
            dialog.addEventHandler(options.eventTypes.DialogEventReceived, (arg: DialogEventArg) => {
              const cancelled = arg.error === DIALOG_CLOSED_BY_USER;
              finish(() =>
                reject(
                  cancelled
                    ? new AuthError('cancelled', 'Sign-in was cancelled: the sign-in window was closed.')
                    : new AuthError(
                        'failed',
                        `The sign-in window stopped (Office error ${arg.error ?? 'unknown'}).`,
                      ),
                ),
              );
            });
          },
        );
      });
    },
  };
}

export function parseReply(message: string | undefined): DialogReply | null {
  if (typeof message !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type !== 'cst-auth') return null;
  if (v.status === 'success' && typeof v.accessToken === 'string' && v.accessToken) {
    const reply: DialogReply = { type: 'cst-auth', status: 'success', accessToken: v.accessToken };
    if (typeof v.expiresOn === 'string') reply.expiresOn = v.expiresOn;
    if (typeof v.username === 'string') reply.username = v.username;
    return reply;
  }
  if (v.status === 'error' && typeof v.message === 'string')
    return { type: 'cst-auth', status: 'error', message: v.message };
  return null;
}
