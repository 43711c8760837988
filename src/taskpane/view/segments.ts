// Splits a message body into plain and highlighted runs for the reading aid. Indicator hits may
// overlap or arrive unsorted; each run carries every code covering it. Rendering is text nodes
// only, so a body full of HTML stays inert text.
import type { Indicator, IndicatorCode } from '../../core/types';

export interface Segment {
  text: string;
  /** Indicator codes covering this run, in first-seen order; empty for plain text. */
  codes: IndicatorCode[];
}

/** A highlighted stretch of the body by position: [start, end) with every code covering it. */
export interface Run {
  start: number;
  end: number;
  codes: IndicatorCode[];
}

/**
 * The highlighted runs of a body of `length` characters, in order, from the hits' positions
 * alone: it never touches the text, so a 10 MB body costs what its hits cost, not its length.
 * Neighbouring runs with the same codes are one run.
 */
export function highlightRuns(length: number, indicators: readonly Indicator[]): Run[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const codeOf: IndicatorCode[] = [];
  for (const i of indicators) {
    const start = clamp(i.start, length);
    const end = clamp(i.end, length);
    if (start >= end) continue;
    starts.push(start);
    ends.push(end);
    codeOf.push(i.code);
  }
  const n = starts.length;
  if (n === 0) return [];

  // One sweep over the cut points with the hits open at each, rather than testing every hit at
  // every cut: a long hostile body can carry thousands of hits (the scanner caps each code at
  // 1,000), and a 10 MB body's are sorted on the pane's thread. The hits in order of start and
  // of end come from typed-array sorts (native, no comparator call per comparison).
  const byStart = order(starts);
  const byEnd = order(ends);
  const open = new Set<number>();
  const runs: Run[] = [];
  let codes: IndicatorCode[] = [];
  let from = 0;
  let s = 0;
  let e = 0;
  while (e < n) {
    const at = Math.min(s < n ? starts[byStart[s]!]! : Infinity, ends[byEnd[e]!]!);
    if (open.size > 0 && from < at) {
      const last = runs.at(-1);
      if (last && last.end === from && sameCodes(last.codes, codes)) last.end = at;
      else runs.push({ start: from, end: at, codes });
    }
    while (e < n && ends[byEnd[e]!] === at) open.delete(byEnd[e++]!);
    while (s < n && starts[byStart[s]!] === at) open.add(byStart[s++]!);
    // Codes in the order their hits were given, as before; one hit open needs no sorting.
    codes =
      open.size === 1
        ? [codeOf[open.values().next().value!]!]
        : [...new Set([...open].sort((a, b) => a - b).map((h) => codeOf[h]!))];
    from = at;
  }
  return runs;
}

/** Indexes of `positions` in ascending order of position (ties by index), sorted natively. */
function order(positions: readonly number[]): Int32Array {
  const n = positions.length;
  // position * n + index is exact below 2^53: 10 MB of positions times a million hits.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = positions[i]! * n + i;
  keys.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = keys[i]! % n;
  return out;
}

/**
 * The text of body[from, to) as plain and highlighted runs, each with where it starts. `runs` are
 * highlightRuns' for the whole body; only those inside the stretch are looked at.
 */
export function segmentsBetween(
  body: string,
  runs: readonly Run[],
  from = 0,
  to = body.length,
): Array<Segment & { start: number }> {
  const out: Array<Segment & { start: number }> = [];
  let at = from;
  // The first run that ends after `from` (runs are in order and do not overlap).
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < runs.length && runs[i]!.start < to; i++) {
    const run = runs[i]!;
    const start = Math.max(run.start, from);
    const end = Math.min(run.end, to);
    if (start > at) out.push({ text: body.slice(at, start), codes: [], start: at });
    out.push({ text: body.slice(start, end), codes: run.codes, start });
    at = end;
  }
  if (at < to) out.push({ text: body.slice(at, to), codes: [], start: at });
  return out;
}

/** The whole body as plain and highlighted runs. */
export function segmentText(body: string, indicators: readonly Indicator[]): Segment[] {
  return segmentsBetween(body, highlightRuns(body.length, indicators)).map(({ text, codes }) => ({
    text,
    codes,
  }));
}

function clamp(n: number, len: number): number {
  return Number.isFinite(n) ? Math.min(len, Math.max(0, Math.trunc(n))) : 0;
}

function sameCodes(a: readonly IndicatorCode[], b: readonly IndicatorCode[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

/** Count of hits per code, for the "Indicators found: SELF_HARM ×2" summaries. */
export function countByCode(indicators: readonly Indicator[]): Map<IndicatorCode, number> {
  const counts = new Map<IndicatorCode, number>();
  for (const i of indicators) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return counts;
}
