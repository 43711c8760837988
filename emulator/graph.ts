// One Graph request end to end: latency, injected faults, authentication, routing, the error
// envelope, the wrong-content-type fault and the request log. $batch sub-requests come through
// here too (scope "batch"), so every fault can hit them one by one.
import { handleBatch } from './batch';
import { type Ctx, type EmuRequest, type EmuResponse, type Engine, parsePrefer } from './context';
import { GraphHttpError, badRequest, errorEnvelope } from './errors';
import { mailRoute } from './mail/routes';
import { parseQuery } from './odata/query';
import { sitesRoute } from './sharepoint/routes';
import type { ActiveFault, FaultKind } from './types';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `/v1.0/a/b('c')/d` → ['a', 'b', 'c', 'd'] (decoded). */
export function pathSegments(rawPath: string): string[] {
  const parts = rawPath.split('/').filter((s) => s.length > 0);
  const version = parts.shift();
  if (version !== 'v1.0')
    throw badRequest(`Invalid version: ${version ?? '(none)'}; the emulator serves v1.0.`, 'BadRequest');
  const out: string[] = [];
  for (const raw of parts) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw badRequest(`The path segment '${raw}' is not correctly percent-encoded.`, 'BadRequest');
    }
    const m = /^([A-Za-z$][A-Za-z0-9$]*)\((.*)\)$/s.exec(seg);
    if (m) {
      out.push(m[1] as string);
      const key = (m[2] ?? '').trim();
      if (key !== '') out.push(/^'.*'$/s.test(key) ? key.slice(1, -1).replace(/''/g, "'") : key);
    } else {
      out.push(seg);
    }
  }
  return out;
}

function authenticate(engine: Engine, req: EmuRequest) {
  const header = req.headers.authorization;
  if (!header) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const m = /^Bearer\s+dev:(\S+)$/i.exec(header.trim());
  if (!m)
    throw new GraphHttpError(
      401,
      'InvalidAuthenticationToken',
      'IDX14100: JWT is not well formed. The emulator accepts "Bearer dev:<upn>".',
    );
  const user = engine.store.user(m[1] as string);
  if (!user)
    throw new GraphHttpError(
      401,
      'InvalidAuthenticationToken',
      `Access token validation failure: unknown user ${m[1]}.`,
    );
  return user;
}

async function route(engine: Engine, req: EmuRequest, note: { fault?: FaultKind }): Promise<EmuResponse> {
  const segments = pathSegments(req.rawPath);
  const user = authenticate(engine, req);
  const ctx: Ctx = {
    engine,
    store: engine.store,
    req,
    user,
    query: parseQuery(req.rawQuery),
    segments,
    prefer: parsePrefer(req.headers.prefer),
    takeEmptyPage: () => {
      const hit = engine.faults.take(['emptyPage'], faultTarget(req)) !== undefined;
      if (hit) note.fault = 'emptyPage';
      return hit;
    },
  };
  const [head, second, ...rest] = segments;
  switch (head) {
    case '$batch':
      if (req.scope === 'batch') throw badRequest('A $batch cannot contain another $batch.', 'BadRequest');
      if (second !== undefined || req.method !== 'POST')
        throw badRequest('POST /v1.0/$batch only.', 'BadRequest');
      return handleBatch(engine, req, (sub) => handleGraph(engine, sub));
    case 'me':
      return mailRoute(ctx, undefined, second === undefined ? [] : [second, ...rest]);
    case 'users':
      if (second === undefined)
        throw badRequest('The emulator does not list users; use /users/{upn}.', 'BadRequest');
      return mailRoute(ctx, second, rest);
    case 'sites':
      return sitesRoute(ctx, second === undefined ? [] : [second, ...rest]);
    default:
      throw badRequest(`Resource not found for the segment '${head ?? ''}'.`, 'BadRequest');
  }
}

export function faultTarget(req: EmuRequest): { method: string; path: string; scope: 'http' | 'batch' } {
  const path = req.rawPath.replace(/^\/v1\.0/, '') + (req.rawQuery ? `?${req.rawQuery}` : '');
  return { method: req.method, path, scope: req.scope };
}

function errorResponse(req: EmuRequest, err: GraphHttpError): EmuResponse {
  return {
    status: err.status,
    headers: { ...err.headers },
    body: errorEnvelope(
      err.code,
      err.message,
      { date: req.date, requestId: req.requestId, clientRequestId: req.clientRequestId },
      err.innerCode,
    ),
  };
}

