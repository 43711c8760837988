// Who has a message: derived from its rows in the contact log, never stored. Every decision is a
// row (core/log.ts); a light claim is a row too, written when a reader starts the read. From
// those rows alone the pane can say "Already triaged by Alex Handler at 10:42: escalated" or
// "Being read by Sam Supervisor since 10:40", and a second reader's pane can tell which mail
// actions an earlier decision already carries, so it does not forward or move again.
//
// Order: the list's item id. SharePoint gives ids in the order it created the rows, and every pane
// reads the same ids back, so "the earliest decision" means the same row to everyone (clocks on
// two laptops would not).
import { localParts } from './time';
import type { DispositionKind, IsoInstant, LogEntryKind } from './types';

interface RowBase {
  key: string;
  /** The list item id: the log's own order of creation. */
  order: number;
  reader: string;
  readerName?: string;
  at: IsoInstant;
}

export interface DecisionRow extends RowBase {
  kind: LogEntryKind;
  disposition: DispositionKind;
  forwardedTo?: string;
  folder?: string;
}

export interface ClaimRow extends RowBase {
  kind: 'claim';
}

export type MessageLogRow = DecisionRow | ClaimRow;

export interface Reading {
  reader: string;
  readerName?: string;
  since: IsoInstant;
}

export interface MessageStatus {
  /** Decisions in the order the log took them; empty means nobody has triaged it yet. */
  decisions: DecisionRow[];
  /** Other people reading it now: a claim younger than the claim lifetime, with no decision since. */
  readingNow: Reading[];
}

/** How long a claim says someone is reading: longer than a careful read, shorter than a shift. */
export const CLAIM_LIFETIME_MS = 20 * 60_000;

const sameReader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const byOrder = (a: RowBase, b: RowBase): number => a.order - b.order || a.key.localeCompare(b.key);

export function messageStatus(
  rows: readonly MessageLogRow[],
  me: string,
  now: Date,
  lifetimeMs: number = CLAIM_LIFETIME_MS,
): MessageStatus {
  const sorted = [...rows].sort(byOrder);
  const decisions = sorted.filter((r): r is DecisionRow => r.kind !== 'claim');
  const latestClaim = new Map<string, ClaimRow>();
  for (const r of sorted) {
    if (r.kind !== 'claim' || sameReader(r.reader, me)) continue;
    const age = now.getTime() - Date.parse(r.at);
    if (!(age >= -lifetimeMs && age <= lifetimeMs)) continue;
    // A reader who decided after claiming has finished reading.
    if (decisions.some((d) => sameReader(d.reader, r.reader) && d.order > r.order)) continue;
    const key = r.reader.trim().toLowerCase();
    if (!latestClaim.has(key)) latestClaim.set(key, r); // the first claim is when they began
  }
  const readingNow = [...latestClaim.values()].map((c) => ({
    reader: c.reader,
    ...(c.readerName ? { readerName: c.readerName } : {}),
    since: c.at,
  }));
  return { decisions, readingNow };
}

/** What an earlier decision on this message already does with the mail. */
export type EarlierMail =
  /** This decision's row is not in the rows read back yet: too early to know who acts. */
  { kind: 'unconfirmed' } | { kind: 'known'; forwardedBy: DecisionRow | null; movedBy: DecisionRow | null };

/**
 * Whether a decision before `ownKey` (in the log's order) already forwards or moves the message.
 * Only rows the log took before this one count: two readers deciding at once both read back both
 * rows, and both agree which came first, so exactly one of them forwards.
 */
export function earlierMail(rows: readonly MessageLogRow[], ownKey: string): EarlierMail {
  const own = rows.find((r) => r.key === ownKey);
  if (!own) return { kind: 'unconfirmed' };
  const before = rows
    .filter((r): r is DecisionRow => r.kind !== 'claim' && r.key !== ownKey && byOrder(r, own) < 0)
    .sort(byOrder);
  return {
    kind: 'known',
    forwardedBy: before.find((r) => !!r.forwardedTo) ?? null,
    movedBy: before.find((r) => !!r.folder) ?? null,
  };
}

const DISPOSITION_WORDS: Record<DispositionKind, string> = {
  escalate: 'escalated',
  'auto-file': 'read and filed',
  breach: 'breach of the strategy',
  'handled-normally': 'no concerns',
};

/** "10:42" in the organisation's zone, with the date when it was not today. */
function when(iso: IsoInstant, now: Date, timeZone: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const parts = localParts(t, timeZone);
  const hh = String(Math.floor(parts.minuteOfDay / 60)).padStart(2, '0');
  const mm = String(parts.minuteOfDay % 60).padStart(2, '0');
  const today = localParts(now, timeZone).date;
  return parts.date === today ? `${hh}:${mm}` : `${hh}:${mm} on ${parts.date}`;
}

const nameOf = (r: { reader: string; readerName?: string }): string => r.readerName || r.reader;

/** The sentences the pane shows on open; empty when nobody else has anything to do with it. */
export function statusSentences(status: MessageStatus, now: Date, timeZone: string): string[] {
  const out: string[] = [];
  const first = status.decisions[0];
  if (first) {
    out.push(
      `Already triaged by ${nameOf(first)} at ${when(first.at, now, timeZone)}: ${DISPOSITION_WORDS[first.disposition]}.`,
    );
    for (const d of status.decisions.slice(1))
      out.push(
        `${d.kind === 'second-read' ? 'Second read' : 'Also decided'} by ${nameOf(d)} at ${when(d.at, now, timeZone)}: ${DISPOSITION_WORDS[d.disposition]}.`,
      );
  }
  for (const r of status.readingNow)
    out.push(`Being read by ${nameOf(r)} since ${when(r.since, now, timeZone)}.`);
  return out;
}
