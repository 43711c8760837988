// Wires the ports for the pane once Office is ready: the Outlook host, tokens, Graph services and
// the outbox. Kept apart from index.tsx so the wiring is testable without a DOM root.
import { createTokenProvider, type TokenProvider } from '../auth';
import { parseStrategy } from '../core/strategy';
import { createGraphServices, type GraphServices } from '../graph';
import { createMailActions } from '../graph/mail';
import { STRATEGIES_LIST } from '../graph/schema';
import { scopePlan } from '../graph/scopes';
import type { StrategyValidator } from '../graph/strategies';
import type { MailActions, SettingsRepository } from '../graph/types';
import { createGraphAttachmentFallback } from '../graph/attachments';
import { createAttachmentPort, officeRestId } from '../office/attachments';
import { createLimiter } from '../office/limiter';
import { createOutlookHost, MAX_CONCURRENT_CALLS } from '../office/outlook';
import {
  createAttachmentReading,
  type AttachmentReadingService,
  type ReadingEngine,
} from '../reading/service';
import type { MailboxHost } from '../office/types';
import type { BodyReader } from '../reading/long-body';
import { createDirectOutbox, createPersonalOutbox, type Outbox } from '../outbox';
import type { RuntimeConfig } from '../runtime-config';
import type { TriageServices } from './state/services';

/** Strategy rows from SharePoint are checked by core's parser, as the CLI's JSON is. */
export const validateStrategy: StrategyValidator = parseStrategy;

export interface BootResult {
  services: TriageServices;
  /** Why the outbox is not durable, when IndexedDB could not be opened. */
  outboxWarning: string | null;
}

/**
 * Outlook allows 3 simultaneous async calls per add-in: the host and the attachment port share
 * one limiter so that fetching attachments never pushes the pane over.
 */
const officeCalls = createLimiter(MAX_CONCURRENT_CALLS);

/**
 * Attachments through Office.js, read in the reading worker. Built on first use, and the worker
 * client is a lazy chunk: a pane that never meets an attachment loads neither.
 */
function officeAttachments(graph: GraphServices): AttachmentReadingService {
  let service: AttachmentReadingService | null = null;
  const engine: ReadingEngine = {
    read: async (items, terms) => (await import('../reading/client')).sharedWorkerEngine().read(items, terms),
  };
  const get = () =>
    (service ??= createAttachmentReading(
      createAttachmentPort({
        limiter: officeCalls,
        // Where Office.js cannot give the content (no Mailbox 1.8, or the call failed).
        fallback: createGraphAttachmentFallback({ client: graph.client, convert: officeRestId() }),
      }),
      engine,
    ));
  return { list: () => get().list(), read: (listing, terms) => get().read(listing, terms) };
}

/** A long body is read in the same reading worker, loaded on the first long body. */
const workerBodyReader: BodyReader = {
  readBody: async (...args) => (await import('../reading/client')).sharedWorkerEngine().readBody(...args),
};

/** The services on their way, and when the first token is with the host. */
export interface Booting {
  services: Promise<BootResult>;
  /**
   * Settles (never rejects) once the start-up token has been asked of the host (in production,
   * MSAL loaded and its client made): the pane's own code can be evaluated from then on without
   * holding up the sign-in.
   */
  tokenAsked: Promise<void>;
}

export async function createServices(config: RuntimeConfig, host?: MailboxHost): Promise<BootResult> {
  return startServices(config, host).services;
}

/** Asks for the start-up token at once, then wires the rest (the outbox opens meanwhile). */
export function startServices(
  config: RuntimeConfig,
  host: MailboxHost = createOutlookHost({ limiter: officeCalls }),
): Booting {
  const tokens = createTokenProvider(config, host);
  // The first Graph requests (site, settings, strategies) all wait for this token: asked for now,
  // it arrives while the outbox opens and the pane renders, and those requests find it ready (the
  // provider shares one acquisition per scope set). A failure here is the first request's to report.
  void tokens.getToken(scopePlan().lists).catch(() => undefined);
  return { services: wire(config, host, tokens), tokenAsked: tokens.ready?.() ?? Promise.resolve() };
}

async function wire(config: RuntimeConfig, host: MailboxHost, tokens: TokenProvider): Promise<BootResult> {
  const graph = createGraphServices({
    baseUrl: config.graphBaseUrl,
    siteHostname: config.siteHostname,
    sitePath: config.sitePath,
    sitesSelected: config.sitesSelected === true,
    tokens,
    validateStrategy,
  });
  // The start-up's reads go out as soon as the first token is there, not once the pane's code has
  // run and rendered: the repository shares this sync with the start-up's own (one in flight),
  // and the start-up's first settings load takes this one over.
  void graph.strategies.sync().catch(() => undefined);
  const settings: SettingsRepository = {
    load: firstCallTakesOver(graph.settings.load(), graph.settings.load),
  };
  const { outbox, warning } = await openOutbox(graph, config, host.user().emailAddress);
  return {
    services: {
      host,
      strategies: graph.strategies,
      contactLog: graph.contactLog,
      settings,
      mail: graph.mail,
      mailFor: sharedMailActions(graph),
      outbox,
      attachments: officeAttachments(graph),
      bodyReader: workerBodyReader,
      importStrategies: strategyImport(graph, config),
    },
    outboxWarning: warning,
  };
}

/**
 * A load begun early: the first call gets it (its caller reports a failure), later calls load
 * afresh (a retry must not be handed the same failed answer).
 */
export function firstCallTakesOver<T>(begun: Promise<T>, load: () => Promise<T>): () => Promise<T> {
  let early: Promise<T> | null = begun;
  begun.catch(() => undefined);
  return () => {
    const answer = early ?? load();
    early = null;
    return answer;
  };
}

/** An upload's creates through the same $batch writer as `triage import`, a chunk loaded on first use. */
function strategyImport(graph: GraphServices, config: RuntimeConfig): TriageServices['importStrategies'] {
  return async (steps) =>
    (await import('../graph/strategy-import')).applyCreates(steps, {
      client: graph.client,
      list: await graph.site.listPath(STRATEGIES_LIST),
      scopes: scopePlan({ sitesSelected: config.sitesSelected === true }).lists,
    });
}

/** One MailActions per shared mailbox an item lives in, made on first use. */
function sharedMailActions(graph: GraphServices): (owner: string) => MailActions {
  const byOwner = new Map<string, MailActions>();
  return (owner) => {
    const key = owner.trim().toLowerCase();
    let actions = byOwner.get(key);
    if (!actions) {
      actions = createMailActions({
        client: graph.client,
        mailboxUpn: key,
        scopes: scopePlan({ sharedMailbox: true }),
      });
      byOwner.set(key, actions);
    }
    return actions;
  };
}

async function openOutbox(
  graph: GraphServices,
  config: RuntimeConfig,
  reader: string,
): Promise<{ outbox: Outbox; warning: string | null }> {
  const send = (record: Parameters<typeof graph.contactLog.append>[0]) => graph.contactLog.append(record);
  try {
    // One queue per person, tenant and environment: another person's rows are never sent with
    // this person's token, and sandbox rows never reach a production log.
    const person = { mode: config.mode, tenant: config.siteHostname, reader };
    const outbox = await createPersonalOutbox(person, {
      send,
      events: { window, document },
      locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
    });
    return { outbox, warning: null };
  } catch (err) {
    return {
      outbox: createDirectOutbox(send),
      warning: `This computer cannot keep decisions while offline (${err instanceof Error ? err.message : String(err)}): a decision is saved only when SharePoint answers.`,
    };
  }
}
