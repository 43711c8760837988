// What the reading worker does, as a plain module: the worker file only wires it to postMessage,
// so Node tests drive exactly this without a Worker. Requests are answered in the order given.
import { scanIndicators, type Terms } from '../core/indicators';
import { readAttachment, type ReaderLibs } from './read';
import type { AttachmentContent, AttachmentInfo, AttachmentReading } from './types';

export type ReadingRequest = {
  type: 'attachments';
  items: Array<{ info: AttachmentInfo; content: AttachmentContent }>;
  terms?: Terms;
};

export type ReadingResult = { type: 'attachments'; readings: AttachmentReading[] };

export type WorkerRequest = { id: number } & ReadingRequest;
export type WorkerResponse =
  { id: number; ok: true; result: ReadingResult } | { id: number; ok: false; message: string };

/**
 * Organisation terms arrive as a fresh copy with every request; the scanner for them is
 * compiled once per distinct list (core caches scanners by object identity).
 */
export function termsCache(): (terms: Terms | undefined) => Terms | undefined {
  let key = '';
  let held: Terms | undefined;
  return (terms) => {
    if (terms === undefined) return undefined;
    const k = JSON.stringify(terms);
    if (k !== key) {
      key = k;
      held = terms;
    }
    return held;
  };
}

export function createHandler(libs: ReaderLibs): (request: ReadingRequest) => Promise<ReadingResult> {
  const sameTerms = termsCache();
  return async (request) => {
    const terms = sameTerms(request.terms);
    const scan = (text: string) => scanIndicators(text, terms);
    const readings: AttachmentReading[] = [];
    for (const { info, content } of request.items) {
      readings.push(await readAttachment(info, content, { libs, scan }));
    }
    return { type: 'attachments', readings };
  };
}
