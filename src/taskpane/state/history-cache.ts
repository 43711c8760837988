// Earlier contacts per person, kept warm so moving between messages from the same person needs
// no request, and shared while in flight so two quick switches make one request. Decisions this
// pane records are added at once, so the next message counts them even before the outbox has
// sent them to the contact log.
import type { HistoryEntry } from '../../core/types';

type Fetch = (addresses: readonly string[], sinceIso: string) => Promise<HistoryEntry[]>;

interface Slot {
  sinceMs: number;
  fetchedAt: number;
  entries: HistoryEntry[];
}

export interface HistoryCacheOptions {
  fetch: Fetch;
  /** How long a fetched history is trusted; other panes may have logged contacts since. */
  ttlMs: number;
  now: () => number;
}

export class HistoryCache {
  private readonly slots = new Map<string, Slot>();
  private readonly local = new Map<string, HistoryEntry[]>();
  private readonly inflight = new Map<string, Promise<HistoryEntry[]>>();

  constructor(private readonly options: HistoryCacheOptions) {}

  /** The warm answer, or null when a request is needed. Never makes a request. */
  peek(addresses: readonly string[], sinceIso: string): HistoryEntry[] | null {
    const key = keyOf(addresses);
    const slot = this.slots.get(key);
    const since = Date.parse(sinceIso);
    if (!slot || slot.sinceMs > since || this.options.now() - slot.fetchedAt > this.options.ttlMs)
      return null;
    return this.merge(key, slot.entries).filter((e) => Date.parse(e.receivedDateTime) >= since);
  }

  /** Warm answer, or one request (shared with any already on its way for the same person). */
  get(addresses: readonly string[], sinceIso: string): Promise<HistoryEntry[]> {
    const warm = this.peek(addresses, sinceIso);
    if (warm) return Promise.resolve(warm);
    const key = keyOf(addresses);
    const flightKey = `${key}|${sinceIso}`;
    const pending = this.inflight.get(flightKey);
    if (pending) return pending;
    const fetchedAt = this.options.now();
    const since = Date.parse(sinceIso);
    const request = this.options
      .fetch(addresses, sinceIso)
      .then((entries) => {
        this.slots.set(key, { sinceMs: since, fetchedAt, entries: [...entries] });
        return this.merge(key, entries).filter((e) => Date.parse(e.receivedDateTime) >= since);
      })
      .finally(() => this.inflight.delete(flightKey));
    this.inflight.set(flightKey, request);
    return request;
  }

  /** A contact this pane just logged, so the person's next message counts it at once. */
  remember(addresses: readonly string[], entry: HistoryEntry): void {
    const key = keyOf(addresses);
    const list = this.local.get(key) ?? [];
    if (!list.some((e) => e.internetMessageId === entry.internetMessageId)) list.push(entry);
    this.local.set(key, list);
  }

  private merge(key: string, fetched: readonly HistoryEntry[]): HistoryEntry[] {
    const extra = this.local.get(key);
    if (!extra?.length) return [...fetched];
    const known = new Set(fetched.map((e) => e.internetMessageId));
    return [...fetched, ...extra.filter((e) => !known.has(e.internetMessageId))];
  }
}

function keyOf(addresses: readonly string[]): string {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()))].sort().join(',');
}
