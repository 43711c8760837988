// Word shingles for repeat detection. Shingles never cross a sentence end, so the same demand
// with its sentences reordered keeps (almost) all its shingles; a changed word costs only the
// shingles that contain it. Only 32-bit hashes leave this module, never words.

export const SHINGLE_WORDS = 3;

/**
 * A fixed salt mixed into every shingle hash. It is public (so every installation computes the
 * same fingerprint for the same text and stored fingerprints stay comparable); what makes the
 * fingerprint one-way is MinHash itself (see docs/decisions/reading-aids.md).
 */
const SALT = 0x5c0ffee5;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// FNV-1a over UTF-16 code units; apostrophes are skipped so "don't" and "dont" are one word.
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) continue;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function shingleHash(words: readonly number[], from: number, to: number): number {
  let h = SALT;
  for (let i = from; i < to; i++) h = mix32(h ^ (words[i] ?? 0));
  return h;
}

function addSentence(words: readonly number[], into: Set<number>): void {
  if (words.length === 0) return;
  if (words.length < SHINGLE_WORDS) {
    into.add(shingleHash(words, 0, words.length));
    return;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) into.add(shingleHash(words, i, i + SHINGLE_WORDS));
}

// A word (letters and digits, with inner apostrophes), or a sentence end: terminal punctuation
// before white space, or a blank line. A single line break is not an end: mail is hard-wrapped.
const TOKEN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[.!?]+(?=\s|$)|\n[^\S\n]*\n/gu;

/** Comparable text: compatibility-decomposed, accents dropped, lower case. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The set of distinct shingle hashes of a text (already passed through comparableText). */
export function shingleHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  let sentence: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const first = token.charCodeAt(0);
    const isBreak = first === 0x2e || first === 0x21 || first === 0x3f || first === 0x0a;
    if (isBreak) {
      addSentence(sentence, hashes);
      sentence = [];
    } else {
      const start = m.index ?? 0;
      sentence.push(wordHash(text, start, start + token.length));
    }
  }
  addSentence(sentence, hashes);
  return hashes;
}
