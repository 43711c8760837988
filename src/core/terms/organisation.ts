// An organisation's term lists, read against the shipped ones. Its terms ADD to the shipped list
// of their code; a list replaces the shipped one only when it says so with "@replace". Every
// problem becomes a warning a supervisor can read, and none of them ever takes a shipped term away
// (an unusable term is left out on its own). Decisions: docs/decisions/reading-aids.md.
//
// The result keeps the organisation's terms apart from the shipped ones on purpose: the shipped
// automaton is built once (at build time, eventually) and never recompiled for an organisation;
// the organisation's own terms go into a small automaton of their own whose hits are merged.
import { parseTerm } from '../indicators/syntax';
import { INDICATOR_CODES, type IndicatorCode } from '../types';
import { DEFAULT_TERMS } from './index';

/** Organisation term lists as the settings hold them: indicator code → terms. */
export type Terms = Partial<Record<IndicatorCode, readonly string[]>>;

/** Kept for lists written before terms were added by default: it now changes nothing. */
export const DEFAULT_ENTRY = '@default';
/** The explicit word that makes an organisation's list replace the shipped one for its code. */
export const REPLACE_ENTRY = '@replace';
const MARKERS: readonly string[] = [DEFAULT_ENTRY, REPLACE_ENTRY];

/** Something a supervisor should know about the organisation's term lists. */
export type TermWarning =
  /** The term cannot be used and is not looked for; the other terms still are. */
  | { kind: 'unusable-term'; code: IndicatorCode; term: string; problem: string }
  /** The value for a code is not a list: only the shipped terms are looked for. */
  | { kind: 'not-a-list'; code: IndicatorCode }
  /** A key that is no indicator code: nothing of it is looked for. */
  | { kind: 'unknown-code'; code: string }
  /** The list replaces the shipped one, as asked: this many shipped terms are not looked for. */
  | { kind: 'replaces-shipped'; code: IndicatorCode; dropped: number }
  /** "@replace" with no usable term of its own: the shipped list is kept. */
  | { kind: 'empty-replacement'; code: IndicatorCode }
  /** "@replace" and "@default" together: the shipped list is kept. */
  | { kind: 'replace-and-default'; code: IndicatorCode };

export interface OrganisationTerms {
  /** Per code, the organisation's usable terms (markers left out), for an automaton of their own. */
  readonly own: ReadonlyArray<readonly [IndicatorCode, readonly string[]]>;
  /** Codes whose shipped terms are not looked for, because the list said "@replace". */
  readonly replaced: ReadonlySet<IndicatorCode>;
  readonly warnings: readonly TermWarning[];
}

const NOTHING: OrganisationTerms = { own: [], replaced: new Set(), warnings: [] };

const isCode = (key: string): key is IndicatorCode => (INDICATOR_CODES as readonly string[]).includes(key);

/** What one code's list asks for: its usable terms, whether it replaces, and what went wrong. */
function readList(code: IndicatorCode, list: readonly unknown[], warnings: TermWarning[]) {
  const usable: string[] = [];
  let replace = false;
  let keepDefault = false;
  for (const entry of list) {
    // Markers are read forgivingly (` @Replace `): one missed would quietly change what is looked for.
    const word = typeof entry === 'string' ? entry.trim().toLowerCase() : null;
    if (word === REPLACE_ENTRY) replace = true;
    else if (word === DEFAULT_ENTRY) keepDefault = true;
    else if (typeof entry !== 'string')
      warnings.push({ kind: 'unusable-term', code, term: String(entry), problem: 'is not text' });
    else {
      const problem = termProblem(entry);
      if (problem === null) usable.push(entry);
      else warnings.push({ kind: 'unusable-term', code, term: entry, problem });
    }
  }
  return { usable, replace, keepDefault };
}

/** Why a term cannot be used, or null when it can. */
function termProblem(entry: string): string | null {
  // `@` reads as a leetspeak `a`, so a misspelt marker would otherwise become a term. No term needs
  // the form: `@ssault` is found by `assault` already, since text and terms are read the same way.
  if (/^@\p{L}+$/u.test(entry.trim())) return `is not a known marker (${MARKERS.join(' or ')})`;
  const parsed = parseTerm(entry);
  return parsed.kind === 'invalid' ? parsed.problem : null;
}

/**
 * The organisation's lists read against the shipped ones. Never throws: anything but an object of
 * lists is reported and the shipped lists stay in force.
 */
export function readOrganisationTerms(terms: unknown): OrganisationTerms {
  if (terms === undefined || terms === null || typeof terms !== 'object' || Array.isArray(terms))
    return NOTHING;
  const own: Array<readonly [IndicatorCode, readonly string[]]> = [];
  const replaced = new Set<IndicatorCode>();
  const warnings: TermWarning[] = [];
  for (const [key, value] of Object.entries(terms)) {
    if (!isCode(key)) {
      warnings.push({ kind: 'unknown-code', code: key });
      continue;
    }
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      warnings.push({ kind: 'not-a-list', code: key });
      continue;
    }
    const { usable, replace, keepDefault } = readList(key, value, warnings);
    if (usable.length > 0) own.push([key, usable]);
    if (!replace) continue;
    if (keepDefault) warnings.push({ kind: 'replace-and-default', code: key });
    else if (usable.length === 0) warnings.push({ kind: 'empty-replacement', code: key });
    else {
      replaced.add(key);
      warnings.push({ kind: 'replaces-shipped', code: key, dropped: DEFAULT_TERMS[key].length });
    }
  }
  return { own, replaced, warnings };
}

/** A warning in plain words, for the supervisor's settings warnings. */
export function describeTermWarning(warning: TermWarning): string {
  const list = `Terms for ${warning.code}`;
  switch (warning.kind) {
    case 'unusable-term':
      return `${list}: ${JSON.stringify(warning.term)} ${warning.problem}, so it is not looked for; the other terms still are.`;
    case 'not-a-list':
      return `${list} are not a list of terms, so only the shipped terms are looked for.`;
    case 'unknown-code':
      return `${JSON.stringify(warning.code)} is not an indicator code (known: ${INDICATOR_CODES.join(', ')}), so its terms are not looked for.`;
    case 'replaces-shipped':
      return `${list} replace the shipped list, as "${REPLACE_ENTRY}" asks: ${warning.dropped} shipped terms are not looked for.`;
    case 'empty-replacement':
      return `${list} say "${REPLACE_ENTRY}" but hold no usable term, so the shipped list is kept.`;
    case 'replace-and-default':
      return `${list} say both "${REPLACE_ENTRY}" and "${DEFAULT_ENTRY}", so the shipped list is kept beside them.`;
  }
}
