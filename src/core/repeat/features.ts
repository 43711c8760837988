// What repeat detection compares (version 2): the content words of a text, read so that a
// rewording keeps most of them, and the pairs of nearby content words inside one clause, in no
// order. Stop words go, number words become digits ("fourteen" = "14"), words are cut to a rough
// stem ("reopened" = "reopen") and common synonyms of a complaints mailbox become one word
// ("demand", "insist", "require" = "want"). A synonym swap or a digit for a word then changes
// nothing, a reordered clause keeps its pairs, and a changed word costs only its own features.
// Each word is hashed under the organisation's secret key (HMAC-SHA-256), so without the key no
// one can even compute a feature's hash; the fingerprint then keeps one bit of each MinHash
// minimum (minhash.ts). Decisions and threat model: docs/decisions/reading-aids.md.
import { hex, hmacSha256 } from './hmac';
import { mix32 } from './mix';
import { U32Set } from './u32-set';
import * as words from './word-table';

// Module constants, not imported bindings, on the per-character path: some module systems (tsx,
// jest) turn every access to an imported binding into a getter call.
const { FNV_BASIS, FNV_PRIME, WordTable, wordHash } = words;

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not of off on once only or other our ours ourselves out over own same she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves also still yet ever even dear sir madam yours faithfully sincerely regards ' +
    'kind thanks thank please hello hi am pm mr mrs ms miss dr shall may might must let us via per etc ' +
    'im ive id dont didnt doesnt cant wont isnt wasnt havent hasnt'
  ).split(' '),
);

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
  once: '1',
  twice: '2',
  fortnight: '14',
};

// Groups of words a complainant uses for one thing; the first names the group. Written for
// complaints-about-the-police mail in general, before the fixtures (test/core/repeat.fixtures.ts)
// were: the held-out pairs must not have tuned it.
const SYNONYMS: readonly string[] = [
  'want demand insist require request ask expect wish need',
  'officer constable pc policeman policewoman cop copper',
  'complaint grievance',
  'reopen reinvestigate reconsider review',
  'reply respond response answer',
  'tell inform notify',
  'send provide supply give hand forward disclose release',
  'footage video cctv recording camera',
  'immediately urgently promptly now asap',
  'ignore disregard overlook',
  'press newspaper newspapers media journalist journalists paper papers',
  'letter email mail message correspondence',
  'apology apologise apologize sorry',
  'lie untruth dishonest false',
  'hit punch strike assault attack beat',
  'arrest detain detention',
  'angry furious upset',
  'start begin commence',
  'stop cease halt',
  'help assist support',
  'get receive obtain',
  'investigate investigation inquiry enquiry examine',
  'home house property',
  'car vehicle van',
  'phone telephone call ring',
  'promise assure guarantee',
  'refuse decline reject',
  'wrong incorrect mistaken inaccurate',
  'record log note file',
  'explain explanation justify justification reason',
  'proper properly thorough thoroughly full fully complete adequate',
  'take seize confiscate remove',
  'happen occur',
  'say state claim',
  'threaten intimidate',
  'harass pester',
  'fast quick quickly soon rapid',
  'lawyer solicitor',
  'day days',
  'week weeks',
  'month months',
  'year years',
  'child son daughter kid',
  'neighbour neighbor',
];

/** A rough English stem: enough that the forms of a word meet, not a dictionary form. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches')))
    w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // A doubled last consonant left by a cut suffix ("stopped" → "stopp"): one.
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !'aeiouls'.includes(w[w.length - 1] ?? ''))
    w = w.slice(0, -1);
  return w;
}

const CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of SYNONYMS) {
    const [head = '', ...rest] = group.split(' ');
    for (const word of [head, ...rest]) map.set(stem(word), stem(head));
  }
  return map;
})();

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const MARKS = /\p{M}+/gu;
/** Clause ends: sentence ends, blank lines, and , ; : ( ) and dashes between words. */
const CLAUSE_BREAK = /[.!?;:,()]+(?=\s|$)|\n\s*\n|\s[-–—]+\s|[()]/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The canonical content word for a word as written, or null for a stop word. */
export function contentWord(word: string): string | null {
  let content = contentWords.get(word);
  if (content === undefined) {
    if (contentWords.size >= CONTENT_WORD_CAPACITY) contentWords.clear();
    content = readContentWord(word);
    contentWords.set(word, content);
  }
  return content;
}

