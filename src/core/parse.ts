// Untrusted JSON → typed domain values, for the interchange format (docs/domain.md "Interchange
// format") and anything else that reads stored data. Every problem names the field path; nothing
// here throws, whatever the input. Strategies use the same readers (core/strategy.ts).
import { normaliseAddress } from './address';
import type { Parsed } from './types';
import { isIsoDate, isValidTimeZone, parseHhMm } from './time';
import {
  INDICATOR_CODES,
  type Config,
  type Fingerprint,
  type HistoryEntry,
  type IndicatorCode,
  type Mailbox,
  type Message,
} from './types';

// ---- Readers ---------------------------------------------------------------------------------

export type JsonObject = Record<string, unknown>;
/** Reads one value at a path; pushes a problem and returns undefined when it is not acceptable. */
export type Reader<T> = (value: unknown, path: string, problems: string[]) => T | undefined;

const MAX_SHOWN_PROBLEMS = 5;
const MAX_SHOWN_CHARS = 60;

/** Keeps a value shown in a message to one short line, whatever it holds. */
export function oneLine(text: string, max = MAX_SHOWN_CHARS): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A short description of a value for "got …" in a message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return oneLine(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so `__proto__` or `constructor` in the input mean nothing special. */
export function field(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The path of a child field; keys from the input are shortened to one line before they are shown. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const shown = oneLine(key, 40);
  return path ? `${path}.${shown}` : shown;
}

function expected(problems: string[], path: string, what: string, value: unknown): undefined {
  problems.push(`${path} must be ${what}, got ${describe(value)}`);
  return undefined;
}

/** Joins problems into one line, showing the first few. */
export function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_SHOWN_PROBLEMS).join('; ');
  const more = problems.length - MAX_SHOWN_PROBLEMS;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** Absent: missing, null (an empty SharePoint column), or a blank string (an empty form field). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Reads the fields of one object at a path, collecting problems. */
export interface Fields {
  /** Missing or null is a problem. */
  required<T>(key: string, read: Reader<T>): T | undefined;
  /** Absent (see isAbsent) is undefined. */
  optional<T>(key: string, read: Reader<T>): T | undefined;
  /** Absent, or unreadable (the problem is recorded), is the fallback. */
  withDefault<T>(key: string, read: Reader<T>, fallback: T): T;
  /** Names every key not in `known`, so a misspelt field is never silently ignored. */
  rejectUnknown(known: readonly string[]): void;
}

export function fields(object: JsonObject, path: string, problems: string[]): Fields {
  return {
    required(key, read) {
      const value = field(object, key);
      // Only missing or null: a blank string is present, and its reader says what is wrong with it.
      if (value !== undefined && value !== null) return read(value, at(path, key), problems);
      problems.push(`${at(path, key)} is required`);
      return undefined;
    },
    optional(key, read) {
      const value = field(object, key);
      return isAbsent(value) ? undefined : read(value, at(path, key), problems);
    },
    withDefault(key, read, fallback) {
      const value = field(object, key);
      return isAbsent(value) ? fallback : (read(value, at(path, key), problems) ?? fallback);
    },
    rejectUnknown: (known) => {
      for (const key of Object.keys(object)) {
        if (!known.includes(key)) problems.push(`${at(path, key)} is not a known field`);
      }
    },
  };
}

/** Drops keys whose value is undefined, so optional fields are absent rather than `undefined`. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

export const anyText: Reader<string> = (value, path, problems) =>
  typeof value === 'string' ? value : expected(problems, path, 'a string', value);

export const text: Reader<string> = (value, path, problems) =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : expected(problems, path, 'a non-empty string', value);

export const bool: Reader<boolean> = (value, path, problems) =>
  typeof value === 'boolean' ? value : expected(problems, path, 'true or false', value);

/**
 * A whole number from 1 to `max`. The caps are far beyond any real setting; they stop a typo such
 * as 70000000 days from reaching date arithmetic, where it would make an invalid date.
 */
export function positiveInt(max: number): Reader<number> {
  return (value, path, problems) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max
      ? value
      : expected(problems, path, `a whole number from 1 to ${max}`, value);
}

export const fraction: Reader<number> = (value, path, problems) =>
  typeof value === 'number' && value >= 0 && value <= 1
    ? value
    : expected(problems, path, 'a number from 0 to 1', value);

export const isoDate: Reader<string> = (value, path, problems) =>
  isIsoDate(value) ? value : expected(problems, path, 'a date written YYYY-MM-DD', value);

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/u;

