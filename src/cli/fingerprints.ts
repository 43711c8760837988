// `triage fingerprints --history <file> --out <file>`: removes fingerprints of an earlier format
// from an exported contact log (the history interchange file), so that no row keeps a version 1
// fingerprint, which gave phrases of the letter back. Rows are kept; only that field goes.
import { purgeStaleFingerprints } from '../core/repeat/purge';
import { oneLine } from '../core/parse';

export const FINGERPRINTS_USAGE = `Usage: triage fingerprints --history <file> --out <file>

Removes fingerprints of an earlier format (version 1 could give phrases of a letter back) from a
JSON list of contact-log rows, keeping every row and every other field, and writes the result.
They cannot be converted: a new fingerprint needs the text, which the log never kept.`;

export interface FingerprintsIo {
  readText: (path: string) => string;
  writeText: (path: string, text: string) => void;
  stdout: (text: string) => void;
}

/** Runs the command; returns an error sentence, or null when done. */
export function runFingerprints(argv: readonly string[], io: FingerprintsIo): string | null {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? '';
    const value = argv[i + 1];
    if (name !== '--history' && name !== '--out')
      return `unknown argument ${JSON.stringify(name)} (see --help)`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    options.set(name, value);
  }
  const history = options.get('--history');
  const out = options.get('--out');
  if (history === undefined || out === undefined) return '--history <file> and --out <file> are required';
  let rows: unknown;
  try {
    rows = JSON.parse(io.readText(history).replace(/^\uFEFF/u, ''));
  } catch (err) {
    return `${history}: ${oneLine(err instanceof Error ? err.message : String(err), 200)}`;
  }
  if (!Array.isArray(rows)) return `${history}: expected a JSON list of contact-log rows`;
  const result = purgeStaleFingerprints(rows);
  io.writeText(out, `${JSON.stringify(result.rows, null, 2)}\n`);
  const purged = Object.entries(result.purged).map(([tag, count]) => `${count} ${tag}`);
  io.stdout(
    `${rows.length} rows: ${result.kept} current fingerprints kept; removed ${purged.length > 0 ? purged.join(', ') : 'none'}. Written to ${out}.\n`,
  );
  return null;
}
