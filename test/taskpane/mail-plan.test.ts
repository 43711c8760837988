import { mailPlan, pendingStep, tagFailedSentence } from '../../src/taskpane/state/mail-plan';
import { SETTINGS } from './fixtures';

describe('what a decision does to the mail', () => {
  test('escalate: tag for action, forward when configured and ticked, never move', () => {
    const d = {
      kind: 'escalate' as const,
      reasons: ['safeguardingOrRisk' as const],
      forwardTo: 'safeguarding@force.example.police.uk',
    };
    const plan = mailPlan(d, SETTINGS, true);
    expect(plan).toMatchObject({
      categories: [SETTINGS.categories.escalate],
      forwardTo: 'safeguarding@force.example.police.uk',
      moveTo: null,
    });
    expect(plan.forwardComment('Hana Handler')).toBe(
      'Escalated after the read by Hana Handler: safeguarding or risk. Sent from contact strategy triage.',
    );
    expect(mailPlan(d, SETTINGS, false).forwardTo).toBeNull();
  });

  test('auto-file moves to the folder the disposition names, with the RBNR tag', () => {
    const plan = mailPlan({ kind: 'auto-file', strategyId: 'CS-0042', folder: 'RBNR' }, SETTINGS, true);
    expect(plan).toMatchObject({
      categories: [SETTINGS.categories.rbnrFiled],
      moveTo: 'RBNR',
      forwardTo: null,
    });
    expect(plan.doneSentence).toMatch(/No reply is sent/);
  });

  test('the step that failed is named', () => {
    const plan = mailPlan({ kind: 'auto-file', strategyId: 'CS-0042', folder: 'RBNR' }, SETTINGS, true);
    // Tagging never holds up the move, so a failed move is named even when the tag failed too.
    expect(pendingStep(plan, { categories: false, forward: false, move: false })).toBe('moving it to "RBNR"');
    expect(pendingStep(plan, { categories: true, forward: false, move: false })).toBe('moving it to "RBNR"');
    expect(pendingStep(plan, { categories: false, forward: false, move: true })).toBe('tagging the message');
  });

  test('a failed tag says what was done and that only the tag is tried again', () => {
    const plan = mailPlan({ kind: 'auto-file', strategyId: 'CS-0042', folder: 'RBNR' }, SETTINGS, true);
    expect(tagFailedSentence(plan, { categories: false, forward: false, move: true }, 'no connection')).toBe(
      'Your decision is saved and the message filed to "RBNR", but tagging the message did not work: no connection. Trying again only tags it.',
    );
  });
});
