// The shipped term lists are compiled at build time (src/core/indicators/shipped-data.ts) so the
// taskpane does not spend half a second compiling them at cold open. What it scans with must be
// exactly what compiling the lists now gives, and the committed data must not be stale.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildAutomaton, type Automaton } from '../../src/core/indicators/automaton';
import { compileTerms, pathsOf } from '../../src/core/indicators/compiled-terms';
import { compileMatcher } from '../../src/core/indicators/matcher';
import { decodeMatcherData, encodeMatcherData } from '../../src/core/indicators/prebuilt';
import { shippedLists, shippedMatcher, shippedMatcherSource } from '../../src/core/indicators/shipped';
import { shippedDataSource } from '../../src/core/indicators/shipped-source';

/** Each table of the automaton: the same kind of array, the same bytes (jest's toEqual walks 1.5 M entries slowly). */
function tables(a: Automaton): Record<string, string | number> {
  const out: Record<string, string | number> = { outFrom: a.outFrom };
  for (const [name, array] of Object.entries(a)) {
    if (typeof array === 'number') continue;
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    out[name] =
      `${array.constructor.name} ${array.length} ${createHash('sha256').update(bytes).digest('hex')}`;
  }
  return out;
}

const DATA_FILE = join(__dirname, '../../src/core/indicators/shipped-data.ts');

function roundTrip<L extends string>(lists: ReadonlyArray<readonly [L, readonly unknown[]]>) {
  const terms = compileTerms(lists);
  const automaton = buildAutomaton(pathsOf(terms.patterns));
  return { compiled: { terms, automaton }, decoded: decodeMatcherData(encodeMatcherData(terms, automaton)) };
}

describe('the prebuilt shipped matcher', () => {
  it('is what compiling the shipped lists now gives (else: npx tsx scripts/build-automaton.ts)', () => {
    // Byte for byte: a change to a term list, or to how terms are read or the automaton built,
    // makes the committed data stale, and this says so.
    expect(readFileSync(DATA_FILE, 'utf8') === shippedDataSource()).toBe(true);
  });

  it('decodes to the run-time compile of the shipped lists: same phrases, same automaton', () => {
    const { compiled, decoded } = roundTrip(shippedLists());
    expect(decoded.terms).toEqual(compiled.terms);
    expect(tables(decoded.automaton)).toEqual(tables(compiled.automaton));
  });

  it('finds what the run-time compile finds, offsets and labels included', () => {
    const runtime = compileMatcher(shippedLists());
    const texts = [
      'I will k1ll myself tonight. Please reopen my complaint against PC Example.',
      'The officer lied and assaulted my son; he is at risk and I fear for his safety.',
      'You f*cking useless lot, I want a new investigation into the sergeant.',
      'Thank you for your letter of 3 May, nothing further.',
    ];
    for (const text of texts) expect(shippedMatcher().scan(text)).toEqual(runtime.scan(text));
    // Tests run with the data provided (test/setup/shipped-data.ts), as the pane and the CLI do.
    expect(shippedMatcherSource()).toBe('prebuilt');
    expect(
      shippedMatcher()
        .scan(texts[0] as string)
        .map((h) => h.label),
    ).toContain('SELF_HARM');
  });
});

describe('encoding a compiled matcher', () => {
  const word = fc.constantFrom(
    'kill',
    'k1ll',
    'police',
    'officer',
    'pc',
    'lied',
    'harass',
    'don’t',
    'at',
    'risk',
    'x7',
  );
  const phrase = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([ws, prefix]) => `${ws.join(' ')}${prefix ? '*' : ''}`);
  const term = fc.oneof(
    phrase,
    fc.tuple(phrase, phrase).map(([a, b]) => `(${a}|${b}) lied`),
    fc.tuple(phrase, fc.integer({ min: 0, max: 8 }), phrase).map(([a, n, b]) => `${a} ~${n} ${b}`),
  );
  const lists = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.array(term, { maxLength: 8 })), {
    minLength: 1,
    maxLength: 3,
  });

  it('gives back the same phrases and automaton for any lists without problems', () => {
    fc.assert(
      fc.property(lists, (ls) => {
        fc.pre(compileTerms(ls).problems.length === 0);
        const { compiled, decoded } = roundTrip(ls);
        expect(decoded.terms).toEqual(compiled.terms);
        expect(tables(decoded.automaton)).toEqual(tables(compiled.automaton));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses lists with problems rather than dropping terms silently', () => {
    const terms = compileTerms([['A', ['x']]] as const);
    expect(() => encodeMatcherData(terms, buildAutomaton(pathsOf(terms.patterns)))).toThrow(/problems/);
  });
});
