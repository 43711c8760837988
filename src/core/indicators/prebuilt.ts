// A compiled matcher as data, so the shipped term lists are compiled at build time, not on the
// taskpane's main thread at cold open (about half a second there: every phrase of every expansion
// normalised, then the automaton built). What is stored is small; what is rebuilt from it is
// cheap, linear work:
//   - the phrases (fine symbols, runs, prefix flag, actions), exactly as compileTerms gives them;
//   - the automaton's trie in breadth-first order: for each state, the coarse symbol of the edge
//     into it and its number of children. The full transition table (states × 32 entries, about
//     3 MB, 260 KB gzipped) is not stored: it is the trie with its failure links folded in, and
//     those take one pass to find.
// decodeMatcherData(encodeMatcherData(t, a)) gives back t and a exactly (test/core/prebuilt.test.ts).
import type { Automaton } from './automaton';
import type { CompiledTerms, Pattern } from './compiled-terms';
import { COARSE, COARSE_SYMBOLS, SEP_P } from './symbols';

export interface MatcherData<L extends string> {
  labels: L[];
  nearWithin: number[];
  nearLabel: number[];
  states: number;
  patterns: number;
  /** The byte sections below, base64. */
  bytes: string;
}

// Sections of `bytes`, in order: edge, kids, output (one byte per state each), phrase length, prefix flag, action
// count (one byte per pattern each), actions (two bytes each, little-endian), fine, run.

const W = COARSE_SYMBOLS;

/** The trie inside a built automaton, breadth-first, as the edge into each state and its children. */
function trieOf(a: Automaton): { edge: Uint8Array; kids: Uint8Array; output: Uint8Array } {
  const states = a.firstOut.length;
  // A transition is a trie edge exactly when it leads one level deeper (a failure transition
  // never does), and depth is the shortest distance from the root.
  const depth = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  depth[0] = 0;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    for (let c = 0; c < W; c++) {
      const v = a.delta[u * W + c] as number;
      if ((depth[v] as number) < 0) {
        depth[v] = (depth[u] as number) + 1;
        queue[tail++] = v;
      }
    }
  }
  // Breadth-first over trie edges, children by symbol: the order buildAutomaton numbered them in.
  const edge = new Uint8Array(states);
  const kids = new Uint8Array(states);
  const output = new Uint8Array(states);
  queue[0] = 0;
  tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    output[head] = u >= a.outFrom ? 1 : 0;
    for (let c = 0; c < W; c++) {
      const v = a.delta[u * W + c] as number;
      if (v !== 0 && depth[v] === (depth[u] as number) + 1) {
        edge[tail] = c;
        queue[tail++] = v;
        kids[head] = (kids[head] as number) + 1;
      }
    }
  }
  if (tail !== states) throw new Error('prebuilt: the automaton has states outside its trie');
  return { edge, kids, output };
}

