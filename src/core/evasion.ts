// Possible evasion: a sender that resembles a restricted person without being one of their known
// addresses (docs/domain.md "Matching"). Always a warning for a person to judge, never a match.
// The generic local parts, the name rules and the skeleton steps are explained in
// docs/decisions/core-matching.md.
import { normaliseAddress, stripDisplayName } from './address';
import { confusablePrototype } from './confusables';
import type { EvasionKind, EvasionWarning, Mailbox, Strategy } from './types';

// ---- Skeletons (UTS #39 confusable detection) ------------------------------------------------

// Invisible characters: the default-ignorables (zero-width space and joiners, soft hyphen, word
// joiner, BOM, variation selectors, fillers) and every format character (bidirectional controls
// and the like). One of them inside `Pa\u200Bul` must not make it another name or address.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const MARKS = /\p{Mn}/gu;

// Only characters with a prototype of their own change; a text with none is returned as it is.
function mapConfusables(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    const wide = code > 0xffff ? 1 : 0;
    const prototype = confusablePrototype(code);
    if (prototype !== undefined) {
      out += text.slice(last, i) + prototype;
      last = i + 1 + wide;
    }
    i += wide;
  }
  return last === 0 ? text : out + text.slice(last);
}

// One round: decompose and drop combining marks (so `paúl` ~ `paul`), map to prototypes, fold case.
function skeletonRound(text: string): string {
  return mapConfusables(text.normalize('NFD').replace(MARKS, '')).toLowerCase();
}

/**
 * A string's confusable skeleton: two strings that look alike have the same skeleton. NFKC first
 * (full-width and styled letters), invisible characters removed, then rounds of mark stripping,
 * confusable mapping and lower-casing until nothing changes (mapping happens before folding, so an
 * upper-case `I` counts as the `l` it looks like). The reference algorithm: skeleton() gives the
 * same result faster for ASCII.
 */
export function generalSkeleton(text: string): string {
  let current = text.normalize('NFKC').replace(INVISIBLE, '');
  // Prototypes are stable under the map, so two or three rounds settle; the cap bounds the work.
  for (let round = 0; round < 4; round += 1) {
    const next = skeletonRound(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

interface AsciiSkeletons {
  skeleton: string[];
  /** 1 where the character is its own skeleton. */
  same: Uint8Array;
  /** 1 for a capital with a prototype of its own (`I` looks like `l`, `i` does not). */
  caseSensitive: Uint8Array;
  /**
   * Whether foldCapitals may be used: every such capital's skeleton is lower case and its own
   * skeleton (true of the real table; checked, so a new table cannot make it wrong).
   */
  capitalsFold: boolean;
}
let asciiSkeletons: AsciiSkeletons | undefined;

function asciiTables(): AsciiSkeletons {
  if (!asciiSkeletons) {
    const skeletons = Array.from({ length: 128 }, (_, code) => generalSkeleton(String.fromCharCode(code)));
    const same = Uint8Array.from(skeletons, (s, code) => (s === String.fromCharCode(code) ? 1 : 0));
    const caseSensitive = Uint8Array.from(skeletons, (s, code) =>
      code >= 0x41 && code <= 0x5a && s !== skeletons[code + 0x20] ? 1 : 0,
    );
    const stable = (s: string): boolean =>
      s === s.toLowerCase() && [...s].every((ch) => ch.charCodeAt(0) < 128 && same[ch.charCodeAt(0)] === 1);
    const capitalsFold = skeletons.every((s, code) => caseSensitive[code] === 0 || stable(s));
    asciiSkeletons = { skeleton: skeletons, same, caseSensitive, capitalsFold };
  }
  return asciiSkeletons;
}

// Every step of a round works one character at a time, so the skeleton of ASCII text is the
// skeletons of its characters put together: 128 of them, computed once. One pass, no regex,
// no normalisation; this is what keeps a lookup to a few microseconds. Undefined when the text
// is not all printable ASCII.
function asciiSkeleton(text: string): string | undefined {
  const tables = asciiTables();
  let upper = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return undefined;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  // A capital's skeleton is its small letter's, except for the few that look like something
  // else (I is l): those are replaced by their skeleton and the rest lower-cased, natively, so
  // that an address in capitals does not change at every character below.
  const lower = upper && tables.capitalsFold ? foldCapitals(text, tables) : text;
  const { skeleton: table, same } = tables;
  let out = '';
  let last = 0;
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if (same[code] === 1) continue;
    out += lower.slice(last, i) + table[code];
    last = i + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

function foldCapitals(text: string, { caseSensitive, skeleton: table }: AsciiSkeletons): string {
  let out = text;
  for (let code = 0x41; code <= 0x5a; code += 1) {
    if (caseSensitive[code] === 1) out = out.replaceAll(String.fromCharCode(code), table[code] ?? '');
  }
  return out.toLowerCase();
}

/** The confusable skeleton of a string (see generalSkeleton). */
export function skeleton(text: string): string {
  return asciiSkeleton(text) ?? generalSkeleton(text);
}

/**
 * Whether the address as written can have another skeleton than its lower-case form: non-ASCII,
 * or an ASCII capital with a prototype of its own (`I` looks like `l`, `i` does not).
 */
function caseMatters(address: string): boolean {
  const { caseSensitive } = asciiTables();
  for (let i = 0; i < address.length; i += 1) {
    const code = address.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || caseSensitive[code] === 1) return true;
  }
  return false;
}

/** An address skeleton in its two parts (the local part without `+tag` and dots). */
interface SkeletonParts {
  local: string;
  domain: string;
}

/**
 * The skeleton of an address, with `+tag` and the dots of the local part removed (many providers
 * ignore them). Works on malformed addresses too: an address with an invisible character in it is
 * exactly the kind of sender this must catch. Null when there is no `local@domain` shape at all.
 */
export function addressSkeleton(raw: string): string | null {
  const parts = skeletonParts(stripDisplayName(raw));
  return parts ? `${parts.local}@${parts.domain}` : null;
}

/** addressSkeleton, in parts, of an address with no display name around it (a normalised one, say). */
function skeletonParts(bare: string): SkeletonParts | null {
  const text = skeleton(bare);
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const fullLocal = text.slice(0, at);
  const plus = fullLocal.indexOf('+');
  const local = (plus > 0 ? fullLocal.slice(0, plus) : fullLocal).replaceAll('.', '');
  return local.length > 0 ? { local, domain: text.slice(at + 1) } : null;
}

// ---- Names and local parts ---------------------------------------------------------------

/** Role mailboxes many unrelated people share: the same one at another domain says nothing. */
export const GENERIC_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info',
  'admin',
  'administrator',
  'contact',
  'enquiries',
  'enquiry',
  'office',
  'mail',
  'email',
  'hello',
  'help',
  'support',
  'sales',
  'team',
  'reception',
  'complaints',
  'feedback',
  'accounts',
  'postmaster',
  'webmaster',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'inbox',
  'me',
]);

/** Local parts this short (`jo@`, `pe@`) are too common to mean the same person. */
export const MIN_LOCAL_PART_LENGTH = 3;
/** A one-word name shorter than this (`Paul`, `Jo`) is a common first name, not an identity. */
export const MIN_SINGLE_WORD_NAME_LENGTH = 5;

const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'rev',
  'revd',
]);

