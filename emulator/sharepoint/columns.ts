// Column definitions: Graph's columnDefinition in, the emulator's column record out, and back.
import { GraphHttpError, badRequest } from '../errors';
import { hashGuid } from '../ids';
import type { SeedColumn } from '../types';

export type ColumnType = 'text' | 'choice' | 'number' | 'boolean' | 'dateTime' | 'personOrGroup' | 'lookup';

const TYPE_FACETS: readonly ColumnType[] = [
  'text',
  'choice',
  'number',
  'boolean',
  'dateTime',
  'personOrGroup',
  'lookup',
];

export interface ColumnRec {
  id: string;
  name: string;
  displayName: string;
  type: ColumnType;
  indexed: boolean;
  required: boolean;
  readOnly: boolean;
  /** Multi-choice (choice) columns hold string arrays. */
  multi: boolean;
  /** SharePoint refuses a second item with the same value (needs the column indexed). */
  unique: boolean;
  hidden: boolean;
  /** Single-line text is limited to 255 characters, as in SharePoint. */
  multiline: boolean;
  /** The type facet as given, echoed back on GET …/columns. */
  facet: Record<string, unknown>;
  /** Built in to every list (Title, ID, Created, …). */
  builtIn: boolean;
  description?: string;
  /** Longest single-line text accepted (at most 255). */
  maxLength?: number;
}

/** SharePoint's internal-name encoding: a space becomes `_x0020_`, other symbols `_xHHHH_`. */
export function internalName(displayName: string): string {
  let out = '';
  for (const ch of displayName) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`;
  }
  return out;
}

function builtIn(name: string, type: ColumnType, opts: Partial<ColumnRec> = {}): ColumnRec {
  return {
    id: hashGuid(`builtin:${name}`),
    name,
    displayName: name,
    type,
    indexed: false,
    required: false,
    readOnly: true,
    multi: false,
    unique: false,
    hidden: false,
    multiline: false,
    facet: {},
    builtIn: true,
    ...opts,
  };
}

/** Columns every generic list has; `id` is the only one indexed by default. */
export function builtInColumns(): ColumnRec[] {
  return [
    builtIn('Title', 'text', { readOnly: false, required: true, displayName: 'Title' }),
    builtIn('id', 'number', { displayName: 'ID', indexed: true }),
    builtIn('Created', 'dateTime'),
    builtIn('Modified', 'dateTime'),
    builtIn('AuthorLookupId', 'lookup', { displayName: 'Created By' }),
    builtIn('EditorLookupId', 'lookup', { displayName: 'Modified By' }),
    builtIn('ContentType', 'text', { displayName: 'Content Type' }),
    builtIn('Attachments', 'boolean'),
  ];
}

/**
 * Turns a columnDefinition (seed or POST body) into a record. `where` prefixes messages so a
 * bad seed names the column it fails on. A seed describes a list as it may exist in a tenant,
 * made in the SharePoint UI too (a multi-choice column shows through Graph as
 * `displayAs: "checkBoxes"`); `origin: 'graph'` is a create through Graph, which cannot make
 * one (docs/decisions/emulator.md, "Multi-choice columns").
 */
export function columnFromDefinition(
  def: SeedColumn,
  listKey: string,
  where: string,
  origin: 'seed' | 'graph' = 'graph',
): ColumnRec {
  if (typeof def !== 'object' || def === null) throw badRequest(`${where}: a column must be an object.`);
  const displayName = def.displayName ?? def.name;
  if (typeof displayName !== 'string' || displayName.trim() === '')
    throw badRequest(`${where}: a column needs a name or a displayName.`);
  const name = def.name ?? internalName(displayName);
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw badRequest(`${where}: column name '${String(name)}' is not a valid internal name.`);
  const facets = TYPE_FACETS.filter((t) => (def as Record<string, unknown>)[t] !== undefined);
  if (facets.length > 1)
    throw badRequest(`${where}: column '${name}' has more than one type facet (${facets.join(', ')}).`);
  const type: ColumnType = facets[0] ?? 'text';
  const facet = ((def as Record<string, unknown>)[type] ?? {}) as Record<string, unknown>;
  if (typeof facet !== 'object' || facet === null || Array.isArray(facet))
    throw badRequest(`${where}: column '${name}': the ${type} facet must be an object.`);
  const multi = type === 'choice' && def.choice?.displayAs === 'checkBoxes';
  if (multi && origin === 'graph')
    throw badRequest(
      `${where}: column '${name}': Graph v1.0 cannot create a multi-choice column (choice displayAs 'checkBoxes').`,
    );
  if (def.enforceUniqueValues === true && def.indexed !== true)
    throw badRequest(`${where}: column '${name}': enforceUniqueValues needs the column to be indexed.`);
  return {
    id: hashGuid(`column:${listKey}:${name}`),
    name,
    displayName,
    type,
    indexed: def.indexed === true,
    required: def.required === true,
    readOnly: false,
    multi,
    unique: def.enforceUniqueValues === true,
    hidden: def.hidden === true,
    multiline: type === 'text' && def.text?.allowMultipleLines === true,
    facet,
    builtIn: false,
    ...(typeof def.description === 'string' ? { description: def.description } : {}),
    ...(type === 'text' && typeof def.text?.maxLength === 'number'
      ? { maxLength: Math.min(def.text.maxLength, 255) }
      : {}),
  };
}

/**
 * Adds a column, refusing a name already taken (case-insensitively, as SharePoint does). Only a
 * seed may restate the built-in Title (to label or index it); through Graph that is a second
 * Title, which SharePoint refuses: Title is indexed with PATCH …/columns/{id}.
 */
export function addColumn(columns: ColumnRec[], column: ColumnRec, origin: 'seed' | 'graph' = 'graph'): void {
  const clash = columns.find((c) => c.name.toLowerCase() === column.name.toLowerCase());
  if (origin === 'seed' && clash?.builtIn && clash.name === 'Title' && column.type === 'text') {
    clash.indexed = column.indexed;
    clash.displayName = column.displayName;
    if (column.maxLength !== undefined) clash.maxLength = column.maxLength;
    return;
  }
  if (clash)
    throw new GraphHttpError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
  columns.push(column);
}

export function columnJson(c: ColumnRec): Record<string, unknown> {
  return {
    columnGroup: c.builtIn ? 'Core Contact and Calendar Columns' : 'Custom Columns',
    description: c.description ?? '',
    displayName: c.displayName,
    // Records persisted before these existed lack them.
    enforceUniqueValues: c.unique === true,
    hidden: c.hidden === true,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
    [c.type]: c.facet,
  };
}

/** The column a `fields` key names: its internal name, or `XLookupId` for person/lookup columns. */
export function columnForKey(columns: readonly ColumnRec[], key: string): ColumnRec | undefined {
  const direct = columns.find((c) => c.name === key);
  if (direct) return direct;
  if (key.endsWith('LookupId')) {
    const base = key.slice(0, -'LookupId'.length);
    return columns.find((c) => c.name === base && (c.type === 'personOrGroup' || c.type === 'lookup'));
  }
  return undefined;
}

/** The key a column's value is read and written under in `fields`. */
export function fieldKey(c: ColumnRec): string {
  return (c.type === 'personOrGroup' || c.type === 'lookup') && !c.builtIn ? `${c.name}LookupId` : c.name;
}
