// The domain's shared vocabulary: its types, and each enumeration once, as an `as const` list the
// type is derived from, so core's readers, the Graph schema's choices and the pane's labels cannot
// drift apart. No Office, no Graph, no React, no I/O.
// Field names follow the JSON interchange format in docs/domain.md (strategies.json, message.json).

/** ISO-8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO-8601 instant with zone, e.g. `2025-03-04T10:15:00Z`. */
export type IsoInstant = string;

/** The outcome of reading untrusted input: the value, or one sentence saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** True when `value` is one of a vocabulary's words (narrows an unknown to the vocabulary's type). */
export function isOneOf<T extends string>(words: readonly T[], value: unknown): value is T {
  return words.some((word) => word === value);
}

// ---- Enumerations ----------------------------------------------------------------------------

export const STRATEGY_STATUSES = ['draft', 'active', 'suspended', 'ended'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

export const REASONS = ['aggressive-or-abusive', 'unreasonably-persistent', 'unreasonable-demands'] as const;
export type Reason = (typeof REASONS)[number];

export const CHANNELS = ['email', 'post', 'phone', 'in-person', 'online-form'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RESPONSE_POLICIES = ['respond', 'respond-within-days', 'read-not-respond'] as const;
export type ResponsePolicy = (typeof RESPONSE_POLICIES)[number];

/** Monday first, matching how permitted-time windows are written (`mon`..`sun`). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Spoc {
  name: string;
  address: string;
  since?: IsoDate;
}

export interface Advocate {
  name: string;
  addresses: string[];
  /** Contact must come through the advocate (ADVOCATE_REQUIRED when the person writes directly). */
  required: boolean;
}

export interface ContactLimit {
  max: number;
  periodDays: number;
}

export interface PermittedTime {
  days: Weekday[];
  /** `HH:MM`, local to the strategy's time zone. */
  from: string;
  to: string;
}

export interface ReasonableAdjustment {
  description: string;
  agreed?: IsoDate;
  reviewDate?: IsoDate;
}

export interface Strategy {
  id: string;
  personName: string;
  knownNames: string[];
  emailAddresses: string[];
  status: StrategyStatus;
  matterRefs: string[];
  reasons: Reason[];
  reasonNarrative?: string;
  permittedChannels: Channel[];
  designatedAddress?: string;
  spoc?: Spoc;
  advocate?: Advocate;
  contactLimit?: ContactLimit;
  permittedTimes: PermittedTime[];
  /** IANA zone for permittedTimes; defaults to the organisation's (config.timeZone). */
  timeZone?: string;
  responsePolicy: ResponsePolicy;
  responseDays?: number;
  refuseReopen: boolean;
  reasonableAdjustments: ReasonableAdjustment[];
  warningGiven?: IsoDate;
  notifiedInWriting?: IsoDate;
  startDate?: IsoDate;
  nextReviewDate?: IsoDate;
  lastReviewedDate?: IsoDate;
  lastReviewedBy?: string;
  decidedBy?: string;
  /** SharePoint concurrency token, carried through edits; absent for JSON input. */
  eTag?: string;
}

export interface Mailbox {
  name?: string;
  address: string;
}

export interface Message {
  internetMessageId: string;
  receivedDateTime: IsoInstant;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  /** Plain text. Never rendered as HTML. */
  body: string;
}

/** An earlier contact, from the contact log (fingerprint) or from history.json (body). */
export interface HistoryEntry {
  internetMessageId: string;
  receivedDateTime: IsoInstant;
  from: Mailbox;
  body?: string;
  fingerprint?: Fingerprint;
  strategyId?: string;
}

/** A one-way, compact representation of a text for repeat detection (see core/repeat). */
export interface Fingerprint {
  /** Algorithm/version tag, so stored fingerprints can be recognised and compared safely. */
  v: string;
  /** Opaque encoded signature (e.g. MinHash values, base64). Cannot be turned back into text. */
  sig: string;
  /** Number of shingles the text had; small texts are not compared. */
  n: number;
}

/** Organisation settings (config.json, or the SharePoint settings list). */
export interface Config {
  staffDomains: string[];
  /** Mailbox address (normalised) → team name, for MULTIPLE_RECIPIENTS. */
  teams: Record<string, string>;
  spocRotationMonths: number;
  reviewMaxDays: number;
  timeZone: string;
  /** Terms lists by indicator code; absent codes use the shipped defaults. */
  terms?: Partial<Record<IndicatorCode, string[]>>;
  /** Similarity (0..1) at or above which a message counts as REPEATED_CONTENT. */
  repeatThreshold?: number;
}

/** Most serious first: the order flags are listed in. */
export const SEVERITIES = ['breach', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FLAG_SEVERITY = {
  CHANNEL_NOT_PERMITTED: 'breach',
  WRONG_ADDRESS: 'breach',
  NOT_SPOC: 'breach',
  MULTIPLE_RECIPIENTS: 'breach',
  ADVOCATE_REQUIRED: 'breach',
  OUTSIDE_PERMITTED_TIME: 'breach',
  CONTACT_LIMIT_EXCEEDED: 'breach',
  REOPEN_DEMAND: 'warning',
  REPEATED_CONTENT: 'warning',
  READ_NOT_RESPOND: 'info',
  OTHER_MATTER: 'info',
  REASONABLE_ADJUSTMENTS: 'info',
  POSSIBLE_EVASION: 'warning',
  REVIEW_OVERDUE: 'warning',
  SPOC_ROTATION_DUE: 'warning',
  ADJUSTMENT_REVIEW_DUE: 'warning',
  STRATEGY_NOT_ACTIVE: 'info',
} as const satisfies Record<string, Severity>;

export type FlagCode = keyof typeof FLAG_SEVERITY;

/** True for a code this version knows (FLAG_SEVERITY is the one list of flag codes). */
export function isFlagCode(value: unknown): value is FlagCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FLAG_SEVERITY, value);
}