let genericSkeletons: Set<string> | undefined;

// Compared as skeletons, so `inf0@` is as generic as `info@`.
function distinctiveLocalPart(localSkeleton: string): boolean {
  genericSkeletons ??= new Set([...GENERIC_LOCAL_PARTS].map((local) => skeleton(local).replace(/\./gu, '')));
  return localSkeleton.length >= MIN_LOCAL_PART_LENGTH && !genericSkeletons.has(localSkeleton);
}

const WORD_BREAKS = /[^\p{L}\p{N}]+/u;

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 1;
    count += 1;
  }
  return count;
}

/**
 * A comparable form of a display name, or null when it is too generic to compare: case, accents,
 * punctuation, titles and word order ignored (`Example, Paul` = `Mr Paul Example`), and each word
 * reduced to its skeleton so a Cyrillic `Раul` still counts.
 */
export function nameKey(name: string): string | null {
  const words = asciiWords(name) ?? unicodeWords(name);
  const significant = words.length > 1 ? words.filter((word) => !TITLES.has(word)) : words;
  const [only] = significant;
  if (only === undefined) return null;
  if (significant.length === 1 && codePoints(only) < MIN_SINGLE_WORD_NAME_LENGTH) return null;
  return significant
    .map((word) => skeleton(word))
    .sort()
    .join(' ');
}

/**
 * The lower-case words (letters and digits) of a name, split at everything else once the invisible
 * characters are gone (a zero-width space is not a word break a reader sees).
 */
function unicodeWords(name: string): string[] {
  const folded = name.replace(INVISIBLE, '').normalize('NFKD').replace(MARKS, '').toLowerCase();
  return folded.split(WORD_BREAKS).filter((word) => word.length > 0);
}

