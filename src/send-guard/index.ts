// Entry of send-guard.js, the OnMessageSend handler (manifest LaunchEvent). Classic Outlook on
// Windows loads this file alone in its JavaScript-only runtime and never runs Office.onReady, so
// the handler is associated as the file loads and everything it needs is bundled into it (no
// chunks: imports are not supported there). The web, new Outlook and Mac load send-guard.html.
import { createNaaClient } from '../auth/naa';
import type { TokenProvider } from '../auth/types';
import { readRuntimeConfig } from '../office/config';
import type { RuntimeConfig } from '../runtime-config';
import { runSendGuard, type Completion, type GuardLogEntry } from './handler';
import { guardGraph } from './refresh';
import { withinBudget } from './budget';
import { officeCompose, type ComposeOfficeLike } from './office';
import { rememberAlert, settleAlerts } from './overrides';
import { HANDLER_NAME } from './names';
import { runtimeStore, type KeyValueStore } from './snapshot';

const LOG_KEY = 'cst-send-guard-log';
const LOG_KEEP = 20;

interface MailboxEventLike {
  completed(options: Completion): void;
}

interface OfficeGlobal extends ComposeOfficeLike {
  actions: { associate(name: string, handler: (event: MailboxEventLike) => void): void };
}

/** Silent nested app authentication only: an event handler may not open a sign-in window. */
function tokensFor(config: RuntimeConfig, office: ComposeOfficeLike): TokenProvider | null {
  // Inline, so that webpack folds the condition and drops the sandbox's dev tokens from production.
  if (typeof __CST_MODE__ === 'undefined' ? config.mode === 'sandbox' : __CST_MODE__ === 'sandbox')
    return {
      getToken: async () => `dev:${office.context.mailbox.userProfile.emailAddress.trim().toLowerCase()}`,
    };
  if (!office.context.requirements.isSetSupported('NestedAppAuth', '1.1')) return null;
  const client = createNaaClient(config);
  return { getToken: async (scopes) => (await (await client).silent(scopes)).accessToken };
}

/** Fail-open and refresh failures: to the console and the last few kept beside the snapshot. */
function logTo(store: KeyValueStore): (entry: GuardLogEntry) => void {
  return (entry) => {
    console.warn(`Contact strategy send guard: ${entry.event} after ${entry.elapsedMs} ms (${entry.detail})`);
    void store
      .getItem(LOG_KEY)
      .then((text) => {
        const kept: unknown = text ? JSON.parse(text) : [];
        const list = Array.isArray(kept) ? kept.slice(-(LOG_KEEP - 1)) : [];
        return store.setItem(LOG_KEY, JSON.stringify([...list, entry]));
      })
      .catch(() => undefined);
  };
}

export function createHandler(office: ComposeOfficeLike, config: RuntimeConfig | null, store: KeyValueStore) {
  const tokens = config ? tokensFor(config, office) : null;
  const graph = config && tokens ? guardGraph(config, tokens) : null;
  const log = logTo(store);
  return async (event: MailboxEventLike): Promise<void> => {
    let completion: Completion = { allowEvent: true };
    try {
      // Earlier alerts are settled against Sent Items beside the decision, never holding it up.
      const compose = officeCompose(office);
      const settling = graph
        ? settleAlerts(store, graph.overrides, compose.sender(), Date.now())
        : Promise.resolve(0);
      const result = await runSendGuard({
        compose,
        store,
        refresh: graph?.refresh,
        canPromptUser: office.context.requirements.isSetSupported('Mailbox', '1.14'),
        log,
        onAlert: (decision, mail) => void rememberAlert(store, decision, mail, compose.sender(), Date.now()),
      });
      completion = result.completion;
      // Code after completed() may never run: give the settling what is left of the budget.
      const settled = await withinBudget(settling, Math.max(0, 1000 - result.elapsedMs));
      if (settled.kind === 'failed')
        log({
          at: new Date().toISOString(),
          event: 'refresh-failed',
          detail: String(settled.error),
          elapsedMs: 0,
        });
    } catch (err) {
      // runSendGuard does not throw; this is for what wraps it. The mail goes.
      log({ at: new Date().toISOString(), event: 'failed-open', detail: String(err), elapsedMs: 0 });
    }
    event.completed(completion);
  };
}

/** Office.js (or the sandbox's compose host) has loaded and offers event handlers. */
function isOfficeGlobal(value: unknown): value is OfficeGlobal {
  const v = value as { actions?: { associate?: unknown }; context?: { mailbox?: unknown } } | undefined;
  return typeof v?.actions?.associate === 'function' && typeof v.context?.mailbox === 'object';
}

const office: unknown = (globalThis as { Office?: unknown }).Office;
if (isOfficeGlobal(office)) {
  let config: RuntimeConfig | null = null;
  try {
    config = readRuntimeConfig();
  } catch (err) {
    // Without a configuration there is no Graph: the guard works on what it kept, or lets mail go.
    console.error(`Contact strategy send guard: ${err instanceof Error ? err.message : String(err)}`);
  }
  office.actions.associate(HANDLER_NAME, createHandler(office, config, runtimeStore()));
}
