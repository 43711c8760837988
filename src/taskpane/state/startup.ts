// Getting the pane ready and keeping its strategies current. Start-up and every retry go through
// one tryBecomeReady; one timer serves both the background refresh of a working pane and the
// quick retries of a pane that has no strategies yet. Coming back online or to the foreground is
// a good moment to retry too.
import { escalationTarget } from '../../core/escalation';
import type { SettingsReport, StrategySnapshot } from '../../graph/types';
import { DEFAULT_SETTINGS } from '../../graph/settings';
import { termSettingWarnings, warmUpMatchers } from './config';
import { describeError } from './errors';
import type { SelectedItem } from './item';
import type { ControllerOptions, TriageServices } from './services';
import type { PaneStore } from './store';

type SettingsLoad = { ok: true; report: SettingsReport } | { ok: false; error: unknown };

export class Startup {
  private readonly cleanup: Array<() => void> = [];
  private timer: unknown = null;
  private unsubscribeItem: (() => Promise<void>) | null = null;
  /** When the strategies were last asked for (ms), for the background refresh. */
  private lastSync = 0;
  /** Settles when what the first evaluation needs is ready (never rejects). */
  private warming: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PaneStore,
    private readonly services: TriageServices,
    private readonly item: SelectedItem,
    private readonly options: ControllerOptions,
  ) {}

  async start(): Promise<void> {
    const { services, store } = this;
    const outboxOff = services.outbox.subscribe((outbox) => {
      const s = store.getState();
      if (s.phase === 'ready' || s.phase === 'unavailable') store.set({ ...s, outbox });
    });
    this.cleanup.push(outboxOff);
    this.listenForRecovery();
    this.startTimer();
    const snapshot = this.timed(
      async () => services.strategies.cached() ?? (await services.strategies.sync()),
    );
    this.warming = this.warmUpWhileWaiting();
    await this.tryBecomeReady(snapshot);
  }

  /** Brings the snapshot up to date; on failure the older one stays in use and the pane says so. */
  async refresh(): Promise<void> {
    const s = this.store.getState();
    if (s.phase === 'unavailable') {
      // The timer and the Try again button can meet: a second run would sync again and add a
      // second ItemChanged subscription, loading every later message twice.
      if (s.retrying) return;
      this.store.set({ ...s, retrying: true });
      await this.tryBecomeReady(this.timed(() => this.services.strategies.sync()));
      return;
    }
    if (s.phase !== 'ready' || s.sync.refreshing) return;
    this.store.patchReady({ sync: { ...s.sync, refreshing: true } });
    try {
      const snapshot = await this.timed(() => this.services.strategies.sync());
      const changed = this.store.useSnapshot(snapshot);
      this.store.patchReady({
        sync: { syncedAt: snapshot.syncedAt, refreshing: false, error: null, rejected: snapshot.rejected },
      });
      if (changed) this.item.reevaluate('Strategies updated.');
    } catch (err) {
      const ready = this.store.ready();
      if (ready)
        this.store.patchReady({ sync: { ...ready.sync, refreshing: false, error: describeError(err) } });
    }
  }

  dispose(): void {
    if (this.timer !== null) (this.options.clearInterval ?? clearInterval)(this.timer as never);
    this.timer = null;
    for (const off of this.cleanup.splice(0)) off();
    void this.unsubscribeItem?.().catch(() => undefined);
  }

  /**
   * Settings load beside the strategies. Without strategies the pane cannot say who is under a
   * strategy, so it says it cannot reach SharePoint and tries again; without settings it works
   * on the defaults and says so.
   */
  private async tryBecomeReady(snapshotLoad: Promise<StrategySnapshot>): Promise<void> {
    const settingsLoad: Promise<SettingsLoad> = this.services.settings.load().then(
      (report) => ({ ok: true, report }),
      (error: unknown) => ({ ok: false, error }),
    );
    let snapshot: StrategySnapshot;
    try {
      snapshot = await snapshotLoad;
    } catch (err) {
      this.store.set({
        phase: 'unavailable',
        message: `Can't reach SharePoint to load contact strategies (${describeError(err)}). Read this message as usual in Outlook; the pane will try again.`,
        retrying: false,
        outbox: this.services.outbox.state(),
      });
      return;
    }
    this.becomeReady(snapshot, await settingsLoad);
    // The first message's evaluation needs the shipped matcher; it is usually ready long before.
    await this.warming;
    this.unsubscribeItem ??= await this.services.host.onItemChanged(() => void this.item.load());
    await this.item.load();
  }

  private becomeReady(snapshot: StrategySnapshot, loaded: SettingsLoad): void {
    this.store.useSnapshot(snapshot);
    // The defaults the Graph layer gives an empty list, so folder and category names match what
    // provisioning created; no supervisors, so supervisor tools stay hidden.
    const settings = loaded.ok ? loaded.report.settings : DEFAULT_SETTINGS;
    const user = this.services.host.user().emailAddress.trim().toLowerCase();
    const allowed = settings.supervisors.some((s) => s.trim().toLowerCase() === user);
    const warnings = [...(this.options.warnings ?? [])];
    if (!loaded.ok)
      warnings.push(
        `Settings could not be loaded (${describeError(loaded.error)}): default folder and category names are in use, and supervisor tools are hidden.`,
      );
    // A mistyped row (an escalation mailbox, the supervisors) silently falling back to its
    // default would change what the pane does with nobody told.
    else if (loaded.report.rejected.length)
      warnings.push(
        `Some settings could not be used, so their defaults apply until an administrator fixes them: ${loaded.report.rejected.map((r) => r.message).join(' ')}`,
      );
    // An organisation term that cannot be looked for is left out on its own; a supervisor must
    // hear which, or the list silently covers less than they think.
    if (loaded.ok) warnings.push(...termSettingWarnings(settings));
    const escalation = escalationTarget(settings.escalationMailbox, settings.staffDomains);
    if (escalation.kind === 'refused')
      warnings.push(
        `Escalations will not be forwarded: ${escalation.reason}. They are still tagged for action; an administrator must set an escalation mailbox inside the force.`,
      );
    this.store.set({
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

  /** Notes when the strategies were asked for, so the background refresh counts from there. */
  private timed(load: () => Promise<StrategySnapshot>): Promise<StrategySnapshot> {
    this.lastSync = this.now();
    return load();
  }

  /**
   * One timer at the quick retry period. An unusable pane retries on every tick; a working one
   * refreshes only once the refresh period has passed since the last sync. Nothing while hidden.
   */
  private startTimer(): void {
    if (this.timer !== null) return;
    const refreshMs = (this.options.refreshMinutes ?? 5) * 60_000;
    const tickMs = Math.min(this.options.unavailableRetryMs ?? 15_000, refreshMs);
    const setInt = this.options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    this.timer = setInt(() => {
      if (!this.visible()) return;
      const phase = this.store.getState().phase;
      if (phase === 'unavailable' || (phase === 'ready' && this.now() - this.lastSync >= refreshMs))
        void this.refresh();
    }, tickMs);
  }

  /** Coming back online or to the foreground retries at once if strategies are missing. */
  private listenForRecovery(): void {
    const { window: win, document: doc } = this.options.events ?? {};
    const retry = (): void => {
      if (this.store.getState().phase === 'unavailable' && this.visible()) void this.refresh();
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

  /**
   * Building the shipped matcher (decoding its prebuilt data, or compiling the lists without it)
   * takes main-thread time. Done on the first message it would sit between the strategies
   * arriving and the first verdict, so it is done while the start-up requests are on the network
   * (an idle callback runs after they have been sent).
   */
  private warmUpWhileWaiting(): Promise<void> {
    const warm = this.options.warmUp ?? warmUpMatchers;
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => unknown }).requestIdleCallback;
    return new Promise<void>((resolve) => {
      const run = (): void => {
        Promise.resolve()
          .then(warm)
          .catch((err: unknown) => console.warn(`Warming up the matchers failed: ${describeError(err)}`))
          .finally(resolve);
      };
      if (idle) idle(run);
      else setTimeout(run, 0);
    });
  }

  private visible(): boolean {
    return this.options.visible?.() ?? true;
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }
}
