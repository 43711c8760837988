// The fingerprint made the plain way, as a baseline for the fast one in the same run: each clause's
// content words cut out as strings (features.clauses), the features in a Set, and every slot's
// minimum by one mix32 call per feature (K x n calls). It gives the same bits, and the benches
// check that it does, so the figure beside it is for the same answer.
import { FINGERPRINT_VERSION, MIN_SHINGLES, PUBLIC_KEY, type FingerprintKey } from '../src/core/repeat';
import { encodeWords } from '../src/core/repeat/base64';
import { PAIR_SALT, UNIGRAM_SALT, clauses } from '../src/core/repeat/features';
import { MINHASH_SLOTS, SEEDS } from '../src/core/repeat/minhash';
import { mix32 } from '../src/core/repeat/mix';
import { stripQuoted } from '../src/core/repeat/quotes';
import type { Fingerprint } from '../src/core/types';

export function naiveFingerprint(text: string, key: FingerprintKey = PUBLIC_KEY): Fingerprint {
  const features = new Set<number>();
  for (const words of clauses(stripQuoted(text))) {
    let previous: number | null = null;
    for (const word of words) {
      const a = key.hashWord(word);
      features.add(mix32(UNIGRAM_SALT ^ a));
      if (previous !== null && previous !== a)
        features.add(mix32(mix32(PAIR_SALT ^ Math.min(a, previous)) ^ Math.max(a, previous)));
      previous = a;
    }
  }
  const v = `${FINGERPRINT_VERSION}-k${key.id}`;
  const n = features.size;
  if (n < MIN_SHINGLES) return { v, sig: '', n };
  const sig = new Uint32Array(MINHASH_SLOTS / 32);
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    let min = 0xffffffff;
    for (const f of features) min = Math.min(min, mix32(f ^ (SEEDS[i] as number)));
    if (min & 1) sig[i >>> 5] = ((sig[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
  }
  return { v, sig: encodeWords(sig), n };
}
