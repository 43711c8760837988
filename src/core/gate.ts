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

/**
 * What the add-in could not read for the handler (attachments it could not open, a body it
 * could not read), and whether the handler has said they opened it themselves. While the reading
 * aids are still running nothing can be recorded: the add-in does not yet know what it missed.
 */
export type OpenCheck =
  | { readonly kind: 'reading' }
  | { readonly kind: 'all-read'; readonly attachments: number }
  | {
      readonly kind: 'open-required';
      /** Attachments there were, and how many of them the add-in read. */
      readonly attachments: number;
      readonly attachmentsRead: number;
      /** The body itself was not read (protected mail). */
      readonly bodyUnread: boolean;
      /** "I have opened every attachment" (and the message, when its body was not read). */
      readonly opened: boolean;
    };
/** An open check that lets the read be decided. */
export type SettledOpenCheck =
  | Extract<OpenCheck, { kind: 'all-read' }>
  | (Extract<OpenCheck, { kind: 'open-required' }> & { readonly opened: true });

/** No attachments and a readable body: nothing to open. */
export const NOTHING_TO_OPEN: OpenCheck = { kind: 'all-read', attachments: 0 };

export interface Reading {
  readonly phase: 'reading';
  readonly answers: PartialReadAnswers;
  readonly open: OpenCheck;
}
export interface Answered {
  readonly phase: 'answered';
  readonly answers: ReadAnswers;
  readonly open: SettledOpenCheck;
}
export interface Decided {
  readonly phase: 'decided';
  readonly answers: ReadAnswers;
  readonly open: SettledOpenCheck;
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

/** A new read. `open` is NOTHING_TO_OPEN only for a readable message without attachments. */
export function startGate(open: OpenCheck = NOTHING_TO_OPEN): Reading {
  return { phase: 'reading', answers: {}, open };
}

function isComplete(answers: PartialReadAnswers): answers is ReadAnswers {
  return READ_QUESTIONS.every((q) => typeof answers[q] === 'boolean');
}

function isSettled(open: OpenCheck | undefined): open is SettledOpenCheck {
  return open?.kind === 'all-read' || (open?.kind === 'open-required' && open.opened === true);
}

function phaseFor(answers: PartialReadAnswers, open: OpenCheck): Reading | Answered {
  return isComplete(answers) && isSettled(open)
    ? { phase: 'answered', answers, open }
    : { phase: 'reading', answers, open };
}

function notDecided(state: Reading | Answered): void {
  if ((state as GateState).phase === 'decided') {
    throw new GateError('This message has already been decided; its answers cannot be changed.');
  }
}

/**
 * The reading aids have finished (or failed and said so): what the add-in could not read now
 * asks for one more answer. Answers already given are kept.
 */
export function readingFinished(
  state: Reading | Answered,
  found: { attachments: number; attachmentsRead: number; bodyUnread: boolean },
): Reading | Answered {
  notDecided(state);
  const { attachments, attachmentsRead, bodyUnread } = found;
  const open: OpenCheck =
    attachmentsRead >= attachments && !bodyUnread
      ? { kind: 'all-read', attachments }
      : { kind: 'open-required', attachments, attachmentsRead, bodyUnread, opened: false };
  return phaseFor(state.answers, open);
}

/** "I have opened every attachment": only asked, and only accepted, when something was not read. */
export function confirmOpened(state: Reading | Answered, opened: boolean): Reading | Answered {
  notDecided(state);
  if (state.open.kind !== 'open-required') {
    throw new GateError(
      'There is nothing the add-in could not read, so there is nothing to confirm opening.',
    );
  }
  if (typeof opened !== 'boolean') throw new GateError('Opening the attachments is answered yes or no.');
  return phaseFor(state.answers, { ...state.open, opened });
}

/** Records (or changes) one answer. A decided read is final: its log row is already written. */
export function answer(
  state: Reading | Answered,
  question: ReadQuestion,
  value: boolean,
): Reading | Answered {
  notDecided(state);
  if (!READ_QUESTIONS.includes(question)) throw new GateError(`Unknown read question: ${String(question)}`);
  if (typeof value !== 'boolean') throw new GateError(`The answer to ${question} must be yes or no.`);
  const answers = { ...state.answers, [question]: value };
  // A state from outside TypeScript without an open check has not been through the reading aids.
  return phaseFor(answers, state.open ?? { kind: 'reading' });
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
  const s = state as GateState;
  if (s.phase === 'decided') throw new GateError('This message has already been decided.');
  const missing = unanswered(s);
  if (missing.length > 0 || !isComplete(s.answers)) {
    throw new GateError(
      `All four read questions must be answered before filing; still unanswered: ${missing.join(', ')}.`,
    );
  }
  const open: OpenCheck | undefined = s.open;
  if (!isSettled(open)) {
    throw new GateError(
      open?.kind === 'reading'
        ? 'The add-in is still reading the attachments; wait for it to finish before filing.'
        : 'Some of this message could not be read by the add-in: confirm you have opened it before filing.',
    );
  }
  const answers: ReadAnswers = { ...s.answers };
  return { phase: 'decided', answers, open, disposition: dispositionFor(answers, ctx) };
}
