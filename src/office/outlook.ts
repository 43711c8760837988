// MailboxHost over Office.context.mailbox: small typed Promise wrappers around the callback API.
// Call only after Office.onReady. Everything here is thin on purpose: the domain is tested with
// fakes of MailboxHost, this file with a fake of the Office subset in office-api.ts.
import type { Mailbox } from '../core/types';
import { createLimiter, type Limiter } from './limiter';
import {
  globalOffice,
  type AsyncCallback,
  type CategoryLike,
  type EmailAddressLike,
  type ItemLike,
  type OfficeApi,
  type SharedPropertiesLike,
} from './office-api';
import type { CurrentMessage, MailboxHost, UserIdentity } from './types';

/** An Office.js async call that came back `failed`, with Office's own error code and name. */
export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number,
    readonly officeName: string,
    detail: string,
  ) {
    super(`${operation} failed: ${detail || officeName || 'unknown Office error'} (Office error ${code})`);
    this.name = 'OfficeCallError';
  }
}

/** displayReplyForm throws above 32 KB of body; say so before Outlook does, in words. */
export const REPLY_FORM_LIMIT = 32 * 1024;
/** Outlook on the web, new Outlook and mobile: at most 3 simultaneous async calls. */
export const MAX_CONCURRENT_CALLS = 3;
const MOBILE_HOSTS = new Set(['OutlookIOS', 'OutlookAndroid']);

export interface OutlookHostOptions {
  /** Defaults to the global `Office`. */
  office?: OfficeApi;
  /** Defaults to a limiter of MAX_CONCURRENT_CALLS. */
  limiter?: Limiter;
}

