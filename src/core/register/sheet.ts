// The strategy register as a spreadsheet: one row per strategy, one column per field a person
// fills in. Import reads rows through core's own strategy parser (so a row is accepted exactly
// when a JSON strategy would be); export writes the same columns, so export then import gives the
// same strategies back. Headings and values accept the words forces commonly use (aliases below).
import { parseStrategy } from '../strategy';
import type { Channel, Reason, ResponsePolicy, Strategy, StrategyStatus } from '../types';
import {
  type Cell,
  type CellRead,
  cellText,
  fold,
  isBlank,
  listItems,
  readDate,
  readKeyword,
  readLimit,
  readTimes,
  readYesNo,
  writeLimit,
  writeTimes,
} from './cells';

type Raw = Record<string, unknown>;

/** How one column's cell becomes part of the interchange object, and back. */
interface Column {
  header: string;
  /** Other headings that mean this column (folded: letters and digits only). */
  aliases: readonly string[];
  /** The interchange field(s) a parser problem under this column names. */
  fields: readonly string[];
  read: (cell: Cell, into: Raw) => string | null;
  write: (s: Strategy) => string;
}

function words<T extends string>(table: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, said] of Object.entries(table) as [T, readonly string[]][]) {
    map.set(fold(value), value);
    for (const w of said) map.set(fold(w), value);
  }
  return map;
}

const STATUS_WORDS = words<StrategyStatus>({
  draft: ['proposed'],
  active: ['live', 'in force', 'current'],
  suspended: ['paused', 'on hold'],
  ended: ['closed', 'lifted', 'expired'],
});
const REASON_WORDS = words<Reason>({
  'aggressive-or-abusive': ['aggressive or abusive', 'abusive', 'aggressive'],
  'unreasonably-persistent': ['unreasonably persistent', 'persistent'],
  'unreasonable-demands': ['unreasonable demands', 'demands'],
});
const CHANNEL_WORDS = words<Channel>({
  email: ['e-mail'],
  post: ['letter', 'by post', 'post only'],
  phone: ['telephone', 'tel'],
  'in-person': ['in person', 'face to face'],
  'online-form': ['online form', 'web form', 'online'],
});
const POLICY_WORDS = words<ResponsePolicy>({
  respond: ['respond normally', 'normal'],
  'respond-within-days': [],
  'read-not-respond': ['read but do not respond', 'read but not respond', 'rbnr', 'read only'],
});

const REASON_LABEL: Record<Reason, string> = {
  'aggressive-or-abusive': 'Aggressive or abusive',
  'unreasonably-persistent': 'Unreasonably persistent',
  'unreasonable-demands': 'Unreasonable demands',
};
const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'Email',
  post: 'Post',
  phone: 'Phone',
  'in-person': 'In person',
  'online-form': 'Online form',
};
const STATUS_LABEL: Record<StrategyStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  suspended: 'Suspended',
  ended: 'Ended',
};

const lines = (items: readonly string[]) => items.join('\n');

function text(header: string, key: keyof Strategy & string, aliases: string[]): Column {
  return {
    header,
    aliases,
    fields: [key],
    read: (cell, into) => {
      into[key] = cellText(cell);
      return null;
    },
    write: (s) => {
      const v = s[key];
      return typeof v === 'string' ? v : '';
    },
  };
}

function list(
  header: string,
  key: 'knownNames' | 'emailAddresses' | 'matterRefs',
  aliases: string[],
): Column {
  return {
    header,
    aliases,
    fields: [key],
    read: (cell, into) => {
      into[key] = listItems(cell, key !== 'knownNames');
      return null;
    },
    write: (s) => lines(s[key]),
  };
}

function keywords<T extends string>(
  header: string,
  key: 'reasons' | 'permittedChannels',
  aliases: string[],
  table: ReadonlyMap<string, T>,
  labels: Record<T, string>,
  what: string,
  get: (s: Strategy) => readonly T[],
): Column {
  return {
    header,
    aliases,
    fields: [key],
    read: (cell, into) => {
      const out: T[] = [];
      for (const item of listItems(cell, true)) {
        const r = readKeyword(item, table, what);
        if (!r.ok) return r.problem;
        if (!out.includes(r.value)) out.push(r.value);
      }
      into[key] = out;
      return null;
    },
    write: (s) => lines(get(s).map((v) => labels[v])),
  };
}

