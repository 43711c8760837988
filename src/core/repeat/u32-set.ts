// A set of 32-bit numbers in one typed array (open addressing, linear probing). A fingerprint of a
// long body adds tens of thousands of feature hashes, most of them already held; a Set<number>
// spends much of that time on its own bookkeeping and garbage.

/** The distinct values added, in no particular order. */
export class U32Set {
  private slots: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(expected = 64) {
    let capacity = 64;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(value: number): void {
    const v = value >>> 0;
    const mask = this.slots.length - 1;
    // The values are already well-mixed hashes: their low bits are a good slot.
    let i = v & mask;
    while (this.used[i] === 1) {
      if (this.slots[i] === v) return;
      i = (i + 1) & mask;
    }
    this.slots[i] = v;
    this.used[i] = 1;
    if (++this.count * 2 > this.slots.length) this.grow();
  }

  values(): Uint32Array {
    const out = new Uint32Array(this.count);
    let o = 0;
    for (let i = 0; i < this.slots.length; i++) if (this.used[i] === 1) out[o++] = this.slots[i] as number;
    return out;
  }

  private grow(): void {
    const old = this.values();
    this.slots = new Uint32Array(this.slots.length * 2);
    this.used = new Uint8Array(this.slots.length);
    this.count = 0;
    for (const v of old) this.add(v);
  }
}
