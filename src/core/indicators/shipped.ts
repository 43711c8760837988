// The matcher for the shipped term lists (and the reopen phrases), from the data prebuilt at build
// time (shipped-data.ts, written by scripts/build-automaton.ts from src/core/terms/*.json). The
// test in test/core/prebuilt.test.ts fails when that data no longer matches the lists or the
// compiler, and says how to rebuild it.
// The data is handed over, not imported: it is 76 KB gzipped, so the taskpane fetches it as a
// chunk of its own beside the main bundle (src/taskpane/index.tsx); Node (the CLI, tests, benches)
// and the reading worker import with-shipped-data.ts. Without it the lists are compiled here, at
// run time: the same matcher, about half a second later.
import { DEFAULT_TERMS, REOPEN_TERMS } from '../terms';
import { INDICATOR_CODES, type IndicatorCode } from '../types';
import type { Matcher } from './matcher';
import { compileMatcher, matcherOf } from './matcher';
import { decodeMatcherData, type MatcherData } from './prebuilt';

// The reopen phrases ride along in the same automaton under a label of their own, so that the
// body is read once for both (evaluate needs both for a strategy that refuses reopening).
export const REOPEN = 'REOPEN';
export type ShippedLabel = IndicatorCode | typeof REOPEN;

/** The lists the prebuilt data is compiled from, in this order. */
export function shippedLists(): Array<readonly [ShippedLabel, readonly string[]]> {
  return [...INDICATOR_CODES.map((code) => [code, DEFAULT_TERMS[code]] as const), [REOPEN, REOPEN_TERMS]];
}

let prebuilt: MatcherData<ShippedLabel> | undefined;
let shipped: Matcher<ShippedLabel> | undefined;
let builtFrom: 'prebuilt' | 'compiled' | null = null;

/** Gives the shipped matcher its prebuilt data (shipped-data.ts); the first one given is kept. */
export function provideShippedMatcherData(data: MatcherData<ShippedLabel>): void {
  prebuilt ??= data;
}

/** What compileMatcher(shippedLists()) gives: decoded from the prebuilt data once it is provided. */
export function shippedMatcher(): Matcher<ShippedLabel> {
  if (!shipped) {
    if (prebuilt) {
      const { terms, automaton } = decodeMatcherData(prebuilt);
      shipped = matcherOf(terms, automaton);
      builtFrom = 'prebuilt';
    } else {
      shipped = compileMatcher(shippedLists());
      builtFrom = 'compiled';
    }
  }
  return shipped;
}

/** What the shipped matcher was built from, once it is (null before): for tests. */
export function shippedMatcherSource(): 'prebuilt' | 'compiled' | null {
  return builtFrom;
}
