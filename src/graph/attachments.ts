// Attachment content through Graph, where Office.js cannot give it (an Outlook without Mailbox
// 1.8, or a getAttachmentContentAsync that failed): GET …/messages/{id}/attachments/{id}/$value.
// - Ids: Office.js gives EWS ids for the item and its attachments; Graph takes REST ids, so both
//   go through convertToRestId once (ids.ts), as the item id does for moves. The request asks for
//   immutable ids like every mail request, so a message filed meanwhile is still found.
// - What comes back: a file's own bytes; an attached mail (item attachment) as MIME. A reference
//   (cloud) attachment answers 405, so it is never asked for: a cloud link is named to the
//   handler instead (reading/plan.ts never fetches one).
// - Permission: reading needs Mail.Read (Mail.Read.Shared in a shared mailbox). The add-in already
//   holds Mail.ReadWrite(.Shared) for filing, which covers reading, so this asks for the same
//   scopes (scopes.ts) and adds nothing to consent: a narrower scope beside a wider one would only
//   be one more permission to approve.
// Sources: docs/decisions/reading-attachments.md.
import type { AttachmentFallback, AttachmentListing } from '../office/attachments';
import type { AttachmentContent, AttachmentInfo } from '../reading/types';
import type { GraphClient } from './client';
import { toRestId, type ConvertToRestId } from './ids';
import { IMMUTABLE_IDS } from './mail';
import { segment } from './odata';
import { scopePlan } from './scopes';

export interface GraphAttachmentOptions {
  client: GraphClient;
  /** The host's convertToRestId (v2.0); absent where ids are REST already (mobile). */
  convert?: ConvertToRestId;
}

/** The URL of one attachment's raw content, in the mailbox that holds the message. */
export function attachmentValuePath(
  info: AttachmentInfo,
  listing: AttachmentListing,
  convert?: ConvertToRestId,
): string {
  if (!listing.restId) throw new Error('The message has no id Graph can use.');
  const mailbox = listing.mailboxOwner ? `/users/${segment(listing.mailboxOwner)}` : '/me';
  const attachment = toRestId(info.id, convert);
  return `${mailbox}/messages/${segment(listing.restId)}/attachments/${segment(attachment)}/$value`;
}

export function createGraphAttachmentFallback(options: GraphAttachmentOptions): AttachmentFallback {
  return {
    async content(info, listing): Promise<AttachmentContent> {
      // Graph answers 405 for a reference attachment's content: there is nothing to fetch.
      if (info.kind === 'cloud') throw new Error('A cloud attachment is a link: open it.');
      const bytes = await options.client.request<Uint8Array>({
        url: attachmentValuePath(info, listing, options.convert),
        headers: { ...IMMUTABLE_IDS },
        scopes: scopePlan({ sharedMailbox: listing.mailboxOwner !== undefined }).mail,
        response: 'bytes',
      });
      // Decoded in the reading worker, never on the pane's thread.
      return info.kind === 'item' ? { format: 'mime', bytes } : { format: 'bytes', bytes };
    },
  };
}