/** An ISO-8601 instant with a zone (`Z` or an offset): without one, its meaning depends on the machine. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_INSTANT.exec(value);
  return m !== null && isIsoDate(m[1]) && !Number.isNaN(Date.parse(value));
}

export const isoInstant: Reader<string> = (value, path, problems) =>
  isIsoInstant(value)
    ? value
    : expected(problems, path, 'an ISO date and time with a zone (2025-03-04T10:15:00Z)', value);

/** `HH:MM`; `24:00` only when `endOfDay` (the end of a window). */
export function clock(endOfDay: boolean): Reader<string> {
  return (value, path, problems) => {
    const minutes = typeof value === 'string' && /^\d{2}:\d{2}$/u.test(value) ? parseHhMm(value) : null;
    if (minutes !== null && (endOfDay || minutes < 24 * 60)) return value as string;
    return expected(problems, path, endOfDay ? 'HH:MM (00:00 to 24:00)' : 'HH:MM (00:00 to 23:59)', value);
  };
}

export const timeZone: Reader<string> = (value, path, problems) =>
  typeof value === 'string' && isValidTimeZone(value.trim())
    ? value.trim()
    : expected(problems, path, 'an IANA time zone such as Europe/London', value);

/** A well-formed email address, returned normalised (core/address). */
export const address: Reader<string> = (value, path, problems) => {
  const normalised = typeof value === 'string' ? normaliseAddress(value) : null;
  return normalised ?? expected(problems, path, 'an email address', value);
};

/** One of a fixed set of keywords; case, spaces and underscores are forgiven (`In person` → `in-person`). */
export function keyword<T extends string>(allowed: readonly T[]): Reader<T> {
  return (value, path, problems) => {
    const key =
      typeof value === 'string'
        ? value
            .trim()
            .toLowerCase()
            .replace(/[\s_]+/gu, '-')
        : null;
    const found = allowed.find((a) => a === key);
    return found ?? expected(problems, path, `one of ${allowed.join(', ')}`, value);
  };
}

/** A list whose every item reads; one bad item makes the whole list unreadable (and is named). */
export function listOf<T>(
  item: Reader<T>,
  options: { minItems?: number; unique?: boolean } = {},
): Reader<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return expected(problems, path, 'a list', value);
    const before = problems.length;
    const out: T[] = [];
    value.forEach((element, i) => {
      const read = item(element, at(path, i), problems);
      if (read !== undefined && !(options.unique && out.includes(read))) out.push(read);
    });
    if (problems.length > before) return undefined;
    if (out.length < (options.minItems ?? 0)) {
      problems.push(`${path} must list at least ${options.minItems ?? 0}`);
      return undefined;
    }
    return out;
  };
}

/** An object read field by field; undefined when any field had a problem. */
export function objectOf<T>(
  read: (f: Fields, object: JsonObject, path: string, problems: string[]) => T,
): Reader<T> {
  return (value, path, problems) => {
    if (!isObject(value)) return expected(problems, path, 'an object', value);
    const before = problems.length;
    const out = read(fields(value, path, problems), value, path, problems);
    return problems.length > before ? undefined : out;
  };
}

function finish<T>(problems: string[], value: T): Parsed<T> {
  return problems.length > 0 ? { ok: false, error: summarise(problems) } : { ok: true, value };
}

// ---- Messages and history --------------------------------------------------------------------

/**
 * A mailbox. The address is any string: a sender with a malformed address (an Exchange-internal
 * one, say) must still be evaluated and read, and simply matches no strategy.
 */
export const mailbox: Reader<Mailbox> = objectOf((f) =>
  compact<Mailbox>({ name: f.optional('name', anyText), address: f.required('address', anyText) ?? '' }),
);

const mailboxes = listOf(mailbox);

/** message.json. Unknown fields (a Graph `id`, `conversationId`…) are ignored. */
export function parseMessage(raw: unknown): Parsed<Message> {
  if (!isObject(raw)) return { ok: false, error: `message must be an object, got ${describe(raw)}` };
  const problems: string[] = [];
  const f = fields(raw, '', problems);
  const message: Message = {
    internetMessageId: f.required('internetMessageId', text) ?? '',
    receivedDateTime: f.required('receivedDateTime', isoInstant) ?? '',
    from: f.required('from', mailbox) ?? { address: '' },
    to: f.withDefault('to', mailboxes, []),
    cc: f.withDefault('cc', mailboxes, []),
    subject: f.withDefault('subject', anyText, ''),
    body: f.withDefault('body', anyText, ''),
  };
  return finish(problems, message);
}

