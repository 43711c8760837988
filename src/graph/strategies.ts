// The "Contact Strategies" list as a StrategyRepository.
// sync(): first every row page by page through `items/delta`, whose last page gives the delta
// token; afterwards only the changes since that token (deletions removed, an item seen twice: the last wins). A 410 means
// the token expired: everything is loaded again. Rows that do not validate are reported in
// `rejected` with the strategy, the item and the field named: never dropped silently.
import type { Parsed, Strategy } from '../core/types';
import { batch } from './batch';
import type { GraphClient, GraphPage } from './client';
import { errorDetail } from '../common/error-detail';
import { GraphRequestError, isGraphError } from './errors';
import { eq, expandFields, segment, withQuery } from './odata';
import {
  ColumnFormatError,
  STRATEGIES_SCHEMA,
  fieldsToRawStrategy,
  selectColumns,
  strategyToFields,
  withoutNulls,
} from './schema';
import type { RejectedRow, SaveResult, StrategyRepository, StrategySnapshot } from './types';

/** core's parseStrategy: the error names the strategy and every bad field. */
export type StrategyValidator = (raw: unknown) => Parsed<Strategy>;

interface ListItem {
  id: string;
  eTag?: string;
  fields?: Record<string, unknown>;
  deleted?: { state?: string };
}

export interface StrategyRepositoryOptions {
  client: GraphClient;
  /** Path of the strategies list (`/sites/{host}:/{path}:/lists/{title}` or by ids). */
  listPath: () => Promise<string>;
  /** Turns a failed sync's 404 into a clearer error (the list is missing, or the site). */
  explainNotFound?: (err: unknown) => Promise<unknown>;
  scopes: readonly string[];
  validate: StrategyValidator;
  /** Rows asked for per page; the server may send fewer. */
  pageSize?: number;
  now?: () => Date;
  /** New strategy ids; default `CS-` and eight random base-32 characters. */
  newId?: () => string;
  /** Attempts at a create whose outcome was ambiguous (checked by id before each retry). */
  maxCreateAttempts?: number;
}

type Row =
  | { kind: 'ok'; itemId: string; strategy: Strategy }
  | { kind: 'rejected'; itemId: string; rejected: RejectedRow };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomStrategyId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `CS-${Array.from(bytes, (b) => ALPHABET[b % 32]).join('')}`;
}

function describeRow(itemId: string, fields: Record<string, unknown> | undefined): string {
  const id = typeof fields?.['Title'] === 'string' && fields['Title'] ? fields['Title'] : '(no strategy id)';
  const person =
    typeof fields?.['PersonName'] === 'string' && fields['PersonName'] ? ` (${fields['PersonName']})` : '';
  return `Strategy ${id}${person}, list item ${itemId}`;
}

/** Maps one row; a row that cannot be read or does not validate becomes a RejectedRow. */
function mapStrategyRow(item: ListItem, validate: StrategyValidator): Row {
  const where = describeRow(item.id, item.fields);
  if (!item.fields)
    return {
      kind: 'rejected',
      itemId: item.id,
      rejected: { itemId: item.id, message: `${where}: the row came without fields` },
    };
  let raw: unknown;
  try {
    raw = fieldsToRawStrategy(item.fields);
  } catch (err) {
    if (err instanceof ColumnFormatError)
      return {
        kind: 'rejected',
        itemId: item.id,
        rejected: { itemId: item.id, message: `${where}: ${err.message}` },
      };
    throw err;
  }
  const parsed = validate(raw);
  if (!parsed.ok) {
    return {
      kind: 'rejected',
      itemId: item.id,
      rejected: { itemId: item.id, message: `List item ${item.id}: ${parsed.error}` },
    };
  }
  const strategy: Strategy = { ...parsed.value };
  if (item.eTag) strategy.eTag = item.eTag;
  return { kind: 'ok', itemId: item.id, strategy };
}

function sameContent(a: Strategy, b: Strategy): boolean {
  return JSON.stringify(strategyToFields(a)) === JSON.stringify(strategyToFields(b));
}

export class InvalidStrategyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStrategyError';
  }
}

export interface SharePointStrategyRepository extends StrategyRepository {
  /** Forget the delta token and the rows: the next sync loads everything. */
  reset(): void;
}

