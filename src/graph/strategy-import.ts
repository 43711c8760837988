// Writes an import plan's new strategies to the "Contact Strategies" list, 20 to a $batch.
// Idempotent on the strategy reference (the Title column): only `create` steps are written, and a
// create whose answer was lost (no response, a 5xx) is looked up by its reference before it is
// sent again, so a reference is never written twice by one import. Conflicts and unchanged rows
// are never sent: the list is not overwritten.
import type { ImportStep } from '../core/register/import';
import type { Strategy } from '../core/types';
import { batch, MAX_BATCH, type BatchRequest, type BatchResponse } from './batch';
import type { GraphClient } from './client';
import { GraphRequestError } from './errors';
import { eq, withQuery } from './odata';
import { strategyToFields, withoutNulls } from './schema';

export type CreateOutcome =
  | { kind: 'created'; row: number; id: string }
  /** The list refused the row (e.g. 400, 403): nothing was written. */
  | { kind: 'refused'; row: number; id: string; status: number; message: string }
  /** No answer after every attempt: it may or may not be on the list. Running the import again settles it. */
  | { kind: 'unconfirmed'; row: number; id: string };

export interface ApplyOptions {
  client: GraphClient;
  /** The list's path, e.g. `/sites/{host}:/{path}:/lists/Contact Strategies`. */
  list: string;
  scopes: readonly string[];
  /** Rounds of create-then-check for answers that were lost (default 3). */
  maxRounds?: number;
}

type Create = Extract<ImportStep, { kind: 'create' }>;

function createRequest(list: string, step: Create, n: number): BatchRequest {
  return {
    id: String(n),
    method: 'POST',
    url: `${list}/items`,
    body: { fields: withoutNulls(strategyToFields(step.strategy)) },
  };
}

function lookupRequest(list: string, strategy: Strategy, n: number): BatchRequest {
  return {
    id: String(n),
    method: 'GET',
    url: withQuery(`${list}/items`, { $filter: eq('Title', strategy.id), $top: 1, $select: 'id' }),
  };
}

function errorMessage(r: BatchResponse): string {
  const body = r.body as { error?: { message?: unknown } } | undefined;
  const m = body?.error?.message;
  return typeof m === 'string' && m !== '' ? m : `HTTP ${r.status}`;
}

const isSuccess = (status: number) => status >= 200 && status < 300;
/** Statuses after which the server may or may not have written the row. */
const isAmbiguous = (status: number) => status === 0 || status >= 500;

/**
 * $batch, one batch of 20 at a time, so a batch whose whole answer is lost (a dropped connection,
 * a 5xx for the batch) costs only its own requests: they are left without an answer, to be looked up.
 */
async function batchEach(
  client: GraphClient,
  requests: readonly BatchRequest[],
  scopes: readonly string[],
): Promise<Map<string, BatchResponse>> {
  const answers = new Map<string, BatchResponse>();
  for (let at = 0; at < requests.length; at += MAX_BATCH) {
    try {
      const part = await batch(client, requests.slice(at, at + MAX_BATCH), { scopes });
      for (const [id, r] of part) answers.set(id, r);
    } catch (err) {
      if (!(err instanceof GraphRequestError) || !err.ambiguous) throw err;
    }
  }
  return answers;
}

/** Sends the plan's creates; returns one outcome per create, in plan order. */
export async function applyCreates(
  steps: readonly ImportStep[],
  options: ApplyOptions,
): Promise<CreateOutcome[]> {
  const { client, list, scopes } = options;
  const creates = steps.filter((s): s is Create => s.kind === 'create');
  const outcome = new Map<Create, CreateOutcome>();
  let pending = creates;
  for (let round = 1; pending.length > 0; round++) {
    const answers = await batchEach(
      client,
      pending.map((s, i) => createRequest(list, s, i)),
      scopes,
    );
    const lost: Create[] = [];
    pending.forEach((step, i) => {
      const r = answers.get(String(i));
      const id = step.strategy.id;
      if (r !== undefined && isSuccess(r.status)) outcome.set(step, { kind: 'created', row: step.row, id });
      else if (r === undefined || isAmbiguous(r.status)) lost.push(step);
      else
        outcome.set(step, { kind: 'refused', row: step.row, id, status: r.status, message: errorMessage(r) });
    });
    if (lost.length === 0) break;
    // Did the lost creates land? Look each up by its reference before sending it again.
    const found = await batchEach(
      client,
      lost.map((s, i) => lookupRequest(list, s.strategy, i)),
      scopes,
    );
    pending = [];
    lost.forEach((step, i) => {
      const r = found.get(String(i));
      const value = (r?.body as { value?: unknown[] } | undefined)?.value;
      const id = step.strategy.id;
      if (r !== undefined && isSuccess(r.status) && Array.isArray(value) && value.length > 0)
        outcome.set(step, { kind: 'created', row: step.row, id });
      else if (r !== undefined && isSuccess(r.status) && round < (options.maxRounds ?? 3)) pending.push(step);
      else outcome.set(step, { kind: 'unconfirmed', row: step.row, id });
    });
  }
  return creates.map((s) => outcome.get(s) ?? { kind: 'unconfirmed', row: s.row, id: s.strategy.id });
}
