// A long message shown in parts: a 10 MB body laid out as one block of text takes the browser
// seconds (and Office disables an add-in that blocks that long), so the pane renders one part of
// about 50,000 characters at a time, with every highlighted phrase reachable by a jump.
import type { Segment } from '../view/segments';

export const PART_CHARS = 50_000;

/** A run of the body with its offset, so a highlight can be found again after a jump. */
export interface PlacedSegment extends Segment {
  start: number;
}

export interface Part {
  start: number;
  end: number;
  segments: PlacedSegment[];
}

/**
 * Where each part starts. A part ends after a line break in its second half if there is one,
 * else after a space, else at the size: a word is cut only in a body with no spaces at all.
 */
export function partStarts(body: string, size = PART_CHARS): number[] {
  const starts = [0];
  let at = 0;
  while (body.length - at > size) {
    let cut = at + size;
    const line = body.lastIndexOf('\n', cut - 1);
    const space = body.lastIndexOf(' ', cut - 1);
    if (line >= at + size / 2) cut = line + 1;
    else if (space >= at + size / 2) cut = space + 1;
    starts.push(cut);
    at = cut;
  }
  return starts;
}

/** The body's runs, cut at the part boundaries (a highlight across one is shown in both). */
export function partsOf(body: string, segments: readonly Segment[], size = PART_CHARS): Part[] {
  const starts = partStarts(body, size);
  const parts: Part[] = starts.map((start, i) => ({
    start,
    end: starts[i + 1] ?? body.length,
    segments: [],
  }));
  let p = 0;
  let offset = 0;
  for (const seg of segments) {
    const segEnd = offset + seg.text.length;
    let from = offset;
    while (from < segEnd) {
      while (p + 1 < parts.length && parts[p]!.end <= from) p++;
      const part = parts[p]!;
      const to = Math.min(segEnd, part.end);
      part.segments.push({ text: seg.text.slice(from - offset, to - offset), codes: seg.codes, start: from });
      from = to;
    }
    offset = segEnd;
  }
  return parts;
}

/** Every highlighted run in body order, with the part it is in: the stops of "next phrase". */
export function highlightStops(parts: readonly Part[]): Array<{ start: number; part: number }> {
  return parts.flatMap((part, i) =>
    part.segments.filter((s) => s.codes.length > 0).map((s) => ({ start: s.start, part: i })),
  );
}
