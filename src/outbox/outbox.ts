// A durable outbox for contact-log rows. A decision is written to IndexedDB first (so it
// survives a closed pane, a reload or an offline laptop) and only then is the mail filed; rows
// are sent to SharePoint in the background and removed only once the repository has
// confirmed them ('created' or 'exists'). Sending is idempotent on record.key at the
// repository, so a row sent twice (a crash between send and delete) never makes two rows.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ContactLogRecord } from '../core/types';
import { nextDelayMs, retryAfterOf, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import { errorDetail } from '../common/error-detail';

export type SendResult = 'created' | 'exists';

export interface OutboxState {
  /** Rows written here and not yet confirmed by SharePoint. */
  pending: number;
  /** The last send failure (cleared by the next success), for the UI's status line. */
  lastError: string | null;
  /** When the next automatic attempt is due (epoch ms), if rows are waiting. */
  nextRetryAt: number | null;
  /**
   * Rows SharePoint refused for good (a 4xx other than 408/429, or a missing list): out of the
   * retry loop, kept on this computer, and never described as "will be sent".
   */
  refused?: { count: number; reason: string };
  /** Rows another person left on this computer: never sent with this person's token. */
  othersWaiting?: number;
}

/**
 * A failure that retrying cannot cure: a 4xx other than 408 (timeout) and 429 (throttled), and
 * not 401 (a fresh token cures that). A missing list is a 404.
 */
export function isPermanentFailure(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
}

export interface Outbox {
  /** Resolves once the row is durably stored; a second enqueue of the same key keeps the first. */
  enqueue(record: ContactLogRecord): Promise<void>;
  /**
   * Puts this person's refused rows back in the loop and tries them now (after an administrator
   * fixed the cause). Rows of another reader in the same database stay as they are: only their
   * own pane may send them.
   */
  retryRefused(): Promise<void>;
  /** Sends what is due now. Concurrent calls share one run; no row is sent twice by one outbox. */
  flush(): Promise<void>;
  /** Whether this decision is still waiting here (not yet confirmed by the contact log). */
  holds(key: string): Promise<boolean>;
  state(): OutboxState;
  subscribe(listener: (state: OutboxState) => void): () => void;
  close(): void;
}

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutboxOptions {
  send: (record: ContactLogRecord, how: { neverSent: boolean }) => Promise<SendResult>;
  /**
   * Who is signed in (UPN). Rows whose reader is someone else wait for them: sending them with
   * this person's token would record the wrong reader.
   */
  reader?: string;
  /**
   * Rows other people left on this computer in their own outboxes (counted when the pane
   * opened), so the status can say they exist without this outbox ever reading them.
   */
  othersElsewhere?: number;
  dbName?: string;
  backoff?: BackoffPolicy;
  /** How long a row claimed for sending is reserved against other panes sharing the database. */
  leaseMs?: number;
  now?: () => number;
  random?: () => number;
  scheduler?: Scheduler;
  /** Where `online` and `visibilitychange` come from; absent in tests and workers. */
  events?: { window?: EventTarget; document?: EventTarget & { visibilityState?: string } };
  /**
   * Web Locks (`navigator.locks`), where the browser has them. Each outbox holds a lock named
   * after itself for as long as it lives; the browser drops it when the pane goes away, so a
   * row leased by a pane that no longer exists (reloaded mid-send) is taken over at once
   * instead of waiting out the lease. Without it, the lease time alone decides.
   */
  locks?: LockManagerLike;
}

/** The part of the Web Locks API the outbox uses. */
export interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

const LOCK_PREFIX = 'cst-outbox-owner:';

interface Row {
  key: string;
  record: ContactLogRecord;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** A pane that claimed the row to send it; others leave it alone until the lease ends. */
  leaseUntil: number;
  leaseOwner: string;
  lastError?: string;
  /** Refused for good: out of the retry loop until retryRefused(). */
  refused?: boolean;
}

/** A row as this pane claimed it, remembering whether another lease ever held it. */
type ClaimedRow = Row & { leaseOwnerBefore: boolean };

interface OutboxDb extends DBSchema {
  rows: { key: string; value: Row };
}

export const DEFAULT_DB_NAME = 'cst-outbox';
const DEFAULT_LEASE_MS = 60_000;

/** Opens (or creates) an outbox database: one object store of rows keyed by decision. */
export function openOutboxDb(name: string): Promise<IDBPDatabase<OutboxDb>> {
  return openDB<OutboxDb>(name, 1, {
    upgrade(database) {
      database.createObjectStore('rows', { keyPath: 'key' });
    },
  });
}

export type { OutboxDb, Row as OutboxRow };

/** Opens (or creates) the outbox database and starts sending anything left from last time. */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const db = await openOutboxDb(options.dbName ?? DEFAULT_DB_NAME);
  const outbox = new IdbOutbox(db, options);
  await outbox.start();
  return outbox;
}

