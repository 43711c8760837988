// Text → normalised symbols, with each symbol's place in the original text. This is where the
// obfuscation handling lives, shared by the text being scanned and by the terms themselves, so a
// term and its disguised spellings normalise to the same symbols:
// - case, accents, compatibility forms and look-alike letters (charclass.ts);
// - repeated letters become one symbol with a count ("fuuuck" = f, u×3, c, k);
// - leetspeak inside a word, when the word is mostly letters ("sh1t", "@$$hole"; not "A55", "PC1234");
// - single characters joined by single separators, three or more of them ("f.u.c.k", "f u c k");
// - apostrophes ignored inside a word ("don't" = "dont"), hyphens and dashes read as spaces.
// Decisions: docs/decisions/reading-aids.md.
import * as C from './charclass';
import * as S from './symbols';

// Imported bindings copied into module constants: this runs once per character, and some module
// systems (tsx, jest) turn every access to an imported binding into a getter call.
const {
  ABSORB,
  APOSTROPHE,
  ASCII_CLASS,
  ASCII_FINE,
  DASH,
  END,
  LEET,
  NEWLINE,
  PUNCT,
  SPACE,
  WORD,
  nonAsciiInfo,
} = C;
const { AMB_IL, DIGIT_0, LETTER_A, SEP_P, SEP_S, SEP_WS } = S;
const isSeparator = (fine: number): boolean => fine <= SEP_S;

// For the word-finding loop: an ASCII letter, another word character, or neither.
export const KIND_LETTER = 0;
const KIND_OTHER = 1;
export const KIND_BREAK = 2;
export const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const cls = ASCII_CLASS[c] as number;
  const letter = cls === WORD && (ASCII_FINE[c] as number) < AMB_IL;
  ASCII_KIND[c] = cls > ABSORB ? KIND_BREAK : letter ? KIND_LETTER : KIND_OTHER;
}

export interface SymbolSink {
  /**
   * `run` equal symbols `fine` in a row, covering the original text [start, end). Returns true
   * when the rest of the current word cannot matter to the sink (the tokeniser may then pass only
   * the word's last symbol).
   */
  push(fine: number, run: number, start: number, end: number): boolean | void;
  /**
   * Optional fast path: text[start, end) is a word of ASCII letters only, to be taken as its
   * letters' symbols (lower case, equal neighbours as runs), exactly what push would receive.
   */
  plainWord?(text: string, start: number, end: number): void;
  /**
   * Optional fast path for the commonest stretch of text, called after a plain word
   * text[wordStart, at): from `at`, as long as there is a simple gap (one space, or one
   * punctuation character with at most one space after it) and then a word of two or more ASCII
   * letters followed by a character that cannot continue a word (or the end), take each gap as
   * the separator emitGap would make (see gapSeparator) and each word as plainWord would.
   * Returns where the tokeniser resumes: after the last word read, or at the start of a word
   * whose gap was taken but which is not plain (`at` when it read nothing).
   */
  plainRun?(text: string, at: number, wordStart: number): number;
}

const letter = (ch: string): number => LETTER_A + ch.charCodeAt(0) - 97;
/** Digits read as letters in a leetspeak word. 2, 6, 8 and 9 stay digits (too ambiguous). */
const LEET_DIGIT = [
  letter('o'),
  AMB_IL,
  DIGIT_0 + 2,
  letter('e'),
  letter('a'),
  letter('s'),
  DIGIT_0 + 6,
  letter('t'),
  DIGIT_0 + 8,
  DIGIT_0 + 9,
];
const leetSymbol = (c: number): number => (c === 0x40 ? letter('a') : c === 0x24 ? letter('s') : AMB_IL);

/** What may stand between the letters of a spelled-out word ("f.u.c.k", "f u c k", "f*u*c*k"). */
const CHAIN_SEPARATOR = new Uint8Array(128);
for (const ch of ' .-_*+~,/\\:#^=') CHAIN_SEPARATOR[ch.charCodeAt(0)] = 1;
const MIN_CHAIN = 3;

