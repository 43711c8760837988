import 'fake-indexeddb/auto';
import { createOutbox, type Outbox, type OutboxOptions, type Scheduler } from '../../src/outbox';
import type { ContactLogRecord } from '../../src/core/types';
import { logRecord } from '../fixtures/strategies';

/** A row with a readable key, so the tests can say which row went where. */
const record = (id: string, extra: Partial<ContactLogRecord> = {}): ContactLogRecord =>
  logRecord({ key: `msg:${id}`, internetMessageId: `<${id}@example.com>`, ...extra });

/** A clock and timer queue the test drives by hand. */
function manualTime(start = 1_000_000) {
  let now = start;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const scheduler: Scheduler = {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  return {
    scheduler,
    now: () => now,
    /** Moves the clock and fires the timers that came due. */
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pendingTimers: () => timers.length,
  };
}

let dbCounter = 0;
const opened: Outbox[] = [];

async function open(options: Partial<OutboxOptions> & Pick<OutboxOptions, 'send'>, dbName?: string) {
  const time = manualTime();
  const outbox = await createOutbox({
    dbName: dbName ?? `outbox-test-${++dbCounter}`,
    now: time.now,
    scheduler: time.scheduler,
    random: () => 0.5,
    ...options,
  });
  opened.push(outbox);
  await outbox.flush();
  return { outbox, time };
}

afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('outbox', () => {
  test('a queued row is sent once and then leaves the outbox', async () => {
    const send = jest.fn().mockResolvedValue('created');
    const { outbox } = await open({ send });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].key).toBe('msg:a');
    expect(outbox.state().pending).toBe(0);
  });

  test('enqueuing the same message twice keeps one row (the first decision)', async () => {
    const sent: ContactLogRecord[] = [];
    let online = false;
    const send = jest.fn(async (r: ContactLogRecord) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push(r);
      return 'created' as const;
    });
    const win = new EventTarget();
    const { outbox } = await open({ send, events: { window: win } });
    await outbox.enqueue(record('a', { disposition: 'escalate' }));
    await outbox.enqueue(record('a', { disposition: 'handled-normally' }));
    await outbox.flush();
    expect(outbox.state().pending).toBe(1);
    online = true;
    win.dispatchEvent(new Event('online'));
    await outbox.flush();
    expect(sent.map((r) => r.disposition)).toEqual(['escalate']);
  });

  test('offline: the row is kept, the failure is reported and a retry is scheduled with backoff', async () => {
    const { outbox, time } = await open({ send: offline });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    const state = outbox.state();
    expect(state.pending).toBe(1);
    expect(state.lastError).toMatch(/Failed to fetch/);
    expect(state.nextRetryAt).not.toBeNull();
    expect(state.nextRetryAt! - time.now()).toBeGreaterThanOrEqual(1_000);
    expect(time.pendingTimers()).toBe(1);
  });

  test('the timer retries after the backoff, and a success clears the error', async () => {
    let online = false;
    const send = jest.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return 'created' as const;
    });
    const { outbox, time } = await open({ send });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    online = true;
    time.advance(10_000);
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(outbox.state()).toMatchObject({ pending: 0, lastError: null, nextRetryAt: null });
  });

  test('rows survive a reload: a new outbox over the same database sends them, once', async () => {
    const name = `outbox-reload-${++dbCounter}`;
    const first = await open({ send: offline }, name);
    await first.outbox.enqueue(record('a'));
    await first.outbox.enqueue(record('b'));
    first.outbox.close();

    const send = jest.fn().mockResolvedValue('created');
    const second = await open({ send }, name);
    await second.outbox.flush();
    expect(send.mock.calls.map((c) => c[0].key).sort()).toEqual(['msg:a', 'msg:b']);
    expect(second.outbox.state().pending).toBe(0);
  });

  test('concurrent flushes never send a row twice', async () => {
    const gates: Array<() => void> = [];
    const send = jest.fn(
      (_r: ContactLogRecord) =>
        new Promise<'created'>((resolve) => {
          gates.push(() => resolve('created'));
        }),
    );
    const { outbox } = await open({ send });
    const rows = ['a', 'b', 'c'].map((id) => record(id));
    await Promise.all(rows.map((r) => outbox.enqueue(r)));
    const flushes = Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    // Release sends as they arrive until everything is through.
    while (send.mock.calls.length < 3 || gates.length) {
      await new Promise((r) => setTimeout(r, 1));
      gates.splice(0).forEach((open) => open());
    }
    await flushes;
    await outbox.flush();
    expect(send.mock.calls.map((c) => c[0].key).sort()).toEqual(['msg:a', 'msg:b', 'msg:c']);
    expect(outbox.state().pending).toBe(0);
  });

  test('two panes on the same database do not both send a row', async () => {
    const name = `outbox-shared-${++dbCounter}`;
    const seen: string[] = [];
    const send = async (r: ContactLogRecord) => {
      seen.push(r.key);
      await new Promise((res) => setTimeout(res, 5));
      return 'created' as const;
    };
    const a = await open({ send: offline }, name);
    for (const id of ['a', 'b', 'c', 'd']) await a.outbox.enqueue(record(id));
    a.outbox.close();
    const [p1, p2] = await Promise.all([open({ send }, name), open({ send }, name)]);
    await Promise.all([p1.outbox.flush(), p2.outbox.flush()]);
    expect(seen.sort()).toEqual(['msg:a', 'msg:b', 'msg:c', 'msg:d']);
  });

  test('a Retry-After from the server is honoured', async () => {
    const throttled = Object.assign(new Error('Too many requests'), { retryAfter: 30 });
    const { outbox, time } = await open({ send: () => Promise.reject(throttled) });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    expect(outbox.state().nextRetryAt! - time.now()).toBe(30_000);
  });

  test('coming back online retries at once, ignoring the backoff', async () => {
    let online = false;
    const send = jest.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return 'exists' as const;
    });
    const win = new EventTarget();
    const { outbox } = await open({ send, events: { window: win } });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    expect(outbox.state().pending).toBe(1);
    online = true;
    win.dispatchEvent(new Event('online'));
    await outbox.flush();
    expect(outbox.state().pending).toBe(0);
  });

  test('a row that keeps failing does not hold back the others', async () => {
    const send = jest.fn(async (r: ContactLogRecord) => {
      if (r.key === 'msg:bad') throw new Error('400 invalidRequest');
      return 'created' as const;
    });
    const { outbox, time } = await open({ send });
    await outbox.enqueue(record('bad'));
    time.advance(1);
    await outbox.enqueue(record('good'));
    await outbox.flush();
    time.advance(5_000);
    await outbox.flush();
    const keys = send.mock.calls.map((c) => c[0].key);
    expect(keys).toContain('msg:good');
    expect(outbox.state().pending).toBe(1);
  });

  test('subscribers hear the pending count change', async () => {
    const { outbox } = await open({ send: offline });
    const counts: number[] = [];
    outbox.subscribe((s) => counts.push(s.pending));
    await outbox.enqueue(record('a'));
    await outbox.flush();
    expect(counts).toContain(1);
  });
});

