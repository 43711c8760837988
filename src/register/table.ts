// A spreadsheet file → the table of cells core's register import reads. The same code serves the
// `triage import` command and the pane's upload, so both accept exactly the same files.
// .xlsx through read-excel-file (its `universal` entry takes an ArrayBuffer in Node and the
// browser alike), .csv through papaparse (quoted cells with line breaks, a byte-order mark).
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import type { Cell } from '../core/register/cells';
import { uncsvCell } from '../core/register/exports';

export type FileKind = 'xlsx' | 'csv';

export type TableRead = { ok: true; table: Cell[][] } | { ok: false; error: string };

/** The kind by file name; anything else is refused with the kinds that are read. */
export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

export const KINDS_READ = '.xlsx or .csv (an older .xls: save it as .xlsx first)';

/** CSV text → rows of text cells. Our own exports' formula guard (a leading apostrophe) is undone. */
export function csvTable(text: string): TableRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  // Papaparse reports an unclosed quote and carries on; a table read wrongly is worse than none.
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal !== undefined) {
    return { ok: false, error: `row ${(fatal.row ?? 0) + 1}: ${fatal.message.toLowerCase()}` };
  }
  return { ok: true, table: parsed.data.map((row) => row.map(uncsvCell)) };
}

/** A cell as read-excel-file gives it (its typings say `typeof Date`; the value is a Date). */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/** The first sheet of a workbook → rows of cells; a file that is not a workbook gets one sentence. */
export async function xlsxTable(bytes: ArrayBuffer): Promise<TableRead> {
  try {
    const sheets = await readXlsxFile(bytes);
    const first = sheets[0];
    if (first === undefined) return { ok: false, error: 'the workbook has no sheets' };
    return { ok: true, table: first.data.map((row) => row.map(toCell)) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `not a readable .xlsx workbook (${why})` };
  }
}

/** A file's bytes → its table, by the kind its name says. */
export async function readTable(name: string, bytes: ArrayBuffer): Promise<TableRead> {
  const kind = fileKind(name);
  if (kind === null) return { ok: false, error: `${name}: expected ${KINDS_READ}` };
  if (kind === 'csv') return csvTable(new TextDecoder('utf-8').decode(bytes));
  return xlsxTable(bytes);
}
