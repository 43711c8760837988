// List-item delta: a full enumeration, then changes since a token (deletions as tombstones);
// `token=latest`; tokens expire after a TTL or on demand, answered with 410 and a Location.
import { type Ctx, type EmuResponse, json } from '../context';
import { GraphHttpError, badRequest } from '../errors';
import { absoluteUrl, param, rewriteQuery, topParam } from '../odata/query';
import type { ItemRec, ListRec, SiteRec } from '../state';
import { renderFields } from './fields';
import { expansion, itemJson } from './items';

/** What a delta token remembers. `k`/`a` continue a page; without them it is a deltaLink. */
interface DeltaToken {
  /** List id. */
  l: string;
  /** Changes after this sequence number are "new". */
  s: number;
  /** Upper bound of this round (sequence when it started). */
  u: number;
  /** Issued at (ms). */
  t: number;
  /** Epoch issued in. */
  e: number;
  /** Full enumeration: continue after this item id. */
  a?: number;
  /** Changes: continue after this sequence number. */
  k?: number;
}

const encode = (t: DeltaToken): string => Buffer.from(JSON.stringify(t), 'utf8').toString('base64url');

function decode(text: string, list: ListRec): DeltaToken {
  let t: DeltaToken;
  try {
    t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as DeltaToken;
  } catch {
    throw badRequest('The delta token is not valid.');
  }
  if (typeof t !== 'object' || t === null || typeof t.s !== 'number' || typeof t.l !== 'string')
    throw badRequest('The delta token is not valid.');
  if (t.l !== list.id) throw badRequest('The delta token belongs to another list.');
  return t;
}

type Change = { kind: 'item'; item: ItemRec; seq: number } | { kind: 'deleted'; id: string; seq: number };

export function itemsDelta(ctx: Ctx, site: SiteRec, list: ListRec): EmuResponse {
  if (param(ctx.query, 'filter') !== undefined) throw badRequest('$filter is not supported on delta.');
  const exp = expansion(ctx, list);
  const cap = ctx.engine.options.pageCap;
  const top = topParam(ctx.query, cap, cap);
  const store = ctx.store;
  const now = store.now();
  const epoch = store.state.deltaEpoch;
  const rawToken = param(ctx.query, 'token');
  const link = (t: DeltaToken): string =>
    absoluteUrl(
      ctx.req.origin,
      ctx.req.rawPath,
      rewriteQuery(ctx.req.rawQuery, ['token', 'skiptoken'], { token: encode(t) }),
    );
  const fresh = (): DeltaToken => ({ l: list.id, s: store.state.seq, u: store.state.seq, t: now, e: epoch });

  if (rawToken === 'latest') return json(200, { value: [], '@odata.deltaLink': link(fresh()) });

  let token: DeltaToken;
  if (rawToken === undefined) {
    token = { l: list.id, s: 0, u: store.state.seq, t: now, e: epoch, a: 0 };
  } else {
    token = decode(rawToken, list);
    if (token.e !== epoch || now - token.t > ctx.engine.options.deltaTokenTtlMs) {
      throw new GraphHttpError(
        410,
        'resyncChangesApplyDifferences',
        "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
        {
          Location: absoluteUrl(
            ctx.req.origin,
            ctx.req.rawPath,
            rewriteQuery(ctx.req.rawQuery, ['token', 'skiptoken'], {}),
          ),
        },
        'resyncRequired',
      );
    }
    if (token.a === undefined && token.k === undefined)
      token = { ...token, u: store.state.seq, t: now, k: token.s };
  }

  if (ctx.takeEmptyPage()) return json(200, { value: [], '@odata.nextLink': link(token) });

  let page: Change[];
  let more: boolean;
  if (token.a !== undefined) {
    const after = token.a;
    const remaining = list.items.filter((i) => Number(i.id) > after);
    page = remaining.slice(0, top).map((item) => ({ kind: 'item', item, seq: item.seq }));
    more = remaining.length > top;
  } else {
    const after = token.k ?? token.s;
    const changes: Change[] = [
      ...list.items
        .filter((i) => i.seq > after && i.seq <= token.u)
        .map((item): Change => ({ kind: 'item', item, seq: item.seq })),
      ...list.tombstones
        .filter((d) => d.seq > after && d.seq <= token.u)
        .map((d): Change => ({ kind: 'deleted', id: d.id, seq: d.seq })),
    ].sort((x, y) => x.seq - y.seq);
    page = changes.slice(0, top);
    more = changes.length > top;
  }

  const users = store.state.users;
  const value = page.map((c) =>
    c.kind === 'deleted'
      ? { id: c.id, parentReference: { siteId: site.id }, deleted: { state: 'deleted' } }
      : itemJson(
          ctx,
          site,
          list,
          c.item,
          exp.fields ? renderFields(list, c.item, users, exp.selected) : undefined,
        ),
  );
  const last = page[page.length - 1];
  if (more && last) {
    const next: DeltaToken =
      token.a !== undefined && last.kind === 'item'
        ? { ...token, a: Number(last.item.id) }
        : { ...token, k: last.seq };
    return json(200, { value, '@odata.nextLink': link(next) });
  }
  const done: DeltaToken = { l: list.id, s: token.u, u: token.u, t: now, e: epoch };
  return json(200, { value, '@odata.deltaLink': link(done) });
}
