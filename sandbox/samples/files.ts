// Attachment files for the sample inbox and the tests, written in code so that every byte is
// explained: a PDF with a text layer, a scanned PDF (an image and no text), a password-protected
// PDF, a Word document, RTF, HTML and an attached mail. Invented people, example.* domains.

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A PDF from numbered objects (bodies as bytes), with a correct cross-reference table. */
function pdfOf(objects: readonly Uint8Array[], trailerExtra = ''): Uint8Array {
  const parts: Uint8Array[] = [ascii('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = concat([ascii(`${i + 1} 0 obj\n`), body, ascii('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(ascii(xref));
  return concat(parts);
}

function stream(dict: string, data: Uint8Array): Uint8Array {
  return concat([ascii(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, ascii('\nendstream')]);
}

const pdfString = (line: string): string => `(${line.replace(/[\\()]/g, (c) => `\\${c}`)})`;

// What fits on an A4 page in 12 pt Helvetica at 14 pt leading inside 72 pt margins. A PDF reader
// (pdf.js, and a person) sees only what lies on the page: text placed beyond its edges is not
// read, so long lines are wrapped and long letters run onto further pages.
const PAGE_LINE_CHARS = 80;
const PAGE_LINES = 48;

/** Lines wrapped at spaces to the page's width (a word longer than a line is cut). */
function wrapped(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    while (rest.length > PAGE_LINE_CHARS) {
      const space = rest.lastIndexOf(' ', PAGE_LINE_CHARS);
      const cut = space > 0 ? space : PAGE_LINE_CHARS;
      out.push(rest.slice(0, cut));
      rest = rest.slice(space > 0 ? cut + 1 : cut);
    }
    out.push(rest);
  }
  return out;
}

/** A PDF whose text layer holds these lines (Helvetica, WinAnsi), as many A4 pages as they need. */
export function textPdf(lines: readonly string[]): Uint8Array {
  const all = wrapped(lines);
  const pages: string[][] = [];
  for (let i = 0; i < all.length || pages.length === 0; i += PAGE_LINES)
    pages.push(all.slice(i, i + PAGE_LINES));
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page.
  const pageId = (i: number) => 4 + 2 * i;
  const objects = [
    ascii('<< /Type /Catalog /Pages 2 0 R >>'),
    ascii(
      `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ),
    ascii('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  ];
  pages.forEach((page, i) => {
    objects.push(
      ascii(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`,
      ),
    );
    const content = `BT /F1 12 Tf 14 TL 72 770 Td ${page.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`;
    objects.push(stream('', ascii(content)));
  });
  return pdfOf(objects);
}

/** A one-page PDF that is only a picture: what a scanner or a phone camera makes of a letter. */
export function scannedPdf(): Uint8Array {
  const side = 8;
  const pixels = Uint8Array.from({ length: side * side }, (_, i) => ((i + Math.floor(i / side)) % 2) * 255);
  return pdfOf([
    ascii('<< /Type /Catalog /Pages 2 0 R >>'),
    ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    ascii(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    ),
    stream(
      `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`,
      pixels,
    ),
    stream('', ascii('q 495 0 0 742 50 50 cm /Im1 Do Q')),
  ]);
}

/**
 * A PDF that needs a password to open: the standard security handler (RC4, revision 2) with
 * owner and user keys that no empty password matches, so a reader must ask for one.
 */
export function passwordPdf(): Uint8Array {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 0xff).toString(16).padStart(2, '0')).join(
      '',
    );
  return pdfOf(
    [
      ascii('<< /Type /Catalog /Pages 2 0 R >>'),
      ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
      ascii('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
      stream('', ascii('BT ET')),
      ascii(`<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(7)}> /P -4 >>`),
    ],
    `/Encrypt 5 0 R /ID [<${hex(1).slice(0, 32)}> <${hex(1).slice(0, 32)}>] `,
  );
}

// ---- ZIP (stored, no compression): enough for a .docx ------------------------------------------

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function le(n: number, bytes: 2 | 4): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (n >>> (8 * i)) & 0xff;
  return out;
}

