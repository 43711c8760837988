// A reply usually carries the earlier message below it. That quoted copy is the mail client's
// doing, not the person repeating themselves, so it is cut off before fingerprinting: otherwise
// every reply would look like a repeat of the message it answers. A signature block after the
// standard "-- " separator goes too: the same signature on two short notes is not a repeat.

/** Lines that on their own start a quoted copy of an earlier message. */
const SEPARATOR_LINES: readonly RegExp[] = [
  /^\s*-{2,}\s*(original|forwarded) message\s*-{2,}\s*$/i, // Outlook plain text, Gmail forward
  /^\s*on\b.{0,300}\bwrote:\s*$/i, // Gmail, Apple Mail, Thunderbird: "On <date>, <name> wrote:"
  /^-- ?$/, // RFC 3676 signature separator
];

function startsQuotedCopy(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (SEPARATOR_LINES.some((re) => re.test(line))) return true;
  const next = lines[i + 1] ?? '';
  // "On <date>, <name> <address>" wrapped onto a second line that says "wrote:".
  if (/^\s*on\s/i.test(line) && /^\s*.{0,100}\bwrote:\s*$/i.test(next)) return true;
  // Outlook's header block. "From: x" alone is too common in a body, so it counts only when a
  // Sent:/Date: line follows within two lines.
  if (/^\s*from:\s/i.test(line)) {
    return /^\s*(sent|date):\s/im.test(`${next}\n${lines[i + 2] ?? ''}`);
  }
  return false;
}

// Every line that starts a quoted copy or is quoted holds one of these (the Outlook header block
// starts with "From:"), and a carriage return is a line break to rewrite: text with none of them
// is returned as it is, without splitting a long body into lines.
const MAY_QUOTE = /[>\r]|--|wrote:|from:/i;

/** The body without quoted material: `>` lines, and all after a reply header or signature separator. */
export function stripQuoted(text: string): string {
  if (!MAY_QUOTE.test(text)) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (startsQuotedCopy(lines, i)) break;
    const line = lines[i] ?? '';
    if (!/^\s*>/.test(line)) kept.push(line);
  }
  return kept.join('\n');
}
