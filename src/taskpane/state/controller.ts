// The taskpane's controller: loads settings and the strategy snapshot once, evaluates each item
// with core, runs the read gate, and carries out the decision (log row first, then mail). It
// holds state; React components subscribe and render it. Core decides; this only wires ports.
//
// Item switch: the verdict is evaluated synchronously from the in-memory snapshot and index;
// the only request on that path is the person's history (for contact limits and repeats),
// answered from a warm per-person cache when possible, otherwise shown as "checking…" and
// filled in when it arrives. Every async answer carries the item token it was asked for, so a
// slow answer for an earlier item is dropped rather than rendered on the current one.
import { answer as answerGate, decide, startGate, type Answered, type Reading } from '../../core/gate';
import { buildLogRecord, normaliseMessageId } from '../../core/log';
import { renderReminder } from '../../core/reminder';
import { normaliseAddress } from '../../core/address';
import { buildIndex, matchExact, type StrategyIndex } from '../../core/match';
import { evaluate } from '../../core/evaluate';
import { detectReopenDemand, scanIndicators } from '../../core/indicators';
import type {
  Config,
  Disposition,
  Evaluation,
  HistoryEntry,
  ReadQuestion,
  Strategy,
  StrategyMatch,
} from '../../core/types';
import type {
  ContactLogRepository,
  MailActions,
  SaveResult,
  Settings,
  SettingsReport,
  SettingsRepository,
  StrategyRepository,
  StrategySnapshot,
} from '../../graph/types';
import { DEFAULT_SETTINGS } from '../../graph/settings';
import type { CurrentMessage, MailboxHost } from '../../office/types';
import type { Outbox } from '../../outbox';
import { HistoryCache } from './history-cache';
import { describeError } from './errors';
import { mailPlan, pendingStep, type MailPlan } from './mail-plan';
import type { ItemState, MailSteps, PaneState, ReadyState, RecordState, ShownItem } from './types';

export interface TriageServices {
  host: MailboxHost;
  strategies: StrategyRepository;
  contactLog: ContactLogRepository;
  settings: SettingsRepository;
  mail: MailActions;
  /** Mail actions for an item in a shared mailbox (CurrentMessage.mailboxOwner). */
  mailFor?: (owner: string) => MailActions;
  outbox: Outbox;
}

export interface ControllerOptions {
  now?: () => Date;
  /** Background snapshot refresh period; never on the item-switch path. */
  refreshMinutes?: number;
  /** How long a person's fetched history is trusted. */
  historyTtlMs?: number;
  /** Whether the pane is visible (no background refresh while hidden). */
  visible?: () => boolean;
  setInterval?: (fn: () => void, ms: number) => unknown;
  /** Known at start-up and shown throughout, e.g. that decisions cannot be kept offline. */
  warnings?: string[];
  clearInterval?: (handle: unknown) => void;
  /** While strategies cannot be loaded, how often to try again (the pane is useless until then). */
  unavailableRetryMs?: number;
  /** Compiles what the first evaluation needs (tests pass a no-op). */
  warmUp?: () => void;
  /** Where `online` and `visibilitychange` come from: both are good moments to try again. */
  events?: { window?: EventTarget; document?: EventTarget };
}

export type SupervisorTag = 'breachConfirmed' | 'reminderSent' | 'reviewNeeded' | 'escalateToDecisionMaker';

const DAY_MS = 86_400_000;

export class TriageController {
  private state: PaneState = { phase: 'starting' };
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;
  private readonly history: HistoryCache;
  private snapshot: StrategySnapshot | null = null;
  private index: StrategyIndex | null = null;
  private token = 0;
  private timer: unknown = null;
  private unsubscribeItem: (() => Promise<void>) | null = null;
  private disposed = false;

  constructor(
    private readonly services: TriageServices,
    private readonly options: ControllerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.history = new HistoryCache({
      fetch: (addresses, since) => services.contactLog.history(addresses, since),
      ttlMs: options.historyTtlMs ?? 5 * 60_000,
      now: () => this.now().getTime(),
    });
  }

