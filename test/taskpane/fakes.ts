// Plain fakes of the ports the taskpane uses (fixtures in ./fixtures).
import type { ContactLogRecord, HistoryEntry, Strategy } from '../../src/core/types';
import type { MessageLogRow } from '../../src/core/message-status';
import { isAboutPerson } from '../../src/core/register/person';
import type {
  ContactLogRepository,
  MailActions,
  MessageClaim,
  PersonLogQuery,
  RejectedRow,
  SaveResult,
  Settings,
  SettingsRepository,
  StrategyRepository,
  StrategySnapshot,
} from '../../src/graph/types';
import type { CurrentMessage, MailboxHost } from '../../src/office/types';
import type { Outbox, OutboxState } from '../../src/outbox';
import { TriageController, type ControllerOptions } from '../../src/taskpane/state/controller';
import { NOW, SETTINGS, message, strategy } from './fixtures';

export { NOW, SETTINGS, message, strategy };

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeHost implements MailboxHost {
  current: CurrentMessage | null;
  /** Per internetMessageId: a gate the currentMessage() answer waits for (a slow Office call). */
  gates = new Map<string, Promise<void>>();
  categories: string[][] = [];
  replies: string[] = [];
  failCategories: Error | null = null;
  private handlers: Array<() => void> = [];

  constructor(
    first: CurrentMessage | null,
    private readonly identity = {
      displayName: 'Hana Handler',
      emailAddress: 'hana.handler@force.example.police.uk',
    },
  ) {
    this.current = first;
  }

  async currentMessage() {
    const msg = this.current;
    const gate = msg ? this.gates.get(msg.internetMessageId) : undefined;
    if (gate) await gate;
    return msg;
  }
  async onItemChanged(handler: () => void) {
    this.handlers.push(handler);
    return async () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }
  /** The user selects another item in Outlook. */
  select(msg: CurrentMessage | null): void {
    this.current = msg;
    for (const h of this.handlers) h();
  }
  async getCategories() {
    return this.categories.flat();
  }
  async addCategories(names: string[]) {
    if (this.failCategories) throw this.failCategories;
    this.categories.push(names);
  }
  displayReplyForm(html: string) {
    this.replies.push(html);
  }
  user() {
    return this.identity;
  }
  isSetSupported() {
    return true;
  }
}

export class FakeStrategies implements StrategyRepository {
  snapshot: StrategySnapshot;
  syncs = 0;
  failSync: Error | null = null;
  nextSave: SaveResult | null = null;
  saved: Array<Strategy | Omit<Strategy, 'id' | 'eTag'>> = [];

  constructor(
    strategies: Strategy[],
    private readonly startCached = true,
  ) {
    this.snapshot = { strategies, rejected: [], syncedAt: '2025-03-04T10:02:00Z' };
  }
  async sync() {
    this.syncs++;
    if (this.failSync) throw this.failSync;
    this.snapshot = { ...this.snapshot };
    return this.snapshot;
  }
  cached() {
    return this.startCached ? this.snapshot : null;
  }
  async create(s: Omit<Strategy, 'id' | 'eTag'>): Promise<SaveResult> {
    this.saved.push(s);
    const created = { ...s, id: 'CS-0100', eTag: '"1"' };
    if (this.nextSave) return this.nextSave;
    this.snapshot = { ...this.snapshot, strategies: [...this.snapshot.strategies, created] };
    return { kind: 'saved', strategy: created };
  }
  async update(s: Strategy): Promise<SaveResult> {
    this.saved.push(s);
    if (this.nextSave) return this.nextSave;
    const next = { ...s, eTag: `"${Number(JSON.parse(s.eTag ?? '"1"')) + 1}"` };
    this.snapshot = {
      ...this.snapshot,
      strategies: this.snapshot.strategies.map((x) => (x.id === s.id ? next : x)),
    };
    return { kind: 'saved', strategy: next };
  }
}

export class FakeContactLog implements ContactLogRepository {
  entries: HistoryEntry[] = [];
  historyCalls: Array<{ addresses: readonly string[]; since: string }> = [];
  /** When set, history() waits for it (a slow SharePoint). */
  gate: Promise<void> | null = null;
  failHistory: Error | null = null;
  rows: ContactLogRecord[] = [];

