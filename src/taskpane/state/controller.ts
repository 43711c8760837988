// The taskpane's state, assembled: one store that components subscribe to, and the modules that
// change it, one job each (start-up and refresh, the selected item, recording, supervisor
// actions). Core decides; these only wire ports. Components use this through useTriage and the
// handler's actions below; supervisor tools get `supervisor` through React context.
import type { ReadQuestion, Disposition } from '../../core/types';
import { SelectedItem } from './item';
import { Recording } from './recording';
import type { ControllerOptions, TriageServices } from './services';
import { Startup } from './startup';
import { PaneStore } from './store';
import { createSupervisorActions, type SupervisorActions } from './supervisor';
import type { PaneState } from './types';

export type { ControllerOptions, TriageServices } from './services';
export type { SupervisorActions, SupervisorTag } from './supervisor';
export { configFrom } from './config';

export class TriageController {
  private readonly store = new PaneStore();
  private readonly item: SelectedItem;
  private readonly recording: Recording;
  private readonly startup: Startup;
  /** For the supervisor tools only (handed to them through SupervisorContext). */
  readonly supervisor: SupervisorActions;
  /** Puts this person's refused decisions back in the outbox's loop (never anyone else's). */
  readonly retryRefused: () => Promise<void>;

  constructor(services: TriageServices, options: ControllerOptions = {}) {
    this.item = new SelectedItem(this.store, services, options);
    this.recording = new Recording(this.store, services, this.item, options);
    this.startup = new Startup(this.store, services, this.item, options);
    this.supervisor = createSupervisorActions({
      store: this.store,
      services,
      item: this.item,
      refresh: () => this.startup.refresh(),
      options,
    });
    this.retryRefused = () => services.outbox.retryRefused();
  }

  // ---- for useSyncExternalStore ----------------------------------------------------------------
  readonly getState = (): PaneState => this.store.getState();
  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  // ---- the pane --------------------------------------------------------------------------------
  start = (): Promise<void> => this.startup.start();
  /** Brings the strategies up to date, or tries again to load them when there are none. */
  refresh = (): Promise<void> => this.startup.refresh();
  dispose = (): void => {
    this.store.close();
    this.startup.dispose();
  };

  // ---- the selected item and the read ----------------------------------------------------------
  loadItem = (): Promise<void> => this.item.load();
  answer = (question: ReadQuestion, value: boolean): void => this.item.answer(question, value);
  setForward = (forward: boolean): void => this.item.setForward(forward);
  confirmOpened = (opened: boolean): void => this.item.confirmOpened(opened);

  // ---- recording -------------------------------------------------------------------------------
  pendingDisposition = (): Disposition | null => this.recording.pendingDisposition();
  record = (): Promise<void> => this.recording.record();
  retryMail = (): Promise<void> => this.recording.retryMail();
  draftReminder = (): void => this.recording.draftReminder();
}
