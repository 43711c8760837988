// Email addresses in a 350 px pane: a long address may need to wrap, but at its natural joints
// (after the @, before a dot), never in the middle of a word; ordinary words stay whole, and so do
// the bracket or quote around an address and the digit groups of a phone number.
import { makeStyles } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  // One box: an address that fits on a line moves to the next one whole; only one longer than
  // the line wraps, inside its box, at the joints. `anywhere` is the last resort for a single
  // part longer than the line.
  address: { display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere', wordBreak: 'normal' },
  // "01632 960123": a phone number is never split across lines.
  together: { whiteSpace: 'nowrap' },
});

/**
 * One address, with break opportunities after "@" and before each ".". The punctuation touching
 * it ("(" before, ")." after) goes in the same box, so a line never ends on an opening bracket
 * or starts with a closing one.
 */
export function Address({
  children,
  opening = '',
  closing = '',
}: {
  children: string;
  opening?: string;
  closing?: string;
}) {
  const styles = useStyles();
  const parts = children.split(/(?<=@)|(?=\.)/);
  return (
    <span className={styles.address}>
      {opening}
      <span data-address>
        {parts.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && <wbr />}
            {part}
          </Fragment>
        ))}
      </span>
      {closing}
    </span>
  );
}

// Stops at spaces, brackets and sentence punctuation, so "(a@b.uk)." gives the address alone.
const ADDRESS = /[^\s()<>,;:"“”'‘’[\]]+@[^\s()<>,;:"“”'‘’[\]]*[^\s()<>,;:"“”'‘’[\].]/g;

// Opening punctuation just before an address, and closing punctuation just after it.
const OPENING = /[(<[“‘"']+$/;
const CLOSING = /^[)>\]”’"'.,;:!?]+/;
// Digit groups joined by single spaces: a phone number such as "01632 960123".
const DIGIT_GROUPS = /\d+(?: \d+)+/g;

/** Plain text with each run of digit groups kept on one line. */
function WithNumbers({ text }: { text: string }) {
  const styles = useStyles();
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(
      <span key={m.index} className={styles.together}>
        {m[0]}
      </span>,
    );
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}

/**
 * Plain text (a sentence from core, or the force's own words) with each address in it drawn as
 * an Address, kept with the punctuation that touches it, and phone numbers kept whole.
 */
export function WithAddresses({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let at = 0;
  // Each search starts after the closing punctuation already kept with the previous address.
  const addresses = new RegExp(ADDRESS.source, 'g');
  for (let m = addresses.exec(text); m; m = addresses.exec(text)) {
    const before = text.slice(at, m.index);
    const opening = OPENING.exec(before)?.[0] ?? '';
    const end = m.index + m[0].length;
    const closing = CLOSING.exec(text.slice(end))?.[0] ?? '';
    if (before.length > opening.length)
      out.push(<WithNumbers key={`t${at}`} text={before.slice(0, before.length - opening.length)} />);
    out.push(
      <Address key={m.index} opening={opening} closing={closing}>
        {m[0]}
      </Address>,
    );
    at = end + closing.length;
    addresses.lastIndex = at;
  }
  if (at < text.length) out.push(<WithNumbers key={`t${at}`} text={text.slice(at)} />);
  return <>{out}</>;
}
