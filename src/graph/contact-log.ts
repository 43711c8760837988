// The "Contact Log" list as a ContactLogRepository.
// append() is idempotent on record.key: it looks the key up (indexed column) before creating,
// and after an ambiguous failure (no answer, or a 5xx after the body went out) it looks again
// before sending the create a second time: a retry never makes a second row.
// history() reads the rows of several senders in one $batch; the rows it sees also tell a later
// append() whether its key already exists, so a triage costs two Graph requests (history, then
// the create) instead of three.
import { normaliseAddress } from '../core/address';
import type { ContactLogRecord, HistoryEntry } from '../core/types';
import { batch, type BatchRequest } from './batch';
import type { GraphClient, GraphPage } from './client';
import { GraphRequestError } from './errors';
import { and, compare, eq, expandFields, withQuery } from './odata';
import {
  ColumnFormatError,
  HISTORY_COLUMNS,
  CONTACT_LOG_SCHEMA,
  fieldsToHistoryEntry,
  fieldsToLogRecord,
  logRecordToFields,
  selectColumns,
  withoutNulls,
} from './schema';
import type { ContactLogRepository, RejectedRow } from './types';

interface LogItem {
  id: string;
  fields?: Record<string, unknown>;
}

export interface ContactLogOptions {
  client: GraphClient;
  listPath: () => Promise<string>;
  scopes: readonly string[];
  pageSize?: number;
  /** Rounds of (re-check, create) after ambiguous failures before giving up. */
  maxAppendAttempts?: number;
  /**
   * How long what history() saw counts as knowing a key is absent, so append() can skip its
   * look-up. Zero turns the shortcut off.
   */
  absenceFreshMs?: number;
  now?: () => number;
  /** A strategy's addresses, so forStrategy also finds rows where it was not the first match. */
  strategyAddresses?: (strategyId: string) => readonly string[] | undefined;
}

export interface SharePointContactLog extends ContactLogRepository {
  /** Rows the last history()/forStrategy() could not read, with the column named. */
  rejectedRows(): RejectedRow[];
}

/** The sender as the log stores it (core/log.ts): normalised, or trimmed and lower-cased. */
function logSender(address: string): string {
  return normaliseAddress(address) ?? address.trim().toLowerCase();
}