export function createOutlookHost(options: OutlookHostOptions = {}): MailboxHost {
  const office = options.office ?? globalOffice();
  const limit = options.limiter ?? createLimiter(MAX_CONCURRENT_CALLS);
  const mailbox = office.context.mailbox;
  const restIds = new Map<string, string>();

  /** One Office.js async call, capped, as a Promise. */
  const call = <T>(operation: string, start: (cb: AsyncCallback<T>) => void): Promise<T> =>
    limit(
      () =>
        new Promise<T>((resolve, reject) => {
          start((result) => {
            if (result.status === 'succeeded') resolve(result.value);
            else {
              const e = result.error;
              reject(new OfficeCallError(operation, e?.code ?? 0, e?.name ?? '', e?.message ?? ''));
            }
          });
        }),
    );

  /** The selected message, or null: nothing selected, or an appointment. */
  const selectedMessage = (): ItemLike | null => {
    const item = mailbox.item;
    return item && item.itemType === 'message' ? item : null;
  };

  const requireMessage = (operation: string): ItemLike => {
    const item = selectedMessage();
    if (!item) throw new Error(`${operation}: no message is selected`);
    return item;
  };

  /**
   * Desktop and web give EWS ids; Graph needs REST ids. Mobile already gives REST ids and has no
   * convertToRestId. Each id is converted once and remembered, and a REST id is never fed back in.
   */
  const toRestId = (itemId: string): string => {
    const known = restIds.get(itemId);
    if (known !== undefined) return known;
    const host = mailbox.diagnostics?.hostName ?? '';
    const convert = mailbox.convertToRestId;
    const restId =
      MOBILE_HOSTS.has(host) || typeof convert !== 'function'
        ? itemId
        : convert.call(mailbox, itemId, office.MailboxEnums.RestVersion.v2_0);
    if (restIds.size > 500) restIds.clear();
    restIds.set(itemId, restId);
    return restId;
  };

  // One Office handler for ItemChanged, fanned out: Mailbox.removeHandlerAsync removes every
  // handler of the type, so several subscribers must share one registration.
  const subscribers = new Set<() => void>();
  let registration: Promise<void> | null = null;
  const fanOut = (): void => {
    for (const s of [...subscribers]) {
      try {
        s();
      } catch (err) {
        // One failing subscriber must not stop the others from hearing about the new item.
        console.error('ItemChanged handler failed:', err instanceof Error ? err.message : err);
      }
    }
  };

  return {
    async currentMessage(): Promise<CurrentMessage | null> {
      // Read everything from the item captured now, so a selection change mid-way cannot mix two
      // messages into one result.
      const item = selectedMessage();
      if (!item) return null;
      const [body, owner] = await Promise.all([
        call<string>('Reading the message body', (cb) => item.body.getAsync(office.CoercionType.Text, cb)),
        // Microsoft documents a failure here as "not a shared or delegated item": it must never
        // block the read (docs/decisions/emulator.md, getSharedPropertiesAsync).
        item.getSharedPropertiesAsync
          ? call<SharedPropertiesLike>('Reading shared mailbox properties', (cb) =>
              item.getSharedPropertiesAsync?.(cb),
            ).then(
              (p) => p.owner,
              () => undefined,
            )
          : Promise.resolve(undefined),
      ]);
      const message: CurrentMessage = {
        internetMessageId: item.internetMessageId,
        receivedDateTime: toIso(item.dateTimeCreated),
        from: toMailbox(item.from ?? item.sender ?? null),
        to: (item.to ?? []).map(toMailbox),
        cc: (item.cc ?? []).map(toMailbox),
        subject: item.subject ?? '',
        body,
        itemId: item.itemId,
        restId: toRestId(item.itemId),
      };
      if (item.conversationId) message.conversationId = item.conversationId;
      if (owner) message.mailboxOwner = owner;
      return message;
    },

    async onItemChanged(handler: () => void): Promise<() => Promise<void>> {
      subscribers.add(handler);
      if (!registration) {
        registration = call<void>('Subscribing to item changes', (cb) =>
          mailbox.addHandlerAsync(office.EventType.ItemChanged, fanOut, cb),
        ).catch((err: unknown) => {
          registration = null;
          throw err;
        });
      }
      try {
        await registration;
      } catch (err) {
        subscribers.delete(handler);
        throw err;
      }
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        subscribers.delete(handler);
        if (subscribers.size > 0 || !registration) return;
        registration = null;
        await call<void>('Unsubscribing from item changes', (cb) =>
          mailbox.removeHandlerAsync(office.EventType.ItemChanged, cb),
        );
      };
    },

    async getCategories(): Promise<string[]> {
      const item = requireMessage('Reading categories');
      const categories = requireCategories(item);
      const list = await call<CategoryLike[]>('Reading categories', (cb) => categories.getAsync(cb));
      return (list ?? []).map((c) => c.displayName);
    },

    async addCategories(names: string[]): Promise<void> {
      if (names.length === 0) return;
      const item = requireMessage('Adding categories');
      const categories = requireCategories(item);
      await call<void>(`Adding categories ${names.join(', ')}`, (cb) => categories.addAsync([...names], cb));
    },

    displayReplyForm(htmlBody: string): void {
      const item = requireMessage('Opening a reply');
      const size = new TextEncoder().encode(htmlBody).length;
      if (size > REPLY_FORM_LIMIT) {
        throw new RangeError(
          `The reply is ${Math.ceil(size / 1024)} KB; Outlook opens replies of at most 32 KB. Shorten the template.`,
        );
      }
      item.displayReplyForm({ htmlBody });
    },

    user(): UserIdentity {
      const profile = mailbox.userProfile;
      return { displayName: profile.displayName, emailAddress: profile.emailAddress };
    },

    isSetSupported(name: string, version: string): boolean {
      const requirements = office.context.requirements;
      return typeof requirements?.isSetSupported === 'function'
        ? requirements.isSetSupported(name, version)
        : false;
    },
  };
}

function requireCategories(item: ItemLike): NonNullable<ItemLike['categories']> {
  if (!item.categories) {
    throw new Error('This version of Outlook cannot set categories on a message (needs Mailbox 1.8).');
  }
  return item.categories;
}

function toMailbox(a: EmailAddressLike | null): Mailbox {
  if (!a) return { address: '' };
  const mailbox: Mailbox = { address: a.emailAddress ?? '' };
  if (a.displayName) mailbox.name = a.displayName;
  return mailbox;
}

function toIso(d: Date | string | undefined): string {
  // Some hosts hand back a string; both become one ISO instant. A made-up time would skew the
  // permitted-times and contact-limit checks, so a missing one is an error, not a default.
  const date = d instanceof Date ? d : typeof d === 'string' ? new Date(d) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw new Error('Outlook did not give the time this message arrived.');
  return date.toISOString();
}