// A long body repeats its words many times, and reading one (stop word, number, stem, synonym)
// costs several string copies: each word as written is read once. Bounded, like the key's cache
// of word hashes; it holds words, never a text, and nothing of it is stored.
const CONTENT_WORD_CAPACITY = 50_000;
const contentWords = new Map<string, string | null>();

function readContentWord(word: string): string | null {
  const plain = word.replace(/['’]/gu, '');
  if (STOP_WORDS.has(plain)) return null;
  const number = NUMBER_WORDS[plain];
  if (number !== undefined) return number;
  // "14th" is 14; a number with leading zeros is that number.
  if (/^\d+(st|nd|rd|th)?$/u.test(plain)) return String(Number.parseInt(plain, 10));
  const stemmed = stem(plain);
  return CANONICAL.get(stemmed) ?? stemmed;
}

const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'gu');
/** Anything past U+007F. */
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

/**
 * The text as words are read from it: NFKD, marks and invisible characters dropped, lower case.
 * An ASCII text has no marks, no invisible characters and nothing to decompose.
 */
function fold(text: string): { folded: string; ascii: boolean } {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), ascii: true };
  const folded = text.replace(INVISIBLE, '').normalize('NFKD').replace(MARKS, '').toLowerCase();
  return { folded, ascii: !NON_ASCII.test(folded) };
}

/** Whether a character code is an ASCII letter or digit (\p{L} or \p{N} below 128). */
const isAsciiWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/**
 * Called with where a word stands in `text`, whether a clause starts with it, and the word's
 * wordHash (computed while the word is read, so a lookup need not read it again).
 */
export type WordVisitor = (
  text: string,
  start: number,
  end: number,
  startsClause: boolean,
  hash: number,
) => void;

/**
 * Every word of a folded text, in order, with the clause breaks between them: what splitting at
 * CLAUSE_BREAK and matching WORD in each clause gives. An ASCII text (most mail) is read in one
 * pass by character code, with no clause or word cut out as a string (on a long body those copies
 * were most of a fingerprint's time); `ascii` false takes the expressions' way. A property test
 * holds the two readings equal on ASCII text.
 */
export function eachWord(folded: string, ascii: boolean, visit: WordVisitor): void {
  if (!ascii) {
    for (const clause of folded.split(CLAUSE_BREAKS)) {
      WORD.lastIndex = 0;
      let first = true;
      for (let m = WORD.exec(clause); m !== null; m = WORD.exec(clause)) {
        visit(clause, m.index, WORD.lastIndex, first, wordHash(clause, m.index, WORD.lastIndex));
        first = false;
      }
    }
    return;
  }
  const length = folded.length;
  let gapStart = 0;
  let i = 0;
  while (i < length) {
    if (!isAsciiWordCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_BASIS;
    for (;;) {
      for (; i < length; i++) {
        const c = folded.charCodeAt(i);
        if (!isAsciiWordCode(c)) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      // An apostrophe joins two runs of letters ("don't"); anywhere else it ends the word.
      if (folded.charCodeAt(i) === 39 && i + 1 < length && isAsciiWordCode(folded.charCodeAt(i + 1))) {
        h = Math.imul(h ^ 39, FNV_PRIME);
        i++;
      } else break;
    }
    const startsClause =
      gapStart === 0 ||
      // Most gaps are one space, which cannot break a clause.
      (!(start - gapStart === 1 && folded.charCodeAt(gapStart) === 32) &&
        asciiGapBreaksClause(folded, gapStart, start));
    visit(folded, start, i, startsClause, h);
    gapStart = i;
  }
}

/** ASCII whitespace, as \s reads it below 128: tab, line feed, vertical tab, form feed, return, space. */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Whether the gap between two words of ASCII text, text[from, to), holds a clause break:
 * CLAUSE_BREAK read by character code (the gap has no letter or digit, and a word follows it):
 * a bracket; one of . ! ? ; : , before white space; two line breaks with only white space
 * between; or hyphens with white space either side (the en and em dashes are not ASCII).
 */
function asciiGapBreaksClause(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 40 || c === 41) return true; // ( )
    const next = k + 1 < to ? text.charCodeAt(k + 1) : -1;
    // . ! ? ; : , then white space
    if ((c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 44) && isAsciiSpace(next))
      return true;
    if (c === 10) {
      for (let m = k + 1; m < to; m++) {
        const d = text.charCodeAt(m);
        if (d === 10) return true; // \n \s* \n
        if (!isAsciiSpace(d)) break;
      }
    }
    if (next === 45 && isAsciiSpace(c)) {
      let m = k + 1;
      while (m < to && text.charCodeAt(m) === 45) m++;
      if (m < to && isAsciiSpace(text.charCodeAt(m))) return true; // \s -+ \s
    }
  }
  return false;
}

