// Field values: what a write may hold for each column type, and how a row reads back.
import { GraphHttpError, badRequest } from '../errors';
import type { ItemRec, ListRec, UserRec } from '../state';
import type { FieldValue } from '../types';
import { type ColumnRec, columnForKey, fieldKey } from './columns';

const COLLECTION_ANNOTATION = /^Collection\(Edm\.(String|Int32)\)$/;
const SINGLE_LINE_MAX = 255;

/** SharePoint stores date-times to the second and returns them in UTC with a Z. */
export function normaliseDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function invalid(column: ColumnRec, value: unknown, expected: string): GraphHttpError {
  return badRequest(
    `Invalid value ${JSON.stringify(value)} for field '${column.name}': expected ${expected}.`,
    'invalidRequest',
  );
}

function checkValue(column: ColumnRec, value: unknown, annotated: boolean): FieldValue {
  if (value === null) return null;
  if (column.multi) {
    if (typeof value === 'string')
      throw new GraphHttpError(
        400,
        'generalException',
        `General exception while processing: field '${column.name}' is multi-choice; write it as "${column.name}@odata.type":"Collection(Edm.String)" with an array.`,
      );
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw invalid(column, value, 'an array of strings');
    if (!annotated)
      throw badRequest(
        `A value without a type name was found for the collection field '${column.name}': add "${column.name}@odata.type":"Collection(Edm.String)".`,
      );
    return [...value];
  }
  if (Array.isArray(value))
    throw new GraphHttpError(
      400,
      'generalException',
      `General exception while processing: field '${column.name}' holds a single value, not an array.`,
    );
  switch (column.type) {
    case 'text':
    case 'choice':
      if (typeof value !== 'string') throw invalid(column, value, 'a string');
      if (column.type === 'text' && !column.multiline && value.length > (column.maxLength ?? SINGLE_LINE_MAX))
        throw badRequest(
          `The value for field '${column.name}' is ${value.length} characters; this single line of text holds at most ${column.maxLength ?? SINGLE_LINE_MAX}.`,
        );
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(column, value, 'a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(column, value, 'true or false');
      return value;
    case 'dateTime': {
      const normal = typeof value === 'string' ? normaliseDateTime(value) : undefined;
      if (normal === undefined) throw invalid(column, value, 'an ISO-8601 date-time');
      return normal;
    }
    case 'personOrGroup':
    case 'lookup':
      if (
        (typeof value === 'string' && /^\d+$/.test(value)) ||
        (typeof value === 'number' && Number.isInteger(value))
      )
        return String(value);
      throw invalid(column, value, 'a lookup id (digits)');
  }
}

/**
 * Checks a `fields` object for create or update and returns the values to store by column name.
 * `requireAnnotations` is false for seeds, which may write multi-choice arrays plainly.
 */
export function validateFieldWrite(
  list: ListRec,
  input: unknown,
  requireAnnotations = true,
): Map<string, FieldValue> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badRequest('The request body must hold a "fields" object.');
  const record = input as Record<string, unknown>;
  const out = new Map<string, FieldValue>();
  for (const [key, value] of Object.entries(record)) {
    if (key.endsWith('@odata.type')) {
      const base = key.slice(0, -'@odata.type'.length);
      const column = columnForKey(list.columns, base);
      if (!column) throw badRequest(`Field '${base}' is not recognized.`);
      if (typeof value !== 'string' || !COLLECTION_ANNOTATION.test(value))
        throw badRequest(`Unsupported type annotation '${String(value)}' for field '${base}'.`);
      continue;
    }
    if (key === '@odata.etag') continue;
    const column = columnForKey(list.columns, key);
    if (!column) throw badRequest(`Field '${key}' is not recognized.`);
    if (column.readOnly) throw badRequest(`Field '${key}' is read-only.`);
    const annotated = !requireAnnotations || record[`${key}@odata.type`] !== undefined;
    out.set(column.name, checkValue(column, value, annotated));
  }
  return out;
}

export function applyFieldWrite(item: ItemRec, values: Map<string, FieldValue>): void {
  for (const [name, value] of values) {
    if (value === null || (Array.isArray(value) && value.length === 0)) delete item.fields[name];
    else item.fields[name] = value;
  }
}

export function eTagOf(item: ItemRec): string {
  return `"{${item.guid.toUpperCase()}},${item.version}"`;
}

function fieldsETag(item: ItemRec): string {
  return `"${item.guid.toLowerCase()},${item.version}"`;
}

/** Does an If-Match value name this item's current version? Accepts both eTag spellings and `*`. */
export function eTagMatches(item: ItemRec, header: string): boolean {
  const candidates = header.trim() === '*' ? ['*'] : (header.match(/(W\/)?"[^"]*"/g) ?? [header]);
  return candidates.some((raw) => {
    const v = raw.trim().replace(/^W\//, '');
    if (v === '*') return true;
    const m = /^"?\{?([0-9a-fA-F-]{36})\}?,(\d+)"?$/.exec(v);
    return (
      m !== null && (m[1] ?? '').toLowerCase() === item.guid.toLowerCase() && Number(m[2]) === item.version
    );
  });
}

/** A built-in field's value for reading and filtering. */
function builtInValue(item: ItemRec, column: ColumnRec, users: readonly UserRec[]): FieldValue | undefined {
  const lookup = (upn: string): string | undefined => {
    const u = users.find((x) => x.upn.toLowerCase() === upn.toLowerCase());
    return u ? String(u.lookupId) : undefined;
  };
  switch (column.name) {
    case 'id':
      return item.id;
    case 'Created':
      return item.createdDateTime;
    case 'Modified':
      return item.lastModifiedDateTime;
    case 'AuthorLookupId':
      return lookup(item.createdBy);
    case 'EditorLookupId':
      return lookup(item.modifiedBy);
    case 'ContentType':
      return 'Item';
    case 'Attachments':
      return false;
    default:
      return item.fields[column.name];
  }
}

export function fieldValue(
  item: ItemRec,
  column: ColumnRec,
  users: readonly UserRec[],
): FieldValue | undefined {
  return column.builtIn ? builtInValue(item, column, users) : item.fields[column.name];
}

/** Resolves the names in `fields(select=…)`, refusing unknown ones. */
export function resolveSelect(list: ListRec, select: readonly string[]): ColumnRec[] {
  return select.map((name) => {
    const column =
      columnForKey(list.columns, name) ??
      list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!column) throw badRequest(`Field '${name}' is not recognized.`);
    return column;
  });
}

/** The `fields` object of a row: all non-empty values, or the selected ones, with `@odata.etag`. */
export function renderFields(
  list: ListRec,
  item: ItemRec,
  users: readonly UserRec[],
  selected?: readonly ColumnRec[],
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = { '@odata.etag': fieldsETag(item) };
  for (const column of selected ?? list.columns) {
    const value = fieldValue(item, column, users);
    if (value === undefined || value === null) continue;
    out[fieldKey(column)] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/**
 * A column with enforceUniqueValues refuses a value another item holds (compared without case,
 * as SharePoint's unique index does). `self` is the item being updated, which may keep its own.
 */
export function checkUnique(list: ListRec, values: Map<string, FieldValue>, self?: ItemRec): void {
  for (const column of list.columns) {
    if (column.unique !== true) continue;
    const v = values.get(column.name);
    if (v === undefined || v === null || v === '') continue;
    const key = String(v).toLowerCase();
    const clash = list.items.some(
      (i) => i !== self && String(i.fields[column.name] ?? '').toLowerCase() === key,
    );
    if (clash)
      throw new GraphHttpError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
      );
  }
}