  // ---- subscription (useSyncExternalStore) -------------------------------------------------

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: PaneState): void {
    if (this.disposed) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  private patchReady(patch: Partial<ReadyState>): void {
    if (this.state.phase === 'ready') this.set({ ...this.state, ...patch });
  }

  /** Changes the shown item only if it is still the one `token` was issued for. */
  private patchItem(token: number, patch: Partial<ShownItem>, announcement?: string): void {
    if (token !== this.token || this.state.phase !== 'ready' || this.state.item.kind !== 'shown') return;
    this.set({
      ...this.state,
      item: { ...this.state.item, ...patch },
      ...(announcement !== undefined ? { announcement } : {}),
    });
  }

  // ---- start-up ------------------------------------------------------------------------------

  async start(): Promise<void> {
    const { services } = this;
    const outboxOff = services.outbox.subscribe((outbox) => {
      if (this.state.phase === 'ready' || this.state.phase === 'unavailable')
        this.set({ ...this.state, outbox });
    });
    this.cleanup.push(outboxOff);
    this.listenForRecovery();

    const loads = Promise.allSettled([services.settings.load(), this.loadSnapshot()]);
    this.warmUpWhileWaiting();
    const [settingsResult, snapshotResult] = await loads;
    if (snapshotResult.status === 'rejected') {
      this.set({
        phase: 'unavailable',
        message: `Can't reach SharePoint to load contact strategies (${describeError(snapshotResult.reason)}). Read this message as usual in Outlook; the pane will try again.`,
        retrying: false,
        outbox: services.outbox.state(),
      });
      this.scheduleRefresh();
      this.retryWhileUnavailable();
      return;
    }
    const settings = settingsResult.status === 'fulfilled' ? settingsResult.value : null;
    this.becomeReady(
      snapshotResult.value,
      settings,
      settingsResult.status === 'rejected' ? settingsResult.reason : null,
    );
    this.unsubscribeItem = await services.host.onItemChanged(() => void this.loadItem());
    this.scheduleRefresh();
    await this.loadItem();
  }

  private readonly cleanup: Array<() => void> = [];
  private retryTimer: unknown = null;

  /**
   * Compiling the shipped term lists takes a few hundred milliseconds of main thread. Done on
   * the first message it would sit between the strategies arriving and the first verdict, so it
   * is done while the start-up requests are on the network (an idle callback runs after they
   * have been sent).
   */
  private warmUpWhileWaiting(): void {
    const warm = this.options.warmUp ?? warmUpMatchers;
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => unknown }).requestIdleCallback;
    if (idle) idle(warm);
    else setTimeout(warm, 0);
  }

  /** Coming back online or to the foreground retries at once if strategies are missing. */
  private listenForRecovery(): void {
    const { window: win, document: doc } = this.options.events ?? {};
    const retry = (): void => {
      if (this.state.phase === 'unavailable' && (this.options.visible?.() ?? true)) void this.refresh();
    };
    for (const [target, type] of [
      [win, 'online'],
      [doc, 'visibilitychange'],
    ] as const) {
      if (!target) continue;
      target.addEventListener(type, retry);
      this.cleanup.push(() => target.removeEventListener(type, retry));
    }
  }

  /** The 5-minute refresh is for a working pane; an unusable one tries far more often. */
  private retryWhileUnavailable(): void {
    if (this.retryTimer !== null) return;
    const setInt = this.options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    this.retryTimer = setInt(() => {
      if (this.state.phase !== 'unavailable') this.stopRetrying();
      else if (this.options.visible?.() ?? true) void this.refresh();
    }, this.options.unavailableRetryMs ?? 15_000);
  }

  private stopRetrying(): void {
    if (this.retryTimer === null) return;
    (this.options.clearInterval ?? clearInterval)(this.retryTimer as never);
    this.retryTimer = null;
  }

  private async loadSnapshot(): Promise<StrategySnapshot> {
    return this.services.strategies.cached() ?? (await this.services.strategies.sync());
  }

  private becomeReady(
    snapshot: StrategySnapshot,
    loaded: SettingsReport | null,
    settingsError: unknown,
  ): void {
    this.useSnapshot(snapshot);
    this.stopRetrying();
    // The defaults the Graph layer gives an empty list, so folder and category names match what
    // provisioning created; no supervisors, so supervisor tools stay hidden.
    const settings = loaded?.settings ?? DEFAULT_SETTINGS;
    const user = this.services.host.user().emailAddress.trim().toLowerCase();
    const allowed = settings.supervisors.some((s) => s.trim().toLowerCase() === user);
    const warnings = [...(this.options.warnings ?? [])];
    if (!loaded)
      warnings.push(
        `Settings could not be loaded (${describeError(settingsError)}): default folder and category names are in use, and supervisor tools are hidden.`,
      );
    // A mistyped row (an escalation mailbox, the supervisors) silently falling back to its
    // default would change what the pane does with nobody told.
    if (loaded?.rejected.length)
      warnings.push(
        `Some settings could not be used, so their defaults apply until an administrator fixes them: ${loaded.rejected.map((r) => r.message).join(' ')}`,
      );
    this.set({
      phase: 'ready',
      settings,
      warnings,
      sync: { syncedAt: snapshot.syncedAt, refreshing: false, error: null, rejected: snapshot.rejected },
      supervisor: { allowed, reason: null },
      item: { kind: 'loading' },
      outbox: this.services.outbox.state(),
      announcement: '',
    });
    // Categories must exist in the mailbox's master list before Office.js can add them.
    void this.services.mail.ensureMasterCategories(Object.values(settings.categories)).catch(() => undefined);
  }

  private useSnapshot(snapshot: StrategySnapshot): void {
    if (this.snapshot === snapshot) return;
    this.snapshot = snapshot;
    this.index = buildIndex(snapshot.strategies);
  }

  dispose(): void {
    this.disposed = true;
    this.token++;
    if (this.timer !== null) (this.options.clearInterval ?? clearInterval)(this.timer as never);
    this.stopRetrying();
    for (const off of this.cleanup.splice(0)) off();
    void this.unsubscribeItem?.().catch(() => undefined);
    this.listeners.clear();
  }

  // ---- snapshot refresh (background only) ----------------------------------------------------

  private scheduleRefresh(): void {
    if (this.timer !== null) return;
    const every = (this.options.refreshMinutes ?? 5) * 60_000;
    const setInt = this.options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    this.timer = setInt(() => {
      if (this.options.visible?.() ?? true) void this.refresh();
    }, every);
  }

  /** Brings the snapshot up to date; on failure the older one stays in use and the pane says so. */
  async refresh(): Promise<void> {
    const s = this.state;
    if (s.phase === 'unavailable') {
      // The timer and the Try again button can meet: a second run would sync again and add a
      // second ItemChanged subscription, loading every later message twice.
      if (s.retrying) return;
      this.set({ ...s, retrying: true });
      try {
        const snapshot = await this.services.strategies.sync();
        let settingsError: unknown = null;
        const settings = await this.services.settings.load().catch((err: unknown) => {
          settingsError = err;
          return null;
        });
        this.becomeReady(snapshot, settings, settingsError);
        this.unsubscribeItem ??= await this.services.host.onItemChanged(() => void this.loadItem());
        await this.loadItem();
      } catch (err) {
        if (this.state.phase === 'unavailable')
          this.set({
            ...this.state,
            retrying: false,
            message: `Can't reach SharePoint to load contact strategies (${describeError(err)}). Read this message as usual in Outlook; the pane will try again.`,
          });
      }
      return;
    }
    if (s.phase !== 'ready' || s.sync.refreshing) return;
    this.patchReady({ sync: { ...s.sync, refreshing: true } });
    try {
      const snapshot = await this.services.strategies.sync();
      const changed = snapshot !== this.snapshot;
      this.useSnapshot(snapshot);
      const ready = this.state as ReadyState;
      this.patchReady({
        sync: { syncedAt: snapshot.syncedAt, refreshing: false, error: null, rejected: snapshot.rejected },
      });
      if (changed && ready.item.kind === 'shown') this.reevaluate('Strategies updated.');
    } catch (err) {
      const ready = this.state as ReadyState;
      this.patchReady({ sync: { ...ready.sync, refreshing: false, error: describeError(err) } });
    }
  }

  // ---- items ---------------------------------------------------------------------------------

  /** Shows the selected item. Anything still on its way for an earlier item is dropped. */
  async loadItem(): Promise<void> {
    if (this.state.phase !== 'ready') return;
    const token = ++this.token;
    this.patchReady({ item: { kind: 'loading' } });
    let message: CurrentMessage | null;
    try {
      message = await this.services.host.currentMessage();
    } catch (err) {
      if (token === this.token)
        this.patchReady({
          item: {
            kind: 'error',
            message: `Outlook did not give the pane this message (${describeError(err)}). Select it again.`,
          },
        });
      return;
    }
    if (token !== this.token) return;
    if (!message) {
      this.patchReady({ item: { kind: 'none' }, announcement: 'No message selected.' });
      return;
    }
    try {
      this.showItem(token, message);
    } catch (err) {
      // Called unawaited from ItemChanged: a throw here would leave the spinner up for good.
      this.patchReady({
        item: {
          kind: 'error',
          message: `The pane could not check this message (${describeError(err)}). Read it in Outlook as usual.`,
        },
      });
    }
  }

  private showItem(token: number, message: CurrentMessage): void {
    // Whose history is needed follows from the exact matches alone (a hash lookup), so a warm
    // history is found before the one full evaluation: the body is scanned once, not twice.
    const from = typeof message.from?.address === 'string' ? message.from.address : '';
    const query = this.historyQuery(matchExact(this.index!, normaliseAddress(from)));
    const warm = query ? this.history.peek(query.addresses, query.since) : null;
    const evaluation = this.evaluate(message, warm ?? []);
    let history: ShownItem['history'] = { kind: 'not-needed' };
    if (warm) history = { kind: 'done', entries: warm };
    else if (query) {
      history = { kind: 'checking' };
      void this.fetchHistory(token, query);
    }
    const item: ShownItem = {
      kind: 'shown',
      message,
      evaluation,
      strategies: this.strategiesFor(evaluation),
      history,
      gate: startGate(),
      forward: true,
      record: { kind: 'idle' },
    };
    this.patchReady({ item, announcement: verdictSentence(item) });
  }

  private async fetchHistory(token: number, query: { addresses: string[]; since: string }): Promise<void> {
    try {
      const entries = await this.history.get(query.addresses, query.since);
      if (token !== this.token) return;
      const item = (this.state as ReadyState).item as ShownItem;
      const evaluation = this.evaluate(item.message, entries);
      this.patchItem(token, {
        evaluation,
        strategies: this.strategiesFor(evaluation),
        history: { kind: 'done', entries },
      });
    } catch (err) {
      this.patchItem(
        token,
        { history: { kind: 'failed', message: describeError(err) } },
        'Earlier contacts could not be checked.',
      );
    }
  }

  /** Re-runs core on the shown item (new snapshot), keeping the handler's answers. */
  private reevaluate(announcement: string): void {
    const s = this.state;
    if (s.phase !== 'ready' || s.item.kind !== 'shown' || s.item.record.kind !== 'idle') return;
    const entries = s.item.history.kind === 'done' ? s.item.history.entries : [];
    const evaluation = this.evaluate(s.item.message, entries);
    this.patchItem(this.token, { evaluation, strategies: this.strategiesFor(evaluation) }, announcement);
  }

  private evaluate(message: CurrentMessage, history: readonly HistoryEntry[]): Evaluation {
    const snapshot = this.snapshot!;
    const settings = (this.state as ReadyState).settings;
    const own = normaliseMessageId(message.internetMessageId);
    return evaluate({
      strategies: snapshot.strategies,
      index: this.index!,
      message,
      history: own ? history.filter((h) => normaliseMessageId(h.internetMessageId) !== own) : [...history],
      config: configFrom(settings),
      now: this.now(),
    });
  }

  /**
   * Whose history, since when: every address of every matched strategy (a person may write from
   * several), far enough back for the longest contact-limit period and for repeats since about
   * one review period (settings.reviewMaxDays). Null when nothing matched: no history needed.
   */
  private historyQuery(matches: readonly StrategyMatch[]): { addresses: string[]; since: string } | null {
    if (matches.length === 0) return null;
    const settings = (this.state as ReadyState).settings;
    const byId = this.index!.byId;
    const addresses = new Set<string>();
    let days = settings.reviewMaxDays;
    for (const m of matches) {
      const strategy = byId.get(m.strategyId);
      if (!strategy) continue;
      for (const a of strategy.emailAddresses) addresses.add(a.trim().toLowerCase());
      if (strategy.contactLimit) days = Math.max(days, strategy.contactLimit.periodDays);
    }
    if (addresses.size === 0) return null;
    // Whole days, so the cache key is stable while the pane stays open during a day.
    const since = new Date(
      Math.floor((this.now().getTime() - days * DAY_MS) / DAY_MS) * DAY_MS,
    ).toISOString();
    return { addresses: [...addresses], since };
  }

  private strategiesFor(evaluation: Evaluation): ReadonlyMap<string, Strategy> {
    const byId = this.index!.byId;
    const ids = [
      ...evaluation.matches.map((m) => m.strategyId),
      ...evaluation.evasions.map((e) => e.strategyId),
    ];
    return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
  }

  // ---- the read -------------------------------------------------------------------------------

  answer(question: ReadQuestion, value: boolean): void {
    const item = this.shown();
    if (!item || item.record.kind === 'recorded' || item.record.kind === 'saving') return;
    this.patchItem(this.token, { gate: answerGate(item.gate, question, value) });
  }

  setForward(forward: boolean): void {
    this.patchItem(this.token, { forward });
  }

  /** What recording would do now; null until the read is complete and history is known. */
  pendingDisposition(): Disposition | null {
    const item = this.shown();
    if (!item || item.gate.phase !== 'answered' || item.history.kind === 'checking') return null;
    return decide(item.gate, this.decisionContext(item)).disposition;
  }

  /**
   * Records the decision: the log row is stored durably first; only then is mail tagged, moved
   * or forwarded. If the row cannot be stored, nothing is filed.
   */
  async record(): Promise<void> {
    const item = this.shown();
    const s = this.state as ReadyState;
    if (!item || item.gate.phase !== 'answered' || item.history.kind === 'checking') return;
    if (item.record.kind === 'saving' || item.record.kind === 'recorded') return;
    const token = this.token;
    let decided: ReturnType<typeof decide>;
    let record: ReturnType<typeof buildLogRecord>;
    try {
      decided = decide(item.gate as Answered, this.decisionContext(item));
      record = buildLogRecord({
        message: item.message,
        evaluation: item.evaluation,
        strategies: [...item.strategies.values()],
        decided,
        reader: this.services.host.user().emailAddress,
        readAt: this.now(),
      });
    } catch (err) {
      this.patchItem(token, {
        record: {
          kind: 'failed',
          message: `Your decision could not be recorded, so nothing was filed: ${describeError(err)}.`,
        },
      });
      return;
    }
    this.patchItem(token, { record: { kind: 'saving' } }, 'Saving your decision…');
    try {
      await this.services.outbox.enqueue(record);
    } catch (err) {
      this.patchItem(
        token,
        {
          record: {
            kind: 'failed',
            message: `Your decision could not be saved, so nothing was filed: ${describeError(err)}. Try again.`,
          },
        },
        'Your decision could not be saved.',
      );
      return;
    }
    const query = this.historyQuery(item.evaluation.matches);
    if (query)
      this.history.remember(query.addresses, {
        internetMessageId: item.message.internetMessageId,
        receivedDateTime: item.message.receivedDateTime,
        from: item.message.from,
        fingerprint: item.evaluation.fingerprint,
      });
    const recorded: RecordState = {
      kind: 'recorded',
      disposition: decided.disposition,
      mail: 'working',
      steps: { categories: false, move: false, forward: false },
      forwarded: false,
      reminderDrafted: false,
      reminderNotes: [],
    };
    this.patchItem(token, { record: recorded });
    await this.runMail(token, item, mailPlan(decided.disposition, s.settings, item.forward));
  }

  /** Retries the mail actions that did not complete; the log row is not written again. */
  async retryMail(): Promise<void> {
    const item = this.shown();
    if (!item || item.record.kind !== 'recorded' || item.record.mail !== 'failed') return;
    const s = this.state as ReadyState;
    await this.runMail(this.token, item, mailPlan(item.record.disposition, s.settings, item.forward));
  }

  private async runMail(token: number, item: ShownItem, plan: MailPlan): Promise<void> {
    const rec = item.record.kind === 'recorded' ? item.record : null;
    const steps: MailSteps = rec ? { ...rec.steps } : { categories: false, move: false, forward: false };
    const update = (patch: Partial<Extract<RecordState, { kind: 'recorded' }>>, announcement?: string) => {
      const current = this.shown();
      if (token !== this.token || !current || current.record.kind !== 'recorded') return;
      this.patchItem(token, { record: { ...current.record, ...patch, steps: { ...steps } } }, announcement);
    };
    update({ mail: 'working', mailError: undefined });
    const { host } = this.services;
    const mail = this.mailOf(item.message);
    const restId = item.message.restId;
    try {
      if (!steps.categories && plan.categories.length) {
        // Office.js tags the item in front of the user; once they have moved on, tag by id.
        if (token === this.token && host.isSetSupported('Mailbox', '1.8'))
          await host.addCategories(plan.categories);
        else await mail.addCategories(restId, plan.categories);
        steps.categories = true;
      }
      if (!steps.forward && plan.forwardTo) {
        await mail.forward(
          restId,
          plan.forwardTo,
          plan.forwardComment(this.services.host.user().displayName),
        );
        steps.forward = true;
      }
      if (!steps.move && plan.moveTo) {
        await mail.moveToFolder(restId, plan.moveTo);
        steps.move = true;
      }
      update({ mail: 'done', forwarded: steps.forward }, plan.doneSentence);
    } catch (err) {
      update(
        {
          mail: 'failed',
          mailError: `Your decision is saved, but ${pendingStep(plan, steps)} did not work: ${describeError(err)}.`,
        },
        'Your decision is saved; a mail action did not work.',
      );
    }
  }

  /**
   * Opens a reply with the reminder (lancs 3.11) for the first breached strategy that allows a
   * reply; the handler checks and sends it. Never sends, and never under read-not-respond.
   */
  draftReminder(): void {
    const item = this.shown();
    if (!item || item.record.kind !== 'recorded') return;
    const d = item.record.disposition;
    if (d.kind !== 'breach' || !d.reminderAvailable) return;
    const strategy = d.strategyIds
      .map((id) => item.strategies.get(id))
      .find((st): st is Strategy => !!st && st.responsePolicy !== 'read-not-respond');
    if (!strategy) return;
    const s = this.state as ReadyState;
    const draft = renderReminder({
      strategy,
      flags: item.evaluation.flags.filter((f) => f.strategyId === strategy.id && f.severity === 'breach'),
      template: s.settings.reminderTemplate,
      receivedDateTime: item.message.receivedDateTime,
      handlerName: this.services.host.user().displayName,
    });
    try {
      this.services.host.displayReplyForm(draft.html);
    } catch (err) {
      this.patchItem(
        this.token,
        {
          record: {
            ...item.record,
            reminderNotes: [`The reminder could not be opened: ${describeError(err)}.`],
          },
        },
        'The reminder could not be opened.',
      );
      return;
    }
    const notes = [
      ...draft.notes,
      ...draft.unknownPlaceholders.map(
        (p) => `The template has a placeholder {{${p}}} that was left as written.`,
      ),
    ];
    this.patchItem(
      this.token,
      { record: { ...item.record, reminderDrafted: true, reminderNotes: notes } },
      'A reminder reply is open for you to check and send.',
    );
  }

  // ---- supervisors ---------------------------------------------------------------------------

  /** Tags the open message (breach confirmed, reminder sent, review needed, decision maker). */
  async tag(tag: SupervisorTag): Promise<void> {
    const item = this.shown();
    if (!item) return;
    const token = this.token;
    const name = (this.state as ReadyState).settings.categories[tag];
    try {
      if (this.services.host.isSetSupported('Mailbox', '1.8')) await this.services.host.addCategories([name]);
      else await this.mailOf(item.message).addCategories(item.message.restId, [name]);
      this.announce(token, `Tagged "${name}".`);
    } catch (err) {
      this.announce(token, `The tag "${name}" could not be added: ${describeError(err)}.`);
      throw err;
    }
  }

  /** Creates a strategy; on success the snapshot is brought up to date and the item re-checked. */
  async createStrategy(draft: Omit<Strategy, 'id' | 'eTag'>): Promise<SaveResult> {
    return this.afterSave(await this.services.strategies.create(draft));
  }

  /**
   * Saves an edited strategy with its eTag. A concurrent edit comes back as `conflict` with the
   * current version for the supervisor to look at; nothing is overwritten.
   */
  async saveStrategy(next: Strategy): Promise<SaveResult> {
    return this.afterSave(await this.services.strategies.update(next));
  }

  /** The latest known version of a strategy (after a conflict and a reload). */
  strategyById(id: string): Strategy | undefined {
    return this.index?.byId.get(id);
  }

  /** Contact-log rows for a strategy since an instant (the review pack's input). */
  contactsFor(strategyId: string, sinceIso: string) {
    return this.services.contactLog.forStrategy(strategyId, sinceIso);
  }

  /** Who is acting, for "reviewed by" and "decided by". */
  user() {
    return this.services.host.user();
  }

  today(): Date {
    return this.now();
  }

  private async afterSave(result: SaveResult): Promise<SaveResult> {
    if (result.kind === 'forbidden') {
      this.patchReady({
        supervisor: {
          allowed: false,
          reason: `SharePoint did not let you change strategies (${result.message}). Supervisor tools are hidden; ask an administrator if you should have them.`,
        },
      });
    } else {
      // Saved, or changed by someone else: either way the snapshot is out of date.
      await this.refresh();
      if (result.kind === 'saved') this.reevaluate('Strategy saved.');
    }
    return result;
  }

  private announce(token: number, announcement: string): void {
    if (token === this.token) this.patchReady({ announcement });
  }

  private decisionContext(item: ShownItem) {
    const settings = (this.state as ReadyState).settings;
    return {
      flags: item.evaluation.flags,
      rbnrFolder: settings.rbnrFolder,
      ...(settings.escalationMailbox ? { escalationMailbox: settings.escalationMailbox } : {}),
    };
  }

  private mailOf(message: CurrentMessage): MailActions {
    const { mailFor, mail } = this.services;
    return message.mailboxOwner && mailFor ? mailFor(message.mailboxOwner) : mail;
  }

  private shown(): ShownItem | null {
    const s = this.state;
    return s.phase === 'ready' && s.item.kind === 'shown' ? s.item : null;
  }
}

