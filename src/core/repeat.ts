// Repeat detection (REPEATED_CONTENT): is this message substantially the same as an earlier one
// from the person? Each text becomes a one-way fingerprint: one-bit MinHash of its content words
// and nearby word pairs. Fingerprints, not bodies, are what the contact log keeps (lancs 3.15),
// and a fingerprint gives nothing of the text back. Decisions, threat model and calibration:
// docs/decisions/reading-aids.md.
import type { Fingerprint } from './types';
import { decodeWords, encodeWords } from './repeat/base64';
import { featureSet, fingerprintKey, type FingerprintKey } from './repeat/features';
import * as mh from './repeat/minhash';
import { stripQuoted } from './repeat/quotes';

// Module constants, not imported bindings, on the per-comparison path: some module systems
// (tsx, jest) turn every access to an imported binding into a getter call.
const { equalSlots, equalSlotsAtLeast, jaccardFromEqual, MINHASH_SLOTS, oneBitSignature, slotsNeeded } = mh;
const SIGNATURE_WORDS = MINHASH_SLOTS / 32;

export { fingerprintKey, type FingerprintKey };

/**
 * Version 2: one-bit MinHash, 1,024 slots, keyed content words and pairs (features f1), then
 * `-k` and the key's id. Version 1 ("mh1-128-s3", full 32-bit minima of public 3-word shingle
 * hashes) gave phrases back and is never compared: `triage fingerprints` purges it.
 */
export const FINGERPRINT_VERSION = `mh2-b${mh.BITS}-${MINHASH_SLOTS}-f1`;
const VERSION_PREFIX = `${FINGERPRINT_VERSION}-k`;

/**
 * The key when the organisation has set no secret: public, so it protects nothing by itself
 * (only the one-bit signature does). Production sets a secret (docs/decisions/reading-aids.md).
 */
export const PUBLIC_KEY: FingerprintKey = fingerprintKey('');

/**
 * Texts with fewer distinct features than this are not compared (similarity 0), and their
 * fingerprint holds no signature at all: a two-line note ("Any update? Regards") would otherwise
 * "repeat" every other short note.
 */
export const MIN_SHINGLES = 16;

/** Calibrated on the tuning part of test/core/repeat.fixtures.ts; see the decision record. */
export const DEFAULT_REPEAT_THRESHOLD = 0.18;

// Decoded signatures, by their base64 text and by fingerprint object: the same earlier
// fingerprints are compared again for every new message. The text map is bounded.
const DECODED_CAPACITY = 8192;
const decoded = new Map<string, Uint32Array | null>();
const decodedFor = new WeakMap<Fingerprint, Uint32Array | null>();

/** A text read for repeat detection: its distinct feature hashes, from which the fingerprint is made. */
export interface ShingledText {
  /** How many distinct features (the fingerprint's `n`). */
  readonly n: number;
  readonly shingles: Uint32Array;
  /** The version tag, with the id of the key the features were hashed under. */
  readonly v: string;
}

// One version string per key, so comparing tags against a thousand earlier rows is mostly a
// pointer comparison rather than a fresh string's characters.
const versions = new WeakMap<FingerprintKey, string>();

function versionOf(key: FingerprintKey): string {
  let v = versions.get(key);
  if (v === undefined) {
    v = `${VERSION_PREFIX}${key.id}`;
    versions.set(key, v);
  }
  return v;
}

/** The reading of a text that a fingerprint is made from (quoted material cut off first). */
export function shingleText(text: string, key: FingerprintKey = PUBLIC_KEY): ShingledText {
  const features = featureSet(stripQuoted(typeof text === 'string' ? text : ''), key);
  return { n: features.length, shingles: features, v: versionOf(key) };
}

/** The fingerprint of a text already read; a text too small to compare keeps no signature. */
export function fingerprintOf({ n, shingles, v }: ShingledText): Fingerprint {
  if (n < MIN_SHINGLES) return { v, sig: '', n };
  const sig = oneBitSignature(shingles);
  const fp = { v, sig: encodeWords(sig), n };
  decodedFor.set(fp, sig);
  return fp;
}

