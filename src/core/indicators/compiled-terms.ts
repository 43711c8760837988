// Term lists read into what the automaton and the scan work from: deduplicated phrases, each with
// what an occurrence of it does, and the proximity rules. This is the costly part of compiling
// apart from the automaton (every phrase of every expansion is normalised); the shipped lists'
// form is prebuilt at build time (shipped.ts).
import { SEP_P } from './symbols';
import { parseTerm, type Phrase } from './syntax';

export interface TermProblem<L extends string> {
  label: L;
  term: string;
  problem: string;
}

// What a path's occurrence does, as a number (no objects in the scan loop): report label L
// (2L), or count as side S of proximity rule R (2(2R + S) + 1).
export const hitAction = (label: number): number => label * 2;
export const nearAction = (rule: number, side: 0 | 1): number => (rule * 2 + side) * 2 + 1;

export interface Pattern extends Phrase {
  /** What an occurrence does (hitAction, nearAction), in the order the lists gave them. */
  actions: number[];
}

/**
 * Term lists read into phrases and proximity rules, ready for an automaton: what compiling costs
 * apart from the automaton itself. The shipped lists' form is prebuilt (shipped.ts).
 */
export interface CompiledTerms<L extends string> {
  labels: L[];
  patterns: Pattern[];
  /** Proximity rule r: its sides within nearWithin[r] words, reported as label nearLabel[r]. */
  nearWithin: number[];
  nearLabel: number[];
  problems: TermProblem<L>[];
}

export function compileTerms<L extends string>(
  lists: ReadonlyArray<readonly [L, readonly unknown[]]>,
): CompiledTerms<L> {
  const labels: L[] = [];
  const problems: TermProblem<L>[] = [];
  const patterns: Pattern[] = [];
  const byKey = new Map<string, Pattern>();
  const nearWithin: number[] = [];
  const nearLabel: number[] = [];

  const add = (p: Phrase, action: number): void => {
    const key = String.fromCharCode(...p.fine, 0xffff, ...p.run, p.prefix ? 1 : 0);
    let pattern = byKey.get(key);
    if (!pattern) {
      pattern = { ...p, actions: [] };
      byKey.set(key, pattern);
      patterns.push(pattern);
    }
    if (!pattern.actions.includes(action)) pattern.actions.push(action);
  };

  for (const [label, terms] of lists) {
    const labelIndex = labels.push(label) - 1;
    for (const term of terms) {
      const parsed = parseTerm(term);
      if (parsed.kind === 'invalid') problems.push({ label, term: String(term), problem: parsed.problem });
      else if (parsed.kind === 'phrase') for (const p of parsed.phrases) add(p, hitAction(labelIndex));
      else {
        const rule = nearWithin.push(parsed.within) - 1;
        nearLabel.push(labelIndex);
        for (const p of parsed.left) add(p, nearAction(rule, 0));
        for (const p of parsed.right) add(p, nearAction(rule, 1));
      }
    }
  }
  return { labels, patterns, nearWithin, nearLabel, problems };
}

/** The automaton's paths: each a boundary, the phrase, and (unless its last word may go on) a boundary. */
export function pathsOf(patterns: readonly Phrase[]): Uint8Array[] {
  return patterns.map((p) => {
    const path = new Uint8Array(p.fine.length + (p.prefix ? 1 : 2)).fill(SEP_P);
    path.set(p.fine, 1);
    return path;
  });
}
