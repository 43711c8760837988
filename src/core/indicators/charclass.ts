// What each character is to the tokeniser. ASCII comes from a table; anything else is worked out
// once per code point (case, compatibility forms, accents, look-alikes) and cached.
import { confusablePrototype } from '../confusables';
import { DIGIT_0, LETTER_A, OTHER_WORD } from './symbols';

// Character classes (plain numbers: they are compared in the tokeniser's inner loop).
/** Letters and digits, including non-ASCII ones mapped to ASCII (see CharInfo.fines). */
export const WORD = 0;
/** @ $ ! | : leetspeak inside a word, punctuation anywhere else. */
export const LEET = 1;
/** Apostrophes: ignored inside a word ("don't" = "dont"), punctuation at its edges. */
export const APOSTROPHE = 2;
/** Combining marks and invisible format characters: part of the character before them. */
export const ABSORB = 3;
/** White space other than a line break. */
export const SPACE = 4;
export const NEWLINE = 5;
/** Hyphens, dashes, underscores: join words like a space ("self-harm" = "self harm"). */
export const DASH = 6;
/** . and ? (and ! outside a word): may end a sentence. */
export const END = 7;
export const PUNCT = 8;

export interface CharInfo {
  cls: number;
  /** For Word: the fine symbols it stands for (usually one; "æ" is two, "ß" is two). */
  fines: Uint8Array;
}

const NONE = new Uint8Array(0);
const info = (cls: number, fines: Uint8Array = NONE): CharInfo => ({ cls, fines });

function finesOf(ascii: string): Uint8Array {
  const out = new Uint8Array(ascii.length);
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    out[i] = c >= 48 && c <= 57 ? DIGIT_0 + (c - 48) : LETTER_A + (c - 97);
  }
  return out;
}

function asciiInfo(c: number): CharInfo {
  const ch = String.fromCharCode(c);
  if (/[a-z0-9]/.test(ch)) return info(WORD, finesOf(ch));
  if (/[A-Z]/.test(ch)) return info(WORD, finesOf(ch.toLowerCase()));
  if ('@$!|'.includes(ch)) return info(LEET);
  if ("'`".includes(ch)) return info(APOSTROPHE);
  if (ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f') return info(NEWLINE);
  if (ch === ' ' || ch === '\t') return info(SPACE);
  if (ch === '-' || ch === '_') return info(DASH);
  if (ch === '.' || ch === '?') return info(END);
  return info(PUNCT);
}

/** ASCII classes and (for letters and digits) fine symbols, indexed by code unit. */
export const ASCII_CLASS = new Uint8Array(128);
export const ASCII_FINE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const { cls, fines } = asciiInfo(c);
  ASCII_CLASS[c] = cls;
  ASCII_FINE[c] = fines[0] ?? 0;
}

/** Letters whose decomposition keeps no ASCII base, or whose look-alike table entry is wrong for English. */
const OVERRIDES: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/u;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02B9\u2032\uFF07]/u;
// Combining marks, zero-width and other format characters, variation selectors, soft hyphen.
const ABSORBED = /[\p{M}\p{Cf}\uFE00-\uFE0F]/u;
const NEWLINES = /[\u0085\u2028\u2029]/u;

function classify(ch: string): CharInfo {
  const override = OVERRIDES[ch];
  if (override) return info(WORD, finesOf(override));
  if (NEWLINES.test(ch)) return info(NEWLINE);
  if (/\s/u.test(ch)) return info(SPACE);
  if (DASHES.test(ch)) return info(DASH);
  if (APOSTROPHES.test(ch)) return info(APOSTROPHE);
  if (ABSORBED.test(ch)) return info(ABSORB);
  // Compatibility forms first (full-width, mathematical, ligatures, circled), then accents off.
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/^[A-Za-z0-9]+$/.test(base)) return info(WORD, finesOf(base.toLowerCase()));
  if (base === '!' || base === '?' || base === '.') return info(base === '!' ? LEET : END);
  // Look-alikes from other scripts (Cyrillic а, Greek ο, ...), but never for punctuation or
  // spaces: those must keep separating words.
  const lookalike = /[\p{P}\p{Z}\p{C}]/u.test(ch) ? undefined : confusablePrototype(ch.codePointAt(0) ?? 0);
  if (lookalike && /^[A-Za-z0-9]+$/.test(lookalike)) return info(WORD, finesOf(lookalike.toLowerCase()));
  if (/[\p{L}\p{N}]/u.test(ch)) return info(WORD, new Uint8Array([OTHER_WORD]));
  return info(PUNCT);
}

const cache = new Map<number, CharInfo>();
const LONE_SURROGATE = info(PUNCT);

/** A code point at or above 128 (ASCII is read from the tables above); lone surrogates are punctuation. */
export function nonAsciiInfo(codePoint: number): CharInfo {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return LONE_SURROGATE;
  let found = cache.get(codePoint);
  if (!found) {
    found = classify(String.fromCodePoint(codePoint));
    cache.set(codePoint, found);
  }
  return found;
}
