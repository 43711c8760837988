import fc from 'fast-check';
import { createGraphClient } from '../../src/graph/client';
import { eq, literal, withQuery } from '../../src/graph/odata';
import { BASE, devTokens, fakeFetch, json } from './fake-fetch';
import { ESCAPING_MATRIX, URL_BREAKERS } from './matrix';

/** The value back out of a `fields/X eq '…'` literal, as a server would read it. */
function unquote(expr: string): string {
  const m = /^fields\/\w+ eq '(.*)'$/s.exec(expr);
  if (!m) throw new Error(`not an eq filter: ${expr}`);
  return (m[1] ?? '').replace(/''/g, "'");
}

function filterOf(url: string): string {
  return new URL(url).searchParams.get('$filter') ?? '';
}

describe('OData escaping', () => {
  it('doubles single quotes inside a literal', () => {
    expect(literal("o'brien")).toBe("'o''brien'");
    expect(eq('Sender', "O'Brien")).toBe("fields/Sender eq 'O''Brien'");
  });

  it.each(ESCAPING_MATRIX)('keeps %j a value in a hand-built URL', (value) => {
    const url = `${BASE}${withQuery('/sites/s/lists/l/items', { $filter: eq('Sender', value), $top: 5 })}`;
    expect(unquote(filterOf(url))).toBe(value);
    expect(new URL(url).searchParams.get('$top')).toBe('5');
  });

  it('never lets a value put a raw &, #, + or space into the URL, and the server reads the value back', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: fc.constantFrom(...URL_BREAKERS), maxLength: 12 }),
        ),
        (value) => {
          const path = withQuery('/items', { $filter: eq('Key', value), $top: 1 });
          const query = path.slice(path.indexOf('?') + 1);
          const filterParam = query.split('&')[0] ?? '';
          expect(filterParam).not.toMatch(/[#+ ]/);
          expect(query.split('&')).toHaveLength(2);
          expect(unquote(filterOf(`${BASE}${path}`))).toBe(value);
        },
      ),
    );
  });

  it.each(ESCAPING_MATRIX)(
    'the client sends the hand-built URL through the SDK byte for byte for %j',
    async (value) => {
      const fetchImpl = fakeFetch(() => json(200, { value: [] }));
      const c = createGraphClient({ baseUrl: BASE, tokens: devTokens(), fetchImpl });
      const path = withQuery('/sites/s/lists/l/items', { $filter: eq('Sender', value), $top: 5 });
      await c.request({ url: path, scopes: ['Sites.ReadWrite.All'] });
      const [sent] = fetchImpl.sent;
      expect(sent?.url).toBe(`${BASE}${path}`);
      expect(unquote(filterOf(sent?.url ?? ''))).toBe(value);
    },
  );
});
