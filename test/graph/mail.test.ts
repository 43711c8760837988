// Mail actions against the emulator: folders past the first page, a folder created meanwhile,
// moves on immutable ids, forwarding to the escalation mailbox.
import { createGraphClient, type GraphClient, type GraphPage } from '../../src/graph/client';
import { createMailActions, IMMUTABLE_IDS, SendAsDeniedError } from '../../src/graph/mail';
import type { FetchLike } from '../../src/graph/middleware';
import { scopePlan } from '../../src/graph/scopes';
import {
  BASE_SEED,
  FAST_RETRY,
  HANDLER,
  SHARED,
  SUPERVISOR,
  startHarness,
  type Harness,
  losingClient,
} from './harness';

const RBNR = 'Contact strategy - read not respond';
/** Every character that could break a filter or a URL. */
const QUOTED = "O'Brien & Co #1 + Zoë";
let h: Harness;
let client: GraphClient;

const message = (i: number) => ({
  internetMessageId: `<mail${i}@mail.example.com>`,
  subject: `Message ${i}`,
  from: { emailAddress: { address: 'paul.example@example.com' } },
  toRecipients: [{ emailAddress: { address: SHARED } }],
  body: { contentType: 'text' as const, content: 'plain text' },
});

beforeAll(async () => {
  const filler = Array.from({ length: 14 }, (_, i) => ({ displayName: `Filler ${i}` }));
  const seed = {
    ...BASE_SEED,
    mailboxes: [
      {
        upn: HANDLER,
        displayName: 'Hana Handler',
        folders: [
          ...filler,
          ...filler.map((f) => ({ ...f, parent: 'inbox' })),
          { displayName: RBNR, parent: 'inbox' },
          { displayName: QUOTED, parent: 'inbox' },
        ],
        messages: [message(1), message(2)],
      },
      {
        upn: SHARED,
        displayName: 'PSD',
        shared: true,
        members: [HANDLER, SUPERVISOR],
        // Full Access for both; only the handler may send from it (Send As).
        sendAs: [HANDLER],
        messages: [message(3), message(4), message(5)],
      },
    ],
  };
  h = await startHarness({ seed });
  client = h.client(HANDLER);
});
afterAll(() => h.close());

async function ids(base: string): Promise<string[]> {
  const page = await client.request<GraphPage<{ id: string }>>({
    url: `${base}/mailFolders/inbox/messages?$select=id`,
    scopes: ['Mail.ReadWrite'],
    headers: IMMUTABLE_IDS,
  });
  return page.value.map((m) => m.id);
}

describe('folders', () => {
  it('finds a folder past the first page instead of creating a second one', async () => {
    const mail = createMailActions({ client, scopes: scopePlan() });
    const id = await mail.ensureFolder(RBNR);
    expect(h.emu.store.folders(HANDLER).filter((f) => f.displayName === RBNR)).toEqual([
      expect.objectContaining({ id }),
    ]);
  });

  it('creates the folder under the Inbox of a shared mailbox once, and uses it for moves', async () => {
    const mail = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const [first, second] = await ids(`/users/${SHARED}`);
    const a = await mail.moveToFolder(first ?? '', RBNR);
    const b = await mail.moveToFolder(second ?? '', RBNR);
    const folders = h.emu.store.folders(SHARED).filter((f) => f.displayName === RBNR);
    expect(folders).toHaveLength(1);
    const inbox = h.emu.store.folders(SHARED).find((f) => f.wellKnownName === 'inbox');
    expect(folders[0]?.parentId).toBe(inbox?.id);
    const moved = h.emu.store.messages(SHARED).filter((m) => m.folder === RBNR);
    expect(moved.map((m) => m.immutableId).sort()).toEqual([a.id, b.id].sort());
  });

  it('uses the folder someone else created between our look and our create (ErrorFolderExists)', async () => {
    const racer = h.client(HANDLER);
    let raced = false;
    const racing: FetchLike = async (url, init) => {
      if (!raced && init?.method === 'POST' && url.includes('/childFolders')) {
        raced = true;
        await racer.request({
          method: 'POST',
          url: '/me/mailFolders/inbox/childFolders',
          body: { displayName: 'Raced Folder' },
          scopes: ['Mail.ReadWrite'],
        });
      }
      return h.fetchImpl(url, init);
    };
    const c = createGraphClient({
      baseUrl: h.base,
      tokens: h.tokens(HANDLER),
      fetchImpl: racing,
      retry: FAST_RETRY,
    });
    const id = await createMailActions({ client: c, scopes: scopePlan() }).ensureFolder('Raced Folder');
    expect(h.emu.store.folders(HANDLER).filter((f) => f.displayName === 'Raced Folder')).toEqual([
      expect.objectContaining({ id }),
    ]);
  });
});

