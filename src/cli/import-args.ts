// Arguments of `triage import FILE [--dry-run | --apply] [--site URL] [--token T] [--graph URL] [--ca PEM]`.
// Hand-written like args.ts, so every mistake gets one plain sentence.

export const IMPORT_USAGE = `Usage: triage import <file.xlsx|file.csv> [--dry-run | --apply] [--site <url>] [--token <bearer>] [--graph <url>] [--ca <pem file>]

Reads contact strategies from a spreadsheet (the first sheet of an .xlsx, or a .csv; headings as in
examples/strategies-template.csv, common alternatives accepted) and checks every row with the same
rules as the taskpane. Each problem is printed with its row and column, then a summary.

  --dry-run        check only, write nothing (the default)
  --apply          write the new strategies to the site's "Contact Strategies" list, 20 to a request
  --site <url>     the SharePoint site, e.g. https://contoso.sharepoint.com/sites/complaints; with it,
                   a dry run also says what --apply would create, leave unchanged or report as a conflict
  --token <bearer> a Graph access token (or set GRAPH_TOKEN)
  --graph <url>    the Graph base (default https://graph.microsoft.com/v1.0)
  --ca <pem file>  a certificate authority to trust (the local emulator's)

Idempotent on the strategy reference: a reference already on the list is left as it is. When the
row differs it is reported as a conflict and never overwritten; edit it in the taskpane.

Exit status: 0 when every row is (or would be) imported or already there; 1 when some rows have
problems, conflict or were not written; 2 for bad arguments or a file that cannot be read.`;

export interface ImportArgs {
  file: string;
  apply: boolean;
  site?: { hostname: string; path: string };
  token?: string;
  graph: string;
  ca?: string;
}

export type ImportArgsResult =
  { kind: 'help' } | { kind: 'import'; args: ImportArgs } | { kind: 'error'; error: string };

const VALUE_OPTIONS = new Set(['--site', '--token', '--graph', '--ca']);

export function parseImportArgs(argv: readonly string[]): ImportArgsResult {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values = new Map<string, string>();
  const files: string[] = [];
  let mode: '--dry-run' | '--apply' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run' || arg === '--apply') {
      if (mode !== undefined && mode !== arg)
        return { kind: 'error', error: 'give --dry-run or --apply, not both' };
      mode = arg;
    } else if (VALUE_OPTIONS.has(arg)) {
      const value = argv[(i += 1)];
      if (value === undefined || value === '' || value.startsWith('--'))
        return { kind: 'error', error: `${arg} needs a value` };
      if (values.has(arg)) return { kind: 'error', error: `${arg} is given twice` };
      values.set(arg, value);
    } else if (arg.startsWith('-')) {
      return { kind: 'error', error: `unknown option ${JSON.stringify(arg)} (see triage import --help)` };
    } else files.push(arg);
  }
  if (files.length === 0)
    return { kind: 'error', error: 'no file given: triage import <file.xlsx|file.csv>' };
  if (files.length > 1) return { kind: 'error', error: `one file at a time (got ${files.length})` };
  const apply = mode === '--apply';
  const siteText = values.get('--site');
  let site: ImportArgs['site'];
  if (siteText !== undefined) {
    let url: URL;
    try {
      url = new URL(siteText);
    } catch {
      return { kind: 'error', error: `--site is not a URL: ${siteText}` };
    }
    site = { hostname: url.hostname, path: url.pathname.replace(/\/+$/, '') || '/' };
  }
  if (apply && site === undefined)
    return { kind: 'error', error: '--apply needs --site <url> (where to write)' };
  const args: ImportArgs = {
    file: files[0] ?? '',
    apply,
    graph: values.get('--graph') ?? 'https://graph.microsoft.com/v1.0',
  };
  if (site !== undefined) args.site = site;
  const token = values.get('--token');
  if (token !== undefined) args.token = token;
  const ca = values.get('--ca');
  if (ca !== undefined) args.ca = ca;
  return { kind: 'import', args };
}
