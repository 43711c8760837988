// Word shingles for repeat detection. Shingles never cross a sentence end, so the same demand
// with its sentences reordered keeps (almost) all its shingles; a changed word costs only the
// shingles that contain it. Only 32-bit hashes leave this module, never words.
//
// One hand-written pass over the text (no regular expression, no normalised copy of the text):
// a 100 KB body is read in well under a millisecond. ASCII comes from tables; any other code
// point is folded once (compatibility-decomposed, accents dropped, lower case) and cached. The
// shingles are exactly those of the definition in docs/decisions/reading-aids.md (fold the whole
// text, then split it), which test/core/repeat.test.ts checks against a regular-expression
// reading: stored fingerprints stay comparable.

export const SHINGLE_WORDS = 3;

/**
 * A fixed salt mixed into every shingle hash. It is public (so every installation computes the
 * same fingerprint for the same text and stored fingerprints stay comparable); see
 * docs/decisions/reading-aids.md for what the fingerprint does and does not give away.
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

// What a character of the folded text is to the shingler.
/** A letter or a digit: part of a word. */
const WORD = 0;
/** ' or ’: inside a word when a letter or digit follows ("don't" = "dont"), else nothing. */
const APOSTROPHE = 1;
/** . ! ?: a run of them before white space (or the end) ends a sentence. */
const END = 2;
/** \n: a blank line (two of them with only white space between) ends a sentence. */
const NEWLINE = 3;
/** Other white space. */
const SPACE = 4;
const OTHER = 5;
/** Past the end of the text: ends the word and the sentence. */
const STOP = 6;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const ASCII_CLASS = new Uint8Array(128).fill(OTHER);
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_LOWER[c] = ch.toLowerCase().charCodeAt(0);
  if (/[A-Za-z0-9]/.test(ch)) ASCII_CLASS[c] = WORD;
  else if (ch === "'") ASCII_CLASS[c] = APOSTROPHE;
  else if (ch === '.' || ch === '!' || ch === '?') ASCII_CLASS[c] = END;
  else if (ch === '\n') ASCII_CLASS[c] = NEWLINE;
  else if (/\s/u.test(ch)) ASCII_CLASS[c] = SPACE;
}

function classOf(codePoint: string): number {
  const c = codePoint.charCodeAt(0);
  if (codePoint.length === 1 && c < 128) return ASCII_CLASS[c] as number;
  if (codePoint === '\u2019') return APOSTROPHE;
  if (/[\p{L}\p{N}]/u.test(codePoint)) return WORD;
  return /\s/u.test(codePoint) ? SPACE : OTHER;
}

/**
 * Greek capital sigma lower-cases by context (σ inside a word, ς at its end), so a text with one
 * cannot be folded a character at a time; fold() returns this for any character that decomposes
 * to it, and the text is then folded whole first (folding is idempotent, so reading the folded
 * text gives what the definition gives).
 */
const CONTEXT_CASED = new Uint16Array(0);

/**
 * A code point at or above 128, folded: NFKD, combining marks dropped, lower case (so "É" is
 * "e", "ﬁ" is "fi", "…" is "..."), as [class, code unit] pairs. For every character but those
 * that decompose to Σ, folding one at a time gives what folding the whole text gives (checked
 * over all of Unicode when this was written).
 */
const folded = new Map<number, Uint16Array>();
const FOLDED_CAPACITY = 65_536; // bounds the cache on a text of many distinct characters
function fold(codePoint: number): Uint16Array {
  let out = folded.get(codePoint);
  if (out === undefined) {
    if (folded.size >= FOLDED_CAPACITY) folded.clear();
    const base = String.fromCodePoint(codePoint)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '');
    if (base.includes('\u03a3')) out = CONTEXT_CASED;
    else {
      const pairs: number[] = [];
      for (const cp of base.toLowerCase()) {
        for (let u = 0; u < cp.length; u++) pairs.push(classOf(cp), cp.charCodeAt(u));
      }
      out = Uint16Array.from(pairs);
    }
    folded.set(codePoint, out);
  }
  return out;
}

