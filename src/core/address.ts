// Email address normalisation: the one identity used for matching a sender to a strategy
// (docs/domain.md "Matching": case-insensitive, trimmed, Unicode NFC, `name+tag@` → `name@`).
// Decisions where the spec is silent are in docs/decisions/core-matching.md.

export interface AddressParts {
  local: string;
  domain: string;
}

/** An address as written, validated, with the `+tag` split off; case is kept (evasion checks need it). */
export interface ReadAddress extends AddressParts {
  tag: string | null;
}

// RFC 5321 limit; also keeps pathological input from costing anything.
const MAX_LENGTH = 254;
// Display-name wrapper: `Paul Example <paul@example.com>` (anything before the last `<…>`).
const WRAPPED = /<([^<>]*)>$/u;
// Characters that cannot appear unquoted in an address: whitespace, controls, invisible format
// characters, RFC 5322 specials. Quoted local parts (`"a b"@x`) are not supported: they fail here.
const FORBIDDEN = /[\s\p{Cc}\p{Cf}\p{Z}<>()[\]\\,;:"]/u;
// Most addresses are plain printable ASCII, which Unicode normalisation leaves alone: skip it for them
// (it is most of the cost of a lookup otherwise).
const ASCII = /^[\x20-\x7e]*$/u;

/** The address inside a display-name wrapper (`Paul Example <paul@example.com>`), trimmed; not validated. */
export function stripDisplayName(raw: string): string {
  const trimmed = raw.trim();
  const wrapped = trimmed.endsWith('>') ? WRAPPED.exec(trimmed) : null;
  return (wrapped ? (wrapped[1] ?? '') : trimmed).trim();
}

function validDomain(domain: string): boolean {
  // At least two labels, none empty: `example.com`, not `examplecom`, `example..com` or `.com`.
  // A dotless domain is almost always a typo in a strategy row; public mail never uses one.
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => label.length > 0);
}

/** Reads an address keeping its case (NFC), or null when it is malformed. */
export function readAddress(raw: string): ReadAddress | null {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH * 4) return null;
  const stripped = stripDisplayName(raw);
  const bare = ASCII.test(stripped) ? stripped : stripped.normalize('NFC');
  if (bare.length === 0 || bare.length > MAX_LENGTH || FORBIDDEN.test(bare)) return null;
  const at = bare.indexOf('@');
  if (at <= 0 || at !== bare.lastIndexOf('@')) return null;
  const fullLocal = bare.slice(0, at);
  const domain = bare.slice(at + 1);
  if (!validDomain(domain)) return null;
  // `+tag` sub-addressing: only when something precedes the `+`, so `+x@example.com` stays whole.
  const plus = fullLocal.indexOf('+');
  if (plus > 0) return { local: fullLocal.slice(0, plus), domain, tag: fullLocal.slice(plus + 1) };
  return { local: fullLocal, domain, tag: null };
}

// Lower-casing can leave a string that is no longer NFC (and NFC can expose new capitals), so
// repeat until stable; two rounds settle every input fast-check has found, four is a safe cap.
function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    const next = current.toLowerCase().normalize('NFC');
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The normalised parts of an address (`local` without its `+tag`), or null when malformed. */
export function splitAddress(raw: string): AddressParts | null {
  const read = readAddress(raw);
  if (!read) return null;
  const local = foldCase(read.local);
  const domain = foldCase(read.domain);
  return { local, domain };
}

// Code units that let an address take the short way below: printable ASCII other than space, the
// display-name brackets and the characters FORBIDDEN rejects.
const PLAIN = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) PLAIN[c] = FORBIDDEN.test(String.fromCharCode(c)) ? 0 : 1;
const AT = 0x40;
const DOT = 0x2e;

/**
 * normaliseAddress for the usual address (printable ASCII, no spaces, no display name, one @): a
 * single pass with no regular expression. Undefined for anything else, which takes the general
 * way; null for a malformed domain.
 */
function plainAddress(raw: string): string | null | undefined {
  const n = raw.length;
  if (n === 0 || n > MAX_LENGTH) return undefined;
  let at = -1;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || PLAIN[c] === 0) return undefined;
    if (c === AT) {
      if (at >= 0) return undefined;
      at = i;
    } else if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (at <= 0) return undefined;
  // The domain: at least two labels, none empty (validDomain).
  if (at === n - 1 || raw.charCodeAt(at + 1) === DOT || raw.charCodeAt(n - 1) === DOT) return null;
  const firstDot = raw.indexOf('.', at + 1);
  if (firstDot < 0 || raw.includes('..', at + 1)) return null;
  const plus = raw.indexOf('+');
  const bare = plus > 0 && plus < at ? raw.slice(0, plus) + raw.slice(at) : raw;
  return upper ? bare.toLowerCase() : bare;
}

/**
 * The matching identity of an address: trimmed, display-name wrapper removed, NFC, lower case,
 * `local+tag@domain` → `local@domain`. Null for a malformed address (no @, empty parts, spaces…).
 */
export function normaliseAddress(raw: string): string | null {
  if (typeof raw === 'string') {
    const plain = plainAddress(raw);
    if (plain !== undefined) return plain;
  }
  const parts = splitAddress(raw);
  return parts ? `${parts.local}@${parts.domain}` : null;
}
