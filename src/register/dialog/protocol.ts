// What the pane and the register dialog say to each other. The dialog has no mailbox and no Graph
// (Office dialog API), so the pane builds the rows with core's registerRows and sends them with
// messageChild once the dialog says it is ready (messageParent). Messages are JSON strings.
import type { RegisterRow } from '../../core/register/register';

export const REGISTER_PAGE = 'register.html';

export type FromDialog = { type: 'cst-register'; kind: 'ready' };
export type ToDialog =
  | { type: 'cst-register'; kind: 'rows'; rows: RegisterRow[] }
  | { type: 'cst-register'; kind: 'failed'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) && value.type === 'cst-register' ? value : null;
  } catch {
    return null;
  }
}

export function isReady(text: string): boolean {
  return parse(text)?.kind === 'ready';
}

/** A row as the pane sends it; anything else is refused rather than drawn half-right. */
function isRow(v: unknown): v is RegisterRow {
  return (
    isObject(v) &&
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

export function readToDialog(text: string): ToDialog | null {
  const m = parse(text);
  if (m?.kind === 'failed' && typeof m.message === 'string')
    return { type: 'cst-register', kind: 'failed', message: m.message };
  if (m?.kind === 'rows' && Array.isArray(m.rows) && m.rows.every(isRow))
    return { type: 'cst-register', kind: 'rows', rows: m.rows };
  return null;
}
