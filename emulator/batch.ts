// JSON $batch: at most 20 sub-requests, unique ids, dependsOn (424 when a dependency failed),
// Content-Type required with a body, responses in any order, each sub-request on its own
// (so an inner 429 arrives inside an outer 200).
import { randomUUID } from 'node:crypto';
import { type EmuRequest, type EmuResponse, type Engine, json } from './context';
import { GraphHttpError, errorEnvelope } from './errors';
import { shuffled } from './prng';

export const BATCH_MAX = 20;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

const invalid = (message: string): GraphHttpError => new GraphHttpError(400, 'BadRequest', message);

function parseRequests(body: string): SubRequest[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalid('Invalid batch payload format.');
  }
  const requests = (parsed as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw invalid('Invalid batch payload format: "requests" must be a non-empty array.');
  if (requests.length > BATCH_MAX) throw invalid(`Maximum number of requests in a batch is ${BATCH_MAX}.`);
  const seen = new Set<string>();
  const subs = requests.map((r: unknown): SubRequest => {
    const o = (r ?? {}) as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '')
      throw invalid('Each request in a batch needs a string "id".');
    if (seen.has(o.id)) throw invalid(`Request Id ${o.id} must be unique in the batch.`);
    seen.add(o.id);
    const method = typeof o.method === 'string' ? o.method.toUpperCase() : '';
    if (!METHODS.has(method)) throw invalid(`Request id ${o.id}: invalid method '${String(o.method)}'.`);
    if (typeof o.url !== 'string' || o.url === '' || /^[a-z]+:\/\//i.test(o.url))
      throw invalid(`Request id ${o.id}: the url must be relative to the version, e.g. "/me/messages".`);
    const headers: Record<string, string> = {};
    if (o.headers !== undefined) {
      if (typeof o.headers !== 'object' || o.headers === null)
        throw invalid(`Request id ${o.id}: headers must be an object.`);
      for (const [k, v] of Object.entries(o.headers)) headers[k.toLowerCase()] = String(v);
    }
    if (o.body !== undefined && headers['content-type'] === undefined)
      throw invalid(`Write request id : ${o.id} does not contain Content-Type header or body.`);
    const dependsOn = o.dependsOn === undefined ? [] : o.dependsOn;
    if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string'))
      throw invalid(`Request id ${o.id}: dependsOn must be an array of ids.`);
    return {
      id: o.id,
      method,
      url: o.url,
      headers,
      ...(o.body !== undefined ? { body: o.body } : {}),
      dependsOn,
    };
  });
  for (const s of subs)
    for (const d of s.dependsOn)
      if (!seen.has(d)) throw invalid(`Request id ${s.id} depends on unknown request id ${d}.`);
  return subs;
}

function toSubRequest(outer: EmuRequest, s: SubRequest): EmuRequest {
  const url = s.url.startsWith('/') ? s.url : `/${s.url}`;
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const headers: Record<string, string> = { ...s.headers };
  if (headers.authorization === undefined && outer.headers.authorization)
    headers.authorization = outer.headers.authorization;
  const body = s.body === undefined ? '' : typeof s.body === 'string' ? s.body : JSON.stringify(s.body);
  return {
    method: s.method,
    rawPath: `/v1.0${path}`,
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers,
    body,
    origin: outer.origin,
    scope: 'batch',
    requestId: randomUUID(),
    clientRequestId: outer.clientRequestId,
    date: new Date().toISOString(),
  };
}

function subResponse(id: string, res: EmuResponse): Record<string, unknown> {
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  if (res.body !== undefined) headers['Content-Type'] = 'application/json';
  else if (res.text !== undefined) headers['Content-Type'] = 'text/plain';
  return {
    id,
    status: res.status,
    headers,
    ...(res.body !== undefined ? { body: res.body } : res.text !== undefined ? { body: res.text } : {}),
  };
}

export async function handleBatch(
  engine: Engine,
  outer: EmuRequest,
  run: (sub: EmuRequest) => Promise<EmuResponse>,
): Promise<EmuResponse> {
  const contentType = outer.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType))
    throw invalid('A $batch needs Content-Type: application/json.');
  const subs = parseRequests(outer.body);

  const done = new Map<string, EmuResponse>();
  let pending = [...subs];
  while (pending.length > 0) {
    const ready = pending.filter((s) => s.dependsOn.every((d) => done.has(d)));
    if (ready.length === 0) throw invalid('The dependsOn chain has a cycle.');
    for (const s of ready) {
      const failed = s.dependsOn.find((d) => (done.get(d)?.status ?? 0) >= 400);
      if (failed !== undefined) {
        const ids = { date: outer.date, requestId: randomUUID(), clientRequestId: outer.clientRequestId };
        done.set(
          s.id,
          json(
            424,
            errorEnvelope(
              'FailedDependency',
              `Request ${s.id} was not run: request ${failed}, which it depends on, failed.`,
              ids,
            ),
          ),
        );
        continue;
      }
      done.set(s.id, await run(toSubRequest(outer, s)));
    }
    pending = pending.filter((s) => !done.has(s.id));
  }
  const ordered = engine.options.batchOrder === 'sent' ? subs : shuffled(subs, engine.random);
  return json(200, { responses: ordered.map((s) => subResponse(s.id, done.get(s.id) as EmuResponse)) });
}
