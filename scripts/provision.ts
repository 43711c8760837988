// `npm run provision -- --site https://tenant.sharepoint.com/sites/complaints [--graph <base>]
//   [--token <bearer>] [--ca <pem file>]`
// Creates the add-in's lists, columns and indexes on a site; safe to run again (docs/provisioning.md).
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { createGraphClient } from '../src/graph/client';
import { errorDetail } from '../src/common/error-detail';
import type { FetchLike } from '../src/graph/middleware';
import { formatReport, provision } from '../src/graph/provision';

const USAGE =
  'usage: npm run provision -- --site https://<host>/sites/<name> [--graph https://graph.microsoft.com/v1.0] [--token <bearer token>] [--ca <pem file>]';

function fail(message: string): never {
  process.stderr.write(`provision: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) fail(`unexpected argument ${JSON.stringify(a)}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
    out[a.slice(2)] = v;
    i++;
  }
  return out;
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  for (const k of Object.keys(opts))
    if (!['site', 'graph', 'token', 'ca'].includes(k)) fail(`unknown option --${k}`);
  if (!opts['site']) fail('--site is required');
  let site: URL;
  try {
    site = new URL(opts['site']);
  } catch {
    fail(`--site is not a URL: ${opts['site']}`);
  }
  const where = { siteHostname: site.hostname, sitePath: site.pathname.replace(/\/+$/, '') || '/' };
  const token = opts['token'] ?? process.env['GRAPH_TOKEN'];
  if (!token) fail('give a bearer token with --token or the GRAPH_TOKEN environment variable');
  let fetchImpl: FetchLike | undefined;
  if (opts['ca']) {
    let ca: string;
    try {
      ca = readFileSync(opts['ca'], 'utf8');
    } catch (err) {
      fail(`cannot read --ca ${opts['ca']}: ${(err as Error).message}`);
    }
    const agent = new Agent({ connect: { ca } });
    fetchImpl = (url, init) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  }
  const client = createGraphClient({
    baseUrl: opts['graph'] ?? 'https://graph.microsoft.com/v1.0',
    tokens: { getToken: async () => token },
    fetchImpl,
  });
  const report = await provision(client, where);
  process.stdout.write(`${formatReport(report, where)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`provision: ${errorDetail(err)}\n`);
    process.exit(1);
  },
);
