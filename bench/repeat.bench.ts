// Repeat detection: one new message against 1,000 earlier fingerprints (the contact log of a
// busy person), beside the naive way: exact Jaccard over shingle sets rebuilt from the 1,000
// earlier texts every time. Both are timed in this run (CPU time); the ratio is naive / ours.
import { seededRandom } from '../emulator/prng';
import { DEFAULT_REPEAT_THRESHOLD, findRepeats, fingerprint, similarity } from '../src/core/repeat';
import { HELD_OUT, pairsOf, scorePairs } from '../test/core/repeat-pairs.fixtures';
import { DEMAND, DEMAND_REWORDED } from '../test/core/repeat.fixtures';
import { naiveFingerprint } from './naive-fingerprint';

const VOCABULARY = (
  'the officer complaint said would not please reply I my you station review evidence footage letter ' +
  'investigation decision custody sergeant constable statement neighbour camera arrest search call ' +
  'handler record apology explanation outcome department standards commissioner appeal police force ' +
  'weeks months today yesterday again never always because although before after until whether'
).split(' ');

function letter(random: () => number): string {
  const sentences: string[] = [];
  const count = 12 + Math.floor(random() * 12);
  for (let s = 0; s < count; s++) {
    const words: string[] = [];
    const len = 6 + Math.floor(random() * 14);
    for (let w = 0; w < len; w++) words.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'the');
    sentences.push(`${words.join(' ')}.`);
  }
  return sentences.join(' ');
}

function naiveShingles(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.toLowerCase().split(/[.!?]+\s|\n\s*\n/)) {
    const words = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  }
  return out;
}

function naiveJaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

/** Mean CPU time of `runs` calls, in ms (CPU, not wall time: the machine is shared). */
function timeIt(runs: number, fn: () => void): number {
  fn(); // warm-up
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

export default async function bench(): Promise<Record<string, unknown>> {
  const random = seededRandom(42);
  const texts = Array.from({ length: 1000 }, () => letter(random));
  texts[500] = DEMAND;
  const earlier = texts.map((t, i) => ({ id: `m${i}`, fingerprint: fingerprint(t) }));
  const incoming = DEMAND_REWORDED;
  const incomingFp = fingerprint(incoming);

  let found = 0;
  const oursMs = timeIt(200, () => {
    found = findRepeats(incomingFp, earlier).length;
  });
  const allPairsMs = timeIt(200, () => {
    for (const e of earlier) similarity(incomingFp, e.fingerprint);
  });
  let naiveFound = 0;
  const naiveMs = timeIt(3, () => {
    const mine = naiveShingles(incoming);
    naiveFound = texts.filter((t) => naiveJaccard(mine, naiveShingles(t)) >= 0.5).length;
  });
  const fingerprintMs = timeIt(200, () => fingerprint(incoming));
  // The same letter's fingerprint made the plain way (same bits, checked): strings, a Set, K x n mix32 calls.
  if (JSON.stringify(naiveFingerprint(incoming)) !== JSON.stringify(incomingFp))
    throw new Error('the plain fingerprint and the fast one differ');
  const naiveFingerprintMs = timeIt(50, () => naiveFingerprint(incoming));
  // Quality on the held-out pairs (never used in tuning): rewordings vs the same person's other letters.
  const heldOutPairs = pairsOf(HELD_OUT);
  const heldOut = scorePairs(
    heldOutPairs,
    (a, b) => similarity(fingerprint(a), fingerprint(b)) >= DEFAULT_REPEAT_THRESHOLD,
  );

  return {
    earlierMessages: earlier.length,
    findRepeatsMs: Number(oursMs.toFixed(3)),
    similarityAgainstAllMs: Number(allPairsMs.toFixed(3)),
    naiveExactJaccardFromTextsMs: Number(naiveMs.toFixed(2)),
    ratioNaiveOverOurs: Number((naiveMs / oursMs).toFixed(0)),
    fingerprintOneLetterMs: Number(fingerprintMs.toFixed(3)),
    naiveFingerprintOneLetterMs: Number(naiveFingerprintMs.toFixed(3)),
    repeatsFound: { ours: found, naive: naiveFound },
    heldOutPairs: heldOutPairs.length,
    heldOutPrecision: Number(heldOut.precision.toFixed(3)),
    heldOutRecall: Number(heldOut.recall.toFixed(3)),
  };
}
