// Values for the words of a text, looked up by where a word stands in the text rather than by a
// string: a long body says the same few hundred words thousands of times, and cutting each one
// out as a new string to look it up was most of the time a fingerprint took.

export const FNV_BASIS = 0x811c9dc5 | 0; // signed, like every value Math.imul gives after it
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a of text[start, end)'s character codes: the hash WordTable.get expects. Kept a signed
 * 32-bit integer, as Math.imul gives it: an unsigned one above 2^31 would be a boxed double when
 * it is passed from the reader to the table.
 */
export function wordHash(text: string, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether text[start, start + word.length) is `word` (a loop V8 inlines, unlike startsWith). */
function sameCharacters(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** One value per distinct word, for one text (open addressing on an FNV-1a hash of the characters). */
export class WordTable<V> {
  private hashes = new Int32Array(256);
  private words: Array<string | undefined> = new Array<string | undefined>(256);
  private values: V[] = new Array<V>(256);
  private count = 0;

  /**
   * The value for text[start, end), made by `make` the first time that word is met. `h` is the
   * word's wordHash, which the reader has already computed as it went.
   */
  get(text: string, start: number, end: number, h: number, make: (word: string) => V): V {
    const length = end - start;
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    for (let word = this.words[slot]; word !== undefined; word = this.words[slot]) {
      if (this.hashes[slot] === h && word.length === length && sameCharacters(text, start, word))
        return this.values[slot] as V;
      slot = (slot + 1) & mask;
    }
    const word = text.slice(start, end);
    const value = make(word);
    this.hashes[slot] = h;
    this.words[slot] = word;
    this.values[slot] = value;
    if (++this.count * 2 > this.hashes.length) this.grow();
    return value;
  }

  private grow(): void {
    const { hashes, words, values } = this;
    const capacity = hashes.length * 2;
    this.hashes = new Int32Array(capacity);
    this.words = new Array<string | undefined>(capacity);
    this.values = new Array<V>(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < hashes.length; i++) {
      const word = words[i];
      if (word === undefined) continue;
      let slot = (hashes[i] as number) & mask;
      while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[i] as number;
      this.words[slot] = word;
      this.values[slot] = values[i] as V;
    }
  }
}
