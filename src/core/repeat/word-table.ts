// Values for the words of a text, looked up by where a word stands in the text rather than by a
// string: a long body says the same few hundred words thousands of times, and cutting each one
// out as a new string to look it up was most of the time a fingerprint took.

/** One value per distinct word, for one text (open addressing on an FNV-1a hash of the characters). */
export class WordTable<V> {
  private hashes = new Uint32Array(256);
  private words: Array<string | undefined> = new Array<string | undefined>(256);
  private values: V[] = new Array<V>(256);
  private count = 0;

  /** The value for text[start, end), made by `make` the first time that word is met. */
  get(text: string, start: number, end: number, make: (word: string) => V): V {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h >>>= 0;
    const length = end - start;
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    for (let word = this.words[slot]; word !== undefined; word = this.words[slot]) {
      if (this.hashes[slot] === h && word.length === length && text.startsWith(word, start))
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
    this.hashes = new Uint32Array(capacity);
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
