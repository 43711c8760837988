// The dialog fallback's tokens, in memory only (never localStorage or sessionStorage: this is
// police data), keyed by the scope set, reused until shortly before they expire. They come back
// through messageParent, outside any MSAL in the pane: without this every Graph call would open a
// sign-in window. NAA tokens are not kept here; MSAL's cache is the only one for them. Dropped
// when Graph refuses a token (401).
export interface TokenResult {
  accessToken: string;
  /** Absent when the issuer did not say; such a token is not cached. */
  expiresOn?: Date | null;
}

/** Renew this long before expiry, so a token never expires between cache and Graph. */
export const EXPIRY_SKEW_MS = 5 * 60 * 1000;

export function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes.map((s) => s.trim().toLowerCase()).filter(Boolean))].sort().join(' ');
}

export interface TokenCache {
  get(scopes: readonly string[]): string | null;
  put(scopes: readonly string[], result: TokenResult): void;
  /** Forgets the token for these scopes (Graph refused it). */
  drop(scopes: readonly string[]): void;
  clear(): void;
}

export function createTokenCache(now: () => number): TokenCache {
  const entries = new Map<string, { token: string; expiresAt: number }>();
  return {
    get(scopes) {
      const entry = entries.get(scopeKey(scopes));
      if (!entry) return null;
      if (entry.expiresAt - EXPIRY_SKEW_MS <= now()) {
        entries.delete(scopeKey(scopes));
        return null;
      }
      return entry.token;
    },
    put(scopes, result) {
      const expiresAt = result.expiresOn?.getTime();
      if (expiresAt === undefined || Number.isNaN(expiresAt)) return;
      entries.set(scopeKey(scopes), { token: result.accessToken, expiresAt });
    },
    drop(scopes) {
      entries.delete(scopeKey(scopes));
    },
    clear() {
      entries.clear();
    },
  };
}
