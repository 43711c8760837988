import { createLimiter } from '../../src/office/limiter';
import { createOutlookHost, OfficeCallError } from '../../src/office/outlook';
import { createFakeOffice, SAMPLE } from './fake-office';

describe('currentMessage', () => {
  it('turns the selected Outlook item into a message with a Graph-usable id', async () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    await expect(host.currentMessage()).resolves.toEqual({
      internetMessageId: '<abc@example.com>',
      receivedDateTime: '2025-03-04T10:15:00.000Z',
      from: { name: 'Paul Example', address: 'paul.example@example.com' },
      to: [{ name: 'PSD', address: 'psd@force.example.police.uk' }],
      cc: [{ name: 'Sam Supervisor', address: 'sam.supervisor@force.example.police.uk' }],
      subject: 'Re: CO/01234/24',
      body: 'plain text body',
      itemId: 'AAMkAGI2/THVjAAA+BBB=',
      restId: 'AAMkAGI2-THVjAAA_BBB=',
      conversationId: 'conv-1',
    });
  });

  it('is null when nothing is selected, or the selection is not a message', async () => {
    const fake = createFakeOffice();
    const host = createOutlookHost({ office: fake.office });
    await expect(host.currentMessage()).resolves.toBeNull();
    fake.select({ ...SAMPLE, itemType: 'appointment' });
    await expect(host.currentMessage()).resolves.toBeNull();
  });

  it('converts each EWS id once, however often the message is read', async () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    await host.currentMessage();
    await host.currentMessage();
    expect(fake.converted).toEqual([SAMPLE.itemId]);
  });

  it('keeps a mobile REST id as it is (no second conversion)', async () => {
    const restId = 'AAMkAGI2-THVjAAA_BBB=';
    for (const fake of [
      createFakeOffice({ hostName: 'OutlookAndroid' }),
      createFakeOffice({ hostName: 'OutlookIOS' }),
      createFakeOffice({ noConvert: true }),
    ]) {
      fake.select({ ...SAMPLE, itemId: restId });
      const message = await createOutlookHost({ office: fake.office }).currentMessage();
      expect(message?.restId).toBe(restId);
      expect(fake.converted).toEqual([]);
    }
  });

  it('names the shared mailbox that holds the item', async () => {
    const fake = createFakeOffice();
    fake.select({ ...SAMPLE, sharedOwner: 'psd@force.example.police.uk' });
    const message = await createOutlookHost({ office: fake.office }).currentMessage();
    expect(message?.mailboxOwner).toBe('psd@force.example.police.uk');
  });

  it("reads the message when getSharedPropertiesAsync fails, as the user's own (not shared)", async () => {
    const fake = createFakeOffice();
    fake.select({ ...SAMPLE, sharedOwner: 'psd@force.example.police.uk' });
    fake.failNext('shared', 9020, 'Generic internal error');
    const message = await createOutlookHost({ office: fake.office }).currentMessage();
    expect(message?.body).toBeTruthy();
    expect(message?.mailboxOwner).toBeUndefined();
  });

  it('reports a failed body read with the Office error, never a half-filled message', async () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    fake.failNext('body', 9002, 'The item could not be loaded');
    const host = createOutlookHost({ office: fake.office });
    const error = await host.currentMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect((error as OfficeCallError).code).toBe(9002);
    expect((error as Error).message).toMatch(/message body.*could not be loaded/);
  });

  it('reads from the item it started with, even if the selection changes meanwhile', async () => {
    const fake = createFakeOffice({ delayMs: 5 });
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    const pending = host.currentMessage();
    fake.select({ ...SAMPLE, itemId: 'OTHER', internetMessageId: '<other@example.com>', body: 'other body' });
    const message = await pending;
    expect(message?.internetMessageId).toBe('<abc@example.com>');
    expect(message?.body).toBe('plain text body');
  });
});

