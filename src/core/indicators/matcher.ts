// A compiled set of labelled term lists, scanned in one pass: tokenise() feeds normalised symbols
// straight into the automaton (nothing the size of the text is materialised), each candidate is
// verified symbol by symbol, and each hit maps back to original UTF-16 offsets.
import { buildAutomaton, type Automaton } from './automaton';
export type { TermProblem } from './compiled-terms';
import * as C from './charclass';
import * as S from './symbols';
import { compileTerms, pathsOf, type CompiledTerms, type Pattern, type TermProblem } from './compiled-terms';
import * as T from './tokenise';
import { tokenise, type SymbolSink } from './tokenise';

// Module constants, not imported bindings, in the per-symbol path (see tokenise.ts).
const { COARSE, COARSE_SYMBOLS, SEP_P, SEP_S, SEP_WS, symbolMatches } = S;
const { ASCII_FINE } = C;
const { ASCII_KIND, KIND_BREAK, gapSeparator } = T;
/** The fine symbol of an ASCII letter, 0 for any other code unit (a full table: no range check). */
const LETTER_FINE = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) if (ASCII_KIND[c] === T.KIND_LETTER) LETTER_FINE[c] = ASCII_FINE[c] as number;
const isSeparator = (fine: number): boolean => fine <= SEP_S;

export interface Hit<L extends string> {
  label: L;
  start: number;
  end: number;
  text: string;
}

export interface Matcher<L extends string> {
  scan(text: string): Hit<L>[];
  /** Terms that were left out, and why (they never stop the others from working). */
  problems: TermProblem<L>[];
}

/**
 * Hits kept per label, the first ones found. A body with thousands of hits of one code is not
 * made more readable by more highlights, and the cap bounds the work on a hostile body.
 */
export const MAX_HITS_PER_LABEL = 1000;

const RING = 128; // > longest path (MAX_PHRASE_SYMBOLS + 2 separators)
const MASK = RING - 1;

export interface MatcherOptions {
  /**
   * The tokeniser's short-cuts for plain words (on by default). Off, every symbol goes through
   * push: the plain reading the short-cuts must agree with, which the tests compare them to.
   */
  fastPaths?: boolean;
}

export function compileMatcher<L extends string>(
  lists: ReadonlyArray<readonly [L, readonly unknown[]]>,
  options: MatcherOptions = {},
): Matcher<L> {
  const terms = compileTerms(lists);
  return matcherOf(terms, buildAutomaton(pathsOf(terms.patterns)), options);
}

/** A matcher from compiled terms and the automaton over their paths (built now, or prebuilt). */
export function matcherOf<L extends string>(
  { labels, patterns, nearWithin, nearLabel, problems }: CompiledTerms<L>,
  automaton: Automaton,
  { fastPaths = true }: MatcherOptions = {},
): Matcher<L> {
  function scan(text: string): Hit<L>[] {
    const run = new ScanRun(automaton, patterns, nearWithin, nearLabel);
    run.push(SEP_P, 1, 0, 0); // the text starts at a boundary…
    tokenise(text, fastPaths ? run : { push: (f, r, s, e) => run.push(f, r, s, e) });
    if (!isSeparator(run.lastFine)) run.push(SEP_P, 1, text.length, text.length); // …and ends at one
    return run.hits().map(([label, start, end]) => ({
      label: labels[label] as L,
      start,
      end,
      text: text.slice(start, end),
    }));
  }

  return { scan, problems };
}

/**
 * One scan: the automaton's state, a ring of the last symbols (enough to verify the longest path
 * and map it back to the text), and what proximity rules have seen so far.
 */
