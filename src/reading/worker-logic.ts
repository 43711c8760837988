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

export type WorkerResponse =
  { id: number; ok: true; result: ReadingResult } | { id: number; ok: false; message: string };

/**
 * What crosses to the worker. postMessage copies a string on the sending thread in one go: one
 * 10 MB body took 50-200 ms of the pane's main thread (Chromium, 2 shared cores), past the 50 ms
 * a task may take. So every long text (the body, each attachment's content) goes ahead in pieces
 * of at most POST_CHARS, each posted in a task of its own, and the request follows with those
 * texts left empty; the worker puts them back in the order they were taken out (detach/attach).
 * Bytes are transferred, not copied.
 */
export type WorkerMessage =
  | { id: number; type: 'text'; index: number; text: string }
  | { id: number; type: 'request'; request: ReadingRequest };

export const POST_CHARS = 256 * 1024;

/** The long texts of a request, in a fixed order, and the request with them left empty. */
export function detach(request: ReadingRequest): { shell: ReadingRequest; texts: string[] } {
  if (request.type === 'body') return { shell: { ...request, body: '' }, texts: [request.body] };
  const texts: string[] = [];
  const items = request.items.map(({ info, content }) => {
    switch (content.format) {
      case 'base64':
        texts.push(content.base64);
        return { info, content: { ...content, base64: '' } };
      case 'eml':
      case 'icalendar':
        texts.push(content.text);
        return { info, content: { ...content, text: '' } };
      default:
        return { info, content };
    }
  });
  return { shell: { ...request, items }, texts };
}

/** detach's inverse: the texts put back where they were taken from, in the same order. */
export function attach(shell: ReadingRequest, texts: readonly string[]): ReadingRequest {
  let next = 0;
  const take = (): string => {
    const text = texts[next++];
    if (text === undefined) throw new Error('the reading worker was sent fewer texts than the request holds');
    return text;
  };
  if (shell.type === 'body') return { ...shell, body: take() };
  const items = shell.items.map(({ info, content }) => {
    switch (content.format) {
      case 'base64':
        return { info, content: { ...content, base64: take() } };
      case 'eml':
      case 'icalendar':
        return { info, content: { ...content, text: take() } };
      default:
        return { info, content };
    }
  });
  return { ...shell, items };
}

/** The messages for one request, in the order they must be posted: pieces first, then the request. */
export function toMessages(id: number, request: ReadingRequest, size = POST_CHARS): WorkerMessage[] {
  const { shell, texts } = detach(request);
  const out: WorkerMessage[] = [];
  texts.forEach((text, index) => {
    // An empty text still gets its one piece, so the worker knows it is there.
    for (let at = 0; at === 0 || at < text.length; at += size)
      out.push({ id, type: 'text', index, text: text.slice(at, at + size) });
  });
  out.push({ id, type: 'request', request: shell });
  return out;
}

/** The worker's side: pieces are kept per request until the request itself arrives. */
export function createAssembler(): (message: WorkerMessage) => ReadingRequest | null {
  const pending = new Map<number, string[][]>();
  return (message) => {
    const pieces = pending.get(message.id) ?? [];
    if (message.type === 'text') {
      (pieces[message.index] ??= []).push(message.text);
      pending.set(message.id, pieces);
      return null;
    }
    pending.delete(message.id);
    return attach(
      message.request,
      Array.from(pieces, (p) => (p ?? []).join('')),
    );
  };
}

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
