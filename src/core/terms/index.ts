// The shipped term lists, one JSON file per indicator code (plus the reopen phrases), so an
// organisation can read, copy and adapt them without reading code. Syntax: src/core/indicators/syntax.ts.
import { INDICATOR_CODES, type IndicatorCode } from '../types';
import abusiveLanguage from './abusive-language.json';
import criminalMatter from './criminal-matter.json';
import mandatoryReferral from './mandatory-referral.json';
import newAllegation from './new-allegation.json';
import newComplaint from './new-complaint.json';
import reopen from './reopen.json';
import safeguarding from './safeguarding.json';
import selfHarm from './self-harm.json';
import threat from './threat.json';

export interface TermList {
  code: string;
  /** What the list looks for and which read question it bears on. */
  about: string;
  terms: string[];
}

const LISTS: readonly TermList[] = [
  safeguarding,
  selfHarm,
  threat,
  newAllegation,
  mandatoryReferral,
  criminalMatter,
  newComplaint,
  abusiveLanguage,
];

function byCode<T>(pick: (list: TermList) => T): Record<IndicatorCode, T> {
  const out = {} as Record<IndicatorCode, T>;
  for (const code of INDICATOR_CODES) {
    const list = LISTS.find((l) => l.code === code);
    if (!list) throw new Error(`No default term list for ${code}`); // a build mistake, caught by the tests
    out[code] = pick(list);
  }
  return out;
}

export const DEFAULT_TERM_LISTS: Record<IndicatorCode, TermList> = byCode((l) => l);
export const DEFAULT_TERMS: Record<IndicatorCode, readonly string[]> = byCode((l) => l.terms);

export const REOPEN_TERMS: readonly string[] = reopen.terms;
