// The add-in end to end in the sandbox: a handler reads, the gate holds until all four answers,
// each disposition does what docs/domain.md says to the mail and the contact log, the pinned pane
// follows the selection, and hostile content runs nothing.
import {
  SAMPLES,
  SHARED,
  answer,
  logRows,
  open,
  pane,
  record,
  recordButton,
  sample,
  useHarness,
  stored,
} from './harness';

const h = useHarness();

describe('the read gate', () => {
  it('keeps the read unrecorded until all four questions are answered', async () => {
    const frame = await open(h.page, 'paul-compliant');
    const button = recordButton(frame);
    await expect(button.isDisabled()).resolves.toBe(true);
    await answer(frame, ['No', 'No', 'No']);
    await expect(button.isDisabled()).resolves.toBe(true);
    await answer(frame, ['No', 'No', 'No', 'No']);
    await expect(button.isDisabled()).resolves.toBe(false);
    expect(
      logRows(h.sandbox).some(
        (r) => r.fields.InternetMessageId === sample('paul-compliant').message.internetMessageId,
      ),
    ).toBe(false);
  });
});

describe('dispositions', () => {
  it('files a read-but-not-respond message after the read, tags it and logs it once', async () => {
    const { message } = sample('casey-rbnr');
    const frame = await open(h.page, 'casey-rbnr');
    await answer(frame, ['No', 'No', 'No', 'No']);
    await expect(record(frame)).resolves.toMatch(/file/i);
    const moved = stored(h.sandbox, message.internetMessageId);
    expect(moved.folderName).toBe('Contact strategy - read not respond');
    expect(moved.categories).toEqual(expect.arrayContaining([expect.stringMatching(/read not respond/i)]));
    const rows = logRows(h.sandbox).filter((r) => r.fields.InternetMessageId === message.internetMessageId);
    expect(rows.map((r) => r.fields.Disposition)).toEqual(['auto-file']);
    // The sandbox page sees the move the way Outlook would: from the mailbox.
    await h.page.locator('#folders button', { hasText: 'read not respond' }).waitFor();
  });

  it('escalates a message whose read finds a risk, even under read-not-respond, and never files it', async () => {
    const { message } = sample('casey-self-harm');
    const frame = await open(h.page, 'casey-self-harm');
    await answer(frame, ['No', 'No', 'Yes', 'No']);
    const shown = (await frame.getByTestId('immediate-risk').textContent()) ?? '';
    await expect(record(frame)).resolves.toMatch(/escalate/i);
    // The result says what was sent, and to whom: the mailbox and the note that went with it.
    await expect(frame.getByTestId('forwarded').textContent()).resolves.toMatch(
      /^Forwarded this email to sam\.supervisor@force\.example\.police\.uk, with the note: “Escalated after the read by Alex Handler: safeguarding or risk\./,
    );
    const kept = stored(h.sandbox, message.internetMessageId);
    expect(kept.folderName).toBe('Inbox');
    expect(kept.categories).toEqual(expect.arrayContaining([expect.stringMatching(/escalate/i)]));
    const forwards = h.sandbox.store
      .forwards()
      .filter((f) => f.originalInternetMessageId === message.internetMessageId);
    expect(forwards.map((f) => f.toRecipients.map((r) => r.emailAddress.address))).toEqual([
      ['sam.supervisor@force.example.police.uk'],
    ]);
    const rows = logRows(h.sandbox).filter((r) => r.fields.InternetMessageId === message.internetMessageId);
    expect(rows.map((r) => [r.fields.Disposition, r.fields.AnswerSafeguarding])).toEqual([
      ['escalate', true],
    ]);
    // Logged as shown: the row holds the immediate-risk words the handler saw before recording.
    const logged = String(rows[0]?.fields.ImmediateRiskShown ?? '');
    expect(logged).toMatch(/duty inspector on 01632 960123/);
    expect(shown).toContain(logged);
  });

  it('records a breach and drafts a reminder for the handler to check, without sending anything', async () => {
    const { message } = sample('paul-wrong-address');
    const sentBefore = h.sandbox.store.messages(SHARED).length;
    const frame = await open(h.page, 'paul-wrong-address');
    await answer(frame, ['No', 'No', 'No', 'No']);
    await expect(record(frame)).resolves.toMatch(/breach/i);
    expect(stored(h.sandbox, message.internetMessageId).categories).toEqual(
      expect.arrayContaining([expect.stringMatching(/breach/i)]),
    );
    await frame.getByRole('button', { name: /Draft reminder/ }).click();
    await h.page.locator('#reply').waitFor({ state: 'visible' });
    const draft = await h.page.locator('#reply iframe').getAttribute('srcdoc');
    expect(draft).toContain('Paul Example');
    expect(await h.page.locator('#reply .head').textContent()).toContain(`RE: ${message.subject}`);
    expect(h.sandbox.store.messages(SHARED)).toHaveLength(sentBefore);
    expect(
      h.sandbox.store.forwards().filter((f) => f.originalInternetMessageId === message.internetMessageId),
    ).toEqual([]);
    await h.page.locator('#reply-close').click();
  });
});

