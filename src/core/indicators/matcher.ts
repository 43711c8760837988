// A compiled set of labelled term lists, scanned in one pass: tokenise() feeds normalised symbols
// straight into the automaton (nothing the size of the text is materialised), each candidate is
// verified symbol by symbol, and each hit maps back to original UTF-16 offsets.
import { buildAutomaton, type Automaton } from './automaton';
import * as S from './symbols';
import { parseTerm, type Phrase } from './syntax';
import { tokenise, type SymbolSink } from './tokenise';

// Module constants, not imported bindings, in the per-symbol path (see tokenise.ts).
const { COARSE, COARSE_SYMBOLS, SEP_P, SEP_S, symbolMatches } = S;
const isSeparator = (fine: number): boolean => fine <= SEP_S;

export interface Hit<L extends string> {
  label: L;
  start: number;
  end: number;
  text: string;
}

export interface TermProblem<L extends string> {
  label: L;
  term: string;
  problem: string;
}

export interface Matcher<L extends string> {
  scan(text: string): Hit<L>[];
  /** Terms that were left out, and why (they never stop the others from working). */
  problems: TermProblem<L>[];
}

// What a path's occurrence does: report a label, or count as one side of a proximity rule.
type Action = { kind: 'hit'; label: number } | { kind: 'near'; rule: number; side: 0 | 1 };

interface Pattern extends Phrase {
  actions: Action[];
}

interface Occurrence {
  start: number;
  end: number;
  firstWord: number;
  lastWord: number;
  sentence: number;
}

const RING = 128; // > longest path (MAX_PHRASE_SYMBOLS + 2 separators)
const MASK = RING - 1;

export function compileMatcher<L extends string>(
  lists: ReadonlyArray<readonly [L, readonly unknown[]]>,
): Matcher<L> {
  const labels: L[] = [];
  const problems: TermProblem<L>[] = [];
  const patterns: Pattern[] = [];
  const byKey = new Map<string, Pattern>();
  const nearWithin: number[] = [];
  const nearLabel: number[] = [];

  const add = (p: Phrase, action: Action): void => {
    const key = `${p.fine.join(',')}|${p.run.join(',')}|${p.prefix ? 1 : 0}`;
    let pattern = byKey.get(key);
    if (!pattern) {
      pattern = { ...p, actions: [] };
      byKey.set(key, pattern);
      patterns.push(pattern);
    }
    if (!pattern.actions.some((a) => JSON.stringify(a) === JSON.stringify(action)))
      pattern.actions.push(action);
  };

  for (const [label, terms] of lists) {
    const labelIndex = labels.push(label) - 1;
    for (const term of terms) {
      const parsed = parseTerm(term);
      if (parsed.kind === 'invalid') problems.push({ label, term: String(term), problem: parsed.problem });
      else if (parsed.kind === 'phrase')
        for (const p of parsed.phrases) add(p, { kind: 'hit', label: labelIndex });
      else {
        const rule = nearWithin.push(parsed.within) - 1;
        nearLabel.push(labelIndex);
        for (const p of parsed.left) add(p, { kind: 'near', rule, side: 0 });
        for (const p of parsed.right) add(p, { kind: 'near', rule, side: 1 });
      }
    }
  }

  // Each path: a boundary, the phrase, and (unless its last word may go on) a boundary.
  const automaton = buildAutomaton(
    patterns.map((p) => {
      const path = new Uint8Array(p.fine.length + (p.prefix ? 1 : 2)).fill(SEP_P);
      path.set(p.fine, 1);
      return path;
    }),
  );

  function scan(text: string): Hit<L>[] {
    const run = new ScanRun(automaton, patterns, nearWithin, nearLabel);
    run.push(SEP_P, 1, 0, 0); // the text starts at a boundary…
    tokenise(text, run);
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
  private readonly lastNear: Array<Occurrence | undefined> = [];
  /** Occurrences whose last word may go on: they end where that word ends. */
  private waiting: Array<[Pattern, Occurrence]> = [];
  /** End of the last symbol, written or not (a waiting occurrence ends there). */
  private prevEnd = 0;
  private readonly delta: Int32Array;
  private readonly firstOut: Int32Array;
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
      nextOut: this.nextOut,
      outStart: this.outStart,
      outList: this.outList,
    } = automaton);
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
    for (let s = this.firstOut[state] as number; s >= 0; s = this.nextOut[s] as number) {
      for (let i = this.outStart[s] as number, e = this.outStart[s + 1] as number; i < e; i++) {
        this.verify(this.patterns[this.outList[i] as number] as Pattern);
      }
    }
    if (fine === SEP_S) this.sentence++;
    return false;
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
    const ready = this.waiting;
    this.waiting = [];
    for (const [p, o] of ready) this.deliver(p, { ...o, end: wordEnd });
  }

  private verify(p: Pattern): void {
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
    const o: Occurrence = {
      start: this.startR[first & MASK] as number,
      end: this.endR[last & MASK] as number,
      firstWord: this.wordR[first & MASK] as number,
      lastWord: this.wordR[last & MASK] as number,
      sentence: this.sentence,
    };
    if (p.prefix) this.waiting.push([p, o]);
    else this.deliver(p, o);
  }

  private deliver(p: Pattern, o: Occurrence): void {
    for (const a of p.actions) {
      if (a.kind === 'hit') {
        this.hit(a.label, o.start, o.end);
        continue;
      }
      const other = this.lastNear[a.rule * 2 + (1 - a.side)];
      const within = this.nearWithin[a.rule] as number;
      if (other && other.sentence === o.sentence && other.lastWord < o.firstWord) {
        if (o.firstWord - other.lastWord - 1 <= within)
          this.hit(this.nearLabel[a.rule] as number, other.start, o.end);
      }
      this.lastNear[a.rule * 2 + a.side] = o;
    }
  }

  private hit(label: number, start: number, end: number): void {
    const key = `${label}:${start}:${end}`;
    if (!this.found.has(key)) this.found.set(key, [label, start, end]);
  }
}
