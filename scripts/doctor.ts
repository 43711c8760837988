// `npm run doctor -- --site https://<host>/sites/<name> [--token <bearer> | --client-id <id> --tenant <id>]
//   [--mailbox-token <app-only bearer>] [--graph <base>] [--ca <pem>] [--fix]`
// Checks a tenant before go-live, one ✓/✗ line per check with the fix beside each ✗; exit 1 on
// any ✗. Read-only unless --fix. Without --token it signs in with the device code flow
// (Microsoft identity platform, https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code).
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { createGraphClient } from '../src/graph/client';
import { runDoctor, formatChecks, tokenScopes } from '../src/graph/doctor';
import { errorDetail } from '../src/common/error-detail';
import type { FetchLike } from '../src/graph/middleware';

const USAGE =
  'usage: npm run doctor -- --site https://<host>/sites/<name> [--token <bearer> | --client-id <app id> --tenant <tenant id>] [--mailbox-token <app-only bearer>] [--graph <base>] [--ca <pem file>] [--fix]';
const OPTIONS = ['site', 'graph', 'token', 'ca', 'mailbox-token', 'client-id', 'tenant'];
const SCOPES =
  'https://graph.microsoft.com/Sites.Manage.All https://graph.microsoft.com/Mail.ReadWrite.Shared https://graph.microsoft.com/MailboxSettings.ReadWrite https://graph.microsoft.com/User.Read.All';

function fail(message: string): never {
  process.stderr.write(`doctor: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function args(argv: string[]): { opts: Record<string, string>; fix: boolean } {
  const opts: Record<string, string> = {};
  let fix = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--fix') {
      fix = true;
      continue;
    }
    if (!a.startsWith('--') || !OPTIONS.includes(a.slice(2))) fail(`unknown argument ${JSON.stringify(a)}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
    opts[a.slice(2)] = v;
    i++;
  }
  return { opts, fix };
}

/** Device code sign-in: prints the code to enter, polls until the administrator has signed in. */
async function deviceCode(clientId: string, tenant: string): Promise<string> {
  const base = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0`;
  const start = (await (
    await fetch(`${base}/devicecode`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId, scope: SCOPES }),
    })
  ).json()) as { device_code?: string; message?: string; interval?: number; error_description?: string };
  if (!start.device_code) throw new Error(start.error_description ?? 'device code sign-in refused');
  process.stderr.write(`${start.message ?? ''}\n`);
  for (;;) {
    await new Promise((r) => setTimeout(r, (start.interval ?? 5) * 1000));
    const reply = (await (
      await fetch(`${base}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
          client_id: clientId,
          device_code: start.device_code,
        }),
      })
    ).json()) as { access_token?: string; error?: string; error_description?: string };
    if (reply.access_token) return reply.access_token;
    if (reply.error !== 'authorization_pending' && reply.error !== 'slow_down')
      throw new Error(reply.error_description ?? reply.error ?? 'sign-in failed');
  }
}

async function main(): Promise<boolean> {
  const { opts, fix } = args(process.argv.slice(2));
  if (!opts['site']) fail('--site is required');
  let site: URL;
  try {
    site = new URL(opts['site']);
  } catch {
    fail(`--site is not a URL: ${opts['site']}`);
  }
  const where = { siteHostname: site.hostname, sitePath: site.pathname.replace(/\/+$/, '') || '/' };
  let token = opts['token'] ?? process.env['GRAPH_TOKEN'];
  if (!token) {
    if (!opts['client-id'] || !opts['tenant'])
      fail('give --token, or --client-id and --tenant to sign in with a device code');
    token = await deviceCode(opts['client-id'], opts['tenant']);
  }
  let fetchImpl: FetchLike | undefined;
  if (opts['ca']) {
    const agent = new Agent({ connect: { ca: readFileSync(opts['ca'], 'utf8') } });
    fetchImpl = (url, init) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  }
  const clientFor = (bearer: string) =>
    createGraphClient({
      baseUrl: opts['graph'] ?? 'https://graph.microsoft.com/v1.0',
      tokens: { getToken: async () => bearer },
      fetchImpl,
    });
  const mailboxToken = opts['mailbox-token'];
  const checks = await runDoctor({
    client: clientFor(token),
    where,
    scopes: tokenScopes(token),
    // One app-only token reaches every mailbox.
    ...(mailboxToken ? { mailboxClient: () => clientFor(mailboxToken) } : {}),
    fix,
  });
  process.stdout.write(`${formatChecks(checks)}\n`);
  return checks.every((c) => c.ok);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: unknown) => {
    process.stderr.write(`doctor: ${errorDetail(err)}\n`);
    process.exit(1);
  },
);
