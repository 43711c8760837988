// Message attachments as Graph v1.0 serves them: list (file attachments carry contentBytes in the
// list too), get one, and /$value (an item attachment's MIME; a file's bytes). Ids are per message
// and opaque. Sources (docs/decisions/emulator.md, "attachments"):
//   https://learn.microsoft.com/graph/api/message-list-attachments
//   https://learn.microsoft.com/graph/api/attachment-get (fileAttachment, itemAttachment, $value)
//   https://learn.microsoft.com/graph/api/resources/message (hasAttachments is false when only
//   inline attachments are present)
import { randomBytes } from 'node:crypto';
import { type Ctx, type EmuResponse, json } from '../context';
import { GraphHttpError, badRequest } from '../errors';
import { param } from '../odata/query';
import { methodNotAllowed } from '../sharepoint/routes';
import type { MessageRec } from '../state';

/** An attachment as the emulator stores it: content as base64 so the store stays JSON. */
export interface AttachmentRec {
  id: string;
  /** 'reference': a cloud link (referenceAttachment); it has no content Graph will give. */
  kind: 'file' | 'item' | 'reference';
  name: string;
  contentType: string;
  isInline: boolean;
  /** File bytes, or an item attachment's MIME (.eml), base64. */
  contentBase64: string;
  lastModifiedDateTime: string;
}

/** As a seed gives it. */
export interface SeedAttachment {
  kind?: 'file' | 'item' | 'reference';
  name: string;
  contentType: string;
  isInline?: boolean;
  contentBase64: string;
}

export function newAttachment(input: SeedAttachment, nowIso: string): AttachmentRec {
  return {
    id: `AAMkAGAtt${randomBytes(18).toString('base64url')}=`,
    kind: input.kind ?? 'file',
    name: input.name,
    contentType: input.contentType,
    isInline: input.isInline ?? false,
    contentBase64: input.contentBase64,
    lastModifiedDateTime: nowIso,
  };
}

/** Graph's hasAttachments: true only for attachments that are not inline. */
export function hasAttachments(m: MessageRec): boolean {
  return (m.attachments ?? []).some((a) => !a.isInline);
}

const sizeOf = (a: AttachmentRec): number => Buffer.byteLength(a.contentBase64, 'base64');

function attachmentJson(a: AttachmentRec, withContent: boolean): Record<string, unknown> {
  const common = {
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: sizeOf(a),
    isInline: a.isInline,
  };
  if (a.kind === 'item') return { '@odata.type': '#microsoft.graph.itemAttachment', ...common };
  if (a.kind === 'reference') return { '@odata.type': '#microsoft.graph.referenceAttachment', ...common };
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    ...common,
    contentId: null,
    contentLocation: null,
    ...(withContent ? { contentBytes: a.contentBase64 } : {}),
  };
}

const PROPS = new Set(['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline']);

function select(ctx: Ctx, full: Record<string, unknown>): Record<string, unknown> {
  const raw = param(ctx.query, 'select');
  if (!raw) return full;
  const out: Record<string, unknown> = { '@odata.type': full['@odata.type'], id: full.id };
  for (const n of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!PROPS.has(n))
      throw new GraphHttpError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${n}' on type 'microsoft.graph.attachment'.`,
      );
    out[n] = full[n];
  }
  return out;
}

/** /messages/{id}/attachments[/{attachmentId}[/$value]] */
export function attachmentsRoute(ctx: Ctx, m: MessageRec, rest: string[]): EmuResponse {
  if (ctx.req.method !== 'GET') throw methodNotAllowed();
  const list = m.attachments ?? [];
  const [id, value, ...more] = rest;
  if (more.length > 0) throw badRequest(`Resource not found for the segment '${more[0]}'.`, 'BadRequest');
  if (id === undefined) return json(200, { value: list.map((a) => select(ctx, attachmentJson(a, true))) });
  const a = list.find((x) => x.id === id);
  if (!a)
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  if (value === undefined) return json(200, select(ctx, attachmentJson(a, true)));
  if (value !== '$value') throw badRequest(`Resource not found for the segment '${value}'.`, 'BadRequest');
  // Raw contents (attachment-get, "Get the raw contents of a file or item attachment"): a file's
  // own bytes with its content type; an attached mail as MIME. A reference attachment has none:
  // Graph answers 405 Method Not Allowed.
  if (a.kind === 'reference')
    throw new GraphHttpError(
      405,
      'ErrorInvalidRequest',
      'Getting the raw contents of a reference attachment is not supported.',
    );
  const bytes = Buffer.from(a.contentBase64, 'base64');
  return {
    status: 200,
    headers: {
      'content-type': a.kind === 'item' ? 'message/rfc822' : a.contentType || 'application/octet-stream',
    },
    bytes,
  };
}
