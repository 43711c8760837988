// Flags about the strategy itself rather than this email's conduct: its status, response policy
// and adjustments (shown so a reply honours them), and whether it is due a review
// (lancs 3.12 reviews, durham rec 1 adjustment reviews, durham rec 2 SPOC rotation).
import { addDays, addMonths, isBefore, isIsoDate } from '../time';
import type { Flag } from '../types';
import { CARD_LABEL, ukDate } from '../words';
import { listForSentence, type CheckInput } from './context';
import { makeFlag } from './flag';

export function statusFlags({ strategy }: CheckInput): Flag[] {
  if (strategy.status === 'active') return [];
  const consequence =
    strategy.status === 'draft'
      ? 'it is not yet in force, so its restrictions are not applied'
      : strategy.status === 'suspended'
        ? 'its restrictions are not applied while it is suspended'
        : 'it has ended, so its restrictions no longer apply';
  return [
    makeFlag(
      'STRATEGY_NOT_ACTIVE',
      strategy.id,
      'status',
      `The matched strategy is ${strategy.status}: ${consequence}; the message must still be read.`,
    ),
  ];
}

export function responsePolicyFlags({ strategy }: CheckInput): Flag[] {
  if (strategy.responsePolicy !== 'read-not-respond') return [];
  return [
    makeFlag(
      'READ_NOT_RESPOND',
      strategy.id,
      'responsePolicy',
      'The strategy says read but do not respond: after the read, the message is filed without a reply.',
    ),
  ];
}

export function adjustmentFlags({ strategy }: CheckInput): Flag[] {
  const list = strategy.reasonableAdjustments.map((a) => a.description.trim()).filter((d) => d.length > 0);
  if (list.length === 0) return [];
  return [
    makeFlag(
      'REASONABLE_ADJUSTMENTS',
      strategy.id,
      'reasonableAdjustments',
      `Honour the person's reasonable adjustments in any reply: ${list.join('; ')}.`,
    ),
  ];
}

export function reviewFlags({ strategy, env }: CheckInput): Flag[] {
  const { today, config } = env;
  const flags: Flag[] = [];

  const lastReview = strategy.lastReviewedDate ?? strategy.startDate;
  // Settings come from a SharePoint list: a missing number disables that rule rather than throwing.
  const staleSince =
    isIsoDate(lastReview) && Number.isFinite(config.reviewMaxDays)
      ? addDays(lastReview, config.reviewMaxDays)
      : undefined;
  if (isBefore(strategy.nextReviewDate, today)) {
    flags.push(
      makeFlag(
        'REVIEW_OVERDUE',
        strategy.id,
        'nextReviewDate',
        `The ${CARD_LABEL.nextReviewDate.toLowerCase()} date, ${ukDate(strategy.nextReviewDate)}, has passed.`,
      ),
    );
  } else if (isBefore(staleSince, today)) {
    const field = strategy.lastReviewedDate ? 'lastReviewedDate' : 'startDate';
    flags.push(
      makeFlag(
        'REVIEW_OVERDUE',
        strategy.id,
        field,
        `${field === 'lastReviewedDate' ? 'Last reviewed' : 'Started'} ${ukDate(lastReview)}, more than ${config.reviewMaxDays} days ago; the organisation's settings ask for a review at least every ${config.reviewMaxDays} days.`,
      ),
    );
  }

  const since = strategy.spoc?.since;
  const rotation = config.spocRotationMonths;
  if (
    strategy.spoc &&
    isIsoDate(since) &&
    Number.isInteger(rotation) &&
    isBefore(addMonths(since, rotation), today)
  ) {
    flags.push(
      makeFlag(
        'SPOC_ROTATION_DUE',
        strategy.id,
        'spoc',
        `${strategy.spoc.name} has been the single point of contact since ${ukDate(since)}, longer than ${config.spocRotationMonths} months: consider a new single point of contact.`,
      ),
    );
  }

  const due = strategy.reasonableAdjustments.filter((a) => isBefore(a.reviewDate, today));
  if (due.length > 0) {
    flags.push(
      makeFlag(
        'ADJUSTMENT_REVIEW_DUE',
        strategy.id,
        'reasonableAdjustments',
        `Review date passed for ${due.length === 1 ? 'an adjustment' : `${due.length} adjustments`}: ${listForSentence(due.map((a) => `${a.description} (review by ${ukDate(a.reviewDate)})`))}.`,
      ),
    );
  }
  return flags;
}