class ScanRun implements SymbolSink {
  lastFine = SEP_P;
  private k = -1; // index of the current symbol
  private state = 0;
  private word = 0;
  private sentence = 0;
  private readonly fineR = new Uint8Array(RING);
  private readonly runR = new Uint8Array(RING);
  private readonly startR = new Int32Array(RING);
  private readonly endR = new Int32Array(RING);
  private readonly wordR = new Int32Array(RING);
  private readonly found = new Map<string, [number, number, number]>();
  private readonly perLabel: number[] = [];
  // The latest occurrence of each side of each proximity rule (index 2 × rule + side); a
  // sentence of -1 means none yet.
  private readonly nearStart: Int32Array;
  private readonly nearLastWord: Int32Array;
  private readonly nearSentence: Int32Array;
  // Occurrences whose last word may go on: they end where that word ends.
  private readonly waiting: number[] = []; // pattern, start, firstWord, lastWord, sentence; repeated
  /** End of the last symbol, written or not (a waiting occurrence ends there). */
  private prevEnd = 0;
  private readonly delta: Uint16Array | Int32Array;
  private readonly firstOut: Int32Array;
  private readonly outFrom: number;
  private readonly nextOut: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;

  constructor(
    automaton: Automaton,
    private readonly patterns: readonly Pattern[],
    private readonly nearWithin: readonly number[],
    private readonly nearLabel: readonly number[],
  ) {
    ({
      delta: this.delta,
      firstOut: this.firstOut,
      outFrom: this.outFrom,
      nextOut: this.nextOut,
      outStart: this.outStart,
      outList: this.outList,
    } = automaton);
    const sides = nearWithin.length * 2;
    this.nearStart = new Int32Array(sides);
    this.nearLastWord = new Int32Array(sides);
    this.nearSentence = new Int32Array(sides).fill(-1);
  }

  push(fine: number, run: number, start: number, end: number): boolean {
    const k = ++this.k;
    if (fine <= SEP_S) {
      if (this.waiting.length > 0) this.release(this.prevEnd);
    } else if (this.lastFine <= SEP_S) this.word++;
    this.lastFine = fine;
    this.prevEnd = end;
    const state = this.delta[this.state * COARSE_SYMBOLS + (COARSE[fine] as number)] as number;
    this.state = state;
    // Back at the root inside a word: this symbol is on no path (every path starts at a boundary),
    // so nothing will ever read it back. Most symbols of most words leave here.
    if (state === 0) return true;
    const slot = k & MASK;
    this.fineR[slot] = fine;
    this.runR[slot] = run;
    this.startR[slot] = start;
    this.endR[slot] = end;
    this.wordR[slot] = this.word;
    if (state >= this.outFrom) {
      for (let s = this.firstOut[state] as number; s >= 0; s = this.nextOut[s] as number) {
        for (let i = this.outStart[s] as number, e = this.outStart[s + 1] as number; i < e; i++) {
          this.verify(this.outList[i] as number);
        }
      }
    }
    if (fine === SEP_S) this.sentence++;
    return false;
  }