/** The content words of each clause of a text (folded: NFKD, marks and invisible characters dropped, lower case). */
export function clauses(text: string): string[][] {
  const { folded, ascii } = fold(text);
  const out: string[][] = [];
  let words: string[] = [];
  eachWord(folded, ascii, (source, start, end, startsClause) => {
    if (startsClause && words.length > 0) {
      out.push(words);
      words = [];
    }
    const content = contentWord(source.slice(start, end));
    if (content !== null) words.push(content);
  });
  if (words.length > 0) out.push(words);
  return out;
}

/**
 * The organisation's fingerprint key: words are hashed under it, and its id (which gives nothing
 * of the key away) goes into the version tag, so fingerprints made under another key are never
 * compared with these.
 */
export interface FingerprintKey {
  readonly id: string;
  readonly hashWord: (word: string) => number;
}

const KEY_ID_MESSAGE = 'contact-strategy-triage fingerprint key id';
const WORD_CACHE_CAPACITY = 50_000;

/** The key made from an organisation's secret (any text; at least 32 random characters is right). */
export function fingerprintKey(secret: string): FingerprintKey {
  const mac = hmacSha256(secret);
  const id = hex(mac(KEY_ID_MESSAGE)).slice(0, 12);
  const cache = new Map<string, number>();
  const hashWord = (word: string): number => {
    let h = cache.get(word);
    if (h === undefined) {
      if (cache.size >= WORD_CACHE_CAPACITY) cache.clear();
      h = mac(`w:${word}`)[0] as number;
      cache.set(word, h);
    }
    return h;
  };
  return { id, hashWord };
}

/** Salts of a content word's own feature and of a pair's (a pair of one word twice is none). */
export const UNIGRAM_SALT = 0x2f6b1c3d;
export const PAIR_SALT = 0x71d5e9a3;

/** The distinct feature hashes of a text: its content words, and unordered pairs of nearby ones. */
export function featureSet(text: string, key: FingerprintKey): Uint32Array {
  const seen = new U32Set();
  const { folded, ascii } = fold(text);
  // Each word as written, read once per text: its keyed content-word hash (as a signed 32-bit
  // integer, which V8 need not box), or null for a stop word. A content word's own feature is
  // added then, the first time the word is met, rather than again at every later use.
  const hashes = new WordTable<number | null>();
  const hashOf = (word: string): number | null => {
    const content = contentWord(word);
    if (content === null) return null;
    const h = key.hashWord(content);
    seen.add(mix32(UNIGRAM_SALT ^ h));
    return h | 0;
  };
  let previous: number | null = null;
  eachWord(folded, ascii, (source, start, end, startsClause, hash) => {
    if (startsClause) previous = null;
    const a = hashes.get(source, start, end, hash, hashOf);
    if (a === null) return;
    // Each word pairs with the one before it in its clause only (wider windows measured worse),
    // in no order: "reopen the complaint" and "the complaint, reopen it" share the pair. The
    // smaller hash as unsigned goes first (flipping the sign bit orders signed as unsigned).
    if (previous !== null && previous !== a) {
      const aFirst = (a ^ -0x80000000) < (previous ^ -0x80000000);
      seen.add(mix32(mix32(PAIR_SALT ^ (aFirst ? a : previous)) ^ (aFirst ? previous : a)));
    }
    previous = a;
  });
  return seen.values();
}
