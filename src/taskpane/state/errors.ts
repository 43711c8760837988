// Failures in words a handler can act on. Duck-typed on `status` (the Graph client's error) so
// the pane does not depend on how the Graph layer builds its errors; never echoes a body or token.

export function describeError(err: unknown): string {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  if (typeof status === 'number') {
    if (status === 0) return 'no connection';
    if (status === 401) return 'sign-in needed';
    if (status === 403) return 'you do not have permission';
    if (status === 404) return 'not found (it may have been moved or deleted)';
    if (status === 429 || status === 503) return 'SharePoint or Exchange is busy';
    if (status >= 500) return `the service failed (HTTP ${status})`;
  }
  if (err instanceof TypeError && /fetch|network/i.test(err.message)) return 'no connection';
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
