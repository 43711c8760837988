// The sandbox page's text of an HTML body, for its text-only reading pane. Taking textContent ran
// paragraphs together ("…website.Message: …"), and Graph's own text conversion in the emulator
// keeps only one line break between them, so the blank line between paragraphs was lost. This
// walks the parsed body instead: paragraphs, headings, lists and quotes are set apart by a blank
// line, other blocks and <br> end a line, and runs of spaces are collapsed as a browser shows
// them (except in <pre>). Parsed in an inert document: no script runs, no image loads.

import type { GraphMessage } from './graph';

/** A message's body as the page shows it (and hands the add-in): text, HTML made text. */
export const bodyText = (m: GraphMessage): string =>
  m.body.contentType.toLowerCase() === 'html' ? htmlToText(m.body.content) : m.body.content;

/**
 * The sandbox's own reading pane shows the start of a very long body: laying out 10 MB of text
 * takes the page seconds on the thread the pane's frame shares, which real Outlook never lends it.
 */
const READING_PANE_CHARS = 200_000;
export const readingPaneText = (text: string): string =>
  text.length <= READING_PANE_CHARS
    ? text
    : `${text.slice(0, READING_PANE_CHARS)}\n\n[The sandbox shows the first ${READING_PANE_CHARS} of ${text.length} characters.]`;

/** Blocks a browser sets apart with a margin: a blank line before and after. */
const PARAGRAPHS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'TABLE',
  'PRE',
]);
/** Blocks on lines of their own, without a margin. */
const LINES = new Set([
  'DIV',
  'LI',
  'TR',
  'DT',
  'DD',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ADDRESS',
  'HR',
  'FORM',
  'CENTER',
]);
/** Never shown. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TITLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text of `html` as a browser lays it out, line by line: a block boundary ends a line that has
 * text (never making an empty one), <br> ends a line even when empty (Outlook's blank line is
 * `<div><br></div>`), and a paragraph-like block asks for one blank line before what follows.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  let blankWanted = false;
  const endLine = (force: boolean): void => {
    if (line.trim() === '' && !force) return;
    lines.push(line.trimEnd());
    line = '';
  };
  const addText = (text: string): void => {
    const shown = line === '' ? text.trimStart() : text;
    if (shown === '') return;
    if (blankWanted && line === '' && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    blankWanted = false;
    line += shown;
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      if (!pre) return addText(text.replace(/[ \t\r\n\f]+/g, ' '));
      text.split(/\r?\n/).forEach((part, i) => {
        if (i > 0) endLine(true);
        addText(part);
      });
      return;
    }
    if (!(node instanceof Element) || SKIPPED.has(node.tagName)) return;
    if (node.tagName === 'BR') return endLine(true);
    if (node.tagName === 'TD' || node.tagName === 'TH') addText(' ');
    const block = PARAGRAPHS.has(node.tagName) || LINES.has(node.tagName);
    if (block) endLine(false);
    if (PARAGRAPHS.has(node.tagName)) blankWanted = true;
    for (const child of node.childNodes) walk(child, pre || node.tagName === 'PRE');
    if (block) endLine(false);
    if (PARAGRAPHS.has(node.tagName)) blankWanted = true;
  };
  walk(doc.body, false);
  endLine(false);
  return lines.join('\n').trim();
}
