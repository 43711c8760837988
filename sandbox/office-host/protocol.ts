// Messages between the sandbox page (the emulated Outlook) and its local Office host, which runs
// inside the taskpane iframe in place of office.js. Both sides check the origin and the window a
// message came from, and ignore anything that is not on this channel.

export const CHANNEL = 'cst-sandbox';

/** The performance measure of the host receiving each message from the page (Office.js's part). */
export const OFFICE_DELIVERY = 'cst:office-delivery';

export interface PersonData {
  displayName: string;
  emailAddress: string;
}

/** The selected message as Outlook would describe it to an add-in. */
export interface ItemData {
  /** Graph (REST) id; the host gives the add-in its EWS form, as Outlook on the web does. */
  restId: string;
  /** The mailbox holding it. */
  mailbox: string;
  /** True for a shared mailbox (the host then offers getSharedPropertiesAsync). */
  shared: boolean;
  internetMessageId: string;
  conversationId?: string;
  subject: string;
  from: PersonData | null;
  to: PersonData[];
  cc: PersonData[];
  /** ISO instant (Outlook's dateTimeCreated of a received message). */
  received: string;
  /** The body as text (what body.getAsync(Text) returns). */
  body: string;
  /** item.attachments (Office.AttachmentDetails), when the message has any. */
  attachments?: AttachmentData[];
}

/** Office.AttachmentDetails in read mode. */
export interface AttachmentData {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  attachmentType: 'file' | 'item' | 'cloud';
}

/** Office.AttachmentContent. */
export interface AttachmentContentData {
  format: 'base64' | 'eml' | 'iCalendar' | 'url';
  content: string;
}

export interface InitData {
  user: PersonData;
  item: ItemData | null;
  /** Requirement sets and the highest version the sandbox host supports. */
  requirementSets: Record<string, string>;
}

export type HostRequest =
  | { op: 'categories.get'; item: Pick<ItemData, 'restId' | 'mailbox'> }
  | { op: 'categories.add'; item: Pick<ItemData, 'restId' | 'mailbox'>; names: string[] }
  | { op: 'replyForm'; item: Pick<ItemData, 'restId' | 'mailbox' | 'subject' | 'from'>; htmlBody: string }
  | { op: 'headers'; item: Pick<ItemData, 'restId' | 'mailbox'> }
  | { op: 'attachment.content'; item: Pick<ItemData, 'restId' | 'mailbox'>; attachment: AttachmentData };

export interface HostError {
  code: number;
  name: string;
  message: string;
}

/** Host → page. */
export type FromHost =
  | { channel: typeof CHANNEL; type: 'hello' }
  | { channel: typeof CHANNEL; type: 'request'; id: number; request: HostRequest };

/** Page → host. */
export type FromPage =
  | { channel: typeof CHANNEL; type: 'init'; data: InitData }
  | { channel: typeof CHANNEL; type: 'itemChanged'; item: ItemData | null }
  | { channel: typeof CHANNEL; type: 'response'; id: number; ok: true; value: unknown }
  | { channel: typeof CHANNEL; type: 'response'; id: number; ok: false; error: HostError };

export function isOnChannel(data: unknown): data is { channel: typeof CHANNEL; type: string } {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}

/** Outlook on the web turns a REST id into the EWS form add-ins see: '-' → '/', '_' → '+'. */
export function toEwsId(restId: string): string {
  return restId.replace(/-/g, '/').replace(/_/g, '+');
}

/** convertToRestId(…, v2_0): the reverse. */
export function toRestId(ewsId: string): string {
  return ewsId.replace(/\//g, '-').replace(/\+/g, '_');
}
