// The ports the pane's state works through, and the options that make it testable (time, timers,
// visibility). Kept apart so each state module names only the ports it uses.
import type { ImportStep } from '../../core/register/import';
import type { CreateOutcome } from '../../graph/strategy-import';
import type {
  ContactLogRepository,
  MailActions,
  SettingsRepository,
  StrategyRepository,
} from '../../graph/types';
import type { CurrentMessage, MailboxHost } from '../../office/types';
import type { Outbox } from '../../outbox';
import type { BodyReader } from '../../reading/long-body';
import type { AttachmentReadingService } from '../../reading/service';

export interface TriageServices {
  host: MailboxHost;
  strategies: StrategyRepository;
  contactLog: ContactLogRepository;
  settings: SettingsRepository;
  mail: MailActions;
  /** Mail actions for an item in a shared mailbox (CurrentMessage.mailboxOwner). */
  mailFor?: (owner: string) => MailActions;
  outbox: Outbox;
  /** Attachments of the selected message; absent where the host cannot list them. */
  attachments?: AttachmentReadingService;
  /** Reads a long body off the main thread (the reading worker); absent, it is read in place. */
  bodyReader?: BodyReader;
  /** Writes an import's new strategies in $batch (the supervisors' upload); absent, no upload. */
  importStrategies?: (steps: readonly ImportStep[]) => Promise<CreateOutcome[]>;
}

export interface ControllerOptions {
  now?: () => Date;
  /** Background snapshot refresh period; never on the item-switch path. */
  refreshMinutes?: number;
  /** How long a person's fetched history is trusted. */
  historyTtlMs?: number;
  /** Whether the pane is visible (no background refresh while hidden). */
  visible?: () => boolean;
  setInterval?: (fn: () => void, ms: number) => unknown;
  /** Known at start-up and shown throughout, e.g. that decisions cannot be kept offline. */
  warnings?: string[];
  clearInterval?: (handle: unknown) => void;
  /** While strategies cannot be loaded, how often to try again (the pane is useless until then). */
  unavailableRetryMs?: number;
  /**
   * Gets ready what the first evaluation needs, while the start-up requests are on the network
   * (tests pass a no-op). The first message waits for it; a failure is not the pane's end (the
   * evaluation then builds what it needs itself, later).
   */
  warmUp?: () => void | Promise<void>;
  /** Where `online` and `visibilitychange` come from: both are good moments to try again. */
  events?: { window?: EventTarget; document?: EventTarget };
}

/** Graph mail actions for the mailbox the message lives in (a shared one has its own). */
export function mailActionsFor(services: TriageServices, message: CurrentMessage): MailActions {
  const { mailFor, mail } = services;
  return message.mailboxOwner && mailFor ? mailFor(message.mailboxOwner) : mail;
}
