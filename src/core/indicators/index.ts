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

/** A demand to reopen a matter: its place in the text. */
export interface ReopenDemand {
  start: number;
  end: number;
  text: string;
}

/** What one pass over a body finds: the reading aids, and the first demand to reopen. */
export interface BodyScan {
  indicators: Indicator[];
  reopen: ReopenDemand | null;
}

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

// The reopen phrases ride along in the same automaton under a label of their own, so that the
// body is read once for both (evaluate needs both for a strategy that refuses reopening).
const REOPEN = 'REOPEN';
type Label = IndicatorCode | typeof REOPEN;

interface BodyScanner extends Scanner {
  scanBody(text: string): BodyScan;
}

function build(terms: Terms | undefined): { scanner: BodyScanner; problems: TermProblem<IndicatorCode>[] } {
  const lists: Array<readonly [Label, readonly unknown[]]> = [
    ...effectiveLists(terms),
    [REOPEN, REOPEN_TERMS],
  ];
  const matcher = compileMatcher<Label>(lists);
  const scanBody = (text: string): BodyScan => {
    const body = typeof text === 'string' ? text : '';
    const indicators: Indicator[] = [];
    let reopen: ReopenDemand | null = null;
    for (const { label, start, end, text: t } of matcher.scan(body)) {
      if (label !== REOPEN) indicators.push({ code: label, start, end, text: t });
      else reopen ??= { start, end, text: t };
    }
    return { indicators, reopen };
  };
  const scanner: BodyScanner = { scan: (text) => scanBody(text).indicators, scanBody };
  // The shipped reopen list has no problems; only the organisation's lists are reported.
  const problems = matcher.problems.filter((p): p is TermProblem<IndicatorCode> => p.label !== REOPEN);
  return { scanner, problems };
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
let defaultScanner: BodyScanner | undefined;
const scanners = new WeakMap<object, BodyScanner>();

function scannerFor(terms: Terms | undefined): BodyScanner {
  if (terms === undefined || terms === null || typeof terms !== 'object') {
    defaultScanner ??= build(undefined).scanner;
    return defaultScanner;
  }
  let scanner = scanners.get(terms);
  if (!scanner) {
    scanner = build(terms).scanner;
    scanners.set(terms, scanner);
  }
  return scanner;
}

export function scanIndicators(text: string, terms?: Terms): Indicator[] {
  return scannerFor(terms).scan(text);
}

/**
 * The reading aids and the first demand to reopen, from one pass over the text: what
 * scanIndicators(text, terms) and detectReopenDemand(text) give, for the cost of one of them.
 */
export function scanBody(text: string, terms?: Terms): BodyScan {
  return scannerFor(terms).scanBody(text);
}

let reopenMatcher: ReturnType<typeof compileMatcher<typeof REOPEN>> | undefined;

/** The first place the text asks to reopen, review again or reinvestigate a matter, or null. */
export function detectReopenDemand(text: string): ReopenDemand | null {
  reopenMatcher ??= compileMatcher([[REOPEN, REOPEN_TERMS]] as const);
  const first = reopenMatcher.scan(typeof text === 'string' ? text : '')[0];
  return first ? { start: first.start, end: first.end, text: first.text } : null;
}
