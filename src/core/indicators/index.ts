// Reading aids: phrases in a message that suggest what the read is looking for, each with its
// place in the original text so the taskpane can highlight it in place. Aids, never a decision:
// no hit is never "safe". Decisions: docs/decisions/reading-aids.md.
import { DEFAULT_TERMS, REOPEN_TERMS } from '../terms';
import { INDICATOR_CODES, type Indicator, type IndicatorCode } from '../types';
import { compileMatcher, type TermProblem } from './matcher';

export { INDICATOR_QUESTIONS, suggestedQuestions } from './questions';
export { DEFAULT_TERMS, REOPEN_TERMS } from '../terms';

export type Terms = Partial<Record<IndicatorCode, readonly string[]>>;
export type Scanner = { scan(text: string): Indicator[] };

/** The entry that, inside an organisation's list for a code, stands for the shipped list. */
export const DEFAULT_ENTRY = '@default';

/**
 * The lists in force: an organisation's list for a code replaces the shipped one, unless it holds
 * "@default", which brings the shipped terms in beside its own. Codes it leaves out keep the
 * shipped list. Anything but an array of text is ignored (and reported by termProblems).
 */
function effectiveLists(terms: Terms | undefined): Array<readonly [IndicatorCode, readonly unknown[]]> {
  return INDICATOR_CODES.map((code) => {
    const own: unknown = terms?.[code];
    if (!Array.isArray(own)) return [code, DEFAULT_TERMS[code]] as const;
    const list = own.flatMap((t: unknown) => (t === DEFAULT_ENTRY ? [...DEFAULT_TERMS[code]] : [t]));
    return [code, list] as const;
  });
}

function build(terms: Terms | undefined): { scanner: Scanner; problems: TermProblem<IndicatorCode>[] } {
  const matcher = compileMatcher(effectiveLists(terms));
  const scanner: Scanner = {
    scan: (text) =>
      matcher
        .scan(typeof text === 'string' ? text : '')
        .map(({ label, start, end, text: t }) => ({ code: label, start, end, text: t })),
  };
  return { scanner, problems: matcher.problems };
}

export function compileScanner(terms?: Terms): Scanner {
  return build(terms).scanner;
}

/** Terms that cannot be used, each with the reason, for the settings screen and config checks. */
export function termProblems(terms: Terms): TermProblem<IndicatorCode>[] {
  const problems = build(terms).problems;
  for (const code of INDICATOR_CODES) {
    const own: unknown = terms[code];
    if (own !== undefined && !Array.isArray(own)) {
      problems.push({
        label: code,
        term: String(own),
        problem: 'is not a list of terms; the shipped list is used',
      });
    }
  }
  return problems;
}

// Compiling takes milliseconds; scanning happens for every message. Keep the default scanner,
// and one per organisation terms object (config objects live as long as the settings do).
let defaultScanner: Scanner | undefined;
const scanners = new WeakMap<object, Scanner>();

export function scanIndicators(text: string, terms?: Terms): Indicator[] {
  if (terms === undefined || terms === null || typeof terms !== 'object') {
    defaultScanner ??= compileScanner();
    return defaultScanner.scan(text);
  }
  let scanner = scanners.get(terms);
  if (!scanner) {
    scanner = compileScanner(terms);
    scanners.set(terms, scanner);
  }
  return scanner.scan(text);
}

let reopenMatcher: ReturnType<typeof compileMatcher<'REOPEN'>> | undefined;

/** The first place the text asks to reopen, review again or reinvestigate a matter, or null. */
export function detectReopenDemand(text: string): { start: number; end: number; text: string } | null {
  reopenMatcher ??= compileMatcher([['REOPEN', REOPEN_TERMS]] as const);
  const first = reopenMatcher.scan(typeof text === 'string' ? text : '')[0];
  return first ? { start: first.start, end: first.end, text: first.text } : null;
}
