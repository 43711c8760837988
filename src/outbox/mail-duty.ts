// The forward and the move a decision carries, each done at most once across every pane. Before
// either, the pane's own row must be in the contact log; then the message's rows are read back
// and core decides (core/message-status.ts earlierMail) whether an earlier decision, in the log's
// order, already carries it. Two panes deciding at once both read back both rows and agree which
// came first, so one forward goes out, not two.
import { earlierMail, type DecisionRow, type EarlierMail } from '../core/message-status';
import type { ContactLogRecord } from '../core/types';
import type { ContactLogRepository, MailActions, PartOutcome } from '../graph/types';
import type { Outbox } from './outbox';

export async function earlierMailFor(
  outbox: Pick<Outbox, 'holds' | 'flush'>,
  log: Pick<ContactLogRepository, 'forMessage'>,
  record: Pick<ContactLogRecord, 'key' | 'messageKey'>,
): Promise<EarlierMail> {
  if (await outbox.holds(record.key)) {
    await outbox.flush();
    if (await outbox.holds(record.key)) return { kind: 'unconfirmed' };
  }
  return earlierMail(await log.forMessage(record.messageKey), record.key);
}

export interface MailDutyPorts {
  outbox: Pick<Outbox, 'holds' | 'flush'>;
  log: Pick<ContactLogRepository, 'forMessage'>;
  mail: Pick<MailActions, 'forward' | 'moveToFolder' | 'tagAndAct'>;
}

/** What the decision's mail plan asks beyond tagging. */
export interface MailDuty {
  restId: string;
  forwardTo: string | null;
  forwardComment: string;
  moveTo: string | null;
  /**
   * Tag the item in the same round trip as the forward or the move (a shared item, tagged through
   * Graph): its categories now and the ones to add. Only when the mail actions can.
   */
  tag?: { current: readonly string[]; names: readonly string[] };
}

/** Which of the two is done (by this pane or, as far as this decision goes, by an earlier one). */
export interface DutySteps {
  forward: boolean;
  move: boolean;
}

/** An earlier decision that already carried a step, so this one did not repeat it. */
export interface LeftToOthers {
  forwardedBy?: DecisionRow;
  movedBy?: DecisionRow;
  /** How the tag went, when the duty carried it. */
  tag?: PartOutcome;
}

export class UnconfirmedDecision extends Error {
  constructor() {
    super(
      'the contact log has not confirmed your decision yet, so the pane cannot tell whether a colleague already did it',
    );
  }
}

/**
 * Forwards and moves as the plan says, unless an earlier decision carries it. `steps` is updated
 * as each step completes, so after a failure the caller retries only what is left. Throws
 * UnconfirmedDecision while the decision's own row is not in the log yet.
 */
export async function doMailDuty(
  ports: MailDutyPorts,
  record: Pick<ContactLogRecord, 'key' | 'messageKey'>,
  duty: MailDuty,
  steps: DutySteps,
): Promise<LeftToOthers> {
  const left: LeftToOthers = {};
  const needForward = duty.forwardTo !== null && !steps.forward;
  const needMove = duty.moveTo !== null && !steps.move;
  if (!needForward && !needMove) {
    if (duty.tag && ports.mail.tagAndAct)
      left.tag = (await ports.mail.tagAndAct(duty.restId, { tag: duty.tag })).tag;
    return left;
  }
  const earlier = await earlierMailFor(ports.outbox, ports.log, record);
  if (earlier.kind === 'unconfirmed') throw new UnconfirmedDecision();
  if (needForward && earlier.forwardedBy) {
    steps.forward = true;
    left.forwardedBy = earlier.forwardedBy;
  }
  if (needMove && earlier.movedBy) {
    steps.move = true;
    left.movedBy = earlier.movedBy;
  }
  if (duty.tag && ports.mail.tagAndAct) {
    // One round trip for the tag, the forward and the move; each part reports on its own.
    const out = await ports.mail.tagAndAct(duty.restId, {
      tag: duty.tag,
      ...(!steps.forward && duty.forwardTo
        ? { forward: { to: duty.forwardTo, comment: duty.forwardComment } }
        : {}),
      ...(!steps.move && duty.moveTo ? { moveTo: duty.moveTo } : {}),
    });
    left.tag = out.tag;
    if (out.forward?.ok) steps.forward = true;
    if (out.move?.ok) steps.move = true;
    const failed = [out.forward, out.move].find(
      (p): p is Extract<PartOutcome, { ok: false }> => p?.ok === false,
    );
    if (failed) throw failed.error;
    return left;
  }
  if (!steps.forward && duty.forwardTo) {
    await ports.mail.forward(duty.restId, duty.forwardTo, duty.forwardComment);
    steps.forward = true;
  }
  if (!steps.move && duty.moveTo) {
    await ports.mail.moveToFolder(duty.restId, duty.moveTo);
    steps.move = true;
  }
  return left;
}
