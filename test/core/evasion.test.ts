import { CONFUSABLES } from '../../src/core/data/confusables';
import fc from 'fast-check';
import {
  addressSkeleton,
  generalSkeleton,
  buildEvasionIndex,
  findEvasions,
  GENERIC_LOCAL_PARTS,
  nameKey,
  skeleton,
} from '../../src/core/evasion';
import { newStrategy } from '../../src/core/strategy';
import { DATA_FILE, selectConfusables } from '../../scripts/generate-confusables';

// The package names its type declarations `index.ts.d`, so TypeScript cannot find them: typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package, loaded as jest loads it
const { rectifyConfusion } = require('unicode-confusables') as { rectifyConfusion: (text: string) => string };

const paul = newStrategy({
  id: 'CS-0042',
  personName: 'Paul Example',
  emailAddresses: ['paul.example@example.com'],
  status: 'active',
  knownNames: ['P. Example', 'JusticeSeeker'],
  advocate: { name: 'Ann Advocate', addresses: ['ann@advocacy.example.org'], required: true },
});
const info = newStrategy({
  id: 'CS-0007',
  personName: 'Jo Li',
  emailAddresses: ['info@li-family.example.org', 'jo@example.net'],
  status: 'active',
});
const index = buildEvasionIndex([paul, info]);
const none = new Set<string>();

function kinds(address: string, name?: string, matched: ReadonlySet<string> = none) {
  return findEvasions(index, name === undefined ? { address } : { name, address }, matched).map(
    (w) => `${w.strategyId} ${w.kind} ${w.resembles}`,
  );
}

describe('confusable addresses', () => {
  it.each([
    ['раul.example@example.com', 'Cyrillic р and а'],
    ['pau1.example@example.com', 'digit 1 for l'],
    ['PauI.Example@example.com', 'capital I for l, as written'],
    ['paul.exarnple@example.com', 'rn for m'],
    ['paul.example@exarnple.com', 'rn for m in the domain'],
    ['paul.ex\u0430mple@example.com', 'Cyrillic а'],
    ['pa\u200bul.example@example.com', 'zero-width space'],
    ['pa\u00fal.example@example.com', 'an accent'],
    ['\uff50\uff41\uff55\uff4c.example@example.com', 'full-width letters'],
    ['paulexample@example.com', 'dots dropped'],
    ['p.a.u.l.example+x@example.com', 'dots added and a tag'],
  ])('%s (%s) warns, resembling the strategy address', (address) => {
    expect(kinds(address)).toContain('CS-0042 confusable-address paul.example@example.com');
  });

  it('warns for a look-alike of the advocate address', () => {
    expect(kinds('ann@advocacy.exarnple.org')).toEqual([
      'CS-0042 confusable-address ann@advocacy.example.org',
    ]);
  });

  it('does not warn for the exact address, a different person, or a strategy already matched', () => {
    expect(kinds('paul.example@example.com')).toEqual([]);
    expect(kinds('PAUL.EXAMPLE+psd@example.com')).toEqual([]);
    expect(kinds('pauline.example@example.com')).toEqual([]);
    expect(kinds('раul.example@example.com', undefined, new Set(['CS-0042']))).toEqual([]);
  });
});

describe('same local part at another domain', () => {
  it('warns for the same local part elsewhere', () => {
    expect(kinds('paul.example@example.org')).toEqual(['CS-0042 same-local-part paul.example@example.com']);
    expect(kinds('Paul.Example+new@mail.example.net')).toEqual([
      'CS-0042 same-local-part paul.example@example.com',
    ]);
  });

  it('ignores generic role mailboxes and very short local parts', () => {
    expect(GENERIC_LOCAL_PARTS.has('info')).toBe(true);
    expect(kinds('info@another.example.com')).toEqual([]);
    expect(kinds('inf0@another.example.com')).toEqual([]);
    expect(kinds('jo@example.com')).toEqual([]);
  });
});

describe('same display name from a new address', () => {
  it.each([
    'Paul Example',
    'paul  example',
    'Example, Paul',
    'Mr Paul Example',
    'Paul Éxample',
    'Раul Example',
    'P Example',
  ])('%j warns', (name) => {
    const warnings = kinds('someone.new@example.net', name);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^CS-0042 same-display-name (Paul Example|P\. Example)$/u);
  });

  it('uses known names, including a distinctive one-word name', () => {
    expect(kinds('new@example.net', 'justiceseeker')).toEqual(['CS-0042 same-display-name JusticeSeeker']);
  });

  it('does not warn for a different name, a common one-word name or no name', () => {
    expect(kinds('new@example.net', 'Paula Example')).toEqual([]);
    expect(kinds('new@example.net', 'Paul')).toEqual([]);
    expect(kinds('new@example.net', '')).toEqual([]);
    expect(kinds('new@example.net')).toEqual([]);
  });

  it('nameKey ignores order, case, accents and titles, and refuses short single words', () => {
    expect(nameKey('Dr. PAUL  Éxample')).toBe(nameKey('example, paul'));
    expect(nameKey('Jo')).toBeNull();
    expect(nameKey('Paul')).toBeNull();
    expect(nameKey('  ')).toBeNull();
    expect(nameKey('Mr')).toBeNull();
  });
});

