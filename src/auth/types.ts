// Token acquisition, per call and per scope set (least privilege: ask only for what a call needs).
export interface TokenProvider {
  getToken(scopes: readonly string[]): Promise<string>;
  /**
   * After Graph refused a token (401): forget it and get a fresh one, with the claims a
   * Continuous Access Evaluation challenge asked for, so the next getToken returns that.
   */
  refresh?(scopes: readonly string[], claims?: string): Promise<void>;
  /**
   * Settles (never rejects) once a token asked for now goes straight to the host, nothing left
   * to load or set up first: in production, once MSAL's chunk has run and its nested-app-auth
   * client exists, or could not be made. Absent: nothing to wait for.
   */
  ready?(): Promise<void>;
}

/** What a fresh token must satisfy: the decoded claims request of a 401 challenge, if any. */
export interface FreshToken {
  claims?: string;
}
