/** @jest-environment jsdom */
import './jsdom-setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { App } from '../../src/taskpane/components/App';
import { FakeSettings, SETTINGS, deferred, message, rig, settle, strategy, type Rig } from './fakes';

const SUE = { displayName: 'Sue Supervisor', emailAddress: 'sue.supervisor@force.example.police.uk' };

async function show(r: Rig) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App controller={r.controller} />
    </FluentProvider>,
  );
  await act(async () => {
    await r.controller.start();
    await settle();
  });
  return view;
}

function answer(question: RegExp, value: 'Yes' | 'No') {
  const group = screen.getByRole('radiogroup', { name: question });
  fireEvent.click(within(group).getByRole('radio', { name: value }));
}

const QUESTIONS = [
  /new complaint or allegation/i,
  /criminal matter/i,
  /safeguarding concern/i,
  /anything else/i,
];

function answerAllNo() {
  for (const q of QUESTIONS) answer(q, 'No');
}

async function click(name: RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
    await settle();
  });
}

describe('taskpane view: the verdict', () => {
  test('no strategy: says so, and still asks for the read', async () => {
    await show(rig({ first: message({ from: { address: 'ann.other@example.org' } }) }));
    expect(screen.getByText('No contact strategy')).toBeTruthy();
    expect(screen.getByText(/Still read it for new complaints/)).toBeTruthy();
    expect(screen.getAllByRole('radiogroup')).toHaveLength(4);
  });

  test('matched: names the person and strategy; several strategies are all shown', async () => {
    const second = strategy({ id: 'CS-0077', matterRefs: ['CO/09999/24'], eTag: '"1"' });
    await show(rig({ strategies: [strategy(), second] }));
    // One kind of strategy, named once; both strategies named under it.
    expect(screen.getByText('Single point of contact: Sam Handler — no breach')).toBeTruthy();
    expect(screen.getByText('Paul Example (CS-0042); Paul Example (CS-0077).')).toBeTruthy();
  });

  test('via advocate: says who wrote and that it is not a breach in itself', async () => {
    const st = strategy({
      advocate: { name: 'Ann Advocate', addresses: ['ann@advocacy.example.org'], required: true },
    });
    await show(
      rig({
        strategies: [st],
        first: message({ from: { name: 'Ann Advocate', address: 'ann@advocacy.example.org' } }),
      }),
    );
    expect(screen.getByText('Through Ann Advocate — no breach')).toBeTruthy();
    expect(screen.getByText(/Written by Ann Advocate, the person’s advocate/)).toBeTruthy();
  });

  test('possible evasion: says what it resembles; a supervisor can add the address', async () => {
    const r = rig({
      user: SUE,
      first: message({ from: { name: 'Paul Example', address: 'paul.example@example.org' } }),
    });
    await show(r);
    expect(screen.getByText('Possible evasion')).toBeTruthy();
    await click(/Add this address to CS-0042/);
    await click(/^Add the address$/);
    expect(r.strategies.saved[0]).toMatchObject({
      emailAddresses: ['paul.example@example.com', 'paul.example@example.org'],
    });
    expect(screen.getByText('Single point of contact: Sam Handler — no breach')).toBeTruthy();
  });

  test('a look-alike address has its unusual characters named', async () => {
    await show(rig({ first: message({ from: { name: 'Paul', address: 'p\u0430ul.example@example.com' } }) }));
    expect(screen.getByText('Possible evasion')).toBeTruthy();
    expect(
      screen.getByText(/Look-alike characters in the sender's address: \u0430 \(U\+0430\)/),
    ).toBeTruthy();
    expect(screen.getByText(/No strategy lists this address; it looks like Paul Example/)).toBeTruthy();
  });

  test('handlers do not get the add-address action', async () => {
    await show(
      rig({ first: message({ from: { name: 'Paul Example', address: 'paul.example@example.org' } }) }),
    );
    expect(screen.getByText('Possible evasion')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add this address/ })).toBeNull();
  });
});

