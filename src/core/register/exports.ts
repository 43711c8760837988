// Exports for reviews and subject access requests, as tables of text that the adapters write as
// CSV (or show as a printable page). A subject access export holds what the log holds about the
// person and leaves out what is internal: the repeat fingerprint and the idempotency key.
import type { OutboundOverrideRecord } from '../log';
import type { ReviewPack } from '../supervisor';
import type { ContactLogRecord } from '../types';
import { type Person, isAboutPerson, isOverrideAboutPerson } from './person';
import { type RegisterRow, kindLabel, noReviewWords } from './register';

export type Table = { headers: string[]; rows: string[][] };

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export function registerTable(rows: readonly RegisterRow[]): Table {
  return {
    headers: [
      'Reference',
      'Person',
      'Status',
      'Kind',
      'Single point of contact',
      'Next review',
      'Review overdue',
      'SPOC rotation due',
      'Adjustment reviews due',
      'Contacts since last review',
      'Breaches since last review',
      'Counted since',
    ],
    rows: rows.map((r) => [
      r.id,
      r.personName,
      r.status,
      r.kinds.map(kindLabel).join('; '),
      r.spoc ?? '',
      r.review.kind === 'due' ? r.review.date : r.review.kind === 'ended' ? noReviewWords(r.review) : '',
      r.review.kind === 'due' ? yesNo(r.review.overdue) : r.review.kind === 'ended' ? 'No' : '',
      r.spocRotation?.date ?? '',
      r.adjustmentReviews.map((a) => `${a.description} (${a.due.date})`).join('; '),
      String(r.contacts),
      String(r.breaches),
      r.since,
    ]),
  };
}

const LOG_HEADERS = [
  'Received',
  'Message ID',
  'From',
  'To',
  'Strategies',
  'People',
  'Flags',
  'Indicators',
  'New complaint or allegation',
  'Criminal matter',
  'Safeguarding or risk',
  'Other action',
  'Decision',
  'Folder',
  'Forwarded to',
  'Attachments',
  'Read by',
  'Read at',
];

/** "2 of 3 read": what the add-in read of the message's attachments, when it had any. */
const attachmentText = (a: ContactLogRecord['attachments']): string =>
  a && a.total > 0 ? `${a.read} of ${a.total} read` : '';

function logRow(r: ContactLogRecord): string[] {
  return [
    r.receivedDateTime,
    r.internetMessageId,
    r.sender,
    r.recipients.join('; '),
    r.strategyIds.join('; '),
    r.personNames.join('; '),
    r.flagCodes.join('; '),
    r.indicatorCodes.join('; '),
    yesNo(r.answers.newComplaintOrAllegation),
    yesNo(r.answers.criminalMatter),
    yesNo(r.answers.safeguardingOrRisk),
    yesNo(r.answers.otherAction),
    r.disposition,
    r.folder ?? '',
    r.forwardedTo ?? '',
    attachmentText(r.attachments),
    r.reader,
    r.readAt,
  ];
}

export function reviewPackTable(pack: ReviewPack): Table {
  return { headers: LOG_HEADERS, rows: pack.records.map(logRow) };
}

/** What the Disposition column says of mail the force sent the person past a send-guard warning. */
export const SENT_PAST_WARNING = 'sent to them after a contact-strategy warning (Send anyway)';

/**
 * A send-guard override in the log's columns: "Received" is when the warning was shown, the sender
 * is the member of staff who sent it, "Read at" is when it was sent. No message text exists to show.
 */
function overrideRow(o: OutboundOverrideRecord): string[] {
  const blank = (n: number) => Array.from({ length: n }, () => '');
  return [
    o.alertedAt,
    '',
    o.sender,
    o.recipients.join('; '),
    o.strategyIds.join('; '),
    o.personNames.join('; '),
    ...blank(6),
    SENT_PAST_WARNING,
    ...blank(3),
    o.sender,
    o.sentAt,
  ];
}

/**
 * Every log row about a person: rows that name one of their strategies, or that came from one of
 * their addresses, every decision on a message (a re-read, a colleague's second decision), and
 * mail the force sent them past a send-guard warning, oldest first. Fingerprints and keys are
 * internal and never exported.
 */
export function subjectAccessTable(
  person: Person,
  log: readonly ContactLogRecord[],
  overrides: readonly OutboundOverrideRecord[] = [],
): Table {
  const rows = [
    ...log
      .filter((r) => isAboutPerson(person, r))
      .map((r) => ({ at: r.receivedDateTime, then: r.readAt, row: logRow(r) })),
    ...overrides
      .filter((o) => isOverrideAboutPerson(person, o))
      .map((o) => ({ at: o.alertedAt, then: o.sentAt, row: overrideRow(o) })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.then.localeCompare(b.then));
  return { headers: LOG_HEADERS, rows: rows.map((r) => r.row) };
}

/** What the supervisor is told once a subject access export is saved: what it covers, what it lacks. */
export function subjectAccessSaved(saved: {
  file: string;
  personName: string;
  strategyIds: readonly string[];
  entries: number;
  unreadable: readonly string[];
}): string {
  const { file, personName, strategyIds, entries, unreadable } = saved;
  const strategies = `${strategyIds.length === 1 ? 'strategy' : 'strategies'} ${strategyIds.join(', ')}`;
  const said = `Saved ${file}: ${entries} ${entries === 1 ? 'entry' : 'entries'} of the contact log about ${personName} (${strategies}).`;
  const n = unreadable.length;
  if (n === 0) return said;
  return `${said} ${n} ${n === 1 ? 'row' : 'rows'} about them could not be read and ${n === 1 ? 'is' : 'are'} not in the file (${unreadable.join('; ')}): ask an administrator to correct ${n === 1 ? 'it' : 'them'}, then export again.`;
}

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). A cell
 * already starting with apostrophes before such a character gets one more, so the import can
 * always take exactly one off: "'-" must come back as "'-", not "-".
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, so Excel opens UTF-8 names correctly. */
export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Undoes csvCell's apostrophe when a CSV export is imported again. */
export function uncsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
