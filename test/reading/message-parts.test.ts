// A long message in parts: nothing lost, nothing repeated, every highlight kept with its codes,
// and only the part on screen cut into text.
import fc from 'fast-check';
import type { Indicator } from '../../src/core/types';
import {
  highlightStops,
  partBlocks,
  partSegments,
  partStarts,
  partsOf,
} from '../../src/taskpane/components/message-parts';
import { highlightRuns, segmentText } from '../../src/taskpane/view/segments';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀'), maxLength: 400 });

const hitsIn = (body: string, spans: ReadonlyArray<readonly [number, number]>): Indicator[] =>
  spans.map(([s, n], k) => ({
    code: k % 2 ? 'SAFEGUARDING' : 'NEW_ALLEGATION',
    start: Math.min(s, body.length),
    end: Math.min(s + n, body.length),
    text: '',
  }));

describe('message parts', () => {
  it('put the whole body back together, in order, with every highlight where it was', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(400), fc.nat(30)), { maxLength: 8 }),
        fc.integer({ min: 4, max: 60 }),
        (body, spans, size) => {
          const indicators = hitsIn(body, spans);
          const runs = highlightRuns(body.length, indicators);
          const parts = partsOf(body, size);
          const segs = parts.map((p) => partSegments(body, p, runs));
          expect(segs.map((s) => s.map((x) => x.text).join('')).join('')).toBe(body);
          for (const [i, p] of parts.entries()) {
            expect(p.end - p.start).toBeLessThanOrEqual(size);
            for (const s of segs[i]!) {
              expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
              expect(s.start).toBeGreaterThanOrEqual(p.start);
              expect(s.start + s.text.length).toBeLessThanOrEqual(p.end);
            }
          }
          // Every character carries exactly the codes the whole-body segmentation gives it.
          const units = (s: { text: string; codes: string[] }) => Array.from(s.text, () => s.codes);
          const whole = segmentText(body, indicators).flatMap(units);
          const cut = segs.flat().flatMap(units);
          // …and no emoji is split between two parts.
          for (const p of parts.slice(1)) {
            const before = body.charCodeAt(p.start - 1);
            expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
          }
          expect(cut.map((c) => [...c].sort())).toEqual(whole.map((c) => [...c].sort()));
        },
      ),
    );
  });

  it('cut after a line break or a space, never inside a word when there is a space', () => {
    const body = 'word '.repeat(50);
    const starts = partStarts(body, 23);
    for (const s of starts.slice(1)) expect(body[s - 1]).toBe(' ');
    const lines = 'one line\n'.repeat(40);
    for (const s of partStarts(lines, 30).slice(1)) expect(lines[s - 1]).toBe('\n');
  });

  it('cut a body with no line break or space in parts of the full size', () => {
    const body = 'x'.repeat(1000);
    expect(partStarts(body, 100)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('give each highlighted run a stop in every part that shows some of it', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(400), fc.nat(30)), { maxLength: 8 }),
        fc.integer({ min: 4, max: 60 }),
        (body, spans, size) => {
          const runs = highlightRuns(body.length, hitsIn(body, spans));
          const parts = partsOf(body, size);
          const expected = parts.flatMap((p, i) =>
            partSegments(body, p, runs)
              .filter((s) => s.codes.length > 0)
              .map((s) => ({ start: s.start, part: i })),
          );
          expect(highlightStops(parts, runs)).toEqual(expected);
        },
      ),
    );
    const body = `${'x'.repeat(100)} punched me ${'y'.repeat(100)} frightened`;
    const runs = highlightRuns(body.length, [
      { code: 'NEW_ALLEGATION', start: 101, end: 111, text: 'punched me' },
      { code: 'SAFEGUARDING', start: 213, end: 223, text: 'frightened' },
    ]);
    const stops = highlightStops(partsOf(body, 60), runs);
    expect(stops.map((s) => body.slice(s.start, s.start + 4))).toEqual(['punc', 'frig']);
  });

  it('put a part in blocks with nothing lost, each highlight whole, and sizes kept', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(400), fc.nat(30)), { maxLength: 8 }),
        fc.integer({ min: 2, max: 60 }),
        (body, spans, size) => {
          const runs = highlightRuns(body.length, hitsIn(body, spans));
          const segments = partSegments(body, { start: 0, end: body.length }, runs);
          const blocks = partBlocks(segments, size);
          // The same text, the same highlighted runs untouched, every piece where it was.
          expect(
            blocks
              .flat()
              .map((s) => s.text)
              .join(''),
          ).toBe(body);
          expect(blocks.flat().filter((s) => s.codes.length > 0)).toEqual(
            segments.filter((s) => s.codes.length > 0),
          );
          for (const s of blocks.flat()) expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
          const longestMark = Math.max(
            0,
            ...segments.filter((s) => s.codes.length).map((s) => s.text.length),
          );
          for (const [i, block] of blocks.entries()) {
            expect(block.length).toBeGreaterThan(0);
            const chars = block.reduce((n, s) => n + s.text.length, 0);
            // A block stops growing at twice the size, give or take the mark that crossed it
            // and an emoji kept whole.
            expect(chars).toBeLessThanOrEqual(2 * size + longestMark + 1);
            const end = block.at(-1)!.start + block.at(-1)!.text.length;
            // No block ends inside an emoji.
            if (i < blocks.length - 1) {
              const before = body.charCodeAt(end - 1);
              expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
            }
          }
        },
      ),
    );
  });

  it('end a block after a line break once it is full, so the text wraps as in one piece', () => {
    const body = 'a line of the letter\n'.repeat(200);
    const blocks = partBlocks([{ text: body, codes: [], start: 0 }], 100);
    expect(blocks.length).toBeGreaterThan(30);
    for (const block of blocks.slice(0, -1)) {
      const text = block.map((s) => s.text).join('');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.length).toBeGreaterThanOrEqual(100);
      expect(text.length).toBeLessThan(200);
    }
    const words = partBlocks([{ text: 'word '.repeat(200), codes: [], start: 0 }], 100);
    for (const block of words.slice(0, -1)) expect(block.at(-1)!.text.endsWith(' ')).toBe(true);
  });
});
