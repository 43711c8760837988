// Everything the taskpane needs from Graph, wired once: one client, lists addressed by site path
// and title (no look-up before the first read), and the four ports.
import type { TokenProvider } from '../auth/types';
import { parseStrategy } from '../core/strategy';
import { createGraphClient, type GraphClient } from './client';
import { createContactLog, type SharePointContactLog } from './contact-log';
import type { FetchLike } from './middleware';
import { createMailActions, type GraphMailActions } from './mail';
import type { RetryOptions } from './retry';
import { CONTACT_LOG_LIST, SETTINGS_LIST, STRATEGIES_LIST } from './schema';
import { scopePlan } from './scopes';
import { createSettingsRepository } from './settings';
import { createSiteResolver, type SiteResolver } from './site';
import type { SettingsRepository } from './types';
import {
  createStrategyRepository,
  type SharePointStrategyRepository,
  type StrategyValidator,
} from './strategies';

export interface GraphServicesOptions {
  baseUrl: string;
  siteHostname: string;
  sitePath: string;
  /** Shared mailbox worked in (/users/{upn}); absent = the user's own mailbox (/me). */
  mailboxUpn?: string;
  tokens: TokenProvider;
  fetchImpl?: FetchLike;
  /** Validates a strategy row in the interchange shape; default core's parseStrategy. */
  validateStrategy?: StrategyValidator;
  /** The organisation granted this one site to the app (Sites.Selected). */
  sitesSelected?: boolean;
  retry?: RetryOptions;
  userAgent?: string;
  /** Rows per page asked of SharePoint. */
  pageSize?: number;
}

export interface GraphServices {
  strategies: SharePointStrategyRepository;
  contactLog: SharePointContactLog;
  settings: SettingsRepository;
  mail: GraphMailActions;
  client: GraphClient;
  site: SiteResolver;
}

export function createGraphServices(options: GraphServicesOptions): GraphServices {
  const scopes = scopePlan({
    sitesSelected: options.sitesSelected,
    sharedMailbox: options.mailboxUpn !== undefined,
  });
  const client = createGraphClient({
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    fetchImpl: options.fetchImpl,
    retry: options.retry,
    userAgent: options.userAgent,
  });
  const site = createSiteResolver(
    client,
    { siteHostname: options.siteHostname, sitePath: options.sitePath },
    scopes.lists,
  );
  const strategies = createStrategyRepository({
    client,
    listPath: () => site.listPath(STRATEGIES_LIST),
    explainNotFound: (err) => site.explainNotFound(STRATEGIES_LIST, err),
    scopes: scopes.lists,
    validate: options.validateStrategy ?? parseStrategy,
    pageSize: options.pageSize,
  });
  const contactLog = createContactLog({
    client,
    listPath: () => site.listPath(CONTACT_LOG_LIST),
    scopes: scopes.lists,
    pageSize: options.pageSize,
    strategyAddresses: (id) => strategies.cached()?.strategies.find((s) => s.id === id)?.emailAddresses,
  });
  const settings = createSettingsRepository({
    client,
    listPath: () => site.listPath(SETTINGS_LIST),
    explainNotFound: (err) => site.explainNotFound(SETTINGS_LIST, err),
    scopes: scopes.lists,
  });
  const mail = createMailActions({ client, mailboxUpn: options.mailboxUpn, scopes });
  return { strategies, contactLog, settings, mail, client, site };
}
