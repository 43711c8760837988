// List items: enumerate (filter, expand, paging), get, create, update with If-Match, delete.
import { type Ctx, type EmuResponse, hasPrefer, json, jsonBody } from '../context';
import { GraphHttpError, badRequest, notFound } from '../errors';
import { newGuid } from '../ids';
import { typedBody } from '../schema/strict';
import {
  type FilterExpr,
  type FilterScope,
  evaluateFilter,
  filterPaths,
  parseRequestFilter,
} from '../odata/filter';
import { absoluteUrl, param, parseExpand, rewriteQuery, topParam } from '../odata/query';
import type { ItemRec, ListRec, SiteRec } from '../state';
import { type ColumnRec, columnForKey } from './columns';
import {
  applyFieldWrite,
  checkUnique,
  eTagMatches,
  eTagOf,
  fieldValue,
  renderFields,
  resolveSelect,
  validateFieldWrite,
} from './fields';

export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export function nonIndexedMessage(field: string): string {
  return `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;
}

export function requireWriter(ctx: Ctx, list: ListRec): void {
  if (list.writers === 'supervisors' && !ctx.user.supervisor)
    throw new GraphHttpError(
      403,
      'accessDenied',
      'Access denied. You do not have permission to perform this action or access this resource.',
    );
}

export function findItem(list: ListRec, id: string): ItemRec {
  const item = /^\d+$/.test(id) ? list.items.find((i) => i.id === id) : undefined;
  if (!item) throw notFound('The specified list item was not found.');
  return item;
}

function person(ctx: Ctx, upn: string): Record<string, unknown> {
  const u = ctx.store.user(upn);
  return { user: { email: upn, id: u?.id, displayName: u?.displayName ?? upn } };
}

export function itemJson(
  ctx: Ctx,
  site: SiteRec,
  list: ListRec,
  item: ItemRec,
  fields?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    '@odata.etag': eTagOf(item),
    createdDateTime: item.createdDateTime,
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `https://${site.hostname}${site.path}/Lists/${encodeURIComponent(list.name)}/DispForm.aspx?ID=${item.id}`,
    createdBy: person(ctx, item.createdBy),
    lastModifiedBy: person(ctx, item.modifiedBy),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
    ...(fields ? { fields } : {}),
  };
}

/** The fields a request asked for through `$expand=fields(select=…)`, or none. */
export function expansion(ctx: Ctx, list: ListRec): { fields: boolean; selected?: ColumnRec[] } {
  const exp = parseExpand(ctx.query);
  if (!exp.fields) return { fields: false };
  return exp.select ? { fields: true, selected: resolveSelect(list, exp.select) } : { fields: true };
}

interface OrderKey {
  column: ColumnRec;
  desc: boolean;
}

/** SharePoint's answer to a query that would scan a list above the list view threshold. */
function thresholdError(ctx: Ctx): GraphHttpError {
  return ctx.engine.options.thresholdStatus === 429
    ? new GraphHttpError(
        429,
        'activityLimitReached',
        'The request has been throttled',
        {},
        'throttledRequest',
      )
    : new GraphHttpError(
        503,
        'serviceNotAvailable',
        'The attempted operation is prohibited because it exceeds the list view threshold.',
        {},
        'SPQueryThrottledException',
      );
}

/** Checks every field a filter or orderby names: known, indexed (or Prefer), list size. */
function checkQueryFields(ctx: Ctx, list: ListRec, names: string[]): ColumnRec[] {
  const columns = names.map((name) => {
    const column = columnForKey(list.columns, name);
    if (!column) throw badRequest(`Field '${name}' is not recognized.`);
    return column;
  });
  const nonIndexed = columns.find((c) => !c.indexed);
  if (nonIndexed) {
    if (!hasPrefer(ctx, PREFER_NON_INDEXED)) throw badRequest(nonIndexedMessage(nonIndexed.name));
    if (list.items.length > ctx.engine.options.listViewThreshold) throw thresholdError(ctx);
  }
  return columns;
}

