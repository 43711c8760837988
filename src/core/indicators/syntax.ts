// The term syntax organisations write their lists in (docs/decisions/reading-aids.md):
//   kill myself            a phrase: its words in order, any white space or line breaks between
//   harass*                a trailing * lets the last word go on ("harassed", "harassment")
//   (pc|officer) lied      alternatives, expanded into every combination
//   (officer|pc) ~6 lied   proximity: both sides within 6 words of each other, either order, same sentence
// Every phrase is normalised exactly like the text (tokenise.ts), so "don't" in a term also finds
// "dont", and "f*ck" in a term is the spelling with a mask character.
import { SEP_S, isSeparator } from './symbols';
import { normalise } from './tokenise';

export interface Phrase {
  fine: Uint8Array;
  run: Uint8Array;
  /** The last word may continue (a trailing `*`). */
  prefix: boolean;
}

export type ParsedTerm =
  | { kind: 'phrase'; phrases: Phrase[] }
  | { kind: 'near'; left: Phrase[]; right: Phrase[]; within: number }
  | { kind: 'invalid'; problem: string };

export const MAX_EXPANSIONS = 512;
export const MAX_PHRASE_SYMBOLS = 100;
export const MAX_WITHIN = 20;

/** Every combination of the `(a|b|c)` groups in a text, or a problem. */
export function expand(text: string): string[] | string {
  let results = [''];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('(');
    const literal = open < 0 ? rest : rest.slice(0, open);
    if (literal.includes(')')) return 'has a ")" without a "("';
    results = results.map((r) => r + literal);
    if (open < 0) break;
    const close = rest.indexOf(')', open);
    if (close < 0) return 'has a "(" without a ")"';
    const inner = rest.slice(open + 1, close);
    if (inner.includes('(')) return 'has a group inside a group';
    const options = inner.split('|');
    if (results.length * options.length > MAX_EXPANSIONS) {
      return `has more than ${MAX_EXPANSIONS} combinations: split it, or use ~N`;
    }
    results = results.flatMap((r) => options.map((o) => r + o));
    rest = rest.slice(close + 1);
  }
  return results;
}

function phrase(text: string): Phrase | string {
  const trimmed = text.trim();
  const prefix = /[\p{L}\p{N}]\*$/u.test(trimmed);
  const n = normalise(prefix ? trimmed.slice(0, -1) : trimmed);
  let from = 0;
  let to = n.fine.length;
  while (from < to && isSeparator(n.fine[from] ?? 0)) from++;
  while (to > from && isSeparator(n.fine[to - 1] ?? 0)) to--;
  const fine = n.fine.slice(from, to);
  if (fine.filter((f) => !isSeparator(f)).length < 2) return `"${trimmed}" is too short to match reliably`;
  if (fine.length > MAX_PHRASE_SYMBOLS) return `"${trimmed.slice(0, 30)}…" is too long`;
  if (fine.includes(SEP_S)) return `"${trimmed}" spans a sentence end, which nothing can match`;
  return { fine: Uint8Array.from(fine), run: Uint8Array.from(n.run.slice(from, to)), prefix };
}

function phrases(text: string): Phrase[] | string {
  const expanded = expand(text);
  if (typeof expanded === 'string') return expanded;
  const out: Phrase[] = [];
  for (const e of expanded) {
    if (e.trim() === '') continue; // an empty alternative, e.g. "(the |)officer"
    const p = phrase(e);
    if (typeof p === 'string') return p;
    out.push(p);
  }
  return out.length > 0 ? out : 'is empty';
}

const NEAR = /^(.*?)\s*~(\d+)\s*(.*)$/s;

export function parseTerm(term: unknown): ParsedTerm {
  if (typeof term !== 'string') return { kind: 'invalid', problem: 'is not text' };
  if (term.trim() === '') return { kind: 'invalid', problem: 'is empty' };
  if (!term.includes('~')) {
    const p = phrases(term);
    return typeof p === 'string' ? { kind: 'invalid', problem: p } : { kind: 'phrase', phrases: p };
  }
  const m = NEAR.exec(term);
  const within = Number(m?.[2]);
  if (!m || (m[3] ?? '').includes('~'))
    return { kind: 'invalid', problem: 'needs the form "A ~N B" (one ~)' };
  if (!(within >= 0 && within <= MAX_WITHIN))
    return { kind: 'invalid', problem: `~N needs N from 0 to ${MAX_WITHIN}` };
  const left = phrases(m[1] ?? '');
  const right = phrases(m[3] ?? '');
  if (typeof left === 'string') return { kind: 'invalid', problem: left };
  if (typeof right === 'string') return { kind: 'invalid', problem: right };
  return { kind: 'near', left, right, within };
}