function date(
  header: string,
  key: 'warningGiven' | 'notifiedInWriting' | 'startDate' | 'nextReviewDate' | 'lastReviewedDate',
  aliases: string[],
): Column {
  return {
    header,
    aliases,
    fields: [key],
    read: (cell, into) => settle(readDate(cell), (v) => (into[key] = v)),
    write: (s) => s[key] ?? '',
  };
}

function settle<T>(r: CellRead<T>, use: (value: T) => void): string | null {
  if (!r.ok) return r.problem;
  use(r.value);
  return null;
}

/** A nested object's field, e.g. spoc.name: the object is made when the first of its cells is read. */
function nested(into: Raw, key: string): Raw {
  const existing = into[key];
  if (typeof existing === 'object' && existing !== null) return existing as Raw;
  const made: Raw = {};
  into[key] = made;
  return made;
}

const ADJUSTMENT_PART = /^(agreed|review(?:ed| date)?)\s*:?\s*(.+)$/i;

/** The columns, in the order the template and exports use. */
export const SHEET_COLUMNS: readonly Column[] = [
  text('Reference', 'id', ['ref', 'strategy ref', 'strategy reference', 'strategy id', 'cs ref', 'id']),
  text('Person', 'personName', [
    'name',
    'person name',
    'full name',
    'complainant',
    'complainant name',
    'subject',
  ]),
  list('Known names', 'knownNames', ['other names', 'aliases', 'also known as', 'aka']),
  list('Email addresses', 'emailAddresses', [
    'email',
    'emails',
    'email address',
    'e-mail addresses',
    'addresses',
  ]),
  {
    header: 'Status',
    aliases: ['strategy status', 'state'],
    fields: ['status'],
    read: (cell, into) => settle(readKeyword(cell, STATUS_WORDS, 'status'), (v) => (into.status = v)),
    write: (s) => STATUS_LABEL[s.status],
  },
  list('Matter references', 'matterRefs', [
    'matters',
    'matter refs',
    'complaint references',
    'case references',
    'case refs',
  ]),
  keywords(
    'Reasons',
    'reasons',
    ['reason', 'grounds'],
    REASON_WORDS,
    REASON_LABEL,
    'reason',
    (s) => s.reasons,
  ),
  text('Reason narrative', 'reasonNarrative', ['narrative', 'rationale', 'reason details', 'details']),
  keywords(
    'Permitted channels',
    'permittedChannels',
    ['channels', 'contact channels', 'contact by'],
    CHANNEL_WORDS,
    CHANNEL_LABEL,
    'channel',
    (s) => s.permittedChannels,
  ),
  text('Write to', 'designatedAddress', ['designated address', 'designated mailbox', 'dedicated address']),
  {
    header: 'Single point of contact',
    aliases: ['spoc', 'spoc name', 'single point of contact name'],
    fields: ['spoc'],
    read: (cell, into) => {
      nested(into, 'spoc').name = cellText(cell);
      return null;
    },
    write: (s) => s.spoc?.name ?? '',
  },
  {
    header: 'SPOC email',
    aliases: ['spoc address', 'spoc email address', 'single point of contact email'],
    fields: ['spoc'],
    read: (cell, into) => {
      nested(into, 'spoc').address = cellText(cell);
      return null;
    },
    write: (s) => s.spoc?.address ?? '',
  },
  {
    header: 'SPOC since',
    aliases: ['spoc start', 'spoc from', 'spoc since date'],
    fields: ['spoc'],
    read: (cell, into) => settle(readDate(cell), (v) => (nested(into, 'spoc').since = v)),
    write: (s) => s.spoc?.since ?? '',
  },
  {
    header: 'Advocate',
    aliases: ['advocate name'],
    fields: ['advocate'],
    read: (cell, into) => {
      nested(into, 'advocate').name = cellText(cell);
      return null;
    },
    write: (s) => s.advocate?.name ?? '',
  },
  {
    header: 'Advocate emails',
    aliases: ['advocate email', 'advocate address', 'advocate addresses', 'advocate email addresses'],
    fields: ['advocate'],
    read: (cell, into) => {
      nested(into, 'advocate').addresses = listItems(cell, true);
      return null;
    },
    write: (s) => lines(s.advocate?.addresses ?? []),
  },
  {
    header: 'Advocate required',
    aliases: ['must use advocate', 'through advocate only', 'advocate only'],
    fields: ['advocate'],
    read: (cell, into) => settle(readYesNo(cell), (v) => (nested(into, 'advocate').required = v)),
    write: (s) => (s.advocate ? (s.advocate.required ? 'Yes' : 'No') : ''),
  },
  {
    header: 'Contact limit',
    aliases: ['limit', 'frequency', 'contact frequency'],
    fields: ['contactLimit'],
    read: (cell, into) => settle(readLimit(cell), (v) => (into.contactLimit = v)),
    write: (s) => (s.contactLimit ? writeLimit(s.contactLimit) : ''),
  },
  {
    header: 'Permitted times',
    aliases: ['times', 'contact times', 'hours', 'permitted hours'],
    fields: ['permittedTimes'],
    read: (cell, into) => settle(readTimes(cell), (v) => (into.permittedTimes = v)),
    write: (s) => writeTimes(s.permittedTimes),
  },
  text('Time zone', 'timeZone', ['timezone', 'zone']),
  {
    header: 'Response',
    aliases: ['response policy', 'respond', 'reply policy'],
    fields: ['responsePolicy', 'responseDays'],
    read: (cell, into) => {
      const t = cellText(cell);
      const within = /^respond\s+within\s+(\d+)\s+(?:working\s+)?days?$/i.exec(t);
      if (within) {
        into.responsePolicy = 'respond-within-days';
        into.responseDays = Number(within[1]);
        return null;
      }
      return settle(
        readKeyword(
          t,
          POLICY_WORDS,
          'response (write Respond, Respond within 10 days, or Read but do not respond)',
        ),
        (v) => (into.responsePolicy = v),
      );
    },
    write: (s) =>
      s.responsePolicy === 'respond-within-days'
        ? `Respond within ${s.responseDays ?? 0} days`
        : s.responsePolicy === 'read-not-respond'
          ? 'Read but do not respond'
          : 'Respond',
  },
  {
    header: 'Refuse to reopen',
    aliases: ['refuse reopen', 'no reopening', 'refuse to reopen closed matters'],
    fields: ['refuseReopen'],
    read: (cell, into) => settle(readYesNo(cell), (v) => (into.refuseReopen = v)),
    write: (s) => (s.refuseReopen ? 'Yes' : 'No'),
  },
  {
    header: 'Reasonable adjustments',
    aliases: ['adjustments', 'reasonable adjustment'],
    fields: ['reasonableAdjustments'],
    read: (cell, into) => {
      const out: Raw[] = [];
      const items = cellText(cell).includes('\n') ? cellText(cell).split('\n') : cellText(cell).split(';');
      for (const item of items.map((s) => s.trim()).filter((s) => s !== '')) {
        const parts = item.split(/\s+\|\s+/);
        const adj: Raw = {};
        while (parts.length > 1) {
          const m = ADJUSTMENT_PART.exec(parts[parts.length - 1] ?? '');
          if (!m) break;
          const d = readDate((m[2] ?? '').trim());
          if (!d.ok) return `"${item}": ${d.problem}`;
          adj[(m[1] ?? '').toLowerCase() === 'agreed' ? 'agreed' : 'reviewDate'] = d.value;
          parts.pop();
        }
        adj.description = parts.join(' | ');
        out.push(adj);
      }
      into.reasonableAdjustments = out;
      return null;
    },
    write: (s) =>
      lines(
        s.reasonableAdjustments.map((a) =>
          [a.description, a.agreed ? `agreed ${a.agreed}` : '', a.reviewDate ? `review ${a.reviewDate}` : '']
            .filter((p) => p !== '')
            .join(' | '),
        ),
      ),
  },
  date('Warning given', 'warningGiven', ['warning date', 'warned']),
  date('Notified in writing', 'notifiedInWriting', ['notified', 'written notice', 'letter sent']),
  date('Start date', 'startDate', ['start', 'started', 'from']),
  date('Next review', 'nextReviewDate', ['next review date', 'review due', 'review date']),
  date('Last reviewed', 'lastReviewedDate', ['last review', 'last review date', 'reviewed']),
  text('Last reviewed by', 'lastReviewedBy', ['reviewed by', 'reviewer']),
  text('Decided by', 'decidedBy', ['decision maker', 'authorised by', 'approved by']),
];

