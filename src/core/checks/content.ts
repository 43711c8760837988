// Flags from what the email says: a demand to reopen (lancs 3.9), content substantially the same
// as before (iopc, lancs 5.3), and matters the strategy does not cover (lancs 3.8).
import type { Flag } from '../types';
import { otherMatterRefs } from '../matter';
import { ukDate } from '../words';
import { listForSentence, type CheckInput } from './context';
import { makeFlag } from './flag';

const SNIPPET_MAX = 80;

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > SNIPPET_MAX ? `${oneLine.slice(0, SNIPPET_MAX - 1)}…` : oneLine;
}

export function reopenFlags({ strategy, facts }: CheckInput): Flag[] {
  if (!strategy.refuseReopen) return [];
  const hit = facts.reopenDemand();
  if (!hit) return [];
  return [
    makeFlag(
      'REOPEN_DEMAND',
      strategy.id,
      'refuseReopen',
      `Asks to reopen or review a closed matter ("${snippet(hit.text)}"); the strategy refuses demands to reopen closed matters.`,
    ),
  ];
}

export function repeatFlags({ strategy, env }: CheckInput): Flag[] {
  const hit = env.bestRepeat(strategy);
  if (!hit) return [];
  return [
    makeFlag(
      'REPEATED_CONTENT',
      strategy.id,
      'reasons',
      `Substantially the same (${Math.round(hit.similarity * 100)}% similar) as an earlier message from the person received ${ukDate(hit.contact.entry.receivedDateTime)}; repeated demands that are substantially the same are unreasonable persistence.`,
    ),
  ];
}

export function otherMatterFlags({ strategy, facts }: CheckInput): Flag[] {
  // A strategy with no matter references recorded covers the person's contact as a whole.
  if (strategy.matterRefs.length === 0) return [];
  const cited = facts.matterRefs();
  const others = otherMatterRefs(cited, strategy);
  if (others.length === 0) return [];
  const alsoCovered = cited.length > others.length;
  const refs = listForSentence(others);
  return [
    makeFlag(
      'OTHER_MATTER',
      strategy.id,
      'matterRefs',
      alsoCovered
        ? `Also cites ${refs}, which the strategy does not cover: handle that matter normally.`
        : `Cites ${refs}, which the strategy does not cover: handle normally.`,
    ),
  ];
}