/** A flag: code and severity always agree (the severity is derived from the code). */
export type Flag = {
  [C in FlagCode]: {
    code: C;
    severity: (typeof FLAG_SEVERITY)[C];
    strategyId: string;
    /** One sentence that says why, naming the strategy field it comes from. */
    message: string;
    /** The strategy field(s) the flag comes from, e.g. `spoc`, `permittedTimes`. */
    field: string;
  };
}[FlagCode];

export const INDICATOR_CODES = [
  'SAFEGUARDING',
  'SELF_HARM',
  'THREAT',
  'NEW_ALLEGATION',
  'MANDATORY_REFERRAL',
  'CRIMINAL_MATTER',
  'NEW_COMPLAINT',
  'ABUSIVE_LANGUAGE',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** A phrase hit in the body: [start, end) are UTF-16 offsets into Message.body. */
export interface Indicator {
  code: IndicatorCode;
  start: number;
  end: number;
  text: string;
}

export const MATCH_VIA = ['sender', 'advocate'] as const;
export type MatchVia = (typeof MATCH_VIA)[number];

export interface StrategyMatch {
  strategyId: string;
  via: MatchVia;
}

/** Why a sender resembles a restricted person (never a silent match). */
export const EVASION_KINDS = ['confusable-address', 'same-local-part', 'same-display-name'] as const;
export type EvasionKind = (typeof EVASION_KINDS)[number];

export interface EvasionWarning {
  strategyId: string;
  kind: EvasionKind;
  /** The strategy value it resembles (an address or a name). */
  resembles: string;
}

export interface Evaluation {
  matches: StrategyMatch[];
  evasions: EvasionWarning[];
  flags: Flag[];
  indicators: Indicator[];
  /** Always true: every message is read (lancs 3.10). Kept explicit for the interchange format. */
  readRequired: true;
  /** Fingerprint of this message's body, for the contact log and later repeat checks. */
  fingerprint: Fingerprint;
}

// ---- The read gate -------------------------------------------------------------------------

export const READ_QUESTIONS = [
  'newComplaintOrAllegation',
  'criminalMatter',
  'safeguardingOrRisk',
  'otherAction',
] as const;
export type ReadQuestion = (typeof READ_QUESTIONS)[number];

/** All four questions answered. Partial answers are a different type, so they cannot be filed. */
export type ReadAnswers = Record<ReadQuestion, boolean>;
export type PartialReadAnswers = Partial<Record<ReadQuestion, boolean>>;

export const DISPOSITION_KINDS = ['escalate', 'auto-file', 'breach', 'handled-normally'] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];

/** What each kind of disposition carries besides its kind. */
type DispositionDetails = {
  escalate: { reasons: ReadQuestion[]; forwardTo?: string };
  'auto-file': { strategyId: string; folder: string };
  breach: { strategyIds: string[]; breachCodes: FlagCode[]; reminderAvailable: boolean };
  'handled-normally': Record<never, never>;
};

/** A tagged union over DISPOSITION_KINDS (a kind without its details does not compile). */
export type Disposition = {
  [K in DispositionKind]: { kind: K } & DispositionDetails[K];
}[DispositionKind];

// ---- The contact log ----------------------------------------------------------------------

/**
 * A row is a decision, a later reader's explicit second read of an already-triaged message, a
 * light claim ("being read by …") that carries no decision, or an outbound override: a member of
 * staff sent mail past the send guard's alert (core/log.ts buildOverrideRecord).
 */
export const LOG_ROW_KINDS = ['decision', 'second-read', 'claim', 'outbound-override'] as const;
export type LogRowKind = (typeof LOG_ROW_KINDS)[number];
export type LogEntryKind = Exclude<LogRowKind, 'claim' | 'outbound-override'>;

export interface ContactLogRecord {
  /**
   * Idempotency key of this decision (message, reader, instant of the read): a retry of the same
   * decision never makes a second row, and another reader's decision is never mistaken for it.
   */
  key: string;
  /** The message's identity (core/log.ts logKey): every decision on one message shares it. */
  messageKey: string;
  entry: LogEntryKind;
  internetMessageId: string;
  receivedDateTime: IsoInstant;
  sender: string;
  recipients: string[];
  strategyIds: string[];
  personNames: string[];
  flagCodes: FlagCode[];
  indicatorCodes: IndicatorCode[];
  answers: ReadAnswers;
  reader: string;
  /** The reader's display name, so a colleague sees "already triaged by Alex Handler". */
  readerName?: string;
  readAt: IsoInstant;
  disposition: DispositionKind;
  folder?: string;
  /** Where this decision's mail plan forwards the message (escalation), if it does. */
  forwardedTo?: string;
  fingerprint: Fingerprint;
  /** Attachments the message had (an attached mail's own included) and how many the add-in read. */
  attachments?: { total: number; read: number };
  /**
   * The immediate-risk instruction the handler was shown before recording, word for word.
   * Absent: none was shown (no risk phrase and no "yes" to the safeguarding question).
   */
  immediateRiskShown?: string;
}
