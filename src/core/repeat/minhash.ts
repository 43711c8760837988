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

// mix32(f ^ seed) begins x ^= x >>> 16, which is linear over XOR: it equals
// (f ^ f >>> 16) ^ (seed ^ seed >>> 16). Both halves are computed once (each feature once per
// text, each seed once here) instead of once per feature per slot.
const SEEDS_SPREAD = Int32Array.from(SEEDS, (s) => s ^ (s >>> 16));

/**
 * Every slot's minimum, as mix32 gives it but XORed with 0x80000000 so the minima compare as
 * signed 32-bit integers: V8 keeps those in registers, where unsigned values above 2^31 would be
 * floating point. Eight slots at a time share each feature's load (measured 7-12% faster than four).
 */
function flippedMinima(features: Uint32Array): Int32Array {
  const n = features.length;
  const spread = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const f = features[j] as number;
    spread[j] = f ^ (f >>> 16);
  }
  const out = new Int32Array(MINHASH_SLOTS);
  for (let i = 0; i < MINHASH_SLOTS; i += 8) {
    const s0 = SEEDS_SPREAD[i] as number;
    const s1 = SEEDS_SPREAD[i + 1] as number;
    const s2 = SEEDS_SPREAD[i + 2] as number;
    const s3 = SEEDS_SPREAD[i + 3] as number;
    const s4 = SEEDS_SPREAD[i + 4] as number;
    const s5 = SEEDS_SPREAD[i + 5] as number;
    const s6 = SEEDS_SPREAD[i + 6] as number;
    const s7 = SEEDS_SPREAD[i + 7] as number;
    let m0 = 0x7fffffff;
    let m1 = 0x7fffffff;
    let m2 = 0x7fffffff;
    let m3 = 0x7fffffff;
    let m4 = 0x7fffffff;
    let m5 = 0x7fffffff;
    let m6 = 0x7fffffff;
    let m7 = 0x7fffffff;
    for (let j = 0; j < n; j++) {
      const f = spread[j] as number;
      let a = Math.imul(f ^ s0, 0x85ebca6b);
      let b = Math.imul(f ^ s1, 0x85ebca6b);
      let c = Math.imul(f ^ s2, 0x85ebca6b);
      let d = Math.imul(f ^ s3, 0x85ebca6b);
      let e = Math.imul(f ^ s4, 0x85ebca6b);
      let g = Math.imul(f ^ s5, 0x85ebca6b);
      let h = Math.imul(f ^ s6, 0x85ebca6b);
      let k = Math.imul(f ^ s7, 0x85ebca6b);
      a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
      b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
      c = Math.imul(c ^ (c >>> 13), 0xc2b2ae35);
      d = Math.imul(d ^ (d >>> 13), 0xc2b2ae35);
      e = Math.imul(e ^ (e >>> 13), 0xc2b2ae35);
      g = Math.imul(g ^ (g >>> 13), 0xc2b2ae35);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      k = Math.imul(k ^ (k >>> 13), 0xc2b2ae35);
      a = a ^ (a >>> 16) ^ -0x80000000;
      b = b ^ (b >>> 16) ^ -0x80000000;
      c = c ^ (c >>> 16) ^ -0x80000000;
      d = d ^ (d >>> 16) ^ -0x80000000;
      e = e ^ (e >>> 16) ^ -0x80000000;
      g = g ^ (g >>> 16) ^ -0x80000000;
      h = h ^ (h >>> 16) ^ -0x80000000;
      k = k ^ (k >>> 16) ^ -0x80000000;
      if (a < m0) m0 = a;
      if (b < m1) m1 = b;
      if (c < m2) m2 = c;
      if (d < m3) m3 = d;
      if (e < m4) m4 = e;
      if (g < m5) m5 = g;
      if (h < m6) m6 = h;
      if (k < m7) m7 = k;
    }
    out[i] = m0;
    out[i + 1] = m1;
    out[i + 2] = m2;
    out[i + 3] = m3;
    out[i + 4] = m4;
    out[i + 5] = m5;
    out[i + 6] = m6;
    out[i + 7] = m7;
  }
  return out;
}

/** The full 32-bit minima of a feature set (never stored: only their low bits are). */
export function minima(features: Uint32Array): Uint32Array {
  return Uint32Array.from(flippedMinima(features), (m) => (m ^ 0x80000000) >>> 0);
}

/** The lowest bit of each minimum, packed 32 slots to a word (the flipped sign bit leaves it be). */
export function oneBitSignature(features: Uint32Array): Uint32Array {
  const mins = flippedMinima(features);
  const sig = new Uint32Array(WORDS);
  for (let w = 0; w < WORDS; w++) {
    let bits = 0;
    for (let k = 0; k < 32; k++) bits |= ((mins[w * 32 + k] as number) & 1) << k;
    sig[w] = bits >>> 0;
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

/**
 * equalSlots when at least `needed` slots agree, else -1, found out as soon as too many differ:
 * once a close repeat is found among a person's earlier messages, every other one is given up
 * after a few words of its signature.
 */
export function equalSlotsAtLeast(a: Uint32Array, b: Uint32Array, needed: number): number {
  const allowed = MINHASH_SLOTS - needed;
  let differ = 0;
  for (let w = 0; w < WORDS; w++) {
    differ += popcount(((a[w] as number) ^ (b[w] as number)) >>> 0);
    if (differ > allowed) return -1;
  }
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