export function compileItemFilter(ctx: Ctx, list: ListRec, text: string | undefined): FilterExpr | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const expr = parseRequestFilter(text, 'invalidRequest');
  const names = filterPaths(expr).map((path) => {
    if (path.length !== 2 || path[0] !== 'fields')
      throw badRequest(`Invalid filter clause: '${path.join('/')}': filter list items on fields/<name>.`);
    return path[1] as string;
  });
  const columns = checkQueryFields(ctx, list, names);
  // Above the threshold SharePoint narrows with one index at a time; a filter over two columns,
  // both indexed, is refused like a scan (stricter reading: docs/decisions/emulator.md).
  if (new Set(columns).size > 1 && list.items.length > ctx.engine.options.listViewThreshold)
    throw thresholdError(ctx);
  return expr;
}

function parseOrderBy(ctx: Ctx, list: ListRec): OrderKey[] {
  const raw = param(ctx.query, 'orderby');
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const m = /^\s*fields\/([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw badRequest(`Invalid $orderby '${part.trim()}': use fields/<name> [asc|desc].`);
    const [column] = checkQueryFields(ctx, list, [m[1] as string]);
    return { column: column as ColumnRec, desc: (m[2] ?? '').toLowerCase() === 'desc' };
  });
}

export function itemMatcher(
  ctx: Ctx,
  list: ListRec,
  expr: FilterExpr | undefined,
): (item: ItemRec) => boolean {
  if (!expr) return () => true;
  // Columns are looked up once per query, not once per row.
  const columns = new Map<string, ColumnRec | undefined>();
  const column = (path: string[]): ColumnRec | undefined => {
    const key = path[1] ?? '';
    if (!columns.has(key)) columns.set(key, columnForKey(list.columns, key));
    return columns.get(key);
  };
  const users = ctx.store.state.users;
  let current: ItemRec | undefined;
  const scope: FilterScope = {
    get: (path) => {
      const c = column(path);
      if (!c || !current) return undefined;
      const v = fieldValue(current, c, users);
      return c.name === 'id' ? Number(v) : v;
    },
    isDate: (path) => column(path)?.type === 'dateTime',
  };
  return (item) => {
    current = item;
    return evaluateFilter(expr, scope);
  };
}

function compareForOrder(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).toLowerCase() < String(b).toLowerCase() ? -1 : 1;
}

