import { FINGERPRINT_VERSION, PUBLIC_KEY, fingerprintKey } from '../../src/core/repeat';
import { configFrom } from '../../src/taskpane/state/controller';
import type { ReadyState, ShownItem } from '../../src/taskpane/state/types';
import type { ReadQuestion } from '../../src/core/types';
import { FakeSettings, NOW, SETTINGS, deferred, message, rig, settle, strategy, type Rig } from './fakes';

function ready(r: Rig): ReadyState {
  const s = r.controller.getState();
  if (s.phase !== 'ready') throw new Error(`pane is ${s.phase}`);
  return s;
}

function shown(r: Rig): ShownItem {
  const item = ready(r).item;
  if (item.kind !== 'shown') throw new Error(`item is ${item.kind}`);
  return item;
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

/** A strategy whose rules this message keeps: no breach, so the disposition follows the policy. */
const clean = (o: Parameters<typeof strategy>[0] = {}) => strategy({ spoc: undefined, ...o });

const ANN = message({
  internetMessageId: '<ann@example.org>',
  from: { name: 'Ann Other', address: 'ann.other@example.org' },
  body: 'A question about opening hours.',
});

describe('taskpane controller: loading and item switch', () => {
  test('settings and strategies load once; switching items re-evaluates without another sync', async () => {
    const r = rig({ strategies: [clean()] });
    await r.controller.start();
    expect(shown(r).evaluation.matches).toEqual([{ strategyId: 'CS-0042', via: 'sender' }]);
    r.host.select(ANN);
    await settle();
    expect(shown(r).evaluation.matches).toEqual([]);
    r.host.select(message());
    await settle();
    expect(shown(r).evaluation.matches).toHaveLength(1);
    expect(r.strategies.syncs).toBe(0); // the cached snapshot was used; no refresh on the switch path
  });

  test('history is fetched once per person and is warm when the person writes again', async () => {
    const r = rig({ strategies: [clean({ contactLimit: { max: 1, periodDays: 7 } })] });
    await r.controller.start();
    await settle();
    expect(shown(r).history.kind).toBe('done');
    r.host.select(ANN);
    await settle();
    r.host.select(message({ internetMessageId: '<m2@example.com>' }));
    // Warm: the verdict is complete at once, nothing is "checking".
    await settle(1);
    expect(shown(r).history.kind).toBe('done');
    expect(r.contactLog.historyCalls).toHaveLength(1);
    expect(r.contactLog.historyCalls[0]!.addresses).toEqual(['paul.example@example.com']);
  });

  test('a sender with no strategy needs no history request', async () => {
    const r = rig({ first: ANN });
    await r.controller.start();
    expect(shown(r).history).toEqual({ kind: 'not-needed' });
    expect(r.contactLog.historyCalls).toHaveLength(0);
  });

  test('the verdict shows at once and the contact-limit check fills in when history arrives', async () => {
    const r = rig({ strategies: [clean({ contactLimit: { max: 1, periodDays: 7 } })] });
    const slow = deferred<void>();
    r.contactLog.gate = slow.promise;
    r.contactLog.entries = [
      {
        internetMessageId: '<e1@example.com>',
        receivedDateTime: '2025-03-02T09:00:00Z',
        from: { address: 'paul.example@example.com' },
      },
    ];
    await r.controller.start();
    expect(shown(r).history.kind).toBe('checking');
    expect(shown(r).evaluation.flags.map((f) => f.code)).not.toContain('CONTACT_LIMIT_EXCEEDED');
    expect(r.controller.pendingDisposition()).toBeNull(); // cannot record before the check is done
    slow.resolve();
    await settle();
    expect(shown(r).history.kind).toBe('done');
    expect(shown(r).evaluation.flags.map((f) => f.code)).toContain('CONTACT_LIMIT_EXCEEDED');
  });

  test('a slow answer for the previous item never renders on the current one', async () => {
    const r = rig({ strategies: [clean()] });
    await r.controller.start();
    const slowMessage = deferred<void>();
    const paul2 = message({ internetMessageId: '<m2@example.com>', subject: 'slow one' });
    r.host.gates.set(paul2.internetMessageId, slowMessage.promise);
    r.host.select(paul2);
    r.host.select(ANN);
    await settle();
    expect(shown(r).message.internetMessageId).toBe(ANN.internetMessageId);
    slowMessage.resolve();
    await settle();
    expect(shown(r).message.internetMessageId).toBe(ANN.internetMessageId);
  });

  test('slow history for the previous item does not land on the current one', async () => {
    const r = rig({ strategies: [clean()], first: ANN });
    await r.controller.start();
    const slow = deferred<void>();
    r.contactLog.gate = slow.promise;
    r.host.select(message());
    await settle();
    expect(shown(r).history.kind).toBe('checking');
    r.host.select(ANN);
    await settle();
    slow.resolve();
    await settle();
    const item = shown(r);
    expect(item.message.internetMessageId).toBe(ANN.internetMessageId);
    expect(item.history).toEqual({ kind: 'not-needed' });
  });

  test('a message that cannot be checked shows an error in place of the verdict, not an endless spinner', async () => {
    const r = rig({ options: { now: () => new Date(Number.NaN) } }); // core refuses an invalid clock
    await r.controller.start();
    expect(ready(r).item).toMatchObject({ kind: 'error' });
    expect((ready(r).item as { message: string }).message).toMatch(/could not check this message/);
  });

  test('nothing selected gives the empty state', async () => {
    const r = rig({ first: null });
    await r.controller.start();
    expect(ready(r).item).toEqual({ kind: 'none' });
  });
});

describe('taskpane controller: recording', () => {
  test('read-not-respond: after four "no" answers the row is queued, then the message is tagged and moved', async () => {
    const r = rig({ strategies: [clean({ responsePolicy: 'read-not-respond' })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    expect(r.controller.pendingDisposition()).toMatchObject({ kind: 'auto-file', folder: 'RBNR' });
    await r.controller.record();
    expect(r.outbox.records).toHaveLength(1);
    expect(r.outbox.records[0]).toMatchObject({
      disposition: 'auto-file',
      folder: 'RBNR',
      strategyIds: ['CS-0042'],
    });
    expect(r.host.categories).toEqual([[SETTINGS.categories.rbnrFiled]]);
    expect(r.mail.calls.filter((c) => c[0] === 'move')).toEqual([['move', 'rest-<m1@example.com>', 'RBNR']]);
    expect(shown(r).record).toMatchObject({ kind: 'recorded', mail: 'done' });
  });

  test('nothing is filed when the log row cannot be stored', async () => {
    const r = rig({ strategies: [clean({ responsePolicy: 'read-not-respond' })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    r.outbox.fail = new Error('QuotaExceededError');
    await r.controller.record();
    expect(r.host.categories).toEqual([]);
    expect(r.mail.calls.some((c) => c[0] === 'move')).toBe(false);
    expect(shown(r).record).toMatchObject({ kind: 'failed' });
    expect((shown(r).record as { message: string }).message).toMatch(/nothing was filed/);
  });

  test('any "yes" escalates (even under read-not-respond) and forwards unless unticked', async () => {
    const r = rig({ strategies: [clean({ responsePolicy: 'read-not-respond' })] });
    await r.controller.start();
    await settle();
    answerAll(r, ['safeguardingOrRisk']);
    expect(r.controller.pendingDisposition()).toMatchObject({
      kind: 'escalate',
      reasons: ['safeguardingOrRisk'],
    });
    await r.controller.record();
    expect(r.host.categories).toEqual([[SETTINGS.categories.escalate]]);
    const forwards = r.mail.calls.filter((c) => c[0] === 'forward');
    expect(forwards).toHaveLength(1);
    expect(forwards[0]![2]).toBe('safeguarding@force.example.police.uk');
    expect(r.mail.calls.some((c) => c[0] === 'move')).toBe(false);

    const r2 = rig({ strategies: [clean()] });
    await r2.controller.start();
    await settle();
    answerAll(r2, ['criminalMatter']);
    r2.controller.setForward(false);
    await r2.controller.record();
    expect(r2.mail.calls.some((c) => c[0] === 'forward')).toBe(false);
    expect(r2.host.categories).toEqual([[SETTINGS.categories.escalate]]);
  });

  test('a breach is tagged and a reminder is drafted as a reply form, never sent', async () => {
    const r = rig({ strategies: [clean({ permittedChannels: ['post'] })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    expect(r.controller.pendingDisposition()).toMatchObject({ kind: 'breach', reminderAvailable: true });
    await r.controller.record();
    expect(r.host.categories).toEqual([[SETTINGS.categories.breach]]);
    r.controller.draftReminder();
    expect(r.host.replies).toHaveLength(1);
    expect(r.host.replies[0]).toContain('Paul Example');
    expect(r.mail.calls.some((c) => c[0] === 'forward')).toBe(false);
  });

  test('a reminder Outlook refuses to open is reported, not lost', async () => {
    const r = rig({ strategies: [clean({ permittedChannels: ['post'] })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    await r.controller.record();
    r.host.displayReplyForm = () => {
      throw new Error('displayReplyForm: the body is over 32 KB');
    };
    r.controller.draftReminder();
    expect(shown(r).record).toMatchObject({
      reminderDrafted: false,
      reminderNotes: ['The reminder could not be opened: displayReplyForm: the body is over 32 KB.'],
    });
  });

  test('handled normally: tagged "read", left where it is', async () => {
    const r = rig({ strategies: [clean()] });
    await r.controller.start();
    await settle();
    answerAll(r);
    await r.controller.record();
    expect(r.outbox.records.map((x) => x.disposition)).toEqual(['handled-normally']);
    expect(r.host.categories).toEqual([[SETTINGS.categories.read]]);
  });

  test('a failed move is retried alone; the log row is not written twice', async () => {
    const r = rig({ strategies: [clean({ responsePolicy: 'read-not-respond' })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    r.mail.failMove = Object.assign(new Error('boom'), { status: 503 });
    await r.controller.record();
    expect(shown(r).record).toMatchObject({ kind: 'recorded', mail: 'failed' });
    expect((shown(r).record as { mailError: string }).mailError).toMatch(
      /decision is saved.*moving it to "RBNR".*busy/,
    );
    r.mail.failMove = null;
    await r.controller.retryMail();
    expect(shown(r).record).toMatchObject({ kind: 'recorded', mail: 'done' });
    expect(r.outbox.records).toHaveLength(1);
    expect(r.host.categories).toHaveLength(1); // tagging was done the first time, not repeated
  });

  test("a decision recorded here counts towards the person's next message at once", async () => {
    const r = rig({ strategies: [clean({ contactLimit: { max: 1, periodDays: 7 } })] });
    await r.controller.start();
    await settle();
    answerAll(r);
    await r.controller.record();
    r.host.select(
      message({ internetMessageId: '<m2@example.com>', receivedDateTime: '2025-03-04T10:20:00Z' }),
    );
    await settle();
    expect(shown(r).evaluation.flags.map((f) => f.code)).toContain('CONTACT_LIMIT_EXCEEDED');
    expect(r.contactLog.historyCalls).toHaveLength(1);
  });

  test('the file button stays disabled until all four questions are answered', async () => {
    const r = rig({ strategies: [clean()] });
    await r.controller.start();
    await settle();
    r.controller.answer('newComplaintOrAllegation', false);
    r.controller.answer('criminalMatter', false);
    r.controller.answer('safeguardingOrRisk', false);
    expect(r.controller.pendingDisposition()).toBeNull();
    await r.controller.record();
    expect(r.outbox.records).toHaveLength(0);
    r.controller.answer('otherAction', false);
    expect(r.controller.pendingDisposition()).toEqual({ kind: 'handled-normally' });
  });
});

describe('taskpane controller: failures', () => {
  test('no strategies and no cache: the pane says so and recovers on retry', async () => {
    const r = rig({ cached: false });
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    await r.controller.start();
    const s = r.controller.getState();
    expect(s).toMatchObject({ phase: 'unavailable' });
    expect((s as { message: string }).message).toMatch(/Can't reach SharePoint.*no connection/);
    r.strategies.failSync = null;
    await r.controller.refresh();
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('a retry while one is already running (the timer and the button) loads and subscribes once', async () => {
    const r = rig({ cached: false });
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    await r.controller.start();
    r.strategies.failSync = null;
    const syncsBefore = r.strategies.syncs;
    await Promise.all([r.controller.refresh(), r.controller.refresh()]);
    expect(r.strategies.syncs - syncsBefore).toBe(1);
    const reads = jest.spyOn(r.host, 'currentMessage');
    r.host.select(ANN);
    await settle();
    expect(reads).toHaveBeenCalledTimes(1); // one ItemChanged subscription, so one load per switch
    expect(shown(r).message.internetMessageId).toBe(ANN.internetMessageId);
  });

  test('while strategies are missing: decisions waiting to be sent are shown, and it retries soon, not in 5 minutes', async () => {
    const ticks: Array<{ fn: () => void; ms: number }> = [];
    const r = rig({
      cached: false,
      options: { setInterval: (fn, ms) => ticks.push({ fn, ms }), clearInterval: () => undefined },
    });
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    r.outbox.report({ pending: 1, lastError: 'no connection' });
    await r.controller.start();
    expect(r.controller.getState()).toMatchObject({ phase: 'unavailable', outbox: { pending: 1 } });
    r.outbox.report({ pending: 2 });
    expect(r.controller.getState()).toMatchObject({ phase: 'unavailable', outbox: { pending: 2 } });

    const quick = ticks.filter((t) => t.ms < 60_000);
    expect(quick).toHaveLength(1);
    r.strategies.failSync = null;
    quick[0]!.fn();
    await settle();
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('one timer: a working pane refreshes in the background only once the refresh period has passed', async () => {
    const ticks: Array<() => void> = [];
    let now = NOW.getTime();
    const r = rig({
      options: {
        now: () => new Date(now),
        refreshMinutes: 5,
        setInterval: (fn) => ticks.push(fn),
        clearInterval: () => undefined,
      },
    });
    await r.controller.start();
    expect(ticks).toHaveLength(1);
    now += 60_000;
    ticks[0]!();
    await settle();
    expect(r.strategies.syncs).toBe(0); // a minute in: the cached snapshot is still fresh
    now += 5 * 60_000;
    ticks[0]!();
    await settle();
    expect(r.strategies.syncs).toBe(1);
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('coming back online retries at once when strategies are missing', async () => {
    const win = new EventTarget();
    const r = rig({ cached: false, options: { events: { window: win } } });
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    await r.controller.start();
    expect(r.controller.getState()).toMatchObject({ phase: 'unavailable' });
    r.strategies.failSync = null;
    win.dispatchEvent(new Event('online'));
    await settle();
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('a failed refresh keeps the older strategies and says when they are from', async () => {
    const r = rig();
    await r.controller.start();
    r.strategies.failSync = Object.assign(new Error('x'), { status: 503 });
    await r.controller.refresh();
    expect(ready(r).sync).toMatchObject({
      syncedAt: '2025-03-04T10:02:00Z',
      error: 'SharePoint or Exchange is busy',
    });
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('settings that cannot load: defaults are used and the pane warns', async () => {
    const r = rig({ settings: new FakeSettings(SETTINGS, new Error('list missing')) });
    await r.controller.start();
    expect(ready(r).warnings.join(' ')).toMatch(/Settings could not be loaded \(list missing\)/);
    expect(ready(r).supervisor.allowed).toBe(false);
  });

  test('a settings row that cannot be used keeps its default and the pane says which', async () => {
    const settings = new FakeSettings();
    settings.rejected = [
      {
        itemId: '7',
        message: 'Setting "escalationMailbox" (list item 7): expected text; the default is used',
      },
    ];
    const r = rig({ settings });
    await r.controller.start();
    expect(ready(r).warnings.join(' ')).toMatch(
      /settings could not be used.*"escalationMailbox" \(list item 7\): expected text/,
    );
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test("the organisation's term lists: an unusable term is named in the settings warnings", async () => {
    const r = rig({
      settings: new FakeSettings({
        ...SETTINGS,
        terms: { SELF_HARM: ['end it all', ''], THREAT: ['@replace'] },
      }),
    });
    await r.controller.start();
    const warnings = ready(r).warnings.join(' ');
    expect(warnings).toMatch(/Terms for SELF_HARM: "" .*not looked for; the other terms still are/);
    expect(warnings).toMatch(/Terms for THREAT say "@replace" but hold no usable term/);
    expect(shown(r).evaluation.matches).toHaveLength(1);
  });

  test('the repeatKey setting keys the fingerprint the pane logs; without it, the public key', async () => {
    const secret = 'organisation secret 3b8e0c6a1f4d7e9b2c5a8f1d4e7b0c3a';
    const keyed = rig({ settings: new FakeSettings({ ...SETTINGS, repeatKey: secret }) });
    await keyed.controller.start();
    expect(shown(keyed).evaluation.fingerprint.v).toBe(
      `${FINGERPRINT_VERSION}-k${fingerprintKey(secret).id}`,
    );
    const plain = rig();
    await plain.controller.start();
    expect(shown(plain).evaluation.fingerprint.v).toBe(`${FINGERPRINT_VERSION}-k${PUBLIC_KEY.id}`);
  });

  test('earlier contacts that cannot be read are reported and do not block recording', async () => {
    const r = rig({ strategies: [clean()] });
    r.contactLog.failHistory = Object.assign(new Error('x'), { status: 429 });
    await r.controller.start();
    await settle();
    expect(shown(r).history).toEqual({ kind: 'failed', message: 'SharePoint or Exchange is busy' });
    answerAll(r);
    expect(r.controller.pendingDisposition()).toEqual({ kind: 'handled-normally' });
  });
});

describe('taskpane controller: supervisors', () => {
  const SUE = { displayName: 'Sue Supervisor', emailAddress: 'Sue.Supervisor@force.example.police.uk' };

  test('the settings list decides who sees supervisor tools (case-insensitive)', async () => {
    const r = rig({ user: SUE });
    await r.controller.start();
    expect(ready(r).supervisor.allowed).toBe(true);
    const h = rig();
    await h.controller.start();
    expect(ready(h).supervisor.allowed).toBe(false);
  });

  test('a 403 from SharePoint hides supervisor tools and says why', async () => {
    const r = rig({ user: SUE });
    await r.controller.start();
    r.strategies.nextSave = { kind: 'forbidden', message: 'accessDenied' };
    const result = await r.controller.supervisor.saveStrategy(strategy({ status: 'ended' }));
    expect(result.kind).toBe('forbidden');
    expect(ready(r).supervisor).toMatchObject({ allowed: false });
    expect(ready(r).supervisor.reason).toMatch(/did not let you change strategies/);
  });

  test('a saved change is picked up at once: adding an address turns an evasion into a match', async () => {
    const r = rig({
      user: SUE,
      first: message({ from: { name: 'Paul Example', address: 'paul.example@example.org' } }),
    });
    await r.controller.start();
    expect(shown(r).evaluation.matches).toEqual([]);
    expect(shown(r).evaluation.evasions.map((e) => e.strategyId)).toContain('CS-0042');
    const s = r.controller.supervisor.strategyById('CS-0042')!;
    await r.controller.supervisor.saveStrategy({
      ...s,
      emailAddresses: [...s.emailAddresses, 'paul.example@example.org'],
    });
    expect(shown(r).evaluation.matches).toEqual([{ strategyId: 'CS-0042', via: 'sender' }]);
  });

  test('a conflict is returned with the current version and nothing is overwritten', async () => {
    const r = rig({ user: SUE });
    await r.controller.start();
    const theirs = strategy({ personName: 'Paul Example (edited)', eTag: '"7"' });
    r.strategies.nextSave = { kind: 'conflict', current: theirs };
    const result = await r.controller.supervisor.saveStrategy(strategy({ status: 'ended' }));
    expect(result).toEqual({ kind: 'conflict', current: theirs });
    expect(r.controller.supervisor.strategyById('CS-0042')!.status).toBe('active');
  });

  test('tags go on the open message', async () => {
    const r = rig({ user: SUE });
    await r.controller.start();
    await r.controller.supervisor.tag('breachConfirmed');
    expect(r.host.categories).toEqual([[SETTINGS.categories.breachConfirmed]]);
  });
});

describe('configFrom', () => {
  test('no organisation terms means the shipped lists (the shared, pre-warmed scanner)', () => {
    expect(configFrom({ ...SETTINGS, terms: {} }).terms).toBeUndefined();
    const terms = { THREAT: ['sort you out'] };
    expect(configFrom({ ...SETTINGS, terms }).terms).toBe(terms);
  });

  test("one Config per settings value, so core's caches keyed on it stay warm across evaluations", () => {
    const settings = { ...SETTINGS };
    expect(configFrom(settings)).toBe(configFrom(settings));
    expect(configFrom({ ...SETTINGS })).not.toBe(configFrom(settings));
  });
});
