// Bytes of a text file to a string. A byte-order mark decides; otherwise UTF-8, and where that
// fails, Windows-1252 (what Windows Notepad and older mail clients wrote), so that a letter saved
// in an old editor is still read rather than turned into replacement characters.

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // By hand: Node's TextDecoder reads "windows-1252" as Latin-1, losing curly quotes.
    let out = '';
    for (const b of bytes) out += cp1252(b);
    return out;
  }
}

/** Windows-1252's characters for 0x80-0x9F (where it differs from Latin-1). */
const CP1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** One Windows-1252 byte as its character. */
export function cp1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? CP1252[byte - 0x80]! : String.fromCharCode(byte);
}

/** Bytes as Latin-1 characters, one per byte: for formats whose syntax is ASCII (RTF). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}
