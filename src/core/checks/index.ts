// All flags for one matched strategy, composed from the flag families. Which families run
// depends on the strategy's status and on whether the email came via the advocate; the table is
// in docs/decisions/core-checks.md.
import type { Flag, StrategyStatus } from '../types';
import { addressingFlags } from './addressing';
import { otherMatterFlags, reopenFlags, repeatFlags } from './content';
import type { CheckInput } from './context';
import { frequencyFlags } from './frequency';
import { adjustmentFlags, responsePolicyFlags, reviewFlags, statusFlags } from './standing';
import { timingFlags } from './timing';

type Family = (input: CheckInput) => Flag[];

/** Restrictions: breaches of the strategy by the person. Only an active strategy restricts. */
const BREACHES: Family[] = [addressingFlags, timingFlags, frequencyFlags];
/** Restrictions on what is considered or answered; again only while active. */
const IN_FORCE: Family[] = [reopenFlags, responsePolicyFlags, otherMatterFlags];

const FAMILIES_BY_STATUS: Record<StrategyStatus, { families: Family[]; breaches: boolean }> = {
  active: { families: [adjustmentFlags, repeatFlags, ...IN_FORCE, reviewFlags], breaches: true },
  // Suspended may be reinstated: observations and review housekeeping still matter.
  suspended: { families: [adjustmentFlags, statusFlags, repeatFlags, reviewFlags], breaches: false },
  // A draft is being decided: repeated content is evidence for the decision maker.
  draft: { families: [adjustmentFlags, statusFlags, repeatFlags], breaches: false },
  // Ended: nothing restricts any more, but adjustments are the person's and still honoured.
  ended: { families: [adjustmentFlags, statusFlags], breaches: false },
};

/**
 * Flags for one matched strategy, unordered (see orderFlags). Breach families run only for an
 * active strategy and only when the person wrote themselves: the advocate is the route the
 * strategy asks for and is not bound by the restrictions on the person.
 */
export function checkStrategy(input: CheckInput): Flag[] {
  const plan = FAMILIES_BY_STATUS[input.strategy.status] ?? FAMILIES_BY_STATUS.active;
  const families = plan.breaches && input.via === 'sender' ? [...BREACHES, ...plan.families] : plan.families;
  return families.flatMap((f) => f(input));
}

export { evasionFlags } from './evasion';
export { isBreach, makeFlag, orderFlags } from './flag';
export type { CheckEnv, CheckInput, MessageFacts, PersonContact, RepeatHit, ReopenHit } from './context';
