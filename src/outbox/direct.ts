// The fallback when IndexedDB cannot be opened (some locked-down WebViews): no durable queue,
// so enqueue sends at once and fails loudly. The caller files mail only after enqueue resolves,
// so "nothing is filed that was not logged" holds either way; the cost is that an offline
// decision is refused instead of queued.
import type { ContactLogRecord } from '../core/types';
import type { Outbox, OutboxState, SendResult } from './outbox';

export function createDirectOutbox(
  send: (record: ContactLogRecord, how: { neverSent: boolean }) => Promise<SendResult>,
): Outbox {
  let current: OutboxState = { pending: 0, lastError: null, nextRetryAt: null };
  const listeners = new Set<(s: OutboxState) => void>();
  const set = (patch: Partial<OutboxState>): void => {
    current = { ...current, ...patch };
    for (const l of listeners) l(current);
  };
  return {
    async enqueue(record) {
      set({ pending: current.pending + 1 });
      try {
        await send(record, { neverSent: true });
        set({ pending: current.pending - 1, lastError: null });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        set({ pending: current.pending - 1, lastError: message });
        throw new Error(`The contact log could not be written, so nothing was filed: ${message}`);
      }
    },
    flush: () => Promise.resolve(),
    // Nothing waits here: enqueue resolves only once the log has the row.
    holds: () => Promise.resolve(false),
    // A refused row is reported to the caller at once and never kept.
    retryRefused: () => Promise.resolve(),
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
    },
  };
}
