// The sandbox's local Office host, driven through the real adapter (src/office/outlook.ts): if the
// adapter works against it, the taskpane in the sandbox sees what it would see in Outlook.
import { createSandboxOffice, TOO_MANY_CALLS, type HostTransport } from '../../sandbox/office-host/host';
import {
  CHANNEL,
  type FromHost,
  type FromPage,
  type HostRequest,
  type ItemData,
} from '../../sandbox/office-host/protocol';
import type { AsyncResultLike } from '../../src/office/office-api';
import { createOutlookHost } from '../../src/office/outlook';

const ALEX = { displayName: 'Alex Handler', emailAddress: 'alex.handler@force.example.police.uk' };
const ITEM: ItemData = {
  restId: 'AAMkADabc-def_ghiAAA=',
  mailbox: 'psd@force.example.police.uk',
  shared: true,
  internetMessageId: '<paul-compliant.0604@mail.example.com>',
  subject: 'CO/01234/24 - update',
  from: { displayName: 'Paul Example', emailAddress: 'paul.example@example.com' },
  to: [{ displayName: 'Contact strategy', emailAddress: 'contact.strategy@force.example.police.uk' }],
  cc: [],
  received: '2025-06-04T09:15:00.000Z',
  body: 'Dear Alex,\n\nThank you for your letter.',
};

/** The sandbox page's side, in memory: answers requests and records them. */
function fakePage(options: { categories?: string[] } = {}) {
  const requests: HostRequest[] = [];
  const categories = [...(options.categories ?? [])];
  let toHost: (m: FromPage) => void = () => undefined;
  const transport: HostTransport = {
    listen: (handler) => {
      toHost = handler;
    },
    send: (message: FromHost) => {
      if (message.type !== 'request') return;
      requests.push(message.request);
      const r = message.request;
      setTimeout(() => {
        if (r.op === 'categories.add' && r.names.includes('Unknown')) {
          toHost({
            channel: CHANNEL,
            type: 'response',
            id: message.id,
            ok: false,
            error: { code: 9031, name: 'InvalidCategory', message: 'not in the master list' },
          });
          return;
        }
        if (r.op === 'categories.add')
          for (const n of r.names) if (!categories.includes(n)) categories.push(n);
        const value =
          r.op === 'categories.get'
            ? categories.map((displayName) => ({ displayName, color: 'preset4' }))
            : null;
        toHost({ channel: CHANNEL, type: 'response', id: message.id, ok: true, value });
      }, 2);
    },
  };
  const office = createSandboxOffice(transport, 'https://localhost:3100');
  return {
    office,
    requests,
    init: (item: ItemData | null = ITEM) =>
      toHost({
        channel: CHANNEL,
        type: 'init',
        data: { user: ALEX, item, requirementSets: { Mailbox: '1.8' } },
      }),
    select: (item: ItemData | null) => toHost({ channel: CHANNEL, type: 'itemChanged', item }),
  };
}

async function ready(page: ReturnType<typeof fakePage>) {
  page.init();
  await page.office.onReady();
  return createOutlookHost({ office: page.office });
}

describe('the sandbox Office host', () => {
  it('becomes ready when the page says who is signed in and what is selected', async () => {
    const page = fakePage();
    let isReady = false;
    void page.office.onReady().then(() => (isReady = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(isReady).toBe(false);
    const host = await ready(page);
    expect(host.user()).toEqual(ALEX);
    expect(host.isSetSupported('Mailbox', '1.8')).toBe(true);
    expect(host.isSetSupported('Mailbox', '1.9')).toBe(false);
    expect(host.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });

  it('gives the add-in an EWS id that converts back to the Graph id, and the shared mailbox', async () => {
    const host = await ready(fakePage());
    const message = await host.currentMessage();
    expect(message?.itemId).toBe('AAMkADabc/def+ghiAAA=');
    expect(message?.restId).toBe(ITEM.restId);
    expect(message?.mailboxOwner).toBe('psd@force.example.police.uk');
    expect(message?.body).toBe(ITEM.body);
    expect(message?.receivedDateTime).toBe(ITEM.received);
  });

  it('raises ItemChanged when the page selects another message, and nothing is selected is null', async () => {
    const page = fakePage();
    const host = await ready(page);
    const changes: string[] = [];
    await host.onItemChanged(() => changes.push('changed'));
    page.select({
      ...ITEM,
      restId: 'AAMkADnext-one_xAAA=',
      shared: false,
      mailbox: ALEX.emailAddress,
      subject: 'Next',
    });
    expect(changes).toEqual(['changed']);
    const next = await host.currentMessage();
    expect(next?.subject).toBe('Next');
    expect(next?.mailboxOwner).toBeUndefined();
    page.select(null);
    await expect(host.currentMessage()).resolves.toBeNull();
  });

  it('adds categories through the page, for the item they were asked on', async () => {
    const page = fakePage({ categories: ['CST: Breach'] });
    const host = await ready(page);
    await host.addCategories(['CST: Read']);
    await expect(host.getCategories()).resolves.toEqual(['CST: Breach', 'CST: Read']);
    expect(page.requests[0]).toEqual({
      op: 'categories.add',
      item: { restId: ITEM.restId, mailbox: ITEM.mailbox },
      names: ['CST: Read'],
    });
    await expect(host.addCategories(['Unknown'])).rejects.toThrow(/master list/);
  });

  it('refuses a fourth simultaneous async call, as Outlook on the web does', async () => {
    const page = fakePage();
    await ready(page);
    const item = page.office.context.mailbox.item;
    const results = await Promise.all(
      [1, 2, 3, 4].map(
        () => new Promise<AsyncResultLike<string>>((resolve) => item?.body.getAsync('text', resolve)),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed']);
    expect(results[3]?.error).toEqual(TOO_MANY_CALLS);
  });

  it('hands a drafted reply to the page and never sends it', async () => {
    const page = fakePage();
    const host = await ready(page);
    host.displayReplyForm('<p style="font-size:18pt">Dear Paul</p>');
    await new Promise((r) => setTimeout(r, 5));
    expect(page.requests).toEqual([
      {
        op: 'replyForm',
        item: { restId: ITEM.restId, mailbox: ITEM.mailbox, subject: ITEM.subject, from: ITEM.from },
        htmlBody: '<p style="font-size:18pt">Dear Paul</p>',
      },
    ]);
  });

  it('gives internet headers and refuses events it does not raise', async () => {
    const page = fakePage();
    await ready(page);
    const item = page.office.context.mailbox.item as unknown as {
      getAllInternetHeadersAsync(cb: (r: AsyncResultLike<string>) => void): void;
    };
    const headers = await new Promise<AsyncResultLike<string>>((r) => item.getAllInternetHeadersAsync(r));
    expect(headers.value).toContain('Message-ID: <paul-compliant.0604@mail.example.com>');
    const refused = await new Promise<AsyncResultLike<void>>((r) =>
      page.office.context.mailbox.addHandlerAsync('olkAttachmentsChanged', () => undefined, r),
    );
    expect(refused.status).toBe('failed');
  });
});
