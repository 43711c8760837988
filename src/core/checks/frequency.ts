// CONTACT_LIMIT_EXCEEDED (lancs 3.9, iopc: restrict frequency). Counted over a rolling window of
// periodDays × 24 hours ending at this message: contacts strictly after the window start and up
// to this message, from any of the person's addresses, each Message-ID once, this one included.
import type { Flag } from '../types';
import type { CheckInput } from './context';
import { makeFlag } from './flag';

const MS_PER_DAY = 86_400_000;

/** How many distinct contacts fall in the window ending at this message (this one included). */
export function contactsInWindow({ strategy, facts, env }: CheckInput, periodDays: number): number {
  if (!facts.receivedAt) return 0;
  const end = facts.receivedAt.getTime();
  const start = end - periodDays * MS_PER_DAY;
  // personHistory holds each Message-ID once, so counting contacts counts distinct ones.
  let count = 1;
  for (const c of env.personHistory(strategy)) {
    const t = c.receivedAt.getTime();
    if (t > start && t <= end) count++;
  }
  return count;
}

export function frequencyFlags(input: CheckInput): Flag[] {
  const limit = input.strategy.contactLimit;
  if (!limit || !(limit.periodDays > 0) || !(limit.max >= 0) || !input.facts.receivedAt) return [];
  const count = contactsInWindow(input, limit.periodDays);
  if (count <= limit.max) return [];
  const days = limit.periodDays === 1 ? 'day' : `${limit.periodDays} days`;
  return [
    makeFlag(
      'CONTACT_LIMIT_EXCEEDED',
      input.strategy.id,
      'contactLimit',
      `This is contact ${count} from the person in the ${days} to this message; the contact limit is ${limit.max} per ${days}.`,
    ),
  ];
}
