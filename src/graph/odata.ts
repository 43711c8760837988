// OData query building where user data (addresses, names, keys) is only ever a VALUE.
// Graph's $filter takes string literals in single quotes, doubled inside (O'Brien → 'O''Brien').
// The SDK encodes nothing: `.filter()` pastes the string into the URL and `.api(url)` splits the
// query on `&`, so `&` would end the parameter, `#` would truncate the URL and `+` would arrive
// as a space. Every query parameter value is therefore percent-encoded here, once (`withQuery`),
// and the client sends the URL built here byte for byte (policy.ts).

/** An OData string literal: single quotes doubled, wrapped in quotes. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A `fields/<name>` reference to a list column; names are internal names (no spaces). */
export function field(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`Not a valid internal column name: ${JSON.stringify(name)}`);
  }
  return `fields/${name}`;
}

export type Comparison = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

/** `fields/Name op 'value'`: the value is always a literal, never part of the expression. */
export function compare(column: string, op: Comparison, value: string): string {
  return `${field(column)} ${op} ${literal(value)}`;
}

export const eq = (column: string, value: string): string => compare(column, 'eq', value);

export function and(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(' and ');
}

/**
 * Percent-encodes a query parameter value (RFC 3986 unreserved characters and OData's quotes
 * and parentheses stay readable). `&`, `#`, `+`, `=`, `%`, spaces and every non-ASCII character
 * are encoded, so a value can never end the parameter, truncate the URL or change meaning.
 */
function encodeQueryValue(value: string): string {
  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws): it becomes U+FFFD.
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

/**
 * Appends query parameters to a path. Keys are OData system options written as they are
 * (`$filter`, `$top`, `$expand`); values are encoded. Undefined values are left out.
 */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    parts.push(`${key}=${encodeQueryValue(String(value))}`);
  }
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** `fields($select=A,B)` for `$expand`, so only the columns we map come back. */
export function expandFields(columns: readonly string[]): string {
  for (const c of columns) field(c);
  return `fields($select=${columns.join(',')})`;
}

/** Encodes one path segment (an item id, a list title, a message id) for a Graph URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
