// The normalised alphabet the matcher works in. Text and terms are both turned into runs of these
// "fine" symbols (see tokenise.ts); the automaton walks a coarser alphabet (see COARSE) and each
// candidate is then checked symbol by symbol against the fine form.

/** Between words: white space, hyphens and dashes. Multi-word phrases match across it. */
export const SEP_WS = 0;
/** Between words: other punctuation. A phrase's words do not match across it. */
export const SEP_P = 1;
/** A sentence end or a blank line. Nothing matches across it, proximity (`~N`) included. */
export const SEP_S = 2;
/** 'a' .. 'z' are LETTER_A .. LETTER_A + 25. */
export const LETTER_A = 3;
/** A leetspeak character that may stand for either 'i' or 'l' (1, !, |). */
export const AMB_IL = 29;
/** '0' .. '9' are DIGIT_0 .. DIGIT_0 + 9 (digits that are not read as leetspeak). */
export const DIGIT_0 = 30;
/** A letter of another script, with no look-alike in English: part of a word, never of a term. */
export const OTHER_WORD = 40;
export const FINE_SYMBOLS = 41;

export const LETTER_I = LETTER_A + 8;
export const LETTER_L = LETTER_A + 11;

export const isSeparator = (fine: number): boolean => fine <= SEP_S;

/**
 * The automaton's alphabet: every separator is one symbol (boundaries are the same to it), 'i',
 * 'l' and AMB_IL are one symbol, so "k1ll", "kiII" and "kill" reach the same state without
 * expanding each term into all its spellings, and the ten digits are one symbol (terms hardly
 * hold digits). Verification tells them apart again.
 */
export const COARSE: Uint8Array = (() => {
  const coarse = new Uint8Array(FINE_SYMBOLS);
  let next = 1;
  for (let f = LETTER_A; f < FINE_SYMBOLS; f++) {
    if (f === LETTER_L || f === AMB_IL || (f > DIGIT_0 && f < DIGIT_0 + 10)) continue;
    coarse[f] = next++;
  }
  coarse[LETTER_L] = coarse[LETTER_I] ?? 0;
  coarse[AMB_IL] = coarse[LETTER_I] ?? 0;
  for (let d = 1; d < 10; d++) coarse[DIGIT_0 + d] = coarse[DIGIT_0] ?? 0;
  return coarse;
})();

/**
 * The width of a state's row in the transition table: a power of two at least the number of
 * coarse symbols (28), so that a row of 16-bit states is one 64-byte cache line and finding it
 * is a shift.
 */
export const COARSE_SYMBOLS = 32;
if (Math.max(...COARSE) >= COARSE_SYMBOLS) throw new Error('symbols: the coarse alphabet outgrew its row');

/** Does text symbol `text` (seen `textRun` times) satisfy term symbol `term` (`termRun` times)? */
export function symbolMatches(term: number, termRun: number, text: number, textRun: number): boolean {
  if (term === text) return isSeparator(term) || textRun >= termRun;
  if (textRun < termRun) return false;
  if (text === AMB_IL) return term === LETTER_I || term === LETTER_L;
  if (term === AMB_IL) return text === LETTER_I || text === LETTER_L;
  return false;
}
