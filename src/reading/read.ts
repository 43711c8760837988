// Reading attachments: the content Outlook gave, to text, to the same reading aids as the body.
// Pure apart from the libraries, which are passed in (lazy chunks in the worker, Node in tests),
// so the whole pipeline is tested without a browser. Never throws: a failure is an attachment
// the handler is told to open.
import type { Indicator } from '../core/types';
import { decodeText, latin1 } from './decode';
import { docxText, type DocxLib } from './docx';
import { excerptsOf } from './excerpts';
import { htmlToText } from './html';
import { pdfText, type PdfLib } from './pdf';
import { rtfToText } from './rtf';
import { sniff } from './sniff';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_DEPTH,
  type AttachmentContent,
  type AttachmentInfo,
  type AttachmentReading,
  type NotReadReason,
  type TextFormat,
} from './types';

/** postal-mime's parse, as far as the reader uses it. */
export interface EmlLib {
  parse(
    eml: string | Uint8Array,
    options: { forceRfc822Attachments: boolean; attachmentEncoding: 'arraybuffer' },
  ): Promise<{
    subject?: string | undefined;
    text?: string | undefined;
    html?: string | undefined;
    attachments: Array<{
      filename: string | null;
      mimeType: string;
      disposition: string | null;
      related?: boolean | undefined;
      content: ArrayBuffer | Uint8Array | string;
    }>;
  }>;
}

/** The libraries, each loaded on first use only. */
export interface ReaderLibs {
  pdf(): Promise<PdfLib>;
  docx(): Promise<DocxLib>;
  eml(): Promise<EmlLib>;
}

export interface ReadContext {
  libs: ReaderLibs;
  scan(text: string): Indicator[];
}

type Extracted =
  | { ok: true; format: TextFormat; text: string; children: AttachmentReading[]; imagePages?: number }
  | { ok: false; reason: NotReadReason; children?: AttachmentReading[] };

const notRead = (info: AttachmentInfo, reason: NotReadReason, children: AttachmentReading[] = []) =>
  ({ status: 'not-read', info, reason, children }) as const satisfies AttachmentReading;

async function extractEml(eml: string | Uint8Array, ctx: ReadContext, depth: number): Promise<Extracted> {
  const lib = await ctx.libs.eml();
  const mail = await lib.parse(eml, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  const body = mail.text ?? (mail.html ? htmlToText(mail.html) : '');
  const text = `${mail.subject ?? ''}\n\n${body}`;
  const children: AttachmentReading[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    const bytes =
      typeof a.content === 'string'
        ? new TextEncoder().encode(a.content)
        : a.content instanceof Uint8Array
          ? a.content
          : new Uint8Array(a.content);
    const info: AttachmentInfo = {
      id: `${i}`,
      name: a.filename ?? `(unnamed ${a.mimeType})`,
      contentType: a.mimeType,
      size: bytes.length,
      isInline: a.disposition === 'inline' || a.related === true,
      kind: a.mimeType === 'message/rfc822' ? 'item' : 'file',
    };
    children.push(
      depth + 1 > MAX_DEPTH
        ? notRead(info, { kind: 'too-deep' })
        : await readAttachment(info, { format: 'bytes', bytes }, ctx, depth + 1),
    );
  }
  return { ok: true, format: 'eml', text, children };
}

async function extract(
  info: AttachmentInfo,
  content: AttachmentContent,
  ctx: ReadContext,
  depth: number,
): Promise<Extracted> {
  switch (content.format) {
    case 'url':
      return { ok: false, reason: { kind: 'cloud-link' } };
    case 'eml':
      return extractEml(content.text, ctx, depth);
    case 'mime':
      return extractEml(content.bytes, ctx, depth);
    case 'icalendar':
      return { ok: true, format: 'icalendar', text: unfoldCalendar(content.text), children: [] };
    case 'bytes':
    case 'base64':
      break;
  }
  const bytes = content.format === 'bytes' ? content.bytes : base64Bytes(content.base64);
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return { ok: false, reason: { kind: 'too-large', limit: MAX_ATTACHMENT_BYTES } };
  const kind = sniff(bytes, info.name, info.contentType);
  switch (kind.kind) {
    case 'image':
      return { ok: false, reason: { kind: 'image' } };
    case 'encrypted':
      return { ok: false, reason: { kind: 'encrypted' } };
    case 'unknown':
      return { ok: false, reason: { kind: 'unknown-format' } };
    case 'text-format':
      break;
  }
  switch (kind.format) {
    case 'pdf': {
      const pdf = await pdfText(await ctx.libs.pdf(), bytes);
      if (pdf.kind === 'text')
        return { ok: true, format: 'pdf', text: pdf.text, children: [], imagePages: pdf.imagePages };
      if (pdf.kind === 'no-text') return { ok: false, reason: { kind: 'no-text' } };
      if (pdf.kind === 'encrypted') return { ok: false, reason: { kind: 'encrypted' } };
      return { ok: false, reason: { kind: 'failed', message: pdf.message } };
    }
    case 'docx': {
      const docx = await docxText(await ctx.libs.docx(), bytes);
      return docx.kind === 'text'
        ? { ok: true, format: 'docx', text: docx.text, children: [] }
        : { ok: false, reason: { kind: 'failed', message: docx.message } };
    }
    case 'rtf':
      return { ok: true, format: 'rtf', text: rtfToText(latin1(bytes)), children: [] };
    case 'html':
      return { ok: true, format: 'html', text: htmlToText(decodeText(bytes)), children: [] };
    case 'eml':
      return extractEml(bytes, ctx, depth);
    case 'icalendar':
      return { ok: true, format: 'icalendar', text: unfoldCalendar(decodeText(bytes)), children: [] };
    case 'text':
      return { ok: true, format: 'text', text: decodeText(bytes), children: [] };
  }
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/[\s]/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** iCalendar folds long lines (RFC 5545 3.1) and escapes commas and new lines in text. */
function unfoldCalendar(text: string): string {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\\n/gi, '\n')
    .replace(/\\([,;\\])/g, '$1');
}

export async function readAttachment(
  info: AttachmentInfo,
  content: AttachmentContent,
  ctx: ReadContext,
  depth = 0,
): Promise<AttachmentReading> {
  let extracted: Extracted;
  try {
    extracted = await extract(info, content, ctx, depth);
  } catch (err) {
    const what = err instanceof Error ? err.message : String(err);
    extracted = { ok: false, reason: { kind: 'failed', message: `it could not be read (${what})` } };
  }
  if (!extracted.ok) return notRead(info, extracted.reason, extracted.children);
  const indicators = ctx.scan(extracted.text);
  const reading: AttachmentReading = {
    status: 'read',
    info,
    format: extracted.format,
    chars: extracted.text.length,
    indicators,
    excerpts: excerptsOf(extracted.text, indicators),
    children: extracted.children,
  };
  if (extracted.imagePages) reading.imagePages = extracted.imagePages;
  return reading;
}
