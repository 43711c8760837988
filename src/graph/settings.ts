// The "Triage Settings" list: one row per setting, Title = setting name, Value = JSON.
// Every setting has a default, so an empty or missing list still gives a working taskpane; a
// row that cannot be read keeps the default and is reported (never silently ignored).
import { DEFAULT_REMINDER_TEMPLATE } from '../core/reminder';
import { INDICATOR_CODES, type IndicatorCode } from '../core/types';
import type { GraphClient } from './client';
import { isGraphError } from './errors';
import { withQuery } from './odata';
import { ListMissingError } from './site';
import type { RejectedRow, Settings, SettingsReport, SettingsRepository } from './types';

export const CATEGORY_PREFIX = 'CST: ';

// One default template for the whole product: the core's, whose placeholders it fills.
export { DEFAULT_REMINDER_TEMPLATE };

export const DEFAULT_SETTINGS: Settings = {
  staffDomains: [],
  teams: {},
  spocRotationMonths: 12,
  reviewMaxDays: 92,
  timeZone: 'Europe/London',
  terms: {},
  rbnrFolder: 'Contact strategy - read not respond',
  categories: {
    escalate: `${CATEGORY_PREFIX}Escalate`,
    rbnrFiled: `${CATEGORY_PREFIX}Read not respond - filed`,
    breach: `${CATEGORY_PREFIX}Breach`,
    read: `${CATEGORY_PREFIX}Read`,
    breachConfirmed: `${CATEGORY_PREFIX}Breach confirmed`,
    reminderSent: `${CATEGORY_PREFIX}Reminder sent`,
    reviewNeeded: `${CATEGORY_PREFIX}Review needed`,
    escalateToDecisionMaker: `${CATEGORY_PREFIX}Escalate to decision maker`,
  },
  reminderTemplate: DEFAULT_REMINDER_TEMPLATE,
  supervisors: [],
};

type Reader<T> = (value: unknown) => T;

class SettingError extends Error {}

function stringList(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/[\n,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((v) => v.trim()).filter(Boolean);
  throw new SettingError('expected a list of text values');
}

function positiveNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
    throw new SettingError('expected a positive number');
  return n;
}

function text(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SettingError('expected text');
  return value;
}

function timeZone(value: unknown): string {
  const zone = text(value).trim();
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new SettingError(`unknown time zone ${JSON.stringify(zone)}`);
  }
  return zone;
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SettingError('expected an object of text values');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new SettingError(`value for ${JSON.stringify(k)} must be text`);
    out[k.trim().toLowerCase()] = v;
  }
  return out;
}

function terms(value: unknown): Settings['terms'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SettingError('expected an object of indicator code → list of terms');
  const out: Settings['terms'] = {};
  for (const [code, list] of Object.entries(value)) {
    if (!(INDICATOR_CODES as readonly string[]).includes(code))
      throw new SettingError(
        `unknown indicator code ${JSON.stringify(code)} (known: ${INDICATOR_CODES.join(', ')})`,
      );
    out[code as IndicatorCode] = stringList(list);
  }
  return out;
}

function categories(value: unknown): Settings['categories'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SettingError('expected an object of category names');
  const merged: Record<string, string> = { ...DEFAULT_SETTINGS.categories };
  for (const [k, v] of Object.entries(value)) {
    if (!(k in merged))
      throw new SettingError(
        `unknown category ${JSON.stringify(k)} (known: ${Object.keys(merged).join(', ')})`,
      );
    if (typeof v !== 'string' || v.trim() === '')
      throw new SettingError(`category ${JSON.stringify(k)} must be a name`);
    merged[k] = v.trim();
  }
  return merged as Settings['categories'];
}

function ratio(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !(n > 0 && n <= 1))
    throw new SettingError('expected a number above 0 and at most 1');
  return n;
}

const READERS: { [K in keyof Settings]-?: Reader<NonNullable<Settings[K]>> } = {
  staffDomains: (v) => stringList(v).map((d) => d.toLowerCase()),
  teams: stringMap,
  spocRotationMonths: positiveNumber,
  reviewMaxDays: positiveNumber,
  timeZone,
  terms,
  rbnrFolder: (v) => text(v).trim(),
  escalationMailbox: (v) => text(v).trim().toLowerCase(),
  categories,
  reminderTemplate: text,
  supervisors: (v) => stringList(v).map((s) => s.toLowerCase()),
  repeatThreshold: ratio,
};

/** A Value cell: JSON when it parses, else the text as typed (admins forget the quotes). */
function cell(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Settings from rows of {Title, Value}: defaults for everything missing or unreadable. */
export function settingsFromRows(
  rows: readonly { itemId: string; fields: Record<string, unknown> }[],
): SettingsReport {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const { itemId, fields } of rows) {
    const name = typeof fields['Title'] === 'string' ? fields['Title'].trim() : '';
    const key = (Object.keys(READERS) as (keyof Settings)[]).find(
      (k) => k.toLowerCase() === name.toLowerCase(),
    );
    if (!key) {
      rejected.push({
        itemId,
        message: `Setting "${name}" (list item ${itemId}) is not a known setting; known: ${Object.keys(READERS).join(', ')}`,
      });
      continue;
    }
    if (seen.has(key)) {
      rejected.push({
        itemId,
        message: `Setting "${key}" (list item ${itemId}) appears more than once; the first row is used`,
      });
      continue;
    }
    seen.add(key);
    try {
      (settings as unknown as Record<string, unknown>)[key] = READERS[key](cell(fields['Value']));
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      rejected.push({
        itemId,
        message: `Setting "${key}" (list item ${itemId}): ${err.message}; the default is used`,
      });
    }
  }
  return { settings, rejected };
}

export function createSettingsRepository(options: {
  client: GraphClient;
  listPath: () => Promise<string>;
  scopes: readonly string[];
  /** Tells a missing list (defaults apply) from a missing site (an error) after a 404. */
  explainNotFound?: (err: unknown) => Promise<unknown>;
}): SettingsRepository {
  async function load(): Promise<SettingsReport> {
    let list: string;
    try {
      list = await options.listPath();
    } catch (err) {
      // No settings list yet: the defaults are a complete configuration.
      if (err instanceof ListMissingError)
        return { settings: structuredClone(DEFAULT_SETTINGS), rejected: [] };
      throw err;
    }
    const rows: { itemId: string; fields: Record<string, unknown> }[] = [];
    try {
      for await (const page of options.client.pages<{ id: string; fields?: Record<string, unknown> }>({
        url: withQuery(`${list}/items`, { $expand: 'fields($select=Title,Value)', $top: 500 }),
        scopes: options.scopes,
      })) {
        for (const item of page.value) rows.push({ itemId: item.id, fields: item.fields ?? {} });
      }
    } catch (err) {
      if (!isGraphError(err, 404)) throw err;
      // No settings list: defaults. No site at all is an error the pane must show.
      const why = await options.explainNotFound?.(err);
      if (why === undefined || why instanceof ListMissingError)
        return { settings: structuredClone(DEFAULT_SETTINGS), rejected: [] };
      throw why;
    }
    return settingsFromRows(rows);
  }
  return { load };
}
