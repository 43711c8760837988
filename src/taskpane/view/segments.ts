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
  const hits = indicators
    .map((i) => ({ code: i.code, start: clamp(i.start, length), end: clamp(i.end, length) }))
    .filter((h) => h.start < h.end);
  if (hits.length === 0) return [];

  // One sweep over the cut points with the hits open at each, rather than testing every hit at
  // every cut: a long hostile body can carry thousands of hits (the scanner caps each code at
  // 1,000), and this runs on every render of the message.
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const cuts = [...new Set(Float64Array.from(hits.flatMap((h) => [h.start, h.end])).sort())];
  const byStart = hits.map((_, i) => i).sort((a, b) => hits[a]!.start - hits[b]!.start);
  const byEnd = hits.map((_, i) => i).sort((a, b) => hits[a]!.end - hits[b]!.end);
  const open = new Set<number>();
  let nextStart = 0;
  let nextEnd = 0;
  const runs: Run[] = [];
  let codes: IndicatorCode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    let changed = false;
    while (nextStart < byStart.length && hits[byStart[nextStart]!]!.start <= from) {
      open.add(byStart[nextStart++]!);
      changed = true;
    }
    while (nextEnd < byEnd.length && hits[byEnd[nextEnd]!]!.end <= from) {
      open.delete(byEnd[nextEnd++]!);
      changed = true;
    }
    if (open.size === 0) continue;
    // Codes in the order their hits were given, as before; worked out again only when a hit
    // opened or closed here.
    if (changed) codes = [...new Set([...open].sort((a, b) => a - b).map((h) => hits[h]!.code))];
    const last = runs.at(-1);
    if (last && last.end === from && sameCodes(last.codes, codes)) last.end = to;
    else runs.push({ start: from, end: to, codes });
  }
  return runs;
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
