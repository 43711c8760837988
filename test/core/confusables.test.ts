// The reading aids and the address skeletons read one look-alike dataset, UTS #39 confusables.
// These check the indicator matcher against that dataset: a letter from another script that
// UTS #39 says looks like a Latin letter is read as that letter.
import fc from 'fast-check';
import { confusablePrototype } from '../../src/core/confusables';
import { CONFUSABLES } from '../../src/core/data/confusables';
import { skeleton } from '../../src/core/evasion';
import { scanIndicators } from '../../src/core/indicators';

const source = (entry: string): string => String.fromCodePoint(entry.codePointAt(0) ?? 0);

/** Letters from other scripts whose UTS #39 prototype is one lower-case Latin letter. */
const LETTER_LOOKALIKES = CONFUSABLES.filter((entry) => {
  const ch = source(entry);
  const prototype = entry.slice(ch.length);
  return (
    // ASCII is read from the tokeniser's own table; compatibility forms are decomposed before.
    (ch.codePointAt(0) ?? 0) >= 0x80 &&
    /^\p{L}$/u.test(ch) &&
    /^[a-z]$/.test(prototype) &&
    ch.normalize('NFKD').replace(/\p{M}/gu, '') === ch
  );
});

describe('one confusables dataset (UTS #39)', () => {
  it('gives every generated entry its prototype', () => {
    for (const entry of CONFUSABLES) {
      const ch = source(entry);
      expect(confusablePrototype(ch.codePointAt(0) ?? 0)).toBe(entry.slice(ch.length));
    }
    expect(confusablePrototype('a'.codePointAt(0) ?? 0)).toBeUndefined();
  });

  it('has look-alikes for the Latin letters in other scripts (Cyrillic, Greek, …)', () => {
    expect(LETTER_LOOKALIKES.length).toBeGreaterThan(100);
    expect(LETTER_LOOKALIKES).toContain('\u0441c'); // Cyrillic es
    expect(LETTER_LOOKALIKES).toContain('\u03bfo'); // Greek omicron
  });

  it('the indicator matcher reads a term written with any mix of such look-alikes', () => {
    const term = 'suicide';
    const byLetter = new Map<string, string[]>();
    for (const entry of LETTER_LOOKALIKES) {
      const ch = source(entry);
      const letter = entry.slice(ch.length);
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), ch]);
    }
    const spelling = fc.tuple(
      ...[...term].map((letter) => fc.constantFrom(letter, ...(byLetter.get(letter) ?? []))),
    );
    fc.assert(
      fc.property(spelling, (letters) => {
        const disguised = letters.join('');
        const found = scanIndicators(`I am thinking about ${disguised} tonight.`, { SELF_HARM: [term] });
        expect(found.map((i) => [i.code, i.text])).toEqual([['SELF_HARM', disguised]]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every letter look-alike of every letter of the alphabet', () => {
    for (const entry of LETTER_LOOKALIKES) {
      const ch = source(entry);
      const letter = entry.slice(ch.length);
      // Framed by letters other than its own, so no stretched-letter rule comes into play.
      const [before, after] = 'bo'.includes(letter) ? ['ha', 'nt'] : ['bo', 'ke'];
      const found = scanIndicators(`see ${before}${ch}${after} here`, {
        THREAT: [`${before}${letter}${after}`],
      });
      expect({ entry, found: found.length }).toEqual({ entry, found: 1 });
    }
  });

  it('the matcher and the address skeletons agree: a look-alike both read as a letter is that letter to both', () => {
    for (const entry of LETTER_LOOKALIKES) {
      const ch = source(entry);
      const letter = entry.slice(ch.length);
      const [before, after] = 'bo'.includes(letter) ? ['ha', 'nt'] : ['bo', 'ke'];
      const disguised = `${before}${ch}${after}`;
      const plain = `${before}${letter}${after}`;
      const matcherReads = scanIndicators(`see ${disguised} here`, { THREAT: [plain] }).length === 1;
      const evasionReads = skeleton(disguised) === skeleton(plain);
      expect({ entry, matcherReads, evasionReads }).toEqual({
        entry,
        matcherReads: true,
        evasionReads: true,
      });
    }
  });
});
