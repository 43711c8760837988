// MinHash: for each of K independent hash functions, the smallest hash over the shingle set.
// Two sets agree in one slot with probability equal to their Jaccard similarity, so the share
// of equal slots estimates it (standard error at most 0.5/sqrt(K), 0.044 for K = 128).
import { mix32 } from './shingles';

export const MINHASH_SLOTS = 128;

// The K hash functions are mix32(x XOR seed_i); the seeds are fixed (splitmix32 from a constant)
// so fingerprints computed anywhere, at any time, are comparable.
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SLOTS);
  let state = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = mix32(state);
  }
  return seeds;
})();

/**
 * The signature of a set of distinct shingle hashes. This is K hashes per shingle, the cost of
 * a fingerprint on a long text, so mix32 is written out here rather than called (an imported
 * function may be a getter call per use under some module systems), and each slot's minimum
 * is kept in a local over all the shingles.
 */
export function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SLOTS);
  const n = shingles.length;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    const seed = SEEDS[i] as number;
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      let x = (shingles[j] as number) ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < min) min = x;
    }
    sig[i] = min;
  }
  return sig;
}

/** Share of equal slots: the MinHash estimate of Jaccard similarity. */
export function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SLOTS;
}
