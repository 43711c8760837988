// The OnMessageSend handler's logic, apart from Office.js: read the mail being sent, decide on a
// strategy snapshot within the time budget, and say how the event completes. Where the snapshot
// is missing and cannot be fetched in time, or anything fails, the mail goes (fail open) and the
// guard logs why: Outlook must never hold mail because of us.
import { buildIndex, type StrategyIndex } from '../core/match';
import { decideSend, type OutgoingMail, type SendDecision } from '../core/send-guard';
import { withinBudget, type Timers } from './budget';
import {
  readSnapshot,
  SNAPSHOT_KEY,
  writeSnapshot,
  type GuardSnapshot,
  type KeyValueStore,
} from './snapshot';

/** The common case must finish well inside Outlook's 5 s "taking longer than expected" dialog. */
export const DEFAULT_BUDGET_MS = 1000;
/** A snapshot older than this is still used, and refreshed in the background for the next send. */
export const DEFAULT_MAX_AGE_MS = 15 * 60 * 1000;

/** The mail being sent, as the compose form gives it. */
export interface ComposePort {
  mail(): Promise<OutgoingMail>;
  /** The signed-in member of staff. */
  sender(): string;
}

/** SmartAlertsEventCompletedOptions, the part the guard sets. */
export type Completion =
  { allowEvent: true } | { allowEvent: false; errorMessage: string; sendModeOverride?: 'promptUser' };

export type GuardOutcome =
  | { kind: 'allowed'; decision: SendDecision }
  | { kind: 'alerted'; decision: Extract<SendDecision, { kind: 'alert' }> }
  | { kind: 'failed-open'; reason: 'no-strategies' | 'over-budget' | 'error'; detail: string };

export interface GuardResult {
  completion: Completion;
  outcome: GuardOutcome;
  elapsedMs: number;
}

/** One line per fail-open or refresh failure: no recipients, no message text. */
export interface GuardLogEntry {
  at: string;
  event: 'failed-open' | 'refresh-failed';
  detail: string;
  elapsedMs: number;
}

export interface SendGuardDeps {
  compose: ComposePort;
  store: KeyValueStore;
  /** Fetches a fresh snapshot through Graph; absent where the client cannot get a token here. */
  refresh?: () => Promise<GuardSnapshot>;
  /** Mailbox 1.14: the dialog may offer "Send anyway" (sendModeOverride promptUser). */
  canPromptUser: boolean;
  now?: () => number;
  timers?: Timers;
  budgetMs?: number;
  maxAgeMs?: number;
  log: (entry: GuardLogEntry) => void;
  /** Told of every alert, to keep it until the sent mail shows whether it went anyway. */
  onAlert?: (decision: Extract<SendDecision, { kind: 'alert' }>, mail: OutgoingMail) => void;
}

/** The index is built once per snapshot and kept while the runtime lives (the warm case). */
let indexed: { savedAt: number; count: number; index: StrategyIndex } | null = null;

function indexFor(snapshot: GuardSnapshot): StrategyIndex {
  if (indexed?.savedAt !== snapshot.savedAt || indexed.count !== snapshot.strategies.length)
    indexed = {
      savedAt: snapshot.savedAt,
      count: snapshot.strategies.length,
      index: buildIndex(snapshot.strategies),
    };
  return indexed.index;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function completionFor(decision: SendDecision, canPromptUser: boolean): Completion {
  if (decision.kind === 'allow') return { allowEvent: true };
  return {
    allowEvent: false,
    errorMessage: decision.message,
    // Only promptUser can be set at run time; softBlock is the manifest's SendMode.
    ...(decision.mode === 'promptUser' && canPromptUser ? { sendModeOverride: 'promptUser' as const } : {}),
  };
}

/** The snapshot to decide on: the kept one (refreshed behind if old), else a fetch. */
async function snapshotFor(deps: SendGuardDeps, now: number): Promise<GuardSnapshot | null> {
  const kept = readSnapshot(await deps.store.getItem(SNAPSHOT_KEY));
  const refreshAndKeep = async (): Promise<GuardSnapshot> => {
    const fresh = await deps.refresh!();
    await deps.store.setItem(SNAPSHOT_KEY, writeSnapshot(fresh));
    return fresh;
  };
  if (kept) {
    if (deps.refresh && now - kept.savedAt > (deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS))
      refreshAndKeep().catch((err: unknown) =>
        deps.log({
          at: new Date(now).toISOString(),
          event: 'refresh-failed',
          detail: describe(err),
          elapsedMs: 0,
        }),
      );
    return kept;
  }
  return deps.refresh ? refreshAndKeep() : null;
}

async function decide(deps: SendGuardDeps, now: number): Promise<GuardOutcome> {
  const [mail, snapshot] = await Promise.all([deps.compose.mail(), snapshotFor(deps, now)]);
  if (!snapshot)
    return {
      kind: 'failed-open',
      reason: 'no-strategies',
      detail: 'no strategies kept on this computer and none can be fetched here',
    };
  const sender = deps.compose.sender();
  const decision = decideSend(
    indexFor(snapshot),
    mail,
    { address: sender, isSupervisor: snapshot.supervisors.includes(sender.trim().toLowerCase()) },
    snapshot.guard,
  );
  if (decision.kind === 'allow') return { kind: 'allowed', decision };
  deps.onAlert?.(decision, mail);
  return { kind: 'alerted', decision };
}

/** Runs the guard once for one Send. Never throws: every failure completes with the mail allowed. */
export async function runSendGuard(deps: SendGuardDeps): Promise<GuardResult> {
  const clock = deps.now ?? Date.now;
  const started = clock();
  const budget = deps.budgetMs ?? DEFAULT_BUDGET_MS;
  const timed = await withinBudget(decide(deps, started), budget, deps.timers);
  const elapsedMs = clock() - started;
  let outcome: GuardOutcome;
  if (timed.kind === 'done') outcome = timed.value;
  else if (timed.kind === 'late')
    outcome = { kind: 'failed-open', reason: 'over-budget', detail: `no decision within ${budget} ms` };
  else outcome = { kind: 'failed-open', reason: 'error', detail: describe(timed.error) };
  if (outcome.kind === 'failed-open') {
    deps.log({
      at: new Date(started).toISOString(),
      event: 'failed-open',
      detail: outcome.detail,
      elapsedMs,
    });
    return { completion: { allowEvent: true }, outcome, elapsedMs };
  }
  return { completion: completionFor(outcome.decision, deps.canPromptUser), outcome, elapsedMs };
}
