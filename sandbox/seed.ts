// Builds the Graph emulator's seed for the sandbox from sandbox/samples/: the SharePoint lists in
// the add-in's own schema (src/graph/schema.ts: the same columns and field mapping the taskpane
// reads), the organisation settings, the contact log of earlier contacts (fingerprints only, as
// the taskpane writes them) and the PSD shared mailbox with the sample messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  EmulatorSeed,
  FieldValue,
  SeedColumn,
  SeedList,
  SeedMailbox,
  SeedMessage,
} from '../emulator/types';
import { normaliseAddress } from '../src/core/address';
import { decisionKey, logKey } from '../src/core/log';
import { parseHistory, parseMessage } from '../src/core/parse';
import { fingerprint } from '../src/core/repeat';
import { parseStrategies } from '../src/core/strategy';
import {
  FLAG_SEVERITY,
  INDICATOR_CODES,
  type ContactLogRecord,
  type FlagCode,
  type HistoryEntry,
  type IndicatorCode,
  type Message,
  type Strategy,
} from '../src/core/types';
import {
  CONTACT_LOG_SCHEMA,
  SETTINGS_SCHEMA,
  STRATEGIES_SCHEMA,
  columnDefinition,
  logRecordToFields,
  strategyToFields,
  type ListSpec,
} from '../src/graph/schema';
import { DEFAULT_SETTINGS } from '../src/graph/settings';
import { addDays, shiftInstant, weeksSince } from './time-shift';
import { SAMPLE_ATTACHMENTS } from './samples/files';
import type { SeedAttachment } from '../emulator/mail/attachments';

export const SAMPLES_DIR = join(__dirname, 'samples');

export interface SandboxUser {
  upn: string;
  displayName: string;
  role: 'handler' | 'supervisor';
}

export interface Organisation {
  /** The instant the samples are written for; the sandbox shifts them by whole weeks to now. */
  referenceInstant: string;
  timeZone: string;
  site: { hostname: string; path: string; displayName: string };
  users: SandboxUser[];
  sharedMailbox: { upn: string; displayName: string };
  /** Triage Settings rows: setting name → value (stored as JSON in the Value column). */
  settings: Record<string, unknown>;
}

export interface MessageSample {
  key: string;
  about: string;
  /** Flag codes this sample demonstrates (it may raise others too). */
  shows: FlagCode[];
  /** Indicator codes the text should light up. */
  indicates?: IndicatorCode[];
  /** The mailbox it sits in; default the shared mailbox. */
  mailbox?: string;
  bodyType?: 'text' | 'html';
  /** Keys of sandbox/samples/files.ts SAMPLE_ATTACHMENTS. */
  attachments?: string[];
  /** The body repeated to this many characters: a 10 MB message without a 10 MB file. */
  bodyLength?: number;
  message: Message;
}

export interface HistorySample extends HistoryEntry {
  subject: string;
  body: string;
}

export interface Samples {
  organisation: Organisation;
  strategies: Strategy[];
  messages: MessageSample[];
  history: HistorySample[];
}

/** What the sandbox page and server need to know about the seeded world. */
export interface SandboxInfo {
  users: SandboxUser[];
  sharedMailbox: { upn: string; displayName: string };
  site: { hostname: string; path: string };
  timeZone: string;
  /** Whole weeks the samples were moved forward. */
  shiftedWeeks: number;
}

