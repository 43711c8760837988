// An uploaded spreadsheet → what importing it would do to the list as it is now. The same reader
// (register/table: papaparse, read-excel-file), the same row checks (core's importSheet) and the
// same plan (core's planImport) as `triage import`, and the same words (register/import-report).
// The pane loads this module with a dynamic import, so the readers are a chunk fetched on the
// first upload and never part of the pane's first bundle.
import { importSheet, planImport, type ImportStep, type SheetImport } from '../../../core/register/import';
import type { Strategy } from '../../../core/types';
import type { CreateOutcome } from '../../../graph/strategy-import';
import type { StrategySnapshot } from '../../../graph/types';
import {
  conflictNotes,
  count,
  noteLine,
  outcomeNotes,
  planPhrase,
  problemNotes,
  unknownHeadingsLine,
  unreadRowsLine,
  writtenPhrase,
} from '../../../register/import-report';
import { fileKind, KINDS_READ, readTable } from '../../../register/table';

/** A row the import would create, or finds already on the list as it is in the file. */
export interface PreviewRow {
  row: number;
  id: string;
  person: string;
}

export type ImportPreview =
  | { kind: 'unreadable'; error: string }
  | {
      kind: 'planned';
      file: string;
      /** "strategies.csv: 5 rows read. Plan: 5 new strategies, 0 unchanged, …". */
      summary: string;
      steps: ImportStep[];
      create: PreviewRow[];
      unchanged: PreviewRow[];
      /** Each line `row N, Column: …` as `triage import` prints it. */
      conflicts: string[];
      problems: string[];
      /** Headings not read, and rows on the list that could not be compared. */
      notes: string[];
    };

/**
 * Reads the file first (a file that cannot be read costs no request), then the list, and plans.
 * `listNow` failing rejects: the caller says the list could not be read.
 */
export async function previewImport(
  name: string,
  bytes: ArrayBuffer,
  listNow: () => Promise<StrategySnapshot>,
): Promise<ImportPreview> {
  // The kind first, as the command does, so the sentence names the file once.
  if (fileKind(name) === null) return { kind: 'unreadable', error: `expected ${KINDS_READ}` };
  const table = await readTable(name, bytes);
  if (!table.ok) return { kind: 'unreadable', error: table.error };
  const sheet = importSheet(table.table);
  if (sheet.rowsRead === 0 && sheet.problems.length > 0) {
    // No headings, or not the template's: nothing to compare with the list.
    return plannedFrom(name, sheet, [], []);
  }
  const snapshot = await listNow();
  const existing = new Map<string, Strategy>(snapshot.strategies.map((s) => [s.id, s]));
  const steps = planImport(sheet.strategies, existing);
  const unread =
    snapshot.rejected.length > 0
      ? [unreadRowsLine(snapshot.rejected.length, 'an administrator can check the list')]
      : [];
  return plannedFrom(name, sheet, steps, unread);
}

function plannedFrom(file: string, sheet: SheetImport, steps: ImportStep[], unread: string[]): ImportPreview {
  const person = new Map(sheet.strategies.map((r) => [r.row, r.strategy.personName]));
  const rowOf = (s: ImportStep): PreviewRow => ({
    row: s.row,
    id: s.kind === 'create' ? s.strategy.id : s.id,
    person: person.get(s.row) ?? '',
  });
  const unknown = unknownHeadingsLine(sheet);
  return {
    kind: 'planned',
    file,
    summary: `${file}: ${count(sheet.rowsRead, 'row')} read. Plan: ${planPhrase(steps, sheet)}.`,
    steps,
    create: steps.filter((s) => s.kind === 'create').map(rowOf),
    unchanged: steps.filter((s) => s.kind === 'unchanged').map(rowOf),
    conflicts: conflictNotes(steps).map(noteLine),
    problems: problemNotes(sheet).map(noteLine),
    notes: [...(unknown === null ? [] : [unknown]), ...unread],
  };
}

/** What Apply did: the summary, and each create that did not land with why. */
export function appliedReport(
  plan: Extract<ImportPreview, { kind: 'planned' }>,
  outcomes: readonly CreateOutcome[],
): { summary: string; notWritten: string[] } {
  return {
    summary: `Written: ${writtenPhrase(outcomes)}. Left as they are on the list: ${plan.unchanged.length} unchanged, ${count(plan.conflicts.length, 'conflict')} (not overwritten).`,
    notWritten: outcomeNotes(outcomes).map(noteLine),
  };
}

/** A chosen file's bytes (FileReader: every webview Outlook runs the pane in has it). */
export function fileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer
        ? resolve(reader.result)
        : reject(new Error('the file could not be read'));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}
