// What supervisors can do from the pane: tag the open message, create and save strategies, and
// read a strategy's contacts for its review pack. Handed to the supervisor tools (loaded only for
// supervisors) through React context, so handlers' components never see these actions.
import type { ContactLogRecord, Strategy } from '../../core/types';
import type { ImportStep } from '../../core/register/import';
import type { CreateOutcome } from '../../graph/strategy-import';
import type { PersonLog, PersonLogQuery, SaveResult, StrategySnapshot } from '../../graph/types';
import type { UserIdentity } from '../../office/types';
import { describeError } from './errors';
import type { SelectedItem } from './item';
import { mailActionsFor, type ControllerOptions, type TriageServices } from './services';
import { tagMessage } from './tagging';
import type { PaneStore } from './store';

export type SupervisorTag = 'breachConfirmed' | 'reminderSent' | 'reviewNeeded' | 'escalateToDecisionMaker';

export interface SupervisorActions {
  /** Tags the open message (breach confirmed, reminder sent, review needed, decision maker). */
  tag(tag: SupervisorTag): Promise<void>;
  /** Creates a strategy; on success the snapshot is brought up to date and the item re-checked. */
  createStrategy(draft: Omit<Strategy, 'id' | 'eTag'>): Promise<SaveResult>;
  /**
   * Saves an edited strategy with its eTag. A concurrent edit comes back as `conflict` with the
   * current version for the supervisor to look at; nothing is overwritten.
   */
  saveStrategy(next: Strategy): Promise<SaveResult>;
  /** The latest known version of a strategy (after a conflict and a reload). */
  strategyById(id: string): Strategy | undefined;
  /** Every strategy the pane knows (the register's rows). */
  strategies(): readonly Strategy[];
  /** Contact-log rows for a strategy since an instant (the review pack's input). */
  contactsFor(strategyId: string, sinceIso: string): Promise<ContactLogRecord[]>;
  /** Every decision the contact log holds about a person (the subject access export's input). */
  personLog(person: PersonLogQuery): Promise<PersonLog>;
  /** Who is acting, for "reviewed by" and "decided by". */
  user(): UserIdentity;
  today(): Date;
  /** Brings the strategies up to date (before an edit is compared with the latest version). */
  refresh(): Promise<void>;
  /** The list as it is now, failures thrown: an import's preview is compared with it. */
  listNow(): Promise<StrategySnapshot>;
  /** Writes an import's new strategies ($batch), then brings the pane up to date; absent when the pane cannot. */
  importCreates?(steps: readonly ImportStep[]): Promise<CreateOutcome[]>;
}

export function createSupervisorActions(deps: {
  store: PaneStore;
  services: TriageServices;
  item: SelectedItem;
  /** The pane's refresh: a save makes the snapshot out of date. */
  refresh: () => Promise<void>;
  options: ControllerOptions;
}): SupervisorActions {
  const { store, services, item, refresh } = deps;
  const now = deps.options.now ?? (() => new Date());
  const writeImport = services.importStrategies;

  async function afterSave(result: SaveResult): Promise<SaveResult> {
    if (result.kind === 'forbidden') {
      store.patchReady({
        supervisor: {
          allowed: false,
          reason: `SharePoint did not let you change strategies (${result.message}). Supervisor tools are hidden; ask an administrator if you should have them.`,
        },
      });
    } else {
      // Saved, or changed by someone else: either way the snapshot is out of date.
      await refresh();
      if (result.kind === 'saved') item.reevaluate('Strategy saved.');
    }
    return result;
  }

  return {
    async tag(tag) {
      const shown = store.shown();
      const ready = store.ready();
      if (!shown || !ready) return;
      const token = store.currentItem();
      const name = ready.settings.categories[tag];
      // The same route as a decision's tag: a shared or delegated item through Graph on the owner's
      // mailbox (Office.js refuses names missing from the owner's master list), the user's own
      // item through Office.js with Graph behind it.
      const tagged = await tagMessage({
        host: services.host,
        mail: mailActionsFor(services, shown.message),
        message: shown.message,
        names: [name],
        inFront: store.isCurrent(token),
      });
      if (tagged.kind === 'tagged') {
        store.announce(token, `Tagged "${name}".`);
        return;
      }
      store.announce(token, `The tag "${name}" could not be added: ${describeError(tagged.error)}.`);
      throw tagged.error;
    },
    createStrategy: async (draft) => afterSave(await services.strategies.create(draft)),
    saveStrategy: async (next) => afterSave(await services.strategies.update(next)),
    strategyById: (id) => store.library()?.index.byId.get(id),
    strategies: () => store.library()?.index.strategies ?? [],
    contactsFor: (strategyId, sinceIso) => services.contactLog.forStrategy(strategyId, sinceIso),
    personLog: (person) => services.contactLog.forPerson(person),
    user: () => services.host.user(),
    today: () => now(),
    refresh,
    listNow: () => services.strategies.sync(),
    ...(writeImport && {
      importCreates: async (steps: readonly ImportStep[]) => {
        const outcomes = await writeImport(steps);
        await refresh();
        return outcomes;
      },
    }),
  };
}
