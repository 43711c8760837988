// The emulator's $filter parser and evaluator, and the --fault syntax.
import fc from 'fast-check';
import { FAULT_KINDS, formatFaultSpec, parseFaultSpec } from '../../emulator/faults';
import {
  type FilterExpr,
  type Literal,
  type Operand,
  FilterSyntaxError,
  evaluateFilter,
  parseFilter,
  printFilter,
  quoteString,
} from '../../emulator/odata/filter';
import type { FaultSpec } from '../../emulator/types';

const scope = (values: Record<string, unknown>, dates: string[] = []) => ({
  get: (path: string[]) => values[path.join('/')],
  isDate: (path: string[]) => dates.includes(path.join('/')),
});

describe('parseFilter', () => {
  it('reads a comparison on a field path with a doubled quote', () => {
    expect(parseFilter("fields/Email eq 'o''brien@example.com'")).toEqual({
      type: 'cmp',
      op: 'eq',
      left: { type: 'path', path: ['fields', 'Email'] },
      right: { type: 'literal', kind: 'string', value: "o'brien@example.com" },
    });
  });

  it('binds and tighter than or, and honours parentheses and not', () => {
    const e = parseFilter('a eq 1 or b eq 2 and c eq 3');
    expect(e.type).toBe('or');
    const p = parseFilter('(a eq 1 or b eq 2) and not c eq 3');
    expect(p.type).toBe('and');
    expect(evaluateFilter(p, scope({ a: 1, b: 0, c: 4 }))).toBe(true);
    expect(evaluateFilter(p, scope({ a: 1, b: 0, c: 3 }))).toBe(false);
  });

  it('reads numbers, booleans, null, quoted and bare date-times, and startswith', () => {
    const lits = (text: string): Operand => (parseFilter(text) as Extract<FilterExpr, { type: 'cmp' }>).right;
    expect(lits('x ge -2.5')).toMatchObject({ kind: 'number', value: -2.5 });
    expect(lits('x eq true')).toMatchObject({ kind: 'boolean', value: true });
    expect(lits('x eq null')).toMatchObject({ kind: 'null' });
    expect(lits('x lt 2025-03-04T10:15:00Z')).toMatchObject({
      kind: 'datetime',
      value: '2025-03-04T10:15:00Z',
    });
    expect(parseFilter("startswith(fields/Title,'CS-')")).toMatchObject({ type: 'func', name: 'startswith' });
  });

  it('reads a lambda over a collection', () => {
    const e = parseFilter("categories/any(c:c eq 'CST: Read')");
    expect(e).toMatchObject({ type: 'any', path: ['categories'], variable: 'c' });
    expect(evaluateFilter(e, scope({ categories: ['Blue', 'CST: Read'] }))).toBe(true);
    expect(evaluateFilter(e, scope({ categories: ['Blue'] }))).toBe(false);
  });

  it.each([
    ["fields/A eq 'A", /Unterminated/],
    ['fields/A eq', /Expected a value/],
    ["fields/A equals 'x'", /comparison operator/],
    ["(fields/A eq 'x'", /Expected '\)'/],
    ["fields/A eq 'x' junk", /Unexpected/],
    ['', /Empty/],
    ["fields/A eq 'x' # 1", /Unexpected character/],
  ])('rejects %j with a message saying where', (text, message) => {
    expect(() => parseFilter(text)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(text)).toThrow(message);
  });
});

/** ASCII plus the characters that break filters: quotes, URL delimiters, combining marks, CJK, astral. */
const tricky = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc.constantFrom("'", "''", '&', '#', '+', '%', '?', '/', ' ', 'ë', 'e\u0308', '李', '😀', '\u00a0'),
);

describe('evaluateFilter', () => {
  it('compares text case-insensitively and in NFC, as SharePoint does', () => {
    const e = parseFilter("fields/Name eq 'ZOË'");
    expect(evaluateFilter(e, scope({ 'fields/Name': 'zoe\u0308' }))).toBe(true);
  });

  it('compares date-times by instant, not as text', () => {
    const e = parseFilter("fields/At gt '2025-03-04T10:00:00+01:00'");
    expect(evaluateFilter(e, scope({ 'fields/At': '2025-03-04T09:30:00Z' }, ['fields/At']))).toBe(true);
    expect(evaluateFilter(e, scope({ 'fields/At': '2025-03-04T08:30:00Z' }, ['fields/At']))).toBe(false);
  });

  it('treats a multi-value field as equal when one of its values is', () => {
    const e = parseFilter("fields/Reasons eq 'b'");
    expect(evaluateFilter(e, scope({ 'fields/Reasons': ['a', 'b'] }))).toBe(true);
    expect(
      evaluateFilter(parseFilter("fields/Reasons ne 'b'"), scope({ 'fields/Reasons': ['a', 'b'] })),
    ).toBe(false);
  });

  it('matches a missing value only with eq null / ne something', () => {
    expect(evaluateFilter(parseFilter('fields/X eq null'), scope({}))).toBe(true);
    expect(evaluateFilter(parseFilter("fields/X ne 'a'"), scope({}))).toBe(true);
    expect(evaluateFilter(parseFilter("fields/X eq 'a'"), scope({}))).toBe(false);
  });

  it('property: any string written with doubled quotes parses back to itself and matches itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky }), (s) => {
        const e = parseFilter(`fields/X eq ${quoteString(s)}`) as Extract<FilterExpr, { type: 'cmp' }>;
        expect(e.right).toEqual({ type: 'literal', kind: 'string', value: s });
        expect(evaluateFilter(e, scope({ 'fields/X': s }))).toBe(true);
      }),
    );
  });

  it('property: eq and ne disagree on every scalar', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(scalar, scalar, (stored, literal) => {
        const lit = typeof literal === 'string' ? quoteString(literal) : String(literal);
        const v = scope({ 'fields/X': stored });
        expect(evaluateFilter(parseFilter(`fields/X eq ${lit}`), v)).toBe(
          !evaluateFilter(parseFilter(`fields/X ne ${lit}`), v),
        );
      }),
    );
  });
});

