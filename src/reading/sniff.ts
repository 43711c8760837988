// Which reader an attachment needs. The first bytes decide where they can (a name and a MIME type
// are the sender's claim); the name and type decide only between formats that have no signature
// (plain text, HTML). Anything else is named to the handler as a format the add-in cannot read.
import type { TextFormat } from './types';

export type Sniffed =
  | { kind: 'text-format'; format: TextFormat }
  | { kind: 'image' }
  | { kind: 'encrypted' }
  | { kind: 'unknown' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = ascii('{\\rtf');
const IMAGES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF8'),
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  ascii('BM'),
];
const HEIC_BRANDS = ['heic', 'heix', 'mif1', 'avif'];

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0
    ? ''
    : name
        .slice(dot + 1)
        .trim()
        .toLowerCase();
}

function isImage(bytes: Uint8Array, type: string, ext: string): boolean {
  if (IMAGES.some((sig) => startsWith(bytes, sig))) return true;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return true;
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (HEIC_BRANDS.includes(brand)) return true;
  }
  return (
    type.startsWith('image/') ||
    ['png', 'jpg', 'jpeg', 'gif', 'tif', 'tiff', 'bmp', 'heic', 'webp'].includes(ext)
  );
}

/** The first bytes are text (no NUL in the first 4 KB): a text format may be believed. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  // UTF-16 with a byte-order mark has NULs but is text.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  return !head.includes(0);
}

export function sniff(bytes: Uint8Array, name: string, contentType: string): Sniffed {
  const type = contentType.trim().toLowerCase();
  const ext = extension(name);
  if (startsWith(bytes, PDF)) return { kind: 'text-format', format: 'pdf' };
  if (startsWith(bytes, RTF)) return { kind: 'text-format', format: 'rtf' };
  if (startsWith(bytes, ZIP)) {
    const word = ext === 'docx' || ext === 'docm' || type.includes('wordprocessingml');
    return word ? { kind: 'text-format', format: 'docx' } : { kind: 'unknown' };
  }
  // A password-protected Word, Excel or PowerPoint file of any year is an OLE container; a .doc,
  // .xls or .msg is one too, and the add-in reads none of them. Only the modern names say
  // "encrypted": a .docx inside an OLE container can be nothing else.
  if (startsWith(bytes, OLE)) {
    return ['docx', 'xlsx', 'pptx', 'docm'].includes(ext) ? { kind: 'encrypted' } : { kind: 'unknown' };
  }
  if (isImage(bytes, type, ext)) return { kind: 'image' };
  if (!looksLikeText(bytes)) return { kind: 'unknown' };
  if (type === 'message/rfc822' || ext === 'eml') return { kind: 'text-format', format: 'eml' };
  if (type === 'text/html' || ext === 'html' || ext === 'htm') return { kind: 'text-format', format: 'html' };
  if (type === 'text/calendar' || ext === 'ics') return { kind: 'text-format', format: 'icalendar' };
  if (type === 'application/rtf' || type === 'text/rtf') return { kind: 'unknown' };
  if (type.startsWith('text/') || ['txt', 'text', 'csv', 'log', 'md'].includes(ext))
    return { kind: 'text-format', format: 'text' };
  return { kind: 'unknown' };
}
