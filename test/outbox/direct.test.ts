import { createDirectOutbox } from '../../src/outbox';
import type { ContactLogRecord } from '../../src/core/types';

const rec = { key: 'msg:a' } as ContactLogRecord;

describe('direct outbox (no IndexedDB)', () => {
  test('enqueue resolves only after the repository confirmed the row', async () => {
    const send = jest.fn().mockResolvedValue('created');
    const outbox = createDirectOutbox(send);
    await outbox.enqueue(rec);
    expect(send).toHaveBeenCalledWith(rec, { neverSent: true });
    expect(outbox.state()).toMatchObject({ pending: 0, lastError: null });
  });

  test('a failed send rejects enqueue with a message saying nothing was filed', async () => {
    const outbox = createDirectOutbox(() => Promise.reject(new Error('503 serviceNotAvailable')));
    const states: number[] = [];
    outbox.subscribe((s) => states.push(s.pending));
    await expect(outbox.enqueue(rec)).rejects.toThrow(/nothing was filed.*503/);
    expect(outbox.state()).toMatchObject({ pending: 0, lastError: '503 serviceNotAvailable' });
    expect(states).toEqual([1, 0]);
  });
});