describe('the 3-call limit', () => {
  it('never has more than 3 Office async calls in flight', async () => {
    const fake = createFakeOffice({ callLimit: 3, delayMs: 3 });
    fake.select({ ...SAMPLE, sharedOwner: 'psd@force.example.police.uk' });
    const host = createOutlookHost({ office: fake.office });
    // Each read is two async calls (body, shared properties); ten reads plus category work.
    const work = [
      ...Array.from({ length: 10 }, () => host.currentMessage()),
      host.getCategories(),
      host.addCategories(['CST: read']),
    ];
    await expect(Promise.all(work)).resolves.toHaveLength(12);
    expect(fake.maxInFlight()).toBe(3);
  });

  it('the limiter runs queued tasks in order and survives failures', async () => {
    const limit = createLimiter(1);
    const order: number[] = [];
    const results = await Promise.allSettled([
      limit(async () => {
        order.push(1);
        throw new Error('first fails');
      }),
      limit(async () => {
        order.push(2);
        return 2;
      }),
      limit(() => {
        throw new Error('synchronous throw');
      }),
      limit(async () => {
        order.push(4);
        return 4;
      }),
    ]);
    expect(order).toEqual([1, 2, 4]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('onItemChanged', () => {
  it('tells every subscriber when the pinned pane moves to another message, until they unsubscribe', async () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    const seen: string[] = [];
    const offA = await host.onItemChanged(() => seen.push('a'));
    const offB = await host.onItemChanged(() => seen.push('b'));
    expect(fake.handlerCount()).toBe(1);

    fake.changeTo({ ...SAMPLE, itemId: 'NEXT' });
    expect(seen).toEqual(['a', 'b']);

    await offA();
    fake.changeTo(null);
    expect(seen).toEqual(['a', 'b', 'b']);
    expect(fake.handlerCount()).toBe(1);

    await offB();
    await offB();
    expect(fake.handlerCount()).toBe(0);
    fake.changeTo(SAMPLE);
    expect(seen).toHaveLength(3);
  });

  it('keeps notifying the others when one subscriber throws', async () => {
    const fake = createFakeOffice();
    const host = createOutlookHost({ office: fake.office });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let heard = false;
    await host.onItemChanged(() => {
      throw new Error('boom');
    });
    await host.onItemChanged(() => {
      heard = true;
    });
    fake.changeTo(SAMPLE);
    expect(heard).toBe(true);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('rejects when Outlook refuses the subscription, and a later subscribe can try again', async () => {
    const fake = createFakeOffice();
    const host = createOutlookHost({ office: fake.office });
    fake.failNext('addHandler', 5001, 'Internal error');
    await expect(host.onItemChanged(() => undefined)).rejects.toThrow(/Subscribing to item changes failed/);
    await host.onItemChanged(() => undefined);
    expect(fake.handlerCount()).toBe(1);
  });
});

describe('categories', () => {
  it('adds categories without removing the ones already there', async () => {
    const fake = createFakeOffice();
    fake.select({ ...SAMPLE, categories: ['CST: breach'] });
    const host = createOutlookHost({ office: fake.office });
    await host.addCategories(['CST: read', 'CST: breach']);
    await expect(host.getCategories()).resolves.toEqual(['CST: breach', 'CST: read']);
  });

  it('passes on Outlook refusing a category that is not in the master list', async () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    await expect(host.addCategories(['Not a category'])).rejects.toThrow(/master list/);
    expect(fake.categoriesOf(SAMPLE.itemId)).toEqual([]);
  });

  it('says plainly when the client cannot do categories, or nothing is selected', async () => {
    const old = createFakeOffice({ noCategories: true });
    old.select(SAMPLE);
    await expect(createOutlookHost({ office: old.office }).getCategories()).rejects.toThrow(/Mailbox 1.8/);
    const empty = createFakeOffice();
    await expect(createOutlookHost({ office: empty.office }).addCategories(['CST: read'])).rejects.toThrow(
      /no message is selected/,
    );
  });
});

describe('reply form, user and requirement sets', () => {
  it('opens a reply form with the HTML body and never sends', () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    createOutlookHost({ office: fake.office }).displayReplyForm('<p>Reminder</p>');
    expect(fake.replies).toEqual([{ htmlBody: '<p>Reminder</p>' }]);
  });

  it('refuses a reply over 32 KB with a message that says what to do', () => {
    const fake = createFakeOffice();
    fake.select(SAMPLE);
    const host = createOutlookHost({ office: fake.office });
    expect(() => host.displayReplyForm('x'.repeat(33 * 1024))).toThrow(/at most 32 KB/);
    expect(fake.replies).toEqual([]);
  });

  it('gives the signed-in user and answers requirement-set questions', () => {
    const fake = createFakeOffice({ supported: { Mailbox: '1.8' } });
    const host = createOutlookHost({ office: fake.office });
    expect(host.user()).toEqual({
      displayName: 'Alex Handler',
      emailAddress: 'alex.handler@force.example.police.uk',
    });
    expect(host.isSetSupported('Mailbox', '1.8')).toBe(true);
    expect(host.isSetSupported('Mailbox', '1.9')).toBe(false);
    expect(host.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });

  it('explains when Office.js is missing instead of failing on undefined', () => {
    expect(() => createOutlookHost()).toThrow(/Office.js is not loaded/);
  });
});