describe('the pinned pane', () => {
  it('follows the selection without reloading', async () => {
    let frame = await open(h.page, 'paul-other-matter');
    await frame.evaluate(() => ((window as { __sameSession?: boolean }).__sameSession = true));
    await frame.locator('[data-headline="under-strategy"]').waitFor();
    frame = await open(h.page, 'no-strategy');
    await frame.locator('[data-headline="no-strategy"]').waitFor();
    frame = await open(h.page, 'paul-evasion');
    await frame.locator('[data-headline="possible-evasion"]').waitFor();
    expect(await frame.evaluate(() => (window as { __sameSession?: boolean }).__sameSession)).toBe(true);
  });

  it('shows markup in a message as text and runs none of it, in the page or the pane', async () => {
    const frame = await open(h.page, 'hostile-text');
    await frame.getByText('<img src="x" onerror=', { exact: false }).first().waitFor();
    const html = await open(h.page, 'hostile-html');
    await html.getByText('please call me back', { exact: false }).first().waitFor();
    await h.page.waitForTimeout(300);
    expect(await h.page.evaluate(() => (window as { __hostile?: string }).__hostile)).toBeUndefined();
    expect(
      await (await pane(h.page)).evaluate(() => (window as { __hostile?: string }).__hostile),
    ).toBeUndefined();
    expect(h.dialogs).toEqual([]);
  });
});

describe('roles', () => {
  it('shows supervisor tools to the supervisor only', async () => {
    let frame = await open(h.page, 'paul-multiple');
    await frame.getByRole('heading', { name: 'Your read' }).waitFor();
    expect(await frame.getByRole('heading', { name: 'Supervisor' }).count()).toBe(0);
    await h.page.selectOption('#user', 'sam.supervisor@force.example.police.uk');
    frame = await open(h.page, 'paul-multiple');
    await frame.getByRole('heading', { name: 'Supervisor' }).waitFor();
  });

  it('lets the supervisor add an evading address to the strategy, after which it matches', async () => {
    const address = sample('paul-evasion').message.from.address;
    const frame = await open(h.page, 'paul-evasion');
    await frame.getByRole('button', { name: /Add this address to CS-0042/ }).click();
    await frame.getByRole('button', { name: 'Add the address' }).click();
    // Matched now: under the strategy, or in breach of it, but no longer a resemblance.
    await frame.locator('[data-headline="under-strategy"], [data-headline="breach"]').waitFor();
    const siteId =
      h.sandbox.store.siteId(SAMPLES.organisation.site.hostname, SAMPLES.organisation.site.path) ?? '';
    const paul = h.sandbox.store
      .listItems(siteId, 'Contact Strategies')
      .find((r) => r.fields.Title === 'CS-0042');
    expect(String(paul?.fields.EmailAddresses).split('\n')).toContain(address);
  });
});
