// Where the real-tenant contract suite runs: the local emulator (the default, and CI), or a real
// Microsoft 365 tenant named by environment variables (docs/deploy.md, "Contract suite").
import { execSync } from 'node:child_process';
import { createGraphClient, type GraphClient } from '../../src/graph/client';
import type { SiteLocation } from '../../src/graph/site';
import { FAST_RETRY, SITE, SUPERVISOR, startHarness, type Harness } from './harness';

export interface ContractTarget {
  kind: 'emulator' | 'tenant';
  /** The signed-in administrator: site owner on the throw-away site, a mailbox of their own. */
  client: GraphClient;
  site: SiteLocation;
  /** A new message in the signed-in user's own Inbox (or Drafts in a tenant), by REST id. */
  newMessage(subject: string): Promise<string>;
  close(): Promise<void>;
}

export const ENV = {
  base: 'CST_CONTRACT_BASE_URL',
  tokenCommand: 'CST_CONTRACT_TOKEN_CMD',
  site: 'CST_CONTRACT_SITE',
} as const;

/** `contoso.sharepoint.com/sites/cst-contract` → hostname and server-relative path. */
export function parseSite(value: string): SiteLocation {
  const m = /^(?:https:\/\/)?([^/]+)(\/.+?)\/?$/.exec(value.trim());
  if (!m?.[1] || !m[2]) throw new Error(`${ENV.site} must look like contoso.sharepoint.com/sites/name`);
  return { siteHostname: m[1], sitePath: m[2] };
}

export async function contractTarget(env: NodeJS.ProcessEnv = process.env): Promise<ContractTarget> {
  const base = env[ENV.base];
  if (!base) return emulatorTarget(await startHarness());
  const command = env[ENV.tokenCommand];
  const site = env[ENV.site];
  if (!command || !site) throw new Error(`${ENV.base} is set: set ${ENV.tokenCommand} and ${ENV.site} too`);
  // Asked once: the suite runs in minutes, well inside a token's hour. Never printed.
  let token: string | undefined;
  const client = createGraphClient({
    baseUrl: base.replace(/\/$/, ''),
    tokens: {
      getToken: async () => (token ??= execSync(command, { encoding: 'utf8' }).trim()),
    },
  });
  return {
    kind: 'tenant',
    client,
    site: parseSite(site),
    // A tenant's Inbox cannot be written to without sending mail; a draft is a message too.
    newMessage: async (subject) =>
      (
        await client.request<{ id: string }>({
          method: 'POST',
          url: '/me/messages',
          body: { subject, body: { contentType: 'text', content: 'Contract suite: safe to delete.' } },
          scopes: ['Mail.ReadWrite'],
        })
      ).id,
    close: async () => undefined,
  };
}

function emulatorTarget(h: Harness): ContractTarget {
  return {
    kind: 'emulator',
    // Provisioning is a site owner's job, as in a tenant.
    client: h.client(SUPERVISOR, FAST_RETRY),
    site: SITE,
    newMessage: async (subject) =>
      h.emu.deliver(SUPERVISOR, {
        subject,
        from: { emailAddress: { address: 'paul.example@example.com' } },
        body: { contentType: 'text', content: 'Contract suite: safe to delete.' },
      }).id,
    close: () => h.close(),
  };
}
