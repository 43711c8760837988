// One-bit MinHash (Li & König, "b-Bit Minwise Hashing", WWW 2010): for each of K hash functions,
// the smallest hash over the feature set, of which only the lowest bit is kept. Two sets agree in
// a slot with probability P ≈ J + (1 - J)/2 for Jaccard similarity J, so J ≈ 2P - 1. Keeping one
// bit is what makes the fingerprint give nothing back: a 32-bit minimum is the hash of one
// feature, which a dictionary search can find; one bit is matched by half of every dictionary.
import { mix32 } from './mix';

export const MINHASH_SLOTS = 1024;
/** Bits kept per slot. */
export const BITS = 1;
const WORDS = MINHASH_SLOTS / 32;

// The K hash functions are mix32(x XOR seed_i); fixed seeds (splitmix-like from a constant), so
// fingerprints computed anywhere, at any time, are comparable.
export const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SLOTS);
  let state = 0x6a09e667;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = mix32(state);
  }
  return seeds;
})();

/** The full 32-bit minima of a feature set (never stored: only their low bits are). */
export function minima(features: Uint32Array): Uint32Array {
  const out = new Uint32Array(MINHASH_SLOTS);
  const n = features.length;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    const seed = SEEDS[i] as number;
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      // mix32 written out: this is K hashes per feature, the cost of a fingerprint.
      let x = (features[j] as number) ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < min) min = x;
    }
    out[i] = min;
  }
  return out;
}

/** The lowest bit of each minimum, packed 32 slots to a word. */
export function oneBitSignature(features: Uint32Array): Uint32Array {
  const mins = minima(features);
  const sig = new Uint32Array(WORDS);
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    if (((mins[i] as number) & 1) === 1) sig[i >>> 5] = ((sig[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
  }
  return sig;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** How many slots of two signatures agree. */
export function equalSlots(a: Uint32Array, b: Uint32Array): number {
  let differ = 0;
  for (let w = 0; w < WORDS; w++) differ += popcount(((a[w] as number) ^ (b[w] as number)) >>> 0);
  return MINHASH_SLOTS - differ;
}

/** The Jaccard estimate from a count of equal slots: 2P - 1, in [0, 1]. */
export function jaccardFromEqual(equal: number): number {
  const estimate = (2 * equal) / MINHASH_SLOTS - 1;
  return estimate <= 0 ? 0 : estimate;
}

/** The fewest equal slots whose estimate reaches the threshold (MINHASH_SLOTS + 1: none can). */
export function slotsNeeded(threshold: number): number {
  let needed = 0;
  while (needed <= MINHASH_SLOTS && jaccardFromEqual(needed) < threshold) needed++;
  return needed;
}
