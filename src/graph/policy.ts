// Per-request settings for our own handlers, carried the way the SDK carries its own handlers'
// options: attached with `GraphRequest.middlewareOptions([...])` and looked up by class on the
// context's middleware control, as the SDK's AuthenticationHandler does for its scopes.
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export class RequestPolicy implements MiddlewareOptions {
  constructor(
    /** Safe to send again after an ambiguous failure (GET, PATCH of a whole value, DELETE). */
    readonly idempotent: boolean,
    /**
     * The URL to send, byte for byte. The SDK re-parses `.api(url)` (splits the query on `&`,
     * reorders it); links Graph returns (`@odata.nextLink`, `Location`) must be followed as given.
     */
    readonly exactUrl: string,
  ) {}
}

/** The policy the client attached to this request; undefined for a request sent without one. */
export function requestPolicyOf(context: Context): RequestPolicy | undefined {
  const option = context.middlewareControl?.getMiddlewareOptions(RequestPolicy);
  return option instanceof RequestPolicy ? option : undefined;
}