/** SharePoint-style skip token: base64 of `Paged=TRUE&p_ID=<last id>` (or an offset when sorted). */
export function encodeSkipToken(position: { afterId?: number; offset?: number }): string {
  const text =
    position.offset !== undefined
      ? `Paged=TRUE&p_Offset=${position.offset}`
      : `Paged=TRUE&p_ID=${position.afterId ?? 0}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): { afterId?: number; offset?: number } {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const id = /^Paged=TRUE&p_ID=(\d+)$/.exec(text);
  if (id) return { afterId: Number(id[1]) };
  const off = /^Paged=TRUE&p_Offset=(\d+)$/.exec(text);
  if (off) return { offset: Number(off[1]) };
  throw badRequest('The $skiptoken is not valid.');
}

export function listItems(ctx: Ctx, site: SiteRec, list: ListRec): EmuResponse {
  const exp = expansion(ctx, list);
  const expr = compileItemFilter(ctx, list, param(ctx.query, 'filter'));
  const order = parseOrderBy(ctx, list);
  const cap = ctx.engine.options.pageCap;
  const top = topParam(ctx.query, cap, cap);
  const rawToken = param(ctx.query, 'skiptoken');
  const position = rawToken ? decodeSkipToken(rawToken) : order.length ? { offset: 0 } : { afterId: 0 };
  const link = (pos: { afterId?: number; offset?: number }): string =>
    absoluteUrl(
      ctx.req.origin,
      ctx.req.rawPath,
      rewriteQuery(ctx.req.rawQuery, ['skiptoken'], { $skiptoken: encodeSkipToken(pos) }),
    );

  if (ctx.takeEmptyPage()) return json(200, { value: [], '@odata.nextLink': link(position) });

  const match = itemMatcher(ctx, list, expr);
  let page: ItemRec[];
  let next: { afterId?: number; offset?: number } | undefined;
  if (order.length) {
    const users = ctx.store.state.users;
    const sorted = list.items.filter(match).sort((a, b) => {
      for (const k of order) {
        const c = compareForOrder(fieldValue(a, k.column, users), fieldValue(b, k.column, users));
        if (c !== 0) return k.desc ? -c : c;
      }
      return Number(a.id) - Number(b.id);
    });
    const offset = position.offset ?? 0;
    page = sorted.slice(offset, offset + top);
    if (offset + top < sorted.length) next = { offset: offset + top };
  } else {
    const after = position.afterId ?? 0;
    // Stop at one match past the page: enough to know whether there is a next page.
    const found: ItemRec[] = [];
    for (const i of list.items) {
      if (Number(i.id) > after && match(i)) found.push(i);
      if (found.length > top) break;
    }
    page = found.slice(0, top);
    const last = page[page.length - 1];
    if (found.length > top && last) next = { afterId: Number(last.id) };
  }
  const users = ctx.store.state.users;
  const value = page.map((item) =>
    itemJson(ctx, site, list, item, exp.fields ? renderFields(list, item, users, exp.selected) : undefined),
  );
  return json(200, { value, ...(next ? { '@odata.nextLink': link(next) } : {}) });
}

export function getItem(ctx: Ctx, site: SiteRec, list: ListRec, id: string): EmuResponse {
  const item = findItem(list, id);
  const exp = expansion(ctx, list);
  const fields = exp.fields ? renderFields(list, item, ctx.store.state.users, exp.selected) : undefined;
  return json(200, itemJson(ctx, site, list, item, fields), { ETag: eTagOf(item) });
}

export function getItemFields(ctx: Ctx, list: ListRec, id: string): EmuResponse {
  const item = findItem(list, id);
  const select = param(ctx.query, 'select');
  const selected = select
    ? resolveSelect(
        list,
        select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
    : undefined;
  return json(200, renderFields(list, item, ctx.store.state.users, selected), { ETag: eTagOf(item) });
}

export function createItem(ctx: Ctx, site: SiteRec, list: ListRec): EmuResponse {
  requireWriter(ctx, list);
  const body = typedBody(ctx.req, 'ListItem');
  if (body.fields === undefined) throw badRequest('A list item needs a "fields" object.');
  const values = validateFieldWrite(list, body.fields);
  checkUnique(list, values);
  const now = ctx.store.nowIso();
  const item: ItemRec = {
    id: String(list.nextId),
    guid: newGuid(),
    version: 1,
    seq: ctx.store.nextSeq(),
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: ctx.user.upn,
    modifiedBy: ctx.user.upn,
    fields: {},
  };
  applyFieldWrite(item, values);
  list.nextId += 1;
  list.items.push(item);
  list.lastModifiedDateTime = now;
  ctx.store.changed();
  const fields = renderFields(list, item, ctx.store.state.users);
  return json(201, itemJson(ctx, site, list, item, fields), {
    ETag: eTagOf(item),
    Location: `${ctx.req.origin}/v1.0/sites/${site.id}/lists/${list.id}/items/${item.id}`,
  });
}

function checkIfMatch(ctx: Ctx, item: ItemRec): void {
  const header = ctx.req.headers['if-match'];
  if (header !== undefined && !eTagMatches(item, header))
    throw new GraphHttpError(
      412,
      'resourceModified',
      "The request ETag value does not match the object's ETag value.",
      {},
      'entityTagDoesNotMatch',
    );
}

export function updateItemFields(ctx: Ctx, list: ListRec, id: string): EmuResponse {
  requireWriter(ctx, list);
  const item = findItem(list, id);
  checkIfMatch(ctx, item);
  const values = validateFieldWrite(list, jsonBody(ctx.req));
  checkUnique(list, values, item);
  applyFieldWrite(item, values);
  item.version += 1;
  item.seq = ctx.store.nextSeq();
  item.lastModifiedDateTime = ctx.store.nowIso();
  item.modifiedBy = ctx.user.upn;
  list.lastModifiedDateTime = item.lastModifiedDateTime;
  ctx.store.changed();
  return json(200, renderFields(list, item, ctx.store.state.users), { ETag: eTagOf(item) });
}

export function deleteItem(ctx: Ctx, list: ListRec, id: string): EmuResponse {
  requireWriter(ctx, list);
  const item = findItem(list, id);
  checkIfMatch(ctx, item);
  list.items = list.items.filter((i) => i !== item);
  list.tombstones.push({ id: item.id, seq: ctx.store.nextSeq() });
  list.lastModifiedDateTime = ctx.store.nowIso();
  ctx.store.changed();
  return { status: 204 };
}
