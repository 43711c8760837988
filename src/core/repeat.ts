// Repeat detection (REPEATED_CONTENT): is this message substantially the same as an earlier one
// from the person? Each text becomes a one-way MinHash fingerprint of its sentence-bounded word
// shingles; fingerprints, not bodies, are what the contact log keeps (lancs 3.15).
// Decisions and calibration: docs/decisions/reading-aids.md.
import type { Fingerprint } from './types';
import { decodeWords, encodeWords } from './repeat/base64';
import { agreement, MINHASH_SLOTS, minhash } from './repeat/minhash';
import { stripQuoted } from './repeat/quotes';
import { SHINGLE_WORDS, shingleSet } from './repeat/shingles';

/** MinHash v1, 128 slots, sentence-bounded 3-word shingles. Other tags never compare equal. */
export const FINGERPRINT_VERSION = `mh1-${MINHASH_SLOTS}-s${SHINGLE_WORDS}`;

/**
 * Texts with fewer distinct shingles than this are not compared (similarity 0): a two-line note
 * ("Any update? Regards") would otherwise "repeat" every other short note.
 */
export const MIN_SHINGLES = 12;

/** Calibrated on invented letters in test/core/repeat.test.ts; see the decision record. */
export const DEFAULT_REPEAT_THRESHOLD = 0.5;

export function fingerprint(text: string): Fingerprint {
  const shingles = shingleSet(stripQuoted(text));
  return { v: FINGERPRINT_VERSION, sig: encodeWords(minhash(shingles)), n: shingles.length };
}

// Decoded signatures, by their base64 text: the same earlier fingerprints are compared again for
// every new message, and decoding costs more than comparing. Bounded; cleared when full.
const DECODED_CAPACITY = 8192;
const decoded = new Map<string, Uint32Array | null>();

function signature(fp: Fingerprint): Uint32Array | null {
  if (fp.v !== FINGERPRINT_VERSION || !(fp.n >= MIN_SHINGLES) || typeof fp.sig !== 'string') return null;
  let sig = decoded.get(fp.sig);
  if (sig === undefined) {
    if (decoded.size >= DECODED_CAPACITY) decoded.clear();
    sig = decodeWords(fp.sig, MINHASH_SLOTS);
    decoded.set(fp.sig, sig);
  }
  return sig;
}

/**
 * Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. 0 when either text is
 * too small to compare, or a fingerprint is of another version or malformed.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const sa = signature(a);
  const sb = signature(b);
  return sa && sb ? agreement(sa, sb) : 0;
}

/**
 * The earlier fingerprints at or above the threshold, most similar first (ties keep input order).
 */
export function findRepeats(
  fp: Fingerprint,
  earlier: ReadonlyArray<{ id: string; fingerprint: Fingerprint }>,
  threshold: number = DEFAULT_REPEAT_THRESHOLD,
): Array<{ id: string; similarity: number }> {
  const mine = signature(fp);
  if (!mine) return [];
  const found: Array<{ id: string; similarity: number }> = [];
  for (const { id, fingerprint: other } of earlier) {
    // Jaccard can never exceed the ratio of the set sizes: skip what cannot reach the threshold.
    if (Math.min(fp.n, other.n) < threshold * Math.max(fp.n, other.n)) continue;
    const theirs = signature(other);
    if (!theirs) continue;
    const s = agreement(mine, theirs);
    if (s >= threshold) found.push({ id, similarity: s });
  }
  return found.sort((x, y) => y.similarity - x.similarity);
}
