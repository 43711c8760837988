// JSON $batch: several Graph requests in one HTTP request (docs/graph-contract.md §4).
// - at most 20 requests per batch: split, keeping requests tied by dependsOn together;
// - responses come in any order: correlated by id;
// - each sub-request is throttled on its own, so a 429 arrives inside a 200 and the SDK's retry
//   never sees it: retried here after the sub-response's Retry-After, together with the requests
//   that failed with 424 because they depended on it.
import type { GraphClient, HttpMethod } from './client';
import { backoffDelay, parseRetryAfter } from '../common/retry-timing';
import { DEFAULT_RETRY, retryReason, type RetryOptions } from './retry';

export const MAX_BATCH = 20;

export interface BatchRequest {
  id: string;
  method: HttpMethod;
  /** Relative to the version root, e.g. `/sites/{id}/lists/{id}/items?$filter=…` (encoded). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse<T = unknown> {
  id: string;
  /** HTTP status of the sub-request; 0 when the batch answered without it. */
  status: number;
  headers: Record<string, string>;
  body: T;
}

interface WireResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchOptions {
  scopes: readonly string[];
  retry?: RetryOptions;
}

function validate(requests: readonly BatchRequest[]): Map<string, BatchRequest> {
  const byId = new Map<string, BatchRequest>();
  for (const r of requests) {
    if (byId.has(r.id))
      throw new Error(`Duplicate $batch request id ${JSON.stringify(r.id)} (Graph rejects the whole batch)`);
    byId.set(r.id, r);
  }
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!byId.has(d))
        throw new Error(`$batch request ${JSON.stringify(r.id)} depends on unknown id ${JSON.stringify(d)}`);
    }
  }
  return byId;
}

/** Groups requests tied by dependsOn (they must share a batch), then packs groups into ≤20. */
export function chunk(requests: readonly BatchRequest[], max = MAX_BATCH): BatchRequest[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const r of requests) parent.set(r.id, r.id);
  for (const r of requests)
    for (const d of r.dependsOn ?? []) if (parent.has(d)) parent.set(find(r.id), find(d));
  const groups = new Map<string, BatchRequest[]>();
  for (const r of requests) {
    const root = find(r.id);
    const group = groups.get(root) ?? [];
    group.push(r);
    groups.set(root, group);
  }
  const chunks: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  for (const group of groups.values()) {
    if (group.length > max)
      throw new Error(
        `${group.length} $batch requests depend on each other; at most ${max} fit in one batch`,
      );
    if (current.length + group.length > max) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

function toWire(r: BatchRequest, pendingIds: ReadonlySet<string>): Record<string, unknown> {
  const headers = { ...(r.headers ?? {}) };
  if (r.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  // A dependency that already succeeded in an earlier round is not sent again.
  const dependsOn = (r.dependsOn ?? []).filter((d) => pendingIds.has(d));
  return {
    id: r.id,
    method: r.method,
    url: r.url,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(dependsOn.length ? { dependsOn } : {}),
  };
}

/** Sends the requests in as few batches as allowed; returns one response per id. */
export async function batch(
  client: GraphClient,
  requests: readonly BatchRequest[],
  options: BatchOptions,
): Promise<Map<string, BatchResponse>> {
  const byId = validate(requests);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const results = new Map<string, BatchResponse>();
  let pending = [...requests];
  for (let round = 1; pending.length > 0; round++) {
    const pendingIds = new Set(pending.map((r) => r.id));
    for (const part of chunk(pending)) {
      const idempotent = part.every((r) => r.method !== 'POST');
      const answer = await client.request<{ responses?: WireResponse[] }>({
        method: 'POST',
        url: '/$batch',
        body: { requests: part.map((r) => toWire(r, pendingIds)) },
        scopes: options.scopes,
        idempotent,
      });
      for (const r of part)
        results.set(r.id, {
          id: r.id,
          status: 0,
          headers: {},
          body: { error: { code: '', message: 'No response for this request in the $batch answer' } },
        });
      for (const w of answer.responses ?? []) {
        const id = String(w.id);
        if (!byId.has(id)) continue;
        results.set(id, { id, status: Number(w.status) || 0, headers: lowerKeys(w.headers), body: w.body });
      }
    }
    const again = retryable(pending, results);
    if (again.length === 0 || round >= retry.maxAttempts) break;
    const waits = again
      .map((r) => parseRetryAfter(results.get(r.id)?.headers['retry-after'], retry.now()))
      .filter((w): w is number => w !== null);
    const delayMs = waits.length
      ? Math.min(Math.max(...waits), retry.maxRetryAfterMs)
      : backoffDelay(round, retry.baseDelayMs, retry.maxDelayMs, retry.random);
    options.retry?.onRetry?.({
      attempt: round,
      reason: 'throttled',
      delayMs,
      retryAfterVisible: waits.length > 0,
      method: 'BATCH',
    });
    await retry.sleep(delayMs);
    pending = again;
  }
  return results;
}

/** Throttled sub-requests, plus the 424s whose failed dependency is one of them. */
function retryable(
  sent: readonly BatchRequest[],
  results: ReadonlyMap<string, BatchResponse>,
): BatchRequest[] {
  const again = new Set<string>();
  for (const r of sent) {
    const status = results.get(r.id)?.status ?? 0;
    const reason =
      status === 0
        ? retryReason({ networkError: true }, r.method !== 'POST')
        : retryReason({ status }, r.method !== 'POST');
    if (reason !== null) again.add(r.id);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of sent) {
      if (again.has(r.id) || results.get(r.id)?.status !== 424) continue;
      if ((r.dependsOn ?? []).some((d) => again.has(d))) {
        again.add(r.id);
        grew = true;
      }
    }
  }
  return sent.filter((r) => again.has(r.id));
}
