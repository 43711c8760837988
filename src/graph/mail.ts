// MailActions on the signed-in user's mailbox (/me) or a shared one (/users/{upn}).
// Every request asks for immutable ids (`Prefer: IdType="ImmutableId"`), so an id survives a
// move. The id Office.js gives (through convertToRestId) is a regular REST id, which changes
// when the message moves: it is turned into the immutable id once per item, before the first
// action, and every action and every "did it move?" re-check uses that. Categories are a whole-set PATCH: read, merge,
// write. Master categories on a shared mailbox are usually forbidden to delegates: that is
// reported as `missing`, not thrown.
import { batch, type BatchRequest, type BatchResponse } from './batch';
import type { GraphClient, GraphPage } from './client';
import { GraphRequestError, isGraphError } from './errors';
import { literal, segment, withQuery } from './odata';
import type { ScopePlan } from './scopes';
import type { MailActions, PartOutcome, TogetherOutcome, TogetherRequest } from './types';

/**
 * Forwarding from a shared mailbox without Send As or Send on Behalf on it. Not a Graph error on
 * purpose: the words say what to do, where a bare 403 would only say "no permission".
 */
export class SendAsDeniedError extends Error {
  constructor(
    readonly mailbox: string,
    readonly to: string,
  ) {
    super(
      `you do not have Send As or Send on Behalf on ${mailbox}, so the add-in cannot forward from it. Forward it to ${to} yourself from Outlook, from your own address, and ask an administrator for Send As on ${mailbox}`,
    );
    this.name = 'SendAsDeniedError';
  }
}

export const IMMUTABLE_IDS = { Prefer: 'IdType="ImmutableId"' } as const;

interface Folder {
  id: string;
  displayName: string;
}

export interface MailOptions {
  client: GraphClient;
  /** Shared mailbox UPN; absent = the signed-in user's own mailbox. */
  mailboxUpn?: string;
  scopes: ScopePlan;
  /** Rounds of (check, retry) after an ambiguous move/create. */
  maxAttempts?: number;
}

/** Outlook preset colours for our categories, by what the name says (preset0 red … preset12 grey). */
function categoryColour(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('escalat')) return 'preset0';
  if (n.includes('breach')) return 'preset1';
  if (n.includes('review')) return 'preset3';
  if (n.includes('reminder')) return 'preset7';
  if (n.includes('not respond') || n.includes('rbnr')) return 'preset12';
  if (n.includes('read')) return 'preset4';
  return 'preset9';
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface GraphMailActions extends MailActions {
  /** The folder's id, creating it under the Inbox when it does not exist. */
  ensureFolder(name: string): Promise<string>;
}

