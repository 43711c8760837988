// Text from RTF (Rich Text Format 1.9.1), small and our own: no library reads RTF to text in a
// browser without also rendering it. The reader keeps the visible text and drops everything else:
// destinations (font and colour tables, pictures, embedded objects, document info, any group
// starting with \*), formatting words, and the fallback characters after a \u escape.
import { cp1252 } from './decode';

/** Destinations that hold no visible text of the document. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'objdata',
  'header',
  'footer',
  'headerl',
  'headerr',
  'headerf',
  'footerl',
  'footerr',
  'footerf',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnsdecl',
  'filetbl',
  'revtbl',
  'pgdsctbl',
  'fldinst',
  'bkmkstart',
  'bkmkend',
  'field-inst',
  'shppict',
  'nonshppict',
  'template',
  'wgrffmtfilter',
  'mmathPr',
  'ftnsep',
  'ftnsepc',
  'aftnsep',
  'aftnsepc',
]);

/** Control words that stand for a character. */
const CHARS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n\n',
  page: '\n\n',
  row: '\n',
  cell: '\t',
  tab: '\t',
  emdash: '\u2014',
  endash: '\u2013',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201C',
  rdblquote: '\u201D',
  bullet: '\u2022',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
};

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

interface Group {
  skip: boolean;
  /** \ucN: how many fallback characters follow a \u escape. */
  uc: number;
}

/** The visible text of an RTF document (given as one character per byte). Never throws. */
export function rtfToText(rtf: string): string {
  const out: string[] = [];
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1 };
  /** Fallback characters still to drop after a \u escape. */
  let drop = 0;
  let i = 0;
  const n = rtf.length;
  const emit = (text: string): void => {
    if (!group.skip) out.push(text);
  };
  while (i < n) {
    const c = rtf.charCodeAt(i);
    if (c === 0x7b /* { */) {
      stack.push(group);
      group = { ...group };
      drop = 0;
      i++;
      // {\*\dest …}: an optional destination this reader does not know, never visible text.
      if (rtf.startsWith('\\*', i)) group.skip = true;
      continue;
    }
    if (c === 0x7d /* } */) {
      group = stack.pop() ?? { skip: false, uc: 1 };
      drop = 0;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      if (drop > 0) drop--;
      else emit(rtf[i]!);
      i++;
      continue;
    }
    // A control word, a control symbol, or a hex escape.
    const next = rtf.charCodeAt(i + 1);
    if (Number.isNaN(next)) break;
    if (!isLetter(next)) {
      i += 2;
      const sym = String.fromCharCode(next);
      if (sym === "'") {
        const byte = parseInt(rtf.slice(i, i + 2), 16);
        i += 2;
        if (drop > 0) drop--;
        else if (!Number.isNaN(byte)) emit(cp1252(byte));
      } else if (sym === '\\' || sym === '{' || sym === '}') {
        if (drop > 0) drop--;
        else emit(sym);
      } else if (sym === '~') emit('\u00A0');
      else if (sym === '_') emit('\u2011');
      else if (sym === '\n' || sym === '\r') emit('\n');
      // \- (optional hyphen), \* (handled at the brace), \: and others print nothing.
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(rtf.charCodeAt(j))) j++;
    const word = rtf.slice(i + 1, j);
    let k = j;
    if (rtf[k] === '-') k++;
    while (k < n && isDigit(rtf.charCodeAt(k))) k++;
    const hasParam = k > j && rtf[k - 1] !== '-';
    const param = hasParam ? Number(rtf.slice(j, k)) : NaN;
    i = rtf[k] === ' ' ? k + 1 : k;
    if (word === 'bin' && hasParam) {
      i += Math.max(0, param);
      continue;
    }
    if (SKIPPED.has(word)) {
      group.skip = true;
      continue;
    }
    if (word === 'uc' && hasParam) {
      group.uc = Math.max(0, param);
      continue;
    }
    if (word === 'u' && hasParam) {
      // \uN is a signed 16-bit UTF-16 code unit; the next \ucN characters are its fallback.
      emit(String.fromCharCode(param < 0 ? param + 0x10000 : param));
      drop = group.uc;
      continue;
    }
    const char = CHARS[word];
    if (char !== undefined) emit(char);
  }
  return out.join('');
}
