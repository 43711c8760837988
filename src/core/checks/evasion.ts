// POSSIBLE_EVASION: the matcher's warnings that a sender resembles a restricted person, shown
// as flags so the handler decides (and may add the address: a supervisor action). Never a match.
import type { EvasionKind, EvasionWarning, Flag, Strategy } from '../types';
import { makeFlag } from './flag';

const WHY: Record<EvasionKind, { field: string; sentence: (r: string, who: string) => string }> = {
  'confusable-address': {
    field: 'emailAddresses',
    sentence: (r, who) => `Look-alike characters: the sender's address imitates ${r}, an address of ${who}.`,
  },
  'same-local-part': {
    field: 'emailAddresses',
    sentence: (r, who) =>
      `Same name at another domain: the sender's address matches ${r}, an address of ${who}, before the @.`,
  },
  'same-display-name': {
    field: 'knownNames',
    sentence: (r, who) =>
      `Known name from a new address: the sender's display name "${r}" is a name of ${who}, but the address is not on the strategy.`,
  },
};

/** One flag per strategy and kind of resemblance, in the order the matcher reported them. */
export function evasionFlags(
  evasions: readonly EvasionWarning[],
  strategyById: (id: string) => Strategy | undefined,
): Flag[] {
  const seen = new Set<string>();
  const flags: Flag[] = [];
  for (const e of evasions) {
    const key = `${e.strategyId}\u0000${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const why = WHY[e.kind];
    const who = strategyById(e.strategyId)?.personName ?? e.strategyId;
    flags.push(
      makeFlag(
        'POSSIBLE_EVASION',
        e.strategyId,
        why.field,
        `${why.sentence(e.resembles, who)} Possible evasion: check before relying on "no contact strategy".`,
      ),
    );
  }
  return flags;
}
