// One error type for every failed Graph call, whatever produced it (an HTTP status, a dropped
// connection, a body the SDK could not parse). Callers branch on `status` first: Outlook and
// SharePoint use different codes for the same thing, codes can be empty and messages change
// without notice (docs/graph-contract.md §3, §6).

export class GraphRequestError extends Error {
  /** HTTP status; 0 when no response arrived (dropped connection, DNS, TLS, CORS). */
  readonly status: number;
  /** Graph error code (`itemNotFound`, `ErrorFolderExists`, …); may be empty. */
  readonly code: string;
  readonly innerCode: string;
  readonly requestId: string | undefined;
  /** Response headers when a response arrived (e.g. `Location` on 410). */
  readonly headers: Headers | undefined;
  readonly method: string;

  constructor(init: {
    status: number;
    code?: string;
    innerCode?: string;
    message: string;
    requestId?: string;
    headers?: Headers;
    method: string;
  }) {
    super(init.message);
    this.name = 'GraphRequestError';
    this.status = init.status;
    this.code = init.code ?? '';
    this.innerCode = init.innerCode ?? '';
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.method = init.method;
  }

  /**
   * The server may or may not have acted on the request: no response at all, or a 5xx after
   * the body was sent. A create must re-check before it is sent again.
   */
  get ambiguous(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** Text worth quoting from a body that is not a Graph error envelope: one line, short. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function textField(object: unknown, key: string): string {
  const value = typeof object === 'object' && object !== null ? Reflect.get(object, key) : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * The error for a response that is not a success. Graph's envelope (`{ error: { code, message,
 * innerError } }`) is read whatever the Content-Type says: some Graph errors, and every proxy's,
 * come as text/plain or HTML. Anything else keeps the status and a line of the body.
 */
export async function errorFromResponse(response: Response, method: string): Promise<GraphRequestError> {
  const text = await response.text().catch(() => '');
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = undefined;
  }
  const error =
    typeof envelope === 'object' && envelope !== null ? Reflect.get(envelope, 'error') : undefined;
  const inner = typeof error === 'object' && error !== null ? Reflect.get(error, 'innerError') : undefined;
  const message = textField(error, 'message');
  return new GraphRequestError({
    status: response.status,
    code: textField(error, 'code'),
    innerCode: textField(inner, 'code'),
    message: message || `HTTP ${response.status}${text ? `: ${snippet(text)}` : ''}`,
    requestId: textField(inner, 'request-id') || response.headers.get('request-id') || undefined,
    headers: response.headers,
    method,
  });
}

/** The error for a request that got no response: dropped, timed out, refused by CORS or DNS. */
export function errorFromThrown(err: unknown, method: string): GraphRequestError {
  if (err instanceof GraphRequestError) return err;
  const why = err instanceof Error ? err.message || err.name : String(err);
  return new GraphRequestError({
    status: 0,
    message: `No response from Graph (${why || 'connection failed'})`,
    method,
  });
}

export function isGraphError(err: unknown, status?: number): err is GraphRequestError {
  return err instanceof GraphRequestError && (status === undefined || err.status === status);
}
