// The answer to "is this sender under a contact strategy?", at the top of the pane.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';
import type { EvasionWarning, Strategy, StrategyMatch } from '../../core/types';
import type { ShownItem } from '../state/types';
import { EVASION_TEXT, STATUS_LABEL } from '../view/labels';
import { useShared } from './styles';
import type { ReactNode } from 'react';

export interface VerdictProps {
  item: ShownItem;
  /** Rendered under each strategy the sender resembles (the supervisor's "add this address"). */
  evasionAction?: (strategyId: string) => ReactNode;
}

export function Verdict({ item, evasionAction }: VerdictProps) {
  const s = useShared();
  const { matches, evasions } = item.evaluation;
  const sender = item.message.from.address;
  const unusual = unusualCharacters(sender);
  return (
    <section aria-labelledby="verdict-heading" className={s.section}>
      <h2 id="verdict-heading" className={s.visuallyHidden}>
        Verdict
      </h2>
      {matches.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <BarTitle>
              {matches.length > 1 ? `Under ${matches.length} contact strategies` : 'Under a contact strategy'}
            </BarTitle>
            <ul className={s.list}>
              {matches.map((m) => (
                <li key={m.strategyId}>
                  <MatchLine match={m} strategy={item.strategies.get(m.strategyId)} />
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {evasions.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <BarTitle>Possible evasion</BarTitle>
            <ul className={s.list}>
              {[...byStrategy(evasions)].map(([id, warnings]) => (
                <li key={id}>
                  {sender} uses{' '}
                  {warnings.map((e, i) => (
                    <span key={`${e.kind}:${e.resembles}`}>
                      {i > 0 && (i === warnings.length - 1 ? ' and ' : ', ')}
                      {EVASION_TEXT[e.kind]} <strong>{e.resembles}</strong>
                    </span>
                  ))}{' '}
                  ({strategyName(item.strategies.get(id), id)}). Decide whether this is the same person.
                  {unusual.length > 0 && (
                    <>
                      {' '}
                      The sender&apos;s address has characters that look like others:{' '}
                      {unusual.map((c) => `${c.char} (${c.code})`).join(', ')}.
                    </>
                  )}
                  {evasionAction?.(id)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {matches.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <BarTitle>No contact strategy</BarTitle>
            {evasions.length > 0
              ? 'No strategy lists this exact address, but see the possible evasion above.'
              : `No strategy covers ${sender || 'this sender'}.`}{' '}
            Still read it for new complaints, allegations, crimes and safeguarding before you file it.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function MatchLine({ match, strategy }: { match: StrategyMatch; strategy: Strategy | undefined }) {
  const name = strategyName(strategy, match.strategyId);
  const matters = strategy?.matterRefs.length ? `, matters ${strategy.matterRefs.join(', ')}` : '';
  const status =
    strategy && strategy.status !== 'active' ? ` (${STATUS_LABEL[strategy.status].toLowerCase()})` : '';
  if (match.via === 'advocate') {
    const advocate = strategy?.advocate?.name ?? 'their advocate';
    return (
      <>
        {name}
        {status}
        {matters}: written by {advocate}, the person&apos;s advocate. Not a breach in itself.
      </>
    );
  }
  return (
    <>
      {name}
      {status}
      {matters}.
    </>
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