export const SHEET_HEADERS: readonly string[] = SHEET_COLUMNS.map((c) => c.header);

/** A heading the import does not know: reported, never silently ignored. */
export interface HeaderMap {
  columns: (Column | null)[];
  unknown: string[];
  missing: string[];
}

const BY_HEADING = new Map<string, Column>();
for (const c of SHEET_COLUMNS) for (const h of [c.header, ...c.aliases]) BY_HEADING.set(fold(h), c);

/** The columns of a header row, by heading or alias; Reference, Person and Email addresses are required. */
export function mapHeaders(headers: readonly Cell[]): HeaderMap {
  const seen = new Set<Column>();
  const unknown: string[] = [];
  const columns = headers.map((h) => {
    const t = cellText(h);
    if (t === '') return null;
    const c = BY_HEADING.get(fold(t));
    if (c === undefined || seen.has(c)) {
      unknown.push(c === undefined ? t : `${t} (a second ${c.header} column)`);
      return null;
    }
    seen.add(c);
    return c;
  });
  const missing = ['id', 'personName', 'emailAddresses']
    .map((k) => SHEET_COLUMNS.find((c) => c.fields[0] === k))
    .filter((c): c is Column => c !== undefined && !seen.has(c))
    .map((c) => c.header);
  return { columns, unknown, missing };
}

