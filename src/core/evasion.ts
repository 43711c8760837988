// Possible evasion: a sender that resembles a restricted person without being one of their known
// addresses (docs/domain.md "Matching"). Always a warning for a person to judge, never a match.
// The generic local parts, the name rules and the skeleton steps are explained in
// docs/decisions/core-matching.md.
import { normaliseAddress, stripDisplayName } from './address';
import { CONFUSABLES } from './data/confusables';
import type { EvasionKind, EvasionWarning, Mailbox, Strategy } from './types';

// ---- Skeletons (UTS #39 confusable detection) ------------------------------------------------

let table: Map<number, string> | undefined;

// Built on first use: 2,400 entries, well under a millisecond, and nothing at import time.
function confusableTable(): Map<number, string> {
  if (!table) {
    table = new Map();
    for (const entry of CONFUSABLES) {
      const source = entry.codePointAt(0) ?? 0;
      table.set(source, entry.slice(source > 0xffff ? 2 : 1));
    }
  }
  return table;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARKS = /\p{Mn}/gu;

function mapConfusables(text: string): string {
  const map = confusableTable();
  let out = '';
  for (const ch of text) out += map.get(ch.codePointAt(0) ?? 0) ?? ch;
  return out;
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
  let current = text.normalize('NFKC').replace(IGNORABLE, '');
  // Prototypes are stable under the map, so two or three rounds settle; the cap bounds the work.
  for (let round = 0; round < 4; round += 1) {
    const next = skeletonRound(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

let asciiSkeletons: { skeleton: string[]; same: boolean[] } | undefined;

// Every step of a round works one character at a time, so the skeleton of ASCII text is the
// skeletons of its characters put together: 128 of them, computed once. One pass, no regex,
// no normalisation; this is what keeps a lookup to a few microseconds.
function asciiSkeleton(text: string): string {
  if (!asciiSkeletons) {
    const skeletons = Array.from({ length: 128 }, (_, code) => generalSkeleton(String.fromCharCode(code)));
    asciiSkeletons = {
      skeleton: skeletons,
      same: skeletons.map((s, code) => s === String.fromCharCode(code)),
    };
  }
  const { skeleton: table, same } = asciiSkeletons;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (same[code]) continue;
    out += text.slice(last, i) + table[code];
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The confusable skeleton of a string (see generalSkeleton). */
export function skeleton(text: string): string {
  return PRINTABLE_ASCII.test(text) ? asciiSkeleton(text) : generalSkeleton(text);
}

let caseSensitiveAscii: RegExp | undefined;

/**
 * Whether the address as written can have another skeleton than its lower-case form: non-ASCII,
 * or an ASCII capital with a prototype of its own (`I` looks like `l`, `i` does not).
 */
function caseMatters(address: string): boolean {
  if (!PRINTABLE_ASCII.test(address)) return true;
  if (!caseSensitiveAscii) {
    const capitals = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter(
      (c) => skeleton(c) !== skeleton(c.toLowerCase()),
    );
    caseSensitiveAscii = capitals.length > 0 ? new RegExp(`[${capitals.join('')}]`, 'u') : /(?!)/u;
  }
  return caseSensitiveAscii.test(address);
}

/**
 * The skeleton of an address, with `+tag` and the dots of the local part removed (many providers
 * ignore them). Works on malformed addresses too: an address with an invisible character in it is
 * exactly the kind of sender this must catch. Null when there is no `local@domain` shape at all.
 */
export function addressSkeleton(raw: string): string | null {
  const text = skeleton(stripDisplayName(raw));
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const fullLocal = text.slice(0, at);
  const plus = fullLocal.indexOf('+');
  const local = (plus > 0 ? fullLocal.slice(0, plus) : fullLocal).replace(/\./gu, '');
  return local.length > 0 ? `${local}@${text.slice(at + 1)}` : null;
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

function splitSkeleton(addressSkel: string): { local: string; domain: string } {
  const at = addressSkel.lastIndexOf('@');
  return { local: addressSkel.slice(0, at), domain: addressSkel.slice(at + 1) };
}

/**
 * A comparable form of a display name, or null when it is too generic to compare: case, accents,
 * punctuation, titles and word order ignored (`Example, Paul` = `Mr Paul Example`), and each word
 * reduced to its skeleton so a Cyrillic `Раul` still counts.
 */
export function nameKey(name: string): string | null {
  const folded = (
    PRINTABLE_ASCII.test(name) ? name : name.normalize('NFKD').replace(MARKS, '')
  ).toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const significant = words.length > 1 ? words.filter((word) => !TITLES.has(word)) : words;
  const [only] = significant;
  if (only === undefined) return null;
  if (significant.length === 1 && [...only].length < MIN_SINGLE_WORD_NAME_LENGTH) return null;
  return significant
    .map((word) => skeleton(word))
    .sort()
    .join(' ');
}

// ---- The index and the check ---------------------------------------------------------------

interface Candidate {
  strategyId: string;
  /** Normalised address, or the name as the strategy spells it. */
  resembles: string;
  /** For local-part candidates: the skeleton of the address's domain. */
  domain?: string;
}

export interface EvasionIndex {
  /** Address skeleton → the strategy addresses (the person's and the advocate's) that have it. */
  readonly bySkeleton: ReadonlyMap<string, readonly Candidate[]>;
  /** Skeleton of a distinctive local part → the person's addresses with it. */
  readonly byLocalPart: ReadonlyMap<string, readonly Candidate[]>;
  /** Name key → the strategy names (person name and known names) with it. */
  readonly byName: ReadonlyMap<string, readonly Candidate[]>;
}

function add(map: Map<string, Candidate[]>, key: string | null, candidate: Candidate): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(candidate);
  else map.set(key, [candidate]);
}

export function buildEvasionIndex(strategies: readonly Strategy[]): EvasionIndex {
  const bySkeleton = new Map<string, Candidate[]>();
  const byLocalPart = new Map<string, Candidate[]>();
  const byName = new Map<string, Candidate[]>();
  for (const strategy of strategies) {
    const strategyId = strategy.id;
    for (const raw of strategy.emailAddresses) {
      const address = normaliseAddress(raw);
      const skel = address === null ? null : addressSkeleton(address);
      if (address === null || skel === null) continue;
      add(bySkeleton, skel, { strategyId, resembles: address });
      const { local, domain } = splitSkeleton(skel);
      if (distinctiveLocalPart(local)) add(byLocalPart, local, { strategyId, resembles: address, domain });
    }
    // A look-alike of the advocate's address would otherwise pass as an unrestricted stranger.
    for (const raw of strategy.advocate?.addresses ?? []) {
      const address = normaliseAddress(raw);
      if (address !== null) add(bySkeleton, addressSkeleton(address), { strategyId, resembles: address });
    }
    for (const name of [strategy.personName, ...strategy.knownNames]) {
      add(byName, nameKey(name), { strategyId, resembles: name });
    }
  }
  return { bySkeleton, byLocalPart, byName };
}

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
  const warnings: EvasionWarning[] = [];
  const address = typeof from.address === 'string' ? from.address : '';
  const normalised = normalisedAddress === undefined ? normaliseAddress(address) : normalisedAddress;

  const consider = (kind: EvasionKind, candidates: readonly Candidate[] | undefined): void => {
    for (const { strategyId, resembles } of candidates ?? []) {
      if (matched.has(strategyId)) continue;
      // The sender's own address is a match, not a resemblance (callers normally exclude it already).
      if (kind !== 'same-display-name' && resembles === normalised) continue;
      if (warnings.some((w) => w.strategyId === strategyId && w.kind === kind)) continue;
      warnings.push({ strategyId, kind, resembles });
    }
  };

  const checkAddress = (skel: string | null): void => {
    if (skel === null) return;
    consider('confusable-address', index.bySkeleton.get(skel));
    // Same local part, another domain (at the same domain it would be a confusable address).
    const at = skel.lastIndexOf('@');
    const local = skel.slice(0, at);
    if (!distinctiveLocalPart(local)) return;
    const candidates = index.byLocalPart.get(local);
    if (candidates)
      consider(
        'same-local-part',
        candidates.filter((c) => c.domain !== skel.slice(at + 1)),
      );
  };

  // The address as normalised, and as written when its case can matter (an upper-case `I` reads as `l`).
  const normalisedSkeleton = normalised === null ? null : addressSkeleton(normalised);
  checkAddress(normalisedSkeleton);
  if (normalised === null || caseMatters(address)) {
    const asWritten = addressSkeleton(address);
    if (asWritten !== normalisedSkeleton) checkAddress(asWritten);
  }

  const key = typeof from.name === 'string' ? nameKey(from.name) : null;
  if (key !== null) consider('same-display-name', index.byName.get(key));
  return warnings;
}
