// Two handlers on one shared mailbox (two panes, one contact log, one mailbox): every decision
// is kept, the second pane says who already triaged the message and who is reading it, a
// second decision is an explicit second read, and the forward goes out once.
import type { ReadQuestion } from '../../src/core/types';
import type { ShownItem } from '../../src/taskpane/state/types';
import {
  FakeContactLog,
  FakeMail,
  FakeSettings,
  SETTINGS,
  message,
  rig,
  settle,
  strategy,
  type Rig,
} from './fakes';

const SAM = { displayName: 'Sam Supervisor', emailAddress: 'sam.supervisor@force.example.police.uk' };
const clean = () => strategy({ spoc: undefined });

function shown(r: Rig): ShownItem {
  const s = r.controller.getState();
  if (s.phase !== 'ready' || s.item.kind !== 'shown') throw new Error('no item shown');
  return s.item;
}

function answerAll(r: Rig, yes: ReadQuestion[] = []): void {
  for (const q of [
    'newComplaintOrAllegation',
    'criminalMatter',
    'safeguardingOrRisk',
    'otherAction',
  ] as const)
    r.controller.answer(q, yes.includes(q));
}

async function twoPanes() {
  const log = new FakeContactLog();
  const mail = new FakeMail();
  const msg = message({ mailboxOwner: undefined });
  const hana = rig({ strategies: [clean()], first: msg, contactLog: log, mail });
  const sam = rig({ strategies: [clean()], first: msg, contactLog: log, mail, user: SAM });
  return { log, mail, hana, sam };
}

const forwards = (mail: FakeMail) => mail.calls.filter((c) => c[0] === 'forward');

test('the second pane says "already triaged", logs a second read, and does not forward again', async () => {
  const { log, mail, hana, sam } = await twoPanes();
  await hana.controller.start();
  await settle();
  answerAll(hana, ['safeguardingOrRisk']);
  await hana.controller.record();
  await settle();

  await sam.controller.start();
  await settle();
  const triage = shown(sam).triage;
  expect(triage.kind).toBe('known');
  expect(triage.kind === 'known' && triage.sentences[0]).toMatch(
    /^Already triaged by Hana Handler at \d\d:\d\d: escalated\.$/,
  );
  answerAll(sam, ['safeguardingOrRisk']);
  await sam.controller.record();
  await settle();

  expect(log.rows.map((r) => [r.reader, r.entry])).toEqual([
    ['hana.handler@force.example.police.uk', 'decision'],
    ['sam.supervisor@force.example.police.uk', 'second-read'],
  ]);
  expect(new Set(log.rows.map((r) => r.messageKey)).size).toBe(1);
  expect(forwards(mail)).toHaveLength(1);
  const record = shown(sam).record;
  expect(record).toMatchObject({ kind: 'recorded', mail: 'done', forwarded: false });
  expect(record.kind === 'recorded' && record.skipped).toEqual([
    "Not forwarded again: Hana Handler's decision already forwarded it.",
  ]);
});

test('two panes deciding at once: both decisions kept, one forward', async () => {
  const { log, mail, hana, sam } = await twoPanes();
  await Promise.all([hana.controller.start(), sam.controller.start()]);
  await settle();
  answerAll(hana, ['criminalMatter']);
  answerAll(sam, ['safeguardingOrRisk']);
  await Promise.all([hana.controller.record(), sam.controller.record()]);
  await settle();
  expect(log.rows).toHaveLength(2);
  expect(log.rows.every((r) => r.entry === 'decision')).toBe(true);
  expect(forwards(mail)).toHaveLength(1);
});

test('the first answer claims the read: a colleague opening it sees "being read by"', async () => {
  const { log, hana, sam } = await twoPanes();
  await sam.controller.start();
  await settle();
  sam.controller.answer('criminalMatter', false);
  sam.controller.answer('otherAction', false);
  await settle();
  expect(log.claims).toHaveLength(1);
  await hana.controller.start();
  await settle();
  const triage = shown(hana).triage;
  expect(triage.kind === 'known' && triage.sentences).toEqual([
    expect.stringMatching(/^Being read by Sam Supervisor since \d\d:\d\d\.$/),
  ]);
});

test('while the log has not confirmed the decision, the forward waits and says why', async () => {
  const r = rig({ strategies: [clean()] });
  // An outbox that cannot deliver: the row stays held.
  r.outbox.stuck = true;
  await r.controller.start();
  await settle();
  answerAll(r, ['safeguardingOrRisk']);
  await r.controller.record();
  expect(forwards(r.mail)).toHaveLength(0);
  const record = shown(r).record;
  expect(record).toMatchObject({ kind: 'recorded', mail: 'failed' });
  expect(record.kind === 'recorded' && record.mailError).toMatch(/has not confirmed your decision yet/);
});

test('a template placeholder like {{constructor}} opens the reminder and tells the handler', async () => {
  const settings = new FakeSettings({
    ...SETTINGS,
    reminderTemplate: 'Dear {{personName}},\n\n{{constructor}}',
  });
  const r = rig({ strategies: [strategy({ spoc: undefined, permittedChannels: ['post'] })], settings });
  await r.controller.start();
  await settle();
  answerAll(r);
  await r.controller.record();
  r.controller.draftReminder();
  expect(r.host.replies).toHaveLength(1);
  expect(shown(r).record).toMatchObject({
    reminderDrafted: true,
    reminderNotes: ['The template has a placeholder {{constructor}} that was left as written.'],
  });
});

test('an escalation mailbox outside the staff domains is never forwarded to, and the pane says so', async () => {
  const settings = new FakeSettings({ ...SETTINGS, escalationMailbox: 'safeguarding@example.com' });
  const r = rig({ strategies: [strategy({ spoc: undefined })], settings });
  await r.controller.start();
  await settle();
  const s = r.controller.getState();
  expect(s.phase === 'ready' && s.warnings.join(' ')).toMatch(
    /Escalations will not be forwarded: safeguarding@example.com is outside the staff domains/,
  );
  answerAll(r, ['safeguardingOrRisk']);
  await r.controller.record();
  expect(forwards(r.mail)).toHaveLength(0);
  expect(shown(r).record).toMatchObject({ kind: 'recorded', disposition: { kind: 'escalate' } });
});
