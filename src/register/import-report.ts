// The words an import uses about a file, its plan and what was written: one place, so the
// `triage import` command and the pane's upload say exactly the same thing about the same row.
// Each note names the spreadsheet row and the column (or the reference) it is about.
import type { ImportStep, SheetImport } from '../core/register/import';
import { SHEET_COLUMNS } from '../core/register/sheet';
import { oneLine } from '../core/parse';
import type { CreateOutcome } from '../graph/strategy-import';

/** One thing to say about one row: `row 3, Next review: "31/02/2027" is not a date`. */
export interface ImportNote {
  row: number;
  /** A column heading, or the strategy reference for plan and write notes. */
  about: string;
  text: string;
}

export const noteLine = (n: ImportNote): string => `row ${n.row}, ${n.about}: ${n.text}`;

export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Every problem the sheet has, row by row and column by column. */
export function problemNotes(sheet: SheetImport): ImportNote[] {
  return sheet.problems.map((p) => ({ row: p.row, about: p.column, text: p.problem }));
}

/** Headings that are not read, said once (their columns are ignored, never guessed at). */
export function unknownHeadingsLine(sheet: SheetImport): string | null {
  return sheet.unknownHeaders.length > 0
    ? `headings not read (not in the template): ${sheet.unknownHeaders.join(', ')}`
    : null;
}

/** A changed field as its spreadsheet heading, so no one reads a code name. */
function heading(field: string): string {
  return SHEET_COLUMNS.find((c) => c.fields.includes(field))?.header ?? field;
}

/** A reference already on the list with other values: named, with the headings that differ. */
export function conflictNotes(steps: readonly ImportStep[]): ImportNote[] {
  return steps.flatMap((s) =>
    s.kind === 'conflict'
      ? [
          {
            row: s.row,
            about: s.id,
            text: `already on the list and different (${[...new Set(s.fields.map(heading))].join(', ')}); not overwritten: edit it in the taskpane`,
          },
        ]
      : [],
  );
}

/** Creates that did not land, and why. */
export function outcomeNotes(outcomes: readonly CreateOutcome[]): ImportNote[] {
  return outcomes.flatMap((o) =>
    o.kind === 'refused'
      ? [
          {
            row: o.row,
            about: o.id,
            text: `the list refused it (HTTP ${o.status}: ${oneLine(o.message, 160)})`,
          },
        ]
      : o.kind === 'unconfirmed'
        ? [
            {
              row: o.row,
              about: o.id,
              text: 'no answer from SharePoint; run the import again (a row already written counts as unchanged)',
            },
          ]
        : [],
  );
}

export interface PlanTally {
  create: number;
  unchanged: number;
  conflict: number;
}

export function tallyPlan(steps: readonly ImportStep[]): PlanTally {
  const n = (kind: ImportStep['kind']) => steps.filter((s) => s.kind === kind).length;
  return { create: n('create'), unchanged: n('unchanged'), conflict: n('conflict') };
}

/** "5 rows with problems (not imported)". */
export const rejectedPhrase = (sheet: SheetImport): string =>
  `${count(sheet.rowsRejected, 'row')} with problems (not imported)`;

/** "2 new strategies, 3 unchanged, 1 conflict, 0 rows with problems (not imported)". */
export function planPhrase(steps: readonly ImportStep[], sheet: SheetImport): string {
  const t = tallyPlan(steps);
  return `${count(t.create, 'new strategy', 'new strategies')}, ${t.unchanged} unchanged, ${count(t.conflict, 'conflict')}, ${rejectedPhrase(sheet)}`;
}

/** "5 created" with ", 1 not written" when some creates did not land. */
export function writtenPhrase(outcomes: readonly CreateOutcome[]): string {
  const created = outcomes.filter((o) => o.kind === 'created').length;
  const notWritten = outcomes.length - created;
  return `${created} created${notWritten > 0 ? `, ${notWritten} not written` : ''}`;
}

/** Rows on the list the product cannot read: their references are not compared. `how` says where to look. */
export const unreadRowsLine = (n: number, how: string): string =>
  `note: ${count(n, 'row')} on the list could not be read (${how}); their references are not compared`;
