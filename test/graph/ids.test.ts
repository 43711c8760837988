import fc from 'fast-check';
import { looksLikeRestId, toRestId } from '../../src/graph/ids';

// What Office's convertToRestId does for REST v2.0: the URL-safe base64 alphabet.
const convertToRestId = (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_');

describe('toRestId', () => {
  it('converts an EWS id from desktop or web once', () => {
    expect(toRestId('AAMkAD+abc/def==', convertToRestId)).toBe('AAMkAD_abc-def==');
  });

  it('leaves a REST id from mobile alone, with or without a converter', () => {
    const calls: string[] = [];
    const spy = (id: string) => (calls.push(id), convertToRestId(id));
    expect(toRestId('AAMkAD_abc-def==', spy)).toBe('AAMkAD_abc-def==');
    expect(toRestId('AAMkAD_abc-def==')).toBe('AAMkAD_abc-def==');
    expect(calls).toEqual([]);
  });

  it('is idempotent: converting the result again changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDabcd0123+/=-_'.split('')), minLength: 1, maxLength: 60 }),
        (id) => {
          const once = toRestId(id, convertToRestId);
          expect(looksLikeRestId(once)).toBe(true);
          expect(toRestId(once, convertToRestId)).toBe(once);
        },
      ),
    );
  });
});