/** Trimmed from a word's edges: '!' and '|' (punctuation there, "i"/"l" inside), apostrophes. */
const isEdgeTrim = (c: number, cls: number): boolean => cls === APOSTROPHE || c === 0x21 || c === 0x7c;

const isDigitFine = (f: number): boolean => f >= DIGIT_0 && f < DIGIT_0 + 10;

// A short word as a number (letters in base 27), so the abbreviation check needs no strings.
const SHORT_WORD = 5;
const LONGEST_CODE_BEFORE_LAST = 27 ** (SHORT_WORD - 1);
const wordCode = (code: number, f: number): number =>
  code < 0 || f < LETTER_A || f >= LETTER_A + 26 || code >= LONGEST_CODE_BEFORE_LAST
    ? -1
    : code * 27 + f - LETTER_A + 1;
/** lastWord of a plain word not yet worked out: it is at lastPlainStart..lastPlainEnd. */
const LAST_WORD_PLAIN = -2;
function plainWordCode(text: string, a: number, b: number): number {
  let code = 0;
  let prev = -1;
  for (let i = a; i < b; i++) {
    const f = ASCII_FINE[text.charCodeAt(i)] as number;
    if (f !== prev) code = wordCode(code, f);
    prev = f;
  }
  return code;
}
/** Words after which a full stop is an abbreviation, not a sentence end ("Sgt. Smith", "P.C. Jones"). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr sgt insp supt ch det pc pcs dc ds di dci dcs dsgt cllr rev prof st no ref vs etc eg ie ' +
    'co ltd jr sr approx tel fig vol pp min max dept govt'
  )
    .split(' ')
    .map((w) => [...w].reduce((code, ch) => wordCode(code, letter(ch)), 0)),
);

/**
 * The separator emitGap makes of a simple gap after the plain word text[wordStart, wordEnd): the
 * punctuation character at wordEnd, followed by one space or not. A full stop (not after an
 * abbreviation or initial) or question mark before a space ends the sentence; any other such gap
 * is punctuation. -1 when the character is not one a simple gap can hold.
 */
export function gapSeparator(text: string, wordStart: number, wordEnd: number, spaced: boolean): number {
  const c = text.charCodeAt(wordEnd);
  const cls = c < 128 ? (ASCII_CLASS[c] as number) : -1;
  if (cls === PUNCT) return SEP_P;
  if (cls !== END) return -1;
  if (!spaced) return SEP_P;
  if (c !== 0x2e) return SEP_S;
  const code = wordEnd - wordStart <= SHORT_WORD ? plainWordCode(text, wordStart, wordEnd) : -1;
  return code > 0 && (code <= 26 || ABBREVIATIONS.has(code)) ? SEP_P : SEP_S;
}

/**
 * One pass over a text. A class because it is a state machine: the symbol being built, the word
 * being read and the spelled-out word waiting to be judged all carry from character to character.
 */
