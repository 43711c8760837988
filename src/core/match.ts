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
  /**
   * Normalised address → the strategy ids it is the person's address in (a person may have
   * several strategies, one per matter) and those it is an advocate's address in. One map, so
   * that an exact lookup is one hash lookup.
   */
  readonly byAddress: ReadonlyMap<string, AddressOwners>;
  readonly evasion: EvasionIndex;
}

export interface AddressOwners {
  readonly sender: readonly string[];
  readonly advocate: readonly string[];
}

export interface SenderMatch {
  matches: StrategyMatch[];
  evasions: EvasionWarning[];
}

function indexAddresses(
  strategies: readonly Strategy[],
): Map<string, { sender: string[]; advocate: string[] }> {
  const map = new Map<string, { sender: string[]; advocate: string[] }>();
  const add = (raw: string, strategyId: string, role: 'sender' | 'advocate'): void => {
    const address = normaliseAddress(raw);
    if (address === null) return;
    let owners = map.get(address);
    if (!owners) {
      owners = { sender: [], advocate: [] };
      map.set(address, owners);
    }
    if (!owners[role].includes(strategyId)) owners[role].push(strategyId);
  };
  for (const strategy of strategies) {
    for (const raw of strategy.emailAddresses) add(raw, strategy.id, 'sender');
    for (const raw of strategy.advocate?.addresses ?? []) add(raw, strategy.id, 'advocate');
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
    byAddress: indexAddresses(strategies),
    evasion: buildEvasionIndex(strategies),
  };
}

/**
 * The exact matches of one address: as the person, then through an advocate, each strategy once.
 * `address` is normaliseAddress's result (null matches nothing).
 */
export function matchExact(index: StrategyIndex, address: string | null): StrategyMatch[] {
  const owners = address === null ? undefined : index.byAddress.get(address);
  if (owners === undefined) return [];
  const matches: StrategyMatch[] = [];
  for (const strategyId of owners.sender) matches.push({ strategyId, via: 'sender' });
  // A person who is also listed as their own advocate is matched as the person.
  for (const strategyId of owners.advocate) {
    if (!owners.sender.includes(strategyId)) matches.push({ strategyId, via: 'advocate' });
  }
  return matches;
}

/**
 * The strategies a sender is under: every exact match (as the person, or through the strategy's
 * advocate), and possible-evasion warnings for the strategies the sender only resembles. A sender
 * with no strategy gets two empty lists; nothing here throws, whatever the address holds.
 */
const NONE_MATCHED: ReadonlySet<string> = new Set();

export function matchSender(index: StrategyIndex, from: Mailbox): SenderMatch {
  const address = normaliseAddress(typeof from?.address === 'string' ? from.address : '');
  const matches = matchExact(index, address);
  // Most senders match nothing: no set to build for them.
  const matched = matches.length === 0 ? NONE_MATCHED : new Set(matches.map((m) => m.strategyId));
  const evasions = findEvasions(index.evasion, from ?? { address: '' }, matched, address);
  return { matches, evasions };
}
