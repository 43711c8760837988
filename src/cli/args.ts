// Command-line arguments of `triage` (docs/domain.md "Interchange format and the command line").
// Hand-written rather than node:util parseArgs so every mistake gets one plain sentence.

export const USAGE = `Usage: triage evaluate --strategies <file> --message <file> [--history <file>] [--config <file>] [--now <ISO time>]
       triage import <file.xlsx|file.csv> [--dry-run | --apply] …  (see triage import --help)

Runs the checks the taskpane runs on one message and prints the verdict as one JSON object:
{ "matches", "evasions", "flags", "indicators", "readRequired" }.

  --strategies <file>  JSON list of contact strategies (required)
  --message <file>     JSON message (required)
  --history <file>     JSON list of earlier contacts, for contact limits and repeated content
  --config <file>      JSON organisation settings (defaults: no staff domains or teams,
                       SPOC rotation 12 months, review every 92 days, Europe/London)
  --now <ISO time>     the time to evaluate at, e.g. 2025-06-01T09:00:00Z (default: now)
  -h, --help           print this help

Exit status: 0 with the verdict on stdout; 2 for bad input, with one line on stderr naming the
file and field; 1 if the checks themselves failed.`;

export interface EvaluateArgs {
  strategies: string;
  message: string;
  history?: string;
  config?: string;
  now?: string;
}

export type Args =
  { kind: 'help' } | { kind: 'evaluate'; options: EvaluateArgs } | { kind: 'error'; error: string };

const VALUE_OPTIONS = ['strategies', 'message', 'history', 'config', 'now'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

export function parseArgs(argv: readonly string[]): Args {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values: Partial<Record<ValueOption, string>> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg;
    if (!isValueOption(name))
      return { kind: 'error', error: `unknown option ${JSON.stringify(arg)} (see --help)` };
    if (values[name] !== undefined) return { kind: 'error', error: `--${name} is given twice` };
    const value = eq === -1 ? argv[(i += 1)] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      return { kind: 'error', error: `--${name} needs a value` };
    }
    values[name] = value;
  }
  const [command, ...extra] = positionals;
  if (command === undefined)
    return { kind: 'error', error: 'no command given: expected "evaluate" (see --help)' };
  if (command !== 'evaluate')
    return { kind: 'error', error: `unknown command ${JSON.stringify(command)}: expected "evaluate"` };
  if (extra.length > 0) return { kind: 'error', error: `unexpected argument ${JSON.stringify(extra[0])}` };
  const { strategies, message } = values;
  if (strategies === undefined) return { kind: 'error', error: '--strategies <file> is required' };
  if (message === undefined) return { kind: 'error', error: '--message <file> is required' };
  return { kind: 'evaluate', options: { ...values, strategies, message } };
}
