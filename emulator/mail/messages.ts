// Messages: list (filter, select, order, paging), get, categorise, move (new id), copy, forward.
import { hasAttachments } from './attachments';
import { type Ctx, type EmuResponse, hasPrefer, json } from '../context';
import { actionBody, typedBody } from '../schema/strict';
import { GraphHttpError } from '../errors';
import { looksLikeEwsId, newImmutableId, newRestId } from '../ids';
import { type FilterExpr, evaluateFilter, parseRequestFilter } from '../odata/filter';
import { absoluteUrl, param, rewriteQuery, skipParam, topParam } from '../odata/query';
import { findFolder, newMessage } from '../seed';
import { type FolderRec, type MailboxRec, type MessageRec, sameUpn } from '../state';
import type { EmailAddress, ForwardRecord } from '../types';

const MESSAGE_TOP_CAP = 1000;
const DEFAULT_PAGE = 10;
const DATE_PROPS = new Set(['receivedDateTime', 'sentDateTime', 'createdDateTime', 'lastModifiedDateTime']);
const PATCHABLE = new Set(['categories', 'isRead', 'importance', 'flag', 'inferenceClassification']);

export const PREFER_IMMUTABLE = 'IdType="ImmutableId"';

export function malformedId(): GraphHttpError {
  return new GraphHttpError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
}

export function itemNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

export function wantsImmutable(ctx: Ctx): boolean {
  return hasPrefer(ctx, PREFER_IMMUTABLE);
}

/** A REST or immutable id, never the EWS form. */
export function findMessage(box: MailboxRec, id: string): MessageRec {
  if (looksLikeEwsId(id)) throw malformedId();
  const m = box.messages.find((x) => x.restId === id || x.immutableId === id);
  if (!m) throw itemNotFound();
  return m;
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function bodyFor(ctx: Ctx, m: MessageRec): { contentType: string; content: string } {
  if (m.body.contentType === 'html' && hasPrefer(ctx, 'outlook.body-content-type="text"'))
    return { contentType: 'text', content: htmlToText(m.body.content) };
  return { ...m.body };
}

export function messageJson(ctx: Ctx, m: MessageRec): Record<string, unknown> {
  const id = wantsImmutable(ctx) ? m.immutableId : m.restId;
  const body = bodyFor(ctx, m);
  const preview = (m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content)
    .replace(/\s+/g, ' ')
    .trim();
  return {
    id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: `CQAAABYAAAA${m.changeKey}`,
    categories: [...m.categories],
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: hasAttachments(m),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: preview.slice(0, 255),
    importance: m.importance,
    parentFolderId: m.folderId,
    conversationId: m.conversationId,
    isRead: m.isRead,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body,
    sender: m.sender ?? null,
    from: m.from ?? null,
    toRecipients: structuredClone(m.toRecipients),
    ccRecipients: structuredClone(m.ccRecipients),
    bccRecipients: structuredClone(m.bccRecipients),
    replyTo: [],
    flag: { ...m.flag },
  };
}

const MESSAGE_PROPS = new Set(
  Object.keys({
    id: 1,
    createdDateTime: 1,
    lastModifiedDateTime: 1,
    changeKey: 1,
    categories: 1,
    receivedDateTime: 1,
    sentDateTime: 1,
    hasAttachments: 1,
    internetMessageId: 1,
    subject: 1,
    bodyPreview: 1,
    importance: 1,
    parentFolderId: 1,
    conversationId: 1,
    isRead: 1,
    isDraft: 1,
    webLink: 1,
    inferenceClassification: 1,
    body: 1,
    sender: 1,
    from: 1,
    toRecipients: 1,
    ccRecipients: 1,
    bccRecipients: 1,
    replyTo: 1,
    flag: 1,
  }),
);

function selectProps(ctx: Ctx, full: Record<string, unknown>): Record<string, unknown> {
  const raw = param(ctx.query, 'select');
  if (!raw) return full;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Record<string, unknown> = { id: full.id };
  for (const n of names) {
    if (!MESSAGE_PROPS.has(n))
      throw new GraphHttpError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${n}' on type 'microsoft.graph.message'.`,
      );
    out[n] = full[n];
  }
  return out;
}

function compileFilter(text: string | undefined): FilterExpr | undefined {
  if (!text) return undefined;
  return parseRequestFilter(text, 'BadRequest');
}

function orderBy(ctx: Ctx): { prop: string; desc: boolean }[] {
  const raw = param(ctx.query, 'orderby') ?? 'receivedDateTime desc';
  return raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z]+(?:\/[A-Za-z]+)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw new GraphHttpError(400, 'BadRequest', `Invalid $orderby '${part.trim()}'.`);
    return { prop: m[1] as string, desc: (m[2] ?? '').toLowerCase() === 'desc' };
  });
}

