import fc from 'fast-check';
import {
  citesOtherMatter,
  extractMatterRefs,
  normaliseMatterRef,
  otherMatterRefs,
} from '../../src/core/matter';

describe('extractMatterRefs', () => {
  it.each([
    ['Re: CO/01234/24', ['CO/01234/24']],
    ['about cc/1234/2025 and CO/01234/24.', ['CC/1234/2025', 'CO/01234/24']],
    ['IOPC reference 2023/012345, and 2024/123456', ['2023/012345', '2024/123456']],
    ['PSD/2024/0001 (see PSD/2024/0001 again)', ['PSD/2024/0001']],
    ['(CO/01234/24)', ['CO/01234/24']],
    ['ref:CO/01234/24;', ['CO/01234/24']],
  ])('%j → %j', (text, refs) => {
    expect(extractMatterRefs(text)).toEqual(refs);
  });

  it.each([
    ['on 2024/12/25 at 10:00', 'a date'],
    ['see https://example.com/co/01234/24', 'inside a URL path'],
    ['call 01234 567890', 'a phone number'],
    ['ABCDEF/01234/24', 'too many letters'],
    ['CO/01234/24/A', 'a longer reference'],
    ['in 2024 I wrote 123456 times', 'numbers apart'],
    ['', 'nothing'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(extractMatterRefs(text)).toEqual([]);
  });

  it('finds references typed with full-width characters', () => {
    expect(extractMatterRefs('ＣＯ／０１２３４／２４')).toEqual(['CO/01234/24']);
  });

  it('never throws and returns only normalised references', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const ref of extractMatterRefs(text)) expect(normaliseMatterRef(ref)).toBe(ref);
      }),
    );
  });
});

describe('extractMatterRefs tries the pattern only near slashes', () => {
  // The definition: the pattern matched globally over the whole NFKC text.
  const REFERENCE =
    /(?<![\p{L}\p{N}/])(?:[A-Za-z]{2,5}\/\d{2,7}\/\d{2,7}|(?:19|20)\d{2}\/\d{5,7})(?![\p{L}\p{N}/])/gu;
  const reference = (text: string): string[] => [
    ...new Set([...text.normalize('NFKC').matchAll(REFERENCE)].map((m) => normaliseMatterRef(m[0]))),
  ];
  const piece = fc.constantFrom(
    ...'CO PSD cc ABCDE ABCDEF 2023 2024 19 20 0 01234 123456 24 2025 / / / // x é ＣＯ ／ ０１ https://example.com/ :'.split(
      ' ',
    ),
    ...'ABCDE/01234/24 PSD/2024/0001 CO/1/2 2024/12345 1999/1234567 ab/12/345678 ＣＯ／０１２３４／２４'.split(
      ' ',
    ),
    ' ',
    '\n',
    '.',
  );
  const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

  it('finds what matching the whole text finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(extractMatterRefs(t)).toEqual(reference(t));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('otherMatterRefs and citesOtherMatter', () => {
  const strategy = { matterRefs: ['CO/01234/24', '2023/012345'] };

  it('lists the references the strategy does not cover', () => {
    expect(otherMatterRefs(['CO/01234/24', 'CO/09999/25'], strategy)).toEqual(['CO/09999/25']);
    expect(citesOtherMatter(['CO/09999/25'], strategy)).toBe(true);
  });

  it('treats case, spacing and leading zeros as the same reference', () => {
    expect(otherMatterRefs(['co/1234/24', '2023/12345', 'CO / 01234 / 24'], strategy)).toEqual([]);
    expect(citesOtherMatter(['CO/1234/24'], strategy)).toBe(false);
  });

  it('never calls a reference another matter when the strategy records none', () => {
    expect(otherMatterRefs(['CO/09999/25'], { matterRefs: [] })).toEqual([]);
    expect(citesOtherMatter(['CO/09999/25'], { matterRefs: [] })).toBe(false);
  });
});
