import { compileScanner, DEFAULT_TERMS, REOPEN_TERMS } from '../../src/core/indicators';
import { parseTerm, MAX_EXPANSIONS } from '../../src/core/indicators/syntax';
import { compileMatcher } from '../../src/core/indicators/matcher';
import { DEFAULT_TERM_LISTS } from '../../src/core/terms';
import { INDICATOR_CODES } from '../../src/core/types';

describe('the shipped term lists', () => {
  it('has one list per indicator code, each saying what it looks for', () => {
    for (const code of INDICATOR_CODES) {
      expect(DEFAULT_TERM_LISTS[code].code).toBe(code);
      expect(DEFAULT_TERM_LISTS[code].about.length).toBeGreaterThan(40);
      expect(DEFAULT_TERMS[code].length).toBeGreaterThan(5);
    }
  });

  it('every shipped term can be used', () => {
    expect(
      compileMatcher(INDICATOR_CODES.map((code) => [code, DEFAULT_TERMS[code]] as const)).problems,
    ).toEqual([]);
    expect(compileMatcher([['REOPEN', REOPEN_TERMS]]).problems).toEqual([]);
  });

  // The first spelling of each term (first alternative of each group, the two sides of ~N side
  // by side), written into a sentence, must be found with the list's own code.
  function firstSpelling(term: string): string {
    return term
      .replace(/\(([^()|]*)\|?[^()]*\)/g, (_m, first: string) => first)
      .replace(/\s*~\d+\s*/, ' ')
      .replace(/\*$/, 'ing')
      .replace(/\s+/g, ' ')
      .trim();
  }
  it.each(INDICATOR_CODES)('every %s term finds its own first spelling', (code) => {
    const scanner = compileScanner();
    const missed = DEFAULT_TERMS[code].filter((term) => {
      const text = `Yesterday ${firstSpelling(term)} again`;
      return !scanner.scan(text).some((h) => h.code === code);
    });
    expect(missed).toEqual([]);
  });
});

describe('term syntax', () => {
  const scan = (terms: string[], text: string): string[] =>
    compileMatcher([['X', terms]])
      .scan(text)
      .map((h) => h.text);

  it('expands groups into every combination, empty alternatives included', () => {
    expect(scan(['(the |)(pc|officer) lied'], 'the pc lied; officer lied; the officer lied')).toEqual([
      'the pc lied',
      'officer lied',
      'the officer lied',
    ]);
  });

  it('a trailing * lets the last word go on', () => {
    expect(scan(['self harm*'], 'self harming; self-harmed; self harm; harming')).toEqual([
      'self harming',
      'self-harmed',
      'self harm',
    ]);
  });

  it('~N allows up to N words between the sides, in either order', () => {
    const terms = ['car ~2 keys'];
    expect(scan(terms, 'car keys')).toEqual(['car keys']);
    expect(scan(terms, 'car and house keys')).toEqual(['car and house keys']);
    expect(scan(terms, 'keys to the car')).toEqual(['keys to the car']);
    expect(scan(terms, 'car and the house keys')).toEqual([]);
  });

  it('a term is normalised like the text: apostrophes, case, accents', () => {
    expect(scan(["DON'T GO"], 'dont go; don’t go; Dön’t gó')).toEqual(['dont go', 'don’t go', 'Dön’t gó']);
  });

  it.each([
    ['', 'is empty'],
    ['x', 'too short'],
    ['(a|b', 'without a ")"'],
    ['a) b', 'without a "("'],
    ['((a|b)|c) d', 'group inside a group'],
    ['a ~30 b', 'from 0 to 20'],
    ['a ~2 b ~3 c', 'one ~'],
    ['stop. now', 'sentence end'],
  ])('explains why "%s" cannot be used', (term, problem) => {
    const parsed = parseTerm(term);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.problem).toContain(problem);
  });

  it('refuses a term with more combinations than it can expand', () => {
    const many = Array.from(
      { length: 3 },
      () => `(${Array.from({ length: 10 }, (_, i) => `w${i}x`).join('|')})`,
    ).join(' ');
    const parsed = parseTerm(many);
    expect(parsed.kind === 'invalid' && parsed.problem).toContain(String(MAX_EXPANSIONS));
  });
});
