// HMAC-SHA-256 (RFC 2104, FIPS 180-4), written out so core stays pure and synchronous in Node,
// jest and the browser (Web Crypto is asynchronous only). Used for short inputs (one word at a
// time), with the key's inner and outer states computed once per key.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const w = new Uint32Array(64);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** One SHA-256 compression of the 64-byte block at `block[offset..]` into `state`. */
function compress(state: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + i * 4;
    w[i] =
      ((block[o] as number) << 24) |
      ((block[o + 1] as number) << 16) |
      ((block[o + 2] as number) << 8) |
      (block[o + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15] as number;
    const b = w[i - 2] as number;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const t1 =
      (h +
        (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
        ((e & f) ^ (~e & g)) +
        (K[i] as number) +
        (w[i] as number)) |
      0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  const out = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = ((state[i] as number) + (out[i] as number)) >>> 0;
}

/** SHA-256 of `data`, continuing from `state` after `prefixBytes` bytes already compressed. */
function finish(state: Uint32Array, data: Uint8Array, prefixBytes: number): Uint32Array {
  const s = Uint32Array.from(state);
  const full = Math.floor(data.length / 64) * 64;
  for (let o = 0; o < full; o += 64) compress(s, data, o);
  const rest = data.length - full;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(full));
  tail[rest] = 0x80;
  const bits = (prefixBytes + data.length) * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(tail.length - 4, bits >>> 0);
  for (let o = 0; o < tail.length; o += 64) compress(s, tail, o);
  return s;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function bytesOf(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}

/** SHA-256 of a text (UTF-8), as eight 32-bit words. */
export function sha256(text: string): Uint32Array {
  return finish(INITIAL, utf8(text), 0);
}

/** HMAC-SHA-256 under one key: the key's pads are compressed once, then each message costs two blocks. */
export function hmacSha256(key: string): (message: string) => Uint32Array {
  let keyBytes = utf8(key);
  if (keyBytes.length > 64) keyBytes = bytesOf(sha256(key));
  const pad = (byte: number): Uint8Array => {
    const block = new Uint8Array(64).fill(byte);
    keyBytes.forEach((b, i) => (block[i] = b ^ byte));
    return block;
  };
  const inner = Uint32Array.from(INITIAL);
  compress(inner, pad(0x36), 0);
  const outer = Uint32Array.from(INITIAL);
  compress(outer, pad(0x5c), 0);
  return (message) => finish(outer, bytesOf(finish(inner, utf8(message), 64)), 64);
}

/** Eight words as lower-case hex. */
export function hex(words: Uint32Array): string {
  return [...words].map((x) => x.toString(16).padStart(8, '0')).join('');
}
