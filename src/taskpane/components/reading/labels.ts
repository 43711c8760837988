// Words for attachments and unreadable bodies: one place, plain English.
import type { AttachmentInfo, NotReadReason, TextFormat } from '../../../reading/types';
import { MAX_ATTACHMENT_BYTES, MAX_TOTAL_BYTES } from '../../../reading/types';

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export const CAPS_TEXT = `The add-in reads attachments up to ${sizeText(MAX_ATTACHMENT_BYTES)} each and ${sizeText(MAX_TOTAL_BYTES)} in total, and the attachments of an attached mail one level down.`;

export const FORMAT_TEXT: Record<TextFormat, string> = {
  pdf: 'PDF',
  docx: 'Word document',
  text: 'text file',
  rtf: 'RTF document',
  html: 'web page (text only)',
  eml: 'attached mail',
  icalendar: 'calendar item',
};

export function describeInfo(info: AttachmentInfo): string {
  const kind =
    info.kind === 'item'
      ? 'attached mail'
      : info.kind === 'cloud'
        ? 'cloud link'
        : info.contentType || 'file';
  return `${kind}, ${sizeText(info.size)}${info.isInline ? ', inline in the message' : ''}`;
}

export function reasonText(reason: NotReadReason): string {
  switch (reason.kind) {
    case 'image':
      return 'a picture (perhaps a scanned letter)';
    case 'no-text':
      return 'a scan: its pages are pictures with no text';
    case 'encrypted':
      return 'protected with a password';
    case 'too-large':
      return `over the ${sizeText(reason.limit)} limit for one attachment`;
    case 'over-total':
      return `past the ${sizeText(reason.limit)} limit for all attachments together`;
    case 'unknown-format':
      return 'a kind of file the add-in cannot read';
    case 'cloud-link':
      return 'a link to a file stored elsewhere';
    case 'too-deep':
      return 'inside an attached mail that is itself attached';
    case 'failed':
      return `could not be read (${reason.message})`;
  }
}
