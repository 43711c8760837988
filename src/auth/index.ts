// createTokenProvider(config, host): dev tokens in the sandbox, MSAL (NAA or the Office dialog)
// in production. Build it once, after Office.onReady. Which one is decided at compile time in a
// webpack build (__CST_MODE__): a build for Outlook contains no dev-token code at all.
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
  // Inline, so that webpack folds the condition and drops the branch it never takes.
  if (typeof __CST_MODE__ === 'undefined' ? config.mode === 'sandbox' : __CST_MODE__ === 'sandbox')
    return createSandboxTokenProvider(host);
  return createProductionTokenProvider(config, host, deps);
}
