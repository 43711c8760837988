// The three SharePoint lists and how domain objects map to their `fields`.
// Why each column has the type it has is in docs/list-schema.md; in short:
// - internal names without spaces, so `fields/Name` needs no `_x0020_`;
// - email addresses in text columns (person columns come back as site-user ids);
// - dates (`YYYY-MM-DD`) in text columns: a date-only SharePoint column is stored as midnight in
//   the site's zone and comes back a day early in UTC during BST;
// - instants (received, read) in dateTime columns, compared by instant in filters;
// - lists of values (addresses, names, matter references, codes, and the reason and channel
//   codes too) one value per line in multi-line text: Graph v1.0 cannot create a multi-choice
//   column (choiceColumn has no allowMultipleSelection, and displayAs "checkBoxes" is refused);
//   nested structures (permitted times, adjustments, fingerprint) as JSON in multi-line text;
// - every column we filter on is indexed (a filter on a non-indexed column fails on big lists).
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { OutboundOverrideRecord } from '../core/log';
import {
  CHANNELS,
  DISPOSITION_KINDS,
  LOG_ROW_KINDS,
  type LogRowKind,
  INDICATOR_CODES,
  isFlagCode,
  isOneOf,
  REASONS,
  RESPONSE_POLICIES,
  STRATEGY_STATUSES,
  type ContactLogRecord,
  type HistoryEntry,
  type Strategy,
} from '../core/types';

/** What a column holds. `multiChoice` is only ever found (made in the SharePoint UI), never created. */
export type ColumnKind = 'text' | 'note' | 'choice' | 'multiChoice' | 'number' | 'boolean' | 'dateTime';
export type CreatableKind = Exclude<ColumnKind, 'multiChoice'>;

export interface ColumnSpec {
  name: string;
  displayName: string;
  kind: CreatableKind;
  indexed?: boolean;
  /** No two rows may hold the same value (SharePoint needs the column indexed for this). */
  unique?: boolean;
  choices?: readonly string[];
  description?: string;
}

/**
 * A column an earlier schema created that the add-in no longer reads: provisioning copies its
 * values into `to` where `to` is empty, then hides it so nobody edits the stale copy.
 */
export interface RetiredColumn {
  name: string;
  to: string;
}

export interface ListSpec {
  displayName: string;
  description: string;
  /** What the built-in Title column holds, and whether it is indexed. */
  title: { displayName: string; indexed: boolean };
  columns: readonly ColumnSpec[];
  retired?: readonly RetiredColumn[];
}

export const STRATEGIES_LIST = 'Contact Strategies';
export const CONTACT_LOG_LIST = 'Contact Log';
export const SETTINGS_LIST = 'Triage Settings';

const text = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'text',
  ...extra,
});
const note = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'note',
  ...extra,
});

