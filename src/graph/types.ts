// Ports the taskpane receives for SharePoint lists and mail via Microsoft Graph.
// Implementations live beside this file; tests give the UI fakes of these interfaces.
import type { OutboundOverrideRecord } from '../core/log';
import type { MessageLogRow } from '../core/message-status';
import type { Person } from '../core/register/person';
import type { SendGuardSettings } from '../core/send-guard';
import type { ContactLogRecord, Fingerprint, HistoryEntry, IndicatorCode, Strategy } from '../core/types';

export interface AppendOptions {
  /**
   * No attempt to send this decision was ever started (by any pane): its key cannot be in the
   * list yet, so the look-up before the create is skipped. Only the outbox can know this.
   */
  neverSent?: boolean;
}

/** A light claim: who started reading which message, and when (see core/message-status.ts). */
export interface MessageClaim {
  key: string;
  messageKey: string;
  reader: string;
  readerName?: string;
  at: string;
}

/** A list row that failed validation: reported, never silently dropped. */
export interface RejectedRow {
  itemId: string;
  /** Clear message naming the strategy (id/person if known) and the field. */
  message: string;
}

export interface StrategySnapshot {
  strategies: Strategy[];
  rejected: RejectedRow[];
  /** When the snapshot was last brought up to date (ISO instant). */
  syncedAt: string;
}

export type SaveResult =
  | { kind: 'saved'; strategy: Strategy }
  | { kind: 'conflict'; current: Strategy | null }
  | { kind: 'forbidden'; message: string };

export interface StrategyRepository {
  /** Full paged load first time, delta refresh afterwards (re-sync on 410). */
  sync(): Promise<StrategySnapshot>;
  /** The last snapshot in memory, no request. */
  cached(): StrategySnapshot | null;
  create(strategy: Omit<Strategy, 'id' | 'eTag'>): Promise<SaveResult>;
  /** Update with If-Match on strategy.eTag; a 412 comes back as `conflict`, never overwritten. */
  update(strategy: Strategy): Promise<SaveResult>;
}

export interface ContactLogRepository {
  /** Idempotent on record.key (one decision): a retry never creates a second row. */
  append(record: ContactLogRecord, how?: AppendOptions): Promise<'created' | 'exists'>;
  /** Every row about one message (decisions and "being read" claims), in the log's order. */
  forMessage(messageKey: string): Promise<MessageLogRow[]>;
  /** Records that a reader has started reading a message (a light claim; no decision). */
  claim(claim: MessageClaim): Promise<void>;
  /** Earlier contacts from these addresses since an instant (for contact limits and repeats). */
  history(senderAddresses: readonly string[], sinceIso: string): Promise<HistoryEntry[]>;
  /** Rows for a strategy since an instant, a message's latest decision only (review pack). */
  forStrategy(strategyId: string, sinceIso: string): Promise<ContactLogRecord[]>;
  /** Every decision about a person, however old, every decision on a message (subject access). */
  forPerson(person: PersonLogQuery): Promise<PersonLog>;
}

/** What the log holds about a person, and its rows about them that could not be read. */
export interface PersonLog {
  records: ContactLogRecord[];
  /** Mail the force sent them past a send-guard warning, oldest first. */
  overrides: OutboundOverrideRecord[];
  /** Rows that answered the person's queries but could not be read: the export must say so. */
  unreadable: RejectedRow[];
}

/** Whose rows a subject access export reads (core/register/person's Person). */
export type PersonLogQuery = Pick<Person, 'strategyIds' | 'addresses' | 'advocateAddresses'>;

export interface Settings {
  staffDomains: string[];
  teams: Record<string, string>;
  spocRotationMonths: number;
  reviewMaxDays: number;
  timeZone: string;
  terms: Partial<Record<IndicatorCode, string[]>>;
  rbnrFolder: string;
  escalationMailbox?: string;
  /**
   * The force's own words for an immediate risk (with the control room's number), shown before
   * recording a read that found a risk. Absent: the pane's general instruction.
   */
  immediateRiskInstruction?: string;
  categories: {
    escalate: string;
    rbnrFiled: string;
    breach: string;
    read: string;
    breachConfirmed: string;
    reminderSent: string;
    reviewNeeded: string;
    escalateToDecisionMaker: string;
  };
  reminderTemplate: string;
  /** UPNs shown supervisor functions. SharePoint permissions are what enforce it (403 otherwise). */
  supervisors: string[];
  /** Similarity (0..1) at or above which a message counts as REPEATED_CONTENT (Config.repeatThreshold). */
  repeatThreshold?: number;
  /**
   * The organisation's secret that repeat fingerprints are keyed with (core/repeat
   * fingerprintKey). Absent: the public key, which protects nothing by itself.
   */
  repeatKey?: string;
  /** The send-time guard: send mode per rule kind, what supervisors may send (core/send-guard). */
  sendGuard?: SendGuardSettings;
}

/** Settings, and the rows that could not be used (their defaults apply): someone must see those. */
export interface SettingsReport {
  settings: Settings;
  rejected: RejectedRow[];
}

export interface SettingsRepository {
  load(): Promise<SettingsReport>;
}

export interface MailActions {
  /** Ensures the folder exists (by display name under the Inbox) and moves the message; returns the new id. */
  moveToFolder(restId: string, folderName: string): Promise<{ id: string }>;
  /**
   * Adds categories, keeping the ones already there (read, merge, write). `current`: the item's
   * categories as Outlook just gave them, so the read is not asked of Graph again.
   */
  addCategories(restId: string, names: readonly string[], current?: readonly string[]): Promise<void>;
  /** Makes sure these master categories exist (403 on a shared mailbox is tolerated and reported). */
  ensureMasterCategories(names: readonly string[]): Promise<{ missing: string[] }>;
  /** Forwards to a mailbox with a comment (escalation). Never a reply to the sender. */
  forward(restId: string, to: string, comment: string): Promise<void>;
  /**
   * Looks up, while the handler is still reading, what a forward or a move will need (the item's
   * immutable id, the folder's id), so that recording the decision waits for neither.
   */
  prepare?(restId: string, folderName?: string): Promise<void>;
  /**
   * Tags the item and forwards and/or moves it in one round trip. Each part reports on its own:
   * a failed tag never stops the forward or the move.
   */
  tagAndAct?(restId: string, what: TogetherRequest): Promise<TogetherOutcome>;
}

export interface TogetherRequest {
  /** The item's categories now (as Outlook gives them) and the ones to add. */
  tag: { current: readonly string[]; names: readonly string[] };
  forward?: { to: string; comment: string };
  moveTo?: string;
}

/** Per part: done, or the error it met. Absent: not asked for. */
export type PartOutcome = { ok: true } | { ok: false; error: unknown };

export interface TogetherOutcome {
  tag: PartOutcome;
  forward?: PartOutcome;
  move?: PartOutcome;
}

export type { Fingerprint };
