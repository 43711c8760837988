// Text from a PDF with Mozilla's pdf.js. The library is passed in (loaded as a lazy chunk by the
// worker, or from Node in tests), so this module costs nothing until a PDF arrives.
// A page that paints an image and carries no text is a scan: the handler is told to open it.
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfLib = Pick<typeof PdfJs, 'getDocument' | 'OPS'>;

export type PdfText =
  | { kind: 'text'; text: string; pages: number; imagePages: number }
  | { kind: 'no-text'; pages: number }
  | { kind: 'encrypted' }
  | { kind: 'failed'; message: string };

/** Fewer visible characters than this on a page that paints an image: the page is a picture. */
const MIN_PAGE_CHARS = 16;

function paintsImage(lib: PdfLib, fnArray: readonly number[]): boolean {
  const ops = lib.OPS;
  const images = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
  ]);
  return fnArray.some((op) => images.has(op));
}

export async function pdfText(lib: PdfLib, bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    // The Office lint rules take any `.promise` for an Office.js proxy; this is pdf.js's task.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- not Office.js
    const doc = await task.promise;
    const parts: string[] = [];
    let imagePages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      if (text.replace(/\s/g, '').length < MIN_PAGE_CHARS) {
        const ops = await page.getOperatorList();
        if (paintsImage(lib, ops.fnArray)) imagePages++;
      }
      parts.push(text);
      page.cleanup();
    }
    const pages = doc.numPages;
    const text = parts.join('\n\n');
    if (imagePages === pages) return { kind: 'no-text', pages };
    return { kind: 'text', text, pages, imagePages };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') return { kind: 'encrypted' };
    return { kind: 'failed', message: `the PDF could not be opened (${name || 'unknown error'})` };
  } finally {
    await task.destroy();
  }
}
