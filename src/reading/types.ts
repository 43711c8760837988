// Attachments as the read sees them: what Outlook says about each one, what the add-in could get
// of its content, and what reading it gave. Plain data only: everything here crosses the boundary
// to the reading worker by structured clone.
import type { Indicator } from '../core/types';

/** Outlook's attachmentType: a file, an attached mail or calendar item, or a cloud link. */
export type AttachmentKind = 'file' | 'item' | 'cloud';

/** One attachment as Outlook lists it (Office.AttachmentDetails; Graph attachment). */
export interface AttachmentInfo {
  id: string;
  name: string;
  contentType: string;
  /** Bytes, as Outlook reports it. */
  size: number;
  isInline: boolean;
  kind: AttachmentKind;
}

/** What the add-in got of one attachment's content (Office.AttachmentContent, decoded). */
export type AttachmentContent =
  | { format: 'bytes'; bytes: Uint8Array }
  /** As Office.js gives a file: decoded in the worker, never on the pane's thread. */
  | { format: 'base64'; base64: string }
  /** An attached mail, as Outlook gives item attachments: the message in .eml form. */
  | { format: 'eml'; text: string }
  /** An attached mail as Graph's /$value gives it: the MIME bytes, decoded in the worker. */
  | { format: 'mime'; bytes: Uint8Array }
  | { format: 'icalendar'; text: string }
  /** A cloud attachment: only a link. */
  | { format: 'url'; url: string };

/** The formats the add-in reads text from. */
export const TEXT_FORMATS = ['pdf', 'docx', 'text', 'rtf', 'html', 'eml', 'icalendar'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Why an attachment was not read. Each is told to the handler, never hidden. */
export type NotReadReason =
  | { kind: 'image' }
  /** A PDF whose pages hold no text: a scan or a photo of a letter. */
  | { kind: 'no-text' }
  | { kind: 'encrypted' }
  | { kind: 'too-large'; limit: number }
  | { kind: 'over-total'; limit: number }
  | { kind: 'unknown-format' }
  | { kind: 'cloud-link' }
  /** An attachment of an attachment of an attachment: deeper than the add-in reads. */
  | { kind: 'too-deep' }
  | { kind: 'failed'; message: string };

/** A place in an attachment's text worth looking at, with a little text either side. */
export interface Excerpt {
  before: string;
  /** The phrase itself. */
  text: string;
  after: string;
  codes: Indicator['code'][];
}

export type AttachmentReading =
  | {
      status: 'read';
      info: AttachmentInfo;
      format: TextFormat;
      /** Characters of text found (the text itself is not kept). */
      chars: number;
      indicators: Indicator[];
      excerpts: Excerpt[];
      /** PDF pages that are pictures with no text (part of the file is a scan). */
      imagePages?: number;
      /** An attached mail's own attachments, one level down. */
      children: AttachmentReading[];
    }
  | {
      status: 'not-read';
      info: AttachmentInfo;
      reason: NotReadReason;
      children: AttachmentReading[];
    };

/** Caps, stated in the pane: past them an attachment is named and left to the handler. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 25 * 1024 * 1024;
/** An attached mail's attachments are read; theirs are not (one level down). */
export const MAX_DEPTH = 1;

/** Every reading in the tree, parents before children. */
export function flatten(readings: readonly AttachmentReading[]): AttachmentReading[] {
  return readings.flatMap((r) => [r, ...flatten(r.children)]);
}

/** How many attachments there were and how many the add-in read, for the pane and the log. */
export function readCounts(readings: readonly AttachmentReading[]): { total: number; read: number } {
  const all = flatten(readings);
  return { total: all.length, read: all.filter(fullyRead).length };
}

/** Read through: not merely some text of it (a PDF with scanned pages is not fully read). */
export function fullyRead(r: AttachmentReading): boolean {
  return r.status === 'read' && !r.imagePages;
}
