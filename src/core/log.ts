// The contact log row (durham rec 1, kent 18): who read what, when, and what they decided.
// Never the body (lancs 3.15): only its one-way fingerprint. One row per decision, never per
// message: in a shared mailbox several handlers decide on the same message, and each decision is
// kept. The decision's key (message, reader, instant) makes writing it idempotent.
import { normaliseAddress } from './address';
import { hex, sha256 } from './repeat/hmac';
import type { Decided } from './gate';
import type { ContactLogRecord, Evaluation, IsoInstant, LogEntryKind, Message, Strategy } from './types';

// ---- SHA-256 ------------------------------------------------------------------------------
// The one SHA-256 in core (repeat/hmac.ts, checked against the FIPS 180 vectors): synchronous,
// since Web Crypto's digest is async and the key is needed while building a record.

/** SHA-256 of the UTF-8 encoding of `text`, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return hex(sha256(text));
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
  /** The immediate-risk instruction shown before recording (core/verdict), or null if none was. */
  immediateRiskShown?: string | null;
}

/** An address for the log: normalised, or as written (lower-cased) when it does not parse. */
export function logAddress(raw: string): string {
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
  if (input.immediateRiskShown) record.immediateRiskShown = input.immediateRiskShown;
  const open = decided.open;
  if (open && open.kind === 'open-required')
    record.attachments = { total: open.attachments, read: open.attachmentsRead };
  else if (open && open.kind === 'all-read' && open.attachments > 0)
    record.attachments = { total: open.attachments, read: open.attachments };
  return record;
}

// ---- Outbound overrides (the send guard) ---------------------------------------------------

/** A mail sent to people under a strategy after the send guard alerted: who, to whom, when. */
export interface OutboundOverrideRecord {
  key: string;
  entry: 'outbound-override';
  /** The member of staff who sent it. */
  sender: string;
  alertedAt: IsoInstant;
  sentAt: IsoInstant;
  /** The recipients the guard alerted about (normalised), never the message text. */
  recipients: string[];
  strategyIds: string[];
  personNames: string[];
}

export interface OverrideInput {
  sender: string;
  alertedAt: Date;
  sentAt: Date;
  recipients: string[];
  strategyIds: string[];
  personNames: string[];
}

/** The override row; its key (sender, alert instant, recipients) makes writing it idempotent. */
export function buildOverrideRecord(input: OverrideInput): OutboundOverrideRecord {
  const sender = logAddress(input.sender);
  const recipients = distinct(input.recipients.map(logAddress)).sort();
  const alertedAt = input.alertedAt.toISOString();
  return {
    key: sha256Hex(`override:${sender}\n${alertedAt}\n${recipients.join('\n')}`).slice(0, KEY_HEX_DIGITS),
    entry: 'outbound-override',
    sender,
    alertedAt,
    sentAt: input.sentAt.toISOString(),
    recipients,
    strategyIds: distinct(input.strategyIds),
    personNames: distinct(input.personNames),
  };
}
