// Reading aids: phrases in a message that suggest what the read is looking for, each with its
// place in the original text so the taskpane can highlight it in place. Aids, never a decision:
// no hit is never "safe". Decisions: docs/decisions/reading-aids.md.
import { readOrganisationTerms, type TermWarning, type Terms } from '../terms/organisation';
import { INDICATOR_CODES, type Indicator } from '../types';
import { compileMatcher, type Hit, type Matcher } from './matcher';
import { mergeHits } from './merge';
import { REOPEN, shippedMatcher, type ShippedLabel } from './shipped';

export { INDICATOR_QUESTIONS, suggestedQuestions } from './questions';
export { DEFAULT_TERMS, REOPEN_TERMS } from '../terms';
export { DEFAULT_ENTRY, REPLACE_ENTRY, describeTermWarning, type TermWarning } from '../terms/organisation';

export type { Terms };
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

type Label = ShippedLabel;
const LABEL_ORDER: readonly Label[] = [...INDICATOR_CODES, REOPEN];

interface BodyScanner extends Scanner {
  scanBody(text: string): BodyScan;
}

// The shipped lists are compiled at build time (shipped.ts), never at run time: an organisation's
// own terms get a small matcher of their own (below) whose hits are merged in.
const shipped = (): Matcher<Label> => shippedMatcher();

function toBodyScan(hits: readonly Hit<Label>[]): BodyScan {
  const indicators: Indicator[] = [];
  let reopen: ReopenDemand | null = null;
  for (const { label, start, end, text } of hits) {
    if (label !== REOPEN) indicators.push({ code: label, start, end, text });
    else reopen ??= { start, end, text };
  }
  return { indicators, reopen };
}

function bodyScanner(scanHits: (body: string) => Hit<Label>[]): BodyScanner {
  const scanBody = (text: string): BodyScan => toBodyScan(scanHits(typeof text === 'string' ? text : ''));
  return { scan: (text) => scanBody(text).indicators, scanBody };
}

/**
 * The shipped lists with an organisation's added to them (docs/decisions/reading-aids.md): its
 * terms are looked for beside the shipped ones, and a code's shipped hits are dropped only when
 * its list says "@replace". Anything unusable is left out on its own (see termWarnings).
 */
function build(terms: unknown): BodyScanner {
  const base = shipped();
  const { own, replaced } = readOrganisationTerms(terms);
  if (own.length === 0 && replaced.size === 0) return bodyScanner((body) => base.scan(body));
  const extra = compileMatcher<Label>(own);
  return bodyScanner((body) => {
    const hits = base.scan(body);
    const kept =
      replaced.size === 0 ? hits : hits.filter((h) => h.label === REOPEN || !replaced.has(h.label));
    return mergeHits(kept, extra.scan(body), LABEL_ORDER);
  });
}

export function compileScanner(terms?: Terms): Scanner {
  return build(terms);
}

/**
 * What a supervisor should know about the organisation's term lists, for the settings warnings:
 * each unusable term by name, and how many shipped terms a replacement drops.
 */
export function termWarnings(terms: unknown): readonly TermWarning[] {
  return readOrganisationTerms(terms).warnings;
}

// Compiling takes milliseconds; scanning happens for every message. Keep the default scanner,
// and one per organisation terms object (config objects live as long as the settings do).
let defaultScanner: BodyScanner | undefined;
const scanners = new WeakMap<object, BodyScanner>();

function scannerFor(terms: Terms | undefined): BodyScanner {
  if (terms === undefined || terms === null || typeof terms !== 'object') {
    defaultScanner ??= build(undefined);
    return defaultScanner;
  }
  let scanner = scanners.get(terms);
  if (!scanner) {
    scanner = build(terms);
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

/**
 * The first place the text asks to reopen, review again or reinvestigate a matter, or null. The
 * shipped matcher carries the reopen terms beside the reading aids, so this is scanBody's reopen
 * half: a matcher of the reopen terms alone, compiled at run time, gave the same and cost the
 * pane's cold open 100-250 ms (docs/decisions/cold-open.md).
 */
export function detectReopenDemand(text: string): ReopenDemand | null {
  return scannerFor(undefined).scanBody(text).reopen;
}
