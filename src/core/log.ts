// The contact log row (durham rec 1, kent 18): who read what, when, and what they decided.
// Never the body (lancs 3.15): only its one-way fingerprint. One row per decision, never per
// message: in a shared mailbox several handlers decide on the same message, and each decision is
// kept. The decision's key (message, reader, instant) makes writing it idempotent.
import { normaliseAddress } from './address';
import type { Decided } from './gate';
import type { ContactLogRecord, Evaluation, LogEntryKind, Message, Strategy } from './types';

// ---- SHA-256 (FIPS 180-4) -----------------------------------------------------------------
// Synchronous and dependency-free: Web Crypto's digest is async, and the key is needed while
// building a record. Short inputs only (ids), so clarity beats speed here.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 encoding of `text`, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  // Message + 0x80 + zero padding + 64-bit length, to a multiple of 64 bytes.
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15] ?? 0;
      const w2 = w[i - 2] ?? 0;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

// ---- Message identity -----------------------------------------------------------------------

/**
 * The Message-ID as an identity: angle brackets and surrounding space removed, lower-cased
 * (ids differing only by case are the same message in practice, and Graph and Office.js do not
 * always agree on brackets). Empty when absent.
 */
export function normaliseMessageId(id: string | undefined): string {
  return (id ?? '')
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim()
    .toLowerCase();
}

/** Length of the key in hex digits: 128 bits, far beyond any collision risk in one log. */
const KEY_HEX_DIGITS = 32;

/**
 * Idempotency key for the log row. From the Message-ID when there is one; otherwise from sender,
 * received instant and subject, which together identify a delivered message well enough that a
 * retry of the same item produces the same key. Hashed so the key is short and fixed-length
 * (a SharePoint indexed text column) whatever the id looks like.
 */
export function logKey(
  message: Pick<Message, 'internetMessageId' | 'receivedDateTime' | 'from' | 'subject'>,
): string {
  const id = normaliseMessageId(message.internetMessageId);
  if (id) return sha256Hex(`mid:${id}`).slice(0, KEY_HEX_DIGITS);
  const sender = logAddress(message.from.address);
  const t = Date.parse(message.receivedDateTime);
  const received = Number.isNaN(t) ? message.receivedDateTime.trim() : new Date(t).toISOString();
  return sha256Hex(`fallback:${sender}\n${received}\n${message.subject.trim()}`).slice(0, KEY_HEX_DIGITS);
}

/**
 * Idempotency key of one decision: the message, who decided and when. The same decision sent
 * again (a retry, a reload of the outbox) has the same key; a colleague's decision on the same
 * message, or the same reader's second read later, has another.
 */
export function decisionKey(messageKey: string, reader: string, readAtIso: string): string {
  const t = Date.parse(readAtIso);
  const at = Number.isNaN(t) ? readAtIso.trim() : new Date(t).toISOString();
  return sha256Hex(`decision:${messageKey}\n${reader.trim().toLowerCase()}\n${at}`).slice(0, KEY_HEX_DIGITS);
}

// ---- The record ---------------------------------------------------------------------------

export interface LogRecordInput {
  message: Message;
  evaluation: Pick<Evaluation, 'matches' | 'flags' | 'indicators' | 'fingerprint'>;
  /** Strategies, for the person names of the matched ones. */
  strategies: readonly Strategy[];
  /** Only a decided read can be logged: the type carries all four answers and the disposition. */
  decided: Decided;
  /** Who did the read (UPN). */
  reader: string;
  /** Their display name, shown to colleagues ("already triaged by …"). */
  readerName?: string;
  readAt: Date;
  /** A first decision, or an explicit second read of a message someone already triaged. */
  entry?: LogEntryKind;
  /** Where the mail plan forwards the message, if it does (so a later reader does not again). */
  forwardedTo?: string | null;
}

/** An address for the log: normalised, or as written (lower-cased) when it does not parse. */
function logAddress(raw: string): string {
  return normaliseAddress(raw) ?? raw.trim().toLowerCase();
}

function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** One contact-log row. Holds no body text: only the fingerprint of it. */
export function buildLogRecord(input: LogRecordInput): ContactLogRecord {
  const { message, evaluation, decided } = input;
  const strategyIds = distinct(evaluation.matches.map((m) => m.strategyId));
  const byId = new Map(input.strategies.map((s) => [s.id, s]));
  const personNames = distinct(
    strategyIds.map((id) => byId.get(id)?.personName).filter((n): n is string => !!n),
  );
  const recipients = distinct([...message.to, ...message.cc].map((r) => logAddress(r.address)));
  const disposition = decided.disposition;
  const messageKey = logKey(message);
  const readAt = input.readAt.toISOString();
  const record: ContactLogRecord = {
    key: decisionKey(messageKey, input.reader, readAt),
    messageKey,
    entry: input.entry ?? 'decision',
    internetMessageId: message.internetMessageId,
    receivedDateTime: message.receivedDateTime,
    sender: logAddress(message.from.address),
    recipients,
    strategyIds,
    personNames,
    flagCodes: distinct(evaluation.flags.map((f) => f.code)),
    indicatorCodes: distinct(evaluation.indicators.map((i) => i.code)),
    answers: { ...decided.answers },
    reader: input.reader,
    readAt,
    disposition: disposition.kind,
    fingerprint: evaluation.fingerprint,
  };
  if (input.readerName) record.readerName = input.readerName;
  if (disposition.kind === 'auto-file') record.folder = disposition.folder;
  if (input.forwardedTo) record.forwardedTo = input.forwardedTo;
  const open = decided.open;
  if (open && open.kind === 'open-required')
    record.attachments = { total: open.attachments, read: open.attachmentsRead };
  else if (open && open.kind === 'all-read' && open.attachments > 0)
    record.attachments = { total: open.attachments, read: open.attachments };
  return record;
}
