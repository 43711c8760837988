// A long message shown in parts: a 10 MB body laid out as one block of text takes the browser
// seconds (and Office disables an add-in that blocks that long), so the pane renders one part of
// about PART_CHARS characters at a time, with every highlighted phrase reachable by a jump.
// Only the part on screen is ever cut into runs of text: the rest of the body is known by
// positions alone (highlightRuns), so a 10 MB body costs the pane's thread what one part costs.
import { segmentsBetween, type Run, type Segment } from '../view/segments';

export const PART_CHARS = 20_000;

/** A run of the body with its offset, so a highlight can be found again after a jump. */
export interface PlacedSegment extends Segment {
  start: number;
}

export interface Part {
  start: number;
  end: number;
}

/**
 * Where each part starts. A part ends after a line break in its second half if there is one,
 * else after a space, else at the size: a word is cut only in a body with no spaces at all.
 * Each search looks back over half a part at most, so a body with no line breaks costs no more.
 * An astral character (an emoji) is never split between parts.
 */
export function partStarts(body: string, size = PART_CHARS): number[] {
  const starts = [0];
  let at = 0;
  while (body.length - at > size) {
    const half = at + Math.ceil(size / 2);
    const window = body.slice(half, at + size);
    const line = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    let cut = line >= 0 ? half + line + 1 : space >= 0 ? half + space + 1 : at + size;
    // Never between the two halves of an emoji or other astral character.
    if (cut - 1 > at && isHighSurrogate(body.charCodeAt(cut - 1))) cut--;
    starts.push(cut);
    at = cut;
  }
  return starts;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

export function partsOf(body: string, size = PART_CHARS): Part[] {
  const starts = partStarts(body, size);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? body.length }));
}

/** The part's text as plain and highlighted runs (a highlight across parts is shown in both). */
export function partSegments(body: string, part: Part, runs: readonly Run[]): PlacedSegment[] {
  return segmentsBetween(body, runs, part.start, part.end);
}

/** Every highlighted run in body order, with the part it is in: the stops of "next phrase". */
export function highlightStops(
  parts: readonly Part[],
  runs: readonly Run[],
): Array<{ start: number; part: number }> {
  const stops: Array<{ start: number; part: number }> = [];
  let p = 0;
  for (const run of runs) {
    while (p + 1 < parts.length && parts[p]!.end <= run.start) p++;
    // A run across a part boundary is a stop in each part that shows some of it.
    for (let q = p; q < parts.length && parts[q]!.start < run.end; q++)
      stops.push({ start: Math.max(run.start, parts[q]!.start), part: q });
  }
  return stops;
}
