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

export interface RunningSandbox {
  /** e.g. https://localhost:3100/ */
  url: string;
  port: number;
  /** Read access to the emulated mailboxes and lists (for tests). */
  store: StoreReader;
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
 * only to this origin. A hostile message body that slipped through as markup could run nothing.
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

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (path.startsWith('/v1.0/') || path === '/v1.0' || path.startsWith('/_admin/')) {
      graph(req, res);
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
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => options.engine.store.flush())),
  };
}
