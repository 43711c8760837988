// Contact-log rows about one message, as core's message-status reads them: decisions (with what
// their mail plan did) and light "being read" claims. Beside schema.ts, which maps whole records.
import type { MessageLogRow } from '../core/message-status';
import { DISPOSITION_KINDS, isOneOf } from '../core/types';
import { ColumnFormatError, logRowKind } from './schema';
import type { MessageClaim } from './types';

/** The fields of a claim row: who started reading which message, and when. */
export function claimToFields(c: MessageClaim): Record<string, unknown> {
  return {
    Title: c.key,
    Key: c.key,
    MessageKey: c.messageKey,
    Entry: 'claim',
    Reader: c.reader,
    ReaderName: c.readerName ?? null,
    ReadAt: c.at,
  };
}

/** The columns the per-message status needs. */
export const MESSAGE_ROW_COLUMNS = [
  'Key',
  'MessageKey',
  'Entry',
  'Reader',
  'ReaderName',
  'ReadAt',
  'Disposition',
  'Folder',
  'ForwardedTo',
] as const;

function text(fields: Record<string, unknown>, column: string): string | undefined {
  const v = fields[column];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function required(fields: Record<string, unknown>, column: string): string {
  const v = text(fields, column);
  if (v === undefined) throw new ColumnFormatError(column, 'is empty');
  return v;
}

/** A row about one message (decision or claim), ordered by its list item id. */
export function fieldsToMessageRow(itemId: string, fields: Record<string, unknown>): MessageLogRow {
  const order = Number(itemId);
  if (!Number.isFinite(order)) throw new ColumnFormatError('id', `is not a number (${itemId})`);
  const readerName = text(fields, 'ReaderName');
  const base = {
    key: required(fields, 'Key'),
    order,
    reader: text(fields, 'Reader') ?? '',
    at: required(fields, 'ReadAt'),
    ...(readerName ? { readerName } : {}),
  };
  const kind = logRowKind(fields);
  if (kind === 'claim') return { kind, ...base };
  if (kind === 'outbound-override')
    throw new ColumnFormatError('Entry', 'is an outbound override, not a row about a received message');
  const disposition = required(fields, 'Disposition');
  if (!isOneOf(DISPOSITION_KINDS, disposition))
    throw new ColumnFormatError('Disposition', `unknown value ${JSON.stringify(disposition)}`);
  const folder = text(fields, 'Folder');
  const forwardedTo = text(fields, 'ForwardedTo');
  return {
    kind,
    ...base,
    disposition,
    ...(folder ? { folder } : {}),
    ...(forwardedTo ? { forwardedTo } : {}),
  };
}
