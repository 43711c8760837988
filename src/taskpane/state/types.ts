// What the pane shows, as data. The controller owns it; components only render it.
import type { Answered, Reading } from '../../core/gate';
import type { MessageStatus } from '../../core/message-status';
import type { BodyReadability } from '../../core/readability';
import type { AttachmentInfo, AttachmentReading } from '../../reading/types';
import type { Disposition, Evaluation, HistoryEntry, Strategy } from '../../core/types';
import type { RejectedRow, Settings } from '../../graph/types';
import type { CurrentMessage } from '../../office/types';
import type { OutboxState } from '../../outbox';

/** Earlier contacts feed CONTACT_LIMIT_EXCEEDED and REPEATED_CONTENT; they may still be on their way. */
export type HistoryStatus =
  | { kind: 'not-needed' }
  | { kind: 'checking' }
  | { kind: 'done'; entries: HistoryEntry[] }
  | { kind: 'failed'; message: string };

/**
 * Who else has this message, from its rows in the contact log: already triaged (by whom, when,
 * what) and being read now. `sentences` are core's words for the pane.
 */
export type TriageStatus =
  | { kind: 'checking' }
  | { kind: 'known'; status: MessageStatus; sentences: string[] }
  | { kind: 'failed'; message: string };

/** Mail actions that follow a recorded decision, each done at most once. */
export interface MailSteps {
  categories: boolean;
  move: boolean;
  forward: boolean;
}

export type RecordState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** The log row is durably queued; the mail actions follow. */
  | {
      kind: 'recorded';
      disposition: Disposition;
      mail: 'working' | 'done' | 'failed';
      mailError?: string;
      steps: MailSteps;
      forwarded: boolean;
      /** What this decision forwarded, and to whom, so the pane can say exactly what was sent. */
      sent?: { to: string; note: string };
      reminderDrafted: boolean;
      /** Mail actions left out because an earlier decision already did them, in words. */
      skipped?: string[];
      /** What the handler must still do by hand for the reminder (e.g. large print, post). */
      reminderNotes: string[];
    }
  /** The log row could not be stored: nothing was filed. */
  | { kind: 'failed'; message: string };

export type AttachmentsState =
  | { kind: 'none' }
  | { kind: 'reading'; listed: AttachmentInfo[] }
  | { kind: 'done'; readings: AttachmentReading[] }
  /** Reading failed as a whole: every attachment is left to the handler, and the pane says why. */
  | { kind: 'failed'; listed: AttachmentInfo[]; message: string };

export interface ShownItem {
  kind: 'shown';
  message: CurrentMessage;
  evaluation: Evaluation;
  /** The strategies the verdict refers to (matched and resembled), by id. */
  strategies: ReadonlyMap<string, Strategy>;
  history: HistoryStatus;
  gate: Reading | Answered;
  /** Whether the add-in could read the body at all (protected, empty, meeting, report). */
  body: BodyReadability;
  /** The attachments and what reading them gave; the verdict shows before this finishes. */
  attachments: AttachmentsState;
  /** Whether an escalation is forwarded to the configured mailbox (the handler may untick it). */
  forward: boolean;
  record: RecordState;
  /** Who else decided on or is reading this message (a decision now is then a second read). */
  triage: TriageStatus;
}

export type ItemState =
  { kind: 'none' } | { kind: 'loading' } | { kind: 'error'; message: string } | ShownItem;

export interface SyncState {
  syncedAt: string;
  refreshing: boolean;
  /** Set when the last refresh failed: the older snapshot is still in use. */
  error: string | null;
  rejected: RejectedRow[];
}

export interface ReadyState {
  phase: 'ready';
  settings: Settings;
  /** Standing problems that change what the pane can do (defaults in use, no offline queue). */
  warnings: string[];
  sync: SyncState;
  supervisor: { allowed: boolean; reason: string | null };
  item: ItemState;
  outbox: OutboxState;
  /** One sentence for the live region: what just happened. */
  announcement: string;
}

export type PaneState =
  | { phase: 'starting' }
  /** No strategies could be loaded at all: the pane cannot say who is under a strategy. */
  | { phase: 'unavailable'; message: string; retrying: boolean; outbox: OutboxState }
  | ReadyState;
