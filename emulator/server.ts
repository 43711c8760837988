// The HTTP(S) face: reads a request, answers CORS preflights, serves /_admin, runs Graph
// requests through the pipeline and writes Graph's headers (request-id, content type, CORS).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmuRequest, EmuResponse, Engine } from './context';
import { adminRoute } from './admin';
import { handleGraph } from './graph';

export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** What a browser may send (contract §0), plus the conditional and consistency headers Graph knows. */
export const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Prefer',
  'If-Match',
  'If-None-Match',
  'client-request-id',
  'SdkVersion',
  'Retry-Attempt',
  'ConsistencyLevel',
];
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const BASE_EXPOSED = [
  'request-id',
  'client-request-id',
  'ETag',
  'Location',
  'Preference-Applied',
  'x-ms-ags-diagnostic',
];
const BODY_LIMIT = 8 * 1024 * 1024;

export function exposedHeaders(exposeRetryAfter: boolean): string {
  return [...BASE_EXPOSED, ...(exposeRetryAfter ? ['Retry-After'] : [])].join(', ');
}

function corsHeaders(engine: Engine, req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Expose-Headers': exposedHeaders(engine.options.exposeRetryAfter),
    Vary: 'Origin',
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function write(res: ServerResponse, emu: EmuResponse, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...(emu.headers ?? {}) };
  let payload: string | Uint8Array | undefined;
  if (emu.bytes !== undefined) {
    headers['Content-Type'] = emu.headers?.['content-type'] ?? 'application/octet-stream';
    delete headers['content-type'];
    payload = emu.bytes;
  } else if (emu.text !== undefined) {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    payload = emu.text;
  } else if (emu.body !== undefined) {
    headers['Content-Type'] = JSON_CONTENT_TYPE;
    payload = JSON.stringify(emu.body);
  }
  headers['Content-Length'] = String(
    payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength,
  );
  if (emu.status === 204) delete headers['Content-Length'];
  res.writeHead(emu.status, headers);
  res.end(payload);
}

/** A Node request listener serving the emulator (usable with http or https servers). */
export function createRequestListener(engine: Engine, fallbackHost: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void serve(engine, fallbackHost, req, res).catch((e: unknown) => {
      process.stderr.write(`emulator: ${(e as Error).message}\n`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

async function serve(
  engine: Engine,
  fallbackHost: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = Date.now();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const method = (req.method ?? 'GET').toUpperCase();
  const cors = corsHeaders(engine, req);

  if (method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
    });
    res.end();
    if (!rawPath.startsWith('/_admin'))
      engine.store.logRequest({
        time: new Date(started).toISOString(),
        kind: 'preflight',
        method,
        path: url,
        status: 204,
        durationMs: 0,
      });
    return;
  }

  let body: string;
  try {
    body = await readBody(req);
  } catch {
    if (!res.headersSent) res.writeHead(413, cors).end();
    return;
  }
  const headers = lowerHeaders(req);

  if (rawPath === '/_admin' || rawPath.startsWith('/_admin/')) {
    write(res, await adminRoute(engine, method, rawPath, body), cors);
    return;
  }

  const requestId = randomUUID();
  const emuReq: EmuRequest = {
    method,
    rawPath,
    rawQuery,
    headers,
    body,
    origin: `https://${req.headers.host ?? fallbackHost}`,
    scope: 'http',
    requestId,
    clientRequestId: headers['client-request-id'] ?? requestId,
    date: new Date(started).toISOString(),
  };
  const emu = await handleGraph(engine, emuReq);
  if (emu.drop) {
    req.socket.destroy();
    return;
  }
  write(res, emu, {
    ...cors,
    'request-id': emuReq.requestId,
    'client-request-id': emuReq.clientRequestId,
    'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"Local Emulator"}}',
    'Cache-Control': 'no-store',
  });
}
