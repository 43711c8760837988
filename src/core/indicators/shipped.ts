// The matcher for the shipped term lists (and the reopen phrases), from the data prebuilt at build
// time (shipped-data.ts, written by scripts/build-automaton.ts from src/core/terms/*.json). The
// test in test/core/prebuilt.test.ts fails when that data no longer matches the lists or the
// compiler, and says how to rebuild it.
import { DEFAULT_TERMS, REOPEN_TERMS } from '../terms';
import { INDICATOR_CODES, type IndicatorCode } from '../types';
import type { Matcher } from './matcher';
import { matcherOf } from './matcher';
import { decodeMatcherData } from './prebuilt';
import { SHIPPED_MATCHER_DATA } from './shipped-data';

// The reopen phrases ride along in the same automaton under a label of their own, so that the
// body is read once for both (evaluate needs both for a strategy that refuses reopening).
export const REOPEN = 'REOPEN';
export type ShippedLabel = IndicatorCode | typeof REOPEN;

/** The lists the prebuilt data is compiled from, in this order. */
export function shippedLists(): Array<readonly [ShippedLabel, readonly string[]]> {
  return [...INDICATOR_CODES.map((code) => [code, DEFAULT_TERMS[code]] as const), [REOPEN, REOPEN_TERMS]];
}

let shipped: Matcher<ShippedLabel> | undefined;

/** What compileMatcher(shippedLists()) gives, without compiling at run time. */
export function shippedMatcher(): Matcher<ShippedLabel> {
  if (!shipped) {
    const { terms, automaton } = decodeMatcherData(SHIPPED_MATCHER_DATA);
    shipped = matcherOf(terms, automaton);
  }
  return shipped;
}
