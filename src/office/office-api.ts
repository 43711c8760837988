// The part of Office.js the adapter (outlook.ts) touches, as plain structural types. The real
// `Office` namespace satisfies it at run time (its enums are strings there); the sandbox's local
// Office host implements exactly this, and the adapter tests fake exactly this. Keeping the
// surface small and written down is what lets all three agree.

export type AsyncStatus = 'succeeded' | 'failed';

export interface AsyncError {
  code: number;
  name: string;
  message: string;
}

export interface AsyncResultLike<T> {
  status: AsyncStatus;
  value: T;
  error?: AsyncError;
}

export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

export interface EmailAddressLike {
  displayName: string;
  emailAddress: string;
}

export interface CategoryLike {
  displayName: string;
  color: string;
}

export interface SharedPropertiesLike {
  /** The mailbox that holds the item (shared mailbox or delegator). */
  owner: string;
  targetMailbox?: string;
  targetRestUrl?: string;
}

/** A message in read mode (Office.MessageRead), as far as the add-in uses it. */
export interface ItemLike {
  itemType: string;
  itemId: string;
  conversationId?: string;
  internetMessageId: string;
  subject: string;
  from: EmailAddressLike | null;
  sender?: EmailAddressLike | null;
  to: EmailAddressLike[];
  cc: EmailAddressLike[];
  dateTimeCreated: Date;
  body: { getAsync(coercionType: string, callback: AsyncCallback<string>): void };
  /** Mailbox 1.8. */
  categories?: {
    getAsync(callback: AsyncCallback<CategoryLike[]>): void;
    addAsync(names: string[], callback: AsyncCallback<void>): void;
  };
  displayReplyForm(formData: string | { htmlBody: string }): void;
  /** Present only when the item is in a shared folder or shared mailbox (Mailbox 1.8). */
  getSharedPropertiesAsync?(callback: AsyncCallback<SharedPropertiesLike>): void;
}

export interface MailboxLike {
  item: ItemLike | null | undefined;
  userProfile: EmailAddressLike;
  diagnostics?: { hostName: string };
  /** Absent on Outlook mobile, whose ids are already REST ids. */
  convertToRestId?(itemId: string, restVersion: string): string;
  addHandlerAsync(eventType: string, handler: (args: unknown) => void, callback?: AsyncCallback<void>): void;
  removeHandlerAsync(eventType: string, callback?: AsyncCallback<void>): void;
}

/** Office.Dialog: the sign-in fallback's window. */
export interface DialogLike {
  addEventHandler(eventType: string, handler: (arg: DialogEventArg) => void): void;
  close(): void;
  /** DialogApi 1.2: sends a string to the dialog page (DialogParentMessageReceived there). */
  messageChild?(message: string): void;
}

/** DialogMessageReceived carries `message` (and `origin` in newer clients); DialogEventReceived `error`. */
export interface DialogEventArg {
  message?: string;
  origin?: string;
  error?: number;
}

export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: AsyncCallback<DialogLike>,
  ): void;
  /** Inside a dialog: sends a string to the page that opened it. */
  messageParent?(message: string, options?: { targetOrigin: string }): void;
}

export interface OfficeApi {
  context: {
    mailbox: MailboxLike;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    ui?: DialogUi;
  };
  EventType: { ItemChanged: string; DialogMessageReceived?: string; DialogEventReceived?: string };
  CoercionType: { Text: string };
  MailboxEnums: { RestVersion: { v2_0: string } };
  AsyncResultStatus: { Succeeded: string; Failed: string };
  onReady(
    callback?: (info: { host: unknown; platform: unknown }) => void,
  ): Promise<{ host: unknown; platform: unknown }>;
}

/** The global `Office` as this subset (one cast, here, instead of one per call). */
export function globalOffice(): OfficeApi {
  const office = (globalThis as { Office?: unknown }).Office;
  if (!office) throw new Error('Office.js is not loaded: open the add-in from Outlook (or the sandbox).');
  return office as OfficeApi;
}
