// The extraction libraries as lazy chunks: a message without a PDF never downloads pdf.js.
// pdf.js runs its own "worker" code in this thread (we are already off the pane's thread), by
// handing it the worker module before the first document, which is pdf.js's documented
// alternative to a second Worker (globalThis.pdfjsWorker).
import type { ReaderLibs } from './read';

export const browserLibs: ReaderLibs = {
  pdf: async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import(
      /* webpackChunkName: "pdfjs-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.mjs'
    );
    return import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.mjs');
  },
  docx: async () => {
    const mammoth = await import(/* webpackChunkName: "mammoth" */ 'mammoth');
    return mammoth.default ?? mammoth;
  },
  eml: async () => {
    const postal = await import(/* webpackChunkName: "postal-mime" */ 'postal-mime');
    return postal.default;
  },
};
