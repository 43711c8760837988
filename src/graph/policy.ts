// Per-request settings carried through the SDK's middleware chain (MiddlewareControl keys them
// by class, so each middleware finds its own).
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export class RequestPolicy implements MiddlewareOptions {
  constructor(
    /** Safe to send again after an ambiguous failure (GET, PATCH of a whole value, DELETE). */
    readonly idempotent: boolean,
    /**
     * The URL to send, byte for byte. The SDK re-parses `.api(url)` (splits the query on `&`,
     * reorders it); links Graph returns (`@odata.nextLink`, `Location`) must be followed as given.
     */
    readonly exactUrl?: string,
  ) {}
}

export function requestPolicyOf(context: Context): RequestPolicy | undefined {
  // MiddlewareControl is not exported by the SDK, so it is recognised by its method.
  const control = context.middlewareControl as
    { getMiddlewareOptions?: (fn: unknown) => unknown } | undefined;
  if (typeof control?.getMiddlewareOptions !== 'function') return undefined;
  return control.getMiddlewareOptions(RequestPolicy) as RequestPolicy | undefined;
}
