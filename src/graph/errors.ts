// One error type for every failed Graph call, whatever produced it (an HTTP status, a dropped
// connection, a body the SDK could not parse). Callers branch on `status` first: Outlook and
// SharePoint use different codes for the same thing, codes can be empty and messages change
// without notice (graph-contract §3, §6).

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

export function isGraphError(err: unknown, status?: number): err is GraphRequestError {
  return err instanceof GraphRequestError && (status === undefined || err.status === status);
}

/** Error text safe to show a person: status and code, never a token or a request body. */
export function describe(err: unknown): string {
  if (err instanceof GraphRequestError) {
    const code = err.code ? ` ${err.code}` : '';
    const status = err.status === 0 ? 'no response' : `HTTP ${err.status}`;
    return `${status}${code}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
