// The sandbox's one HTTPS origin: the sandbox page and the built taskpane (static files), the
// Graph emulator mounted at /v1.0 (and its /_admin), and the runtime config script. One origin
// means one self-signed certificate to accept and no CORS between page, taskpane and Graph.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createEmulatorHandler } from '../emulator';
import type { Engine } from '../emulator/context';
import type { StoreReader } from '../emulator/types';
import type { RuntimeConfig } from '../src/runtime-config';
import type { SandboxInfo } from './seed';

export interface SandboxServerOptions {
  port: number;
  host: string;
  /** The built sandbox web files (webpack's sandbox variant). */
  webRoot: string;
  engine: Engine;
  info: SandboxInfo;
  tls: { key: string; cert: string };
}

/** Which document of the sandbox made a Graph request (from its Referer). */
export type GraphCaller = 'taskpane' | 'page' | 'other';

/** A Graph request as the sandbox's server saw it: who asked, when, how it ended. */
export interface GraphRequestRecord {
  method: string;
  /** Path and query after the origin, e.g. `/v1.0/$batch`. */
  path: string;
  caller: GraphCaller;
  /** Epoch milliseconds: the request arrived, and its answer was sent (or the connection dropped). */
  start: number;
  end: number;
  /** HTTP status; 0 when the connection was dropped without an answer. */
  status: number;
}

/** Graph as the taskpane sees it over the network: reachable or not, and how slow. */
export interface GraphLink {
  /**
   * Takes the emulator off the network (false) or back (true). Offline, every request to `/v1.0`
   * and `/_admin` has its connection dropped without an answer, as an unreachable server: the
   * browser's fetch fails with a network error. The emulator's state is kept meanwhile.
   */
  setOnline(online: boolean): void;
  online(): boolean;
  /** Requests dropped while offline, since start. */
  dropped(): number;
  /** Delay before every Graph request (the emulator's latency option; 0 = none). */
  setLatency(ms: number): void;
  /** Graph requests (not `/_admin`) since start or the last clear, oldest first. */
  requests(): GraphRequestRecord[];
  clearRequests(): void;
}