describe('request counts', () => {
  const mailRequests = () =>
    h.emu.store.requestLog().filter((e) => e.kind === 'http' && /\/(me|users)\b|\$batch/.test(e.path));

  it('finds an existing folder with one request, whatever its name holds', async () => {
    h.emu.store.clearRequestLog();
    const id = await createMailActions({ client, scopes: scopePlan() }).ensureFolder(QUOTED);
    expect(h.emu.store.folders(HANDLER).filter((f) => f.displayName === QUOTED)).toEqual([
      expect.objectContaining({ id }),
    ]);
    expect(mailRequests()).toHaveLength(1);
  });

  it('an auto-file after the first in a mailbox is the id look-up and the move: the folder id is remembered', async () => {
    await h.emu.deliver(SHARED, message(10));
    await h.emu.deliver(SHARED, message(11));
    const [first, second] = await ids(`/users/${SHARED}`);
    const mail = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    h.emu.store.clearRequestLog();
    await mail.moveToFolder(first ?? '', 'Filed once');
    // The id made immutable, one look-up ($batch of Inbox and root, filtered), the create, the move.
    expect(mailRequests().map((e) => e.method)).toEqual(['GET', 'POST', 'POST', 'POST']);
    h.emu.store.clearRequestLog();
    await mail.moveToFolder(second ?? '', 'Filed once');
    expect(mailRequests().map((e) => e.path)).toEqual([
      expect.stringMatching(/\/messages\/[^/?]+\?/),
      expect.stringMatching(/\/messages\/[^/]+\/move$/),
    ]);
    expect(
      h.emu.store
        .messages(SHARED)
        .filter((m) => m.folder === 'Filed once')
        .map((m) => m.immutableId)
        .sort(),
    ).toEqual([first, second].sort());
  });
});

