// Creates the add-in's three lists, their columns and indexes, idempotently: what exists is left
// alone (never renamed, retyped or deleted), what is missing is added, and the report says
// which. A second run changes nothing and says so. Every body is typed with Graph v1.0's own
// declarations (@microsoft/microsoft-graph-types), so what v1.0 does not declare cannot be sent.
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage } from './client';
import { errorDetail } from '../common/error-detail';
import { ALL_LISTS, columnDefinition, type ColumnKind, type ListSpec } from './schema';
import { sitePathUrl, type SiteLocation } from './site';

export interface ProvisionAction {
  kind: 'created-list' | 'added-column' | 'indexed-column' | 'unique-column' | 'migrated-column';
  list: string;
  column?: string;
  /** migrated-column: how many rows had their values copied. */
  rows?: number;
}

export interface ProvisionReport {
  siteId: string;
  actions: ProvisionAction[];
  /** Problems a person must look at (a column of the wrong type, an index that could not be set). */
  warnings: string[];
}

export interface ColumnInfo {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  text?: { allowMultipleLines?: boolean };
  choice?: { displayAs?: string };
  number?: unknown;
  boolean?: unknown;
  dateTime?: unknown;
}

/** Creating lists and columns needs list-management rights (site owner). */
export const PROVISION_SCOPES = ['Sites.Manage.All'] as const;

export function kindOf(c: ColumnInfo): ColumnKind | 'other' {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  // Graph shows a multi-choice column (made in the SharePoint UI) as choice with checkBoxes.
  if (c.choice) return c.choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
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
      const body: List = {
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      };
      const created = await client.request<{ id: string }>({
        method: 'POST',
        url: `/sites/${site.id}/lists`,
        body,
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
    if (col.unique && !have.enforceUniqueValues)
      await patchColumn(
        client,
        listPath,
        spec,
        have,
        { indexed: true, enforceUniqueValues: true },
        scopes,
        report,
        'unique-column',
      );
  }
  // Title is built in: indexed in place (PATCH), never restated (a second Title is refused).
  const title = byName.get('title');
  if (spec.title.indexed && title && !title.indexed)
    await index(client, listPath, spec, title, scopes, report);
  for (const retired of spec.retired ?? []) {
    const old = byName.get(retired.name.toLowerCase());
    if (old && !old.hidden) await migrate(client, listPath, spec, old, retired.to, scopes, report);
  }
}

/** Copies a retired column's values into its successor where that is empty, then hides it. */
async function migrate(
  client: GraphClient,
  listPath: string,
  spec: ListSpec,
  old: ColumnInfo,
  to: string,
  scopes: readonly string[],
  report: ProvisionReport,
): Promise<void> {
  let rows = 0;
  const expand = `fields($select=${old.name},${to})`;
  for await (const page of client.pages<{ id: string; fields?: Record<string, unknown> }>({
    url: `${listPath}/items?$expand=${encodeURIComponent(expand)}&$top=200`,
    scopes,
  })) {
    for (const item of page.value) {
      const value = item.fields?.[old.name];
      const values = Array.isArray(value)
        ? value.map(String)
        : typeof value === 'string'
          ? value.split(/;#|\n/)
          : [];
      const codes = values.map((v) => v.trim()).filter(Boolean);
      const target = item.fields?.[to];
      if (codes.length === 0 || (typeof target === 'string' && target.trim() !== '')) continue;
      await client.request({
        method: 'PATCH',
        url: `${listPath}/items/${item.id}/fields`,
        body: { [to]: codes.join('\n') },
        scopes,
      });
      rows++;
    }
  }
  await patchColumn(client, listPath, spec, old, { hidden: true }, scopes, report, 'migrated-column', rows);
}

async function patchColumn(
  client: GraphClient,
  listPath: string,
  spec: ListSpec,
  column: ColumnInfo,
  body: ColumnDefinition,
  scopes: readonly string[],
  report: ProvisionReport,
  kind: ProvisionAction['kind'],
  rows?: number,
): Promise<void> {
  try {
    await client.request({ method: 'PATCH', url: `${listPath}/columns/${column.id}`, body, scopes });
  } catch (err) {
    report.warnings.push(
      `${spec.displayName}: could not change column ${column.name} (${errorDetail(err)}); ${kind === 'unique-column' ? 'index it and set "Enforce unique values" in List settings' : 'hide it in List settings'}`,
    );
    return;
  }
  report.actions.push({
    kind,
    list: spec.displayName,
    column: column.name,
    ...(rows !== undefined ? { rows } : {}),
  });
}

async function index(
  client: GraphClient,
  listPath: string,
  spec: ListSpec,
  column: ColumnInfo,
  scopes: readonly string[],
  report: ProvisionReport,
): Promise<void> {
  const body: ColumnDefinition = { indexed: true };
  try {
    await client.request({ method: 'PATCH', url: `${listPath}/columns/${column.id}`, body, scopes });
  } catch (err) {
    report.warnings.push(
      `${spec.displayName}: could not index column ${column.name} (${errorDetail(err)}); index it in List settings > Indexed columns`,
    );
    return;
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
      else if (a.kind === 'indexed-column') lines.push(`  indexed column ${a.column} of "${a.list}"`);
      else if (a.kind === 'unique-column')
        lines.push(`  column ${a.column} of "${a.list}" now refuses duplicate values`);
      else
        lines.push(
          `  copied ${a.rows ?? 0} row(s) of retired column ${a.column} of "${a.list}" to its successor and hid it`,
        );
    }
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