export function fingerprint(text: string, key: FingerprintKey = PUBLIC_KEY): Fingerprint {
  return fingerprintOf(shingleText(text, key));
}

/** Whether a stored fingerprint is of the current format (any key); others are purged. */
export function isCurrentFingerprint(fp: Fingerprint): boolean {
  return typeof fp?.v === 'string' && fp.v.startsWith(VERSION_PREFIX);
}

function signature(fp: Fingerprint): Uint32Array | null {
  if (typeof fp !== 'object' || fp === null) return null;
  let sig = decodedFor.get(fp);
  if (sig !== undefined) return sig;
  if (!isCurrentFingerprint(fp) || !(fp.n >= MIN_SHINGLES) || typeof fp.sig !== 'string') sig = null;
  else {
    sig = decoded.get(fp.sig);
    if (sig === undefined) {
      if (decoded.size >= DECODED_CAPACITY) decoded.clear();
      sig = decodeWords(fp.sig, SIGNATURE_WORDS);
      decoded.set(fp.sig, sig);
    }
  }
  decodedFor.set(fp, sig);
  return sig;
}

/**
 * Estimated Jaccard similarity of the two texts' feature sets, in [0, 1]. 0 when either text is
 * too small to compare, or a fingerprint is of another version or malformed.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a?.v !== b?.v) return 0; // another key: the slots mean different things
  const sa = signature(a);
  const sb = signature(b);
  return sa && sb ? jaccardFromEqual(equalSlots(sa, sb)) : 0;
}

/** Whether an earlier text of `other` distinct features could reach the threshold against `n`. */
export function sizesAllow(n: number, other: number, threshold: number): boolean {
  // Jaccard can never exceed the ratio of the set sizes; the margin allows for the estimate's
  // error (about 0.03 at 1,024 one-bit slots), so a close call is compared rather than skipped.
  return !(Math.min(n, other) < (threshold - 0.1) * Math.max(n, other));
}

/** The earlier fingerprints at or above the threshold, most similar first (ties keep input order). */
export function findRepeats(
  fp: Fingerprint,
  earlier: ReadonlyArray<{ id: string; fingerprint: Fingerprint }>,
  threshold: number = DEFAULT_REPEAT_THRESHOLD,
): Array<{ id: string; similarity: number }> {
  const mine = signature(fp);
  if (!mine) return [];
  const found: Array<{ id: string; similarity: number }> = [];
  for (const { id, fingerprint: other } of earlier) {
    if (other?.v !== fp.v || !sizesAllow(fp.n, other.n, threshold)) continue;
    const theirs = signature(other);
    if (!theirs) continue;
    const s = jaccardFromEqual(equalSlots(mine, theirs));
    if (s >= threshold) found.push({ id, similarity: s });
  }
  return found.sort((x, y) => y.similarity - x.similarity);
}

/**
 * The first of the most similar earlier items at or above the threshold, or null: what
 * findRepeats(...)[0] names, without building the list (the checks want only the best).
 */
export function mostSimilar<T>(
  fp: Fingerprint,
  earlier: Iterable<T>,
  fingerprintOf: (item: T) => Fingerprint | null,
  threshold: number = DEFAULT_REPEAT_THRESHOLD,
): { item: T; similarity: number } | null {
  const mine = signature(fp);
  if (!mine) return null;
  let best: { item: T; same: number } | null = null;
  let needed = slotsNeeded(threshold);
  for (const item of earlier) {
    if (needed > MINHASH_SLOTS) break;
    const other = fingerprintOf(item);
    if (!other || other.v !== fp.v || !sizesAllow(fp.n, other.n, threshold)) continue;
    const theirs = signature(other);
    if (!theirs) continue;
    const same = equalSlotsAtLeast(mine, theirs, needed);
    if (same < 0) continue;
    best = { item, same };
    needed = same + 1; // ties keep the first
  }
  return best === null ? null : { item: best.item, similarity: jaccardFromEqual(best.same) };
}
