// Sign-in failures the taskpane can explain to a person: they closed the window, sign-in is not
// possible here (configuration, blocked dialogs), or it failed for another reason.
export type AuthFailureKind = 'cancelled' | 'unavailable' | 'failed';

export class AuthError extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}