class IdbOutbox implements Outbox {
  private readonly owner = `pane-${Math.random().toString(36).slice(2)}`;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly scheduler: Scheduler;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;
  private readonly listeners = new Set<(s: OutboxState) => void>();
  private current: OutboxState = { pending: 0, lastError: null, nextRetryAt: null };
  private running: Promise<void> | null = null;
  private rerun = false;
  private pausedUntil = 0;
  /** Set by `online`/`visibilitychange`: try every row now, whatever its backoff said. */
  private force = false;
  private timer: unknown = null;
  private closed = false;
  private readonly detach: Array<() => void> = [];
  /** Resolving it releases this pane's owner lock. */
  private releaseOwnerLock: (() => void) | null = null;

  constructor(
    private readonly db: IDBPDatabase<OutboxDb>,
    private readonly options: OutboxOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.scheduler = options.scheduler ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  async start(): Promise<void> {
    this.holdOwnerLock();
    this.listen();
    await this.refreshState();
    // A new pane tries what an earlier one left behind at once, whatever its backoff said.
    this.force = true;
    void this.flush();
  }

  async enqueue(record: ContactLogRecord): Promise<void> {
    const tx = this.db.transaction('rows', 'readwrite');
    const existing = await tx.store.get(record.key);
    if (!existing) {
      const at = this.now();
      await tx.store.put({
        key: record.key,
        record,
        queuedAt: at,
        attempts: 0,
        nextAttemptAt: at,
        leaseUntil: 0,
        leaseOwner: '',
      });
    }
    await tx.done;
    await this.refreshState();
    void this.flush();
  }

  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.drain();
        } while (this.rerun && !this.closed);
      } catch (err) {
        this.fail(err);
      } finally {
        this.running = null;
      }
      await this.refreshState();
      this.schedule();
    })();
    return this.running;
  }

  state(): OutboxState {
    return this.current;
  }

  async holds(key: string): Promise<boolean> {
    return (await this.db.get('rows', key)) !== undefined;
  }

  subscribe(listener: (s: OutboxState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    for (const off of this.detach.splice(0)) off();
    this.listeners.clear();
    this.releaseOwnerLock?.();
    this.db.close();
  }

  private holdOwnerLock(): void {
    const locks = this.options.locks;
    if (!locks) return;
    const held = new Promise<void>((resolve) => (this.releaseOwnerLock = resolve));
    locks.request(LOCK_PREFIX + this.owner, () => held).catch(() => undefined);
  }

  /** Owners whose pane still exists; null when that cannot be known (no Web Locks). */
  private async liveOwners(): Promise<Set<string> | null> {
    if (!this.options.locks) return null;
    try {
      const { held = [] } = await this.options.locks.query();
      return new Set(
        held
          .map((l) => l.name ?? '')
          .filter((n) => n.startsWith(LOCK_PREFIX))
          .map((n) => n.slice(LOCK_PREFIX.length)),
      );
    } catch {
      return null;
    }
  }

  /** Sends every due row, oldest-due first; a failure pauses the whole outbox (it is usually the network). */
  private async drain(): Promise<void> {
    if (this.now() < this.pausedUntil) return;
    const claimed = await this.claimDue();
    for (let i = 0; i < claimed.length; i++) {
      const row = claimed[i]!;
      if (this.closed) return;
      try {
        // Never leased before and never tried: no attempt of it can have reached SharePoint.
        await this.options.send(row.record, { neverSent: row.attempts === 0 && !row.leaseOwnerBefore });
      } catch (err) {
        if (isPermanentFailure(err)) {
          await this.refuse(row, err);
          continue;
        }
        await this.release(row, err, claimed.slice(i + 1));
        return;
      }
      await this.db.delete('rows', row.key);
      this.setState({ lastError: null });
    }
  }

  /** Marks due rows as ours in one transaction, so another pane on the same database skips them. */
  /** A row this person decided (every row, when the outbox was not told who is signed in). */
  private mine(row: Row): boolean {
    const reader = this.options.reader?.trim().toLowerCase();
    return !reader || row.record.reader.trim().toLowerCase() === reader;
  }

  private async claimDue(): Promise<ClaimedRow[]> {
    // Asked before the transaction opens: awaiting anything else inside it would end it.
    const live = await this.liveOwners();
    const leaseHeld = (r: Row, at: number): boolean =>
      r.leaseUntil > at && (live === null || r.leaseOwner === this.owner || live.has(r.leaseOwner));
    const tx = this.db.transaction('rows', 'readwrite');
    const at = this.now();
    const force = this.force;
    this.force = false;
    const due = (await tx.store.getAll())
      .filter((r) => this.mine(r) && !r.refused)
      .filter((r) => (force || r.nextAttemptAt <= at) && !leaseHeld(r, at))
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.queuedAt - b.queuedAt);
    const claimed: ClaimedRow[] = [];
    for (const row of due) {
      const leaseOwnerBefore = row.leaseOwner !== '';
      row.leaseUntil = at + this.leaseMs;
      row.leaseOwner = this.owner;
      await tx.store.put(row);
      claimed.push({ ...row, leaseOwnerBefore });
    }
    await tx.done;
    return claimed;
  }

  /** A row SharePoint refused for good leaves the loop; the others carry on. */
  private async refuse(row: ClaimedRow, err: unknown): Promise<void> {
    const { leaseOwnerBefore: _, ...plain } = row;
    await this.db.put('rows', {
      ...plain,
      attempts: row.attempts + 1,
      leaseUntil: 0,
      leaseOwner: '',
      lastError: errorDetail(err),
      refused: true,
    });
  }

  async retryRefused(): Promise<void> {
    const tx = this.db.transaction('rows', 'readwrite');
    for (const row of await tx.store.getAll())
      if (row.refused && this.mine(row)) await tx.store.put({ ...row, refused: false, nextAttemptAt: 0 });
    await tx.done;
    this.force = true;
    await this.flush();
  }

  /** The failed row waits its backoff; rows not yet tried go back untouched. */
  private async release(failed: ClaimedRow, err: unknown, untried: ClaimedRow[]): Promise<void> {
    const { leaseOwnerBefore: _f, ...failedRow } = failed;
    const at = this.now();
    const attempts = failed.attempts + 1;
    const delay = nextDelayMs(this.backoff, attempts, retryAfterOf(err, at), this.random);
    const message = errorDetail(err);
    const tx = this.db.transaction('rows', 'readwrite');
    await tx.store.put({
      ...failedRow,
      attempts,
      nextAttemptAt: at + delay,
      leaseUntil: 0,
      leaseOwner: '',
      lastError: message,
    });
    // Untried rows keep no trace of this lease: they were never sent, so still need no look-up.
    for (const { leaseOwnerBefore, ...row } of untried)
      await tx.store.put({ ...row, leaseUntil: 0, leaseOwner: leaseOwnerBefore ? row.leaseOwner : '' });
    await tx.done;
    this.pausedUntil = at + delay;
    this.setState({ lastError: message });
  }

  private fail(err: unknown): void {
    this.setState({ lastError: errorDetail(err) });
  }

  private async refreshState(): Promise<void> {
    if (this.closed) return;
    let rows: Row[];
    try {
      rows = await this.db.getAll('rows');
    } catch {
      return; // closed while reading: nothing left to report to
    }
    const waiting = rows.filter((r) => this.mine(r) && !r.refused);
    const refused = rows.filter((r) => this.mine(r) && r.refused);
    const next = waiting.length
      ? Math.max(this.pausedUntil, Math.min(...waiting.map((r) => Math.max(r.nextAttemptAt, r.leaseUntil))))
      : null;
    const others = rows.length - waiting.length - refused.length + (this.options.othersElsewhere ?? 0);
    const { refused: _r, othersWaiting: _o, ...rest } = this.current;
    this.current = {
      ...rest,
      ...(refused.length ? { refused: { count: refused.length, reason: refused[0]?.lastError ?? '' } } : {}),
      ...(others > 0 ? { othersWaiting: others } : {}),
    };
    this.setState({ pending: waiting.length, nextRetryAt: next });
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    const at = this.current.nextRetryAt;
    if (at === null) return;
    this.timer = this.scheduler.setTimeout(
      () => {
        this.timer = null;
        void this.flush();
      },
      Math.max(0, at - this.now()),
    );
  }

  /** Coming back online or to the foreground is a good moment to retry at once. */
  private listen(): void {
    const { window: win, document: doc } = this.options.events ?? {};
    const retryNow = (): void => {
      this.pausedUntil = 0;
      this.force = true;
      void this.flush();
    };
    if (win) {
      win.addEventListener('online', retryNow);
      this.detach.push(() => win.removeEventListener('online', retryNow));
    }
    if (doc) {
      const onVisible = (): void => {
        if (doc.visibilityState === 'visible') retryNow();
      };
      doc.addEventListener('visibilitychange', onVisible);
      this.detach.push(() => doc.removeEventListener('visibilitychange', onVisible));
    }
  }

  private setState(patch: Partial<OutboxState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }
}
