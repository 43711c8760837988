// Sandbox sign-in: the local Graph emulator accepts `Bearer dev:<upn>` for its known users, and
// the sandbox's Office host says who is signed in (the sandbox page's user switcher).
import type { MailboxHost } from '../office/types';
import { AuthError } from './errors';
import type { TokenProvider } from './types';

export function createSandboxTokenProvider(host: MailboxHost): TokenProvider {
  return {
    async getToken(scopes) {
      if (scopes.length === 0) throw new AuthError('failed', 'A token was requested without scopes.');
      // Asked on every call: switching the sandbox user reloads the taskpane, but never mix users.
      const upn = host.user().emailAddress.trim().toLowerCase();
      if (!upn)
        throw new AuthError(
          'unavailable',
          'The sandbox has no signed-in user: pick one in the sandbox page.',
        );
      return `dev:${upn}`;
    },
  };
}