/** A problem on one row, naming the spreadsheet row (1 = the header row) and the column. */
export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

export type RowResult =
  { ok: true; row: number; strategy: Strategy } | { ok: false; row: number; problems: RowProblem[] };

/** The column a parser problem is about: the first field path it names. */
function columnFor(problem: string): string {
  const path = /^([A-Za-z]+)/.exec(problem)?.[1] ?? '';
  return SHEET_COLUMNS.find((c) => c.fields.includes(path))?.header ?? '(row)';
}

/**
 * One data row → a checked strategy. Cells are read first (dates, yes/no, days and times), then
 * the whole row goes through parseStrategy, so import accepts exactly what the pane and the
 * `triage` command accept. `row` is the spreadsheet row number shown in messages.
 */
export function readRow(map: HeaderMap, cells: readonly Cell[], row: number): RowResult {
  const raw: Raw = {};
  const problems: RowProblem[] = [];
  map.columns.forEach((column, i) => {
    const cell = cells[i];
    if (column === null || isBlank(cell)) return;
    const problem = column.read(cell, raw);
    if (problem !== null) problems.push({ row, column: column.header, problem });
  });
  if (problems.length > 0) return { ok: false, row, problems };
  const parsed = parseStrategy(raw);
  if (parsed.ok) return { ok: true, row, strategy: parsed.value };
  // "strategy CS-1 (Name): a must be …; b is required" → one problem per clause, under its column.
  const detail = parsed.error.replace(/^strategy[^:]*:\s*/, '');
  for (const clause of detail.split(/;\s+/)) {
    problems.push({ row, column: columnFor(clause), problem: clause });
  }
  return { ok: false, row, problems };
}

/** Whether a row has nothing in it (spreadsheets often end with blank rows). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every(isBlank);
}

/** A strategy as one spreadsheet row, in SHEET_HEADERS order. */
export function strategyRow(strategy: Strategy): string[] {
  return SHEET_COLUMNS.map((c) => c.write(strategy));
}
