// Email addresses in a 350 px pane: a long address may need to wrap, but at its natural joints
// (after the @, before a dot), never in the middle of a word; ordinary words stay whole.
import { makeStyles } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  // One box: an address that fits on a line moves to the next one whole; only one longer than
  // the line wraps, inside its box, at the joints. `anywhere` is the last resort for a single
  // part longer than the line.
  address: { display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere', wordBreak: 'normal' },
});

/** One address, with break opportunities after "@" and before each ".". */
export function Address({ children }: { children: string }) {
  const styles = useStyles();
  const parts = children.split(/(?<=@)|(?=\.)/);
  return (
    <span className={styles.address} data-address>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

// Stops at spaces, brackets and sentence punctuation, so "(a@b.uk)." gives the address alone.
const ADDRESS = /[^\s()<>,;:"“”'‘’[\]]+@[^\s()<>,;:"“”'‘’[\]]*[^\s()<>,;:"“”'‘’[\].]/g;

/** Plain text (a sentence from core) with each address in it drawn as an Address. */
export function WithAddresses({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const start = m.index;
    if (start > at) out.push(text.slice(at, start));
    out.push(<Address key={start}>{m[0]}</Address>);
    at = start + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
