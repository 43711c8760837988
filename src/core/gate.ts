// The read gate (lancs 3.10, kent 8-9): every message is read against four questions before
// anything is filed. The phases are separate types, so a disposition cannot be reached from a
// partly answered read; `decide` checks again at run time for callers outside TypeScript.
import {
  READ_QUESTIONS,
  type Disposition,
  type Flag,
  type FlagCode,
  type PartialReadAnswers,
  type ReadAnswers,
  type ReadQuestion,
} from './types';

export interface Reading {
  readonly phase: 'reading';
  readonly answers: PartialReadAnswers;
}
export interface Answered {
  readonly phase: 'answered';
  readonly answers: ReadAnswers;
}
export interface Decided {
  readonly phase: 'decided';
  readonly answers: ReadAnswers;
  readonly disposition: Disposition;
}
export type GateState = Reading | Answered | Decided;

/** What the decision needs besides the answers: the evaluation's flags and the settings. */
export interface DecisionContext {
  /** Flags from evaluate(); READ_NOT_RESPOND marks an active RBNR strategy that matched. */
  flags: readonly Flag[];
  /** Folder RBNR mail is filed to (settings). */
  rbnrFolder: string;
  /** Safeguarding/supervisor mailbox escalations may be forwarded to (settings), if configured. */
  escalationMailbox?: string;
}

export class GateError extends Error {
  override name = 'GateError';
}

export function startGate(): Reading {
  return { phase: 'reading', answers: {} };
}

function isComplete(answers: PartialReadAnswers): answers is ReadAnswers {
  return READ_QUESTIONS.every((q) => typeof answers[q] === 'boolean');
}

/** Records (or changes) one answer. A decided read is final: its log row is already written. */
export function answer(
  state: Reading | Answered,
  question: ReadQuestion,
  value: boolean,
): Reading | Answered {
  if ((state as GateState).phase === 'decided') {
    throw new GateError('This message has already been decided; its answers cannot be changed.');
  }
  if (!READ_QUESTIONS.includes(question)) throw new GateError(`Unknown read question: ${String(question)}`);
  if (typeof value !== 'boolean') throw new GateError(`The answer to ${question} must be yes or no.`);
  const answers = { ...state.answers, [question]: value };
  return isComplete(answers) ? { phase: 'answered', answers } : { phase: 'reading', answers };
}

/** The questions still unanswered, in the order they are asked. */
export function unanswered(state: GateState): ReadQuestion[] {
  return READ_QUESTIONS.filter((q) => typeof state.answers[q] !== 'boolean');
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/**
 * The disposition, in this order of precedence:
 * 1. any "yes" escalates, whatever any strategy says (never auto-filed);
 * 2. all "no" and an active read-not-respond strategy matched that the email does not take
 *    outside (no OTHER_MATTER for it): auto-file. RBNR wins over a breach because no reply is
 *    sent under RBNR, so a reminder would contradict it; the breach codes are still logged with
 *    the flags;
 * 3. all "no" and a breach flag: breach, with a reminder reply available;
 * 4. otherwise handled normally.
 */
export function dispositionFor(answers: ReadAnswers, ctx: DecisionContext): Disposition {
  const yes = READ_QUESTIONS.filter((q) => answers[q]);
  if (yes.length > 0) {
    return ctx.escalationMailbox
      ? { kind: 'escalate', reasons: yes, forwardTo: ctx.escalationMailbox }
      : { kind: 'escalate', reasons: yes };
  }
  const otherMatter = new Set(ctx.flags.filter((f) => f.code === 'OTHER_MATTER').map((f) => f.strategyId));
  const rbnr = ctx.flags.find((f) => f.code === 'READ_NOT_RESPOND' && !otherMatter.has(f.strategyId));
  if (rbnr) return { kind: 'auto-file', strategyId: rbnr.strategyId, folder: ctx.rbnrFolder };
  const breaches = ctx.flags.filter((f) => f.severity === 'breach');
  if (breaches.length > 0) {
    const rbnrIds = new Set(ctx.flags.filter((f) => f.code === 'READ_NOT_RESPOND').map((f) => f.strategyId));
    const strategyIds = unique(breaches.map((f) => f.strategyId));
    return {
      kind: 'breach',
      strategyIds,
      breachCodes: unique<FlagCode>(breaches.map((f) => f.code)),
      // A reminder is a reply: not to a person whose only breached strategies say "do not respond".
      reminderAvailable: strategyIds.some((id) => !rbnrIds.has(id)),
    };
  }
  return { kind: 'handled-normally' };
}

/** Decides a fully answered read. Throws GateError for anything else (e.g. untyped callers). */
export function decide(state: Answered, ctx: DecisionContext): Decided {
  if ((state as GateState).phase !== 'answered' || !isComplete(state.answers)) {
    const missing = unanswered(state as GateState);
    throw new GateError(
      missing.length > 0
        ? `All four read questions must be answered before filing; still unanswered: ${missing.join(', ')}.`
        : 'This message has already been decided.',
    );
  }
  const answers: ReadAnswers = { ...state.answers };
  return { phase: 'decided', answers, disposition: dispositionFor(answers, ctx) };
}
