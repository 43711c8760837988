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

/** Pairs are made of content words next to each other in a clause (more pairs measured worse). */
export const PAIR_WINDOW = 1;

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
  const plain = word.replace(/['’]/gu, '');
  if (STOP_WORDS.has(plain)) return null;
  const number = NUMBER_WORDS[plain];
  if (number !== undefined) return number;
  // "14th" is 14; a number with leading zeros is that number.
  if (/^\d+(st|nd|rd|th)?$/u.test(plain)) return String(Number.parseInt(plain, 10));
  const stemmed = stem(plain);
  return CANONICAL.get(stemmed) ?? stemmed;
}

/** The content words of each clause of a text (folded: NFKD, marks and invisible characters dropped, lower case). */
export function clauses(text: string): string[][] {
  const folded = text.replace(INVISIBLE, '').normalize('NFKD').replace(MARKS, '').toLowerCase();
  const out: string[][] = [];
  for (const clause of folded.split(new RegExp(CLAUSE_BREAK.source, 'gu'))) {
    const words: string[] = [];
    for (const [word] of clause.matchAll(WORD)) {
      const content = contentWord(word);
      if (content !== null) words.push(content);
    }
    if (words.length > 0) out.push(words);
  }
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

const UNIGRAM_SALT = 0x2f6b1c3d;
const PAIR_SALT = 0x71d5e9a3;

/** The distinct feature hashes of a text: its content words, and unordered pairs of nearby ones. */
export function featureSet(text: string, key: FingerprintKey): Uint32Array {
  const seen = new Set<number>();
  for (const words of clauses(text)) {
    const hashes = words.map(key.hashWord);
    for (let i = 0; i < hashes.length; i++) {
      const a = hashes[i] as number;
      seen.add(mix32(UNIGRAM_SALT ^ a));
      for (let j = i + 1; j <= i + PAIR_WINDOW && j < hashes.length; j++) {
        const b = hashes[j] as number;
        if (a === b) continue;
        // In no order: "reopen the complaint" and "the complaint, reopen it" share the pair.
        seen.add(mix32(mix32(PAIR_SALT ^ Math.min(a, b)) ^ Math.max(a, b)));
      }
    }
  }
  return Uint32Array.from(seen);
}