export function createMailActions(options: MailOptions): GraphMailActions {
  const { client } = options;
  const base = options.mailboxUpn ? `/users/${segment(options.mailboxUpn)}` : '/me';
  const mailScopes = options.scopes.mail;
  const maxAttempts = options.maxAttempts ?? 4;
  const folderIds = new Map<string, Promise<string>>();
  const immutableIds = new Map<string, Promise<string>>();

  const call = <T>(init: Parameters<GraphClient['request']>[0]): Promise<T> =>
    client.request<T>({ ...init, headers: { ...IMMUTABLE_IDS, ...(init.headers ?? {}) } });

  async function findIn(parentPath: string, name: string): Promise<string | undefined> {
    // Folder lists are paged (10 to a page by default): read every page.
    for await (const page of client.pages<Folder>({
      url: withQuery(parentPath, { $select: 'id,displayName', $top: 100 }),
      scopes: mailScopes,
      headers: IMMUTABLE_IDS,
    })) {
      const hit = page.value.find((f) => sameName(f.displayName, name));
      if (hit) return hit.id;
    }
    return undefined;
  }

  /** Every folder of this name under the Inbox and at the root: one $batch, one round trip. */
  async function findByFilter(name: string): Promise<string | undefined> {
    const requests = [`${base}/mailFolders/inbox/childFolders`, `${base}/mailFolders`].map((parent, i) => ({
      id: String(i + 1),
      method: 'GET' as const,
      url: withQuery(parent, { $filter: `displayName eq ${literal(name)}`, $select: 'id,displayName' }),
      headers: IMMUTABLE_IDS,
    }));
    const results = await batch(client, requests, { scopes: mailScopes });
    for (const { id } of requests) {
      const r = results.get(id);
      if (!r || r.status < 200 || r.status >= 300) return undefined; // the paged scan decides
      const hit = (r.body as GraphPage<Folder>).value?.find((f) => sameName(f.displayName, name));
      if (hit) return hit.id;
    }
    return undefined;
  }

  /** Every page of both folder lists: when the filtered look-up missed (a filter may compare case). */
  async function scan(name: string): Promise<string | undefined> {
    return (
      (await findIn(`${base}/mailFolders/inbox/childFolders`, name)) ??
      (await findIn(`${base}/mailFolders`, name))
    );
  }

  async function resolveFolder(name: string): Promise<string> {
    const existing = await findByFilter(name);
    if (existing) return existing;
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await call<Folder>({
          method: 'POST',
          url: `${base}/mailFolders/inbox/childFolders`,
          body: { displayName: name },
          scopes: mailScopes,
        });
        return created.id;
      } catch (err) {
        if (!(err instanceof GraphRequestError)) throw err;
        const exists = err.code === 'ErrorFolderExists' || err.status === 409;
        if (!exists && (!err.ambiguous || attempt >= maxAttempts)) throw err;
        // Someone (or our lost first attempt) created it: use theirs, looking at every folder
        // in case the filtered look-up missed it (a name differing only in case).
        const now = (await findByFilter(name)) ?? (await scan(name));
        if (now) return now;
        if (exists || attempt >= maxAttempts) throw err;
      }
    }
  }

  function ensureFolder(name: string): Promise<string> {
    const key = name.trim().toLowerCase();
    let pending = folderIds.get(key);
    if (!pending) {
      pending = resolveFolder(name.trim());
      folderIds.set(key, pending);
      pending.catch(() => folderIds.delete(key));
    }
    return pending;
  }

  /** Keeps the answer to "which immutable id is this?" for later actions on the same item. */
  function rememberImmutable(id: string, pending: Promise<string>): void {
    immutableIds.set(id, pending);
    pending.then(
      (im) => {
        // Asked again with the immutable id itself, it is its own answer.
        if (!immutableIds.has(im)) immutableIds.set(im, Promise.resolve(im));
      },
      () => immutableIds.delete(id),
    );
    if (immutableIds.size > 500) immutableIds.delete(immutableIds.keys().next().value as string);
  }

  /** The immutable id of a message known by any id; asked once per id, remembered. */
  function immutable(id: string): Promise<string> {
    let pending = immutableIds.get(id);
    if (!pending) {
      pending = call<{ id: string }>({
        url: withQuery(`${base}/messages/${segment(id)}`, { $select: 'id' }),
        scopes: mailScopes,
      }).then((m) => m.id);
      rememberImmutable(id, pending);
    }
    return pending;
  }

  /**
   * The immutable id and the categories the message has now. When the id is not known yet both
   * come from one request (a round trip fewer for a shared item, which is tagged through Graph).
   */
  async function idAndCategories(itemId: string): Promise<{ id: string; categories: string[] }> {
    if (!immutableIds.has(itemId)) {
      const first = call<{ id: string; categories?: string[] }>({
        url: withQuery(`${base}/messages/${segment(itemId)}`, { $select: 'id,categories' }),
        scopes: mailScopes,
      });
      rememberImmutable(
        itemId,
        first.then((m) => m.id),
      );
      const m = await first;
      return { id: m.id, categories: m.categories ?? [] };
    }
    const id = await immutable(itemId);
    const current = await call<{ categories?: string[] }>({
      url: withQuery(`${base}/messages/${segment(id)}`, { $select: 'categories' }),
      scopes: mailScopes,
    });
    return { id, categories: current.categories ?? [] };
  }

  async function parentOf(id: string): Promise<string | undefined> {
    try {
      const m = await call<{ parentFolderId?: string }>({
        url: withQuery(`${base}/messages/${segment(id)}`, { $select: 'id,parentFolderId' }),
        scopes: mailScopes,
      });
      return m.parentFolderId;
    } catch (err) {
      if (isGraphError(err, 404)) return undefined;
      throw err;
    }
  }

  async function moveToFolder(itemId: string, folderName: string): Promise<{ id: string }> {
    const restId = await immutable(itemId);
    let folderId = await ensureFolder(folderName);
    let refreshedFolder = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const moved = await call<{ id: string }>({
          method: 'POST',
          url: `${base}/messages/${segment(restId)}/move`,
          body: { destinationId: folderId },
          scopes: mailScopes,
        });
        return { id: moved.id };
      } catch (err) {
        if (!(err instanceof GraphRequestError)) throw err;
        if (err.status === 404 && !refreshedFolder) {
          // Either the folder was deleted since we looked it up, or the message is gone.
          refreshedFolder = true;
          if ((await parentOf(restId)) === undefined) throw err;
          folderIds.delete(folderName.trim().toLowerCase());
          folderId = await ensureFolder(folderName);
          continue;
        }
        if (!err.ambiguous || attempt >= maxAttempts) throw err;
        // With immutable ids the message keeps its id: see where it is before moving it again.
        if ((await parentOf(restId)) === folderId) return { id: restId };
      }
    }
  }

  async function addCategories(
    itemId: string,
    names: readonly string[],
    current?: readonly string[],
  ): Promise<void> {
    const { id: restId, categories: have } = current
      ? { id: await immutable(itemId), categories: [...current] }
      : await idAndCategories(itemId);
    const url = `${base}/messages/${segment(restId)}`;
    const add = names.filter(
      (n, i) => n.trim() && !have.some((h) => sameName(h, n)) && names.findIndex((m) => sameName(m, n)) === i,
    );
    if (add.length === 0) return;
    // The array replaces the message's set, so it carries the existing ones too.
    await call({ method: 'PATCH', url, body: { categories: [...have, ...add] }, scopes: mailScopes });
  }

  async function ensureMasterCategories(names: readonly string[]): Promise<{ missing: string[] }> {
    const scopes = options.scopes.mailboxSettings;
    const url = `${base}/outlook/masterCategories`;
    let existing: string[];
    try {
      const page = await call<GraphPage<{ displayName: string }>>({ url, scopes });
      existing = page.value.map((c) => c.displayName);
    } catch (err) {
      if (isGraphError(err, 403)) return { missing: [...names] };
      throw err;
    }
    const missing: string[] = [];
    for (const name of names) {
      if (existing.some((e) => sameName(e, name))) continue;
      try {
        await call({ method: 'POST', url, body: { displayName: name, color: categoryColour(name) }, scopes });
        existing.push(name);
      } catch (err) {
        if (isGraphError(err, 409)) continue; // created meanwhile: names are unique
        if (isGraphError(err, 403)) {
          missing.push(name);
          continue;
        }
        throw err;
      }
    }
    return { missing };
  }

  async function forward(itemId: string, to: string, comment: string): Promise<void> {
    const restId = await immutable(itemId);
    // Not idempotent and not checkable: retried only when throttled (the default for POST).
    try {
      await call({
        method: 'POST',
        url: `${base}/messages/${segment(restId)}/forward`,
        body: { comment, toRecipients: [{ emailAddress: { address: to } }] },
        scopes: options.scopes.mailSend,
      });
    } catch (err) {
      throw explainForward(err, to);
    }
  }

  /**
   * A shared mailbox's forward goes out from that mailbox: Exchange wants Send As or Send on
   * Behalf on it as well as Full Access, and says so with ErrorSendAsDenied (a 403).
   */
  function explainForward(err: unknown, to: string): unknown {
    return err instanceof GraphRequestError && err.code === 'ErrorSendAsDenied' && options.mailboxUpn
      ? new SendAsDeniedError(options.mailboxUpn, to)
      : err;
  }

  async function prepare(itemId: string, folderName?: string): Promise<void> {
    await Promise.all([immutable(itemId), folderName ? ensureFolder(folderName) : undefined]);
  }

  /** A sub-response as a part's outcome; its error in the shape a single request would throw. */
  function outcomeOf(res: BatchResponse | undefined, method: string): PartOutcome {
    if (res && res.status >= 200 && res.status < 300) return { ok: true };
    const error = (res?.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return {
      ok: false,
      error: new GraphRequestError({
        status: res?.status ?? 0,
        code: error?.code ?? '',
        message: error?.message ?? 'No answer for this request in the $batch',
        method,
      }),
    };
  }

  async function tagAndAct(itemId: string, what: TogetherRequest): Promise<TogetherOutcome> {
    const restId = await immutable(itemId);
    const folderId = what.moveTo ? await ensureFolder(what.moveTo) : undefined;
    const url = `${base}/messages/${segment(restId)}`;
    const have = [...what.tag.current];
    const add = what.tag.names.filter(
      (n, i) =>
        n.trim() &&
        !have.some((h) => sameName(h, n)) &&
        what.tag.names.findIndex((m) => sameName(m, n)) === i,
    );
    const requests: BatchRequest[] = [];
    if (add.length)
      requests.push({
        id: 'tag',
        method: 'PATCH',
        url,
        headers: IMMUTABLE_IDS,
        body: { categories: [...have, ...add] },
      });
    if (what.forward)
      requests.push({
        id: 'forward',
        method: 'POST',
        url: `${url}/forward`,
        headers: IMMUTABLE_IDS,
        body: {
          comment: what.forward.comment,
          toRecipients: [{ emailAddress: { address: what.forward.to } }],
        },
      });
    if (folderId)
      requests.push({
        id: 'move',
        method: 'POST',
        url: `${url}/move`,
        headers: IMMUTABLE_IDS,
        body: { destinationId: folderId },
        // Two writes to one item at once can conflict: the move waits for the tag.
        ...(add.length ? { dependsOn: ['tag'] } : {}),
      });
    const scopes = [...new Set([...mailScopes, ...(what.forward ? options.scopes.mailSend : [])])];
    let results = new Map<string, BatchResponse>();
    let lost: unknown = null;
    try {
      if (requests.length) results = await batch(client, requests, { scopes });
    } catch (err) {
      // No answer: each part is unknown. The forward is reported (it cannot be checked), the
      // tag is tried again later, the move is checked below before it is made again.
      lost = err;
    }
    const partOf = (id: string, method: string): PartOutcome =>
      lost !== null ? { ok: false, error: lost } : outcomeOf(results.get(id), method);
    const outcome: TogetherOutcome = { tag: add.length ? partOf('tag', 'PATCH') : { ok: true } };
    if (what.forward) {
      const sent = partOf('forward', 'POST');
      outcome.forward = sent.ok ? sent : { ok: false, error: explainForward(sent.error, what.forward.to) };
    }
    if (folderId && what.moveTo) {
      let move = partOf('move', 'POST');
      if (!move.ok) {
        // Not moved in the batch (its tag failed, or an answer that says nothing): see where
        // the message is, then the careful path, which never moves it twice.
        try {
          if ((await parentOf(restId)) !== folderId) await moveToFolder(itemId, what.moveTo);
          move = { ok: true };
        } catch (error) {
          move = { ok: false, error };
        }
      }
      outcome.move = move;
    }
    return outcome;
  }

  return { ensureFolder, moveToFolder, addCategories, ensureMasterCategories, forward, prepare, tagAndAct };
}
