// Aho–Corasick over the coarse alphabet (symbols.ts): one pass over the text finds every place
// where any term's symbol path ends, whatever the number of terms. Transitions are a full table
// (failure links folded in), so each text symbol costs one array read. States are numbered
// breadth-first, so the shallow states that almost every text symbol visits sit together at the
// start of the table and stay in cache; the table is 16-bit while there are few enough states.
// States where some path ends are then numbered last (from `outFrom`), so the scan loop tells
// them by their number alone, without a second table read per symbol.
import { COARSE, COARSE_SYMBOLS } from './symbols';

export interface Automaton {
  /** delta[state * COARSE_SYMBOLS + coarse] = next state. */
  delta: Uint16Array | Int32Array;
  /** First state on the suffix chain (itself included) that ends a path, or -1. */
  firstOut: Int32Array;
  /** States from this number on, and only they, have firstOut set. */
  outFrom: number;
  /** Next state on the suffix chain that ends a path, or -1. */
  nextOut: Int32Array;
  /** Paths ending exactly at a state: outList[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
}

/** `paths[i]` is a sequence of fine symbols; a state reports i where path i ends. */
export function buildAutomaton(paths: readonly Uint8Array[]): Automaton {
  const W = COARSE_SYMBOLS;
  // The trie, numbered as built. The paths ending at a state are a list in typed arrays (head,
  // tail, next), in the order given: an array per state would be tens of thousands of arrays.
  const capacity = paths.reduce((sum, p) => sum + p.length, 0) + 1;
  const child = new Int32Array(capacity * W).fill(-1);
  const endHead = new Int32Array(capacity).fill(-1);
  const endTail = new Int32Array(capacity).fill(-1);
  const endNext = new Int32Array(paths.length).fill(-1);
  let states = 1;
  paths.forEach((path, id) => {
    let s = 0;
    for (const fine of path) {
      const slot = s * W + (COARSE[fine] ?? 0);
      let next = child[slot] ?? -1;
      if (next < 0) {
        next = states++;
        child[slot] = next;
      }
      s = next;
    }
    const tail = endTail[s] ?? -1;
    if (tail < 0) endHead[s] = id;
    else endNext[tail] = id;
    endTail[s] = id;
  });

  // Breadth-first order gives the numbers the table is built in.
  const order = new Int32Array(states);
  const number = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = order[head] ?? 0;
    number[u] = head;
    for (let c = 0; c < W; c++) {
      const v = child[u * W + c] ?? -1;
      if (v >= 0) order[tail++] = v;
    }
  }
  const hasOwn = new Uint8Array(states);
  for (let u = 0; u < states; u++) hasOwn[u] = (endHead[order[u] ?? 0] ?? -1) >= 0 ? 1 : 0;

  const delta = new Int32Array(states * W);
  const fail = new Int32Array(states);
  const nextOut = new Int32Array(states).fill(-1);
  const firstOut = new Int32Array(states).fill(-1);
  // In breadth-first order every state's failure state is numbered (and filled in) before it.
  for (let u = 0; u < states; u++) {
    const old = order[u] ?? 0;
    for (let c = 0; c < W; c++) {
      const oldChild = child[old * W + c] ?? -1;
      if (oldChild >= 0) {
        const v = number[oldChild] ?? 0;
        const f = u === 0 ? 0 : (delta[(fail[u] ?? 0) * W + c] ?? 0);
        fail[v] = f;
        nextOut[v] = hasOwn[f] === 1 ? f : (nextOut[f] ?? -1);
        delta[u * W + c] = v;
      } else {
        delta[u * W + c] = u === 0 ? 0 : (delta[(fail[u] ?? 0) * W + c] ?? 0);
      }
    }
    firstOut[u] = hasOwn[u] === 1 ? u : (nextOut[u] ?? -1);
  }

  // Renumber: states without output keep their breadth-first order, those with output follow.
  // `moved` has one slot more, so that "none" (-1) stays -1.
  const moved = new Int32Array(states + 1);
  const renumber = moved.subarray(1);
  moved[0] = -1;
  let next = 0;
  for (let u = 0; u < states; u++) if ((firstOut[u] ?? -1) < 0) renumber[u] = next++;
  const outFrom = next;
  for (let u = 0; u < states; u++) if ((firstOut[u] ?? -1) >= 0) renumber[u] = next++;

  const table = states <= 0xffff ? new Uint16Array(states * W) : new Int32Array(states * W);
  const first = new Int32Array(states);
  const nextOnChain = new Int32Array(states);
  const outStart = new Int32Array(states + 1);
  for (let u = 0; u < states; u++) {
    const v = renumber[u] ?? 0;
    for (let c = 0; c < W; c++) table[v * W + c] = renumber[delta[u * W + c] ?? 0] ?? 0;
    first[v] = moved[(firstOut[u] ?? -1) + 1] ?? -1;
    nextOnChain[v] = moved[(nextOut[u] ?? -1) + 1] ?? -1;
    for (let id = endHead[order[u] ?? 0] ?? -1; id >= 0; id = endNext[id] ?? -1)
      outStart[v + 1] = (outStart[v + 1] ?? 0) + 1;
  }
  for (let v = 0; v < states; v++) outStart[v + 1] = (outStart[v + 1] ?? 0) + (outStart[v] ?? 0);
  const outList = new Int32Array(outStart[states] ?? 0);
  for (let u = 0; u < states; u++) {
    let at = outStart[renumber[u] ?? 0] ?? 0;
    for (let id = endHead[order[u] ?? 0] ?? -1; id >= 0; id = endNext[id] ?? -1) outList[at++] = id;
  }
  return { delta: table, firstOut: first, outFrom, nextOut: nextOnChain, outStart, outList };
}