// ---- loading ---------------------------------------------------------------------------------

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function repeatTo(text: string, length: number): string {
  if (!text) throw new Error('bodyLength needs a body to repeat');
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

const FLAG_CODES = new Set(Object.keys(FLAG_SEVERITY));

/** Reads and checks the sample files; every problem names the file and the sample. */
export function loadSamples(dir = SAMPLES_DIR): Samples {
  const organisation = readJson(dir, 'organisation.json') as Organisation;
  for (const field of [
    'referenceInstant',
    'timeZone',
    'site',
    'users',
    'sharedMailbox',
    'settings',
  ] as const) {
    if (organisation[field] === undefined) throw new Error(`${dir}/organisation.json: missing ${field}`);
  }
  const parsed = parseStrategies(readJson(dir, 'strategies.json'));
  if (parsed.errors.length) throw new Error(`${dir}/strategies.json: ${parsed.errors.join('; ')}`);

  const rawMessages = readJson(dir, 'messages.json');
  if (!Array.isArray(rawMessages)) throw new Error(`${dir}/messages.json: expected a list`);
  const keys = new Set<string>();
  const messages = rawMessages.map((raw: MessageSample, i): MessageSample => {
    const where = `${dir}/messages.json[${i}] (${raw?.key ?? 'no key'})`;
    if (!raw?.key || keys.has(raw.key)) throw new Error(`${where}: needs a unique key`);
    keys.add(raw.key);
    const message = parseMessage(raw.message);
    if (!message.ok) throw new Error(`${where}: ${message.error}`);
    const unknownFlags = (raw.shows ?? []).filter((c) => !FLAG_CODES.has(c));
    const unknownIndicators = (raw.indicates ?? []).filter(
      (c) => !(INDICATOR_CODES as readonly string[]).includes(c),
    );
    const unknownFiles = (raw.attachments ?? []).filter((k) => !SAMPLE_ATTACHMENTS[k]);
    if (unknownFiles.length) throw new Error(`${where}: unknown attachments ${unknownFiles.join(', ')}`);
    if (unknownFlags.length || unknownIndicators.length) {
      throw new Error(`${where}: unknown codes ${[...unknownFlags, ...unknownIndicators].join(', ')}`);
    }
    const body = raw.bodyLength ? repeatTo(message.value.body, raw.bodyLength) : message.value.body;
    return { ...raw, shows: raw.shows ?? [], message: { ...message.value, body } };
  });

  const rawHistory = readJson(dir, 'history.json');
  const history = parseHistory(rawHistory);
  if (!history.ok) throw new Error(`${dir}/history.json: ${history.error}`);
  const withText = history.value.map((entry, i): HistorySample => {
    const raw = (rawHistory as Array<{ subject?: unknown }>)[i];
    if (typeof entry.body !== 'string' || !entry.body)
      throw new Error(`${dir}/history.json[${i}]: needs a body`);
    return { ...entry, body: entry.body, subject: typeof raw?.subject === 'string' ? raw.subject : '' };
  });
  return { organisation, strategies: parsed.strategies, messages, history: withText };
}

// ---- shifting to the current week ---------------------------------------------------------------

function shiftStrategy(s: Strategy, days: number): Strategy {
  const d = (date: string | undefined): string | undefined => (date ? addDays(date, days) : undefined);
  const out: Strategy = structuredClone(s);
  if (out.spoc?.since) out.spoc.since = addDays(out.spoc.since, days);
  out.reasonableAdjustments = out.reasonableAdjustments.map((a) => {
    const moved = { ...a };
    if (a.agreed) moved.agreed = addDays(a.agreed, days);
    if (a.reviewDate) moved.reviewDate = addDays(a.reviewDate, days);
    return moved;
  });
  for (const key of [
    'warningGiven',
    'notifiedInWriting',
    'startDate',
    'nextReviewDate',
    'lastReviewedDate',
  ] as const) {
    const moved = d(out[key]);
    if (moved) out[key] = moved;
  }
  return out;
}

/** The samples as they are in the sandbox: moved forward by whole weeks to the week before now. */
export function shiftSamples(samples: Samples, now: Date): { samples: Samples; weeks: number } {
  const { referenceInstant, timeZone } = samples.organisation;
  const weeks = weeksSince(referenceInstant, now);
  const moveInstant = (iso: string): string => shiftInstant(iso, weeks, timeZone);
  return {
    weeks,
    samples: {
      organisation: { ...samples.organisation, referenceInstant: moveInstant(referenceInstant) },
      strategies: samples.strategies.map((s) => shiftStrategy(s, weeks * 7)),
      messages: samples.messages.map((m) => ({
        ...m,
        message: { ...m.message, receivedDateTime: moveInstant(m.message.receivedDateTime) },
      })),
      history: samples.history.map((h) => ({ ...h, receivedDateTime: moveInstant(h.receivedDateTime) })),
    },
  };
}

// ---- lists -----------------------------------------------------------------------------------------

/** Graph's columnDefinition as the emulator's seed column. */
function seedColumns(spec: ListSpec): SeedColumn[] {
  const title: SeedColumn = {
    name: 'Title',
    displayName: spec.title.displayName,
    text: {},
    indexed: spec.title.indexed,
  };
  return [title, ...spec.columns.map((c) => columnDefinition(c) as SeedColumn)];
}

/** A `fields` object as seed values: no OData annotations (the seed takes plain arrays), no nulls. */
export function seedFields(fields: Record<string, unknown>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.includes('@odata.') || value === null || value === undefined) continue;
    out[key] = value as FieldValue;
  }
  return out;
}

