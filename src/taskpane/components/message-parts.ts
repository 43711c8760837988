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

/** A stop of "next phrase": where a highlighted run starts, and the part it is in. */
export interface Stop {
  start: number;
  part: number;
}

/** Every highlighted run in body order, with the part it is in: the stops of "next phrase". */
export function highlightStops(parts: readonly Part[], runs: readonly Run[]): Stop[] {
  const stops: Stop[] = [];
  let p = 0;
  for (const run of runs) {
    while (p + 1 < parts.length && parts[p]!.end <= run.start) p++;
    // A run across a part boundary is a stop in each part that shows some of it.
    for (let q = p; q < parts.length && parts[q]!.start < run.end; q++)
      stops.push({ start: Math.max(run.start, parts[q]!.start), part: q });
  }
  return stops;
}

/** About how many characters each block of a part holds (see partBlocks). */
export const BLOCK_CHARS = 2_000;

/**
 * A part's runs in blocks of about `size` characters, each rendered as its own element so the
 * browser lays out only the blocks in view (content-visibility) and the pane can add them a few
 * per task. A block ends after the first line break once it holds `size` characters, so the text
 * wraps as it would in one piece; a stretch with no line break is cut at a space (else anywhere,
 * never inside an emoji) at twice the size. A highlighted run is never cut: it stays one mark.
 */
export function partBlocks(segments: readonly PlacedSegment[], size = BLOCK_CHARS): PlacedSegment[][] {
  const blocks: PlacedSegment[][] = [];
  let block: PlacedSegment[] = [];
  let length = 0;
  const add = (seg: PlacedSegment): void => {
    block.push(seg);
    length += seg.text.length;
  };
  const close = (): void => {
    if (block.length > 0) blocks.push(block);
    block = [];
    length = 0;
  };
  for (const seg of segments) {
    if (seg.codes.length > 0) {
      if (length >= 2 * size) close();
      add(seg);
      continue;
    }
    let { text, start } = seg;
    for (;;) {
      if (length >= 2 * size) close();
      const cut = cutAt(text, length, size);
      if (cut === 0) break;
      add({ text: text.slice(0, cut), codes: [], start });
      close();
      text = text.slice(cut);
      start += cut;
    }
    if (text) add({ text, codes: [], start });
  }
  close();
  return blocks;
}

/**
 * Where to end the current block (holding `length` characters, under twice the size) inside
 * `text`, or 0 to take all of `text` into it.
 */
function cutAt(text: string, length: number, size: number): number {
  const limit = 2 * size - length;
  const line = text.indexOf('\n', Math.max(0, size - length - 1));
  if (line >= 0 && line < limit) return line + 1;
  if (text.length <= limit) return 0;
  const space = text.lastIndexOf(' ', limit - 1);
  let cut = space >= 0 ? space + 1 : limit;
  // Never between the two halves of an emoji: before it, or after it if it starts the text.
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut = cut > 1 ? cut - 1 : cut + 1;
  return cut;
}
