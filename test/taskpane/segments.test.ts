import fc from 'fast-check';
import { countByCode, segmentText } from '../../src/taskpane/view/segments';
import { INDICATOR_CODES, type Indicator } from '../../src/core/types';

const hit = (code: Indicator['code'], start: number, end: number): Indicator => ({
  code,
  start,
  end,
  text: '',
});

describe('segmentText', () => {
  test('a hit becomes one highlighted run between plain runs', () => {
    expect(segmentText('I see no point going on now', [hit('SELF_HARM', 6, 23)])).toEqual([
      { text: 'I see ', codes: [] },
      { text: 'no point going on', codes: ['SELF_HARM'] },
      { text: ' now', codes: [] },
    ]);
  });

  test('overlapping hits split into runs carrying every covering code', () => {
    const segs = segmentText('abcdefgh', [hit('THREAT', 2, 6), hit('ABUSIVE_LANGUAGE', 4, 8)]);
    expect(segs).toEqual([
      { text: 'ab', codes: [] },
      { text: 'cd', codes: ['THREAT'] },
      { text: 'ef', codes: ['THREAT', 'ABUSIVE_LANGUAGE'] },
      { text: 'gh', codes: ['ABUSIVE_LANGUAGE'] },
    ]);
  });

  test('out-of-range and empty hits are ignored rather than breaking the text', () => {
    expect(segmentText('abc', [hit('THREAT', 5, 9), hit('THREAT', 2, 2), hit('THREAT', -3, 1)])).toEqual([
      { text: 'a', codes: ['THREAT'] },
      { text: 'bc', codes: [] },
    ]);
    expect(segmentText('', [hit('THREAT', 0, 1)])).toEqual([]);
  });

  test('property: the runs always spell the body, and each character carries exactly the codes covering it', () => {
    const code = fc.constantFrom(...INDICATOR_CODES);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(
          fc.record({ code, start: fc.integer({ min: -5, max: 45 }), end: fc.integer({ min: -5, max: 45 }) }),
          {
            maxLength: 6,
          },
        ),
        (body, raw) => {
          const indicators = raw.map((r) => hit(r.code, r.start, r.end));
          const segs = segmentText(body, indicators);
          expect(segs.map((s) => s.text).join('')).toBe(body);
          let pos = 0;
          for (const s of segs) {
            for (let i = 0; i < s.text.length; i++, pos++) {
              const covering = new Set(
                indicators.filter((h) => h.start <= pos && h.end > pos).map((h) => h.code),
              );
              expect(new Set(s.codes)).toEqual(covering);
            }
          }
        },
      ),
    );
  });

  test('countByCode counts hits per category', () => {
    const counts = countByCode([hit('SELF_HARM', 0, 1), hit('SELF_HARM', 3, 4), hit('THREAT', 5, 6)]);
    expect(Object.fromEntries(counts)).toEqual({ SELF_HARM: 2, THREAT: 1 });
  });
});