describe('invisible characters do not hide a name or an address', () => {
  // Every default-ignorable and format code point: zero-width space, joiners, soft hyphen, word
  // joiner, BOM, bidirectional controls, variation selectors, tags, fillers (several thousand).
  const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
  const invisibles: string[] = [];
  for (let code = 0; code <= 0x10ffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCodePoint(code);
    if (INVISIBLE.test(ch)) invisibles.push(ch);
  }
  const insert = (text: string, at: number, ch: string): string => text.slice(0, at) + ch + text.slice(at);

  it('covers the characters the issue names', () => {
    for (const ch of [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u00ad',
      '\u2060',
      '\ufeff',
      '\u202e',
      '\u2066',
      '\u061c',
    ]) {
      expect(invisibles).toContain(ch);
    }
  });

  it.each([
    ['zero-width space', 'Pa\u200Bul Example'],
    ['soft hyphen', 'Paul Ex\u00ADample'],
    ['word joiner', 'Pa\u2060ul Example'],
    ['BOM', '\uFEFFPaul Exa\uFEFFmple'],
    ['right-to-left override', 'Paul \u202EExample'],
  ])('%s in the display name of a new address warns', (_, name) => {
    expect(kinds('someone.new@example.net', name)).toEqual(['CS-0042 same-display-name Paul Example']);
  });

  it('every such character, at every place in the name, still warns', () => {
    const name = 'Paul Example';
    const key = nameKey(name);
    for (const ch of invisibles) {
      for (let at = 0; at <= name.length; at += 1) {
        expect(nameKey(insert(name, at, ch))).toBe(key);
      }
    }
  });

  it('any number of them anywhere in a name or an address changes nothing (property)', () => {
    const invisible = fc.constantFrom(...invisibles);
    const sprinkle = (text: string) =>
      fc
        .array(fc.tuple(fc.nat({ max: text.length }), invisible), { minLength: 1, maxLength: 6 })
        .map((inserts) =>
          [...inserts].sort(([a], [b]) => b - a).reduce((out, [at, ch]) => insert(out, at, ch), text),
        );
    fc.assert(
      fc.property(sprinkle('Mr Paul Example'), sprinkle('paul.example@example.com'), (name, address) => {
        expect(kinds('someone.new@example.net', name)).toEqual(['CS-0042 same-display-name Paul Example']);
        expect(kinds(address)).toEqual(['CS-0042 confusable-address paul.example@example.com']);
        expect(addressSkeleton(address)).toBe(addressSkeleton('paul.example@example.com'));
      }),
      { numRuns: 500 },
    );
  });
});

it('reports one warning per strategy and kind, and every kind that applies', () => {
  expect(kinds('раul.example@example.com', 'Paul Example')).toEqual([
    'CS-0042 confusable-address paul.example@example.com',
    'CS-0042 same-display-name Paul Example',
  ]);
  // A Cyrillic local part at another domain: the same local part, compared as skeletons.
  expect(kinds('раul.example@example.org')).toEqual(['CS-0042 same-local-part paul.example@example.com']);
});

describe('skeleton', () => {
  it('maps look-alikes to one form', () => {
    expect(skeleton('раypal')).toBe(skeleton('paypal'));
    expect(skeleton('PAYPAL')).toBe(skeleton('paypal'));
    expect(skeleton('paypa1')).toBe(skeleton('paypal'));
    expect(skeleton('paypal')).not.toBe(skeleton('paypad'));
  });

  it('takes a per-character shortcut for ASCII that gives the reference result', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]*$/u), (text) => {
        expect(skeleton(text)).toBe(generalSkeleton(text));
      }),
      { numRuns: 2000 },
    );
    expect(skeleton('MIKE%')).toBe(generalSkeleton('MIKE%'));
  });

  it('never throws on any text, lone surrogates included', () => {
    const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'binary' })), (text) => {
        expect(typeof skeleton(text)).toBe('string');
        addressSkeleton(text);
        nameKey(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('addressSkeleton needs a local@domain shape', () => {
    expect(addressSkeleton('no-at-sign')).toBeNull();
    expect(addressSkeleton('@example.com')).toBeNull();
    expect(addressSkeleton('Paul <Paul.Example+x@Example.com>')).toBe(
      addressSkeleton('paulexample@example.com'),
    );
  });
});

describe('the generated confusables table', () => {
  it('is what scripts/generate-confusables.ts makes from the installed package data', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's data file, read as jest would
    const data = require(DATA_FILE) as Record<string, string>;
    expect([...CONFUSABLES]).toEqual(selectConfusables(data).map(([source, target]) => source + target));
  });

  it('agrees with the package’s own rectifyConfusion for every entry', () => {
    // Except the line and paragraph separators: the package treats them as invisible and then,
    // at the end of a string, leaves them as they are; the table follows the data file (a space).
    const separators = ['\u2028', '\u2029'];
    for (const entry of CONFUSABLES) {
      const source = String.fromCodePoint(entry.codePointAt(0) ?? 0);
      if (separators.includes(source)) continue;
      expect(rectifyConfusion(source)).toBe(entry.slice(source.length));
    }
  });
});

describe('nameKey reads plain ASCII names without regular expressions', () => {
  // The definition: decompose, drop marks, lower-case, split at anything but letters and digits.
  const TITLE_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'revd']);
  function reference(name: string): string | null {
    const words = name
      .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
      .normalize('NFKD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
    const significant = words.length > 1 ? words.filter((w) => !TITLE_WORDS.has(w)) : words;
    const [only] = significant;
    if (only === undefined) return null;
    if (significant.length === 1 && [...only].length < 5) return null;
    return significant
      .map((w) => skeleton(w))
      .sort()
      .join(' ');
  }
  const piece = fc.constantFrom(
    ..."Paul PAUL Example Mr Dr. O'Brien Smith-Jones 42 Il1 rn m , . - _ @ é Ра".split(' '),
    ' ',
    '\t',
    '  ',
  );
  const name = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));

  it('gives the key of the definition', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(nameKey(n)).toBe(reference(n));
      }),
      { numRuns: 1000 },
    );
  });
});
