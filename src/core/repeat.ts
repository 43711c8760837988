// Repeat detection (REPEATED_CONTENT): is this message substantially the same as an earlier one
// from the person? Each text becomes a one-way MinHash fingerprint of its sentence-bounded word
// shingles; fingerprints, not bodies, are what the contact log keeps (lancs 3.15).
// Decisions and calibration: docs/decisions/reading-aids.md.
import type { Fingerprint } from './types';
import { decodeWords, encodeWords } from './repeat/base64';
import * as mh from './repeat/minhash';
import { stripQuoted } from './repeat/quotes';
import { SHINGLE_WORDS, shingleSet } from './repeat/shingles';

// Module constants, not imported bindings, on the per-comparison path: some module systems
// (tsx, jest) turn every access to an imported binding into a getter call.
const { agreement, MINHASH_SLOTS, minhash } = mh;

/** MinHash v1, 128 slots, sentence-bounded 3-word shingles. Other tags never compare equal. */
export const FINGERPRINT_VERSION = `mh1-${MINHASH_SLOTS}-s${SHINGLE_WORDS}`;

/**
 * Texts with fewer distinct shingles than this are not compared (similarity 0): a two-line note
 * ("Any update? Regards") would otherwise "repeat" every other short note.
 */
export const MIN_SHINGLES = 12;

/** Calibrated on invented letters in test/core/repeat.test.ts; see the decision record. */
export const DEFAULT_REPEAT_THRESHOLD = 0.5;

// Decoded signatures, by their base64 text and by fingerprint object: the same earlier
// fingerprints are compared again for every new message, and decoding costs more than
// comparing. The text map is bounded (cleared when full); the object map lets its keys go.
const DECODED_CAPACITY = 8192;
const decoded = new Map<string, Uint32Array | null>();
const decodedFor = new WeakMap<Fingerprint, Uint32Array | null>();

/** A text read for repeat detection: its distinct shingle hashes, from which the fingerprint is made. */
export interface ShingledText {
  /** How many distinct shingles (the fingerprint's `n`). */
  readonly n: number;
  readonly shingles: Uint32Array;
}

/** The reading of a text that a fingerprint is made from (quoted material cut off first). */
export function shingleText(text: string): ShingledText {
  const shingles = shingleSet(stripQuoted(text));
  return { n: shingles.length, shingles };
}

/** The fingerprint of a text already read: the MinHash signature of its shingles. */
export function fingerprintOf({ n, shingles }: ShingledText): Fingerprint {
  const sig = minhash(shingles);
  const fp = { v: FINGERPRINT_VERSION, sig: encodeWords(sig), n };
  // Compared next (against the person's history) far more often than not: no need to decode it.
  if (n >= MIN_SHINGLES) decodedFor.set(fp, sig);
  return fp;
}

export function fingerprint(text: string): Fingerprint {
  return fingerprintOf(shingleText(text));
}

function signature(fp: Fingerprint): Uint32Array | null {
  let sig = decodedFor.get(fp);
  if (sig !== undefined) return sig;
  if (fp.v !== FINGERPRINT_VERSION || !(fp.n >= MIN_SHINGLES) || typeof fp.sig !== 'string') sig = null;
  else {
    sig = decoded.get(fp.sig);
    if (sig === undefined) {
      if (decoded.size >= DECODED_CAPACITY) decoded.clear();
      sig = decodeWords(fp.sig, MINHASH_SLOTS);
      decoded.set(fp.sig, sig);
    }
  }
  if (typeof fp === 'object' && fp !== null) decodedFor.set(fp, sig);
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

/** Whether an earlier text of `other` distinct shingles could reach the threshold against `n`. */
export function sizesAllow(n: number, other: number, threshold: number): boolean {
  // Jaccard can never exceed the ratio of the set sizes: skip what cannot reach the threshold.
  return !(Math.min(n, other) < threshold * Math.max(n, other));
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
    if (!sizesAllow(fp.n, other.n, threshold)) continue;
    const theirs = signature(other);
    if (!theirs) continue;
    const s = agreement(mine, theirs);
    if (s >= threshold) found.push({ id, similarity: s });
  }
  return found.sort((x, y) => y.similarity - x.similarity);
}

/** The smallest count of equal slots whose share reaches the threshold (MINHASH_SLOTS + 1: none). */
function slotsNeeded(threshold: number): number {
  let needed = 0;
  while (needed <= MINHASH_SLOTS && needed / MINHASH_SLOTS < threshold) needed++;
  return needed;
}

/** Equal slots of two signatures, or -1 as soon as fewer than `atLeast` can be equal. */
function equalSlots(a: Uint32Array, b: Uint32Array, atLeast: number): number {
  const allowedMisses = MINHASH_SLOTS - atLeast;
  let same = 0;
  let misses = 0;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    if (a[i] === b[i]) same++;
    else if (++misses > allowedMisses) return -1;
  }
  return same;
}

/**
 * The first of the most similar earlier items at or above the threshold, or null: what
 * findRepeats(...)[0] names, without building the list (the checks want only the best). Once an
 * item is found, the others are compared only as far as they could still beat it.
 */
export function mostSimilar<T>(
  fp: Fingerprint,
  earlier: Iterable<T>,
  fingerprintOf: (item: T) => Fingerprint | null,
  threshold: number = DEFAULT_REPEAT_THRESHOLD,
): { item: T; similarity: number } | null {
  const mine = signature(fp);
  if (!mine) return null;
  let best: T | undefined;
  let bestSame = -1;
  let needed = slotsNeeded(threshold);
  for (const item of earlier) {
    if (needed > MINHASH_SLOTS) break;
    const other = fingerprintOf(item);
    if (!other || !sizesAllow(fp.n, other.n, threshold)) continue;
    const theirs = signature(other);
    if (!theirs) continue;
    const same = equalSlots(mine, theirs, needed);
    if (same < 0) continue;
    best = item;
    bestSame = same;
    needed = same + 1; // ties keep the first
  }
  return bestSame < 0 ? null : { item: best as T, similarity: bestSame / MINHASH_SLOTS };
}