const getPath = (obj: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (v, p) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[p]),
    obj,
  );

/** A page of `items` with Graph's `$top`/`$skip` paging and an absolute nextLink. */
export function pageOf<T>(
  ctx: Ctx,
  items: T[],
  render: (x: T) => unknown,
  cap: number,
  fallback: number,
): EmuResponse {
  const top = topParam(ctx.query, cap, fallback);
  const skip = skipParam(ctx.query);
  const link = (n: number): string =>
    absoluteUrl(
      ctx.req.origin,
      ctx.req.rawPath,
      rewriteQuery(ctx.req.rawQuery, ['skip', 'top'], { $top: String(top), $skip: String(n) }),
    );
  if (ctx.takeEmptyPage()) return json(200, { value: [], '@odata.nextLink': link(skip) });
  const page = items.slice(skip, skip + top);
  const count = param(ctx.query, 'count') === 'true' ? { '@odata.count': items.length } : {};
  const next = skip + top < items.length ? { '@odata.nextLink': link(skip + top) } : {};
  return json(200, { ...count, value: page.map(render), ...next }, preferenceApplied(ctx));
}

export function preferenceApplied(ctx: Ctx): Record<string, string> {
  const applied: string[] = [];
  if (wantsImmutable(ctx)) applied.push(PREFER_IMMUTABLE);
  if (hasPrefer(ctx, 'outlook.body-content-type="text"')) applied.push('outlook.body-content-type="text"');
  return applied.length ? { 'Preference-Applied': applied.join(', ') } : {};
}

export function listMessages(ctx: Ctx, box: MailboxRec, folder?: FolderRec): EmuResponse {
  if (param(ctx.query, 'search') !== undefined)
    throw new GraphHttpError(400, 'BadRequest', 'The emulator does not support $search; use $filter.');
  const expr = compileFilter(param(ctx.query, 'filter'));
  const order = orderBy(ctx);
  const rows = box.messages
    .filter((m) => !folder || m.folderId === folder.id)
    .map((m) => messageJson(ctx, m))
    .filter(
      (j) =>
        !expr ||
        evaluateFilter(expr, { get: (p) => getPath(j, p), isDate: (p) => DATE_PROPS.has(p.join('/')) }),
    )
    .sort((a, b) => {
      for (const o of order) {
        const va = String(getPath(a, o.prop.split('/')) ?? '');
        const vb = String(getPath(b, o.prop.split('/')) ?? '');
        if (va !== vb) return (va < vb ? -1 : 1) * (o.desc ? -1 : 1);
      }
      return 0;
    });
  return pageOf(ctx, rows, (j) => selectProps(ctx, j), MESSAGE_TOP_CAP, DEFAULT_PAGE);
}

export function getMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  return json(200, selectProps(ctx, messageJson(ctx, m)), preferenceApplied(ctx));
}

function touch(ctx: Ctx, m: MessageRec): void {
  m.lastModifiedDateTime = ctx.store.nowIso();
  m.changeKey += 1;
  ctx.store.changed();
}

export function patchMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  const body = typedBody(ctx.req, 'Message');
  for (const [key, value] of Object.entries(body)) {
    if (!PATCHABLE.has(key))
      throw new GraphHttpError(
        400,
        'ErrorInvalidPropertyRequest',
        `The property '${key}' cannot be updated on a received message.`,
      );
    if (key === 'categories') {
      if (!Array.isArray(value) || !value.every((c) => typeof c === 'string' && c.trim() !== ''))
        throw new GraphHttpError(
          400,
          'ErrorInvalidArgument',
          'categories must be an array of non-empty strings.',
        );
    } else if (key === 'isRead' && typeof value !== 'boolean') {
      throw new GraphHttpError(400, 'ErrorInvalidArgument', 'isRead must be true or false.');
    }
  }
  // The array replaces the whole set: a client that does not read first loses categories.
  if (Array.isArray(body.categories)) m.categories = [...new Set(body.categories as string[])];
  if (typeof body.isRead === 'boolean') m.isRead = body.isRead;
  if (typeof body.importance === 'string') m.importance = body.importance as MessageRec['importance'];
  if (typeof body.flag === 'object' && body.flag !== null)
    m.flag = { ...(body.flag as Record<string, unknown>) };
  touch(ctx, m);
  return getMessage(ctx, box, m);
}

