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

export function minhash(shingles: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH_SLOTS).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < MINHASH_SLOTS; i++) {
      const v = mix32(h ^ (SEEDS[i] ?? 0));
      if (v < (sig[i] ?? 0)) sig[i] = v;
    }
  }
  return sig;
}

/** Share of equal slots: the MinHash estimate of Jaccard similarity. */
export function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SLOTS;
}
