// The "Contact Log" list as a ContactLogRepository. One row per decision, never per message.
// append() is idempotent on the decision's key: it looks the key up (indexed column) before
// creating, and after an ambiguous failure (no answer, or a 5xx after the body went out) it looks
// again before sending the create a second time: a retry never makes a second row. There is no
// "known absent" shortcut: a key is looked up before every create, because in a shared mailbox
// two panes deciding on the same message at once is the normal case.
// Every query filters on one indexed column only (SharePoint uses one index per list-item filter
// once a list passes the 5,000-item view threshold); the rest is filtered here.
// A new decision that forwards or moves goes in one $batch with the read-back of its message's
// rows (dependsOn: read only once the row is in), which the forward/move-once check then uses
// instead of a second round trip.
// forMessage() reads one message's rows (decisions and "being read" claims) for core's
// message-status; claim() writes a claim without a look-up (a duplicate claim is harmless).
import { logAddress, type OutboundOverrideRecord } from '../core/log';
import { isAboutPerson, isOverrideAboutPerson } from '../core/register/person';
import type { MessageLogRow } from '../core/message-status';
import type { ContactLogRecord, HistoryEntry } from '../core/types';
import { batch, type BatchRequest } from './batch';
import type { GraphClient, GraphPage } from './client';
import { GraphRequestError } from './errors';
import { claimToFields, fieldsToMessageRow, MESSAGE_ROW_COLUMNS } from './log-rows';
import { eq, expandFields, withQuery } from './odata';
import {
  ColumnFormatError,
  HISTORY_COLUMNS,
  CONTACT_LOG_SCHEMA,
  fieldsToHistoryEntry,
  fieldsToLogRecord,
  fieldsToOverrideRecord,
  logRowKind,
  logRecordToFields,
  selectColumns,
  withoutNulls,
} from './schema';
import type {
  AppendOptions,
  ContactLogRepository,
  MessageClaim,
  PersonLog,
  PersonLogQuery,
  RejectedRow,
} from './types';

interface LogItem {
  id: string;
  fields?: Record<string, unknown>;
}

/** Claims and outbound overrides carry no decision on a received message. */
function isDecisionRow(fields: Record<string, unknown>): boolean {
  const kind = logRowKind(fields);
  return kind !== 'claim' && kind !== 'outbound-override';
}

export interface ContactLogOptions {
  client: GraphClient;
  listPath: () => Promise<string>;
  scopes: readonly string[];
  pageSize?: number;
  /** Rounds of (re-check, create) after ambiguous failures before giving up. */
  maxAppendAttempts?: number;
  /** A strategy's addresses, so forStrategy also finds rows where it was not the first match. */
  strategyAddresses?: (strategyId: string) => readonly string[] | undefined;
}

export interface SharePointContactLog extends ContactLogRepository {
  /** Rows the last history()/forStrategy()/forPerson() could not read, with the column named. */
  rejectedRows(): RejectedRow[];
}

/** An instant as epoch ms; NaN-safe for rows whose column is missing or mangled. */
function instantMs(iso: unknown): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

function sinceMs(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`Not an ISO instant: ${JSON.stringify(iso)}`);
  return t;
}

