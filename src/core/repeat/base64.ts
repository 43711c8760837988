// Base64 for MinHash signatures. Written out here (not Buffer, not atob) so core stays pure and
// runs the same in Node, jest and the browser; invalid input yields null instead of throwing.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** The values as little-endian 32-bit words, base64 with padding. */
export function encodeWords(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? 0;
    bytes[i * 4] = w & 0xff;
    bytes[i * 4 + 1] = (w >>> 8) & 0xff;
    bytes[i * 4 + 2] = (w >>> 16) & 0xff;
    bytes[i * 4 + 3] = (w >>> 24) & 0xff;
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET[(triple >>> 18) & 63];
    out += ALPHABET[(triple >>> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(triple >>> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return out;
}

/** Decodes what encodeWords wrote; null when the text is not exactly `count` words of base64. */
export function decodeWords(text: string, count: number): Uint32Array | null {
  const byteLength = count * 4;
  if (text.length !== Math.ceil(byteLength / 3) * 4) return null;
  const bytes = new Uint8Array(byteLength);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPad = code === 61; // '='
      const value = isPad ? 0 : code < 128 ? (DECODE[code] ?? -1) : -1;
      if (value < 0) return null;
      triple = (triple << 6) | value;
    }
    if (o < byteLength) bytes[o++] = (triple >>> 16) & 0xff;
    if (o < byteLength) bytes[o++] = (triple >>> 8) & 0xff;
    if (o < byteLength) bytes[o++] = triple & 0xff;
  }
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    words[i] =
      ((bytes[i * 4] ?? 0) |
        ((bytes[i * 4 + 1] ?? 0) << 8) |
        ((bytes[i * 4 + 2] ?? 0) << 16) |
        ((bytes[i * 4 + 3] ?? 0) << 24)) >>>
      0;
  }
  return words;
}
