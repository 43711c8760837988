// The sandbox's local Office host: the part of Office.js the add-in uses (src/office/office-api.ts
// and a little more that add-ins commonly touch), backed by the sandbox page through postMessage.
// It behaves like Outlook on the web where it matters to the add-in: callbacks are always
// asynchronous, at most 3 async calls may run at once, item ids are in EWS form, ItemChanged fires
// when the page selects another message, categories go through the mailbox.
import type {
  AsyncCallback,
  AsyncResultLike,
  CategoryLike,
  EmailAddressLike,
  ItemLike,
  OfficeApi,
  SharedPropertiesLike,
} from '../../src/office/office-api';
import {
  CHANNEL,
  toEwsId,
  toRestId,
  type FromHost,
  type FromPage,
  type HostError,
  type HostRequest,
  type AttachmentContentData,
  type InitData,
  type ItemData,
  type PersonData,
} from './protocol';
import { compareVersions } from '../../src/office/versions';

export interface HostTransport {
  send(message: FromHost): void;
  listen(handler: (message: FromPage) => void): void;
}

/** Outlook on the web and new Outlook allow 3 simultaneous async calls; the sandbox enforces it. */
export const MAX_CONCURRENT = 3;
export const TOO_MANY_CALLS: HostError = {
  code: 9999,
  name: 'TooManySimultaneousCalls',
  message: 'More than 3 async Office calls at once (Outlook on the web and new Outlook allow 3).',
};

