// createTokenProvider(config, host): dev tokens in the sandbox, MSAL (NAA or the Office dialog)
// in production. Build it once, after Office.onReady.
import type { MailboxHost } from '../office/types';
import type { RuntimeConfig } from '../runtime-config';
import { createProductionTokenProvider, type ProductionDeps } from './production';
import { createSandboxTokenProvider } from './sandbox';
import type { TokenProvider } from './types';

export { AuthError, type AuthFailureKind } from './errors';
export type { TokenProvider } from './types';

export function createTokenProvider(
  config: RuntimeConfig,
  host: MailboxHost,
  deps?: ProductionDeps,
): TokenProvider {
  return config.mode === 'sandbox'
    ? createSandboxTokenProvider(host)
    : createProductionTokenProvider(config, host, deps);
}