const count: Reader<number> = (value, path, problems) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : expected(problems, path, 'a whole number', value);

const fingerprint: Reader<Fingerprint> = objectOf((f) => ({
  v: f.required('v', text) ?? '',
  sig: f.required('sig', anyText) ?? '',
  n: f.required('n', count) ?? 0,
}));

const historyEntry: Reader<HistoryEntry> = objectOf((f) =>
  compact<HistoryEntry>({
    internetMessageId: f.required('internetMessageId', text) ?? '',
    receivedDateTime: f.required('receivedDateTime', isoInstant) ?? '',
    from: f.required('from', mailbox) ?? { address: '' },
    body: f.optional('body', anyText),
    fingerprint: f.optional('fingerprint', fingerprint),
    strategyId: f.optional('strategyId', text),
  }),
);

/** history.json: a list of earlier contacts. */
export function parseHistory(raw: unknown): Parsed<HistoryEntry[]> {
  const problems: string[] = [];
  const entries = listOf(historyEntry)(raw, 'history', problems);
  return finish(problems, entries ?? []);
}

// ---- Organisation settings -------------------------------------------------------------------

/** The settings an organisation gets for everything it leaves out (a fresh object each call). */
export function defaultConfig(): Config {
  return {
    staffDomains: [],
    teams: {},
    spocRotationMonths: 12,
    reviewMaxDays: 92,
    timeZone: 'Europe/London',
  };
}

/** The same defaults as one shared, frozen value (its lists too): for reading, never for editing. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  ...defaultConfig(),
  staffDomains: Object.freeze([]) as unknown as string[],
  teams: Object.freeze({}),
});

const CONFIG_FIELDS = [
  'staffDomains',
  'teams',
  'spocRotationMonths',
  'reviewMaxDays',
  'timeZone',
  'terms',
  'repeatThreshold',
] as const;

const domain: Reader<string> = (value, path, problems) => {
  // A domain is valid exactly when `x@domain` is a valid address.
  const bare = typeof value === 'string' ? value.trim().replace(/^@/u, '') : '';
  const normalised = normaliseAddress(`x@${bare}`);
  return normalised
    ? normalised.slice(2)
    : expected(problems, path, 'a mail domain such as example.org', value);
};

// Keys are mailbox addresses, normalised so lookups by a normalised recipient find them.
const teams: Reader<Record<string, string>> = objectOf((f, o, path, problems) => {
  const out: Record<string, string> = {};
  for (const key of Object.keys(o)) {
    const mailboxAddress = normaliseAddress(key);
    if (mailboxAddress === null) problems.push(`${at(path, key)}: the key must be an email address`);
    const team = f.required(key, text);
    if (mailboxAddress !== null && team !== undefined) out[mailboxAddress] = team;
  }
  return out;
});

const terms: Reader<Partial<Record<IndicatorCode, string[]>>> = objectOf((f) => {
  f.rejectUnknown(INDICATOR_CODES);
  const out: Partial<Record<IndicatorCode, string[]>> = {};
  for (const code of INDICATOR_CODES) {
    const list = f.optional(code, listOf(text));
    if (list !== undefined) out[code] = list;
  }
  return out;
});

/**
 * config.json, with the documented defaults for anything left out. Unknown fields are an error:
 * a misspelt setting silently ignored would leave the default in force without anyone knowing.
 */
export function parseConfig(raw: unknown): Parsed<Config> {
  if (!isObject(raw)) return { ok: false, error: `config must be an object, got ${describe(raw)}` };
  const problems: string[] = [];
  const f = fields(raw, '', problems);
  f.rejectUnknown(CONFIG_FIELDS);
  const d = defaultConfig();
  const config = compact<Config>({
    staffDomains: f.withDefault('staffDomains', listOf(domain, { unique: true }), d.staffDomains),
    teams: f.withDefault('teams', teams, d.teams),
    spocRotationMonths: f.withDefault('spocRotationMonths', positiveInt(120), d.spocRotationMonths),
    reviewMaxDays: f.withDefault('reviewMaxDays', positiveInt(3660), d.reviewMaxDays),
    timeZone: f.withDefault('timeZone', timeZone, d.timeZone),
    terms: f.optional('terms', terms),
    repeatThreshold: f.optional('repeatThreshold', fraction),
  });
  return finish(problems, config);
}
