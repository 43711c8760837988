// The Office.js surface the taskpane uses, as small Promise-based ports.
// Real implementation: src/office/outlook.ts (wraps Office.context.mailbox); the sandbox host
// implements the same Office.js calls, and unit tests give the UI plain fakes of these ports.
import type { Message } from '../core/types';

export interface CurrentMessage extends Message {
  /** The id Office.js gives (EWS format on desktop/web, REST on mobile). */
  itemId: string;
  /** REST id usable with Graph (converted once, never twice). */
  restId: string;
  conversationId?: string;
  /**
   * The mailbox holding the item when it is not the user's own (a shared mailbox such as
   * psd@…, or a delegator's folder), from item.getSharedPropertiesAsync. Graph calls for the
   * item go to /users/{mailboxOwner}/… then. Absent for the user's own mailbox.
   */
  mailboxOwner?: string;
}

export interface UserIdentity {
  displayName: string;
  emailAddress: string;
}

export interface MailboxHost {
  /** The selected message, or null when nothing (or a non-message) is selected. */
  currentMessage(): Promise<CurrentMessage | null>;
  /** Called whenever the selection changes in a pinned pane. Returns an unsubscribe function. */
  onItemChanged(handler: () => void): Promise<() => Promise<void>>;
  /** Categories on the current item (Mailbox 1.8). */
  getCategories(): Promise<string[]>;
  /** Adds categories without removing existing ones (Mailbox 1.8 addAsync). */
  addCategories(names: string[]): Promise<void>;
  /** Opens a reply form with the given HTML body; never sends. */
  displayReplyForm(htmlBody: string): void;
  user(): UserIdentity;
  /** Whether a requirement set is supported (e.g. Mailbox 1.8, NestedAppAuth 1.1). */
  isSetSupported(name: string, version: string): boolean;
}