export function createContactLog(options: ContactLogOptions): SharePointContactLog {
  const { client, scopes } = options;
  const pageSize = options.pageSize ?? 500;
  const maxAttempts = options.maxAppendAttempts ?? 5;
  const historyExpand = expandFields(HISTORY_COLUMNS);
  const fullExpand = expandFields(selectColumns(CONTACT_LOG_SCHEMA));
  const messageExpand = expandFields(MESSAGE_ROW_COLUMNS);

  /** Decision keys this pane has seen confirmed in the list. */
  const knownKeys = new Set<string>();
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

  /**
   * Creates a row once: looked up first, and again after an ambiguous failure. A decision never
   * sent before cannot be in the list (its key holds the instant of this reader's decision), so
   * its first create skips the look-up.
   */
  async function createOnce(
    key: string,
    fields: Record<string, unknown>,
    neverSent: boolean,
  ): Promise<'created' | 'exists'> {
    if (knownKeys.has(key)) return 'exists';
    const list = await options.listPath();
    if (!neverSent && (await keyExists(list, key))) return 'exists';
    const body = { fields: withoutNulls(fields) };
    for (let attempt = 1; ; attempt++) {
      try {
        await client.request({ method: 'POST', url: `${list}/items`, body, scopes });
        knownKeys.add(key);
        return 'created';
      } catch (err) {
        if (!(err instanceof GraphRequestError)) throw err;
        // A list that enforces unique keys refuses the second create of a decision: it is there.
        if (err.status === 409) {
          knownKeys.add(key);
          return 'exists';
        }
        if (!err.ambiguous || attempt >= maxAttempts) throw err;
        // The create may have been carried out though its answer was lost.
        if (await keyExists(list, key)) return 'created';
      }
    }
  }

  async function append(record: ContactLogRecord, how: AppendOptions = {}): Promise<'created' | 'exists'> {
    const fields = logRecordToFields(record);
    // A decision that forwards or moves is read back with its message's rows right after it is
    // written (who acts first), so both go in one $batch. Any other outcome takes the careful
    // path, which looks the key up first: the create may have been carried out.
    if (how.neverSent === true && (record.forwardedTo || record.folder) && !knownKeys.has(record.key)) {
      const fast = await createAndReadBack(record.key, record.messageKey, fields).catch(() => null);
      if (fast) return fast;
      // The create may have been carried out though its answer was lost: then it was ours.
      if (await keyExists(await options.listPath(), record.key)) return 'created';
      return createOnce(record.key, fields, true);
    }
    return createOnce(record.key, fields, how.neverSent === true);
  }

  /** A message's rows read in the same round trip as a decision on it, for forMessage to use once. */
  const readBack = new Map<string, { rows: MessageLogRow[]; at: number }>();
  const READ_BACK_FRESH_MS = 10_000;

  /**
   * One $batch: the row, then (dependsOn: run only once it is in) the message's rows by
   * MessageKey and by Key. Null when the create's outcome is not known.
   */
  async function createAndReadBack(
    key: string,
    messageKey: string,
    fields: Record<string, unknown>,
  ): Promise<'created' | 'exists' | null> {
    const list = await options.listPath();
    const reads = [eq('MessageKey', messageKey), eq('Key', messageKey)].map((filter, i): BatchRequest => ({
      id: `read${i}`,
      method: 'GET',
      url: withQuery(`${list}/items`, { $expand: messageExpand, $filter: filter, $top: pageSize }),
      dependsOn: ['row'],
    }));
    const results = await batch(
      client,
      [{ id: 'row', method: 'POST', url: `${list}/items`, body: { fields: withoutNulls(fields) } }, ...reads],
      { scopes },
    );
    const status = results.get('row')?.status ?? 0;
    if (status === 409) {
      knownKeys.add(key);
      return 'exists';
    }
    if (status < 200 || status >= 300) return null;
    knownKeys.add(key);
    const pages = reads.map((r) => results.get(r.id));
    if (pages.every((p) => p && p.status >= 200 && p.status < 300)) {
      const bodies = pages.map((p) => p?.body as GraphPage<LogItem>);
      // A second page would need another request: leave it to forMessage.
      if (bodies.every((b) => !b['@odata.nextLink']))
        readBack.set(messageKey, {
          rows: toMessageRows(bodies.flatMap((b) => b.value ?? [])),
          at: Date.now(),
        });
    }
    return 'created';
  }

  async function claim(input: MessageClaim): Promise<void> {
    const list = await options.listPath();
    await client.request({
      method: 'POST',
      url: `${list}/items`,
      body: { fields: withoutNulls(claimToFields(input)) },
      scopes,
    });
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
    const senders = [...new Set(senderAddresses.map(logAddress).filter((s) => s.length > 0))];
    if (senders.length === 0) return [];
    const since = sinceMs(sinceIso);
    const list = await options.listPath();
    // Sender alone: the look-back is filtered here (two indexed columns in one filter fail above
    // the list view threshold).
    const items = await collect(
      list,
      senders.map((s) => eq('Sender', s)),
      historyExpand,
    );
    rejected = [];
    // Several decisions on one message are one contact.
    const byMessage = new Map<string, HistoryEntry>();
    for (const item of items) {
      const fields = item.fields ?? {};
      try {
        if (!isDecisionRow(fields)) continue;
        const entry = fieldsToHistoryEntry(fields);
        if (instantMs(entry.receivedDateTime) < since) continue;
        const key = messageKeyOf(fields) ?? `item:${item.id}`;
        if (!byMessage.has(key)) byMessage.set(key, entry);
      } catch (err) {
        note(item, err);
      }
    }
    return [...byMessage.values()].sort(
      (a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime),
    );
  }

  async function forStrategy(strategyId: string, sinceIso: string): Promise<ContactLogRecord[]> {
    const since = sinceMs(sinceIso);
    const list = await options.listPath();
    const addresses = [...new Set((options.strategyAddresses?.(strategyId) ?? []).map(logAddress))];
    // Rows where it was the first match, and rows from its person where it was a later one.
    const filters = [eq('StrategyId', strategyId), ...addresses.map((a) => eq('Sender', a))];
    const items = await collect(list, filters, fullExpand);
    rejected = [];
    // The message's current state is its latest decision (a second read supersedes the first).
    const byMessage = new Map<string, { record: ContactLogRecord; order: number }>();
    for (const item of items) {
      const fields = item.fields ?? {};
      try {
        if (!isDecisionRow(fields)) continue;
        if (instantMs(fields['ReceivedDateTime']) < since) continue;
        const record = fieldsToLogRecord(fields);
        if (!record.strategyIds.includes(strategyId)) continue;
        knownKeys.add(record.key);
        const order = Number(item.id);
        const held = byMessage.get(record.messageKey);
        if (!held || held.order < order) byMessage.set(record.messageKey, { record, order });
      } catch (err) {
        note(item, err);
      }
    }
    return [...byMessage.values()]
      .map((v) => v.record)
      .sort((a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime));
  }

  /**
   * Every decision the log holds about a person (a subject access request): one query per
   * strategy id (indexed StrategyId) and one per address (indexed Sender), each paged to the end,
   * merged by list item. Every decision is kept, not only a message's latest; claims and outbound
   * overrides are not decisions on the person's mail. Oldest first, a message's decisions in the
   * order they were written.
   */
  async function forPerson(person: PersonLogQuery): Promise<PersonLog> {
    const list = await options.listPath();
    const senders = [...new Set([...person.addresses, ...person.advocateAddresses].map(logAddress))];
    const filters = [...new Set(person.strategyIds)].map((id) => eq('StrategyId', id));
    filters.push(...senders.filter((a) => a.length > 0).map((a) => eq('Sender', a)));
    if (filters.length === 0) return { records: [], overrides: [], unreadable: [] };
    // Mail the force sent them past a send-guard warning names them only in Recipients and
    // StrategyIds (its Sender is the member of staff), which cannot be indexed: read every
    // override on the indexed Entry column and keep theirs.
    filters.push(eq('Entry', 'outbound-override'));
    const items = await collect(list, filters, fullExpand);
    rejected = [];
    const byItem = new Map<string, { record: ContactLogRecord; order: number }>();
    const overrides: OutboundOverrideRecord[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      // A row can answer two queries (its strategy and its sender): it is one row.
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      const fields = item.fields ?? {};
      try {
        if (logRowKind(fields) === 'outbound-override') {
          const override = fieldsToOverrideRecord(fields);
          if (isOverrideAboutPerson(person, override)) overrides.push(override);
          continue;
        }
        if (!isDecisionRow(fields)) continue;
        const record = fieldsToLogRecord(fields);
        // An advocate's mail about someone else came back from the advocate's address.
        if (!isAboutPerson(person, record)) continue;
        byItem.set(item.id, { record, order: Number(item.id) });
      } catch (err) {
        note(item, err);
      }
    }
    const records = [...byItem.values()]
      .sort(
        (a, b) =>
          Date.parse(a.record.receivedDateTime) - Date.parse(b.record.receivedDateTime) || a.order - b.order,
      )
      .map((v) => v.record);
    overrides.sort((a, b) => a.alertedAt.localeCompare(b.alertedAt));
    return { records, overrides, unreadable: [...rejected] };
  }

  /**
   * Every row about one message: by MessageKey, and by Key for rows written before one row per
   * decision (their Key was the message's). Both queries go in one $batch: one round trip.
   */
  async function forMessage(messageKey: string): Promise<MessageLogRow[]> {
    const held = readBack.get(messageKey);
    readBack.delete(messageKey);
    if (held && Date.now() - held.at < READ_BACK_FRESH_MS) return held.rows;
    const list = await options.listPath();
    return toMessageRows(
      await collect(list, [eq('MessageKey', messageKey), eq('Key', messageKey)], messageExpand),
    );
  }

  function toMessageRows(items: readonly LogItem[]): MessageLogRow[] {
    const byId = new Map<string, MessageLogRow>();
    for (const item of items) {
      try {
        byId.set(item.id, fieldsToMessageRow(item.id, item.fields ?? {}));
      } catch (err) {
        // An unreadable row cannot say who decided; it must not hide the others.
        note(item, err);
      }
    }
    for (const row of byId.values()) if (row.kind !== 'claim') knownKeys.add(row.key);
    return [...byId.values()].sort((a, b) => a.order - b.order);
  }

  return {
    append,
    claim,
    history,
    forStrategy,
    forPerson,
    forMessage,
    rejectedRows: () => [...rejected],
  };
}

function messageKeyOf(fields: Record<string, unknown>): string | undefined {
  const v = fields['MessageKey'] ?? fields['Key'];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
