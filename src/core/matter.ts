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
const REFERENCE = new RegExp(`${BEFORE}(?:${PATTERNS.join('|')})${AFTER}`, 'gu');

/** A reference as stored and shown: NFKC, upper case, no whitespace (`co / 01234/24` → `CO/01234/24`). */
export function normaliseMatterRef(ref: string): string {
  return ref.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

// Two spellings of one reference compare equal when they differ only in leading zeros
// (`CO/1234/24` and `CO/01234/24`): forces pad numbers inconsistently.
function comparable(ref: string): string {
  return normaliseMatterRef(ref).replace(/\d+/gu, (digits) => digits.replace(/^0+(?=\d)/u, ''));
}

/** Every reference the text cites, normalised, each once, in order of first appearance. */
export function extractMatterRefs(text: string): string[] {
  if (typeof text !== 'string') return [];
  const found: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(REFERENCE)) {
    const ref = normaliseMatterRef(match[0]);
    if (!found.includes(ref)) found.push(ref);
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
