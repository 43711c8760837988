// Splits a message body into plain and highlighted runs for the reading aid. Indicator hits may
// overlap or arrive unsorted; each run carries every code covering it. Rendering is text nodes
// only, so a body full of HTML stays inert text.
import type { Indicator, IndicatorCode } from '../../core/types';

export interface Segment {
  text: string;
  /** Indicator codes covering this run, in first-seen order; empty for plain text. */
  codes: IndicatorCode[];
}

export function segmentText(body: string, indicators: readonly Indicator[]): Segment[] {
  const len = body.length;
  const hits = indicators
    .map((i) => ({ code: i.code, start: clamp(i.start, len), end: clamp(i.end, len) }))
    .filter((h) => h.start < h.end);
  if (hits.length === 0) return len ? [{ text: body, codes: [] }] : [];

  // One sweep over the cut points with the hits open at each, rather than testing every hit at
  // every cut: a long hostile body can carry thousands of hits (the scanner caps each code at
  // 1,000), and this runs on every render of the message.
  const cuts = [...new Set([0, len, ...hits.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const byStart = hits.map((_, i) => i).sort((a, b) => hits[a]!.start - hits[b]!.start);
  const byEnd = hits.map((_, i) => i).sort((a, b) => hits[a]!.end - hits[b]!.end);
  const open = new Set<number>();
  let nextStart = 0;
  let nextEnd = 0;
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    while (nextStart < byStart.length && hits[byStart[nextStart]!]!.start <= from)
      open.add(byStart[nextStart++]!);
    while (nextEnd < byEnd.length && hits[byEnd[nextEnd]!]!.end <= from) open.delete(byEnd[nextEnd++]!);
    // Codes in the order their hits were given, as before.
    const codes = [...new Set([...open].sort((a, b) => a - b).map((h) => hits[h]!.code))];
    const last = segments.at(-1);
    // Neighbouring runs with the same codes read as one highlight.
    if (last && sameCodes(last.codes, codes)) last.text += body.slice(from, to);
    else segments.push({ text: body.slice(from, to), codes });
  }
  return segments;
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
