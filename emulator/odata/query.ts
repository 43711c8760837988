// Query-string handling: Graph decodes '+' as a space, accepts `$expand` and `expand`, and links
// it returns keep the caller's own encoding of every other parameter.
import { badRequest } from '../errors';

export type Query = URLSearchParams;

/** URLSearchParams already decodes '+' as a space, which is what Graph does. */
export function parseQuery(rawQuery: string): Query {
  return new URLSearchParams(rawQuery);
}

/** `$name` or `name` (Graph accepts both on v1.0). */
export function param(q: Query, name: string): string | undefined {
  return q.get(`$${name}`) ?? q.get(name) ?? undefined;
}

export function topParam(q: Query, cap: number, fallback: number): number {
  const raw = param(q, 'top');
  if (raw === undefined) return Math.min(fallback, cap);
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw badRequest(`Invalid value '${raw}' for $top: expected a positive integer.`, 'BadRequest');
  return Math.min(Number(raw), cap);
}

export function skipParam(q: Query): number {
  const raw = param(q, 'skip');
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for $skip.`, 'BadRequest');
  return Number(raw);
}

export interface FieldsExpansion {
  fields: boolean;
  /** Field names asked for; absent = all. */
  select?: string[];
}

/** `fields`, `fields($select=A,B)`, `fields(select=A,B)` among other comma-separated expansions. */
export function parseExpand(q: Query): FieldsExpansion {
  const raw = param(q, 'expand');
  if (raw === undefined || raw.trim() === '') return { fields: false };
  const parts = splitTopLevel(raw);
  let found: FieldsExpansion = { fields: false };
  for (const part of parts) {
    const m = /^\s*fields\s*(?:\((.*)\))?\s*$/is.exec(part);
    if (!m) {
      if (/^\s*(createdByUser|lastModifiedByUser|driveItem|analytics|versions)\b/i.test(part)) continue;
      throw badRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${part.trim()}'.`,
      );
    }
    found = { fields: true };
    const inner = m[1]?.trim();
    if (inner) {
      const sel = /^\$?select\s*=\s*(.*)$/is.exec(inner);
      if (!sel) throw badRequest(`Unsupported option in fields(${inner}).`);
      found.select = (sel[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    }
  }
  return found;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * The raw query with `names` removed and `name=value` pairs appended (value encoded), every other
 * parameter kept byte for byte as the caller sent it.
 */
export function rewriteQuery(rawQuery: string, remove: string[], add: Record<string, string>): string {
  const drop = new Set(remove.flatMap((n) => [n, `$${n}`]).map((n) => n.toLowerCase()));
  const kept = rawQuery
    .split('&')
    .filter((pair) => pair.length > 0)
    .filter((pair) => {
      const key = decodeKey(pair.split('=')[0] ?? '');
      return !drop.has(key.toLowerCase());
    });
  for (const [k, v] of Object.entries(add)) kept.push(`${k}=${encodeURIComponent(v)}`);
  return kept.join('&');
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

export function absoluteUrl(origin: string, rawPath: string, rawQuery: string): string {
  return rawQuery ? `${origin}${rawPath}?${rawQuery}` : `${origin}${rawPath}`;
}