/** The error a throttling/outage fault answers with, in the style of the service the path belongs to. */
function faultError(fault: ActiveFault, req: EmuRequest): GraphHttpError {
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
  const sharePoint = /^\/v1\.0\/sites\b/.test(req.rawPath);
  if (fault.kind === '429')
    return sharePoint
      ? new GraphHttpError(
          429,
          'activityLimitReached',
          'The request has been throttled',
          headers,
          'throttledRequest',
        )
      : new GraphHttpError(
          429,
          'ApplicationThrottled',
          'Application is over its MailboxConcurrency limit.',
          headers,
        );
  if (fault.kind === '503')
    return new GraphHttpError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable. Please retry later.',
      headers,
    );
  return new GraphHttpError(504, 'UnknownError', 'Gateway timeout.', headers);
}

const PRE_FAULTS_HTTP: readonly FaultKind[] = ['drop', '429', '503', '504'];
const PRE_FAULTS_BATCH: readonly FaultKind[] = ['429', '503', '504'];

/** The upn a dev token names, before it is checked. */
const callerOf = (req: EmuRequest): string | undefined =>
  /^Bearer\s+dev:(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

const MAIL_SEGMENTS = new Set(['messages', 'mailFolders', 'outlook', 'mailboxSettings']);

/** The mailbox a mail request works on (lower-case upn), for the per-mailbox concurrency limit. */
function mailboxOf(req: EmuRequest): string | undefined {
  let segs: string[];
  try {
    segs = pathSegments(req.rawPath);
  } catch {
    return undefined;
  }
  if (segs[0] === 'me' && MAIL_SEGMENTS.has(segs[1] ?? '')) return callerOf(req)?.toLowerCase();
  if (segs[0] === 'users' && MAIL_SEGMENTS.has(segs[2] ?? '')) return segs[1]?.toLowerCase();
  return undefined;
}

function logEntry(
  engine: Engine,
  req: EmuRequest,
  res: EmuResponse,
  started: number,
  upn: string | undefined,
  fault: FaultKind | undefined,
): void {
  engine.store.logRequest({
    time: req.date,
    kind: req.scope === 'http' ? 'http' : 'batch-item',
    method: req.method,
    path: req.rawPath + (req.rawQuery ? `?${req.rawQuery}` : ''),
    status: res.drop ? 0 : res.status,
    ...(upn ? { upn } : {}),
    ...(fault ? { fault } : {}),
    durationMs: Date.now() - started,
  });
}

/** Outlook's per-mailbox concurrency limit (when configured) around the request. */
export async function handleGraph(
  engine: Engine,
  req: EmuRequest,
): Promise<EmuResponse & { fault?: FaultKind }> {
  const limit = engine.options.mailboxConcurrency;
  const mailbox = limit === undefined ? undefined : mailboxOf(req);
  if (mailbox === undefined || limit === undefined) return handleOne(engine, req);
  const inflight = engine.inflight.get(mailbox) ?? 0;
  if (inflight >= limit) {
    const res = errorResponse(
      req,
      new GraphHttpError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'),
    );
    logEntry(engine, req, res, Date.now(), callerOf(req), undefined);
    return res;
  }
  engine.inflight.set(mailbox, inflight + 1);
  try {
    return await handleOne(engine, req);
  } finally {
    const left = (engine.inflight.get(mailbox) ?? 1) - 1;
    if (left > 0) engine.inflight.set(mailbox, left);
    else engine.inflight.delete(mailbox);
  }
}

async function handleOne(engine: Engine, req: EmuRequest): Promise<EmuResponse & { fault?: FaultKind }> {
  const started = Date.now();
  const target = faultTarget(req);
  const delay = (req.scope === 'http' ? engine.options.latencyMs : 0) + engine.faults.latency(target);
  if (delay > 0) await sleep(delay);

  let res: EmuResponse;
  let appliedFault: FaultKind | undefined;
  let upn: string | undefined;
  const fault = engine.faults.take(req.scope === 'http' ? PRE_FAULTS_HTTP : PRE_FAULTS_BATCH, target);
  if (fault?.kind === 'drop') {
    res = { status: 0, drop: true };
    appliedFault = 'drop';
  } else if (fault) {
    res = errorResponse(req, faultError(fault, req));
    appliedFault = fault.kind;
  } else {
    try {
      upn = callerOf(req);
      const note: { fault?: FaultKind } = {};
      res = await route(engine, req, note);
      appliedFault = note.fault;
    } catch (e) {
      if (e instanceof GraphHttpError) res = errorResponse(req, e);
      else {
        process.stderr.write(
          `emulator: internal error on ${req.method} ${req.rawPath}: ${(e as Error).stack ?? String(e)}\n`,
        );
        res = errorResponse(
          req,
          new GraphHttpError(500, 'generalException', 'An internal emulator error occurred.'),
        );
      }
    }
  }
  if (res.status >= 400 && res.body !== undefined && engine.faults.take(['wrongContentType'], target)) {
    res = { ...res, text: JSON.stringify(res.body), body: undefined };
    appliedFault = 'wrongContentType';
  }
  logEntry(engine, req, res, started, upn, appliedFault);
  return appliedFault ? { ...res, fault: appliedFault } : res;
}