/** Core's Config from the settings list. */
function warmUpMatchers(): void {
  scanIndicators('');
  detectReopenDemand('');
}

export function configFrom(settings: Settings): Config {
  return {
    staffDomains: settings.staffDomains,
    teams: settings.teams,
    spocRotationMonths: settings.spocRotationMonths,
    reviewMaxDays: settings.reviewMaxDays,
    timeZone: settings.timeZone,
    // No organisation terms means the shipped lists: the shared default scanner (compiled once,
    // warmed at start-up), not a second copy compiled for an empty object on the first message.
    ...(Object.keys(settings.terms).length > 0 ? { terms: settings.terms } : {}),
    ...(settings.repeatThreshold !== undefined ? { repeatThreshold: settings.repeatThreshold } : {}),
  };
}

function verdictSentence(item: ShownItem): string {
  const { matches, evasions } = item.evaluation;
  if (matches.length) {
    const names = [
      ...new Set(matches.map((m) => item.strategies.get(m.strategyId)?.personName ?? m.strategyId)),
    ];
    return `Under a contact strategy: ${names.join(', ')}. Read before filing.`;
  }
  if (evasions.length) return 'Possible evasion: the sender resembles a person under a contact strategy.';
  return 'No contact strategy for this sender. Read before filing.';
}

export type { Reading, Answered, ItemState };
