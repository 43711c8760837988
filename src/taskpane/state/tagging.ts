// Tagging a message after a decision, on its own: a failure here is reported and retried alone,
// never in the way of the forward, the move or the log row.
//
// Which route, and why (sources in docs/decisions/emulator.md, "Tagging"):
// - Office.js `categories.addAsync` only takes names in the master list of the mailbox that holds
//   the item. The pane prepares the user's own list at start-up (Graph, MailboxSettings.ReadWrite);
//   a delegate can add to a shared mailbox's list neither through Office.js nor through Graph, and
//   cannot even read it through Graph (403), and reading it through Office.js needs the
//   ReadWriteMailbox manifest permission, which this add-in does not ask for.
// - Graph keeps any name on a message (`categories` is a string collection); a name missing from
//   the owner's master list shows without a colour until it is added there (`npm run doctor --fix`).
// So: a shared or delegated item is tagged through Graph on the owning mailbox
// (Mail.ReadWrite.Shared); the user's own item, still in front of them, through Office.js (Outlook
// shows the tag at once), falling back to Graph when Outlook refuses it.
import type { MailActions } from '../../graph/types';
import type { CurrentMessage, MailboxHost } from '../../office/types';

export type TagOutcome = { kind: 'tagged'; via: 'office' | 'graph' } | { kind: 'failed'; error: unknown };

export interface TagRequest {
  host: MailboxHost;
  /** Graph mail actions on the mailbox holding the item (the owner's, for a shared item). */
  mail: MailActions;
  message: CurrentMessage;
  names: readonly string[];
  /** The item is still the one selected in Outlook, where it was when the pane read it. */
  inFront: boolean;
}

export async function tagMessage(request: TagRequest): Promise<TagOutcome> {
  const { host, mail, message, names } = request;
  const officeFirst =
    request.inFront && message.mailboxOwner === undefined && host.isSetSupported('Mailbox', '1.8');
  if (officeFirst) {
    try {
      await host.addCategories([...names]);
      return { kind: 'tagged', via: 'office' };
    } catch {
      // Most often InvalidCategory: the user's own master list was not prepared (no consent to
      // MailboxSettings.ReadWrite, or the list was edited). Graph keeps the names regardless.
    }
  }
  try {
    await mail.addCategories(message.restId, names, await categoriesInFront(request));
    return { kind: 'tagged', via: 'graph' };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/**
 * The item's categories as Outlook holds them, when it is still in front: read through Office.js
 * (read item permission, shared items included), they spare the Graph read before the write.
 * Undefined when Outlook cannot say: Graph is asked then.
 */
export async function categoriesInFront(
  request: Pick<TagRequest, 'host' | 'inFront'>,
): Promise<string[] | undefined> {
  if (!request.inFront || !request.host.isSetSupported('Mailbox', '1.8')) return undefined;
  try {
    return await request.host.getCategories();
  } catch {
    return undefined;
  }
}