/** unicodeWords for a name of printable ASCII, without regular expressions; undefined otherwise. */
function asciiWords(name: string): string[] | undefined {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i += 1) {
    const code = i < name.length ? name.charCodeAt(i) : 0x20;
    if (code < 0x20 || code > 0x7e) return undefined;
    const alnum = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
    if (alnum && start < 0) start = i;
    else if (!alnum && start >= 0) {
      words.push(name.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return words;
}

// ---- The index and the check ---------------------------------------------------------------

interface Candidate {
  strategyId: string;
  /** Normalised address, or the name as the strategy spells it. */
  resembles: string;
}

interface AddressCandidate extends Candidate {
  /** The skeleton of the address's domain. */
  domain: string;
  /** The person's own address (an advocate's is only ever a confusable address). */
  person: boolean;
}

/** The strategy addresses whose skeleton has one local part. */
interface LocalPart {
  /** Whether the local part says who someone is (not `info@`, not `jo@`). */
  distinctive: boolean;
  candidates: AddressCandidate[];
}

export interface EvasionIndex {
  /**
   * Skeleton of a local part → the strategy addresses (the person's and the advocate's) with it,
   * in strategy order. One lookup serves both address checks: the same skeleton at the same
   * domain is a confusable address, at another domain the same local part.
   */
  readonly byLocalPart: ReadonlyMap<string, LocalPart>;
  /** Name key → the strategy names (person name and known names) with it. */
  readonly byName: ReadonlyMap<string, readonly Candidate[]>;
}

function addAddress(map: Map<string, LocalPart>, local: string, candidate: AddressCandidate): void {
  const entry = map.get(local);
  if (entry) entry.candidates.push(candidate);
  else map.set(local, { distinctive: distinctiveLocalPart(local), candidates: [candidate] });
}

export function buildEvasionIndex(strategies: readonly Strategy[]): EvasionIndex {
  const byLocalPart = new Map<string, LocalPart>();
  const byName = new Map<string, Candidate[]>();
  const addresses = (raws: readonly string[], strategyId: string, person: boolean): void => {
    for (const raw of raws) {
      const address = normaliseAddress(raw);
      const parts = address === null ? null : skeletonParts(address);
      if (address === null || parts === null) continue;
      addAddress(byLocalPart, parts.local, { strategyId, resembles: address, domain: parts.domain, person });
    }
  };
  for (const strategy of strategies) {
    addresses(strategy.emailAddresses, strategy.id, true);
    // A look-alike of the advocate's address would otherwise pass as an unrestricted stranger.
    addresses(strategy.advocate?.addresses ?? [], strategy.id, false);
    for (const name of [strategy.personName, ...strategy.knownNames]) {
      const key = nameKey(name);
      if (key === null) continue;
      const list = byName.get(key);
      if (list) list.push({ strategyId: strategy.id, resembles: name });
      else byName.set(key, [{ strategyId: strategy.id, resembles: name }]);
    }
  }
  return { byLocalPart, byName };
}

/** The warnings being collected for one sender (plain functions below, no closures per call). */
interface Collecting {
  readonly warnings: EvasionWarning[];
  readonly matched: ReadonlySet<string>;
  /** The sender's normalised address: resembling it is being it. */
  readonly normalised: string | null;
}

function warn(c: Collecting, kind: EvasionKind, { strategyId, resembles }: Candidate): void {
  if (c.matched.has(strategyId)) return;
  // The sender's own address is a match, not a resemblance (callers normally exclude it already).
  if (kind !== 'same-display-name' && resembles === c.normalised) return;
  if (c.warnings.some((w) => w.strategyId === strategyId && w.kind === kind)) return;
  c.warnings.push({ strategyId, kind, resembles });
}

function checkAddress(index: EvasionIndex, c: Collecting, parts: SkeletonParts | null): void {
  if (parts === null) return;
  const entry = index.byLocalPart.get(parts.local);
  if (entry === undefined) return;
  for (const candidate of entry.candidates) {
    if (candidate.domain === parts.domain) warn(c, 'confusable-address', candidate);
  }
  // Same local part, another domain (at the same domain it is a confusable address).
  if (!entry.distinctive) return;
  for (const candidate of entry.candidates) {
    if (candidate.person && candidate.domain !== parts.domain) warn(c, 'same-local-part', candidate);
  }
}

const sameParts = (a: SkeletonParts | null, b: SkeletonParts | null): boolean =>
  a === b || (a !== null && b !== null && a.local === b.local && a.domain === b.domain);

/**
 * Warnings for every strategy the sender resembles, except those in `matched` (already an exact
 * or advocate match). At most one warning per strategy and kind, in the index's strategy order
 * within each kind.
 */
export function findEvasions(
  index: EvasionIndex,
  from: Mailbox,
  matched: ReadonlySet<string>,
  /** normaliseAddress(from.address), when the caller has it already. */
  normalisedAddress?: string | null,
): EvasionWarning[] {
  const address = typeof from.address === 'string' ? from.address : '';
  const normalised = normalisedAddress === undefined ? normaliseAddress(address) : normalisedAddress;
  const c: Collecting = { warnings: [], matched, normalised };

  // The address as normalised, and as written when its case can matter (an upper-case `I` reads as `l`).
  const normalisedParts = normalised === null ? null : skeletonParts(normalised);
  checkAddress(index, c, normalisedParts);
  // (An address written exactly as normalised has the same skeleton.)
  if (normalised === null || (address !== normalised && caseMatters(address))) {
    const asWritten = skeletonParts(stripDisplayName(address));
    if (!sameParts(asWritten, normalisedParts)) checkAddress(index, c, asWritten);
  }

  const key = typeof from.name === 'string' ? nameKey(from.name) : null;
  for (const candidate of (key === null ? undefined : index.byName.get(key)) ?? []) {
    warn(c, 'same-display-name', candidate);
  }
  return c.warnings;
}
