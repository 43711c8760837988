// Recording the handler's decision and what follows from it: the log row is stored durably first
// (queued in the outbox); only then is mail tagged, forwarded or moved, each step at most once
// (a retry does the rest and never writes the row again). Also the reminder reply a breach
// allows, opened for the handler to check and send.
import { decide, type Answered } from '../../core/gate';
import { buildLogRecord } from '../../core/log';
import { renderReminder } from '../../core/reminder';
import type { ContactLogRecord, Disposition, Strategy } from '../../core/types';
import type { MailActions, Settings } from '../../graph/types';
import { escalationTarget } from '../../core/escalation';
import { immediateRiskShown } from '../../core/verdict';
import { doMailDuty, type LeftToOthers } from '../../outbox';
import { describeError } from './errors';
import type { SelectedItem } from './item';
import { mailPlan, pendingStep, tagFailedSentence, type MailPlan } from './mail-plan';
import { mailActionsFor, type ControllerOptions, type TriageServices } from './services';
import type { PaneStore } from './store';
import { categoriesInFront, tagMessage } from './tagging';
import type { MailSteps, RecordState, ShownItem } from './types';

type Recorded = Extract<RecordState, { kind: 'recorded' }>;

export class Recording {
  private readonly now: () => Date;

  constructor(
    private readonly store: PaneStore,
    private readonly services: TriageServices,
    private readonly item: SelectedItem,
    options: ControllerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** What recording would do now; null until the read is complete and history is known. */
  pendingDisposition(): Disposition | null {
    const item = this.store.shown();
    const ready = this.store.ready();
    if (!item || !ready || item.gate.phase !== 'answered' || item.history.kind === 'checking') return null;
    return decide(item.gate, decisionContext(item, ready.settings)).disposition;
  }

  /**
   * Records the decision: the log row is stored durably first; only then is mail tagged, moved
   * or forwarded. If the row cannot be stored, nothing is filed.
   */
  async record(): Promise<void> {
    const item = this.store.shown();
    const ready = this.store.ready();
    if (!item || !ready || item.gate.phase !== 'answered' || item.history.kind === 'checking') return;
    if (item.record.kind === 'saving' || item.record.kind === 'recorded') return;
    const gate: Answered = item.gate;
    const token = this.store.currentItem();
    let decided: ReturnType<typeof decide>;
    let record: ReturnType<typeof buildLogRecord>;
    const user = this.services.host.user();
    try {
      decided = decide(gate, decisionContext(item, ready.settings));
      // A message someone already triaged gets an explicit second read, never a silent second
      // "first" decision; the log keeps both.
      const already = item.triage.kind === 'known' && item.triage.status.decisions.length > 0;
      record = buildLogRecord({
        message: item.message,
        evaluation: item.evaluation,
        strategies: [...item.strategies.values()],
        decided,
        reader: user.emailAddress,
        ...(user.displayName ? { readerName: user.displayName } : {}),
        readAt: this.now(),
        entry: already ? 'second-read' : 'decision',
        forwardedTo: mailPlan(decided.disposition, ready.settings, item.forward).forwardTo,
        // What the pane showed (App calls the same function with the same answers and settings).
        immediateRiskShown: immediateRiskShown(
          item.evaluation,
          gate.answers,
          ready.settings.immediateRiskInstruction,
        ),
      });
    } catch (err) {
      this.store.patchItem(token, {
        record: {
          kind: 'failed',
          message: `Your decision could not be recorded, so nothing was filed: ${describeError(err)}.`,
        },
      });
      return;
    }
    this.store.patchItem(token, { record: { kind: 'saving' } }, 'Saving your decision…');
    try {
      await this.services.outbox.enqueue(record);
    } catch (err) {
      this.store.patchItem(
        token,
        {
          record: {
            kind: 'failed',
            message: `Your decision could not be saved, so nothing was filed: ${describeError(err)}. Try again.`,
          },
        },
        'Your decision could not be saved.',
      );
      return;
    }
    this.item.remember(item);
    this.records.set(record.key, record);
    this.recordOf.set(item.message.restId, record.key);
    const recorded: Recorded = {
      kind: 'recorded',
      disposition: decided.disposition,
      mail: 'working',
      steps: { categories: false, move: false, forward: false },
      forwarded: false,
      reminderDrafted: false,
      reminderNotes: [],
    };
    this.store.patchItem(token, { record: recorded });
    await this.runMail(token, item, recorded, mailPlan(decided.disposition, ready.settings, item.forward));
  }

  /** Retries the mail actions that did not complete; the log row is not written again. */
  async retryMail(): Promise<void> {
    const item = this.store.shown();
    const ready = this.store.ready();
    if (!item || !ready || item.record.kind !== 'recorded' || item.record.mail !== 'failed') return;
    const plan = mailPlan(item.record.disposition, ready.settings, item.forward);
    await this.runMail(this.store.currentItem(), item, item.record, plan);
  }

  /**
   * Opens a reply with the reminder (lancs 3.11) for the first breached strategy that allows a
   * reply; the handler checks and sends it. Never sends, and never under read-not-respond.
   */
  draftReminder(): void {
    const item = this.store.shown();
    const ready = this.store.ready();
    if (!item || !ready || item.record.kind !== 'recorded') return;
    const record = item.record;
    const d = record.disposition;
    if (d.kind !== 'breach' || !d.reminderAvailable) return;
    const strategy = d.strategyIds
      .map((id) => item.strategies.get(id))
      .find((st): st is Strategy => !!st && st.responsePolicy !== 'read-not-respond');
    if (!strategy) return;
    const token = this.store.currentItem();
    let draft: ReturnType<typeof renderReminder>;
    try {
      // A bad template must reach the person who pressed the button, not vanish in a handler.
      draft = renderReminder({
        strategy,
        flags: item.evaluation.flags.filter((f) => f.strategyId === strategy.id && f.severity === 'breach'),
        template: ready.settings.reminderTemplate,
        receivedDateTime: item.message.receivedDateTime,
        handlerName: this.services.host.user().displayName,
      });
      this.services.host.displayReplyForm(draft.html);
    } catch (err) {
      this.store.patchItem(
        token,
        {
          record: { ...record, reminderNotes: [`The reminder could not be opened: ${describeError(err)}.`] },
        },
        'The reminder could not be opened.',
      );
      return;
    }
    const notes = [
      ...draft.notes,
      ...draft.unknownPlaceholders.map(
        (p) => `The template has a placeholder {{${p}}} that was left as written.`,
      ),
    ];
    this.store.patchItem(
      token,
      { record: { ...record, reminderDrafted: true, reminderNotes: notes } },
      'A reminder reply is open for you to check and send.',
    );
  }

  /** The row each recorded item was logged with, so a retry checks the same decision. */
  private readonly records = new Map<string, ContactLogRecord>();
  private readonly recordOf = new Map<string, string>();

  /** What others already did, in the words the pane shows. */
  private static skippedSentences(left: LeftToOthers): string[] {
    const name = (r: { reader: string; readerName?: string }) => r.readerName || r.reader;
    return [
      ...(left.forwardedBy
        ? [`Not forwarded again: ${name(left.forwardedBy)}'s decision already forwarded it.`]
        : []),
      ...(left.movedBy ? [`Not moved again: ${name(left.movedBy)}'s decision already filed it.`] : []),
    ];
  }

  /** The tag to carry with the forward or the move, when they can go in one round trip. */
  private async tagTogether(
    token: number,
    item: ShownItem,
    plan: MailPlan,
    steps: MailSteps,
    mail: MailActions,
  ): Promise<{ current: string[]; names: readonly string[] } | null> {
    const acts = (plan.forwardTo !== null && !steps.forward) || (plan.moveTo !== null && !steps.move);
    if (steps.categories || !plan.categories.length || !acts || !mail.tagAndAct) return null;
    if (item.message.mailboxOwner === undefined) return null; // own items are tagged by Office.js
    const current = await categoriesInFront({
      host: this.services.host,
      inFront: this.store.isCurrent(token),
    });
    return current ? { current, names: plan.categories } : null;
  }

  private async runMail(token: number, item: ShownItem, from: Recorded, plan: MailPlan): Promise<void> {
    const steps: MailSteps = { ...from.steps };
    const update = (patch: Partial<Recorded>, announcement?: string) => {
      const current = this.store.shownFor(token);
      if (!current || current.record.kind !== 'recorded') return;
      this.store.patchItem(
        token,
        { record: { ...current.record, ...patch, steps: { ...steps } } },
        announcement,
      );
    };
    update({ mail: 'working', mailError: undefined });
    const { host } = this.services;
    const mail = mailActionsFor(this.services, item.message);
    const restId = item.message.restId;
    const note = plan.forwardComment(host.user().displayName);
    // Said on screen only once the forward is done, and only when this decision made it.
    const sent = (forwarded: boolean) =>
      forwarded && plan.forwardTo ? { sent: { to: plan.forwardTo, note } } : {};
    let tagFailure: { error: unknown } | null = null;
    try {
      // A shared item still in front that is forwarded or moved: the tag (through Graph, with
      // the categories Outlook holds) goes in the same round trip as the forward or the move.
      const together = await this.tagTogether(token, item, plan, steps, mail);
      if (!together && !steps.categories && plan.categories.length) {
        // Never in the way of the forward or the move: a failed tag is reported and retried alone.
        const inFront = this.store.isCurrent(token) && !steps.move;
        const tagged = await tagMessage({
          host,
          mail,
          message: item.message,
          names: plan.categories,
          inFront,
        });
        if (tagged.kind === 'tagged') steps.categories = true;
        else tagFailure = tagged;
      }
      const key = this.recordOf.get(restId);
      const record = key ? this.records.get(key) : undefined;
      if (!record) throw new Error('this pane no longer holds the decision; open the message again');
      // No second forward and no second move: an earlier decision in the log may carry them.
      const left = await doMailDuty(
        { outbox: this.services.outbox, log: this.services.contactLog, mail },
        record,
        {
          restId,
          forwardTo: plan.forwardTo,
          forwardComment: note,
          moveTo: plan.moveTo,
          ...(together ? { tag: together } : {}),
        },
        steps,
      );
      if (left.tag?.ok) steps.categories = true;
      else if (left.tag) tagFailure = { error: left.tag.error };
      const skipped = Recording.skippedSentences(left);
      if (skipped.length) update({ skipped });
      const forwardedByOthers = left.forwardedBy !== undefined;
      if (tagFailure) {
        update(
          {
            mail: 'failed',
            forwarded: steps.forward && !forwardedByOthers,
            ...sent(steps.forward && !forwardedByOthers),
            mailError: tagFailedSentence(plan, steps, describeError(tagFailure.error)),
          },
          'Your decision is saved; tagging the message did not work.',
        );
        return;
      }
      update(
        {
          mail: 'done',
          forwarded: steps.forward && !forwardedByOthers,
          ...sent(steps.forward && !forwardedByOthers),
        },
        skipped.length ? `${plan.doneSentence} ${skipped.join(' ')}` : plan.doneSentence,
      );
    } catch (err) {
      update(
        {
          mail: 'failed',
          mailError: `Your decision is saved, but ${pendingStep(plan, steps)} did not work: ${describeError(err)}.`,
        },
        'Your decision is saved; a mail action did not work.',
      );
    }
  }
}

function decisionContext(item: ShownItem, settings: Settings) {
  // Only a mailbox inside the staff domains is forwarded to (the pane warns about the rest).
  const escalation = escalationTarget(settings.escalationMailbox, settings.staffDomains);
  return {
    flags: item.evaluation.flags,
    rbnrFolder: settings.rbnrFolder,
    ...(escalation.kind === 'allowed' ? { escalationMailbox: escalation.address } : {}),
  };
}