describe('moves and forwards', () => {
  it('a move whose answer was lost is not attempted on the wrong message: the immutable id shows where it is', async () => {
    const c = losingClient(h, HANDLER, (url) => url.endsWith('/move'));
    const mail = createMailActions({ client: c, scopes: scopePlan() });
    const [id] = await ids('/me');
    const moved = await mail.moveToFolder(id ?? '', 'Lost Answer Folder');
    expect(moved.id).toBe(id);
    expect(h.emu.store.messages(HANDLER).find((m) => m.immutableId === id)?.folder).toBe(
      'Lost Answer Folder',
    );
    expect(h.emu.store.folders(HANDLER).filter((f) => f.displayName === 'Lost Answer Folder')).toHaveLength(
      1,
    );
  });

  it('given the regular REST id Office.js converts to, a lost move answer is re-checked on the immutable id, and the forward after the move still finds the message', async () => {
    await h.emu.deliver(HANDLER, message(20));
    // What convertToRestId gives: a regular REST id (no Prefer header), which a move changes.
    const page = await client.request<GraphPage<{ id: string; internetMessageId: string }>>({
      url: '/me/mailFolders/inbox/messages?$select=id,internetMessageId',
      scopes: ['Mail.ReadWrite'],
    });
    const regular = page.value.find((m) => m.internetMessageId === '<mail20@mail.example.com>')?.id ?? '';
    const record = h.emu.store
      .messages(HANDLER)
      .find((m) => m.internetMessageId === '<mail20@mail.example.com>');
    expect(regular).not.toBe(record?.immutableId);
    const c = losingClient(h, HANDLER, (url) => url.endsWith('/move'));
    const mail = createMailActions({ client: c, scopes: scopePlan() });
    const moved = await mail.moveToFolder(regular, 'Lost Regular Folder');
    expect(moved.id).toBe(record?.immutableId);
    await mail.addCategories(regular, ['CST: Read']);
    await mail.forward(regular, 'safeguarding@force.example.police.uk', 'after the move');
    const after = h.emu.store.messages(HANDLER).find((m) => m.immutableId === record?.immutableId);
    expect(after?.folder).toBe('Lost Regular Folder');
    expect(after?.categories).toContain('CST: Read');
    expect(h.emu.store.forwards().some((f) => f.comment === 'after the move')).toBe(true);
  });

  it('forwards to the escalation mailbox with the comment, never to the sender', async () => {
    const mail = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const [id] = await ids(`/users/${SHARED}`);
    await mail.forward(
      id ?? '',
      'safeguarding@force.example.police.uk',
      'Escalated: possible safeguarding concern',
    );
    const forwards = h.emu.store.forwards().filter((f) => f.mailbox === SHARED);
    expect(forwards).toHaveLength(1);
    expect(forwards[0]?.toRecipients).toEqual([
      { emailAddress: { address: 'safeguarding@force.example.police.uk' } },
    ]);
    expect(forwards[0]?.comment).toBe('Escalated: possible safeguarding concern');
  });

  it('a forward from a shared mailbox without Send As or Send on Behalf says what to do, and sends nothing', async () => {
    const supervisor = h.client(SUPERVISOR);
    const mail = createMailActions({
      client: supervisor,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const [id] = await ids(`/users/${SHARED}`);
    const before = h.emu.store.forwards().length;
    const err = await mail
      .forward(id ?? '', 'safeguarding@force.example.police.uk', 'x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendAsDeniedError);
    expect(String((err as Error).message)).toBe(
      `you do not have Send As or Send on Behalf on ${SHARED}, so the add-in cannot forward from it. Forward it to safeguarding@force.example.police.uk yourself from Outlook, from your own address, and ask an administrator for Send As on ${SHARED}`,
    );
    expect(h.emu.store.forwards()).toHaveLength(before);
  });
});

describe('tagging a shared item', () => {
  it('reads its immutable id and categories in one request, keeps what it had, and adds ours', async () => {
    const { id } = h.emu.deliver(SHARED, { ...message(60), categories: ['Theirs'] });
    const mail = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const before = client.counter.requests;
    await mail.addCategories(id, ['CST: Read']);
    // One read (id and categories together), one write.
    expect(client.counter.requests - before).toBe(2);
    const stored = h.emu.store
      .messages(SHARED)
      .find((m) => m.internetMessageId === '<mail60@mail.example.com>');
    expect(stored?.categories).toEqual(['Theirs', 'CST: Read']);
    // Tagged again later: the id is known, the categories are read afresh.
    await mail.addCategories(id, ['CST: Breach']);
    expect(client.counter.requests - before).toBe(4);
    expect(
      h.emu.store.messages(SHARED).find((m) => m.internetMessageId === '<mail60@mail.example.com>')
        ?.categories,
    ).toEqual(['Theirs', 'CST: Read', 'CST: Breach']);
  });

  it('given the categories Outlook holds, writes without reading them through Graph again', async () => {
    const { id } = h.emu.deliver(SHARED, { ...message(61), categories: ['Theirs'] });
    const mail = createMailActions({
      client,
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    await mail.prepare?.(id);
    const before = client.counter.requests;
    await mail.addCategories(id, ['CST: Read'], ['Theirs']);
    expect(client.counter.requests - before).toBe(1);
    expect(
      h.emu.store.messages(SHARED).find((m) => m.internetMessageId === '<mail61@mail.example.com>')
        ?.categories,
    ).toEqual(['Theirs', 'CST: Read']);
  });
});

describe('tag, forward and move in one round trip', () => {
  const mailFor = () =>
    createMailActions({ client, mailboxUpn: SHARED, scopes: scopePlan({ sharedMailbox: true }) });
  const stored = (n: number) =>
    h.emu.store.messages(SHARED).find((m) => m.internetMessageId === `<mail${n}@mail.example.com>`);
  const folderOf = (n: number) =>
    h.emu.store.folders(SHARED).find((f) => f.id === stored(n)?.folder || f.displayName === stored(n)?.folder)
      ?.displayName;

  it('does all three in one request, keeping the categories the item had', async () => {
    const { id } = h.emu.deliver(SHARED, { ...message(70), categories: ['Theirs'] });
    const mail = mailFor();
    await mail.prepare?.(id, RBNR);
    const before = client.counter.requests;
    const out = await mail.tagAndAct?.(id, {
      tag: { current: ['Theirs'], names: ['CST: Escalate'] },
      forward: { to: 'safeguarding@force.example.police.uk', comment: 'together' },
      moveTo: RBNR,
    });
    expect(out).toEqual({ tag: { ok: true }, forward: { ok: true }, move: { ok: true } });
    expect(client.counter.requests - before).toBe(1);
    expect(stored(70)?.categories).toEqual(['Theirs', 'CST: Escalate']);
    expect(h.emu.store.forwards().filter((f) => f.comment === 'together')).toHaveLength(1);
    expect(folderOf(70)).toBe(RBNR);
  });

  it('a tag that keeps failing stops neither the forward nor the move, and is reported', async () => {
    const { id } = h.emu.deliver(SHARED, message(71));
    const mail = mailFor();
    await mail.prepare?.(id, RBNR);
    // More 503s than the $batch retries: the tag fails for good, and the move that waited for it.
    const fault = h.emu.faults.add({ kind: '503', scope: 'batch', method: 'PATCH', count: 50 });
    const out = await mail.tagAndAct?.(id, {
      tag: { current: [], names: ['CST: Escalate'] },
      forward: { to: 'safeguarding@force.example.police.uk', comment: 'tag refused' },
      moveTo: RBNR,
    });
    h.emu.faults.remove(fault);
    expect(out?.tag.ok).toBe(false);
    expect(out?.forward).toEqual({ ok: true });
    expect(out?.move).toEqual({ ok: true });
    expect(h.emu.store.forwards().filter((f) => f.comment === 'tag refused')).toHaveLength(1);
    expect(folderOf(71)).toBe(RBNR);
  });

  it('without Send As the batched forward is refused in words, and the tag still lands', async () => {
    const { id } = h.emu.deliver(SHARED, message(72));
    const mail = createMailActions({
      client: h.client(SUPERVISOR),
      mailboxUpn: SHARED,
      scopes: scopePlan({ sharedMailbox: true }),
    });
    const out = await mail.tagAndAct?.(id, {
      tag: { current: [], names: ['CST: Escalate'] },
      forward: { to: 'safeguarding@force.example.police.uk', comment: 'no send as' },
    });
    expect(out?.tag).toEqual({ ok: true });
    expect(out?.forward?.ok === false && out.forward.error).toBeInstanceOf(SendAsDeniedError);
    expect(h.emu.store.forwards().filter((f) => f.comment === 'no send as')).toHaveLength(0);
    expect(stored(72)?.categories).toEqual(['CST: Escalate']);
  });
});