/** Web Locks as the browser keeps them: a lock is held until its callback's promise settles. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    manager: {
      request(name: string, callback: () => Promise<unknown>) {
        held.add(name);
        return callback().finally(() => held.delete(name));
      },
      query: async () => ({ held: [...held].map((name) => ({ name })) }),
    },
  };
}

describe('a pane reloaded while sending', () => {
  it('leaves its rows to the next pane at once when it is gone, not after the lease', async () => {
    const locks = fakeLocks();
    const dbName = `outbox-test-${++dbCounter}`;
    // The first pane claims the row and its send never answers (offline, then reloaded).
    const first = await open(
      { send: () => new Promise<never>(() => undefined), locks: locks.manager },
      dbName,
    );
    await first.outbox.enqueue(record('held'));
    await new Promise((r) => setTimeout(r, 10));

    const sent: string[] = [];
    const send = async (rec: ContactLogRecord) => (sent.push(rec.key), 'created' as const);
    // While the first pane lives, its lease is respected: no second send of the same row.
    const second = await open({ send, locks: locks.manager }, dbName);
    expect(sent).toEqual([]);

    // The first pane goes away (its lock is released); the next pane sends the row, once.
    first.outbox.close();
    await new Promise((r) => setTimeout(r, 10));
    const third = await open({ send, locks: locks.manager }, dbName);
    expect(sent).toEqual(['msg:held']);
    expect(third.outbox.state().pending).toBe(0);
    second.outbox.close();
  });

  it('without Web Locks, waits out the lease as before', async () => {
    const dbName = `outbox-test-${++dbCounter}`;
    const first = await open({ send: () => new Promise<never>(() => undefined) }, dbName);
    await first.outbox.enqueue(record('held'));
    await new Promise((r) => setTimeout(r, 10));
    first.outbox.close();
    const sent: string[] = [];
    await open({ send: async (rec) => (sent.push(rec.key), 'created' as const) }, dbName);
    expect(sent).toEqual([]);
  });
});

describe('per person and refused rows', () => {
  it('a 403 leaves the retry loop and is reported as refused, not as pending', async () => {
    const send = jest.fn(() => Promise.reject(Object.assign(new Error('Access denied'), { status: 403 })));
    const { outbox } = await open({ send });
    await outbox.enqueue(record('a'));
    await outbox.flush();
    expect(outbox.state().pending).toBe(0);
    expect(outbox.state().refused).toMatchObject({ count: 1 });
    const calls = send.mock.calls.length;
    await outbox.flush();
    expect(send.mock.calls.length).toBe(calls);
  });

  it('trying refused rows again sends this person’s only; another person’s stay refused for them', async () => {
    const SAM = 'sam@force.example.police.uk';
    const HANA = 'hana@force.example.police.uk';
    const dbName = `outbox-test-${++dbCounter}`;
    const denied = () => Promise.reject(Object.assign(new Error('List not found'), { status: 404 }));
    // Hana's decision was refused on this computer earlier, in the same database.
    const hana = await open({ send: denied, reader: HANA }, dbName);
    await hana.outbox.enqueue(record('hana', { reader: HANA }));
    await hana.outbox.flush();
    expect(hana.outbox.state().refused).toMatchObject({ count: 1 });
    hana.outbox.close();

    let listFixed = false;
    const sent: Array<{ key: string; reader: string; neverSent: boolean }> = [];
    const sam = await open(
      {
        reader: SAM,
        send: async (r, how) => {
          if (!listFixed) return denied();
          sent.push({ key: r.key, reader: r.reader, neverSent: how.neverSent });
          return 'created' as const;
        },
      },
      dbName,
    );
    await sam.outbox.enqueue(record('sam', { reader: SAM }));
    await sam.outbox.flush();
    expect(sam.outbox.state()).toMatchObject({ pending: 0, refused: { count: 1 }, othersWaiting: 1 });

    // Still refused: tried once more, back in the refused count, never shown as to be sent.
    await sam.outbox.retryRefused();
    expect(sam.outbox.state()).toMatchObject({
      pending: 0,
      refused: { count: 1, reason: expect.stringMatching(/List not found/) },
    });

    listFixed = true;
    await sam.outbox.retryRefused();
    // Sam's row, once tried, is looked up before it is created; Hana's is never sent with his token.
    expect(sent).toEqual([{ key: 'msg:sam', reader: SAM, neverSent: false }]);
    expect(sam.outbox.state().refused).toBeUndefined();
    expect(sam.outbox.state()).toMatchObject({ pending: 0, othersWaiting: 1 });
    sam.outbox.close();

    // Hana's row is still refused when she opens the pane: Sam's retry did not put it back for her.
    const hanaSent: string[] = [];
    const back = await open(
      { reader: HANA, send: async (r) => (hanaSent.push(r.key), 'created' as const) },
      dbName,
    );
    expect(hanaSent).toEqual([]);
    expect(back.outbox.state().refused).toMatchObject({ count: 1 });
    await back.outbox.retryRefused();
    expect(hanaSent).toEqual(['msg:hana']);
    expect(back.outbox.state().refused).toBeUndefined();
  });

  it('rows another person left are never sent with this person’s token, and are counted', async () => {
    const send = jest.fn(() => Promise.resolve('created' as const));
    const { outbox } = await open({ send, reader: 'sam@force.example.police.uk' });
    await outbox.enqueue(record('b', { reader: 'hana@force.example.police.uk' }));
    await outbox.flush();
    expect(send).not.toHaveBeenCalled();
    expect(outbox.state()).toMatchObject({ pending: 0, othersWaiting: 1 });
  });
});
