// The fingerprint's fast reading of ASCII text (by character code, clause breaks found without
// cutting out the gap, each word hashed as it is read) must read exactly what the Unicode
// expressions read: a difference would change stored fingerprints' bits.
import fc from 'fast-check';
import { eachWord } from '../../src/core/repeat/features';
import { wordHash } from '../../src/core/repeat/word-table';

const read = (t: string, ascii: boolean) => {
  const out: Array<[string, boolean, boolean]> = [];
  eachWord(t, ascii, (source, start, end, startsClause, hash) =>
    out.push([source.slice(start, end), startsClause, hash === wordHash(source, start, end)]),
  );
  return out;
};

describe('reading ASCII text for a fingerprint', () => {
  it('finds the clause breaks the expression finds, whatever white space and punctuation sit between words', () => {
    // Every ASCII white space character (\s below 128), every clause punctuation mark, hyphens,
    // lone apostrophes and marks that break nothing, in any order between short words.
    const piece = fc.constantFrom(
      ...['a', 'bc', "it's", '9'],
      ...["'", '(', ')', '.', '!', '?', ';', ':', ',', '-', '--', '"', '*', '/', '_'],
      ...[' ', '\n', '\r', '\t', '\v', '\f', '\r\n', '\n\n', '\n-\n', ' - '],
    );
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(read(t, true)).toEqual(read(t, false));
      }),
      { numRuns: 5000 },
    );
  });

  it('hands each word its hash as read, on both readings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (t) => {
        for (const ascii of [true, false])
          for (const [, , hashed] of read(t, ascii)) expect(hashed).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
