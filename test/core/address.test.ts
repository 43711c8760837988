import fc from 'fast-check';
import { normaliseAddress, readAddress, splitAddress, stripDisplayName } from '../../src/core/address';

// Any UTF-16 code unit, lone surrogates included: what a hostile or broken header can hold.
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});
const anyUnicode = fc.oneof(fc.string({ unit: 'binary' }), anyCodeUnits, fc.string({ unit: 'grapheme' }));

describe('normaliseAddress', () => {
  it.each([
    ['paul.example@example.com', 'paul.example@example.com'],
    ['  Paul.Example@Example.COM \n', 'paul.example@example.com'],
    ['paul.example+complaints@example.com', 'paul.example@example.com'],
    ['Paul.Example+a+b@example.com', 'paul.example@example.com'],
    ['<paul.example@example.com>', 'paul.example@example.com'],
    ['Paul Example <Paul.Example@example.com>', 'paul.example@example.com'],
    ['"Example, Paul" <paul.example+x@example.com>', 'paul.example@example.com'],
    ['+tagonly@example.com', '+tagonly@example.com'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('composes decomposed accents (NFC), so both spellings of José are one address', () => {
    const composed = 'jos\u00e9@example.com';
    const decomposed = 'jose\u0301@example.com';
    expect(normaliseAddress(decomposed)).toBe(composed);
    expect(normaliseAddress(composed.toUpperCase())).toBe(composed);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['paul.example', 'no @'],
    ['@example.com', 'empty local part'],
    ['paul@', 'empty domain'],
    ['paul@@example.com', 'two @'],
    ['paul@exa@mple.com', 'two @ apart'],
    ['paul example@example.com', 'space inside'],
    ['paul@example com', 'space in domain'],
    ['paul\u200b@example.com', 'zero-width space'],
    ['paul@examplecom', 'dotless domain'],
    ['paul@example..com', 'empty domain label'],
    ['paul@.example.com', 'leading dot in domain'],
    ['paul@example.com.', 'trailing dot in domain'],
    ['"paul example"@example.com', 'quoted local part'],
    ['paul,ann@example.com', 'comma'],
    ['Paul Example', 'display name only'],
    ['/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=paul', 'Exchange legacy DN'],
    [`${'a'.repeat(250)}@example.com`, 'over 254 characters'],
  ])('rejects %j (%s)', (raw) => {
    expect(normaliseAddress(raw)).toBeNull();
  });

  it('returns null, not an exception, for values that are not strings at run time', () => {
    expect(normaliseAddress(42 as unknown as string)).toBeNull();
    expect(normaliseAddress(undefined as unknown as string)).toBeNull();
  });
});

describe('splitAddress and readAddress', () => {
  it('splits into normalised parts without the tag', () => {
    expect(splitAddress('Paul.Example+x@Example.com')).toEqual({
      local: 'paul.example',
      domain: 'example.com',
    });
    expect(splitAddress('nope')).toBeNull();
  });

  it('readAddress keeps the case as written and the tag', () => {
    expect(readAddress('PauI.Example+psd@Example.com')).toEqual({
      local: 'PauI.Example',
      domain: 'Example.com',
      tag: 'psd',
    });
  });

  it('stripDisplayName takes the part inside the last angle brackets', () => {
    expect(stripDisplayName(' Paul <paul@example.com> ')).toBe('paul@example.com');
    expect(stripDisplayName('paul@example.com')).toBe('paul@example.com');
  });
});

describe('normaliseAddress properties', () => {
  const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
  const domain = fc.stringMatching(/^[a-z0-9-]{1,12}\.(com|org|uk|example)$/);
  const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);

  it('never throws on any string, full Unicode and lone surrogates included', () => {
    fc.assert(
      fc.property(anyUnicode, (raw) => {
        const out = normaliseAddress(raw);
        expect(out === null || typeof out === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    const near = fc.oneof(
      anyUnicode,
      address,
      fc.tuple(anyUnicode, domain).map(([l, d]) => `${l}@${d}`),
    );
    fc.assert(
      fc.property(near, (raw) => {
        const once = normaliseAddress(raw);
        if (once !== null) expect(normaliseAddress(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps +tag variants and case variants of an address to the same identity', () => {
    fc.assert(
      fc.property(
        address,
        fc.stringMatching(/^[a-z0-9._-]{0,10}$/),
        fc.array(fc.boolean()),
        (addr, tag, upper) => {
          const base = normaliseAddress(addr);
          expect(base).not.toBeNull();
          const [l, d] = addr.split('@');
          expect(normaliseAddress(`${l}+${tag}@${d}`)).toBe(base);
          const mixed = [...addr]
            .map((ch, i) => (upper[i % Math.max(upper.length, 1)] ? ch.toUpperCase() : ch))
            .join('');
          expect(normaliseAddress(mixed)).toBe(base);
          expect(normaliseAddress(`  Someone <${mixed}>  `)).toBe(base);
        },
      ),
    );
  });
});

describe('normaliseAddress takes a short way for plain addresses', () => {
  // Address-like text: plain parts, capitals, tags, dots, brackets, spaces, non-ASCII, several @.
  const part = fc.constantFrom(
    ...'paul Paul.Example p a b example com org co uk + +tag . .. @ @@ - _ 1 < > " , ; : ( ) [ ] \\ é \u0430 \u200b'.split(
      ' ',
    ),
    ' ',
    '\t',
    '\u00a0',
  );
  const text = fc.array(part, { maxLength: 12 }).map((p) => p.join(''));

  it('gives what reading the address the general way gives', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const parts = splitAddress(raw);
        expect(normaliseAddress(raw)).toBe(parts ? `${parts.local}@${parts.domain}` : null);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['paul@exa+mple.com', 'paul@exa+mple.com'],
    ['Paul+Tag@Example.COM', 'paul@example.com'],
    ['+x@example.com', '+x@example.com'],
    ['paul@example..com', null],
    ['paul@.example.com', null],
    ['paul@example.com.', null],
    ['paul@examplecom', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});
