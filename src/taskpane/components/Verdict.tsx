// The verdict at the top of the pane: risk first, then the sender's standing, as core decided
// them; then, for a look-alike sender, what in the address is unusual and whom it resembles.
import type { EvasionWarning, Strategy } from '../../core/types';
import { verdictOf } from '../../core/verdict';
import type { ShownItem } from '../state/types';
import { EVASION_TEXT } from '../view/labels';
import { Headline } from './Headline';
import { useShared } from './styles';
import type { ReactNode } from 'react';
import { Address, WithAddresses } from './Address';

export interface VerdictProps {
  item: ShownItem;
  /** Rendered under each strategy the sender resembles (the supervisor's "add this address"). */
  evasionAction?: (strategyId: string) => ReactNode;
  /** The immediate-risk instruction, when core places it in the risk headline. */
  riskInstruction?: string | undefined;
}

export function Verdict({ item, evasionAction, riskInstruction }: VerdictProps) {
  const s = useShared();
  const { evasions } = item.evaluation;
  // Core decides the state; the pane draws risk first, then the sender's standing.
  const verdict = verdictOf(item.evaluation, item.strategies);
  const sender = item.message.from.address;
  const unusual = unusualCharacters(sender);
  return (
    <section aria-labelledby="verdict-heading" className={s.section}>
      <h2 id="verdict-heading" className={s.visuallyHidden}>
        Verdict
      </h2>
      {verdict.risk && <Headline headline={verdict.risk} riskInstruction={riskInstruction} />}
      <Headline headline={verdict.standing} />
      {evasions.length > 0 && (
        <div className={s.section}>
          <h3 className={s.subheading}>Possible evasion</h3>
          <ul className={s.list}>
            {[...byStrategy(evasions)].map(([id, warnings]) => (
              <li key={id}>
                {/* The explanation first: what in the address is unusual, then what it resembles. */}
                {unusual.length > 0 && (
                  <>
                    Look-alike characters in the sender&apos;s address:{' '}
                    {unusual.map((c) => `${c.char} (${c.code})`).join(', ')}.{' '}
                  </>
                )}
                <Address>{sender}</Address> uses{' '}
                {warnings.map((e, i) => (
                  <span key={`${e.kind}:${e.resembles}`}>
                    {i > 0 && (i === warnings.length - 1 ? ' and ' : ', ')}
                    {EVASION_TEXT[e.kind]}{' '}
                    <strong>
                      <WithAddresses text={e.resembles} />
                    </strong>
                  </span>
                ))}{' '}
                ({strategyName(item.strategies.get(id), id)}). Decide whether this is the same person.
                {evasionAction?.(id)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * Characters outside printable ASCII in an address, with their code points: a Cyrillic "р" looks
 * exactly like a Latin "p" on screen, so the pane names it.
 */
function unusualCharacters(address: string): Array<{ char: string; code: string }> {
  const seen = new Map<string, string>();
  for (const char of address) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp > 0x7e || cp < 0x20) seen.set(char, `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...seen].map(([char, code]) => ({ char, code }));
}

function byStrategy(evasions: readonly EvasionWarning[]): Map<string, EvasionWarning[]> {
  const out = new Map<string, EvasionWarning[]>();
  for (const e of evasions) out.set(e.strategyId, [...(out.get(e.strategyId) ?? []), e]);
  return out;
}

function strategyName(strategy: Strategy | undefined, id: string): string {
  return strategy ? `${strategy.personName}, strategy ${strategy.id}` : `strategy ${id}`;
}
