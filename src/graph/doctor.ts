// `npm run doctor`: a read-only preflight of a tenant before go-live. One line per check, ✓ or ✗,
// with the fix beside each ✗. `fix` does what the signed-in administrator may: the missing
// columns, indexes and unique Key (through provision, which is idempotent), and the missing
// categories in each shared mailbox's master list (with the mailbox token).
import type { OutlookCategory } from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage } from './client';
import { errorDetail } from '../common/error-detail';
import { isGraphError } from './errors';
import { segment } from './odata';
import { type ColumnInfo, kindOf, provision, PROVISION_SCOPES } from './provision';
import { ALL_LISTS, type ListSpec, SETTINGS_LIST } from './schema';
import { settingsFromRows } from './settings';
import { sitePathUrl, type SiteLocation } from './site';

export interface Check {
  ok: boolean;
  label: string;
  /** What to do about a ✗. */
  fix?: string;
}

export interface DoctorOptions {
  client: GraphClient;
  where: SiteLocation;
  /** The delegated token's scopes (from its `scp` claim); undefined = not a JWT (the emulator). */
  scopes?: readonly string[];
  /**
   * Reads (and with `fix` writes) a shared mailbox's master categories. Delegates are refused
   * these by Exchange, so in a real tenant this is an app-only client (MailboxSettings.ReadWrite).
   */
  mailboxClient?: (mailbox: string) => GraphClient;
  fix?: boolean;
}

/** What the add-in asks for, in one of its two SharePoint forms (src/graph/scopes.ts). */
export const REQUIRED_SCOPES = [
  ['Sites.Selected', 'Sites.ReadWrite.All'],
  ['Mail.ReadWrite'],
  ['Mail.ReadWrite.Shared'],
  ['Mail.Send'],
  ['Mail.Send.Shared'],
  ['MailboxSettings.ReadWrite'],
] as const;

/** The `scp` claim of a JWT access token, or undefined when the token is not a JWT. */
export function tokenScopes(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown };
    return typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  } catch {
    return undefined;
  }
}

export function scopeChecks(scopes: readonly string[] | undefined): Check[] {
  if (scopes === undefined)
    return [{ ok: true, label: 'token: not a Microsoft JWT (emulator); scopes not checked' }];
  const have = new Set(scopes.map((s) => s.toLowerCase()));
  return REQUIRED_SCOPES.map((options) => {
    const ok = options.some((o) => have.has(o.toLowerCase()));
    return ok
      ? { ok, label: `token has ${options.find((o) => have.has(o.toLowerCase()))}` }
      : {
          ok,
          label: `token lacks ${options.join(' or ')}`,
          fix: 'add the delegated permission to the app registration and grant admin consent (docs/deploy.md §1)',
        };
  });
}

const SCOPES = PROVISION_SCOPES;

async function listChecks(client: GraphClient, siteId: string, spec: ListSpec): Promise<Check[]> {
  const path = `/sites/${siteId}/lists/${segment(spec.displayName)}`;
  const columns: ColumnInfo[] = [];
  try {
    for await (const page of client.pages<ColumnInfo>({ url: `${path}/columns`, scopes: SCOPES }))
      columns.push(...page.value);
  } catch (err) {
    if (!isGraphError(err, 404)) throw err;
    return [
      {
        ok: false,
        label: `list "${spec.displayName}" is missing`,
        fix: 'run npm run provision (docs/provisioning.md)',
      },
    ];
  }
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const wrong: string[] = [];
  const unindexed: string[] = [];
  for (const col of spec.columns) {
    const have = byName.get(col.name.toLowerCase());
    if (!have) wrong.push(`${col.name} missing`);
    else if (kindOf(have) !== col.kind) wrong.push(`${col.name} is ${kindOf(have)}, expected ${col.kind}`);
    if (have && col.indexed && !have.indexed) unindexed.push(col.name);
    if (have && col.unique && !have.enforceUniqueValues) unindexed.push(`${col.name} (unique values)`);
  }
  if (spec.title.indexed && !byName.get('title')?.indexed) unindexed.push('Title');
  return [
    wrong.length
      ? {
          ok: false,
          label: `list "${spec.displayName}" columns: ${wrong.join('; ')}`,
          fix: 'run npm run doctor -- --fix (or npm run provision); a column of the wrong type must be changed by hand',
        }
      : {
          ok: true,
          label: `list "${spec.displayName}" has its ${spec.columns.length} columns with their types`,
        },
    unindexed.length
      ? {
          ok: false,
          label: `list "${spec.displayName}" not indexed: ${unindexed.join(', ')}`,
          fix: 'run npm run doctor -- --fix, or List settings > Indexed columns',
        }
      : { ok: true, label: `list "${spec.displayName}" has its indexes` },
  ];
}