/** A folder reference in a request body or path: id or well-known name (never a display name). */
export function folderRef(box: MailboxRec, ref: unknown): FolderRec {
  if (typeof ref !== 'string' || ref.trim() === '') throw malformedId();
  if (looksLikeEwsId(ref)) throw malformedId();
  const folder = findFolder(box, ref);
  if (folder) return folder;
  if (/^AA[A-Za-z0-9_-]{20,}=*$/.test(ref)) throw itemNotFound();
  throw malformedId();
}

export function moveMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  const body = actionBody(ctx.req, 'move');
  const destination = folderRef(box, body.destinationId);
  m.folderId = destination.id;
  // Moving gives the message a new REST id; the immutable id survives.
  m.restId = newRestId();
  touch(ctx, m);
  return json(201, selectProps(ctx, messageJson(ctx, m)), preferenceApplied(ctx));
}

export function copyMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  const body = actionBody(ctx.req, 'copy');
  const destination = folderRef(box, body.destinationId);
  const copy: MessageRec = {
    ...structuredClone(m),
    restId: newRestId(),
    immutableId: newImmutableId(),
    folderId: destination.id,
  };
  box.messages.push(copy);
  touch(ctx, copy);
  return json(201, selectProps(ctx, messageJson(ctx, copy)), preferenceApplied(ctx));
}

export function deleteMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  const bin = findFolder(box, 'deleteditems');
  if (bin && m.folderId !== bin.id) {
    m.folderId = bin.id;
    m.restId = newRestId();
    touch(ctx, m);
  } else {
    box.messages = box.messages.filter((x) => x !== m);
    ctx.store.changed();
  }
  return { status: 204 };
}

function recipients(value: unknown): EmailAddress[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new GraphHttpError(
      400,
      'ErrorInvalidRecipients',
      'At least one recipient is not valid., Recipient is missing.',
    );
  return value.map((r) => {
    const address = (r as EmailAddress | undefined)?.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address))
      throw new GraphHttpError(
        400,
        'ErrorInvalidRecipients',
        `At least one recipient is not valid., Recipient '${String(address)}' is not resolved.`,
      );
    return { emailAddress: { address, ...(r.emailAddress.name ? { name: r.emailAddress.name } : {}) } };
  });
}

/**
 * Sending from a mailbox other than one's own needs Send As or Send on Behalf on it (besides Full
 * Access, which reaching /users/{upn}/… already took); without either Exchange refuses the
 * submission with 403 ErrorSendAsDenied. An app-only identity sends as anyone.
 */
function sendingRight(ctx: Ctx, box: MailboxRec): ForwardRecord['sentAs'] {
  if (sameUpn(box.upn, ctx.user.upn) || ctx.user.app === true) return 'owner';
  const has = (grants: string[] | undefined) => (grants ?? []).some((u) => sameUpn(u, ctx.user.upn));
  if (has(box.sendAs)) return 'sendAs';
  if (has(box.sendOnBehalf)) return 'sendOnBehalf';
  throw new GraphHttpError(
    403,
    'ErrorSendAsDenied',
    'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.',
  );
}

export function forwardMessage(ctx: Ctx, box: MailboxRec, m: MessageRec): EmuResponse {
  const body = actionBody(ctx.req, 'forward');
  const to = recipients(body.toRecipients);
  const sentAs = sendingRight(ctx, box);
  const comment = typeof body.comment === 'string' ? body.comment : '';
  const now = ctx.store.nowIso();
  const original = m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content;
  const content = `${comment}\n\n-----Original Message-----\nFrom: ${m.from?.emailAddress.address ?? ''}\nSubject: ${m.subject}\n\n${original}`;
  const forwarded = {
    subject: `FW: ${m.subject}`,
    from: { emailAddress: { name: box.displayName, address: box.upn } },
    // Send on Behalf shows who really sent it; Send As does not.
    ...(sentAs === 'sendOnBehalf'
      ? { sender: { emailAddress: { name: ctx.user.displayName, address: ctx.user.upn } } }
      : {}),
    toRecipients: to,
    receivedDateTime: now,
    body: { contentType: 'text' as const, content },
  };
  const sent = findFolder(box, 'sentitems');
  if (sent) box.messages.push({ ...newMessage(forwarded, sent.id, now, 'forward'), isRead: true });
  for (const r of to) {
    const target = ctx.store.mailbox(r.emailAddress.address);
    const inbox = target ? findFolder(target, 'inbox') : undefined;
    if (target && inbox) target.messages.push(newMessage(forwarded, inbox.id, now, 'forward'));
  }
  ctx.store.state.forwards.push({
    time: now,
    mailbox: box.upn,
    by: ctx.user.upn,
    originalId: m.restId,
    originalInternetMessageId: m.internetMessageId,
    toRecipients: to,
    comment,
    sentAs,
  });
  ctx.store.changed();
  return { status: 202 };
}
