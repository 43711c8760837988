// /sites/…: site by path or id, lists, columns, items and delta.
import { type Ctx, type EmuResponse, json } from '../context';
import { typedBody } from '../schema/strict';
import { GraphHttpError, badRequest, notFound } from '../errors';
import { hashGuid } from '../ids';
import { evaluateFilter, parseRequestFilter } from '../odata/filter';
import { param } from '../odata/query';
import type { ListRec, SiteRec } from '../state';
import { type ColumnRec, addColumn, builtInColumns, columnFromDefinition, columnJson } from './columns';
import { itemsDelta } from './delta';
import { createItem, deleteItem, getItem, getItemFields, listItems, updateItemFields } from './items';
import type { SeedColumn } from '../types';

export const methodNotAllowed = (): GraphHttpError =>
  new GraphHttpError(405, 'methodNotAllowed', 'The HTTP method is not allowed on this resource.');

/** `host:/server/relative/path[:/rest]`, `host,guid,guid[/rest]` or `root`. */
function resolveSite(ctx: Ctx, segs: string[]): { site: SiteRec; rest: string[] } {
  const first = segs[0];
  if (!first) throw badRequest('A site id or hostname:/path is required.', 'BadRequest');
  if (first.includes(':')) {
    const joined = segs.join('/');
    const m = /^([^:/]+):(\/[^:]*)?(?::(\/.*)?)?$/.exec(joined);
    if (!m) throw badRequest(`'${joined}' is not hostname:/server-relative-path.`, 'BadRequest');
    const site = ctx.store.siteByPath(m[1] as string, m[2] ?? '/');
    if (!site) throw notFound('Requested site could not be found');
    const rest = (m[3] ?? '').split('/').filter((s) => s.length > 0);
    return { site, rest };
  }
  const site =
    first === 'root'
      ? (ctx.store.state.sites.find((s) => s.path === '/') ?? ctx.store.state.sites[0])
      : ctx.store.siteById(first);
  if (!site) throw notFound('Requested site could not be found');
  return { site, rest: segs.slice(1) };
}

function siteJson(site: SiteRec): Record<string, unknown> {
  return {
    id: site.id,
    name: site.path.split('/').filter(Boolean).pop() ?? site.hostname,
    displayName: site.displayName,
    webUrl: `https://${site.hostname}${site.path === '/' ? '' : site.path}`,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime,
    siteCollection: { hostname: site.hostname },
  };
}

function listJson(
  site: SiteRec,
  list: ListRec,
  withColumns: boolean,
  withSystem: boolean,
): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},${list.columns.length}"`,
    createdDateTime: list.createdDateTime,
    description: '',
    displayName: list.displayName,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: `https://${site.hostname}${site.path}/Lists/${encodeURIComponent(list.name)}`,
    list: { contentTypesEnabled: false, hidden: list.system, template: 'genericList' },
    parentReference: { siteId: site.id },
    ...(withSystem && list.system ? { system: {} } : {}),
    ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

function requireSiteOwner(ctx: Ctx): void {
  if (!ctx.user.supervisor)
    throw new GraphHttpError(
      403,
      'accessDenied',
      'Access denied. Only site owners (supervisors in the emulator) may change lists and columns.',
    );
}

function getLists(ctx: Ctx, site: SiteRec): EmuResponse {
  const select = (param(ctx.query, 'select') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const withSystem = select.includes('system');
  const withColumns = /\bcolumns\b/i.test(param(ctx.query, 'expand') ?? '');
  let lists = site.lists
    .filter((l) => withSystem || !l.system)
    .map((l) => listJson(site, l, withColumns, withSystem));
  const filter = param(ctx.query, 'filter');
  if (filter) {
    const expr = parseRequestFilter(filter, 'invalidRequest');
    lists = lists.filter((l) =>
      evaluateFilter(expr, {
        get: (path) => path.reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p], l),
      }),
    );
  }
  return json(200, { value: lists });
}

