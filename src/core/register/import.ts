// A whole spreadsheet (header row, then one row per strategy) → the strategies it holds and a
// problem for every row that cannot be used. Nothing is dropped without a word: an unknown
// heading, a blank required cell, a second row with the same reference all come back as problems.
import type { Strategy } from '../types';
import type { Cell } from './cells';
import { type RowProblem, isBlankRow, mapHeaders, readRow } from './sheet';

export interface SheetImport {
  strategies: { row: number; strategy: Strategy }[];
  problems: RowProblem[];
  /** Headings that mean nothing to the import (their columns are not read). */
  unknownHeaders: string[];
  /** Data rows read (blank rows not counted). */
  rowsRead: number;
  /** Rows with at least one problem. */
  rowsRejected: number;
}

/** The header row is the first row with anything in it; rows are numbered as the spreadsheet shows them. */
export function importSheet(table: readonly (readonly Cell[])[]): SheetImport {
  const headerAt = table.findIndex((row) => !isBlankRow(row));
  const result: SheetImport = {
    strategies: [],
    problems: [],
    unknownHeaders: [],
    rowsRead: 0,
    rowsRejected: 0,
  };
  if (headerAt < 0) {
    result.problems.push({
      row: 1,
      column: '(sheet)',
      problem: 'the sheet is empty: the first row must hold the headings',
    });
    return result;
  }
  const map = mapHeaders(table[headerAt] ?? []);
  result.unknownHeaders = map.unknown;
  if (map.missing.length > 0) {
    result.problems.push({
      row: headerAt + 1,
      column: '(headings)',
      problem: `no column for ${map.missing.join(', ')} (see the template's headings)`,
    });
    return result;
  }
  const seen = new Map<string, number>();
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (isBlankRow(cells)) continue;
    result.rowsRead += 1;
    const row = i + 1;
    const read = readRow(map, cells, row);
    if (!read.ok) {
      result.problems.push(...read.problems);
      result.rowsRejected += 1;
      continue;
    }
    const first = seen.get(read.strategy.id);
    if (first !== undefined) {
      result.problems.push({
        row,
        column: 'Reference',
        problem: `${read.strategy.id} is already on row ${first}`,
      });
      result.rowsRejected += 1;
      continue;
    }
    seen.set(read.strategy.id, row);
    result.strategies.push({ row, strategy: read.strategy });
  }
  return result;
}

/** What an import would do to the list as it stands, strategy by strategy (idempotent on the reference). */
export type ImportStep =
  | { kind: 'create'; row: number; strategy: Strategy }
  | { kind: 'unchanged'; row: number; id: string }
  | { kind: 'conflict'; row: number; id: string; fields: string[] };

/** The fields that differ between two strategies, ignoring the SharePoint eTag. */
export function changedFields(a: Strategy, b: Strategy): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('eTag');
  const out: string[] = [];
  for (const k of keys) {
    const va = JSON.stringify((a as unknown as Record<string, unknown>)[k] ?? null);
    const vb = JSON.stringify((b as unknown as Record<string, unknown>)[k] ?? null);
    if (va !== vb) out.push(k);
  }
  return out.sort();
}

/**
 * The plan: a reference not in the list is created; one already there and the same is left alone;
 * one already there and different is a conflict, reported and never overwritten (a supervisor
 * edits it in the pane, where concurrent changes are detected).
 */
export function planImport(
  rows: readonly { row: number; strategy: Strategy }[],
  existing: ReadonlyMap<string, Strategy>,
): ImportStep[] {
  return rows.map(({ row, strategy }) => {
    const current = existing.get(strategy.id);
    if (current === undefined) return { kind: 'create', row, strategy };
    const fields = changedFields(current, strategy);
    return fields.length === 0
      ? { kind: 'unchanged', row, id: strategy.id }
      : { kind: 'conflict', row, id: strategy.id, fields };
  });
}
