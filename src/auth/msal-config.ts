// The one MSAL configuration both sign-in paths use: tokens in memory only, no PII in logs.
import { LogLevel, type Configuration } from '@azure/msal-browser';
import type { RuntimeConfig } from '../runtime-config';
import { AuthError } from './errors';

export function msalConfiguration(config: RuntimeConfig, redirectUri?: string): Configuration {
  if (!config.clientId) {
    throw new AuthError(
      'unavailable',
      'This build has no CLIENT_ID: ask whoever deployed the add-in to rebuild it.',
    );
  }
  // CP1: the add-in handles claims challenges (src/auth/challenge.ts), so Graph may send them
  // (Continuous Access Evaluation: a revoked session is refused at once, not at token expiry).
  const auth: Configuration['auth'] = { clientId: config.clientId, clientCapabilities: ['CP1'] };
  if (config.authority) auth.authority = config.authority;
  if (redirectUri) auth.redirectUri = redirectUri;
  return {
    auth,
    // memoryStorage: tokens never touch localStorage/sessionStorage. (MSAL still keeps the short-lived
    // redirect state of the dialog fallback in sessionStorage; it holds no token.)
    cache: { cacheLocation: 'memoryStorage' },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii || level > LogLevel.Warning) return;
          console.warn(`MSAL: ${message}`);
        },
      },
    },
  };
}