  async append(r: ContactLogRecord) {
    if (this.rows.some((x) => x.key === r.key)) return 'exists' as const;
    this.rows.push(r);
    return 'created' as const;
  }
  async history(addresses: readonly string[], since: string) {
    this.historyCalls.push({ addresses, since });
    if (this.gate) await this.gate;
    if (this.failHistory) throw this.failHistory;
    return this.entries;
  }
  async forStrategy(id: string) {
    return this.rows.filter((r) => r.strategyIds.includes(id));
  }
  async forPerson(person: PersonLogQuery) {
    return { records: this.rows.filter((r) => isAboutPerson(person, r)), overrides: [], unreadable: [] };
  }
  claims: MessageClaim[] = [];
  async claim(c: MessageClaim) {
    this.claims.push(c);
  }
  /** Decisions in the order appended, then claims (ids as SharePoint would number them). */
  async forMessage(messageKey: string): Promise<MessageLogRow[]> {
    const decisions: MessageLogRow[] = this.rows.flatMap((r, i) =>
      r.messageKey === messageKey
        ? [
            {
              kind: r.entry,
              key: r.key,
              order: i + 1,
              reader: r.reader,
              at: r.readAt,
              disposition: r.disposition,
              ...(r.readerName ? { readerName: r.readerName } : {}),
              ...(r.folder ? { folder: r.folder } : {}),
              ...(r.forwardedTo ? { forwardedTo: r.forwardedTo } : {}),
            },
          ]
        : [],
    );
    const claims: MessageLogRow[] = this.claims.flatMap((c, i) =>
      c.messageKey === messageKey
        ? [
            {
              kind: 'claim' as const,
              key: c.key,
              order: 10_000 + i,
              reader: c.reader,
              at: c.at,
              ...(c.readerName ? { readerName: c.readerName } : {}),
            },
          ]
        : [],
    );
    return [...decisions, ...claims];
  }
}

export class FakeSettings implements SettingsRepository {
  constructor(
    public value: Settings = SETTINGS,
    public fail: Error | null = null,
  ) {}
  rejected: RejectedRow[] = [];
  async load() {
    if (this.fail) throw this.fail;
    return { settings: this.value, rejected: this.rejected };
  }
}

export class FakeMail implements MailActions {
  calls: Array<[string, ...unknown[]]> = [];
  failMove: Error | null = null;
  async moveToFolder(restId: string, folder: string) {
    this.calls.push(['move', restId, folder]);
    if (this.failMove) throw this.failMove;
    return { id: `${restId}-moved` };
  }
  async addCategories(restId: string, names: readonly string[]) {
    this.calls.push(['categories', restId, [...names]]);
  }
  async ensureMasterCategories(names: readonly string[]) {
    this.calls.push(['ensureMasterCategories', [...names]]);
    return { missing: [] };
  }
  async forward(restId: string, to: string, comment: string) {
    this.calls.push(['forward', restId, to, comment]);
  }
}

/** Records what is enqueued; `fail` makes enqueue reject (storage unavailable). */
export class FakeOutbox implements Outbox {
  records: ContactLogRecord[] = [];
  fail: Error | null = null;
  private s: OutboxState = { pending: 0, lastError: null, nextRetryAt: null };
  private listeners = new Set<(s: OutboxState) => void>();
  /** Every step in order, shared with FakeMail through `journal`. */
  constructor(
    private readonly journal: string[] = [],
    /** Where rows are delivered at once, as a working outbox would (absent: kept here). */
    private readonly log: FakeContactLog | null = null,
  ) {}
  async enqueue(r: ContactLogRecord) {
    if (this.fail) throw this.fail;
    if (!this.records.some((x) => x.key === r.key)) this.records.push(r);
    this.journal.push(`log:${r.disposition}`);
    if (this.log && !this.stuck) await this.log.append(r);
  }
  /** Set to keep rows here, as an outbox that cannot reach SharePoint does. */
  stuck = false;
  async flush() {}
  async retryRefused() {}
  async holds(key: string) {
    return (!this.log || this.stuck) && this.records.some((r) => r.key === key);
  }
  state() {
    return this.s;
  }
  subscribe(l: (s: OutboxState) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  close() {}
  /** Simulates the real outbox reporting rows it could not send yet. */
  report(s: Partial<OutboxState>) {
    this.s = { ...this.s, ...s };
    for (const l of this.listeners) l(this.s);
  }
}

export interface Rig {
  controller: TriageController;
  host: FakeHost;
  strategies: FakeStrategies;
  contactLog: FakeContactLog;
  settings: FakeSettings;
  mail: FakeMail;
  outbox: FakeOutbox;
}

export function rig(
  opts: {
    strategies?: Strategy[];
    first?: CurrentMessage | null;
    settings?: FakeSettings;
    user?: { displayName: string; emailAddress: string };
    cached?: boolean;
    options?: ControllerOptions;
    /** A log shared with another rig: two panes on one shared mailbox. */
    contactLog?: FakeContactLog;
    mail?: FakeMail;
  } = {},
): Rig {
  const host = new FakeHost(opts.first === undefined ? message() : opts.first, opts.user);
  const strategies = new FakeStrategies(opts.strategies ?? [strategy()], opts.cached ?? true);
  const contactLog = opts.contactLog ?? new FakeContactLog();
  const settings = opts.settings ?? new FakeSettings();
  const mail = opts.mail ?? new FakeMail();
  const outbox = new FakeOutbox([], contactLog);
  const controller = new TriageController(
    { host, strategies, contactLog, settings, mail, outbox },
    {
      now: () => NOW,
      setInterval: () => 0,
      clearInterval: () => undefined,
      warmUp: () => undefined,
      ...opts.options,
    },
  );
  return { controller, host, strategies, contactLog, settings, mail, outbox };
}

/** Lets pending promise callbacks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