export const STRATEGIES_SCHEMA: ListSpec = {
  displayName: STRATEGIES_LIST,
  description: 'One row per contact strategy (Contact Strategy Triage add-in). Title is the strategy id.',
  title: { displayName: 'Strategy ID', indexed: true },
  columns: [
    text('PersonName', 'Person name'),
    note('KnownNames', 'Known names', { description: 'One per line' }),
    note('EmailAddresses', 'Email addresses', { description: 'One per line' }),
    { name: 'Status', displayName: 'Status', kind: 'choice', choices: STRATEGY_STATUSES, indexed: true },
    note('MatterRefs', 'Matter references', { description: 'One per line' }),
    note('ReasonCodes', 'Reasons (one per line)', {
      choices: REASONS,
      description: `One per line: ${REASONS.join(', ')}`,
    }),
    note('ReasonNarrative', 'Reason narrative'),
    note('PermittedChannelCodes', 'Permitted channels (one per line)', {
      choices: CHANNELS,
      description: `One per line: ${CHANNELS.join(', ')}; empty = every channel`,
    }),
    text('DesignatedAddress', 'Designated address'),
    text('SpocName', 'SPOC name'),
    text('SpocAddress', 'SPOC address'),
    text('SpocSince', 'SPOC since', { description: 'YYYY-MM-DD' }),
    text('AdvocateName', 'Advocate name'),
    note('AdvocateAddresses', 'Advocate addresses', { description: 'One per line' }),
    { name: 'AdvocateRequired', displayName: 'Advocate required', kind: 'boolean' },
    { name: 'ContactLimitMax', displayName: 'Contact limit (max)', kind: 'number' },
    { name: 'ContactLimitPeriodDays', displayName: 'Contact limit period (days)', kind: 'number' },
    note('PermittedTimes', 'Permitted times', {
      description: 'JSON: [{"days":["mon"],"from":"09:00","to":"12:00"}]',
    }),
    text('TimeZone', 'Time zone', { description: 'IANA zone, e.g. Europe/London' }),
    { name: 'ResponsePolicy', displayName: 'Response policy', kind: 'choice', choices: RESPONSE_POLICIES },
    { name: 'ResponseDays', displayName: 'Respond within (days)', kind: 'number' },
    { name: 'RefuseReopen', displayName: 'Refuse to reopen', kind: 'boolean' },
    note('ReasonableAdjustments', 'Reasonable adjustments', {
      description: 'JSON: [{"description","agreed","reviewDate"}]',
    }),
    text('WarningGiven', 'Warning given', { description: 'YYYY-MM-DD' }),
    text('NotifiedInWriting', 'Notified in writing', { description: 'YYYY-MM-DD' }),
    text('StartDate', 'Start date', { description: 'YYYY-MM-DD' }),
    text('NextReviewDate', 'Next review date', { description: 'YYYY-MM-DD' }),
    text('LastReviewedDate', 'Last reviewed', { description: 'YYYY-MM-DD' }),
    text('LastReviewedBy', 'Last reviewed by'),
    text('DecidedBy', 'Decided by'),
  ],
  // Multi-choice columns of the first schema (never creatable through Graph v1.0).
  retired: [
    { name: 'Reasons', to: 'ReasonCodes' },
    { name: 'PermittedChannels', to: 'PermittedChannelCodes' },
  ],
};

export const CONTACT_LOG_SCHEMA: ListSpec = {
  displayName: CONTACT_LOG_LIST,
  description:
    'One row per decision on a message, and short-lived "being read" claims (Contact Strategy Triage add-in). No message bodies.',
  title: { displayName: 'Key', indexed: false },
  columns: [
    text('Key', 'Idempotency key', { indexed: true, unique: true }),
    text('MessageKey', 'Message key', { indexed: true }),
    // Indexed so a subject access export can find the send guard's outbound overrides, which name
    // the person only in columns SharePoint cannot index (Recipients, StrategyIds).
    { name: 'Entry', displayName: 'Entry', kind: 'choice', choices: LOG_ROW_KINDS, indexed: true },
    note('InternetMessageId', 'Internet message id'),
    { name: 'ReceivedDateTime', displayName: 'Received', kind: 'dateTime', indexed: true },
    text('Sender', 'Sender', { indexed: true }),
    note('Recipients', 'Recipients', { description: 'One per line' }),
    text('StrategyId', 'Strategy (first matched)', { indexed: true }),
    note('StrategyIds', 'Strategies', { description: 'One per line' }),
    note('PersonNames', 'People', { description: 'One per line' }),
    note('FlagCodes', 'Flags', { description: 'One per line' }),
    note('IndicatorCodes', 'Indicators', { description: 'One per line' }),
    { name: 'AnswerNewComplaint', displayName: 'New complaint or allegation', kind: 'boolean' },
    { name: 'AnswerCriminal', displayName: 'Criminal matter', kind: 'boolean' },
    { name: 'AnswerSafeguarding', displayName: 'Safeguarding or risk', kind: 'boolean' },
    { name: 'AnswerOtherAction', displayName: 'Other action needed', kind: 'boolean' },
    text('Reader', 'Read by'),
    text('ReaderName', 'Reader name'),
    { name: 'ReadAt', displayName: 'Read at', kind: 'dateTime' },
    { name: 'Disposition', displayName: 'Disposition', kind: 'choice', choices: DISPOSITION_KINDS },
    text('Folder', 'Filed to'),
    text('ForwardedTo', 'Forwarded to'),
    note('Fingerprint', 'Text fingerprint', {
      description: 'JSON {v,sig,n}; cannot be turned back into text',
    }),
    { name: 'AttachmentCount', displayName: 'Attachments', kind: 'number' },
    { name: 'AttachmentReadCount', displayName: 'Attachments read by the add-in', kind: 'number' },
    note('ImmediateRiskShown', 'Immediate-risk instruction shown', {
      description: 'The words shown before recording; empty when none was shown',
    }),
  ],
};

