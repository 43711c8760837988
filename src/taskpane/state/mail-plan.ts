// What a decision does to the mail: which categories, whether it is forwarded, whether it moves.
// Pure, so the order (tag, forward, move) and the sentences are tested without ports.
import type { Disposition, ReadQuestion } from '../../core/types';
import type { Settings } from '../../graph/types';
import type { MailSteps } from './types';

/**
 * Why a message was escalated, in the comment forwarded with it. These words go into mail that
 * others keep, not onto the screen, so they live with the plan rather than the pane's labels.
 */
export const ESCALATION_REASON: Record<ReadQuestion, string> = {
  newComplaintOrAllegation: 'new complaint or allegation',
  criminalMatter: 'criminal matter',
  safeguardingOrRisk: 'safeguarding or risk',
  otherAction: 'other action needed',
};

export interface MailPlan {
  categories: string[];
  forwardTo: string | null;
  forwardComment: (readerName: string) => string;
  moveTo: string | null;
  doneSentence: string;
}

export function mailPlan(disposition: Disposition, settings: Settings, forward: boolean): MailPlan {
  const c = settings.categories;
  const base = { forwardTo: null, forwardComment: () => '', moveTo: null };
  switch (disposition.kind) {
    case 'escalate': {
      const to = forward && disposition.forwardTo ? disposition.forwardTo : null;
      const reasons = disposition.reasons.map((r) => ESCALATION_REASON[r]).join(', ');
      return {
        ...base,
        categories: [c.escalate],
        forwardTo: to,
        forwardComment: (reader) =>
          `Escalated after the read by ${reader}: ${reasons}. Sent from contact strategy triage.`,
        doneSentence: to
          ? `Escalated: tagged for action and forwarded to ${to}.`
          : 'Escalated: tagged for action.',
      };
    }
    case 'auto-file':
      return {
        ...base,
        categories: [c.rbnrFiled],
        moveTo: disposition.folder,
        doneSentence: `Read and filed to "${disposition.folder}". No reply is sent.`,
      };
    case 'breach':
      return {
        ...base,
        categories: [c.breach],
        doneSentence: 'Tagged as a breach. You can draft a reminder reply.',
      };
    case 'handled-normally':
      return {
        ...base,
        categories: [c.read],
        doneSentence: 'Tagged as read. The message is left for you to handle.',
      };
  }
}

/**
 * The first step of the plan not done yet, in words: "…but moving it to the folder did not work".
 * The forward and the move come first: tagging never holds them up, so it is named last.
 */
export function pendingStep(plan: MailPlan, steps: MailSteps): string {
  if (plan.forwardTo && !steps.forward) return `forwarding it to ${plan.forwardTo}`;
  if (plan.moveTo && !steps.move) return `moving it to "${plan.moveTo}"`;
  return 'tagging the message';
}

/** Everything but the tag was done: say what was, and that only the tag is left to try again. */
export function tagFailedSentence(plan: MailPlan, steps: MailSteps, reason: string): string {
  const done = [
    plan.forwardTo && steps.forward ? `forwarded to ${plan.forwardTo}` : '',
    plan.moveTo && steps.move ? `filed to "${plan.moveTo}"` : '',
  ].filter(Boolean);
  const what = done.length ? `saved and the message ${done.join(' and ')}` : 'saved';
  return `Your decision is ${what}, but tagging the message did not work: ${reason}. Trying again only tags it.`;
}