/** The definition's folding of a whole text. */
function foldWhole(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// The shingle hashes found so far (duplicates included), and an open-addressing table to count
// the distinct ones; both grown as needed and reused across calls (nothing else runs meanwhile).
let found: Uint32Array = new Uint32Array(4096);
let table: Uint32Array = new Uint32Array(8192);

/** Stores one more shingle hash at found[count]; returns the new count. */
function keep(count: number, hash: number): number {
  if (count === found.length) {
    const bigger = new Uint32Array(found.length * 2);
    bigger.set(found);
    found = bigger;
  }
  found[count] = hash;
  return count + 1;
}

/**
 * Every shingle hash of a text, duplicates included, into `found`; returns how many. Words are
 * runs of letters and digits (inner apostrophes ignored); sentences end at `.`, `!` or `?` before
 * white space or the end, and at a blank line (a single line break is not an end: mail is
 * hard-wrapped). One loop with its state in locals: it runs once per character. -1 when the
 * text cannot be folded a character at a time (see CONTEXT_CASED).
 */
function allShingles(text: string): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  // Folded units of the current non-ASCII character, still to be read.
  let pending: Uint16Array | null = null;
  let p = 0;
  let inWord = false;
  let apostrophe = false; // inside a word, just after one apostrophe
  let hash = 0; // of the word being read
  let words = 0; // words so far in this sentence
  let w1 = 0; // the last word's hash
  let w2 = 0; // the one before it
  let endRun = false; // just read . ! or ?
  let newline = false; // read \n and since then only white space
  for (;;) {
    let cls = STOP; // past the end of the text
    let unit = 0;
    if (pending !== null) {
      cls = pending[p] as number;
      unit = pending[p + 1] as number;
      p += 2;
      if (p >= pending.length) pending = null;
    } else if (i < n) {
      const c = text.charCodeAt(i++);
      if (c >= 128) {
        const cp = text.codePointAt(i - 1) as number;
        if (cp > 0xffff) i++;
        const units = fold(cp);
        if (units === CONTEXT_CASED) return -1;
        if (units.length > 0) {
          pending = units;
          p = 0;
        }
        continue;
      }
      cls = ASCII_CLASS[c] as number;
      unit = ASCII_LOWER[c] as number;
    }

    if (cls === WORD) {
      if (!inWord) {
        inWord = true;
        endRun = false;
        newline = false;
        hash = FNV_OFFSET;
      }
      apostrophe = false;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      // The usual case, in a loop of its own: more ASCII letters and digits.
      if (pending === null) {
        for (let c = text.charCodeAt(i); c < 128 && ASCII_CLASS[c] === WORD; c = text.charCodeAt(++i)) {
          hash = Math.imul(hash ^ (ASCII_LOWER[c] as number), FNV_PRIME);
        }
      }
      continue;
    }
    if (inWord) {
      if (cls === APOSTROPHE && !apostrophe) {
        apostrophe = true;
        continue;
      }
      // The word ends: a shingle with the two words before it in the sentence.
      inWord = false;
      apostrophe = false;
      const w = hash >>> 0;
      if (++words >= SHINGLE_WORDS) count = keep(count, mix32(mix32(mix32(SALT ^ w2) ^ w1) ^ w));
      w2 = w1;
      w1 = w;
    }
    // Between words: does this character end the sentence?
    if (cls === END) {
      endRun = true;
      newline = false;
      continue;
    }
    const white = cls === SPACE || cls === NEWLINE;
    const sentenceEnds = cls === STOP || (white && endRun) || (cls === NEWLINE && newline);
    newline = cls === NEWLINE || (cls === SPACE && newline);
    endRun = false;
    if (sentenceEnds && words > 0) {
      // A sentence of one or two words is one shingle; longer ones were added word by word.
      if (words === 1) count = keep(count, mix32(SALT ^ w1));
      else if (words === 2) count = keep(count, mix32(mix32(SALT ^ w2) ^ w1));
      words = 0;
    }
    if (cls === STOP) return count;
  }
}

/** The distinct shingle hashes of a text, in no particular order. */
export function shingleSet(text: string): Uint32Array {
  let count = allShingles(text);
  if (count < 0) count = allShingles(foldWhole(text));
  // Duplicates dropped with an open-addressing table (0 marks a free slot, so a hash of 0 is
  // kept apart): a long letter repeats many of its shingles.
  let size = table.length;
  while (size < count * 2) size *= 2;
  if (size > table.length) table = new Uint32Array(size);
  table.fill(0, 0, size);
  const mask = size - 1;
  let distinct = 0;
  let zero = false;
  for (let j = 0; j < count; j++) {
    const h = found[j] as number;
    if (h === 0) {
      if (zero) continue;
      zero = true;
    } else {
      let slot = h & mask;
      let seen = false;
      for (let t = table[slot] as number; t !== 0; t = table[slot] as number) {
        if (t === h) {
          seen = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (seen) continue;
      table[slot] = h;
    }
    found[distinct++] = h;
  }
  return found.slice(0, distinct);
}