export async function runDoctor(options: DoctorOptions): Promise<Check[]> {
  const { client, where } = options;
  const checks: Check[] = [...scopeChecks(options.scopes)];
  let siteId: string;
  try {
    siteId = (await client.request<{ id: string }>({ url: sitePathUrl(where), scopes: SCOPES })).id;
    checks.push({ ok: true, label: `site ${where.siteHostname}${where.sitePath} found` });
  } catch (err) {
    checks.push({
      ok: false,
      label: `site ${where.siteHostname}${where.sitePath}: ${errorDetail(err)}`,
      fix: 'check the site URL, and with Sites.Selected grant the app this site (docs/deploy.md §1)',
    });
    return checks;
  }
  if (options.fix) await provision(client, where);
  for (const spec of ALL_LISTS) checks.push(...(await listChecks(client, siteId, spec)));

  const rows: { itemId: string; fields: Record<string, unknown> }[] = [];
  try {
    for await (const page of client.pages<{ id: string; fields: Record<string, unknown> }>({
      url: `/sites/${siteId}/lists/${segment(SETTINGS_LIST)}/items?$expand=fields($select=Title,Value)&$top=500`,
      scopes: SCOPES,
    }))
      rows.push(...page.value.map((r) => ({ itemId: r.id, fields: r.fields })));
  } catch (err) {
    if (!isGraphError(err, 404)) throw err;
  }
  const { settings, rejected } = settingsFromRows(rows);
  const names = new Set(rows.map((r) => String(r.fields['Title'] ?? '').toLowerCase()));
  const missing = ['staffDomains', 'escalationMailbox', 'teams'].filter((n) => !names.has(n.toLowerCase()));
  checks.push(
    missing.length || rejected.length
      ? {
          ok: false,
          label: `settings: ${[...missing.map((m) => `${m} missing`), ...rejected.map((r) => r.message)].join('; ')}`,
          fix: `add or correct the rows in "${SETTINGS_LIST}" (docs/deploy.md §4)`,
        }
      : { ok: true, label: 'settings rows present and readable' },
  );

  const escalation = settings.escalationMailbox;
  if (escalation) {
    try {
      await client.request({ url: `/users/${segment(escalation)}?$select=id`, scopes: ['User.Read'] });
      checks.push({ ok: true, label: `escalation mailbox ${escalation} exists` });
    } catch (err) {
      checks.push({
        ok: false,
        label: `escalation mailbox ${escalation}: ${errorDetail(err)}`,
        fix: 'create the mailbox or correct escalationMailbox in the settings',
      });
    }
  }

  const wanted = Object.values(settings.categories);
  for (const mailbox of Object.keys(settings.teams)) {
    const mailboxClient = options.mailboxClient?.(mailbox) ?? client;
    checks.push(await categoryCheck(mailboxClient, mailbox, wanted, options.fix === true));
  }
  return checks;
}

async function categoryCheck(
  client: GraphClient,
  mailbox: string,
  wanted: string[],
  fix: boolean,
): Promise<Check> {
  const url = `/users/${segment(mailbox)}/outlook/masterCategories`;
  let have: string[];
  try {
    const page = await client.request<GraphPage<{ displayName: string }>>({
      url,
      scopes: ['MailboxSettings.ReadWrite'],
    });
    have = page.value.map((c) => c.displayName.toLowerCase());
  } catch (err) {
    return {
      ok: false,
      label: `shared mailbox ${mailbox}: master categories cannot be read (${errorDetail(err)})`,
      fix: "run with --mailbox-token <app-only token with MailboxSettings.ReadWrite>; delegates are refused another mailbox's master list",
    };
  }
  let missing = wanted.filter((w) => !have.includes(w.toLowerCase()));
  if (fix && missing.length) {
    for (const name of missing) {
      const body: OutlookCategory = { displayName: name, color: 'preset9' };
      await client.request({ method: 'POST', url, body, scopes: ['MailboxSettings.ReadWrite'] });
    }
    missing = [];
  }
  return missing.length
    ? {
        ok: false,
        label: `shared mailbox ${mailbox} lacks categories: ${missing.join(', ')}`,
        fix: 'run npm run doctor -- --fix --mailbox-token <app-only token>, or create them in Outlook as the mailbox',
      }
    : { ok: true, label: `shared mailbox ${mailbox} has the ${wanted.length} categories` };
}

export function formatChecks(checks: readonly Check[]): string {
  return checks.map((c) => (c.ok ? `✓ ${c.label}` : `✗ ${c.label}  → ${c.fix ?? ''}`)).join('\n');
}
