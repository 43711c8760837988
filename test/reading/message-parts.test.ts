// A long message in parts: nothing lost, nothing repeated, every highlight kept with its codes.
import fc from 'fast-check';
import type { Indicator } from '../../src/core/types';
import { highlightStops, partStarts, partsOf } from '../../src/taskpane/components/message-parts';
import { segmentText } from '../../src/taskpane/view/segments';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀'), maxLength: 400 });

describe('message parts', () => {
  it('put the whole body back together, in order, with every highlight where it was', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(400), fc.nat(30)), { maxLength: 8 }),
        fc.integer({ min: 4, max: 60 }),
        (body, spans, size) => {
          const indicators: Indicator[] = spans.map(([s, n]) => ({
            code: 'NEW_ALLEGATION',
            start: Math.min(s, body.length),
            end: Math.min(s + n, body.length),
            text: '',
          }));
          const segments = segmentText(body, indicators);
          const parts = partsOf(body, segments, size);
          expect(parts.map((p) => p.segments.map((s) => s.text).join('')).join('')).toBe(body);
          for (const p of parts) {
            expect(p.end - p.start).toBeLessThanOrEqual(size);
            for (const s of p.segments) expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
          }
          // Every highlighted character is still highlighted.
          const marked = (at: number) => indicators.some((i) => i.start <= at && at < i.end);
          for (const p of parts)
            for (const s of p.segments)
              for (let k = 0; k < s.text.length; k++) expect(s.codes.length > 0).toBe(marked(s.start + k));
        },
      ),
    );
  });

  it('cut after a line break or a space, never inside a word when there is a space', () => {
    const body = 'word '.repeat(50);
    const starts = partStarts(body, 23);
    for (const s of starts.slice(1)) expect(body[s - 1]).toBe(' ');
  });

  it('give each highlighted run a stop in the part that shows it', () => {
    const body = `${'x'.repeat(100)} punched me ${'y'.repeat(100)} frightened`;
    const indicators: Indicator[] = [
      { code: 'NEW_ALLEGATION', start: 101, end: 111, text: 'punched me' },
      { code: 'SAFEGUARDING', start: 213, end: 223, text: 'frightened' },
    ];
    const parts = partsOf(body, segmentText(body, indicators), 60);
    const stops = highlightStops(parts);
    expect(stops.map((s) => body.slice(s.start, s.start + 4))).toEqual(['punc', 'frig']);
    for (const s of stops) expect(parts[s.part]!.start).toBeLessThanOrEqual(s.start);
  });
});