export function createStrategyRepository(options: StrategyRepositoryOptions): SharePointStrategyRepository {
  const { client, scopes, validate } = options;
  const pageSize = options.pageSize ?? 500;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomStrategyId;
  const maxCreateAttempts = options.maxCreateAttempts ?? 4;
  const select = selectColumns(STRATEGIES_SCHEMA);
  const expand = expandFields(select);

  const rows = new Map<string, Row>();
  let deltaLink: string | undefined;
  let snapshot: StrategySnapshot | null = null;
  let inFlight: Promise<StrategySnapshot> | undefined;

  function buildSnapshot(): StrategySnapshot {
    const strategies: Strategy[] = [];
    const rejected: RejectedRow[] = [];
    const firstItemFor = new Map<string, string>();
    const ordered = [...rows.values()].sort(
      (a, b) => Number(a.itemId) - Number(b.itemId) || a.itemId.localeCompare(b.itemId),
    );
    for (const row of ordered) {
      if (row.kind === 'rejected') {
        rejected.push(row.rejected);
        continue;
      }
      const first = firstItemFor.get(row.strategy.id);
      if (first !== undefined) {
        rejected.push({
          itemId: row.itemId,
          message: `Strategy ${row.strategy.id} (${row.strategy.personName}), list item ${row.itemId}: the strategy id is already used by list item ${first}; this row is ignored until one of them is renamed`,
        });
        continue;
      }
      firstItemFor.set(row.strategy.id, row.itemId);
      strategies.push(row.strategy);
    }
    snapshot = { strategies, rejected, syncedAt: now().toISOString() };
    return snapshot;
  }

  function put(item: ListItem): void {
    rows.set(item.id, mapStrategyRow(item, validate));
  }

  async function fullLoad(list: string): Promise<void> {
    // One enumeration through delta: its pages are every row, and its last page carries the
    // deltaLink, so no separate token request comes first. The link marks where the enumeration
    // started, so anything changed while we page through is replayed by the next delta.
    const loaded = new Map<string, Row>();
    let link: string | undefined;
    for await (const page of client.pages<ListItem>({
      url: withQuery(`${list}/items/delta`, { $expand: expand, $top: pageSize }),
      scopes,
    })) {
      for (const item of page.value) {
        if (item.deleted) loaded.delete(item.id);
        else loaded.set(item.id, mapStrategyRow(item, validate));
      }
      link = page['@odata.deltaLink'] ?? link;
    }
    rows.clear();
    for (const [id, row] of loaded) rows.set(id, row);
    deltaLink = link;
  }

  /** Applies changes since the token; returns false when the token has expired (410). */
  async function applyDelta(link: string, list: string): Promise<boolean> {
    const changes = new Map<string, ListItem>();
    let newDelta: string | undefined;
    try {
      for await (const page of client.pages<ListItem>({ url: link, scopes })) {
        for (const item of page.value) {
          changes.delete(item.id);
          changes.set(item.id, item); // re-inserted so the last occurrence wins
        }
        newDelta = page['@odata.deltaLink'] ?? newDelta;
      }
    } catch (err) {
      if (isGraphError(err, 410)) return false;
      throw err;
    }
    const missingFields: string[] = [];
    for (const item of changes.values()) {
      if (item.deleted) rows.delete(item.id);
      else if (item.fields) put(item);
      else missingFields.push(item.id);
    }
    await refetch(list, missingFields);
    deltaLink = newDelta ?? link;
    return true;
  }

  /** Delta pages may carry ids only; those rows are read again, 20 to a $batch. */
  async function refetch(list: string, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const results = await batch(
      client,
      itemIds.map((id) => ({
        id,
        method: 'GET' as const,
        url: withQuery(`${list}/items/${segment(id)}`, { $expand: expand }),
      })),
      { scopes },
    );
    for (const id of itemIds) {
      const r = results.get(id);
      if (!r) continue;
      if (r.status === 404) rows.delete(id);
      else if (r.status >= 200 && r.status < 300) put(r.body as ListItem);
      else
        throw new GraphRequestError({
          status: r.status,
          message: `Reading strategy row ${id} failed`,
          method: 'GET',
        });
    }
  }

  async function doSync(): Promise<StrategySnapshot> {
    const list = await options.listPath();
    try {
      if (deltaLink === undefined || !(await applyDelta(deltaLink, list))) await fullLoad(list);
    } catch (err) {
      throw options.explainNotFound ? await options.explainNotFound(err) : err;
    }
    return buildSnapshot();
  }

  async function readItem(list: string, itemId: string): Promise<ListItem | null> {
    try {
      return await client.request<ListItem>({
        url: withQuery(`${list}/items/${segment(itemId)}`, { $expand: expand }),
        scopes,
      });
    } catch (err) {
      if (isGraphError(err, 404)) return null;
      throw err;
    }
  }

  async function findByStrategyId(list: string, strategyId: string): Promise<ListItem | null> {
    const page = await client.request<GraphPage<ListItem>>({
      url: withQuery(`${list}/items`, { $expand: expand, $filter: eq('Title', strategyId), $top: 2 }),
      scopes,
    });
    return page.value[0] ?? null;
  }

  function validated(strategy: Strategy): Strategy {
    const parsed = validate(fieldsToRawStrategy(strategyToFields(strategy)));
    if (!parsed.ok)
      throw new InvalidStrategyError(
        `Strategy ${strategy.id} (${strategy.personName}) cannot be saved: ${parsed.error}`,
      );
    return parsed.value;
  }

  function adopt(item: ListItem): Strategy | null {
    put(item);
    if (snapshot) buildSnapshot();
    const row = rows.get(item.id);
    return row?.kind === 'ok' ? row.strategy : null;
  }

  function forbidden(err: GraphRequestError, action: string): SaveResult {
    return {
      kind: 'forbidden',
      message: `You do not have permission to ${action} contact strategies (${errorDetail(err)}). Supervisors can; ask one.`,
    };
  }

  async function create(input: Omit<Strategy, 'id' | 'eTag'>): Promise<SaveResult> {
    const strategy = validated({ ...input, id: newId() } as Strategy);
    const list = await options.listPath();
    for (let attempt = 1; ; attempt++) {
      try {
        const item = await client.request<ListItem>({
          method: 'POST',
          url: `${list}/items`,
          body: { fields: withoutNulls(strategyToFields(strategy)) },
          scopes,
        });
        const full = item.fields && item.eTag ? item : ((await readItem(list, item.id)) ?? item);
        return { kind: 'saved', strategy: adopt(full) ?? strategy };
      } catch (err) {
        if (isGraphError(err, 403)) return forbidden(err, 'create');
        if (!(err instanceof GraphRequestError) || !err.ambiguous || attempt >= maxCreateAttempts) throw err;
        // The row may exist even though the answer was lost: look before sending it again.
        const existing = await findByStrategyId(list, strategy.id);
        if (existing) return { kind: 'saved', strategy: adopt(existing) ?? strategy };
      }
    }
  }

  function itemIdFor(strategyId: string): string | undefined {
    for (const row of rows.values())
      if (row.kind === 'ok' && row.strategy.id === strategyId) return row.itemId;
    return undefined;
  }

  async function update(strategy: Strategy): Promise<SaveResult> {
    const clean = validated(strategy);
    const list = await options.listPath();
    const itemId = itemIdFor(strategy.id) ?? (await findByStrategyId(list, strategy.id))?.id;
    if (!itemId) return { kind: 'conflict', current: null };
    if (!strategy.eTag)
      throw new InvalidStrategyError(
        `Strategy ${strategy.id} has no eTag: load it before editing, so a concurrent edit cannot be overwritten`,
      );
    try {
      await client.request({
        method: 'PATCH',
        url: `${list}/items/${segment(itemId)}/fields`,
        body: strategyToFields(clean),
        headers: { 'If-Match': strategy.eTag },
        scopes,
      });
    } catch (err) {
      if (isGraphError(err, 403)) return forbidden(err, 'edit');
      if (!isGraphError(err, 412)) throw err;
      const current = await readItem(list, itemId);
      if (!current) {
        rows.delete(itemId);
        if (snapshot) buildSnapshot();
        return { kind: 'conflict', current: null };
      }
      const now = adopt(current);
      // Our own write may have landed before its answer was lost and the retry met a new eTag.
      if (now && sameContent(now, clean)) return { kind: 'saved', strategy: now };
      return { kind: 'conflict', current: now };
    }
    const after = await readItem(list, itemId);
    if (!after) return { kind: 'conflict', current: null };
    return { kind: 'saved', strategy: adopt(after) ?? clean };
  }

  return {
    sync() {
      if (!inFlight) {
        inFlight = doSync().finally(() => (inFlight = undefined));
      }
      return inFlight;
    },
    cached: () => snapshot,
    create,
    update,
    reset() {
      rows.clear();
      deltaLink = undefined;
      snapshot = null;
    },
  };
}