export function zipStored(files: Record<string, string>): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const utf8 = new TextEncoder();
  for (const [name, text] of Object.entries(files)) {
    const data = utf8.encode(text);
    const nameBytes = utf8.encode(name);
    const crc = crc32(data);
    const common = [
      le(20, 2),
      le(0, 2),
      le(0, 2),
      le(0, 2),
      le(0x21, 2),
      le(crc, 4),
      le(data.length, 4),
      le(data.length, 4),
      le(nameBytes.length, 2),
      le(0, 2),
    ];
    const header = concat([le(0x04034b50, 4), ...common, nameBytes, data]);
    central.push(
      concat([
        le(0x02014b50, 4),
        le(20, 2),
        ...common,
        le(0, 2),
        le(0, 2),
        le(0, 2),
        le(0, 4),
        le(offset, 4),
        nameBytes,
      ]),
    );
    local.push(header);
    offset += header.length;
  }
  const dir = concat(central);
  const end = concat([
    le(0x06054b50, 4),
    le(0, 2),
    le(0, 2),
    le(central.length, 2),
    le(central.length, 2),
    le(dir.length, 4),
    le(offset, 4),
    le(0, 2),
  ]);
  return concat([...local, dir, end]);
}

const xmlText = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A Word document (.docx) with one paragraph per line. */
export function docx(paragraphs: readonly string[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipStored({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs
      .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(p)}</w:t></w:r></w:p>`)
      .join('')}</w:body></w:document>`,
  });
}

/** A Word file protected with a password: Office wraps it in an OLE compound file. */
export function encryptedDocx(): Uint8Array {
  const out = new Uint8Array(1024);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return out;
}

/** RTF as WordPad writes it, text escaped (non-ASCII as \u with a ? fallback). */
export function rtf(paragraphs: readonly string[]): Uint8Array {
  const escape = (t: string) =>
    [...t]
      .map((c) => {
        const code = c.charCodeAt(0);
        if (c === '\\' || c === '{' || c === '}') return `\\${c}`;
        if (code > 0x7e || code < 0x20)
          return c.length > 1 || code > 0xffff ? c : `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
        return c;
      })
      .join('');
  const body = paragraphs.map((p) => `${escape(p)}\\par\n`).join('');
  return ascii(
    `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}{\\*\\generator Riched20;}\\viewkind4\\uc1\\pard\\f0\\fs22 ${body}}`,
  );
}

/** An e-mail as .eml, with attachments (base64), as Outlook gives an attached mail. */
export function eml(options: {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: ReadonlyArray<{ name: string; type: string; bytes: Uint8Array }>;
}): string {
  const boundary = 'cst-sample-boundary';
  const b64 = (bytes: Uint8Array) =>
    (
      Buffer.from(bytes)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n');
  const head = [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: ${options.subject}`,
    'Date: Mon, 3 Mar 2025 09:00:00 +0000',
    'MIME-Version: 1.0',
  ];
  const attachments = options.attachments ?? [];
  if (attachments.length === 0)
    return [...head, 'Content-Type: text/plain; charset=utf-8', '', options.text, ''].join('\r\n');
  const parts = [
    [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', options.text].join('\r\n'),
    ...attachments.map((a) =>
      [
        `--${boundary}`,
        `Content-Type: ${a.type}; name="${a.name}"`,
        `Content-Disposition: attachment; filename="${a.name}"`,
        'Content-Transfer-Encoding: base64',
        '',
        b64(a.bytes),
      ].join('\r\n'),
    ),
  ];
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    ...parts,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A tiny PNG-signed image: enough for any reader to know it is a picture. */
export function png(): Uint8Array {
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
}

/** Attachments the sample messages name (messages.json "attachments"), made from the files above. */
export interface SampleAttachment {
  name: string;
  contentType: string;
  kind: 'file' | 'item';
  bytes: Uint8Array;
}

export const SAMPLE_ATTACHMENTS: Record<string, () => SampleAttachment> = {
  'letter-pdf': () => ({
    name: 'Letter to PSD.pdf',
    contentType: 'application/pdf',
    kind: 'file',
    bytes: textPdf([
      'Dear Professional Standards,',
      'I want to make a new allegation about PC Example.',
      'On 10 June PC Example assaulted my son outside the station.',
      'Casey Quinn',
    ]),
  }),
  'scan-jpg': () => ({ name: 'letter-photo.jpg', contentType: 'image/jpeg', kind: 'file', bytes: png() }),
  'scan-pdf': () => ({
    name: 'scanned letter.pdf',
    contentType: 'application/pdf',
    kind: 'file',
    bytes: scannedPdf(),
  }),
  smime: () => ({
    name: 'smime.p7m',
    contentType: 'application/pkcs7-mime',
    kind: 'file',
    bytes: Uint8Array.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x09]),
  }),
};