export function encodeMatcherData<L extends string>(
  terms: CompiledTerms<L>,
  automaton: Automaton,
): MatcherData<L> {
  if (terms.problems.length > 0) throw new Error('prebuilt: only lists without problems are prebuilt');
  const { edge, kids, output } = trieOf(automaton);
  const ps = terms.patterns;
  const perPattern = (f: (p: Pattern) => number) => Uint8Array.from(ps, f);
  const actions = ps.flatMap((p) => p.actions);
  if (actions.some((x) => x > 0xffff) || ps.some((p) => p.fine.length > 0xff || p.actions.length > 0xff))
    throw new Error('prebuilt: a phrase or action outgrew its field');
  const actionBytes = new Uint8Array(actions.length * 2);
  actions.forEach((x, i) => {
    actionBytes[i * 2] = x & 0xff;
    actionBytes[i * 2 + 1] = x >> 8;
  });
  const parts = [
    edge,
    kids,
    output,
    perPattern((p) => p.fine.length),
    perPattern((p) => (p.prefix ? 1 : 0)),
    perPattern((p) => p.actions.length),
    actionBytes,
    ...ps.map((p) => p.fine),
    ...ps.map((p) => p.run),
  ];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  let binary = '';
  for (let i = 0; i < all.length; i += 0x8000) binary += String.fromCharCode(...all.subarray(i, i + 0x8000));
  return {
    labels: [...terms.labels],
    nearWithin: [...terms.nearWithin],
    nearLabel: [...terms.nearLabel],
    states: automaton.firstOut.length,
    patterns: ps.length,
    bytes: btoa(binary),
  };
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function decodeMatcherData<L extends string>(
  data: MatcherData<L>,
): { terms: CompiledTerms<L>; automaton: Automaton } {
  const { states: n, patterns: count } = data;
  const bytes = fromBase64(data.bytes);
  let at = 0;
  const take = (length: number): Uint8Array => bytes.subarray(at, (at += length));
  const edge = take(n);
  const kids = take(n);
  const output = take(n);
  const length = take(count);
  const prefix = take(count);
  const actionCount = take(count);
  const actionBytes = take(actionCount.reduce((s, x) => s + x * 2, 0));
  const fineAll = take(length.reduce((s, x) => s + x, 0));
  const runAll = take(fineAll.length);
  if (at !== bytes.length) throw new Error('prebuilt: the data does not match its header');

  const patterns: Pattern[] = [];
  let sym = 0;
  let act = 0;
  for (let i = 0; i < count; i++) {
    const len = length[i] as number;
    const actions: number[] = [];
    for (let k = actionCount[i] as number; k > 0; k--, act += 2)
      actions.push((actionBytes[act] as number) | ((actionBytes[act + 1] as number) << 8));
    patterns.push({
      fine: fineAll.slice(sym, sym + len),
      run: runAll.slice(sym, sym + len),
      prefix: prefix[i] === 1,
      actions,
    });
    sym += len;
  }
  const terms: CompiledTerms<L> = {
    labels: [...data.labels],
    patterns,
    nearWithin: [...data.nearWithin],
    nearLabel: [...data.nearLabel],
    problems: [],
  };
  return { terms, automaton: automatonFromTrie(edge, kids, output, patterns) };
}

/**
 * The automaton buildAutomaton gives for these patterns' paths, from its breadth-first trie and
 * which states report something. Knowing the latter up front gives every state its final number
 * at once, so each row of the table is written once: its failure state's row (always done before
 * it, in breadth-first order) copied in one go, with its own children put in.
 */
function automatonFromTrie(
  edge: Uint8Array,
  kids: Uint8Array,
  output: Uint8Array,
  patterns: readonly Pattern[],
): Automaton {
  const n = edge.length;
  // States without output first, in breadth-first order, then the others: the scan tells the
  // latter by their number alone.
  const number = new Int32Array(n);
  let next = 0;
  for (let u = 0; u < n; u++) if (output[u] === 0) number[u] = next++;
  const outFrom = next;
  for (let u = 0; u < n; u++) if (output[u] !== 0) number[u] = next++;

  const table = n <= 0xffff ? new Uint16Array(n * W) : new Int32Array(n * W);
  const fail = new Int32Array(n); // by final number
  next = 1;
  for (let u = 0; u < n; u++) {
    const v = number[u] as number;
    const f = fail[v] as number;
    if (u !== 0) table.copyWithin(v * W, f * W, f * W + W);
    for (let k = kids[u] as number; k > 0; k--, next++) {
      const c = edge[next] as number;
      const w = number[next] as number;
      fail[w] = u === 0 ? 0 : (table[f * W + c] as number);
      table[v * W + c] = w;
    }
  }
  // Where each path ends: along a path from the root every transition is a trie edge.
  const sep = COARSE[SEP_P] as number;
  const endOf = new Int32Array(patterns.length);
  const outStart = new Int32Array(n + 1);
  patterns.forEach((p, id) => {
    let s = table[sep] as number;
    for (let i = 0; i < p.fine.length; i++)
      s = table[s * W + (COARSE[p.fine[i] as number] as number)] as number;
    if (!p.prefix) s = table[s * W + sep] as number;
    endOf[id] = s;
    outStart[s + 1] = (outStart[s + 1] as number) + 1;
  });
  const nextOut = new Int32Array(n).fill(-1);
  const firstOut = new Int32Array(n).fill(-1);
  for (let u = 1; u < n; u++) {
    const v = number[u] as number;
    const f = fail[v] as number;
    nextOut[v] = (outStart[f + 1] as number) > 0 ? f : (nextOut[f] as number);
    firstOut[v] = (outStart[v + 1] as number) > 0 ? v : (nextOut[v] as number);
  }
  for (let v = 0; v < n; v++) outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
  const outList = new Int32Array(patterns.length);
  const fill = outStart.slice(0, n);
  endOf.forEach((v, id) => {
    outList[fill[v] as number] = id;
    fill[v] = (fill[v] as number) + 1;
  });
  return { delta: table, firstOut, outFrom, nextOut, outStart, outList };
}
