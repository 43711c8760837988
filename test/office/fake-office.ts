// A hand-written fake of the Office.js subset in src/office/office-api.ts: callbacks fire
// asynchronously like Outlook's, and the fake counts how many async calls are in flight, so the
// tests can see the 3-call limit being honoured.
import type {
  AsyncCallback,
  AsyncResultLike,
  CategoryLike,
  EmailAddressLike,
  ItemLike,
  OfficeApi,
} from '../../src/office/office-api';

export interface FakeMessage {
  itemId: string;
  internetMessageId: string;
  subject: string;
  from: EmailAddressLike | null;
  to: EmailAddressLike[];
  cc: EmailAddressLike[];
  dateTimeCreated: Date;
  body: string;
  categories?: string[];
  conversationId?: string;
  sharedOwner?: string;
  itemType?: string;
}

export interface FakeOfficeOptions {
  hostName?: string;
  /** Omit convertToRestId (as Outlook mobile does). */
  noConvert?: boolean;
  /** Omit item.categories (clients below Mailbox 1.8). */
  noCategories?: boolean;
  masterCategories?: string[];
  supported?: Record<string, string>;
  /** Async calls above this many in flight fail, as Outlook's do. */
  callLimit?: number;
  /** Milliseconds each async call takes. */
  delayMs?: number;
}

export interface FakeOffice {
  office: OfficeApi;
  select(message: FakeMessage | null): void;
  /** Fires ItemChanged to every registered handler. */
  changeTo(message: FakeMessage | null): void;
  handlerCount(): number;
  converted: string[];
  replies: Array<string | { htmlBody: string }>;
  maxInFlight(): number;
  failNext(
    operation: 'body' | 'categories.add' | 'addHandler' | 'shared',
    code: number,
    message: string,
  ): void;
  categoriesOf(itemId: string): string[];
}

export const convertEwsToRest = (id: string): string => id.replace(/\//g, '-').replace(/\+/g, '_');

export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  let current: ItemLike | null = null;
  const handlers: Array<(args: unknown) => void> = [];
  const categories = new Map<string, string[]>();
  const converted: string[] = [];
  const replies: Array<string | { htmlBody: string }> = [];
  const failures = new Map<string, { code: number; message: string }>();
  const master = new Set(options.masterCategories ?? ['CST: read', 'CST: escalate', 'CST: breach']);
  let inFlight = 0;
  let maxInFlight = 0;

  /** Runs an async Office call: counts it, fails it over the limit, calls back later. */
  function run<T>(operation: string, cb: AsyncCallback<T> | undefined, produce: () => T): void {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const overLimit = inFlight > (options.callLimit ?? Infinity);
    const failure = failures.get(operation);
    failures.delete(operation);
    setTimeout(() => {
      inFlight--;
      let result: AsyncResultLike<T>;
      if (overLimit) {
        result = fail(9041, 'Too many simultaneous calls');
      } else if (failure) {
        result = fail(failure.code, failure.message);
      } else {
        try {
          result = { status: 'succeeded', value: produce() };
        } catch (err) {
          result = fail(9000, err instanceof Error ? err.message : String(err));
        }
      }
      cb?.(result);
    }, options.delayMs ?? 1);
  }

  function fail<T>(code: number, message: string): AsyncResultLike<T> {
    return { status: 'failed', value: undefined as T, error: { code, name: 'FakeError', message } };
  }

  function toItem(m: FakeMessage): ItemLike {
    categories.set(m.itemId, [...(categories.get(m.itemId) ?? m.categories ?? [])]);
    const item: ItemLike = {
      itemType: m.itemType ?? 'message',
      itemId: m.itemId,
      internetMessageId: m.internetMessageId,
      subject: m.subject,
      from: m.from,
      to: m.to,
      cc: m.cc,
      dateTimeCreated: m.dateTimeCreated,
      body: { getAsync: (_coercion, cb) => run('body', cb, () => m.body) },
      displayReplyForm: (form) => {
        replies.push(form);
      },
    };
    if (m.conversationId) item.conversationId = m.conversationId;
    if (!options.noCategories) {
      item.categories = {
        getAsync: (cb) =>
          run<CategoryLike[]>('categories.get', cb, () =>
            (categories.get(m.itemId) ?? []).map((displayName) => ({ displayName, color: 'preset0' })),
          ),
        addAsync: (names, cb) =>
          run<void>('categories.add', cb, () => {
            const unknown = names.filter((n) => !master.has(n));
            if (unknown.length) throw new Error(`Category not in the master list: ${unknown.join(', ')}`);
            const set = categories.get(m.itemId) ?? [];
            for (const n of names) if (!set.includes(n)) set.push(n);
            categories.set(m.itemId, set);
          }),
      };
    }
    if (m.sharedOwner) {
      const owner = m.sharedOwner;
      item.getSharedPropertiesAsync = (cb) => run('shared', cb, () => ({ owner }));
    }
    return item;
  }

  const mailbox: OfficeApi['context']['mailbox'] = {
    get item() {
      return current;
    },
    userProfile: { displayName: 'Alex Handler', emailAddress: 'alex.handler@force.example.police.uk' },
    diagnostics: { hostName: options.hostName ?? 'OutlookWebApp' },
    addHandlerAsync: (eventType, handler, cb) =>
      run<void>('addHandler', cb, () => {
        if (eventType !== 'olkItemSelectedChanged') throw new Error(`unknown event ${eventType}`);
        handlers.push(handler);
      }),
    removeHandlerAsync: (eventType, cb) =>
      run<void>('removeHandler', cb, () => {
        if (eventType === 'olkItemSelectedChanged') handlers.length = 0;
      }),
  };
  if (!options.noConvert) {
    mailbox.convertToRestId = (id, version) => {
      if (version !== 'v2.0') throw new Error(`unexpected REST version ${version}`);
      converted.push(id);
      return convertEwsToRest(id);
    };
  }

  const office: OfficeApi = {
    context: {
      mailbox,
      requirements: {
        isSetSupported: (name, version = '1.1') => {
          const have = (options.supported ?? { Mailbox: '1.8' })[name];
          return have !== undefined && Number(have.split('.')[1]) >= Number(version.split('.')[1] ?? 0);
        },
      },
    },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    CoercionType: { Text: 'text' },
    MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
  };

  return {
    office,
    select: (m) => {
      current = m ? toItem(m) : null;
    },
    changeTo: (m) => {
      current = m ? toItem(m) : null;
      for (const h of [...handlers]) h({ type: 'olkItemSelectedChanged' });
    },
    handlerCount: () => handlers.length,
    converted,
    replies,
    maxInFlight: () => maxInFlight,
    failNext: (operation, code, message) => {
      failures.set(operation, { code, message });
    },
    categoriesOf: (itemId) => [...(categories.get(itemId) ?? [])],
  };
}

export const SAMPLE: FakeMessage = {
  itemId: 'AAMkAGI2/THVjAAA+BBB=',
  internetMessageId: '<abc@example.com>',
  subject: 'Re: CO/01234/24',
  from: { displayName: 'Paul Example', emailAddress: 'paul.example@example.com' },
  to: [{ displayName: 'PSD', emailAddress: 'psd@force.example.police.uk' }],
  cc: [{ displayName: 'Sam Supervisor', emailAddress: 'sam.supervisor@force.example.police.uk' }],
  dateTimeCreated: new Date('2025-03-04T10:15:00Z'),
  body: 'plain text body',
  conversationId: 'conv-1',
};