export const SETTINGS_SCHEMA: ListSpec = {
  displayName: SETTINGS_LIST,
  description: 'Organisation settings for Contact Strategy Triage: Title is the setting name, Value is JSON.',
  title: { displayName: 'Setting', indexed: true },
  columns: [note('Value', 'Value (JSON)')],
};

export const ALL_LISTS: readonly ListSpec[] = [STRATEGIES_SCHEMA, CONTACT_LOG_SCHEMA, SETTINGS_SCHEMA];

/**
 * Graph's columnDefinition for a spec (POST …/lists/{id}/columns). Typed with Graph v1.0's own
 * declaration, so a property v1.0 does not have fails to compile.
 */
export function columnDefinition(c: ColumnSpec): ColumnDefinition {
  const base: ColumnDefinition = {
    name: c.name,
    displayName: c.displayName,
    indexed: c.indexed === true,
    ...(c.unique ? { enforceUniqueValues: true } : {}),
    ...(c.description ? { description: c.description } : {}),
  };
  switch (c.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } };
    case 'choice':
      return {
        ...base,
        choice: { choices: [...(c.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: false },
      };
    case 'number':
      return { ...base, number: { decimalPlaces: 'none' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } };
  }
}

export function selectColumns(spec: ListSpec): string[] {
  return ['Title', ...spec.columns.map((c) => c.name)];
}

// ---- value helpers ----------------------------------------------------------------------------

/** A column value that is wrong in a way a person must fix in SharePoint. */
export class ColumnFormatError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(`column ${column}: ${message}`);
    this.name = 'ColumnFormatError';
  }
}

type Fields = Record<string, unknown>;

function lines(value: readonly string[] | undefined): string | null {
  return value && value.length ? value.join('\n') : null;
}

