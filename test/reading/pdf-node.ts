// Runs the PDF reader with the real pdf.js in Node (pdf.js is an ES module that jest's CommonJS
// runtime cannot load). Prints one JSON object; test/reading/pdf.test.ts checks it.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { passwordPdf, scannedPdf, textPdf } from '../../sandbox/samples/files';
import { scanIndicators } from '../../src/core/indicators';
import { readAttachment } from '../../src/reading/read';
import { nodeLibs } from './libs';

async function main(): Promise<void> {
  const cases: Record<string, Uint8Array> = {
    text: textPdf(['Dear PSD,', 'I want to make a new allegation about PC Example.', 'Jo Example']),
    // A long letter: the allegation is on its fifth and last page, after paragraphs longer than a line.
    long: textPdf([
      'Dear PSD,',
      ...Array.from(
        { length: 70 },
        (_, i) => `Paragraph ${i + 1}. ${'I am writing again about my case. '.repeat(6)}`,
      ),
      'Finally, I want to make a new allegation about PC Example.',
      'Jo Example',
    ]),
    scanned: scannedPdf(),
    password: passwordPdf(),
    broken: new TextEncoder().encode('%PDF-1.4\nthis is not a PDF'),
  };
  const ctx = {
    libs: { ...nodeLibs, pdf: () => Promise.resolve(pdfjs) },
    scan: (t: string) => scanIndicators(t),
  };
  const out: Record<string, unknown> = {};
  for (const [name, bytes] of Object.entries(cases)) {
    const info = {
      id: name,
      name: `${name}.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
      isInline: false,
      kind: 'file' as const,
    };
    out[name] = await readAttachment(info, { format: 'bytes', bytes }, ctx);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
