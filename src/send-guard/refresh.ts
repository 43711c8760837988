// The send guard's Graph ports: a fresh snapshot (the strategies list and the settings the guard
// reads) and the outbound-override ports, with a token the event runtime can get without a window
// (nested app authentication, silently; the sign-in dialog is one of the APIs event-based add-ins
// may not call).
import type { TokenProvider } from '../auth/types';
import { DEFAULT_SEND_GUARD } from '../core/send-guard';
import { parseStrategy } from '../core/strategy';
import { createGraphServices } from '../graph';
import { CONTACT_LOG_LIST } from '../graph/schema';
import { scopePlan } from '../graph/scopes';
import type { RuntimeConfig } from '../runtime-config';
import { graphOverrideLog } from './override-log';
import type { OverridePorts } from './overrides';
import type { GuardSnapshot } from './snapshot';

export interface GuardGraph {
  refresh(): Promise<GuardSnapshot>;
  overrides: OverridePorts;
}

export function guardGraph(
  config: RuntimeConfig,
  tokens: TokenProvider,
  now: () => number = Date.now,
): GuardGraph {
  const graph = createGraphServices({
    baseUrl: config.graphBaseUrl,
    siteHostname: config.siteHostname,
    sitePath: config.sitePath,
    tokens,
    validateStrategy: parseStrategy,
    // One attempt each: the guard has a second, not the pane's patience.
    retry: { maxAttempts: 1 },
  });
  const scopes = scopePlan();
  return {
    async refresh() {
      const [snapshot, settings] = await Promise.all([graph.strategies.sync(), graph.settings.load()]);
      return {
        savedAt: now(),
        strategies: snapshot.strategies,
        guard: settings.settings.sendGuard ?? DEFAULT_SEND_GUARD,
        supervisors: settings.settings.supervisors,
      };
    },
    overrides: graphOverrideLog({
      client: graph.client,
      contactLogPath: () => graph.site.listPath(CONTACT_LOG_LIST),
      listScopes: scopes.lists,
      mailScopes: scopes.mail,
    }),
  };
}
