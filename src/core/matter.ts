// Complaint and case references in a message, for OTHER_MATTER (`lancs 3.8`: a strategy covers
// only its own matters; anything else is handled normally). The patterns and the comparison rule
// are in docs/decisions/core-matching.md.
import type { Strategy } from './types';

// Not inside a longer token: no letter, digit or slash either side (so a URL path or a date such
// as 2024/12/25 is not a reference).
const BEFORE = String.raw`(?<![\p{L}\p{N}/])`;
const AFTER = String.raw`(?![\p{L}\p{N}/])`;
const PATTERNS = [
  // Force and OPCC style: letters / number / year or number: CO/01234/24, CC/1234/2025, PSD/2024/0001.
  String.raw`[A-Za-z]{2,5}/\d{2,7}/\d{2,7}`,
  // IOPC and year-first style: 2023/012345, 2024/123456.
  String.raw`(?:19|20)\d{2}/\d{5,7}`,
];
const REFERENCE = new RegExp(`${BEFORE}(?:${PATTERNS.join('|')})${AFTER}`, 'uy');
// A reference's first slash is 2 to 5 characters after its start (letters, or a year).
const FIRST_SLASH_MIN = 2;
const FIRST_SLASH_MAX = 5;

/** A reference as stored and shown: NFKC, upper case, no whitespace (`co / 01234/24` → `CO/01234/24`). */
export function normaliseMatterRef(ref: string): string {
  return ref.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

// Two spellings of one reference compare equal when they differ only in leading zeros
// (`CO/1234/24` and `CO/01234/24`): forces pad numbers inconsistently.
function comparable(ref: string): string {
  return normaliseMatterRef(ref).replace(/\d+/gu, (digits) => digits.replace(/^0+(?=\d)/u, ''));
}

/**
 * Every reference the text cites, normalised, each once, in order of first appearance. What
 * matching REFERENCE globally over the NFKC text finds, but the pattern is only tried at the few
 * places a slash makes possible: a long body has few slashes, and a regular expression with a
 * look-behind tried at every position costs most of a millisecond per 100 KB.
 */
export function extractMatterRefs(text: string): string[] {
  if (typeof text !== 'string') return [];
  const normal = text.normalize('NFKC');
  const found: string[] = [];
  let from = 0; // matches continue after the last one, as a global match would
  let tried = -1; // start positions up to here have been tried
  for (let slash = normal.indexOf('/'); slash >= 0; slash = normal.indexOf('/', slash + 1)) {
    const last = slash - FIRST_SLASH_MIN;
    for (let start = Math.max(from, tried + 1, slash - FIRST_SLASH_MAX); start <= last; start++) {
      tried = start;
      REFERENCE.lastIndex = start;
      const match = REFERENCE.exec(normal);
      if (!match) continue;
      const ref = normaliseMatterRef(match[0]);
      if (!found.includes(ref)) found.push(ref);
      from = start + match[0].length;
      break;
    }
  }
  return found;
}

/**
 * The cited references the strategy does not cover. A strategy with no references recorded
 * covers an unknown set, so nothing it is sent can be called another matter.
 */
export function otherMatterRefs(refs: readonly string[], strategy: Pick<Strategy, 'matterRefs'>): string[] {
  if (strategy.matterRefs.length === 0) return [];
  const covered = new Set(strategy.matterRefs.map(comparable));
  return refs.filter((ref) => !covered.has(comparable(ref)));
}

/** Whether the message cites a matter the strategy does not cover (OTHER_MATTER). */
export function citesOtherMatter(refs: readonly string[], strategy: Pick<Strategy, 'matterRefs'>): boolean {
  return otherMatterRefs(refs, strategy).length > 0;
}