class Tokeniser {
  // The symbol being built: equal neighbours merge into it (a run), separators merge into one.
  private pf = -1;
  private pr = 0;
  private ps = 0;
  private pe = 0;
  // The character last classified: its length in code units, and (non-ASCII words) its symbols.
  private len = 1;
  private fines: Uint8Array | null = null;
  /** The last word, as a wordCode (-1 when long or not all letters), for the abbreviation check. */
  private lastWord = -1;
  private lastPlainStart = 0;
  private lastPlainEnd = 0;
  // Within emitWord: reading leetspeak, and whether the last symbol was a digit (-1: none yet).
  private leet = false;
  private prevDigit = -1;
  // Single-character words waiting to see whether they spell something out.
  private readonly chainStarts: number[] = [];
  private readonly chainEnds: number[] = [];
  /** How many of chainStarts/chainEnds are in use (the arrays are reused, not emptied). */
  private chainCount = 0;
  /** Where the characters after the last emitted word begin. */
  private gapStart = 0;
  private readonly one = [0];
  private readonly oneEnd = [0];
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly sink: SymbolSink,
  ) {
    this.n = text.length;
  }

  run(): void {
    const { text, n, sink } = this;
    const plainWord = sink.plainWord;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if ((c < 128 ? (ASCII_CLASS[c] as number) : this.classAt(i)) > ABSORB) {
        i += c < 128 ? 1 : this.len;
        continue;
      }
      // A run of word characters (WORD, LEET, APOSTROPHE, ABSORB). Most are plain ASCII letters,
      // which need none of the trimming, leetspeak or look-alike handling below.
      const start = i;
      let plain = true;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 128) {
          const kind = ASCII_KIND[c] as number;
          if (kind === KIND_BREAK) break;
          if (kind !== KIND_LETTER) plain = false;
          i++;
        } else {
          if (this.classAt(i) > ABSORB) break;
          plain = false;
          i += this.len;
        }
      }
      const end = i;
      if (plain) {
        const gap = this.gapStart;
        if (plainWord !== undefined && end - start > 1 && this.pf < 0 && this.chainCount === 0) {
          // The common case, short-cut: a word of two or more ASCII letters after one space.
          if (start - gap === 1 && text.charCodeAt(gap) === 0x20) sink.push(SEP_WS, 1, gap, start);
          else this.emitGap(gap, start);
          this.flush();
          this.lastWord = LAST_WORD_PLAIN;
          this.lastPlainStart = start;
          this.lastPlainEnd = end;
          plainWord.call(sink, text, start, end);
          this.gapStart = end;
        } else this.word(start, end, true);
        i = this.plainRunAfter(end);
        continue;
      }
      // Trim edge characters that are punctuation there; leading invisible marks have nothing to mark.
      let a = start;
      while (a < end) {
        const cls = this.classAt(a);
        if (!(isEdgeTrim(text.charCodeAt(a), cls) || cls === ABSORB)) break;
        a += this.len;
      }
      let b = end;
      while (b > a && isEdgeTrim(text.charCodeAt(b - 1), this.classAt(b - 1))) b--;
      if (a < b) this.word(a, b, false);
    }
    this.flushChain();
    this.emitGap(this.gapStart, n);
    this.flush();
  }

  /**
   * After a plain word ending at `end`, while nothing is pending, the sink may read on through
   * the plain words that follow (SymbolSink.plainRun). Returns where reading resumes.
   */
  private plainRunAfter(end: number): number {
    const { sink, text } = this;
    if (sink.plainRun === undefined || this.pf >= 0 || this.chainCount > 0 || this.gapStart !== end)
      return end;
    const stop = sink.plainRun(text, end, this.lastPlainStart);
    if (stop === end) return end;
    let a = stop;
    while (ASCII_KIND[text.charCodeAt(a - 1)] === KIND_LETTER) a--;
    this.lastWord = LAST_WORD_PLAIN;
    this.lastPlainStart = a;
    this.lastPlainEnd = stop;
    this.gapStart = stop;
    return stop;
  }

  private classAt(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c < 128) {
      this.len = 1;
      this.fines = null;
      return ASCII_CLASS[c] as number;
    }
    const cp = this.text.codePointAt(i) as number;
    this.len = cp > 0xffff ? 2 : 1;
    const found = nonAsciiInfo(cp);
    this.fines = found.fines;
    return found.cls;
  }

  private flush(): boolean {
    const idle = this.pf >= 0 && this.sink.push(this.pf, this.pr, this.ps, this.pe) === true;
    this.pf = -1;
    return idle;
  }

  private emit(f: number, s: number, e: number): void {
    const pf = this.pf;
    if (f === pf) {
      if (this.pr < 255) this.pr++;
      this.pe = e;
    } else if (pf >= 0 && isSeparator(pf) && isSeparator(f)) {
      if (f > pf) this.pf = f;
      this.pe = e;
    } else {
      this.flush();
      this.pf = f;
      this.pr = 1;
      this.ps = s;
      this.pe = e;
    }
  }

  private word(a: number, b: number, plain: boolean): void {
    const single = plain ? b - a === 1 : this.isSingle(a, b);
    const { chainStarts, chainEnds } = this;
    const count = this.chainCount;
    if (count > 0) {
      const last = chainEnds[count - 1] as number;
      if (single && a - last === 1 && CHAIN_SEPARATOR[this.text.charCodeAt(last)] === 1) {
        chainStarts[count] = a;
        chainEnds[count] = b;
        this.chainCount = count + 1;
        return;
      }
      this.flushChain();
    }
    if (single) {
      chainStarts[0] = a;
      chainEnds[0] = b;
      this.chainCount = 1;
      return;
    }
    this.emitGap(this.gapStart, a);
    if (plain && this.sink.plainWord) {
      this.flush();
      this.lastWord = LAST_WORD_PLAIN; // worked out only if a full stop follows
      this.lastPlainStart = a;
      this.lastPlainEnd = b;
      this.sink.plainWord(this.text, a, b);
    } else if (plain) this.emitPlain(a, b);
    else {
      this.one[0] = a;
      this.oneEnd[0] = b;
      this.emitWord(this.one, this.oneEnd, 0, 1);
    }
    this.gapStart = b;
  }

  /** A word of ASCII letters only: what emitWord would do, without its general cases. */
  private emitPlain(a: number, b: number): void {
    const text = this.text;
    const short = b - a <= SHORT_WORD;
    let code = 0;
    for (let i = a; i < b; i++) {
      const f = ASCII_FINE[text.charCodeAt(i)] as number;
      if (f === this.pf) {
        if (this.pr < 255) this.pr++;
        this.pe = i + 1;
        continue;
      }
      if (short) code = wordCode(code, f);
      if (this.flush() && i > a) {
        // The sink has no use for the rest of this word: hand it only the last letter, which
        // keeps the word's end in place.
        if (short)
          for (let j = i + 1; j < b; j++) code = wordCode(code, ASCII_FINE[text.charCodeAt(j)] as number);
        this.pf = ASCII_FINE[text.charCodeAt(b - 1)] as number;
        this.pr = 1;
        this.ps = b - 1;
        this.pe = b;
        break;
      }
      this.pf = f;
      this.pr = 1;
      this.ps = i;
      this.pe = i + 1;
    }
    this.lastWord = short ? code : -1;
  }

  private isSingle(a: number, b: number): boolean {
    if (b - a === 1) return true;
    let visible = 0;
    for (let i = a; i < b; i += this.len) {
      const cls = this.classAt(i);
      if (cls === WORD) visible += this.fines === null ? 1 : this.fines.length;
      else if (cls === LEET) visible++;
    }
    return visible === 1;
  }

  private flushChain(): void {
    const { chainStarts, chainEnds } = this;
    const count = this.chainCount;
    if (count === 0) return;
    if (count >= MIN_CHAIN) {
      this.emitGap(this.gapStart, chainStarts[0] as number);
      this.emitWord(chainStarts, chainEnds, 0, count);
    } else {
      for (let k = 0; k < count; k++) {
        this.emitGap(k === 0 ? this.gapStart : (chainEnds[k - 1] as number), chainStarts[k] as number);
        this.emitWord(chainStarts, chainEnds, k, k + 1);
      }
    }
    this.gapStart = chainEnds[count - 1] as number;
    this.chainCount = 0;
  }

  /** One word, made of one or more ranges of the text (several for a spelled-out word). */
  private emitWord(starts: readonly number[], ends: readonly number[], from: number, to: number): void {
    const text = this.text;
    let letters = 0;
    let others = 0; // digits and leet symbols
    for (let r = from; r < to; r++) {
      for (let i = starts[r] as number, e = ends[r] as number; i < e; i += this.len) {
        const cls = this.classAt(i);
        if (cls === LEET) others++;
        else if (cls === WORD) {
          const fines = this.fines;
          if (fines === null) {
            if (isDigitFine(ASCII_FINE[text.charCodeAt(i)] as number)) others++;
            else letters++;
          } else {
            for (const f of fines) {
              if (isDigitFine(f)) others++;
              else letters++;
            }
          }
        }
      }
    }
    this.leet = letters >= 2 && others > 0 && others <= letters;
    this.prevDigit = -1;
    this.lastWord = 0;
    for (let r = from; r < to; r++) {
      for (let i = starts[r] as number, e = ends[r] as number; i < e; i += this.len) {
        const cls = this.classAt(i);
        if (cls === WORD) {
          const fines = this.fines;
          if (fines === null) this.put(ASCII_FINE[text.charCodeAt(i)] as number, i, i + 1);
          else for (const f of fines) this.put(f, i, i + this.len);
        } else if (cls === LEET) {
          if (this.leet) this.put(leetSymbol(text.charCodeAt(i)), i, i + 1);
          else {
            this.emit(SEP_P, i, i + 1);
            this.prevDigit = -1;
            this.lastWord = 0;
          }
        } else if (cls === ABSORB && this.pf >= 0 && !isSeparator(this.pf)) {
          this.pe = i + this.len;
        }
      }
    }
  }

  private put(f: number, s: number, e: number): void {
    if (this.leet && isDigitFine(f)) f = LEET_DIGIT[f - DIGIT_0] as number;
    const digit = isDigitFine(f) ? 1 : 0;
    // Outside leetspeak, a change between letters and digits splits the word ("PC1234" = "PC 1234").
    if (this.prevDigit >= 0 && digit !== this.prevDigit) {
      this.emit(SEP_WS, s, s);
      this.lastWord = 0;
    }
    this.prevDigit = digit;
    if (f !== this.pf) this.lastWord = wordCode(this.lastWord, f);
    this.emit(f, s, e);
  }

  /** The characters between two words, as one separator symbol. */
  private emitGap(s: number, e: number): void {
    if (s >= e) return;
    const text = this.text;
    if (e - s === 1 && text.charCodeAt(s) === 0x20) {
      this.emit(SEP_WS, s, e); // the usual case: one space
      return;
    }
    let type = SEP_WS;
    let newlines = 0;
    let mayEnd = false; // seen . ? or ! that ends a sentence if white space follows
    let ends = false;
    for (let i = s; i < e; i += this.len) {
      const cls = this.classAt(i);
      const c = text.charCodeAt(i);
      if (cls === NEWLINE) {
        if (!(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) newlines++;
        if (mayEnd) ends = true;
      } else if (cls === SPACE) {
        if (mayEnd) ends = true;
      } else if (cls === END || (cls === LEET && c === 0x21)) {
        type = SEP_P;
        // "Sgt. Smith", "P. Jones", "Mr. X": a full stop after an abbreviation or initial does not
        // end a sentence.
        if (this.lastWord === LAST_WORD_PLAIN) {
          const a = this.lastPlainStart;
          const b = this.lastPlainEnd;
          this.lastWord = b - a <= SHORT_WORD ? plainWordCode(text, a, b) : -1;
        }
        const lastWord = this.lastWord;
        const abbreviation = lastWord > 0 && (lastWord <= 26 || ABBREVIATIONS.has(lastWord));
        if (c !== 0x2e || !abbreviation) mayEnd = true;
      } else if (cls !== DASH && cls !== APOSTROPHE && cls !== ABSORB) {
        type = SEP_P;
      }
    }
    if (newlines >= 2 || ends || (mayEnd && e === this.n)) type = SEP_S;
    this.emit(type, s, e);
  }
}

export function tokenise(text: string, sink: SymbolSink): void {
  new Tokeniser(text, sink).run();
}

/** The normalised form of a text, materialised (for terms, and to explain a match). */
export interface Normalised {
  fine: number[];
  run: number[];
  start: number[];
  end: number[];
}

export function normalise(text: string): Normalised {
  const out: Normalised = { fine: [], run: [], start: [], end: [] };
  tokenise(text, {
    push(fine, run, start, end) {
      out.fine.push(fine);
      out.run.push(run);
      out.start.push(start);
      out.end.push(end);
    },
  });
  return out;
}
