// The selected message's attachments through Office.js: the list Outlook keeps on the item
// (item.attachments, read mode) and each one's content through getAttachmentContentAsync
// (Mailbox 1.8): a file as base64, an attached mail as .eml, a calendar item as iCalendar, a cloud
// attachment as a link. Where Office.js cannot give the content (an older Outlook, or the call
// fails), a Graph fallback may be given. Sources: docs/decisions/reading-attachments.md.
import type { AttachmentContent, AttachmentInfo, AttachmentKind } from '../reading/types';
import { createLimiter, type Limiter } from './limiter';
import { globalOffice, type AsyncCallback, type ItemLike, type OfficeApi } from './office-api';
import { MAX_CONCURRENT_CALLS, OfficeCallError } from './outlook';

/** Office.AttachmentDetails as read mode gives it. */
interface AttachmentDetailsLike {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  attachmentType: string;
}

/** Office.AttachmentContent. */
interface AttachmentContentLike {
  format: string;
  content: string;
}

/** The item members this module reads, beyond ItemLike. */
type ItemWithAttachments = ItemLike & {
  itemClass?: string;
  attachments?: AttachmentDetailsLike[];
  getAttachmentContentAsync?(id: string, callback: AsyncCallback<AttachmentContentLike>): void;
};

/** What Outlook says about the selected message before anything is fetched. */
export interface AttachmentListing {
  /** The item it was read from (an EWS id): content is only fetched while it is still selected. */
  itemId: string;
  itemClass?: string;
  attachments: AttachmentInfo[];
  /** The message's REST id and, in a shared mailbox, its owner: what a Graph fallback needs. */
  restId?: string;
  mailboxOwner?: string;
}

export interface AttachmentFallback {
  /** The content from Graph, for the message with this REST id. */
  content(info: AttachmentInfo, listing: AttachmentListing): Promise<AttachmentContent>;
}

export interface AttachmentPort {
  /** The selected message's attachments, or null when no message is selected. */
  list(): AttachmentListing | null;
  content(info: AttachmentInfo, listing: AttachmentListing): Promise<AttachmentContent>;
}

export interface AttachmentPortOptions {
  office?: OfficeApi;
  /** The host's limiter: attachment calls count against the same 3 simultaneous calls. */
  limiter?: Limiter;
  fallback?: AttachmentFallback;
}

const KINDS: Record<string, AttachmentKind> = { file: 'file', item: 'item', cloud: 'cloud' };

export function toInfo(a: AttachmentDetailsLike): AttachmentInfo {
  return {
    id: String(a.id),
    name: typeof a.name === 'string' && a.name ? a.name : '(no name)',
    contentType: typeof a.contentType === 'string' ? a.contentType : '',
    size: Number.isFinite(a.size) ? a.size : 0,
    isInline: a.isInline === true,
    kind: KINDS[String(a.attachmentType).toLowerCase()] ?? 'file',
  };
}

export function toContent(value: AttachmentContentLike): AttachmentContent {
  switch (String(value.format).toLowerCase()) {
    case 'base64':
      return { format: 'base64', base64: value.content };
    case 'eml':
      return { format: 'eml', text: value.content };
    case 'icalendar':
      return { format: 'icalendar', text: value.content };
    case 'url':
      return { format: 'url', url: value.content };
    default:
      throw new Error(`Outlook gave the attachment in a form the add-in does not know (${value.format}).`);
  }
}

/**
 * Office.js's convertToRestId (v2.0) for an attachment id, for a Graph fallback: Outlook on the
 * web and desktop give EWS ids. Where the host has none (mobile) the id is REST already.
 */
export function officeRestId(office: OfficeApi = globalOffice()): (id: string) => string {
  return (id) => {
    const mailbox = office.context.mailbox;
    return typeof mailbox.convertToRestId === 'function'
      ? mailbox.convertToRestId(id, office.MailboxEnums.RestVersion.v2_0)
      : id;
  };
}

export function createAttachmentPort(options: AttachmentPortOptions = {}): AttachmentPort {
  const office = options.office ?? globalOffice();
  const limit = options.limiter ?? createLimiter(MAX_CONCURRENT_CALLS);
  const selected = (): ItemWithAttachments | null => {
    const item = office.context.mailbox.item as ItemWithAttachments | null | undefined;
    return item && item.itemType === 'message' ? item : null;
  };
  const supports18 = (): boolean => office.context.requirements?.isSetSupported('Mailbox', '1.8') === true;

  const fromOffice = (item: ItemWithAttachments, info: AttachmentInfo): Promise<AttachmentContent> =>
    limit(
      () =>
        new Promise<AttachmentContent>((resolve, reject) => {
          item.getAttachmentContentAsync!(info.id, (result) => {
            if (result.status === 'succeeded') {
              try {
                resolve(toContent(result.value));
              } catch (err) {
                reject(err);
              }
            } else {
              const e = result.error;
              reject(
                new OfficeCallError(`Reading ${info.name}`, e?.code ?? 0, e?.name ?? '', e?.message ?? ''),
              );
            }
          });
        }),
    );

  return {
    list(): AttachmentListing | null {
      const item = selected();
      if (!item) return null;
      const listing: AttachmentListing = {
        itemId: item.itemId,
        attachments: (item.attachments ?? []).map(toInfo),
      };
      if (typeof item.itemClass === 'string') listing.itemClass = item.itemClass;
      return listing;
    },

    async content(info: AttachmentInfo, listing: AttachmentListing): Promise<AttachmentContent> {
      const item = selected();
      // A content call on another item would read the wrong message's attachment (or fail).
      if (!item || item.itemId !== listing.itemId) throw new Error('Another message was selected.');
      const canOffice = supports18() && typeof item.getAttachmentContentAsync === 'function';
      if (!canOffice) {
        if (options.fallback) return options.fallback.content(info, listing);
        throw new Error(
          'This version of Outlook cannot give an attachment to the add-in (needs Mailbox 1.8).',
        );
      }
      try {
        return await fromOffice(item, info);
      } catch (err) {
        if (!options.fallback) throw err;
        return options.fallback.content(info, listing);
      }
    },
  };
}