/** An instant for a filter literal: UTC, whole seconds (rounded down, so `ge` loses nothing). */
function filterInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`Not an ISO instant: ${JSON.stringify(iso)}`);
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function createContactLog(options: ContactLogOptions): SharePointContactLog {
  const { client, scopes } = options;
  const pageSize = options.pageSize ?? 500;
  const maxAttempts = options.maxAppendAttempts ?? 5;
  const freshMs = options.absenceFreshMs ?? 10 * 60_000;
  const now = options.now ?? (() => Date.now());
  const historyExpand = expandFields(HISTORY_COLUMNS);
  const fullExpand = expandFields(selectColumns(CONTACT_LOG_SCHEMA));

  /** Keys seen in the list (by us or in rows we read). */
  const knownKeys = new Set<string>();
  /** sender → what history() covered and when. */
  const covered = new Map<string, { sinceMs: number; at: number }>();
  let rejected: RejectedRow[] = [];

  async function keyExists(list: string, key: string): Promise<boolean> {
    const page = await client.request<GraphPage<LogItem>>({
      url: withQuery(`${list}/items`, { $expand: 'fields($select=Key)', $filter: eq('Key', key), $top: 1 }),
      scopes,
    });
    const found = page.value.length > 0;
    if (found) knownKeys.add(key);
    return found;
  }

  /** Whether a recent history() read this sender's rows back past this message, finding no key. */
  function knownAbsent(record: ContactLogRecord): boolean {
    const c = covered.get(logSender(record.sender));
    const received = Date.parse(record.receivedDateTime);
    return c !== undefined && now() - c.at <= freshMs && !Number.isNaN(received) && c.sinceMs <= received;
  }

  async function append(record: ContactLogRecord): Promise<'created' | 'exists'> {
    if (knownKeys.has(record.key)) return 'exists';
    const list = await options.listPath();
    if (!knownAbsent(record) && (await keyExists(list, record.key))) return 'exists';
    const body = { fields: withoutNulls(logRecordToFields(record)) };
    for (let attempt = 1; ; attempt++) {
      try {
        await client.request({ method: 'POST', url: `${list}/items`, body, scopes });
        knownKeys.add(record.key);
        return 'created';
      } catch (err) {
        if (!(err instanceof GraphRequestError) || !err.ambiguous || attempt >= maxAttempts) throw err;
        // The create may have been carried out though its answer was lost.
        if (await keyExists(list, record.key)) return 'created';
      }
    }
  }

  function note(item: LogItem, err: unknown): void {
    if (err instanceof ColumnFormatError)
      rejected.push({ itemId: item.id, message: `Contact log row ${item.id}: ${err.message}` });
    else throw err;
  }

  /** Every page for each query: the first pages in one $batch, later pages by their nextLink. */
  async function collect(list: string, filters: string[], expand: string): Promise<LogItem[]> {
    const urls = filters.map((f) =>
      withQuery(`${list}/items`, { $expand: expand, $filter: f, $top: pageSize }),
    );
    const firstPages: GraphPage<LogItem>[] = [];
    if (urls.length === 1) {
      firstPages.push(await client.request<GraphPage<LogItem>>({ url: urls[0] as string, scopes }));
    } else {
      const requests: BatchRequest[] = urls.map((url, i) => ({ id: String(i + 1), method: 'GET', url }));
      const results = await batch(client, requests, { scopes });
      for (const r of requests) {
        const res = results.get(r.id);
        if (!res || res.status < 200 || res.status >= 300) {
          const error = (res?.body as { error?: { code?: string; message?: string } } | undefined)?.error;
          throw new GraphRequestError({
            status: res?.status ?? 0,
            code: error?.code ?? '',
            message: error?.message ?? 'Reading the contact log failed',
            method: 'GET',
          });
        }
        firstPages.push(res.body as GraphPage<LogItem>);
      }
    }
    const items: LogItem[] = [];
    for (const first of firstPages) {
      items.push(...(first.value ?? []));
      const next = first['@odata.nextLink'];
      if (next)
        for await (const page of client.pages<LogItem>({ url: next, scopes })) items.push(...page.value);
    }
    return items;
  }

  async function history(senderAddresses: readonly string[], sinceIso: string): Promise<HistoryEntry[]> {
    const senders = [...new Set(senderAddresses.map(logSender).filter((s) => s.length > 0))];
    if (senders.length === 0) return [];
    const since = filterInstant(sinceIso);
    const started = now();
    const list = await options.listPath();
    const items = await collect(
      list,
      senders.map((s) => and(eq('Sender', s), compare('ReceivedDateTime', 'ge', since))),
      historyExpand,
    );
    rejected = [];
    const byKey = new Map<string, HistoryEntry>();
    for (const item of items) {
      const fields = item.fields ?? {};
      if (typeof fields['Key'] === 'string') knownKeys.add(fields['Key']);
      try {
        byKey.set(
          typeof fields['Key'] === 'string' ? fields['Key'] : `item:${item.id}`,
          fieldsToHistoryEntry(fields),
        );
      } catch (err) {
        note(item, err);
      }
    }
    for (const s of senders) covered.set(s, { sinceMs: Date.parse(since), at: started });
    return [...byKey.values()].sort(
      (a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime),
    );
  }

  async function forStrategy(strategyId: string, sinceIso: string): Promise<ContactLogRecord[]> {
    const since = filterInstant(sinceIso);
    const list = await options.listPath();
    const after = compare('ReceivedDateTime', 'ge', since);
    const addresses = [...new Set((options.strategyAddresses?.(strategyId) ?? []).map(logSender))];
    // Rows where it was the first match, and rows from its person where it was a later one.
    const filters = [
      and(eq('StrategyId', strategyId), after),
      ...addresses.map((a) => and(eq('Sender', a), after)),
    ];
    const items = await collect(list, filters, fullExpand);
    rejected = [];
    const byKey = new Map<string, ContactLogRecord>();
    for (const item of items) {
      try {
        const record = fieldsToLogRecord(item.fields ?? {});
        knownKeys.add(record.key);
        if (record.strategyIds.includes(strategyId)) byKey.set(record.key, record);
      } catch (err) {
        note(item, err);
      }
    }
    return [...byKey.values()].sort(
      (a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime),
    );
  }

  return { append, history, forStrategy, rejectedRows: () => [...rejected] };
}