export interface RunningSandbox {
  /** e.g. https://localhost:3100/ */
  url: string;
  port: number;
  /** Read access to the emulated mailboxes and lists (for tests). */
  store: StoreReader;
  /** Reachability, latency and the request record of Graph (for tests and benchmarks). */
  graph: GraphLink;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Pages may run only their own scripts; styles inline (Fluent UI injects them); frames and fetches
 * only to this origin. The production policy narrowed to the sandbox's one origin
 * (docs/content-security-policy.md, which test/build/csp.test.ts keeps in step). A hostile message body that slipped through as markup could run nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** JSON that is safe inside a <script> file and inline: no `</script>`, no U+2028. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function sandboxRuntimeConfig(origin: string, info: SandboxInfo): RuntimeConfig {
  return {
    mode: 'sandbox',
    graphBaseUrl: `${origin}/v1.0`,
    siteHostname: info.site.hostname,
    sitePath: info.site.path,
    clientId: '',
    authority: '',
  };
}

/** The document that asked, from the Referer the browser sends with same-origin fetches. */
function callerOf(referer: string | undefined): GraphCaller {
  let path: string;
  try {
    path = new URL(referer ?? '').pathname;
  } catch {
    return 'other';
  }
  // /prod/: the production build the bench serves beside the sandbox's (bench/browser.bench.ts).
  if (path === '/taskpane.html' || path === '/prod/taskpane.html') return 'taskpane';
  return path === '/' || path === '/index.html' ? 'page' : 'other';
}

/** `{"online": false}` and/or `{"latencyMs": 100}`: the body of POST /sandbox/api/graph. */
function graphSwitches(text: string): { online?: boolean; latencyMs?: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('The body must be JSON, e.g. {"online": false}');
  }
  const { online, latencyMs } = (body ?? {}) as { online?: unknown; latencyMs?: unknown };
  if (online !== undefined && typeof online !== 'boolean') throw new Error('"online" must be true or false');
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !(latencyMs >= 0)))
    throw new Error('"latencyMs" must be a number of milliseconds, 0 or more');
  if (online === undefined && latencyMs === undefined) throw new Error('Give "online" and/or "latencyMs"');
  return { ...(online !== undefined ? { online } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}) };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<RunningSandbox> {
  const server: Server = createServer({ key: options.tls.key, cert: options.tls.cert });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `https://localhost:${port}`;
  const graph = createEmulatorHandler(options.engine, `localhost:${port}`);
  const root = normalize(options.webRoot) + sep;

  let online = true;
  let dropped = 0;
  let requests: GraphRequestRecord[] = [];
  const link: GraphLink = {
    setOnline: (on) => {
      online = on;
    },
    online: () => online,
    dropped: () => dropped,
    setLatency: (ms) => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`latency must be 0 or more milliseconds, not ${ms}`);
      options.engine.options.latencyMs = ms;
    },
    requests: () => requests.map((r) => ({ ...r })),
    clearRequests: () => {
      requests = [];
    },
  };

  /** Notes a Graph request once its answer is sent or its connection is gone. */
  const record = (req: IncomingMessage, res: ServerResponse): void => {
    const entry: GraphRequestRecord = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      caller: callerOf(req.headers.referer),
      start: Date.now(),
      end: 0,
      status: 0,
    };
    requests.push(entry);
    const done = (): void => {
      if (entry.end) return;
      entry.end = Date.now();
      entry.status = res.headersSent ? res.statusCode : 0;
    };
    res.once('finish', done);
    res.once('close', done);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const isGraph = path.startsWith('/v1.0/') || path === '/v1.0';
    if (isGraph || path.startsWith('/_admin/')) {
      if (isGraph && req.method !== 'OPTIONS') record(req, res);
      if (!online) {
        // Unreachable: no answer at all, the connection just goes.
        dropped++;
        req.socket.destroy();
        return;
      }
      graph(req, res);
      return;
    }
    if (path === '/sandbox/api/graph') {
      const state = () => JSON.stringify({ online, latencyMs: options.engine.options.latencyMs, dropped });
      if (req.method === 'GET') return send(res, 200, TYPES['.json'] as string, state());
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 4096) chunks.push(c);
      });
      req.on('end', () => {
        if (size > 4096) return send(res, 413, 'text/plain; charset=utf-8', 'Body too large');
        try {
          const change = graphSwitches(Buffer.concat(chunks).toString('utf8'));
          if (change.latencyMs !== undefined) link.setLatency(change.latencyMs);
          if (change.online !== undefined) link.setOnline(change.online);
          send(res, 200, TYPES['.json'] as string, state());
        } catch (err) {
          send(res, 400, 'text/plain; charset=utf-8', err instanceof Error ? err.message : String(err));
        }
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (path === '/sandbox-config.js') {
      const config = sandboxRuntimeConfig(origin, options.info);
      send(
        res,
        200,
        TYPES['.js'] as string,
        `window.__CST_CONFIG__ = ${scriptJson(config)};\nwindow.__CST_SANDBOX__ = ${scriptJson(options.info)};\n`,
      );
      return;
    }
    if (path === '/sandbox/api/master-categories') {
      const mailbox = url.searchParams.get('mailbox') ?? '';
      try {
        send(
          res,
          200,
          TYPES['.json'] as string,
          JSON.stringify(options.engine.store.reader().masterCategories(mailbox)),
        );
      } catch {
        send(res, 404, TYPES['.json'] as string, '[]');
      }
      return;
    }
    const aliases: Record<string, string> = { '/': '/index.html', '/favicon.ico': '/assets/icon-16.png' };
    serveFile(aliases[path] ?? path, res);
  };

  function serveFile(path: string, res: ServerResponse): void {
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(path)));
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
      return;
    }
    if (!file.startsWith(root)) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Content-Length': size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  server.on('request', handler);
  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    port,
    store: options.engine.store.reader(),
    graph: link,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => options.engine.store.flush())),
  };
}