function logRecordFor(entry: HistorySample, samples: Samples): ContactLogRecord {
  const { organisation } = samples;
  const strategy = samples.strategies.find((s) => s.id === entry.strategyId);
  const handler = organisation.users.find((u) => u.role === 'handler') ?? organisation.users[0];
  const readAt = new Date(Date.parse(entry.receivedDateTime) + 60 * 60 * 1000).toISOString();
  const messageKey = logKey({
    internetMessageId: entry.internetMessageId,
    receivedDateTime: entry.receivedDateTime,
    from: entry.from,
    subject: entry.subject,
  });
  const reader = handler?.upn ?? '';
  return {
    key: decisionKey(messageKey, reader, readAt),
    messageKey,
    entry: 'decision',
    internetMessageId: entry.internetMessageId,
    receivedDateTime: entry.receivedDateTime,
    sender: normaliseAddress(entry.from.address) ?? entry.from.address.toLowerCase(),
    recipients: [organisation.sharedMailbox.upn],
    strategyIds: strategy ? [strategy.id] : [],
    personNames: strategy ? [strategy.personName] : [],
    flagCodes: [],
    indicatorCodes: [],
    answers: {
      newComplaintOrAllegation: false,
      criminalMatter: false,
      safeguardingOrRisk: false,
      otherAction: false,
    },
    reader,
    ...(handler?.displayName ? { readerName: handler.displayName } : {}),
    readAt,
    disposition: 'handled-normally',
    // The log holds the fingerprint, never the body (lancs 3.15).
    fingerprint: fingerprint(entry.body),
  };
}

function lists(samples: Samples): SeedList[] {
  return [
    {
      displayName: STRATEGIES_SCHEMA.displayName,
      writers: 'supervisors',
      columns: seedColumns(STRATEGIES_SCHEMA),
      items: samples.strategies.map((s) => ({ fields: seedFields(strategyToFields(s)) })),
    },
    {
      displayName: CONTACT_LOG_SCHEMA.displayName,
      writers: 'everyone',
      columns: seedColumns(CONTACT_LOG_SCHEMA),
      items: samples.history.map((h) => {
        const record = logRecordFor(h, samples);
        return { fields: seedFields(logRecordToFields(record)), createdDateTime: record.readAt };
      }),
    },
    {
      displayName: SETTINGS_SCHEMA.displayName,
      writers: 'supervisors',
      columns: seedColumns(SETTINGS_SCHEMA),
      items: Object.entries(samples.organisation.settings).map(([name, value]) => ({
        fields: { Title: name, Value: JSON.stringify(value) },
      })),
    },
  ];
}

// ---- mail ------------------------------------------------------------------------------------------

const CATEGORY_COLOURS = [
  'preset0',
  'preset1',
  'preset4',
  'preset7',
  'preset3',
  'preset9',
  'preset5',
  'preset2',
];

/** The add-in's categories, set up in the shared mailbox the way an administrator would. */
function masterCategories(): { displayName: string; color: string }[] {
  return Object.values(DEFAULT_SETTINGS.categories).map((displayName, i) => ({
    displayName,
    color: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] ?? 'preset0',
  }));
}