// ---- printing and parsing agree ------------------------------------------------------------

const ident = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
  .filter((s) => !/^(and|or|not|eq|ne|lt|gt|le|ge|true|false|null)$/i.test(s));
const pathOp: fc.Arbitrary<Operand> = fc
  .array(ident, { minLength: 1, maxLength: 3 })
  .map((path) => ({ type: 'path', path }));
const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.string().map((value): Literal => ({ type: 'literal', kind: 'string', value })),
  fc
    .integer({ min: -1_000_000, max: 1_000_000 })
    .map((value): Literal => ({ type: 'literal', kind: 'number', value })),
  fc.boolean().map((value): Literal => ({ type: 'literal', kind: 'boolean', value })),
  fc.constant<Literal>({ type: 'literal', kind: 'null', value: null }),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d): Literal => ({
      type: 'literal',
      kind: 'datetime',
      value: d.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    })),
);
const exprArb: fc.Arbitrary<FilterExpr> = fc.letrec<{ expr: FilterExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      type: fc.constant('cmp' as const),
      op: fc.constantFrom(
        'eq' as const,
        'ne' as const,
        'lt' as const,
        'gt' as const,
        'le' as const,
        'ge' as const,
      ),
      left: pathOp,
      right: literal,
    }),
    fc.record({
      type: fc.constant('func' as const),
      name: fc.constantFrom('startswith' as const, 'endswith' as const, 'contains' as const),
      args: fc.tuple(
        pathOp,
        literal.filter((l) => l.kind === 'string'),
      ),
    }),
    fc.record({
      type: fc.constantFrom('and' as const, 'or' as const),
      left: tie('expr'),
      right: tie('expr'),
    }),
    fc.record({ type: fc.constant('not' as const), expr: tie('expr') }),
  ),
})).expr;

describe('printFilter / parseFilter', () => {
  it('property: printing then parsing gives back the same expression', () => {
    fc.assert(fc.property(exprArb, (e) => expect(parseFilter(printFilter(e))).toEqual(e)));
  });
});

// ---- --fault syntax ---------------------------------------------------------------------------

describe('parseFaultSpec', () => {
  it('reads a kind with options', () => {
    expect(parseFaultSpec('429:rate=0.2,retryAfter=2,path=/items,method=get')).toEqual({
      kind: '429',
      rate: 0.2,
      retryAfter: 2,
      path: '/items',
      method: 'GET',
    });
    expect(parseFaultSpec('drop')).toEqual({ kind: 'drop' });
  });

  it.each([
    ['500', /Unknown fault kind/],
    ['429:rate=2', /rate must be/],
    ['429:rate=x', /needs a number/],
    ['429:colour=red', /Unknown fault option/],
    ['latency', /needs ms/],
    ['429:path=(', /regular expression/],
    ['429:count', /key=value/],
  ])('rejects %j clearly', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it('property: format then parse is the identity', () => {
    const spec: fc.Arbitrary<FaultSpec> = fc
      .record(
        {
          kind: fc.constantFrom(...FAULT_KINDS),
          rate: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
          count: fc.nat(50),
          retryAfter: fc.nat(120),
          ms: fc.nat(5000),
          path: fc.stringMatching(/^\/[a-z/]{0,10}$/),
          method: fc.constantFrom('GET', 'POST', 'PATCH'),
          scope: fc.constantFrom('any' as const, 'http' as const, 'batch' as const),
        },
        { requiredKeys: ['kind'] },
      )
      .map((s) => (s.kind === 'latency' && s.ms === undefined ? { ...s, ms: 10 } : s));
    fc.assert(fc.property(spec, (s) => expect(parseFaultSpec(formatFaultSpec(s))).toEqual(s)));
  });
});
