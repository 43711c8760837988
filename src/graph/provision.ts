// Creates the add-in's three lists, their columns and indexes, idempotently: what exists is left
// alone (never renamed, retyped or deleted), what is missing is added, and the report says
// which. A second run changes nothing and says so.
import type { GraphClient, GraphPage } from './client';
import { GraphRequestError, describe } from './errors';
import { ALL_LISTS, columnDefinition, type ColumnKind, type ListSpec } from './schema';
import { sitePathUrl, type SiteLocation } from './site';

export interface ProvisionAction {
  kind: 'created-list' | 'added-column' | 'indexed-column';
  list: string;
  column?: string;
}

export interface ProvisionReport {
  siteId: string;
  actions: ProvisionAction[];
  /** Problems a person must look at (a column of the wrong type, an index that could not be set). */
  warnings: string[];
}

interface ColumnInfo {
  id: string;
  name: string;
  indexed?: boolean;
  text?: { allowMultipleLines?: boolean };
  choice?: { displayAs?: string; allowMultipleSelection?: boolean };
  number?: unknown;
  boolean?: unknown;
  dateTime?: unknown;
}

/** Creating lists and columns needs list-management rights (site owner). */
export const PROVISION_SCOPES = ['Sites.Manage.All'] as const;

function kindOf(c: ColumnInfo): ColumnKind | 'other' {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  if (c.choice)
    return c.choice.allowMultipleSelection || c.choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
  if (c.number) return 'number';
  if (c.boolean) return 'boolean';
  if (c.dateTime) return 'dateTime';
  return 'other';
}

export async function provision(
  client: GraphClient,
  where: SiteLocation,
  scopes: readonly string[] = PROVISION_SCOPES,
  lists: readonly ListSpec[] = ALL_LISTS,
): Promise<ProvisionReport> {
  const site = await client.request<{ id: string }>({ url: sitePathUrl(where), scopes });
  const report: ProvisionReport = { siteId: site.id, actions: [], warnings: [] };
  const existing = new Map<string, string>();
  for await (const page of client.pages<{ id: string; displayName: string }>({
    url: `/sites/${site.id}/lists?$select=id,displayName`,
    scopes,
  })) {
    for (const l of page.value) existing.set(l.displayName.toLowerCase(), l.id);
  }
  for (const spec of lists) {
    let listId = existing.get(spec.displayName.toLowerCase());
    if (!listId) {
      const created = await client.request<{ id: string }>({
        method: 'POST',
        url: `/sites/${site.id}/lists`,
        body: {
          displayName: spec.displayName,
          description: spec.description,
          columns: spec.columns.map(columnDefinition),
          list: { template: 'genericList' },
        },
        scopes,
      });
      listId = created.id;
      report.actions.push({ kind: 'created-list', list: spec.displayName });
    }
    await reconcileColumns(client, `/sites/${site.id}/lists/${listId}`, spec, scopes, report);
  }
  return report;
}

async function reconcileColumns(
  client: GraphClient,
  listPath: string,
  spec: ListSpec,
  scopes: readonly string[],
  report: ProvisionReport,
): Promise<void> {
  const columns: ColumnInfo[] = [];
  for await (const page of client.pages<ColumnInfo>({ url: `${listPath}/columns`, scopes }))
    columns.push(...page.value);
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  for (const col of spec.columns) {
    const have = byName.get(col.name.toLowerCase());
    if (!have) {
      await client.request<GraphPage<unknown>>({
        method: 'POST',
        url: `${listPath}/columns`,
        body: columnDefinition(col),
        scopes,
      });
      report.actions.push({ kind: 'added-column', list: spec.displayName, column: col.name });
      continue;
    }
    const kind = kindOf(have);
    if (kind !== col.kind) {
      report.warnings.push(
        `${spec.displayName}: column ${col.name} is ${kind}, expected ${col.kind}; left as it is (change it by hand, the add-in reads it as ${col.kind})`,
      );
    }
    if (col.indexed && !have.indexed) await index(client, listPath, spec, have, scopes, report);
  }
  const title = byName.get('title');
  if (spec.title.indexed && title && !title.indexed)
    await index(client, listPath, spec, title, scopes, report);
}

async function index(
  client: GraphClient,
  listPath: string,
  spec: ListSpec,
  column: ColumnInfo,
  scopes: readonly string[],
  report: ProvisionReport,
): Promise<void> {
  try {
    await client.request({
      method: 'PATCH',
      url: `${listPath}/columns/${column.id}`,
      body: { indexed: true },
      scopes,
    });
  } catch (err) {
    if (!(err instanceof GraphRequestError) || err.status !== 405 || column.name !== 'Title') {
      report.warnings.push(
        `${spec.displayName}: could not index column ${column.name} (${describe(err)}); index it in List settings > Indexed columns`,
      );
      return;
    }
    // Where columns cannot be patched (the local emulator), restating Title sets its index.
    await client.request({
      method: 'POST',
      url: `${listPath}/columns`,
      body: { name: 'Title', displayName: spec.title.displayName, text: {}, indexed: true },
      scopes,
    });
  }
  report.actions.push({ kind: 'indexed-column', list: spec.displayName, column: column.name });
}

export function formatReport(report: ProvisionReport, where: SiteLocation): string {
  const lines: string[] = [];
  const site = `${where.siteHostname}${where.sitePath}`;
  if (report.actions.length === 0) {
    lines.push(
      `Nothing to change on ${site}: the lists ${ALL_LISTS.map((l) => `"${l.displayName}"`).join(', ')} and their columns and indexes are in place.`,
    );
  } else {
    lines.push(`Changed ${site}:`);
    for (const a of report.actions) {
      if (a.kind === 'created-list') lines.push(`  created list "${a.list}" with its columns`);
      else if (a.kind === 'added-column') lines.push(`  added column ${a.column} to "${a.list}"`);
      else lines.push(`  indexed column ${a.column} of "${a.list}"`);
    }
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
