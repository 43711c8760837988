// What the reading worker does, as a plain module: the worker file only wires it to postMessage,
// so Node tests drive exactly this without a Worker. Requests are answered in the order given:
// a long body's reading (scan, matter references, fingerprint) and a message's attachments.
import { readBodyFacts, type BodyFacts } from '../core/body-facts';
import { scanIndicators, type Terms } from '../core/indicators';
import { fingerprintKey, type FingerprintKey } from '../core/repeat';
import { readAttachment, type ReaderLibs } from './read';
import type { AttachmentContent, AttachmentInfo, AttachmentReading } from './types';

export type ReadingRequest =
  | {
      type: 'attachments';
      items: Array<{ info: AttachmentInfo; content: AttachmentContent }>;
      terms?: Terms;
    }
  | {
      type: 'body';
      subject: string;
      body: string;
      terms?: Terms;
      /** The organisation's fingerprint secret; absent, the public key (as evaluate). */
      fingerprintSecret?: string;
    };

export type ReadingResult =
  { type: 'attachments'; readings: AttachmentReading[] } | { type: 'body'; facts: BodyFacts };

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

/** The key for a secret, made once per secret (an HMAC key schedule per message would be waste). */
function keyCache(): (secret: string | undefined) => FingerprintKey | undefined {
  let held: { secret: string; key: FingerprintKey } | null = null;
  return (secret) => {
    if (secret === undefined) return undefined;
    if (held?.secret !== secret) held = { secret, key: fingerprintKey(secret) };
    return held.key;
  };
}

export function createHandler(libs: ReaderLibs): (request: ReadingRequest) => Promise<ReadingResult> {
  const sameTerms = termsCache();
  const keyFor = keyCache();
  return async (request) => {
    const terms = sameTerms(request.terms);
    if (request.type === 'body') {
      const facts = readBodyFacts(request.subject, request.body, terms, keyFor(request.fingerprintSecret));
      return { type: 'body', facts };
    }
    const scan = (text: string) => scanIndicators(text, terms);
    const readings: AttachmentReading[] = [];
    for (const { info, content } of request.items) {
      readings.push(await readAttachment(info, content, { libs, scan }));
    }
    return { type: 'attachments', readings };
  };
}