describe('taskpane view: what the handler reads', () => {
  test('reasonable adjustments come before the checks', async () => {
    const st = strategy({
      reasonableAdjustments: [{ description: 'Large print (18pt) replies', reviewDate: '2025-07-06' }],
    });
    await show(rig({ strategies: [st] }));
    const adjustments = screen.getByRole('heading', { name: 'Reasonable adjustments' });
    const checks = screen.getByRole('heading', { name: 'Checks' });
    expect(adjustments.compareDocumentPosition(checks) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText(/Large print \(18pt\) replies/)).toBeTruthy();
  });

  test('flags are grouped by severity, each with its sentence', async () => {
    // Post only (breach) and an overdue review (warning).
    const st = strategy({ permittedChannels: ['post'], nextReviewDate: '2025-01-01' });
    await show(rig({ strategies: [st] }));
    const breaches = screen.getByRole('heading', { name: /^Breaches/ }).parentElement!;
    const warnings = screen.getByRole('heading', { name: /^Warnings/ }).parentElement!;
    expect(breaches.querySelector('[data-flag="CHANNEL_NOT_PERMITTED"]')).toBeTruthy();
    expect(warnings.querySelector('[data-flag="REVIEW_OVERDUE"]')).toBeTruthy();
    expect(breaches.querySelector('[data-flag="REVIEW_OVERDUE"]')).toBeNull();
  });

  test('the strategy essentials are shown', async () => {
    await show(rig({ strategies: [strategy({ responsePolicy: 'read-not-respond' })] }));
    expect(screen.getByText('Email, Post')).toBeTruthy();
    // The address is its own element (it may wrap at its @ and dots), so the row is read whole.
    const spoc = screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(spoc).toContain('Sam Handler (sam.handler@force.example.police.uk) since 6 Jan 2025');
    expect(screen.getByText('Read but do not respond')).toBeTruthy();
    expect(screen.getByText('6 Apr 2025')).toBeTruthy();
  });

  test('hostile HTML in a body is shown as literal text; no element is created from it', async () => {
    const body = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>I want to make a complaint</b>';
    await show(rig({ first: message({ body }) }));
    const text = screen.getByTestId('message-text');
    expect(text.querySelector('img, script, b')).toBeNull();
    expect(text.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(text.textContent).toContain('<script>alert(2)</script>');
  });

  test('indicator phrases are marked in place with their category, and point at the questions', async () => {
    const body = 'I see no point going on. I want to make a complaint about PC Example.';
    await show(rig({ first: message({ body }) }));
    const marks = [...screen.getByTestId('message-text').querySelectorAll('mark')];
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      const [start] = (m.getAttribute('data-codes') ?? '').split(' ');
      expect(start).toMatch(/^[A-Z_]+$/);
    }
    expect(screen.getByText(/Indicators found: .*Self-harm ×1/)).toBeTruthy();
  });

  test("a risk phrase shows the force's own immediate-risk instruction from the settings", async () => {
    const words = 'If there is an immediate risk to life, call the control room on 01632 960000.';
    const settings = new FakeSettings({ ...SETTINGS, immediateRiskInstruction: words });
    const r = rig({ settings, first: message({ body: 'I see no point going on.' }) });
    await show(r);
    expect(screen.getByTestId('immediate-risk').textContent).toContain(words);
    answerAllNo();
    await click(/Record as read/);
    // The log row says what the handler was shown before recording, word for word.
    expect(r.outbox.records.map((x) => x.immediateRiskShown)).toEqual([words]);
  });

  test('without the setting, the general instruction is shown and logged; with no risk, none is', async () => {
    const risky = rig({ first: message({ body: 'I see no point going on.' }) });
    const view = await show(risky);
    const shown = screen.getByTestId('immediate-risk').textContent ?? '';
    expect(shown).toMatch(/immediate risk to life, call the force control room now \(999/);
    answerAllNo();
    await click(/Record as read/);
    const logged = risky.outbox.records[0]?.immediateRiskShown ?? '';
    expect(logged.length).toBeGreaterThan(0);
    expect(shown).toContain(logged);
    view.unmount();

    const plain = rig({ first: message({ body: 'Thank you for your letter of Tuesday.' }) });
    await show(plain);
    expect(screen.queryByTestId('immediate-risk')).toBeNull();
    answerAllNo();
    await click(/Record as read/);
    expect(plain.outbox.records).toHaveLength(1);
    expect(plain.outbox.records[0]).not.toHaveProperty('immediateRiskShown');
  });

  test('a risk phrase puts the instruction under the risk headline, once; a "yes" alone puts it before Record', async () => {
    const words = 'If someone may be at immediate risk, phone the duty inspector on 01632 960123 now.';
    const settings = new FakeSettings({ ...SETTINGS, immediateRiskInstruction: words });
    const risky = await show(rig({ settings, first: message({ body: 'I see no point going on.' }) }));
    // Shown once, as the risk headline's second line: the first thing in the pane, before the
    // sender's standing and long before the questions.
    const shown = screen.getAllByTestId('immediate-risk');
    expect(shown).toHaveLength(1);
    const risk = document.querySelector('[data-headline="risk"]');
    expect(risk?.contains(shown[0] ?? null)).toBe(true);
    expect(shown[0]?.textContent).toBe(words);
    answer(/safeguarding concern/i, 'Yes');
    expect(screen.getAllByTestId('immediate-risk')).toHaveLength(1);
    risky.unmount();

    await show(rig({ settings, first: message({ body: 'When is the meeting?' }) }));
    expect(screen.queryByTestId('immediate-risk')).toBeNull();
    expect(document.querySelector('[data-headline="risk"]')).toBeNull();
    answer(/safeguarding concern/i, 'Yes');
    const alert = screen.getByTestId('immediate-risk');
    expect(alert.textContent).toContain(words);
    expect(alert.getAttribute('role')).toBe('alert');
    // Before Record: after the questions in the pane's order.
    const record = screen.getByRole('button', { name: /Record/ });
    expect(alert.compareDocumentPosition(record) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('no indicator hits is never presented as safe', async () => {
    await show(rig({ first: message({ body: 'Thank you for your letter of Tuesday.' }) }));
    expect(screen.getByText(/That does not make it safe: read all of it/)).toBeTruthy();
    expect(screen.queryByText(/^safe$/i)).toBeNull();
  });
});

describe('taskpane view: the read and the record', () => {
  test('the record button is disabled until all four questions are answered', async () => {
    await show(rig({ strategies: [strategy({ spoc: undefined })] }));
    const button = () => screen.getByRole('button', { name: /^Record/ });
    expect(button().hasAttribute('disabled')).toBe(true);
    answer(QUESTIONS[0]!, 'No');
    answer(QUESTIONS[1]!, 'No');
    answer(QUESTIONS[2]!, 'No');
    expect(button().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Answer the 1 remaining question/)).toBeTruthy();
    answer(QUESTIONS[3]!, 'No');
    expect(button().hasAttribute('disabled')).toBe(false);
  });

  test('a "yes" escalates: tagged, forwarded, never filed', async () => {
    const r = rig({ strategies: [strategy({ spoc: undefined, responsePolicy: 'read-not-respond' })] });
    await show(r);
    answer(QUESTIONS[0]!, 'Yes');
    answer(QUESTIONS[1]!, 'No');
    answer(QUESTIONS[2]!, 'No');
    answer(QUESTIONS[3]!, 'No');
    expect(screen.getByRole('checkbox', { name: /Forward to safeguarding@/ })).toBeTruthy();
    await click(/Record and escalate/);
    expect(r.host.categories).toEqual([[SETTINGS.categories.escalate]]);
    expect(r.mail.calls.filter((c) => c[0] === 'forward')).toHaveLength(1);
    expect(r.mail.calls.some((c) => c[0] === 'move')).toBe(false);
    expect(screen.getByText('Escalated for action')).toBeTruthy();
  });

  test('after an escalation, the result has focus and says exactly what was forwarded, and to whom', async () => {
    const r = rig({ strategies: [strategy()] });
    await show(r);
    answer(QUESTIONS[0]!, 'No');
    answer(QUESTIONS[1]!, 'Yes');
    answer(QUESTIONS[2]!, 'No');
    answer(QUESTIONS[3]!, 'No');
    await click(/Record and escalate/);
    const result = screen.getByTestId('record-result');
    // Not <body>: the button that had focus is gone, and focus moved to what came of the press.
    expect(document.activeElement).toBe(result);
    expect(screen.getByTestId('forwarded').textContent).toBe(
      'Forwarded this email to safeguarding@force.example.police.uk, with the note: “Escalated after the read by Hana Handler: criminal matter. Sent from contact strategy triage.”',
    );
    expect(r.mail.calls.filter((c) => c[0] === 'forward')).toHaveLength(1);
  });

  test('an escalation the handler chose not to forward says it went to no one', async () => {
    const r = rig({ strategies: [strategy()] });
    await show(r);
    answer(QUESTIONS[0]!, 'Yes');
    answer(QUESTIONS[1]!, 'No');
    answer(QUESTIONS[2]!, 'No');
    answer(QUESTIONS[3]!, 'No');
    fireEvent.click(screen.getByRole('checkbox', { name: /Forward to safeguarding@/ }));
    await click(/Record and escalate/);
    expect(screen.queryByTestId('forwarded')).toBeNull();
    expect(screen.getByTestId('record-result').textContent).toMatch(
      /Not forwarded to anyone: it is tagged for action only\./,
    );
    expect(r.mail.calls.some((c) => c[0] === 'forward')).toBe(false);
  });

  test('a log row that cannot be stored: focus moves to why, not to <body>', async () => {
    const r = rig({ strategies: [strategy({ spoc: undefined })] });
    await show(r);
    r.outbox.fail = new Error('storage unavailable');
    answerAllNo();
    await click(/Record as read/);
    expect(document.activeElement).toBe(screen.getByTestId('record-result'));
    expect(document.activeElement?.textContent).toMatch(/nothing was filed/);
  });

  test('read-not-respond files itself after the read: one log row, moved and tagged', async () => {
    const r = rig({ strategies: [strategy({ spoc: undefined, responsePolicy: 'read-not-respond' })] });
    await show(r);
    answerAllNo();
    expect(screen.getByText(/recording files the message to "RBNR"/)).toBeTruthy();
    await click(/Record and file/);
    expect(r.outbox.records).toHaveLength(1);
    expect(r.mail.calls.filter((c) => c[0] === 'move')).toEqual([['move', 'rest-<m1@example.com>', 'RBNR']]);
    expect(r.host.categories).toEqual([[SETTINGS.categories.rbnrFiled]]);
    expect(screen.getByText('Filed (read but not respond)')).toBeTruthy();
    // The read is final once recorded.
    expect(screen.getAllByRole('radio').every((el) => el.hasAttribute('disabled'))).toBe(true);
  });

  test('a breach offers a reminder drafted into a reply form', async () => {
    const r = rig({ strategies: [strategy({ spoc: undefined, permittedChannels: ['post'] })] });
    await show(r);
    answerAllNo();
    await click(/Record the breach/);
    await click(/Draft reminder/);
    expect(r.host.replies).toHaveLength(1);
    expect(r.host.replies[0]).toContain('Paul Example');
    expect(screen.getByText(/Nothing is sent by itself/)).toBeTruthy();
  });

  test('a log row that cannot be stored: says nothing was filed', async () => {
    const r = rig({ strategies: [strategy({ spoc: undefined })] });
    await show(r);
    r.outbox.fail = new Error('storage unavailable');
    answerAllNo();
    await click(/Record as read/);
    expect(screen.getByText(/could not be saved, so nothing was filed: storage unavailable/)).toBeTruthy();
    expect(r.host.categories).toEqual([]);
  });
});

describe('taskpane view: states and status', () => {
  test('nothing selected: "Select a message"', async () => {
    await show(rig({ first: null }));
    expect(screen.getByRole('heading', { name: 'Select a message' })).toBeTruthy();
  });

  test('strategies unavailable: an error that says what to do, with a retry', async () => {
    const r = rig({ cached: false });
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    await show(r);
    expect(screen.getByText('Contact strategies are not available')).toBeTruthy();
    expect(screen.getByText(/Read this message as usual in Outlook/)).toBeTruthy();
    // A decision recorded before a reload is still waiting: say so here too.
    act(() => r.outbox.report({ pending: 1, lastError: 'Failed to fetch' }));
    expect(screen.getByText(/1 decision saved on this computer will be sent/)).toBeTruthy();
    r.strategies.failSync = null;
    await click(/Try again/);
    expect(screen.getByText('Single point of contact: Sam Handler — no breach')).toBeTruthy();
  });

  test('offline: older strategies are shown with their time, and queued decisions are announced', async () => {
    const r = rig();
    await show(r);
    r.strategies.failSync = Object.assign(new Error('x'), { status: 0 });
    await click(/Refresh/);
    expect(
      screen.getByText(/Can't reach SharePoint \(no connection\): strategies from \d\d:\d\d are shown/),
    ).toBeTruthy();
    act(() => r.outbox.report({ pending: 2, lastError: 'Failed to fetch' }));
    expect(screen.getByText(/2 decisions saved on this computer will be sent/)).toBeTruthy();
  });

  test('a decision the log refused is shown as refused, never as to be sent; another person’s are counted', async () => {
    const r = rig();
    await show(r);
    act(() =>
      r.outbox.report({
        pending: 0,
        lastError: null,
        refused: { count: 1, reason: '403 accessDenied' },
        othersWaiting: 2,
      }),
    );
    expect(screen.getByText('1 decision refused by the contact log')).toBeTruthy();
    expect(screen.getByText(/403 accessDenied.*tell your SharePoint administrator/)).toBeTruthy();
    expect(screen.queryByText(/will be sent/)).toBeNull();
    expect(
      screen.getByText(/2 decisions recorded on this computer by someone else are waiting/),
    ).toBeTruthy();
  });

  test('switching items while the previous one is slow shows only the current one', async () => {
    const r = rig();
    await show(r);
    const slow = deferred<void>();
    const other = message({ internetMessageId: '<slow@example.com>', subject: 'The slow one' });
    r.host.gates.set(other.internetMessageId, slow.promise);
    await act(async () => {
      r.host.select(other);
      r.host.select(message({ internetMessageId: '<fast@example.com>', subject: 'The fast one' }));
      await settle();
    });
    await act(async () => {
      slow.resolve();
      await settle();
    });
    expect(screen.getByText('Subject: The fast one')).toBeTruthy();
    expect(screen.queryByText('Subject: The slow one')).toBeNull();
  });
});

describe('taskpane view: a message the pane cannot draw', () => {
  test('an error drawing one message is shown in place; the pane and the next message still work', async () => {
    // A row the repository should have refused (reasons that are not a list) breaks the card.
    const odd = strategy({ reasons: 'rude' as never });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = rig({ strategies: [odd] });
      await show(r);
      expect(screen.getByText('This message could not be shown')).toBeTruthy();
      expect(screen.getByText(/Read it in Outlook as usual/)).toBeTruthy();
      expect(screen.getByText(/Strategies as of/)).toBeTruthy();
      await act(async () => {
        r.host.select(
          message({ internetMessageId: '<ann@example.org>', from: { address: 'ann.other@example.org' } }),
        );
        await settle();
      });
      expect(screen.queryByText('This message could not be shown')).toBeNull();
      expect(screen.getByText('No contact strategy')).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('taskpane view: supervisors', () => {
  test('the review form offers the periods the settings allow, with no policy written into it', async () => {
    const settings = new FakeSettings({ ...SETTINGS, reviewMaxDays: 92 });
    const view = await show(rig({ user: SUE, settings }));
    await click(/^Record review$/);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: /^Record a review of strategy/ }),
    );
    const options = () =>
      within(screen.getByRole('combobox', { name: /Next review in/ })).getAllByRole('option');
    expect(options().map((o) => o.textContent)).toEqual(['1 month', '2 months', '3 months']);
    expect(screen.getByText(/settings ask for a review at least every 92 days/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/lancs|3\.12/i);
    view.unmount();

    await show(rig({ user: SUE, settings: new FakeSettings({ ...SETTINGS, reviewMaxDays: 366 }) }));
    await click(/^Record review$/);
    expect(options().map((o) => o.textContent)).toEqual([
      '1 month',
      '2 months',
      '3 months',
      '6 months',
      '12 months',
    ]);
    expect(screen.getByText(/at least every 366 days/)).toBeTruthy();
  });

  test('a concurrent edit shows "changed by someone else" with their version and a reload', async () => {
    const r = rig({ user: SUE });
    await show(r);
    await click(/^Edit$/);
    // What the click opened takes focus, so it never looks as if nothing happened.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Edit strategy CS-0042/ }));
    r.strategies.nextSave = {
      kind: 'conflict',
      current: strategy({ personName: 'Paul Example-Jones', eTag: '"9"' }),
    };
    await click(/Save changes/);
    expect(screen.getByText('Changed by someone else')).toBeTruthy();
    expect(screen.getByText(/Paul Example-Jones/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  test('create a strategy from the open sender', async () => {
    const r = rig({
      user: SUE,
      first: message({ from: { name: 'Ann Other', address: 'ann.other@example.org' } }),
    });
    await show(r);
    await click(/Create a strategy for ann.other@example.org/);
    expect((screen.getByRole('textbox', { name: /Person name/ }) as HTMLInputElement).value).toBe(
      'Ann Other',
    );
    await click(/Create strategy/);
    expect(r.strategies.saved[0]).toMatchObject({
      personName: 'Ann Other',
      emailAddresses: ['ann.other@example.org'],
      status: 'draft',
    });
    expect(screen.getByText(/Saved: strategy CS-0100/)).toBeTruthy();
  });

  test('moving to another message closes a form opened for the previous one', async () => {
    const r = rig({
      user: SUE,
      first: message({ from: { name: 'Ann Other', address: 'ann.other@example.org' } }),
    });
    await show(r);
    await click(/Create a strategy for ann.other@example.org/);
    expect(screen.getByRole('textbox', { name: /Person name/ })).toBeTruthy();
    await act(async () => {
      r.host.select(
        message({
          internetMessageId: '<bob@example.org>',
          from: { name: 'Bob Other', address: 'bob.other@example.org' },
        }),
      );
      await settle();
    });
    // Ann's draft must not sit under Bob's message, where saving it would look like Bob's.
    expect(screen.queryByRole('textbox', { name: /Person name/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Create a strategy for bob.other@example.org/ })).toBeTruthy();
  });

  test('a bad form value is named and nothing is saved', async () => {
    const r = rig({ user: SUE });
    await show(r);
    await click(/^Edit$/);
    fireEvent.change(screen.getByRole('textbox', { name: /Designated address/ }), {
      target: { value: 'not an address' },
    });
    await click(/Save changes/);
    expect(screen.getByRole('alert').textContent).toMatch(/designatedAddress/);
    expect(r.strategies.saved).toHaveLength(0);
  });
});

describe('taskpane view: accessibility', () => {
  test('no axe-core violations on a matched message with flags, indicators and supervisor tools', async () => {
    const st = strategy({
      permittedChannels: ['post'],
      reasonableAdjustments: [{ description: 'Large print (18pt) replies' }],
    });
    const { container } = await show(
      rig({
        user: SUE,
        strategies: [st],
        first: message({ body: 'I see no point going on. I want to make a complaint.' }),
      }),
    );
    // The lazy supervisor tools are there, and so is an open form.
    expect(screen.getByRole('heading', { name: 'Supervisor' })).toBeTruthy();
    await click(/^Edit$/);
    expect(screen.getByRole('textbox', { name: /Person name/ })).toBeTruthy();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }, 120_000); // axe over a full Fluent tree in jsdom is slow on a busy machine
});
