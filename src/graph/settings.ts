// The "Triage Settings" list: one row per setting, Title = setting name, Value = JSON.
// Every setting has a default, so an empty or missing list still gives a working taskpane; a
// row that cannot be read keeps the default and is reported (never silently ignored).
import { defaultConfig, parseConfig } from '../core/parse';
import { DEFAULT_REMINDER_TEMPLATE } from '../core/reminder';
import { parseSendGuardSettings } from '../core/send-guard';
import type { Config } from '../core/types';
import type { GraphClient } from './client';
import { isGraphError } from './errors';
import { withQuery } from './odata';
import { ListMissingError } from './site';
import type { RejectedRow, Settings, SettingsReport, SettingsRepository } from './types';

export const CATEGORY_PREFIX = 'CST: ';

// One default template for the whole product: the core's, whose placeholders it fills.
export { DEFAULT_REMINDER_TEMPLATE };

// The organisation's settings have core's defaults (the CLI's config.json has the same); only what
// the pane alone uses is defaulted here.
export const DEFAULT_SETTINGS: Settings = {
  ...defaultConfig(),
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

/** Reads one Value cell; throws SettingError with what is wrong. */
type CellReader<T> = (value: unknown) => T;

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

function text(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SettingError('expected text');
  return value;
}

/** Shorter than this, a secret can be guessed, and a guessed key lets fingerprints be ranked. */
export const MIN_REPEAT_KEY_LENGTH = 16;

function secret(value: unknown): string {
  // Never echoed back: the message names what is wrong, not the value.
  const key = text(value).trim();
  if (key.length < MIN_REPEAT_KEY_LENGTH)
    throw new SettingError(
      `a secret of at least ${MIN_REPEAT_KEY_LENGTH} characters is needed (32 random ones is right), so fingerprints use the public key`,
    );
  return key;
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

/**
 * A setting core also reads (the CLI's config.json) goes through core's parseConfig, so the pane
 * and the command line accept and normalise the same values: one parser, one set of rules.
 * `prepare` only turns what an administrator may type in a list cell (lines or commas) into the
 * list core expects.
 */
function viaCore<K extends keyof Config>(
  key: K,
  prepare: (value: unknown) => unknown = (v) => v,
): CellReader<NonNullable<Config[K]>> {
  return (value) => {
    const parsed = parseConfig({ [key]: prepare(value) });
    if (!parsed.ok) throw new SettingError(parsed.error);
    const read: Config[K] = parsed.value[key];
    if (read == null) throw new SettingError('expected a value');
    return read;
  };
}

/** Text typed as lines or a comma list becomes a list; anything else is left for core to judge. */
function listCell(value: unknown): unknown {
  return typeof value === 'string' ? stringList(value) : value;
}

/** Each indicator code's terms may be typed as one text of lines or commas. */
function termsCell(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([code, list]) => [code, listCell(list)]));
}

const READERS: { [K in keyof Settings]-?: CellReader<NonNullable<Settings[K]>> } = {
  staffDomains: viaCore('staffDomains', listCell),
  teams: viaCore('teams'),
  spocRotationMonths: viaCore('spocRotationMonths'),
  reviewMaxDays: viaCore('reviewMaxDays'),
  timeZone: viaCore('timeZone'),
  terms: viaCore('terms', termsCell),
  rbnrFolder: (v) => text(v).trim(),
  escalationMailbox: (v) => text(v).trim().toLowerCase(),
  immediateRiskInstruction: (v) => text(v).trim(),
  categories,
  reminderTemplate: text,
  supervisors: (v) => stringList(v).map((s) => s.toLowerCase()),
  repeatThreshold: viaCore('repeatThreshold'),
  repeatKey: secret,
  sendGuard: (v) => {
    const parsed = parseSendGuardSettings(v);
    if (!parsed.ok) throw new SettingError(parsed.error);
    return parsed.value;
  },
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