  plainWord(text: string, start: number, end: number): void {
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      const fine = ASCII_FINE[c] as number;
      let j = i + 1;
      while (j < end && ASCII_FINE[text.charCodeAt(j)] === fine) j++; // a run ("fuuuck")
      if (this.push(fine, j - i < 255 ? j - i : 255, i, j) && j < end) {
        // Back at the root: the rest of the word is on no path. Its end still matters (a waiting
        // prefix occurrence ends there) and so does that it was a word.
        this.prevEnd = end;
        this.lastFine = ASCII_FINE[text.charCodeAt(end - 1)] as number;
        return;
      }
      i = j;
    }
  }

  /**
   * The fast path (see SymbolSink.plainRun). The gap before a word that starts with an ASCII
   * letter is the same symbol whatever the word turns out to be, so it is taken at once (by hand
   * for a space with nothing ending there, which is nearly always; the ordinary way otherwise).
   * The word's letters are then walked through the automaton in locals, and committed once the
   * word is known to be plain. Most words lead back to the root: no path can then reach back to
   * their symbols, so they are never written to the ring. A plain word whose walk met an output
   * (rare: a prefix term) is pushed again the ordinary way; any other word is left to the
   * tokeniser, told by the return value (the word's start) that the gap before it is done.
   */
  plainRun(text: string, at: number, wordStart: number): number {
    const n = text.length;
    const { delta, outFrom } = this;
    const sepCoarse = COARSE[SEP_WS] as number;
    // The scan's state in locals while only plain words go by; written back before anything
    // that reads it (push, plainWord) and on the way out.
    let k = this.k;
    let state = this.state;
    let word = this.word;
    let lastFine = this.lastFine;
    let prevEnd = this.prevEnd;
    let waiting = this.waiting.length > 0;
    let g = at;
    let lastStart = wordStart;
    while (g < n) {
      // The gap: one space, or one punctuation character with at most one space after it.
      let s = g + 1;
      let sep = SEP_WS;
      if (text.charCodeAt(g) !== 0x20) {
        const spaced = text.charCodeAt(s) === 0x20;
        sep = gapSeparator(text, lastStart, g, spaced);
        if (sep < 0) break;
        if (spaced) s++;
      }
      if (s >= n || LETTER_FINE[text.charCodeAt(s)] === 0) break;
      const sepState = delta[state * COARSE_SYMBOLS + sepCoarse] as number;
      const sepSlot = k + 1;
      if (sep !== SEP_WS || sepState >= outFrom || waiting) {
        this.k = k;
        this.state = state;
        this.lastFine = lastFine;
        this.prevEnd = prevEnd;
        this.push(sep, 1, g, s);
        waiting = this.waiting.length > 0;
      }
      k = sepSlot;
      state = sepState;
      lastFine = sep;
      prevEnd = s;
      // The letters, a run ("fuuuck") being one symbol, until the automaton is back at its root
      // or the letters end.
      let kk = k;
      let st = state;
      let output = false;
      let i = s;
      let prev = -1;
      while (i < n) {
        const fine = LETTER_FINE[text.charCodeAt(i)] as number;
        if (fine !== prev) {
          if (fine === 0) break;
          kk++;
          st = delta[st * COARSE_SYMBOLS + (COARSE[fine] as number)] as number;
          if (st === 0) break;
          if (st >= outFrom) output = true;
          prev = fine;
        }
        i++;
      }
      while (i < n && LETTER_FINE[text.charCodeAt(i)] !== 0) i++; // the rest of the word
      const e = i;
      if (e - s < 2 || (e < n && ASCII_KIND[text.charCodeAt(e)] !== KIND_BREAK)) {
        // The tokeniser reads this word; a path through it may reach back to the gap.
        this.writeSlot(sepSlot, sep, 1, g, s, word);
        g = s;
        break;
      }
      if (output) {
        this.writeSlot(sepSlot, sep, 1, g, s, word);
        this.k = k;
        this.state = state;
        this.word = word;
        this.lastFine = lastFine;
        this.prevEnd = prevEnd;
        this.plainWord(text, s, e);
        ({ k, state, word, lastFine, prevEnd } = this);
        waiting = this.waiting.length > 0;
      } else {
        if (st !== 0) {
          // The word may begin a path: its symbols go to the ring as push would have put them.
          this.writeSlot(sepSlot, sep, 1, g, s, word);
          this.writeRuns(text, s, e, sepSlot + 1, word + 1);
        }
        k = kk;
        state = st;
        word++;
        lastFine = ASCII_FINE[text.charCodeAt(e - 1)] as number;
        prevEnd = e;
      }
      lastStart = s;
      g = e;
    }
    this.k = k;
    this.state = state;
    this.word = word;
    this.lastFine = lastFine;
    this.prevEnd = prevEnd;
    return g;
  }

  private writeSlot(k: number, fine: number, run: number, start: number, end: number, word: number): void {
    const slot = k & MASK;
    this.fineR[slot] = fine;
    this.runR[slot] = run;
    this.startR[slot] = start;
    this.endR[slot] = end;
    this.wordR[slot] = word;
  }

  /** The runs of the plain word text[s, e) into the ring from symbol k on. */
  private writeRuns(text: string, s: number, e: number, k: number, word: number): void {
    let i = s;
    while (i < e) {
      const fine = LETTER_FINE[text.charCodeAt(i)] as number;
      let j = i + 1;
      while (j < e && LETTER_FINE[text.charCodeAt(j)] === fine) j++;
      this.writeSlot(k++, fine, j - i < 255 ? j - i : 255, i, j, word);
      i = j;
    }
  }

  /**
   * Hits as [label, start, end], by start, then end, then label. A hit inside a longer hit with
   * the same label adds nothing to the highlight ("make a complaint" inside "I would like to make
   * a complaint") and is left out; hits with different labels are all kept.
   */
  hits(): Array<[number, number, number]> {
    const byStartThenLongest = [...this.found.values()].sort(
      (a, b) => a[1] - b[1] || b[2] - a[2] || a[0] - b[0],
    );
    const reach = new Map<number, number>(); // label → furthest end of a kept hit so far
    const kept = byStartThenLongest.filter(([label, , end]) => {
      if ((reach.get(label) ?? -1) >= end) return false;
      reach.set(label, end);
      return true;
    });
    return kept.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0]);
  }

  private release(wordEnd: number): void {
    const w = this.waiting;
    for (let i = 0; i < w.length; i += 5) {
      this.deliver(
        w[i] as number,
        w[i + 1] as number,
        wordEnd,
        w[i + 2] as number,
        w[i + 3] as number,
        w[i + 4] as number,
      );
    }
    w.length = 0;
  }

  private verify(index: number): void {
    const p = this.patterns[index] as Pattern;
    const len = p.fine.length;
    const last = p.prefix ? this.k : this.k - 1;
    const first = last - len + 1;
    for (let j = 0; j < len; j++) {
      const slot = (first + j) & MASK;
      const ok = symbolMatches(
        p.fine[j] as number,
        p.run[j] as number,
        this.fineR[slot] as number,
        this.runR[slot] as number,
      );
      if (!ok) return;
    }
    const start = this.startR[first & MASK] as number;
    const firstWord = this.wordR[first & MASK] as number;
    const lastWord = this.wordR[last & MASK] as number;
    if (p.prefix) this.waiting.push(index, start, firstWord, lastWord, this.sentence);
    else this.deliver(index, start, this.endR[last & MASK] as number, firstWord, lastWord, this.sentence);
  }

  private deliver(
    index: number,
    start: number,
    end: number,
    firstWord: number,
    lastWord: number,
    sentence: number,
  ): void {
    for (const action of (this.patterns[index] as Pattern).actions) {
      if ((action & 1) === 0) {
        this.hit(action >> 1, start, end);
        continue;
      }
      const side = action >> 1; // 2 × rule + side
      const rule = side >> 1;
      const other = side ^ 1;
      // The other side, seen earlier in this sentence and ending before this begins, close enough?
      if (
        this.nearSentence[other] === sentence &&
        (this.nearLastWord[other] as number) < firstWord &&
        firstWord - (this.nearLastWord[other] as number) - 1 <= (this.nearWithin[rule] as number)
      ) {
        this.hit(this.nearLabel[rule] as number, this.nearStart[other] as number, end);
      }
      this.nearStart[side] = start;
      this.nearLastWord[side] = lastWord;
      this.nearSentence[side] = sentence;
    }
  }

  private hit(label: number, start: number, end: number): void {
    const count = this.perLabel[label] ?? 0;
    if (count >= MAX_HITS_PER_LABEL) return;
    const key = `${label}:${start}:${end}`;
    if (this.found.has(key)) return;
    this.found.set(key, [label, start, end]);
    this.perLabel[label] = count + 1;
  }
}
