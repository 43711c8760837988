// Graph's error envelope, and the exception handlers throw to produce it.

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** innerError.code, as SharePoint sends for throttling (`throttledRequest`). */
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function errorEnvelope(
  code: string,
  message: string,
  ids: { date: string; requestId: string; clientRequestId: string },
  innerCode?: string,
): ErrorEnvelope {
  return {
    error: {
      code,
      message,
      innerError: {
        ...(innerCode ? { code: innerCode } : {}),
        date: ids.date,
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export const badRequest = (message: string, code = 'invalidRequest'): GraphHttpError =>
  new GraphHttpError(400, code, message);

export const notFound = (message: string, code = 'itemNotFound'): GraphHttpError =>
  new GraphHttpError(404, code, message);
