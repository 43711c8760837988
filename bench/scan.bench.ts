// Indicator scanning: 100 KB and 5 MB bodies of plain complaint-style text with a few real hits,
// in MB/s, beside the naive way measured in the same run: one case-insensitive regular expression
// per phrase (every phrase the shipped lists expand to), each run over the whole text. The naive
// way is over a hundred times slower, so it is timed on a 20 KB prefix of each body and reported
// as MB/s; it also finds less (no look-alikes, leetspeak or spelled-out words, no proximity).
// A third body is real-looking mail (the repeat detector's invented letters, shuffled): more
// capitals, figures, references and one-letter words than the generated text, as evaluate sees.
// Times are CPU time: best of several runs, and their median.
import { seededRandom } from '../emulator/prng';
import { DEFAULT_TERMS, compileScanner } from '../src/core/indicators';
import { expand } from '../src/core/indicators/syntax';
import { DEMAND, DEMAND_REWORDED, SECOND_DEMAND, UNRELATED } from '../test/core/repeat.fixtures';

const VOCABULARY = (
  'the a an and or but if then because although while after before until since when where which who ' +
  'I you he she we they it my your his her our their me him us them this that these those there here ' +
  'is was were be been being have has had do does did will would shall should can could may might must ' +
  'not no never always again also only just still even very more most less much many some any every ' +
  'officer police constable sergeant inspector station custody cell arrest interview statement evidence ' +
  'footage camera record report letter email telephone call reply response answer question request ' +
  'complaint investigation decision outcome review appeal reference matter case file department team ' +
  'standards professional commissioner office manager handler investigator witness neighbour family ' +
  'mother father son daughter friend solicitor advocate doctor hospital school work home house street ' +
  'road car vehicle garage shop town city council office court hearing date time day week month year ' +
  'Monday Tuesday Wednesday Thursday Friday morning afternoon evening night today yesterday tomorrow ' +
  'said told asked wrote sent received gave took made found saw heard knew thought felt wanted needed ' +
  'explain understand consider accept provide send give take make find see hear know think feel want ' +
  'information details copy copies notes records data document documents attachment screenshot photo ' +
  'problem concern issue reason way part place point result example number name address account ' +
  'clear full proper fair wrong right good bad new old long short first last next other same different ' +
  'important serious simple difficult possible available responsible independent public private local'
).split(' ');

/** Deterministic text: sentences of vocabulary words, paragraphs, and a real hit now and then. */
function body(size: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const hits = [
    'no point going on',
    'I know where you live',
    'f.u.c.k',
    'PC Smith punched me',
    'burgled',
    'reopen',
  ];
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const words = Array.from({ length: 6 + Math.floor(random() * 16) }, () => pick(VOCABULARY));
    if (random() < 0.01) words.splice(Math.floor(random() * words.length), 0, pick(hits));
    const first = words[0] ?? 'The';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    const sentence = `${words.join(' ')}${random() < 0.8 ? '.' : ','}${random() < 0.1 ? '\n\n' : ' '}`;
    parts.push(sentence);
    length += sentence.length;
  }
  // A flat string, like a body parsed from JSON (a slice would be a view onto a longer string).
  return JSON.parse(JSON.stringify(parts.join('').slice(0, size))) as string;
}

/** Invented letters, sentences shuffled, paragraphs joined: mail as a complaints mailbox gets it. */
function letters(size: number, seed: number): string {
  const random = seededRandom(seed);
  const all = [DEMAND, DEMAND_REWORDED, SECOND_DEMAND, ...UNRELATED];
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences = (all[Math.floor(random() * all.length)] ?? DEMAND).split(/(?<=\.)\s+/u);
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
    }
    const part = `${sentences.join(' ')}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return JSON.parse(JSON.stringify(parts.join('').slice(0, size))) as string;
}

function naivePatterns(): RegExp[] {
  const phrases = new Set<string>();
  for (const terms of Object.values(DEFAULT_TERMS)) {
    for (const term of terms) {
      for (const side of term.split(/\s*~\d+\s*/)) {
        const expanded = expand(side);
        if (typeof expanded !== 'string')
          for (const p of expanded) if (p.trim()) phrases.add(p.trim().toLowerCase());
      }
    }
  }
  return [...phrases].map((p) => {
    const prefix = p.endsWith('*');
    const words = (prefix ? p.slice(0, -1) : p)
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`\\b${words.join('\\s+')}${prefix ? '\\w*' : '\\b'}`, 'gi');
  });
}

// Every phrase, proximity sides included (the naive way would still have to find them).
function naiveScan(patterns: readonly RegExp[], text: string): number {
  let count = 0;
  for (const re of patterns) {
    re.lastIndex = 0;
    while (re.exec(text)) count++;
  }
  return count;
}

/**
 * Best and median of `runs` timings, in ms of this process's CPU time rather than wall time: the
 * machine is shared, and CPU time is what another process's load disturbs least.
 */
function cpuTimes(runs: number, fn: () => void): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] ?? NaN, median: times[Math.floor(times.length / 2)] ?? NaN };
}

const best = (runs: number, fn: () => void): number => cpuTimes(runs, fn).best;

/** Written by the reference loop so the engine cannot drop the loop as dead code. */
export let checksum = 0;

const mbPerSecond = (chars: number, ms: number): number => chars / 1e6 / (ms / 1000);
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export default async function bench(): Promise<Record<string, unknown>> {
  let scanner = compileScanner();
  const compileMs = best(3, () => {
    scanner = compileScanner();
  });
  const patterns = naivePatterns();
  const out: Record<string, unknown> = {
    compileMs: Number(compileMs.toFixed(1)),
    naiveRegexCount: patterns.length,
  };

  for (const [name, text, runs] of [
    ['100KB', body(100_000, 7), 40],
    ['5MB', body(5_000_000, 7), 7],
    ['100KBLetters', letters(100_000, 7), 40],
  ] as const) {
    let hits = 0;
    for (let i = 0; i < (name === '5MB' ? 1 : 30); i++) scanner.scan(text); // warm-up: the taskpane is long-lived
    const oursMs = cpuTimes(runs, () => {
      hits = scanner.scan(text).length;
    });
    const naiveText = text.slice(0, 20_000);
    const naiveMs = best(2, () => naiveScan(patterns, naiveText));
    // The machine's own pace, for reading the MB/s: a loop that only reads each character.
    const table = new Uint8Array(128);
    const loopMs = best(runs, () => {
      for (let i = 0; i < text.length; i++) checksum += table[text.charCodeAt(i) & 127] ?? 0;
    });
    const ours = mbPerSecond(text.length, oursMs.best);
    const naive = mbPerSecond(naiveText.length, naiveMs);
    out[name] = {
      oursMBps: round(ours, 1),
      oursMedianMBps: round(mbPerSecond(text.length, oursMs.median), 1),
      oursMs: round(oursMs.best, 2),
      oursHits: hits,
      naiveMBps: round(naive, 3),
      naiveMeasuredOnChars: naiveText.length,
      ratioOursOverNaive: round(ours / naive, 0),
      readOnlyLoopMBps: round(mbPerSecond(text.length, loopMs), 0),
    };
  }
  return out;
}
