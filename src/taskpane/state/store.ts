// The pane's state and who is told when it changes (React reads it through useTriage). It also
// keeps the two things every change is checked against: the strategies the verdicts are made
// from, and which item is current. Narrowing accessors stand in for casts: a caller that needs a
// ready pane or a shown item asks for one and gets null when there is none.
import { buildIndex, type StrategyIndex } from '../../core/match';
import type { StrategySnapshot } from '../../graph/types';
import type { PaneState, ReadyState, ShownItem } from './types';

/** A strategy snapshot with the index built from it: they are replaced together, never apart. */
export interface Library {
  snapshot: StrategySnapshot;
  index: StrategyIndex;
}

export class PaneStore {
  private state: PaneState = { phase: 'starting' };
  private readonly listeners = new Set<() => void>();
  private held: Library | null = null;
  private token = 0;
  private closed = false;

  // ---- for useSyncExternalStore ----------------------------------------------------------------

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- narrowing accessors -------------------------------------------------------------------

  ready(): ReadyState | null {
    return this.state.phase === 'ready' ? this.state : null;
  }

  shown(): ShownItem | null {
    const s = this.ready();
    return s?.item.kind === 'shown' ? s.item : null;
  }

  /** The shown item, only while it is still the one `token` was issued for. */
  shownFor(token: number): ShownItem | null {
    return token === this.token ? this.shown() : null;
  }

  /** The strategies in use; null until the first snapshot has loaded. */
  library(): Library | null {
    return this.held;
  }

  // ---- changes -------------------------------------------------------------------------------

  set(next: PaneState): void {
    if (this.closed) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  patchReady(patch: Partial<ReadyState>): void {
    const s = this.ready();
    if (s) this.set({ ...s, ...patch });
  }

  /** Changes the shown item only if it is still the one `token` was issued for. */
  patchItem(token: number, patch: Partial<ShownItem>, announcement?: string): void {
    const s = this.ready();
    const item = this.shownFor(token);
    if (!s || !item) return;
    this.set({
      ...s,
      item: { ...item, ...patch },
      ...(announcement !== undefined ? { announcement } : {}),
    });
  }

  /** Says what happened, unless the handler has moved to another item since `token`. */
  announce(token: number, announcement: string): void {
    if (token === this.token) this.patchReady({ announcement });
  }

  /** Uses this snapshot from now on; true when it differs from the one in use. */
  useSnapshot(snapshot: StrategySnapshot): boolean {
    if (this.held?.snapshot === snapshot) return false;
    this.held = { snapshot, index: buildIndex(snapshot.strategies) };
    return true;
  }

  // ---- item tokens ---------------------------------------------------------------------------

  /** A new item is being loaded: every answer still on its way for an earlier one is stale. */
  nextItem(): number {
    return ++this.token;
  }

  currentItem(): number {
    return this.token;
  }

  isCurrent(token: number): boolean {
    return token === this.token;
  }

  /** No more changes or listeners (the pane is closing); answers still on their way are dropped. */
  close(): void {
    this.closed = true;
    this.token++;
    this.listeners.clear();
  }
}
