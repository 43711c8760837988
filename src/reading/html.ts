// Text from an HTML attachment without rendering it: no DOM (a worker has none), no script, no
// request for an image. Tags go, blocks become line breaks, script/style/head contents are
// dropped, character references are decoded.

const DROPPED = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg', 'math']);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'ul',
  'ol',
  'hr',
  'dd',
  'dt',
  'address',
]);
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\uFFFD';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML document. Never throws. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) out.push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      // "<" not starting a tag ("a < b", "<!DOCTYPE", "<?xml"): text, unless a declaration.
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      } else {
        out.push('<');
        i = lt + 1;
      }
      continue;
    }
    const name = m[1]!.toLowerCase();
    const closing = html[lt + 1] === '/';
    const end = html.indexOf('>', lt);
    i = end < 0 ? n : end + 1;
    if (!closing && DROPPED.has(name)) {
      // Case-insensitive search from here, not a lower-cased copy per tag: a hostile file with
      // thousands of <script> tags must stay linear.
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = i;
      const found = close.exec(html);
      i = found ? found.index + found[0].length : n;
      continue;
    }
    if (BLOCKS.has(name)) out.push('\n');
    else if (name === 'td' || name === 'th') out.push('\t');
  }
  return out
    .join('')
    .replace(/[ \t\u00A0]*\n[ \t\u00A0]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
