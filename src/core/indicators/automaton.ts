// Aho–Corasick over the coarse alphabet (symbols.ts): one pass over the text finds every place
// where any term's symbol path ends, whatever the number of terms. Transitions are a full table
// (failure links folded in), so each text symbol costs one array read.
import { COARSE, COARSE_SYMBOLS } from './symbols';

export interface Automaton {
  /** delta[state * COARSE_SYMBOLS + coarse] = next state. */
  delta: Int32Array;
  /** First state on the suffix chain (itself included) that ends a path, or -1. */
  firstOut: Int32Array;
  /** Next state on the suffix chain that ends a path, or -1. */
  nextOut: Int32Array;
  /** Paths ending exactly at a state: outList[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
}

/** `paths[i]` is a sequence of fine symbols; a state reports i where path i ends. */
export function buildAutomaton(paths: readonly Uint8Array[]): Automaton {
  const W = COARSE_SYMBOLS;
  const capacity = paths.reduce((sum, p) => sum + p.length, 0) + 1;
  let delta = new Int32Array(capacity * W).fill(-1);
  const ends: number[][] = [[]];
  let states = 1;
  paths.forEach((path, id) => {
    let s = 0;
    for (const fine of path) {
      const slot = s * W + (COARSE[fine] ?? 0);
      let next = delta[slot] ?? -1;
      if (next < 0) {
        next = states++;
        delta[slot] = next;
        ends.push([]);
      }
      s = next;
    }
    ends[s]?.push(id);
  });
  delta = delta.slice(0, states * W);

  const fail = new Int32Array(states);
  const nextOut = new Int32Array(states).fill(-1);
  const firstOut = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const u = queue[head++] ?? 0;
    for (let c = 0; c < W; c++) {
      const slot = u * W + c;
      const v = delta[slot] ?? -1;
      if (v >= 0) {
        const f = u === 0 ? 0 : (delta[(fail[u] ?? 0) * W + c] ?? 0);
        fail[v] = f;
        nextOut[v] = (ends[f]?.length ?? 0) > 0 ? f : (nextOut[f] ?? -1);
        queue[tail++] = v;
      } else {
        delta[slot] = u === 0 ? 0 : (delta[(fail[u] ?? 0) * W + c] ?? 0);
      }
    }
    firstOut[u] = (ends[u]?.length ?? 0) > 0 ? u : (nextOut[u] ?? -1);
  }

  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = (outStart[s] ?? 0) + (ends[s]?.length ?? 0);
  const outList = new Int32Array(outStart[states] ?? 0);
  for (let s = 0; s < states; s++) outList.set(ends[s] ?? [], outStart[s] ?? 0);
  return { delta, firstOut, nextOut, outStart, outList };
}
