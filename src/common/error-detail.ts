// A failure as one line of text for a status line, a log or a message to an administrator: the
// HTTP status and error code when the error carries them (Graph's GraphRequestError, MSAL's
// errorCode), then its message, kept short. Only what the error itself says: never a request
// body or a token. The pane's plain-words version for handlers is taskpane/state/errors.ts.

const MAX_CHARS = 200;

function clip(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line;
}

function text(thrown: unknown): string {
  try {
    return String(thrown);
  } catch {
    // An object without a prototype has no string form.
    return 'an unreadable error';
  }
}

function codeOf(err: Error): string {
  const code: unknown = Reflect.get(err, 'errorCode') ?? Reflect.get(err, 'code');
  return typeof code === 'string' && code !== '' && !err.message.includes(code) ? code : '';
}

export function errorDetail(err: unknown): string {
  if (!(err instanceof Error)) return clip(text(err));
  const status: unknown = Reflect.get(err, 'status');
  const shownStatus = typeof status === 'number' ? (status === 0 ? 'no response' : `HTTP ${status}`) : '';
  const prefix = [shownStatus, codeOf(err)].filter((part) => part !== '').join(' ');
  return clip(prefix === '' ? err.message : `${prefix}: ${err.message}`);
}