const ENUMS = {
  EventType: {
    ItemChanged: 'olkItemSelectedChanged',
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
    DialogParentMessageReceived: 'dialogParentMessageReceived',
  },
  CoercionType: { Text: 'text', Html: 'html' },
  MailboxEnums: {
    RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
    ItemType: { Message: 'message', Appointment: 'appointment' },
  },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  HostType: { Outlook: 'Outlook' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
} as const;

type Callback<T> = AsyncCallback<T> | undefined;

/** Office.js methods accept an optional options object before the callback. */
function callbackOf<T>(a?: unknown, b?: unknown): Callback<T> {
  return (typeof a === 'function' ? a : typeof b === 'function' ? b : undefined) as Callback<T>;
}

export type SandboxOffice = OfficeApi & {
  context: OfficeApi['context'] & {
    officeTheme: Record<string, string>;
    displayLanguage: string;
    host: string;
    platform: string;
  };
  HostType: typeof ENUMS.HostType;
  PlatformType: typeof ENUMS.PlatformType;
};

export function createSandboxOffice(
  transport: HostTransport,
  origin: string,
  /** Requirement sets the host supports beyond the page's (NestedAppAuth with the NAA broker). */
  extraRequirementSets: Readonly<Record<string, string>> = {},
): SandboxOffice {
  let init: InitData | null = null;
  let item: ItemLike | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const handlers: Array<(args: unknown) => void> = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: HostError) => void }>();
  let nextId = 1;
  let inFlight = 0;

  const later = (task: () => void): void => {
    setTimeout(task, 0);
  };
  const fail = <T>(cb: Callback<T>, error: HostError): void =>
    later(() => cb?.({ status: 'failed', value: undefined as T, error } satisfies AsyncResultLike<T>));

  /** One async Office call: counted against the limit, always answered later. */
  function asyncCall<T>(cb: Callback<T>, work: () => Promise<T> | T): void {
    if (inFlight >= MAX_CONCURRENT) {
      fail(cb, TOO_MANY_CALLS);
      return;
    }
    inFlight++;
    later(() => {
      Promise.resolve()
        .then(work)
        .then(
          (value) => {
            inFlight--;
            cb?.({ status: 'succeeded', value });
          },
          (err: unknown) => {
            inFlight--;
            cb?.({ status: 'failed', value: undefined as T, error: asHostError(err) });
          },
        );
    });
  }

  function ask<T>(request: HostRequest): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      transport.send({ channel: CHANNEL, type: 'request', id, request });
    });
  }

  const person = (p: PersonData | null): EmailAddressLike | null =>
    p ? { displayName: p.displayName, emailAddress: p.emailAddress } : null;

  function buildItem(data: ItemData): ItemLike & Record<string, unknown> {
    const ref = { restId: data.restId, mailbox: data.mailbox };
    const received = new Date(data.received);
    const built: ItemLike & Record<string, unknown> = {
      itemType: 'message',
      itemId: toEwsId(data.restId),
      internetMessageId: data.internetMessageId,
      subject: data.subject,
      normalizedSubject: data.subject.replace(/^((re|fw|fwd):\s*)+/i, ''),
      from: person(data.from),
      sender: person(data.from),
      to: data.to.map((p) => person(p) as EmailAddressLike),
      cc: data.cc.map((p) => person(p) as EmailAddressLike),
      dateTimeCreated: received,
      dateTimeModified: received,
      // Outlook's message class: an S/MIME message is IPM.Note.SMIME (its content is the
      // smime.p7m attachment Graph shows); the sandbox has no other way to tell classes apart.
      itemClass: (data.attachments ?? []).some((a) => a.name.toLowerCase() === 'smime.p7m')
        ? 'IPM.Note.SMIME'
        : 'IPM.Note',
      attachments: (data.attachments ?? []).map((a) => ({ ...a })),
      getAttachmentContentAsync: (id: string, a?: unknown, b?: unknown) => {
        const cb = callbackOf<AttachmentContentData>(a, b);
        const attachment = (data.attachments ?? []).find((x) => x.id === id);
        if (!attachment) {
          fail(cb, { code: 9043, name: 'AttachmentNotFound', message: `No attachment ${id} on this item.` });
          return;
        }
        asyncCall(cb, () => ask<AttachmentContentData>({ op: 'attachment.content', item: ref, attachment }));
      },
      body: {
        getAsync: (coercionType: string, a?: unknown, b?: unknown) => {
          const cb = callbackOf<string>(a, b);
          if (coercionType !== ENUMS.CoercionType.Text && coercionType !== ENUMS.CoercionType.Html) {
            fail(cb, {
              code: 1000,
              name: 'InvalidCoercionType',
              message: `Unknown coercion type ${coercionType}`,
            });
            return;
          }
          // The sandbox keeps text bodies only; HTML coercion gets the text, escaped.
          asyncCall(cb, () =>
            coercionType === ENUMS.CoercionType.Text ? data.body : `<pre>${escapeHtml(data.body)}</pre>`,
          );
        },
      },
      categories: {
        getAsync: (a?: unknown, b?: unknown) =>
          asyncCall(callbackOf<CategoryLike[]>(a, b), () =>
            ask<CategoryLike[]>({ op: 'categories.get', item: ref }),
          ),
        addAsync: (names: string[], a?: unknown, b?: unknown) =>
          asyncCall(callbackOf<void>(a, b), async () => {
            if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || !n.trim())) {
              throw { code: 9000, name: 'InvalidCategory', message: 'categories must be non-empty names' };
            }
            await ask<void>({ op: 'categories.add', item: ref, names });
          }),
      },
      displayReplyForm: (formData: string | { htmlBody: string }) => {
        const htmlBody = typeof formData === 'string' ? formData : (formData?.htmlBody ?? '');
        if (htmlBody.length > 32 * 1024) throw new Error('displayReplyForm: the body is longer than 32 KB');
        void ask({
          op: 'replyForm',
          item: { ...ref, subject: data.subject, from: data.from },
          htmlBody,
        }).catch(() => undefined);
      },
      getAllInternetHeadersAsync: (a?: unknown, b?: unknown) =>
        asyncCall(callbackOf<string>(a, b), () => headersOf(data)),
    };
    if (data.conversationId) built.conversationId = data.conversationId;
    if (data.shared) {
      built.getSharedPropertiesAsync = (a?: unknown, b?: unknown) =>
        asyncCall(
          callbackOf<SharedPropertiesLike>(a, b),
          (): SharedPropertiesLike & { delegatePermissions: number } => ({
            owner: data.mailbox,
            targetMailbox: data.mailbox,
            targetRestUrl: `${origin}/v1.0`,
            delegatePermissions: 0x3f,
          }),
        );
    }
    return built;
  }

  transport.listen((message) => {
    switch (message.type) {
      case 'init':
        init = message.data;
        item = message.data.item ? buildItem(message.data.item) : null;
        // For the bench's cold-open waterfall (Office.onReady resolves now).
        performance.mark('cst:office-ready');
        markReady();
        break;
      case 'itemChanged':
        item = message.item ? buildItem(message.item) : null;
        for (const h of [...handlers]) {
          try {
            h({ type: ENUMS.EventType.ItemChanged });
          } catch (err) {
            console.error('ItemChanged handler threw:', err);
          }
        }
        break;
      case 'response': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) break;
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(message.error);
        break;
      }
      default:
        break;
    }
  });
  transport.send({ channel: CHANNEL, type: 'hello' });

  const mailbox = {
    get item() {
      return item;
    },
    get userProfile() {
      const user = init?.user ?? { displayName: '', emailAddress: '' };
      return { ...user, accountType: 'enterprise', timeZone: 'GMT Standard Time' };
    },
    diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'sandbox', OWAView: 'ThreeColumns' },
    convertToRestId(itemId: string, restVersion: string): string {
      if (!Object.values(ENUMS.MailboxEnums.RestVersion).includes(restVersion as never)) {
        throw new Error(`convertToRestId: unknown REST version ${restVersion}`);
      }
      return toRestId(itemId);
    },
    convertToEwsId(itemId: string): string {
      return toEwsId(itemId);
    },
    addHandlerAsync(eventType: string, handler: (args: unknown) => void, a?: unknown, b?: unknown) {
      const cb = callbackOf<void>(a, b);
      if (eventType !== ENUMS.EventType.ItemChanged) {
        fail(cb, {
          code: 5000,
          name: 'InvalidEventType',
          message: `The sandbox only raises ItemChanged, not ${eventType}`,
        });
        return;
      }
      asyncCall(cb, () => {
        handlers.push(handler);
      });
    },
    removeHandlerAsync(eventType: string, a?: unknown, b?: unknown) {
      asyncCall(callbackOf<void>(a, b), () => {
        // Like Outlook's Mailbox.removeHandlerAsync: removes every handler of the type.
        if (eventType === ENUMS.EventType.ItemChanged) handlers.length = 0;
      });
    },
  };

  const office: SandboxOffice = {
    ...ENUMS,
    context: {
      mailbox,
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          const have =
            init?.requirementSets[name] ??
            init?.requirementSets[name.toLowerCase()] ??
            extraRequirementSets[name];
          return have !== undefined && compareVersions(have, minVersion ?? '1.1') >= 0;
        },
      },
      officeTheme: {
        bodyBackgroundColor: '#ffffff',
        bodyForegroundColor: '#242424',
        controlBackgroundColor: '#ffffff',
        controlForegroundColor: '#242424',
      },
      displayLanguage: 'en-GB',
      host: ENUMS.HostType.Outlook,
      platform: ENUMS.PlatformType.OfficeOnline,
    },
    onReady(callback?: (info: { host: unknown; platform: unknown }) => void) {
      return ready.then(() => {
        const info = { host: ENUMS.HostType.Outlook, platform: ENUMS.PlatformType.OfficeOnline };
        callback?.(info);
        return info;
      });
    },
  };
  return office;
}

function asHostError(err: unknown): HostError {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; name?: unknown; message: unknown };
    return { code: Number(e.code) || 9000, name: String(e.name ?? 'Error'), message: String(e.message) };
  }
  return { code: 9000, name: 'Error', message: err instanceof Error ? err.message : String(err) };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function headersOf(data: ItemData): string {
  const mailbox = (p: PersonData) => `${p.displayName ? `"${p.displayName}" ` : ''}<${p.emailAddress}>`;
  const lines = [
    `Message-ID: ${data.internetMessageId}`,
    `Date: ${new Date(data.received).toUTCString()}`,
    data.from ? `From: ${mailbox(data.from)}` : '',
    data.to.length ? `To: ${data.to.map(mailbox).join(', ')}` : '',
    data.cc.length ? `Cc: ${data.cc.map(mailbox).join(', ')}` : '',
    `Subject: ${data.subject}`,
  ];
  return lines.filter(Boolean).join('\r\n') + '\r\n';
}
