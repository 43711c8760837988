// `triage import FILE`: strategies from a spreadsheet into the "Contact Strategies" list.
// Every row goes through core's register import (and so core's strategy parser); a dry run (the
// default) writes nothing. With --site the list is read and the plan printed: create, unchanged,
// conflict (never overwritten). --apply then writes the creates through the Graph layer in $batch.
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { importSheet, planImport, type SheetImport } from '../core/register/import';
import type { Strategy } from '../core/types';
import { errorDetail } from '../common/error-detail';
import { createGraphServices } from '../graph';
import type { FetchLike } from '../graph/middleware';
import { STRATEGIES_LIST } from '../graph/schema';
import { scopePlan } from '../graph/scopes';
import { applyCreates } from '../graph/strategy-import';
import {
  conflictNotes,
  count,
  noteLine,
  outcomeNotes,
  planPhrase,
  problemNotes,
  rejectedPhrase,
  tallyPlan,
  unknownHeadingsLine,
  unreadRowsLine,
  writtenPhrase,
  type ImportNote,
} from '../register/import-report';
import { fileKind, KINDS_READ, readTable } from '../register/table';
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from './import-args';

export interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readBytes: (path: string) => ArrayBuffer;
  /** GRAPH_TOKEN, when --token is not given. */
  env: (name: string) => string | undefined;
  /** A fetch trusting the given certificate authority (PEM text), for the local emulator. */
  fetchTrusting?: (caPath: string) => FetchLike;
  /** Default fetch (tests pass one that trusts the emulator). */
  fetchImpl?: FetchLike;
}

const OK = 0;
const ROWS_LEFT = 1;
const BAD_INPUT = 2;

const indent = (notes: readonly ImportNote[]) => notes.map((n) => `  ${noteLine(n)}`);

function problemLines(sheet: SheetImport): string[] {
  const unknown = unknownHeadingsLine(sheet);
  return [...indent(problemNotes(sheet)), ...(unknown === null ? [] : [`  ${unknown}`])];
}

/** Runs `triage import …`; never rejects. */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  const parsed = parseImportArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${IMPORT_USAGE}\n`);
    return OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`triage import: ${parsed.error}\n`);
    return BAD_INPUT;
  }
  try {
    return await importFile(parsed.args, io);
  } catch (err) {
    io.stderr(`triage import: ${errorDetail(err)}\n`);
    return ROWS_LEFT;
  }
}

async function importFile(args: ImportArgs, io: ImportIo): Promise<number> {
  if (fileKind(args.file) === null) {
    io.stderr(`triage import: ${args.file}: expected ${KINDS_READ}\n`);
    return BAD_INPUT;
  }
  let bytes: ArrayBuffer;
  try {
    bytes = io.readBytes(args.file);
  } catch (err) {
    io.stderr(`triage import: ${args.file}: ${errorDetail(err)}\n`);
    return BAD_INPUT;
  }
  const table = await readTable(args.file, bytes);
  if (!table.ok) {
    io.stderr(`triage import: ${args.file}: ${table.error}\n`);
    return BAD_INPUT;
  }
  const sheet = importSheet(table.table);
  const out: string[] = [`${args.file}: ${count(sheet.rowsRead, 'row')} read`, ...problemLines(sheet)];
  if (sheet.rowsRead === 0 && sheet.problems.length > 0) {
    io.stdout(`${out.join('\n')}\n`);
    return BAD_INPUT;
  }
  const rejected = rejectedPhrase(sheet);
  if (args.site === undefined) {
    out.push(`Checked: ${count(sheet.strategies.length, 'row')} ready, ${rejected}.`);
    out.push('Dry run: nothing written. Give --site to compare with the list, --apply to write.');
    io.stdout(`${out.join('\n')}\n`);
    return sheet.rowsRejected === 0 ? OK : ROWS_LEFT;
  }
  const token = args.token ?? io.env('GRAPH_TOKEN');
  if (token === undefined || token === '') {
    io.stderr('triage import: give --token <bearer> or set GRAPH_TOKEN to read the list\n');
    return BAD_INPUT;
  }
  const fetchImpl = args.ca !== undefined && io.fetchTrusting ? io.fetchTrusting(args.ca) : io.fetchImpl;
  const services = createGraphServices({
    baseUrl: args.graph,
    siteHostname: args.site.hostname,
    sitePath: args.site.path,
    tokens: { getToken: async () => token },
    ...(fetchImpl ? { fetchImpl } : {}),
  });
  const started = Date.now();
  const snapshot = await services.strategies.sync();
  const existing = new Map<string, Strategy>(snapshot.strategies.map((s) => [s.id, s]));
  const steps = planImport(sheet.strategies, existing);
  const tally = tallyPlan(steps);
  out.push(...indent(conflictNotes(steps)));
  if (snapshot.rejected.length > 0)
    out.push(`  ${unreadRowsLine(snapshot.rejected.length, 'run npm run doctor')}`);
  const plan = planPhrase(steps, sheet);
  if (!args.apply) {
    out.push(
      `Plan: ${plan}.`,
      'Dry run: nothing written. Run again with --apply to write the new strategies.',
    );
    io.stdout(`${out.join('\n')}\n`);
    return sheet.rowsRejected === 0 && tally.conflict === 0 ? OK : ROWS_LEFT;
  }
  const list = await services.site.listPath(STRATEGIES_LIST);
  const outcomes = await applyCreates(steps, {
    client: services.client,
    list,
    scopes: scopePlan().lists,
  });
  const notWritten = outcomes.filter((o) => o.kind !== 'created').length;
  out.push(...indent(outcomeNotes(outcomes)));
  out.push(
    `Plan: ${plan}.`,
    `Written: ${writtenPhrase(outcomes)} (${count(services.client.counter.requests, 'Graph request')}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  io.stdout(`${out.join('\n')}\n`);
  return sheet.rowsRejected === 0 && tally.conflict === 0 && notWritten === 0 ? OK : ROWS_LEFT;
}

/** The real file system and, for --ca, an undici agent trusting that authority (TLS checks stay on). */
export const nodeImportIo: ImportIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readBytes: (path) => {
    const b = readFileSync(path);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  },
  env: (name) => process.env[name],
  fetchTrusting: (caPath) => {
    const agent = new Agent({ connect: { ca: readFileSync(caPath, 'utf8') } });
    return (url, init) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  },
};