/** One value per line; blank lines and surrounding space ignored. */
function readLines(fields: Fields, column: string): string[] {
  const v = fields[column];
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string')
    throw new ColumnFormatError(column, `expected text with one value per line, found ${typeof v}`);
  return v
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function readJson(fields: Fields, column: string): unknown {
  const v = fields[column];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch (err) {
    throw new ColumnFormatError(
      column,
      `is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/**
 * Codes one per line; an array (a multi-choice column copied as it was) and the older `;#a;#b;#`
 * form are read too.
 */
function readMulti(fields: Fields, column: string): unknown {
  const v = fields[column];
  // Nothing ticked is "absent", so the interchange default applies (e.g. every channel).
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    const parts = v
      .split(/;#|[\n,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.length ? parts : undefined;
  }
  return v;
}

function opt(fields: Fields, column: string): unknown {
  const v = fields[column];
  return v === null || v === '' ? undefined : v;
}

function json(value: unknown): string | null {
  return value === undefined || (Array.isArray(value) && value.length === 0) ? null : JSON.stringify(value);
}

// ---- strategies ------------------------------------------------------------------------------

/** The `fields` of a strategy row. Absent optional values are written as null, which clears them. */
export function strategyToFields(s: Strategy): Record<string, unknown> {
  return {
    Title: s.id,
    PersonName: s.personName,
    KnownNames: lines(s.knownNames),
    EmailAddresses: lines(s.emailAddresses),
    Status: s.status,
    MatterRefs: lines(s.matterRefs),
    ReasonCodes: lines(s.reasons),
    ReasonNarrative: s.reasonNarrative ?? null,
    PermittedChannelCodes: lines(s.permittedChannels),
    DesignatedAddress: s.designatedAddress ?? null,
    SpocName: s.spoc?.name ?? null,
    SpocAddress: s.spoc?.address ?? null,
    SpocSince: s.spoc?.since ?? null,
    AdvocateName: s.advocate?.name ?? null,
    AdvocateAddresses: lines(s.advocate?.addresses),
    AdvocateRequired: s.advocate ? s.advocate.required : null,
    ContactLimitMax: s.contactLimit?.max ?? null,
    ContactLimitPeriodDays: s.contactLimit?.periodDays ?? null,
    PermittedTimes: json(s.permittedTimes),
    TimeZone: s.timeZone ?? null,
    ResponsePolicy: s.responsePolicy,
    ResponseDays: s.responseDays ?? null,
    RefuseReopen: s.refuseReopen,
    ReasonableAdjustments: json(s.reasonableAdjustments),
    WarningGiven: s.warningGiven ?? null,
    NotifiedInWriting: s.notifiedInWriting ?? null,
    StartDate: s.startDate ?? null,
    NextReviewDate: s.nextReviewDate ?? null,
    LastReviewedDate: s.lastReviewedDate ?? null,
    LastReviewedBy: s.lastReviewedBy ?? null,
    DecidedBy: s.decidedBy ?? null,
  };
}

/** For a create: empty values are simply not written (some column types refuse a null there). */
export function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null) continue;
    if (k.endsWith('@odata.type') && fields[k.slice(0, -'@odata.type'.length)] === null) continue;
    out[k] = v;
  }
  return out;
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * A strategy row's `fields` in the JSON interchange shape (docs/domain.md), for parseStrategy to
 * validate. Throws ColumnFormatError when a column cannot even be read (bad JSON).
 */
export function fieldsToRawStrategy(fields: Record<string, unknown>): unknown {
  const spocName = opt(fields, 'SpocName');
  const spocAddress = opt(fields, 'SpocAddress');
  const advocateName = opt(fields, 'AdvocateName');
  const advocateAddresses = readLines(fields, 'AdvocateAddresses');
  const limitMax = opt(fields, 'ContactLimitMax');
  const limitDays = opt(fields, 'ContactLimitPeriodDays');
  return dropUndefined({
    id: opt(fields, 'Title'),
    personName: opt(fields, 'PersonName'),
    knownNames: readLines(fields, 'KnownNames'),
    emailAddresses: readLines(fields, 'EmailAddresses'),
    status: opt(fields, 'Status'),
    matterRefs: readLines(fields, 'MatterRefs'),
    reasons: readMulti(fields, 'ReasonCodes'),
    reasonNarrative: opt(fields, 'ReasonNarrative'),
    permittedChannels: readMulti(fields, 'PermittedChannelCodes'),
    designatedAddress: opt(fields, 'DesignatedAddress'),
    spoc:
      spocName !== undefined || spocAddress !== undefined
        ? dropUndefined({ name: spocName, address: spocAddress, since: opt(fields, 'SpocSince') })
        : undefined,
    advocate:
      advocateName !== undefined || advocateAddresses.length > 0
        ? { name: advocateName, addresses: advocateAddresses, required: fields['AdvocateRequired'] === true }
        : undefined,
    contactLimit:
      limitMax !== undefined || limitDays !== undefined
        ? { max: limitMax, periodDays: limitDays }
        : undefined,
    permittedTimes: readJson(fields, 'PermittedTimes') ?? [],
    timeZone: opt(fields, 'TimeZone'),
    responsePolicy: opt(fields, 'ResponsePolicy'),
    responseDays: opt(fields, 'ResponseDays'),
    refuseReopen: fields['RefuseReopen'] === true,
    reasonableAdjustments: readJson(fields, 'ReasonableAdjustments') ?? [],
    warningGiven: opt(fields, 'WarningGiven'),
    notifiedInWriting: opt(fields, 'NotifiedInWriting'),
    startDate: opt(fields, 'StartDate'),
    nextReviewDate: opt(fields, 'NextReviewDate'),
    lastReviewedDate: opt(fields, 'LastReviewedDate'),
    lastReviewedBy: opt(fields, 'LastReviewedBy'),
    decidedBy: opt(fields, 'DecidedBy'),
  });
}

// ---- contact log -----------------------------------------------------------------------------

export function logRecordToFields(r: ContactLogRecord): Record<string, unknown> {
  return {
    Title: r.key,
    Key: r.key,
    MessageKey: r.messageKey,
    Entry: r.entry,
    InternetMessageId: r.internetMessageId,
    ReceivedDateTime: r.receivedDateTime,
    Sender: r.sender,
    Recipients: lines(r.recipients),
    StrategyId: r.strategyIds[0] ?? null,
    StrategyIds: lines(r.strategyIds),
    PersonNames: lines(r.personNames),
    FlagCodes: lines(r.flagCodes),
    IndicatorCodes: lines(r.indicatorCodes),
    AnswerNewComplaint: r.answers.newComplaintOrAllegation,
    AnswerCriminal: r.answers.criminalMatter,
    AnswerSafeguarding: r.answers.safeguardingOrRisk,
    AnswerOtherAction: r.answers.otherAction,
    Reader: r.reader,
    ReaderName: r.readerName ?? null,
    ReadAt: r.readAt,
    Disposition: r.disposition,
    Folder: r.folder ?? null,
    ForwardedTo: r.forwardedTo ?? null,
    Fingerprint: JSON.stringify(r.fingerprint),
    AttachmentCount: r.attachments?.total ?? null,
    AttachmentReadCount: r.attachments?.read ?? null,
    ImmediateRiskShown: r.immediateRiskShown ?? null,
  };
}

function str(fields: Fields, column: string): string {
  const v = fields[column];
  if (typeof v !== 'string' || v === '') throw new ColumnFormatError(column, 'is empty');
  return v;
}

function bool(fields: Fields, column: string): boolean {
  const v = fields[column];
  if (typeof v !== 'boolean') throw new ColumnFormatError(column, 'is not yes/no');
  return v;
}

function fingerprint(fields: Fields): ContactLogRecord['fingerprint'] {
  const fp = readJson(fields, 'Fingerprint') as { v?: unknown; sig?: unknown; n?: unknown } | undefined;
  if (!fp || typeof fp.v !== 'string' || typeof fp.sig !== 'string' || typeof fp.n !== 'number') {
    throw new ColumnFormatError('Fingerprint', 'is not a {v, sig, n} object');
  }
  return { v: fp.v, sig: fp.sig, n: fp.n };
}

/** Codes one per line; a code this version does not know makes the row unreadable, never miscast. */
function readCodes<C extends string>(
  fields: Fields,
  column: string,
  known: (code: string) => code is C,
): C[] {
  const codes = readLines(fields, column);
  const unknown = codes.find((code) => !known(code));
  if (unknown !== undefined) throw new ColumnFormatError(column, `unknown code ${JSON.stringify(unknown)}`);
  return codes.filter(known);
}

/** Throws ColumnFormatError naming the column when a row cannot be a log record. */
export function fieldsToLogRecord(fields: Record<string, unknown>): ContactLogRecord {
  const disposition = str(fields, 'Disposition');
  if (!isOneOf(DISPOSITION_KINDS, disposition))
    throw new ColumnFormatError('Disposition', `unknown value ${JSON.stringify(disposition)}`);
  const key = str(fields, 'Key');
  const entry = logRowKind(fields);
  if (entry === 'claim' || entry === 'outbound-override')
    throw new ColumnFormatError(
      'Entry',
      `is ${entry === 'claim' ? 'a claim' : 'an outbound override'}, not a decision`,
    );
  const record: ContactLogRecord = {
    key,
    messageKey: messageKeyOf(fields, key),
    entry,
    internetMessageId: typeof fields['InternetMessageId'] === 'string' ? fields['InternetMessageId'] : '',
    receivedDateTime: str(fields, 'ReceivedDateTime'),
    sender: str(fields, 'Sender'),
    recipients: readLines(fields, 'Recipients'),
    strategyIds: readLines(fields, 'StrategyIds'),
    personNames: readLines(fields, 'PersonNames'),
    flagCodes: readCodes(fields, 'FlagCodes', isFlagCode),
    indicatorCodes: readCodes(fields, 'IndicatorCodes', (c) => isOneOf(INDICATOR_CODES, c)),
    answers: {
      newComplaintOrAllegation: bool(fields, 'AnswerNewComplaint'),
      criminalMatter: bool(fields, 'AnswerCriminal'),
      safeguardingOrRisk: bool(fields, 'AnswerSafeguarding'),
      otherAction: bool(fields, 'AnswerOtherAction'),
    },
    reader: typeof fields['Reader'] === 'string' ? fields['Reader'] : '',
    readAt: typeof fields['ReadAt'] === 'string' ? fields['ReadAt'] : '',
    disposition,
    fingerprint: fingerprint(fields),
  };
  const folder = opt(fields, 'Folder');
  if (typeof folder === 'string') record.folder = folder;
  const readerName = opt(fields, 'ReaderName');
  if (typeof readerName === 'string') record.readerName = readerName;
  const forwardedTo = opt(fields, 'ForwardedTo');
  if (typeof forwardedTo === 'string') record.forwardedTo = forwardedTo;
  const attachments = opt(fields, 'AttachmentCount');
  const attachmentsRead = opt(fields, 'AttachmentReadCount');
  if (typeof attachments === 'number' && typeof attachmentsRead === 'number')
    record.attachments = { total: attachments, read: attachmentsRead };
  const riskShown = opt(fields, 'ImmediateRiskShown');
  if (typeof riskShown === 'string') record.immediateRiskShown = riskShown;
  return record;
}

/** A send-guard override row (src/send-guard/override-log.ts writes it); throws naming the column. */
export function fieldsToOverrideRecord(fields: Record<string, unknown>): OutboundOverrideRecord {
  if (logRowKind(fields) !== 'outbound-override')
    throw new ColumnFormatError('Entry', 'is not an outbound override');
  return {
    key: str(fields, 'Key'),
    entry: 'outbound-override',
    sender: str(fields, 'Sender'),
    alertedAt: str(fields, 'ReceivedDateTime'),
    sentAt: str(fields, 'ReadAt'),
    recipients: readLines(fields, 'Recipients'),
    strategyIds: readLines(fields, 'StrategyIds'),
    personNames: readLines(fields, 'PersonNames'),
  };
}

/** A row without Entry was written before claims existed: a decision. */
export function logRowKind(fields: Record<string, unknown>): LogRowKind {
  const v = fields['Entry'];
  if (v === undefined || v === null || v === '') return 'decision';
  if (isOneOf(LOG_ROW_KINDS, v)) return v;
  throw new ColumnFormatError('Entry', `unknown value ${JSON.stringify(v)}`);
}

/** Rows written before one row per decision keyed the message itself: their Key is the message key. */
function messageKeyOf(fields: Record<string, unknown>, key: string): string {
  const v = fields['MessageKey'];
  return typeof v === 'string' && v !== '' ? v : key;
}

/** The columns history needs (a narrower $select keeps the page small). */
export const HISTORY_COLUMNS = [
  'Key',
  'MessageKey',
  'Entry',
  'InternetMessageId',
  'ReceivedDateTime',
  'Sender',
  'StrategyId',
  'Fingerprint',
] as const;

export function fieldsToHistoryEntry(fields: Record<string, unknown>): HistoryEntry {
  const entry: HistoryEntry = {
    internetMessageId: typeof fields['InternetMessageId'] === 'string' ? fields['InternetMessageId'] : '',
    receivedDateTime: str(fields, 'ReceivedDateTime'),
    from: { address: str(fields, 'Sender') },
  };
  // A row with an unreadable fingerprint still counts towards contact limits.
  try {
    entry.fingerprint = fingerprint(fields);
  } catch (err) {
    if (!(err instanceof ColumnFormatError)) throw err;
  }
  const strategyId = opt(fields, 'StrategyId');
  if (typeof strategyId === 'string') entry.strategyId = strategyId;
  return entry;
}
