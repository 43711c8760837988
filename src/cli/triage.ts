// `triage evaluate`: the taskpane's checks from the command line, for administrators trying a
// strategy before switching it on, and for tests. The only place in the project's core path that
// reads the clock (for a missing --now) and the file system.
import { readFileSync, writeFileSync } from 'node:fs';
import '../core/indicators/with-shipped-data';
import { evaluate } from '../core/evaluate';
import { oneLine } from '../core/parse';
import type { Evaluation } from '../core/types';
import { parseArgs, USAGE } from './args';
import { FINGERPRINTS_USAGE, runFingerprints } from './fingerprints';
import { loadInputs, type ReadText } from './inputs';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readText: ReadText;
  writeText: (path: string, text: string) => void;
  clock: () => Date;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** The interchange output: docs/domain.md's four fields, plus the evasion warnings behind POSSIBLE_EVASION. */
export function toOutput(evaluation: Evaluation) {
  const { matches, evasions, flags, indicators, readRequired } = evaluation;
  return { matches, evasions, flags, indicators, readRequired };
}

/** Runs one command line; returns the exit status (a promise for `import`, which reads Graph). Never throws. */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
  // Loaded only for `import`: the Graph client and the spreadsheet readers would slow every evaluate.
  if (argv[0] === 'import')
    return import('./import').then(({ nodeImportIo, runImport }) =>
      runImport(argv.slice(1), { ...nodeImportIo, stdout: io.stdout, stderr: io.stderr }),
    );
  try {
    return runChecked(argv, io);
  } catch (err) {
    // Bad input never gets here (it is checked first): this is a fault in the program. Still one line.
    io.stderr(`triage: internal error: ${oneLine(err instanceof Error ? err.message : String(err), 200)}\n`);
    return EXIT_FAILED;
  }
}

function runChecked(argv: readonly string[], io: Io): number {
  if (argv[0] === 'fingerprints') {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(`${FINGERPRINTS_USAGE}\n`);
      return EXIT_OK;
    }
    const error = runFingerprints(argv.slice(1), io);
    if (error !== null) io.stderr(`triage: ${error}\n`);
    return error === null ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.kind === 'error') {
    io.stderr(`triage: ${args.error}\n`);
    return EXIT_BAD_INPUT;
  }
  const inputs = loadInputs(args.options, io.readText, io.clock);
  if (!inputs.ok) {
    io.stderr(`triage: ${inputs.error}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`${JSON.stringify(toOutput(evaluate(inputs.value)), null, 2)}\n`);
  return EXIT_OK;
}

export const nodeIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text, 'utf8'),
  clock: () => new Date(),
};
