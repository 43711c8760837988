// Values that must stay values in a $filter (docs/graph-contract.md §2), plus a few more that break URLs.
export const ESCAPING_MATRIX = [
  "o'brien+a&b#1@example.com",
  "O'Brien",
  'A&B',
  '#1',
  'a+b@x.org',
  'Zoë',
  '李',
  '100%',
  'a=b?c/d',
  ' spaced ',
];

/** Characters that end, cut or change a query when pasted raw, for property tests to favour. */
export const URL_BREAKERS = ['&', '#', '+', ' ', "'", '%', '=', '?', '/', 'a', 'é'];