const address = (m: { name?: string; address: string }) => ({
  emailAddress: m.name ? { name: m.name, address: m.address } : { address: m.address },
});

function seedAttachment(key: string): SeedAttachment {
  const file = SAMPLE_ATTACHMENTS[key]?.();
  if (!file) throw new Error(`no sample attachment ${key}`);
  return {
    kind: file.kind,
    name: file.name,
    contentType: file.contentType,
    contentBase64: Buffer.from(file.bytes).toString('base64'),
  };
}

export function seedMessage(
  m: Message,
  options: { html?: boolean; read?: boolean; categories?: string[] },
): SeedMessage {
  const sent = new Date(Date.parse(m.receivedDateTime) - 60_000).toISOString();
  return {
    folder: 'inbox',
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    from: address(m.from),
    sender: address(m.from),
    toRecipients: m.to.map(address),
    ccRecipients: m.cc.map(address),
    receivedDateTime: m.receivedDateTime,
    sentDateTime: sent,
    body: { contentType: options.html ? 'html' : 'text', content: m.body },
    categories: options.categories ?? [],
    isRead: options.read ?? false,
  };
}

function mailboxes(samples: Samples): SeedMailbox[] {
  const { organisation } = samples;
  const shared = organisation.sharedMailbox.upn.toLowerCase();
  const inMailbox = (upn: string) =>
    samples.messages
      .filter((m) => (m.mailbox ?? shared).toLowerCase() === upn.toLowerCase())
      .map((m) => ({
        ...seedMessage(m.message, { html: m.bodyType === 'html' }),
        ...(m.attachments ? { attachments: m.attachments.map(seedAttachment) } : {}),
      }));
  // Earlier contacts were read and triaged already: in the inbox, read, categorised.
  const earlier = samples.history.map((h) =>
    seedMessage(
      {
        internetMessageId: h.internetMessageId,
        receivedDateTime: h.receivedDateTime,
        from: h.from,
        to: [{ name: organisation.sharedMailbox.displayName, address: organisation.sharedMailbox.upn }],
        cc: [],
        subject: h.subject,
        body: h.body,
      },
      { read: true, categories: [DEFAULT_SETTINGS.categories.read] },
    ),
  );
  return [
    {
      upn: organisation.sharedMailbox.upn,
      displayName: organisation.sharedMailbox.displayName,
      shared: true,
      members: organisation.users.map((u) => u.upn),
      // Granted by an administrator (docs/deploy.md): escalations are forwarded from this mailbox.
      sendAs: organisation.users.map((u) => u.upn),
      folders: [{ displayName: 'Inbox', wellKnownName: 'inbox' }],
      masterCategories: masterCategories(),
      messages: [...inMailbox(shared), ...earlier],
    },
    // A user's own master list starts without the add-in's categories: the pane adds them at
    // start-up (Graph, MailboxSettings.ReadWrite), as it must in a real tenant. The shared
    // mailbox's list is an administrator's job (docs/deploy.md), so it is seeded complete.
    ...organisation.users.map((u) => ({
      upn: u.upn,
      displayName: u.displayName,
      messages: inMailbox(u.upn),
    })),
  ];
}

// ---- the seed --------------------------------------------------------------------------------------

export function buildSeed(
  original: Samples,
  now: Date,
): { seed: EmulatorSeed; info: SandboxInfo; samples: Samples } {
  const { samples, weeks } = shiftSamples(original, now);
  const { organisation } = samples;
  const seed: EmulatorSeed = {
    users: organisation.users.map((u) => ({
      upn: u.upn,
      displayName: u.displayName,
      supervisor: u.role === 'supervisor',
    })),
    sites: [{ ...organisation.site, lists: lists(samples) }],
    mailboxes: mailboxes(samples),
  };
  const info: SandboxInfo = {
    users: organisation.users,
    sharedMailbox: organisation.sharedMailbox,
    site: { hostname: organisation.site.hostname, path: organisation.site.path },
    timeZone: organisation.timeZone,
    shiftedWeeks: weeks,
  };
  return { seed, info, samples };
}
