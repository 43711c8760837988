// What the pane and the register dialog say to each other. The dialog has no mailbox and no Graph
// (Office dialog API), so the pane builds the rows with core's registerRows and sends them with
// messageChild once the dialog says it is ready (messageParent). A review pack and a person's log
// are asked for when the supervisor wants them (the log is read then, not for every row at once).
// Messages are JSON strings, as the dialog API carries nothing else.
import type { Table } from '../../core/register/exports';
import type { RegisterRow } from '../../core/register/register';
import type { ReviewPack } from '../../core/supervisor';

export const REGISTER_PAGE = 'register.html';

/** What the dialog can ask for: the rows, one strategy's review pack, one person's whole log. */
export type Request = { kind: 'pack'; id: string } | { kind: 'person-log'; id: string };

/** A person's subject access export: whose, which strategies it covers, and what could not be read. */
export interface PersonExport {
  personName: string;
  strategyIds: string[];
  table: Table;
  /** Why each unreadable row of theirs is missing from the table. */
  unreadable: string[];
}

export type FromDialog =
  { type: 'cst-register'; kind: 'ready' } | { type: 'cst-register'; kind: 'ask'; request: Request };

export type ToDialog =
  | { type: 'cst-register'; kind: 'rows'; rows: RegisterRow[] }
  | { type: 'cst-register'; kind: 'failed'; message: string }
  | { type: 'cst-register'; kind: 'pack'; id: string; pack: ReviewPack; table: Table }
  | { type: 'cst-register'; kind: 'person-log'; id: string; export: PersonExport }
  | { type: 'cst-register'; kind: 'refused'; request: Request; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) && value.type === 'cst-register' ? value : null;
  } catch {
    return null;
  }
}

function readRequest(v: unknown): Request | null {
  if (!isObject(v) || typeof v.id !== 'string') return null;
  if (v.kind === 'pack') return { kind: 'pack', id: v.id };
  if (v.kind === 'person-log') return { kind: 'person-log', id: v.id };
  return null;
}

export function readFromDialog(text: string): FromDialog | null {
  const m = parse(text);
  if (m?.kind === 'ready') return { type: 'cst-register', kind: 'ready' };
  const request = m?.kind === 'ask' ? readRequest(m.request) : null;
  return request ? { type: 'cst-register', kind: 'ask', request } : null;
}

function isNextReview(v: unknown): v is RegisterRow['review'] {
  if (!isObject(v)) return false;
  if (v.kind === 'due') return typeof v.date === 'string' && typeof v.overdue === 'boolean';
  if (v.kind === 'ended') return v.on === undefined || typeof v.on === 'string';
  return v.kind === 'not-set';
}

/** A row as the pane sends it; anything else is refused rather than drawn half-right. */
function isRow(v: unknown): v is RegisterRow {
  return (
    isObject(v) &&
    isNextReview(v.review) &&
    typeof v.id === 'string' &&
    typeof v.personName === 'string' &&
    typeof v.status === 'string' &&
    Array.isArray(v.kinds) &&
    Array.isArray(v.adjustmentReviews) &&
    typeof v.since === 'string' &&
    typeof v.contacts === 'number' &&
    typeof v.breaches === 'number' &&
    Array.isArray(v.weeks)
  );
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isTable(v: unknown): v is Table {
  return isObject(v) && isStrings(v.headers) && Array.isArray(v.rows) && v.rows.every(isStrings);
}

function isPack(v: unknown): v is ReviewPack {
  return (
    isObject(v) &&
    typeof v.strategyId === 'string' &&
    typeof v.personName === 'string' &&
    typeof v.since === 'string' &&
    typeof v.contacts === 'number' &&
    Array.isArray(v.breaches) &&
    isObject(v.byDisposition) &&
    isObject(v.byFlag) &&
    isObject(v.byIndicator)
  );
}

function isPersonExport(v: unknown): v is PersonExport {
  return (
    isObject(v) &&
    typeof v.personName === 'string' &&
    isStrings(v.strategyIds) &&
    isTable(v.table) &&
    isStrings(v.unreadable)
  );
}

export function readToDialog(text: string): ToDialog | null {
  const m = parse(text);
  if (m?.kind === 'failed' && typeof m.message === 'string')
    return { type: 'cst-register', kind: 'failed', message: m.message };
  if (m?.kind === 'rows' && Array.isArray(m.rows) && m.rows.every(isRow))
    return { type: 'cst-register', kind: 'rows', rows: m.rows };
  if (m?.kind === 'pack' && typeof m.id === 'string' && isPack(m.pack) && isTable(m.table))
    return { type: 'cst-register', kind: 'pack', id: m.id, pack: m.pack, table: m.table };
  if (m?.kind === 'person-log' && typeof m.id === 'string' && isPersonExport(m.export))
    return { type: 'cst-register', kind: 'person-log', id: m.id, export: m.export };
  const request = m?.kind === 'refused' ? readRequest(m.request) : null;
  if (request && typeof m?.message === 'string')
    return { type: 'cst-register', kind: 'refused', request, message: m.message };
  return null;
}
