// Matching a sender to strategies (docs/domain.md "Matching a sender to a strategy"): exact on the
// normalised address, advocates as `via: 'advocate'`, everything merely similar as an evasion
// warning. Status is not considered here: ended, suspended and draft strategies still match, and
// the checks say they are not active.
import { normaliseAddress } from './address';
import { buildEvasionIndex, findEvasions, type EvasionIndex } from './evasion';
import type { EvasionWarning, Mailbox, Strategy, StrategyMatch } from './types';

export interface StrategyIndex {
  /** The strategies, in the order given. */
  readonly strategies: readonly Strategy[];
  readonly byId: ReadonlyMap<string, Strategy>;
  /** Normalised person address → strategy ids (a person may have several, one per matter). */
  readonly bySender: ReadonlyMap<string, readonly string[]>;
  /** Normalised advocate address → strategy ids. */
  readonly byAdvocate: ReadonlyMap<string, readonly string[]>;
  readonly evasion: EvasionIndex;
}

export interface SenderMatch {
  matches: StrategyMatch[];
  evasions: EvasionWarning[];
}

function indexAddresses(strategies: readonly Strategy[], addressesOf: (s: Strategy) => readonly string[]) {
  const map = new Map<string, string[]>();
  for (const strategy of strategies) {
    for (const raw of addressesOf(strategy)) {
      const address = normaliseAddress(raw);
      if (address === null) continue;
      const ids = map.get(address);
      if (!ids) map.set(address, [strategy.id]);
      else if (!ids.includes(strategy.id)) ids.push(strategy.id);
    }
  }
  return map;
}

/** Build once per strategy list; every lookup after that is a hash lookup. */
export function buildIndex(strategies: readonly Strategy[]): StrategyIndex {
  const byId = new Map<string, Strategy>();
  // With duplicate ids (parseStrategies reports them) the first one wins, as it does for matching.
  for (const strategy of strategies) if (!byId.has(strategy.id)) byId.set(strategy.id, strategy);
  return {
    strategies,
    byId,
    bySender: indexAddresses(strategies, (s) => s.emailAddresses),
    byAdvocate: indexAddresses(strategies, (s) => s.advocate?.addresses ?? []),
    evasion: buildEvasionIndex(strategies),
  };
}

/**
 * The exact matches of one address: as the person, then through an advocate, each strategy once.
 * `address` is normaliseAddress's result (null matches nothing).
 */
export function matchExact(index: StrategyIndex, address: string | null): StrategyMatch[] {
  if (address === null) return [];
  const matches: StrategyMatch[] = [];
  for (const strategyId of index.bySender.get(address) ?? []) matches.push({ strategyId, via: 'sender' });
  // A person who is also listed as their own advocate is matched as the person.
  for (const strategyId of index.byAdvocate.get(address) ?? []) {
    if (!matches.some((m) => m.strategyId === strategyId)) matches.push({ strategyId, via: 'advocate' });
  }
  return matches;
}

/**
 * The strategies a sender is under: every exact match (as the person, or through the strategy's
 * advocate), and possible-evasion warnings for the strategies the sender only resembles. A sender
 * with no strategy gets two empty lists; nothing here throws, whatever the address holds.
 */
export function matchSender(index: StrategyIndex, from: Mailbox): SenderMatch {
  const address = normaliseAddress(typeof from?.address === 'string' ? from.address : '');
  const matches = matchExact(index, address);
  const matched = new Set(matches.map((m) => m.strategyId));
  const evasions = findEvasions(index.evasion, from ?? { address: '' }, matched, address);
  return { matches, evasions };
}