function createList(ctx: Ctx, site: SiteRec): EmuResponse {
  requireSiteOwner(ctx);
  const body = typedBody(ctx.req, 'List');
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '')
    throw badRequest('A list needs a displayName.');
  if (site.lists.some((l) => l.displayName.toLowerCase() === displayName.toLowerCase()))
    throw new GraphHttpError(
      409,
      'nameAlreadyExists',
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site: ${displayName}.`,
    );
  const template = (body.list as { template?: unknown } | undefined)?.template;
  if (template !== undefined && template !== 'genericList')
    throw badRequest(`The emulator creates genericList lists only, not '${String(template)}'.`);
  const now = ctx.store.nowIso();
  const listKey = `${site.id}:${displayName.toLowerCase()}`;
  const list: ListRec = {
    id: hashGuid(`list:${listKey}`),
    displayName,
    name: displayName,
    system: false,
    writers: 'everyone',
    createdDateTime: now,
    lastModifiedDateTime: now,
    columns: builtInColumns(),
    items: [],
    nextId: 1,
    tombstones: [],
  };
  const columns = body.columns ?? [];
  if (!Array.isArray(columns)) throw badRequest('"columns" must be an array.');
  columns.forEach((c: SeedColumn, i: number) =>
    addColumn(list.columns, columnFromDefinition(c, listKey, `columns[${i}]`)),
  );
  site.lists.push(list);
  ctx.store.changed();
  return json(201, listJson(site, list, true, false));
}

function createColumn(ctx: Ctx, list: ListRec, site: SiteRec): EmuResponse {
  requireSiteOwner(ctx);
  const body = typedBody(ctx.req, 'ColumnDefinition') as SeedColumn;
  const column = columnFromDefinition(body, `${site.id}:${list.displayName.toLowerCase()}`, 'column');
  addColumn(list.columns, column);
  list.lastModifiedDateTime = ctx.store.nowIso();
  ctx.store.changed();
  return json(201, columnJson(column));
}

const PATCHABLE_COLUMN = new Set([
  'indexed',
  'displayName',
  'description',
  'required',
  'hidden',
  'enforceUniqueValues',
]);

/** Indexing (any column, as in List settings > Indexed columns) and relabelling; never a rename or retype. */
function patchColumn(ctx: Ctx, list: ListRec, column: ColumnRec): EmuResponse {
  requireSiteOwner(ctx);
  const body = typedBody(ctx.req, 'ColumnDefinition');
  for (const [key, value] of Object.entries(body)) {
    if (key === 'name' && value === column.name) continue;
    if (!PATCHABLE_COLUMN.has(key)) throw badRequest(`Column property '${key}' cannot be changed.`);
    if ((key === 'indexed' || key === 'enforceUniqueValues') && typeof value !== 'boolean')
      throw badRequest(`${key} must be true or false.`);
    if (column.readOnly && key !== 'indexed') throw badRequest(`Column '${column.name}' is read-only.`);
  }
  const indexed = typeof body.indexed === 'boolean' ? body.indexed : column.indexed;
  const unique =
    typeof body.enforceUniqueValues === 'boolean' ? body.enforceUniqueValues : column.unique === true;
  // SharePoint: unique values need an index, and the index cannot go while they are enforced.
  if (unique && !indexed)
    throw badRequest(`Column '${column.name}': enforceUniqueValues needs the column to be indexed.`);
  if (unique && column.unique !== true) {
    const seen = new Set<string>();
    for (const item of list.items) {
      const v = item.fields[column.name];
      if (v === undefined || v === null || v === '') continue;
      const key = String(v).toLowerCase();
      if (seen.has(key))
        throw badRequest(`Column '${column.name}' cannot enforce unique values: it holds duplicate values.`);
      seen.add(key);
    }
  }
  column.indexed = indexed;
  column.unique = unique;
  if (typeof body.hidden === 'boolean') column.hidden = body.hidden;
  if (typeof body.displayName === 'string' && body.displayName.trim() !== '')
    column.displayName = body.displayName;
  if (typeof body.description === 'string') column.description = body.description;
  if (typeof body.required === 'boolean') column.required = body.required;
  list.lastModifiedDateTime = ctx.store.nowIso();
  ctx.store.changed();
  return json(200, columnJson(column));
}

export function sitesRoute(ctx: Ctx, segs: string[]): EmuResponse {
  const { site, rest } = resolveSite(ctx, segs);
  const method = ctx.req.method;
  const [a, listRef, b, c, d, ...extra] = rest;
  if (a === undefined) {
    if (method !== 'GET') throw methodNotAllowed();
    return json(200, siteJson(site));
  }
  if (a !== 'lists') throw badRequest(`Resource not found for the segment '${a}'.`, 'BadRequest');
  if (listRef === undefined) {
    if (method === 'GET') return getLists(ctx, site);
    if (method === 'POST') return createList(ctx, site);
    throw methodNotAllowed();
  }
  const list = ctx.store.list(site, listRef);
  if (!list)
    throw notFound(
      `List '${listRef}' does not exist at site with URL 'https://${site.hostname}${site.path}'.`,
    );
  if (b === undefined) {
    if (method !== 'GET') throw methodNotAllowed();
    return json(200, listJson(site, list, /\bcolumns\b/i.test(param(ctx.query, 'expand') ?? ''), false));
  }
  if (extra.length > 0) throw badRequest(`Resource not found for the segment '${extra[0]}'.`, 'BadRequest');
  if (b === 'columns') {
    if (d !== undefined) throw badRequest(`Resource not found for the segment '${d}'.`, 'BadRequest');
    if (c === undefined) {
      if (method === 'GET') return json(200, { value: list.columns.map(columnJson) });
      if (method === 'POST') return createColumn(ctx, list, site);
      throw methodNotAllowed();
    }
    const column = list.columns.find((x) => x.id === c || x.name === c);
    if (!column) throw notFound(`Column '${c}' does not exist.`);
    if (method === 'GET') return json(200, columnJson(column));
    if (method === 'PATCH') return patchColumn(ctx, list, column);
    throw methodNotAllowed();
  }
  if (b !== 'items') throw badRequest(`Resource not found for the segment '${b}'.`, 'BadRequest');
  if (c === undefined) {
    if (method === 'GET') return listItems(ctx, site, list);
    if (method === 'POST') return createItem(ctx, site, list);
    throw methodNotAllowed();
  }
  if (c === 'delta' || c === 'delta()') {
    if (method !== 'GET' || d !== undefined) throw methodNotAllowed();
    return itemsDelta(ctx, site, list);
  }
  if (d === undefined) {
    if (method === 'GET') return getItem(ctx, site, list, c);
    if (method === 'DELETE') return deleteItem(ctx, list, c);
    throw methodNotAllowed();
  }
  if (d !== 'fields') throw badRequest(`Resource not found for the segment '${d}'.`, 'BadRequest');
  if (method === 'GET') return getItemFields(ctx, list, c);
  if (method === 'PATCH') return updateItemFields(ctx, list, c);
  throw methodNotAllowed();
}
