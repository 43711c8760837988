// The emulator's whole state as plain JSON-able records (persisted as one file).
import type { AttachmentRec } from './mail/attachments';
import type { ColumnRec } from './sharepoint/columns';
import type { EmailAddress, FieldValue, ForwardRecord } from './types';

export interface UserRec {
  upn: string;
  displayName: string;
  supervisor: boolean;
  /** An app-only identity (see SeedUser.app). */
  app?: boolean;
  /** Entra object id (GUID). */
  id: string;
  /** The user's id in a site's user information list (what `AuthorLookupId` holds). */
  lookupId: number;
}

export interface ItemRec {
  id: string;
  /** Unique id inside the eTag `"{GUID},version"`. */
  guid: string;
  version: number;
  /** Global change sequence of the last write (for delta). */
  seq: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string;
  modifiedBy: string;
  fields: Record<string, FieldValue>;
}

export interface Tombstone {
  id: string;
  seq: number;
}

export interface ListRec {
  id: string;
  displayName: string;
  name: string;
  system: boolean;
  writers: 'supervisors' | 'everyone';
  createdDateTime: string;
  lastModifiedDateTime: string;
  columns: ColumnRec[];
  /** Ascending by numeric id. */
  items: ItemRec[];
  nextId: number;
  tombstones: Tombstone[];
}

export interface SiteRec {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  createdDateTime: string;
  lists: ListRec[];
}

export interface FolderRec {
  id: string;
  displayName: string;
  parentId: string | null;
  wellKnownName?: string;
}

export interface MessageRec {
  restId: string;
  immutableId: string;
  folderId: string;
  internetMessageId: string;
  subject: string;
  from?: EmailAddress;
  sender?: EmailAddress;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  bccRecipients: EmailAddress[];
  receivedDateTime: string;
  sentDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  body: { contentType: 'text' | 'html'; content: string };
  categories: string[];
  isRead: boolean;
  importance: 'low' | 'normal' | 'high';
  conversationId: string;
  changeKey: number;
  flag: Record<string, unknown>;
  /** Absent in stores saved before attachments were modelled: none. */
  attachments?: AttachmentRec[];
}

export interface CategoryRec {
  id: string;
  displayName: string;
  color: string;
}

export interface MailboxRec {
  upn: string;
  displayName: string;
  shared: boolean;
  members: string[];
  /** Send As / Send on Behalf grants (absent in older state: none, the stricter reading). */
  sendAs?: string[];
  sendOnBehalf?: string[];
  folders: FolderRec[];
  messages: MessageRec[];
  masterCategories: CategoryRec[];
}

export interface State {
  version: 1;
  /** Global change sequence for list-item delta. */
  seq: number;
  /** Delta tokens carry the epoch they were issued in; bumping it expires them all. */
  deltaEpoch: number;
  users: UserRec[];
  sites: SiteRec[];
  mailboxes: MailboxRec[];
  forwards: ForwardRecord[];
}

export const sameUpn = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
